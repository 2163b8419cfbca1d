"""The schema migrations of a PostgreSQL ledger: the same names, order and data steps as the
SQLite ones (``migrations.py``), in PostgreSQL's dialect. Each is applied in its own transaction
and recorded in ``schema_migrations``; a change to the schema is a new migration at the end of
both lists (``tests/store/test_postgres_store.py`` checks that they name the same steps).

What differs from SQLite, and why:

- Text is ``TEXT COLLATE "C"`` (the ``T`` below): bytewise order and comparison, as SQLite's
  BINARY collation, so that lists and exports come out in the same order on both backends
  whatever locale the database was created with.
- SQLite's implicit ``rowid`` (insertion order: the newest owners of a term, a cluster's newest
  members) is an explicit ``row_id BIGSERIAL`` column, always the table's last: the store's
  positional ``INSERT ... VALUES`` fill the columns before it. A migration that adds a column to
  a table with a ``row_id`` must therefore be written with the store's INSERTs naming columns.
- Case-insensitive lookups (SQLite's ``COLLATE NOCASE``) are indexes on ``lower(...)``.
- Full-text search (SQLite's FTS5 tables ``article_search`` and ``claim_search``) is a
  ``tsvector`` per row with a GIN index, in tables of the same names.
"""

from __future__ import annotations

from claimledger.store.migrations import Migration

T = 'TEXT COLLATE "C"'

PG_M001_ARTICLES = Migration(
    "001_articles",
    f"""
    CREATE TABLE articles (
        doc_id       {T} PRIMARY KEY,
        article_key  {T} NOT NULL,
        version      BIGINT NOT NULL,
        is_current   BIGINT NOT NULL DEFAULT 1,
        outlet       {T},
        outlet_id    {T},
        url          {T},
        path         {T},
        title        {T},
        published    {T},
        source_id    {T},
        ingested_at  {T} NOT NULL,
        text         {T} NOT NULL,
        extraction   {T} NOT NULL
    );
    CREATE INDEX articles_key ON articles (article_key, version);
    CREATE INDEX articles_outlet ON articles (outlet_id);
    """,
)

PG_M002_CLAIMS = Migration(
    "002_claims",
    f"""
    CREATE TABLE claims (
        id            {T} PRIMARY KEY,
        doc_id        {T} NOT NULL REFERENCES articles (doc_id),
        seq           BIGINT NOT NULL,
        content       {T} NOT NULL,
        content_start BIGINT NOT NULL,
        content_end   BIGINT NOT NULL,
        cue           {T},
        speaker_text  {T},
        speaker_name  {T},
        speaker_kind  {T} NOT NULL,
        origin        {T},
        hedged        BIGINT NOT NULL,
        verification  {T},
        polarity      {T} NOT NULL
    );
    CREATE INDEX claims_doc ON claims (doc_id);
    CREATE INDEX claims_origin ON claims (origin);
    CREATE TABLE chain_hops (
        claim_id {T} NOT NULL REFERENCES claims (id),
        position BIGINT NOT NULL,
        name     {T} NOT NULL,
        kind     {T} NOT NULL,
        PRIMARY KEY (claim_id, position)
    );
    CREATE INDEX chain_hops_name ON chain_hops (name);
    CREATE TABLE quantities (
        id           {T} PRIMARY KEY,
        doc_id       {T} NOT NULL REFERENCES articles (doc_id),
        text         {T} NOT NULL,
        value        DOUBLE PRECISION,
        low          DOUBLE PRECISION,
        high         DOUBLE PRECISION,
        approximate  BIGINT NOT NULL,
        bound        {T},
        unit         {T},
        what         {T},
        period_text  {T},
        period_start {T},
        period_end   {T},
        per          {T},
        start_char   BIGINT,
        end_char     BIGINT,
        row_id       BIGSERIAL UNIQUE
    );
    CREATE INDEX quantities_doc ON quantities (doc_id);
    CREATE TABLE claim_quantities (
        claim_id    {T} NOT NULL REFERENCES claims (id),
        quantity_id {T} NOT NULL REFERENCES quantities (id),
        row_id      BIGSERIAL,
        PRIMARY KEY (claim_id, quantity_id)
    );
    CREATE TABLE mentions (
        doc_id      {T} NOT NULL REFERENCES articles (doc_id),
        seq         BIGINT NOT NULL,
        type        {T} NOT NULL,
        text        {T} NOT NULL,
        name        {T} NOT NULL,
        kind        {T},
        registry_id {T},
        lat         DOUBLE PRECISION,
        lon         DOUBLE PRECISION,
        number      BIGINT,
        echelon     {T},
        side        {T},
        start_char  BIGINT,
        end_char    BIGINT,
        data        {T} NOT NULL,
        row_id      BIGSERIAL,
        PRIMARY KEY (doc_id, type, seq)
    );
    CREATE INDEX mentions_name ON mentions (type, name);
    CREATE TABLE descriptor_conflicts (
        doc_id     {T} NOT NULL REFERENCES articles (doc_id),
        actor      {T} NOT NULL,
        registry_id {T},
        descriptor {T} NOT NULL,
        expected   {T} NOT NULL
    );
    CREATE INDEX descriptor_conflicts_actor ON descriptor_conflicts (actor);
    """,
)

