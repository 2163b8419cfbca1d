"""Schema migrations: ordered, named, each applied in its own transaction.

A migration is never edited once released; a change to the schema is a new migration at the
end of ``MIGRATIONS``. ``claimledger db upgrade`` (and opening a store) applies the missing ones.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """A schema change; ``fill`` names a data step the store runs after the SQL, in the same
    transaction (for data SQL alone cannot compute)."""

    name: str
    sql: str
    fill: str | None = None


M001_ARTICLES = Migration(
    "001_articles",
    """
    CREATE TABLE articles (
        doc_id       TEXT PRIMARY KEY,
        article_key  TEXT NOT NULL,
        version      INTEGER NOT NULL,
        is_current   INTEGER NOT NULL DEFAULT 1,
        outlet       TEXT,
        outlet_id    TEXT,
        url          TEXT,
        path         TEXT,
        title        TEXT,
        published    TEXT,
        source_id    TEXT,
        ingested_at  TEXT NOT NULL,
        text         TEXT NOT NULL,
        extraction   TEXT NOT NULL
    );
    CREATE INDEX articles_key ON articles (article_key, version);
    CREATE INDEX articles_outlet ON articles (outlet_id);
    """,
)

M002_CLAIMS = Migration(
    "002_claims",
    """
    CREATE TABLE claims (
        id            TEXT PRIMARY KEY,
        doc_id        TEXT NOT NULL REFERENCES articles (doc_id),
        seq           INTEGER NOT NULL,
        content       TEXT NOT NULL,
        content_start INTEGER NOT NULL,
        content_end   INTEGER NOT NULL,
        cue           TEXT,
        speaker_text  TEXT,
        speaker_name  TEXT,
        speaker_kind  TEXT NOT NULL,
        origin        TEXT,
        hedged        INTEGER NOT NULL,
        verification  TEXT,
        polarity      TEXT NOT NULL
    );
    CREATE INDEX claims_doc ON claims (doc_id);
    CREATE INDEX claims_origin ON claims (origin);
    CREATE TABLE chain_hops (
        claim_id TEXT NOT NULL REFERENCES claims (id),
        position INTEGER NOT NULL,
        name     TEXT NOT NULL,
        kind     TEXT NOT NULL,
        PRIMARY KEY (claim_id, position)
    );
    CREATE INDEX chain_hops_name ON chain_hops (name);
    CREATE TABLE quantities (
        id           TEXT PRIMARY KEY,
        doc_id       TEXT NOT NULL REFERENCES articles (doc_id),
        text         TEXT NOT NULL,
        value        REAL,
        low          REAL,
        high         REAL,
        approximate  INTEGER NOT NULL,
        bound        TEXT,
        unit         TEXT,
        what         TEXT,
        period_text  TEXT,
        period_start TEXT,
        period_end   TEXT,
        per          TEXT,
        start_char   INTEGER,
        end_char     INTEGER
    );
    CREATE INDEX quantities_doc ON quantities (doc_id);
    CREATE TABLE claim_quantities (
        claim_id    TEXT NOT NULL REFERENCES claims (id),
        quantity_id TEXT NOT NULL REFERENCES quantities (id),
        PRIMARY KEY (claim_id, quantity_id)
    );
    CREATE TABLE mentions (
        doc_id      TEXT NOT NULL REFERENCES articles (doc_id),
        seq         INTEGER NOT NULL,
        type        TEXT NOT NULL,
        text        TEXT NOT NULL,
        name        TEXT NOT NULL,
        kind        TEXT,
        registry_id TEXT,
        lat         REAL,
        lon         REAL,
        number      INTEGER,
        echelon     TEXT,
        side        TEXT,
        start_char  INTEGER,
        end_char    INTEGER,
        data        TEXT NOT NULL,
        PRIMARY KEY (doc_id, type, seq)
    );
    CREATE INDEX mentions_name ON mentions (type, name);
    CREATE TABLE descriptor_conflicts (
        doc_id     TEXT NOT NULL REFERENCES articles (doc_id),
        actor      TEXT NOT NULL,
        registry_id TEXT,
        descriptor TEXT NOT NULL,
        expected   TEXT NOT NULL
    );
    CREATE INDEX descriptor_conflicts_actor ON descriptor_conflicts (actor);
    """,
)

M003_ANALYSIS = Migration(
    "003_analysis",
    """
    CREATE TABLE claim_terms (
        term      TEXT NOT NULL,
        owner_row INTEGER NOT NULL,
        PRIMARY KEY (term, owner_row)
    ) WITHOUT ROWID;
    CREATE TABLE term_counts (
        term  TEXT PRIMARY KEY,
        count INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE clusters (
        id                  TEXT PRIMARY KEY,
        assessment          TEXT NOT NULL,
        independent_origins INTEGER NOT NULL,
        origins             TEXT NOT NULL,
        reasons             TEXT NOT NULL,
        size                INTEGER NOT NULL,
        updated_at          TEXT NOT NULL
    );
    CREATE TABLE claim_clusters (
        claim_id   TEXT PRIMARY KEY REFERENCES claims (id),
        cluster_id TEXT NOT NULL,
        similarity REAL NOT NULL
    );
    CREATE INDEX claim_clusters_cluster ON claim_clusters (cluster_id);
    CREATE TABLE quantity_terms (
        term      TEXT NOT NULL,
        owner_row INTEGER NOT NULL,
        PRIMARY KEY (term, owner_row)
    ) WITHOUT ROWID;
    CREATE TABLE checks (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        verdict     TEXT NOT NULL,
        quantity_a  TEXT NOT NULL REFERENCES quantities (id),
        quantity_b  TEXT NOT NULL REFERENCES quantities (id),
        claim_ids   TEXT NOT NULL,
        figures     TEXT NOT NULL,
        explanation TEXT NOT NULL
    );
    CREATE INDEX checks_a ON checks (quantity_a);
    CREATE INDEX checks_b ON checks (quantity_b);
    CREATE TABLE counters (
        name  TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    -- claim_grades is no longer written: credibility is computed when read (ledger.claim_grades)
    CREATE TABLE claim_grades (
        claim_id    TEXT PRIMARY KEY REFERENCES claims (id),
        credibility INTEGER NOT NULL,
        reasons     TEXT NOT NULL
    );
    CREATE TABLE source_grades (
        name        TEXT PRIMARY KEY,
        reliability TEXT NOT NULL,
        reasons     TEXT NOT NULL,
        claims      INTEGER NOT NULL,
        corroborated INTEGER NOT NULL,
        contested   INTEGER NOT NULL,
        denied      INTEGER NOT NULL
    );
    """,
)

M004_STANCE = Migration(
    "004_claim_stance",
    """
    ALTER TABLE claim_clusters ADD COLUMN stance TEXT NOT NULL DEFAULT 'for';
    """,
)

M005_SOURCE_TALLIES = Migration(
    "005_source_tallies",
    """
    ALTER TABLE claim_clusters ADD COLUMN outcome TEXT;
    UPDATE claim_clusters SET outcome = (
        SELECT CASE WHEN claim_clusters.stance = 'against' THEN 'against' ELSE k.assessment END
        FROM clusters k WHERE k.id = claim_clusters.cluster_id
    );
    CREATE TABLE source_tallies (
        name    TEXT NOT NULL,
        outcome TEXT NOT NULL,
        count   INTEGER NOT NULL,
        PRIMARY KEY (name, outcome)
    ) WITHOUT ROWID;
    INSERT INTO source_tallies (name, outcome, count)
        SELECT c.origin, cc.outcome, COUNT(*)
        FROM claim_clusters cc JOIN claims c ON c.id = cc.claim_id
        JOIN articles a ON a.doc_id = c.doc_id
        WHERE c.origin IS NOT NULL AND c.origin != '' AND cc.outcome IS NOT NULL
          AND a.is_current = 1
        GROUP BY c.origin, cc.outcome;
    """,
)

M006_CLAIM_PLACES = Migration(
    "006_claim_places",
    """
    ALTER TABLE claims ADD COLUMN places TEXT;
    """,
    fill="claim_places",  # where each claim is, stored with it: reading it needs no join
)

M007_CLAIM_LINKS = Migration(
    "007_claim_links",
    """
    CREATE TABLE claim_links (
        claim_id TEXT NOT NULL,
        other_id TEXT NOT NULL,
        kind     TEXT NOT NULL,
        PRIMARY KEY (claim_id, other_id)
    ) WITHOUT ROWID;
    CREATE INDEX claim_links_other ON claim_links (other_id);
    """,
)  # a claim that negates another in close wording (its denial, a rebuttal): kept apart, linked

M008_ARTICLE_COPIES = Migration(
    "008_article_copies",
    """
    CREATE TABLE article_signatures (
        doc_id    TEXT PRIMARY KEY REFERENCES articles (doc_id),
        signature TEXT NOT NULL,
        shingles  INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE article_bands (
        band   TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        PRIMARY KEY (band, doc_id)
    ) WITHOUT ROWID;
    CREATE TABLE article_copies (
        doc_id     TEXT PRIMARY KEY,
        copy_of    TEXT NOT NULL,
        similarity REAL NOT NULL
    ) WITHOUT ROWID;
    """,
    fill="article_signatures",
)  # near-duplicate articles (the same text republished): one report, never two confirmations

M009_READS = Migration(
    "009_reads",
    """
    ALTER TABLE articles ADD COLUMN arrival INTEGER;
    UPDATE articles SET arrival = rowid;
    INSERT OR REPLACE INTO counters (name, value)
        SELECT 'arrival', COALESCE(MAX(arrival), 0) FROM articles;
    CREATE INDEX articles_arrival ON articles (arrival);
    CREATE INDEX articles_published ON articles (published);
    CREATE INDEX claims_speaker ON claims (speaker_name COLLATE NOCASE);
    CREATE INDEX claims_origin_nocase ON claims (origin COLLATE NOCASE);
    CREATE INDEX mentions_name_nocase ON mentions (type, name COLLATE NOCASE);
    CREATE TABLE claim_places (
        name     TEXT NOT NULL COLLATE NOCASE,
        claim_id TEXT NOT NULL,
        PRIMARY KEY (name, claim_id)
    ) WITHOUT ROWID;
    CREATE INDEX claim_places_claim ON claim_places (claim_id);
    CREATE VIRTUAL TABLE article_search USING fts5(
        title, text, content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE claim_search USING fts5(
        content, content='claims', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO article_search (article_search) VALUES ('rebuild');
    INSERT INTO claim_search (claim_search) VALUES ('rebuild')
    """,
    fill="claim_places_table",
)  # what the API and the web read by: arrival order (an explicit column, not rowid order),
# speaker, date and place indexes, full-text search over article text and claim content

M010_FIGURE_CHECKS = Migration(
    "010_figure_checks",
    """
    CREATE TABLE pending_checks (
        doc_id  TEXT PRIMARY KEY,
        checked INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE INDEX claim_quantities_quantity ON claim_quantities (quantity_id)
    """,
)  # articles whose figure checks are not finished: the checks run after the article is stored,
# in transactions of their own (a long article's hundreds of figures held the write lock for
# seconds), and an interrupted run finishes them on the next ingest; the claims stating a
# figure found by index (every arrival's checks scanned the whole claim_quantities table)

M011_AFFILIATIONS = Migration(
    "011_affiliations",
    """
    CREATE TABLE affiliations (
        doc_id    TEXT NOT NULL REFERENCES articles (doc_id),
        person    TEXT NOT NULL,
        principal TEXT NOT NULL,
        PRIMARY KEY (doc_id, person)
    ) WITHOUT ROWID
    """,
)  # whom an article names a person as speaking for ("FBI Director James Comey": FBI), read
# by the ledger so that the person's statements and the body's are one line of reporting;
# ledgers extracted before this migration have none until their articles are extracted again

M012_AFFILIATION_PRINCIPALS = Migration(
    "012_affiliation_principals",
    "CREATE INDEX affiliations_principal ON affiliations (principal)",
)  # the articles naming a body as someone's (``affiliated``: descriptor conflicts), by index

MIGRATIONS: tuple[Migration, ...] = (
    M001_ARTICLES,
    M002_CLAIMS,
    M003_ANALYSIS,
    M004_STANCE,
    M005_SOURCE_TALLIES,
    M006_CLAIM_PLACES,
    M007_CLAIM_LINKS,
    M008_ARTICLE_COPIES,
    M009_READS,
    M010_FIGURE_CHECKS,
    M011_AFFILIATIONS,
    M012_AFFILIATION_PRINCIPALS,
)