PG_M003_ANALYSIS = Migration(
    "003_analysis",
    f"""
    CREATE TABLE claim_terms (
        term      {T} NOT NULL,
        owner_row BIGINT NOT NULL,
        PRIMARY KEY (term, owner_row)
    );
    CREATE TABLE term_counts (
        term  {T} PRIMARY KEY,
        count BIGINT NOT NULL
    );
    CREATE TABLE clusters (
        id                  {T} PRIMARY KEY,
        assessment          {T} NOT NULL,
        independent_origins BIGINT NOT NULL,
        origins             {T} NOT NULL,
        reasons             {T} NOT NULL,
        size                BIGINT NOT NULL,
        updated_at          {T} NOT NULL
    );
    CREATE TABLE claim_clusters (
        claim_id   {T} PRIMARY KEY REFERENCES claims (id),
        cluster_id {T} NOT NULL,
        similarity DOUBLE PRECISION NOT NULL,
        row_id     BIGSERIAL
    );
    CREATE INDEX claim_clusters_cluster ON claim_clusters (cluster_id, row_id);
    CREATE TABLE quantity_terms (
        term      {T} NOT NULL,
        owner_row BIGINT NOT NULL,
        PRIMARY KEY (term, owner_row)
    );
    CREATE TABLE checks (
        id          {T} PRIMARY KEY,
        kind        {T} NOT NULL,
        verdict     {T} NOT NULL,
        quantity_a  {T} NOT NULL REFERENCES quantities (id),
        quantity_b  {T} NOT NULL REFERENCES quantities (id),
        claim_ids   {T} NOT NULL,
        figures     {T} NOT NULL,
        explanation {T} NOT NULL
    );
    CREATE INDEX checks_a ON checks (quantity_a);
    CREATE INDEX checks_b ON checks (quantity_b);
    CREATE TABLE counters (
        name  {T} PRIMARY KEY,
        value BIGINT NOT NULL
    );
    CREATE TABLE claim_grades (
        claim_id    {T} PRIMARY KEY REFERENCES claims (id),
        credibility BIGINT NOT NULL,
        reasons     {T} NOT NULL
    );
    CREATE TABLE source_grades (
        name        {T} PRIMARY KEY,
        reliability {T} NOT NULL,
        reasons     {T} NOT NULL,
        claims      BIGINT NOT NULL,
        corroborated BIGINT NOT NULL,
        contested   BIGINT NOT NULL,
        denied      BIGINT NOT NULL
    );
    """,
)

PG_M004_STANCE = Migration(
    "004_claim_stance",
    f"ALTER TABLE claim_clusters ADD COLUMN stance {T} NOT NULL DEFAULT 'for'",
)

PG_M005_SOURCE_TALLIES = Migration(
    "005_source_tallies",
    f"""
    ALTER TABLE claim_clusters ADD COLUMN outcome {T};
    UPDATE claim_clusters SET outcome = (
        SELECT CASE WHEN claim_clusters.stance = 'against' THEN 'against' ELSE k.assessment END
        FROM clusters k WHERE k.id = claim_clusters.cluster_id
    );
    CREATE TABLE source_tallies (
        name    {T} NOT NULL,
        outcome {T} NOT NULL,
        count   BIGINT NOT NULL,
        PRIMARY KEY (name, outcome)
    );
    INSERT INTO source_tallies (name, outcome, count)
        SELECT c.origin, cc.outcome, COUNT(*)
        FROM claim_clusters cc JOIN claims c ON c.id = cc.claim_id
        JOIN articles a ON a.doc_id = c.doc_id
        WHERE c.origin IS NOT NULL AND c.origin != '' AND cc.outcome IS NOT NULL
          AND a.is_current = 1
        GROUP BY c.origin, cc.outcome;
    """,
)

PG_M006_CLAIM_PLACES = Migration(
    "006_claim_places",
    f"""
    ALTER TABLE claims ADD COLUMN places {T};
    ALTER TABLE claims ADD COLUMN row_id BIGSERIAL UNIQUE
    """,  # row_id last: after places, the last column the store's INSERT fills
    fill="claim_places",
)

PG_M007_CLAIM_LINKS = Migration(
    "007_claim_links",
    f"""
    CREATE TABLE claim_links (
        claim_id {T} NOT NULL,
        other_id {T} NOT NULL,
        kind     {T} NOT NULL,
        PRIMARY KEY (claim_id, other_id)
    );
    CREATE INDEX claim_links_other ON claim_links (other_id);
    """,
)

PG_M008_ARTICLE_COPIES = Migration(
    "008_article_copies",
    f"""
    CREATE TABLE article_signatures (
        doc_id    {T} PRIMARY KEY REFERENCES articles (doc_id),
        signature {T} NOT NULL,
        shingles  BIGINT NOT NULL
    );
    CREATE TABLE article_bands (
        band   {T} NOT NULL,
        doc_id {T} NOT NULL,
        PRIMARY KEY (band, doc_id)
    );
    CREATE TABLE article_copies (
        doc_id     {T} PRIMARY KEY,
        copy_of    {T} NOT NULL,
        similarity DOUBLE PRECISION NOT NULL
    );
    """,
    fill="article_signatures",
)

PG_M009_READS = Migration(
    "009_reads",
    f"""
    ALTER TABLE articles ADD COLUMN arrival BIGINT;
    ALTER TABLE articles ADD COLUMN row_id BIGSERIAL UNIQUE;
    UPDATE articles SET arrival = row_id;
    INSERT INTO counters (name, value)
        SELECT 'arrival', COALESCE(MAX(arrival), 0) FROM articles
        ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value;
    CREATE INDEX articles_arrival ON articles (arrival);
    CREATE INDEX articles_published ON articles (published);
    CREATE INDEX claims_speaker ON claims (lower(speaker_name));
    CREATE INDEX claims_origin_nocase ON claims (lower(origin));
    CREATE INDEX mentions_name_nocase ON mentions (type, lower(name));
    CREATE INDEX articles_outlet_nocase ON articles (lower(outlet));
    CREATE TABLE claim_places (
        name     {T} NOT NULL,
        claim_id {T} NOT NULL
    );
    CREATE UNIQUE INDEX claim_places_name ON claim_places (lower(name), claim_id);
    CREATE INDEX claim_places_claim ON claim_places (claim_id);
    CREATE TABLE article_search (
        row_id BIGINT PRIMARY KEY,
        words  TSVECTOR NOT NULL
    );
    CREATE INDEX article_search_words ON article_search USING GIN (words);
    CREATE TABLE claim_search (
        row_id BIGINT PRIMARY KEY,
        words  TSVECTOR NOT NULL
    );
    CREATE INDEX claim_search_words ON claim_search USING GIN (words);
    INSERT INTO article_search (row_id, words)
        SELECT row_id, to_tsvector('simple', COALESCE(title, '') || ' ' || text) FROM articles;
    INSERT INTO claim_search (row_id, words)
        SELECT row_id, to_tsvector('simple', content) FROM claims
    """,
    fill="claim_places_table",
)

PG_M010_FIGURE_CHECKS = Migration(
    "010_figure_checks",
    f"""
    CREATE TABLE pending_checks (
        doc_id  {T} PRIMARY KEY,
        checked BIGINT NOT NULL DEFAULT 0
    );
    CREATE INDEX claim_quantities_quantity ON claim_quantities (quantity_id, row_id)
    """,
)

PG_M011_AFFILIATIONS = Migration(
    "011_affiliations",
    f"""
    CREATE TABLE affiliations (
        doc_id    {T} NOT NULL REFERENCES articles (doc_id),
        person    {T} NOT NULL,
        principal {T} NOT NULL,
        PRIMARY KEY (doc_id, person)
    )
    """,
)

PG_M012_AFFILIATION_PRINCIPALS = Migration(
    "012_affiliation_principals",
    "CREATE INDEX affiliations_principal ON affiliations (principal)",
)

PG_MIGRATIONS: tuple[Migration, ...] = (
    PG_M001_ARTICLES,
    PG_M002_CLAIMS,
    PG_M003_ANALYSIS,
    PG_M004_STANCE,
    PG_M005_SOURCE_TALLIES,
    PG_M006_CLAIM_PLACES,
    PG_M007_CLAIM_LINKS,
    PG_M008_ARTICLE_COPIES,
    PG_M009_READS,
    PG_M010_FIGURE_CHECKS,
    PG_M011_AFFILIATIONS,
    PG_M012_AFFILIATION_PRINCIPALS,
)
