"""Origins and independence of a cluster, and its assessment.

Each member claim has an origin: the last link of its attribution chain. Origins are merged
into lines of reporting when they cannot be independent of each other:

- the same origin, named the same way (after normalising case and articles); a registered
  spokesperson counts as the organisation they speak for;
- anonymous or unnamed sources count as the outlet that carries them;
- an outlet and whatever it relays in this cluster ("as reported by Sputnik" is Sputnik's own
  origin for the claim, and Sputnik's article names that origin);
- outlets under one owner (from the registry) are one line;
- an unnamed local body ("the regional health department") is one line with the authority or
  official its article names beside it for the same story (the governor);
- a state named for its authorities ("Kyiv says", "Moscow said") is one line with an official
  source of that state in the cluster (registry country, or the country its name says);
- the authorities of one state (its ministries, armed forces, officials and spokespeople, by
  the registry or by a government or military source's name) are one line.

Variants of one name (``proposition.same_source``: "Hillary Rodham Clinton" and "Mrs.
Clinton", "Lavrov" and "Ławrow", a misspelt surname) are one line; a bare-word source
("diplomats") is the one longer source of the cluster that has that word ("three EU diplomats").

Every member of a cluster states its proposition. The assessment is, in this order: ``denied``
(a source other than the cluster's origins denies it), ``contested`` (a source other than its
origins states the negation in close wording, or the reporting itself disputes it: "claimed
without evidence"), ``corroborated`` (two or more independent lines), ``circular`` (one line
echoed by two or more articles), ``single-source``. Negation inside a claim is part of what it
states, and a source walking back its own claim does not deny it. Every verdict names its
evidence in the cluster's reasons.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from claimledger.analyze.proposition import (
    PRONOUNS,
    claim_kind,
    names_someone,
    quoted_pairs,
    same_source,
    source_key,
    unplaced_twin,
)
from claimledger.analyze.terms import terms
from claimledger.store.records import ClaimRecord, Cluster

ANONYMOUS = {"anonymous"}  # a named origin of unknown kind is still named
PARTY_KINDS = {"government", "military"}
LOCAL_BODY = re.compile(
    r"(regional|oblast|city|municipal|local|district|county)\b.*"
    r"\b(department|administration|authorities|officials|council|office|services?)$"
)
LOCAL_SIDE = {"government", "person"}
OwnerOf = Callable[[str], str | None]
SpeaksFor = Callable[[str], str | None]
CountryOf = Callable[[str], str | None]


def _nobody(name: str) -> str | None:
    return None


def _norm(name: str | None) -> str:
    text = (name or "").lower().replace("’", "'").replace("defense", "defence").strip()
    for det in ("the ", "a ", "an "):
        text = text.removeprefix(det)
    return " ".join(text.split())


def _words(key: str) -> frozenset[str]:
    """The content terms of an origin key ("UN human rights monitors" -> human, right, monitor)."""
    return frozenset(terms(key.removeprefix("outlet:")))


def _merge_variants(lines: _Lines) -> None:
    """Within a cluster, "Defence Ministry" and "Ministry of Defence" are the "Russian Defence
    Ministry" named elsewhere in it: a name whose words are all in another name is that name."""
    keys = sorted(lines.parent, key=lambda k: -len(_words(k)))
    for n, longer in enumerate(keys):
        for shorter in keys[n + 1 :]:
            ws = _words(shorter)
            if (
                ws
                and len(ws) >= 2
                and ws <= _words(longer)
                and shorter.startswith("outlet:") == longer.startswith("outlet:")
            ):
                lines.join(shorter, longer)
    # one bare word ("diplomats") is the one longer name in the cluster that has it ("three EU
    # diplomats"): an unnamed source referred to again; with two such names it stays apart
    for shorter in keys:
        ws = _words(shorter)
        if len(ws) != 1 or len(shorter.split()) != 1 or shorter.startswith("outlet:"):
            continue
        holders = [
            k for k in keys if k != shorter and not k.startswith("outlet:") and ws <= _words(k)
        ]
        if len(holders) == 1:
            lines.join(shorter, holders[0])


class _Lines:
    """Union-find over origin keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def origin_key(claim: ClaimRecord, owner_of: OwnerOf, speaks_for: SpeaksFor = _nobody) -> str:
    """The key of a claim's origin: an outlet by its owner, a spokesperson by the organisation
    they speak for; unnamed sources count as the outlet that carries them."""
    kind = _last_kind(claim)
    if claim.origin and claim.outlet and _norm(claim.origin) == _norm(claim.outlet):
        return _carrier_key(claim, owner_of)  # the outlet's own voice, whatever kind it was given
    if claim.origin and kind not in ANONYMOUS:
        owner = owner_of(claim.origin)
        if owner or kind == "outlet":
            return "outlet:" + (owner or _norm(claim.origin))
        return _norm(speaks_for(claim.origin) or claim.origin)
    outlets = [name for name, k in claim.chain if k == "outlet" or owner_of(name)]
    if outlets:
        return "outlet:" + (owner_of(outlets[0]) or _norm(outlets[0]))
    return _carrier_key(claim, owner_of)


def _last_kind(claim: ClaimRecord) -> str | None:
    """The kind of a claim's origin: of its chain's last link, else of its speaker."""
    return claim.chain[-1][1] if claim.chain else claim.speaker_kind


def _carrier_key(claim: ClaimRecord, owner_of: OwnerOf) -> str:
    """The key of the outlet whose article carries the claim."""
    carrier = claim.outlet_id or claim.outlet or claim.doc_id
    return "outlet:" + (owner_of(carrier) or _norm(carrier))


def opposed(members: Sequence[ClaimRecord]) -> set[str]:
    """Ids of the members that deny the cluster's claim rather than state it: a member whose cue
    is a denial ("X denied that ...") in a cluster of affirmations. Negation inside a claim ("no
    evidence", "not ready") is part of what it states, not a denial (none when all members deny:
    a cluster of denials is about the denial itself)."""
    against = {m.id for m in members if m.polarity == "deny"}
    return set() if len(against) == len(members) else against


def assess(
    cluster_id: str,
    members: Sequence[ClaimRecord],
    owner_of: OwnerOf,
    speaks_for: SpeaksFor = _nobody,
    metonym_of: CountryOf = _nobody,
    side_of: CountryOf = _nobody,
    counter: Sequence[ClaimRecord] = (),
    copy_of: Mapping[str, str] | None = None,
    official_of: CountryOf = _nobody,
    body_of: SpeaksFor = _nobody,
) -> Cluster:
    """The cluster's origins, their independence, and its assessment, with the reasons.

    Every member states the cluster's proposition (``clusters.py`` only merges claims that do);
    ``counter`` holds claims of other clusters that negate it in close wording (linked when they
    arrived). A counter-claim or a denying member counts only when it comes from a source other
    than the cluster's own origins: a claim is never denied by its own origin. ``copy_of`` maps
    an article that republishes another (``copies.py``) to the report it copies: members in
    one report are one line."""
    opposing = opposed(members)
    against = [m for m in members if m.id in opposing]
    support = [m for m in members if m not in against]
    lines = _Lines()
    names: dict[str, Counter[str]] = {}
    named = [m for m in support if _is_named(m, owner_of, side_of)]
    unnamed = [m for m in support if m not in named]
    unnamed_key = UNNAMED if not named else origin_key(named[0], owner_of, speaks_for)
    if unnamed:  # claims with no named source are one line: their independence is unknowable
        shown = names.setdefault(unnamed_key, Counter())
        for m in unnamed:  # a description ("Clinton campaign", "the regional governor") is
            # shown as itself; a pronoun or one common word ("officials") as an unnamed source
            described = m.origin if _described(m) else None
            shown[described or "unnamed source"] += 0 if named else 1
        lines.find(unnamed_key)
    written: dict[str, Counter[str]] = {}
    for m in named:
        key = origin_key(m, owner_of, speaks_for)
        lines.find(key)
        names.setdefault(key, Counter())[m.origin or m.outlet or "unnamed source"] += 1
        if (as_written := _written(m, body_of)) is not None:
            written.setdefault(key, Counter())[as_written] += 1
    for key, forms in written.items():  # all its claims under the commonest written name
        names[key] = Counter({forms.most_common(1)[0][0]: sum(names[key].values())})
    for m in named:  # an outlet relayed by another article is the line its own articles name
        carrier = _carrier_key(m, owner_of)
        if carrier in lines.parent:
            lines.join(carrier, origin_key(m, owner_of, speaks_for))
    _merge_local_bodies(named, lines, owner_of, speaks_for)
    _merge_metonyms(named, lines, owner_of, speaks_for, metonym_of, side_of)
    _merge_officials(named, lines, owner_of, speaks_for, metonym_of, side_of, official_of)
    _merge_variants(lines)
    _merge_same_source(named, lines, owner_of, speaks_for)
    republished = _merge_copies(
        support, named, lines, owner_of, speaks_for, copy_of or {}, unnamed_key
    )
    republished += _merge_same_words(named, lines, owner_of, speaks_for)
    republished += _merge_quoting(named, lines, owner_of, speaks_for)
    groups: dict[str, list[str]] = {}
    for key in list(lines.parent):
        groups.setdefault(lines.find(key), []).append(key)
    origins = tuple(sorted(_representative(keys, names, metonym_of) for keys in groups.values()))
    articles = {m.doc_id for m in support}
    own = [source_key(m.origin, claim_kind(m)) for m in support]
    sides = {_state_of(m, speaks_for, metonym_of, side_of) for m in support} - {None}
    denials = bool(support) and all(m.polarity == "deny" for m in support)
    others = [
        c for c in [*against, *counter]
        if c.origin and not _unresolved(c.origin)
        and not (denials and c.polarity != "deny")  # a denial is not contested by the claim
        # it denies: that claim's cluster is the one denied
        and not any(k and (s := source_key(c.origin, claim_kind(c))) and same_source(k, s)
                    for k in own)
        and _state_of(c, speaks_for, metonym_of, side_of) not in sides
    ]  # fmt: skip
    return _verdict(cluster_id, members, support, others, origins, articles, republished)


UNNAMED = "unnamed:"


def _state_of(
    claim: ClaimRecord, speaks_for: SpeaksFor, metonym_of: CountryOf, side_of: CountryOf
) -> str | None:
    """The state whose authorities a claim's origin is one of: "Kyiv", the Ukrainian Air Force,
    or its spokesman (by whom he speaks for), else None. "Kyiv denies" is no denial of what the
    Air Force's spokesman says: one side, one line. A person is placed only by the body they
    speak for, not by a registered office: a president and the opposition leader of one
    country still dispute each other's claims."""
    if not claim.origin:
        return None
    principal = speaks_for(claim.origin)
    kind = _last_kind(claim)
    for name, body in ((claim.origin, kind in PARTY_KINDS), (principal, True)):
        if not name:
            continue
        state = metonym_of(name) or (side_of(name) if body else None)
        if state is not None:
            return state
    return None


def _described(claim: ClaimRecord) -> bool:
    origin = claim.origin
    if not origin or source_key(origin, claim_kind(claim)):
        return bool(origin)
    words = [w for w in origin.split() if w.lower() not in ("the", "a", "an")]
    return len(words) >= 2 and not any(w.lower() in PRONOUNS for w in words)


def _unresolved(origin: str) -> bool:
    """A source that is one common noun ("candidate", "spokesman"): a reference back to
    someone the article names, whom the extraction did not resolve; it may be the origin
    itself (a candidate denying what he was quoted saying), so its "no" is no evidence that
    another party disputes the claim."""
    words = origin.split()
    return len(words) == 1 and words[0].islower()


# Kinds of source whose "no" is evidence against a claim, not a party's denial: "satellite images
# show no sign that ..." or a document contradicts it (contested), nobody takes it back (denied).
NOT_A_PARTY = frozenset({"document", "unspecified"})


def _merge_copies(
    support: Sequence[ClaimRecord],
    named: Sequence[ClaimRecord],
    lines: _Lines,
    owner_of: OwnerOf,
    speaks_for: SpeaksFor,
    copy_of: Mapping[str, str],
    unnamed_key: str,
) -> list[str]:
    """Members whose articles are one report (a text republished under another id or outlet)
    are one line; the reasons saying so."""
    by_report: dict[str, list[ClaimRecord]] = {}
    for m in support:
        by_report.setdefault(copy_of.get(m.doc_id, m.doc_id), []).append(m)
    said = []
    for report, found in sorted(by_report.items()):
        docs = sorted({m.doc_id for m in found} - {report})
        if not docs:
            continue
        keys = [origin_key(m, owner_of, speaks_for) if m in named else unnamed_key for m in found]
        for key in keys[1:]:
            lines.join(key, keys[0])
        said.append(f"{', '.join(docs)} republish(es) {report}: one report")
    return said


SAME_WORDS = 5  # words in a row that two sources' quotations share: one quotation, one origin
_WORD = re.compile(r"[^\W\d_]{2,}")


def _quoted_grams(claim: ClaimRecord) -> set[tuple[str, ...]]:
    """The ``SAME_WORDS``-word runs of a claim that quotes (its content holds a quotation mark)."""
    if not any(mark in claim.content for mark in '"“”‘’') and "''" not in claim.content:
        return set()
    words = [w.lower() for w in _WORD.findall(claim.content.replace("’", "'"))]
    return {tuple(words[i : i + SAME_WORDS]) for i in range(len(words) - SAME_WORDS + 1)}


def _merge_same_words(
    named: Sequence[ClaimRecord], lines: _Lines, owner_of: OwnerOf, speaks_for: SpeaksFor
) -> list[str]:
    """Two sources quoted with the same words ("He is becoming ISIS's best recruiter" given to
    two people, a statement printed under its author's and a relay's name) are one quotation
    with one origin, whoever the articles credit: never two confirmations. The reasons."""
    grams = [(m, origin_key(m, owner_of, speaks_for), _quoted_grams(m)) for m in named]
    said = []
    for n, (a, key_a, ga) in enumerate(grams):
        for b, key_b, gb in grams[n + 1 :]:
            shared = ga & gb
            pairs = quoted_pairs(a.content) & quoted_pairs(b.content)
            if (shared or pairs) and lines.find(key_a) != lines.find(key_b):
                lines.join(key_a, key_b)
                words = " ".join(sorted(shared)[0] if shared else sorted(pairs)[0][:2])
                said.append(
                    f"{a.origin} ({a.doc_id}) and {b.origin} ({b.doc_id}) are quoted with the same "
                    f'words ("{words} ..."): one quotation, one line'
                )
    return said


# a quotation inside a quotation: “... ‘kept the depot in a negligent state for years’ ...”, and the
# straight-quote forms "... 'X' ..." and ''... `X' ...''
INNER_QUOTE = re.compile(r"[“\"][^”\"]*?(?<=[\s“\"(])[‘'`]([^’'”\"]{12,}?)[’'](?![^\W\d_])")
INNER_WORDS = 4  # words an inner quotation needs (not a scare-quoted term: 'special operation')
INNER_SHARED = 3  # content terms of the inner quotation another member's claim must hold


def _merge_quoting(
    named: Sequence[ClaimRecord], lines: _Lines, owner_of: OwnerOf, speaks_for: SpeaksFor
) -> list[str]:
    """A source quoted quoting someone else ("Resign! ... 'kept the depot in a negligent
    state for years'", a post that quotes an inspector's report) relays that person's words: when
    another member's claim holds the inner quotation's words, the two are one line, never two
    confirmations. The reasons."""
    said = []
    keyed = [(m, origin_key(m, owner_of, speaks_for)) for m in named]
    for a, key_a in keyed:
        inner = [q for m in INNER_QUOTE.finditer(a.content)
                 if len((q := m.group(1)).split()) >= INNER_WORDS]  # fmt: skip
        words = {t for q in inner for t in terms(q)}
        if not words:
            continue
        for b, key_b in keyed:
            if b is a or lines.find(key_a) == lines.find(key_b):
                continue
            if len(words & set(terms(b.content))) >= INNER_SHARED:
                lines.join(key_a, key_b)
                said.append(
                    f"{a.origin} ({a.doc_id}) quotes words that {b.origin} ({b.doc_id}) is "
                    f"quoted with: one quotation, one line"
                )
    return said


def _is_named(claim: ClaimRecord, owner_of: OwnerOf, side_of: CountryOf = _nobody) -> bool:
    """A source that is named (a person, a body, an outlet), not "officials", an unresolved
    pronoun or a description ("Democratic front-runner", "Republican primary voters"); an
    outlet the claim is relayed through names it, and a state's armed forces or government
    named by their state ("the US military", "the Israeli army") are that state's."""
    kind = claim_kind(claim)
    if kind in ANONYMOUS:
        return False
    if claim.origin and (owner_of(claim.origin) or kind == "outlet"):
        return True
    if claim.origin and kind in PARTY_KINDS and side_of(claim.origin):
        return True
    return names_someone(claim.origin, kind)


def _merge_same_source(
    support: Sequence[ClaimRecord], lines: _Lines, owner_of: OwnerOf, speaks_for: SpeaksFor
) -> None:
    """Variants of one name ("Hillary Rodham Clinton", "Mrs. Clinton", a misspelt surname, a
    transliteration) are one line of reporting; so are a body named with no state ("the
    Ministry of Foreign Affairs", in a state agency's report) and the body of that name the
    cluster places in a state ("Sudan's Foreign Ministry"): whose it is cannot be told apart,
    so it confirms nothing on its own."""
    keyed = [(origin_key(m, owner_of, speaks_for), source_key(m.origin, claim_kind(m)))
             for m in support if m.origin]  # fmt: skip
    for n, (key_a, a) in enumerate(keyed):
        for key_b, b in keyed[n + 1 :]:
            if a and b and key_a != key_b and (same_source(a, b) or unplaced_twin(a, b)):
                lines.join(key_a, key_b)


def _merge_local_bodies(
    support: Sequence[ClaimRecord], lines: _Lines, owner_of: OwnerOf, speaks_for: SpeaksFor
) -> None:
    """An unnamed local body ("the regional health department", "city officials") is part of
    the authorities an article names beside it (the governor, the regional administration):
    one line, not a second confirmation."""
    for m in support:
        if not LOCAL_BODY.match(_norm(m.origin)) or any(w[:1].isupper() for w in _named(m)):
            continue
        beside = [
            o for o in support
            if o.doc_id == m.doc_id and o.origin and o.origin != m.origin
            and _last_kind(o) in LOCAL_SIDE
        ]  # fmt: skip
        for other in beside[:1]:
            lines.join(origin_key(m, owner_of, speaks_for), origin_key(other, owner_of, speaks_for))


def _merge_metonyms(
    support: Sequence[ClaimRecord],
    lines: _Lines,
    owner_of: OwnerOf,
    speaks_for: SpeaksFor,
    metonym_of: CountryOf,
    side_of: CountryOf,
) -> None:
    """ "Kyiv says" is the Ukrainian authority the cluster names elsewhere (the General Staff):
    a capital or state speaking is one line with an official source of that state."""
    for m in support:
        country = metonym_of(m.origin) if m.origin else None
        if country is None:
            continue
        for other in support:
            kind = _last_kind(other)
            if (
                other.origin
                and other.origin != m.origin
                and metonym_of(other.origin) is None
                and kind in PARTY_KINDS | {"person"}
                and side_of(other.origin) == country
            ):
                lines.join(
                    origin_key(m, owner_of, speaks_for), origin_key(other, owner_of, speaks_for)
                )
                break


def _merge_officials(
    support: Sequence[ClaimRecord],
    lines: _Lines,
    owner_of: OwnerOf,
    speaks_for: SpeaksFor,
    metonym_of: CountryOf,
    side_of: CountryOf,
    official_of: CountryOf,
) -> None:
    """The authorities of one state are one line: the Ukrainian Air Force and the head of the
    Odesa regional administration, the Russian Defence Ministry and the Kremlin's spokesman,
    Poland's defence minister and its army speak for one government and draw on one chain of
    reports, so one of them repeating the other's figure is no independent confirmation. An
    authority is a state named for them ("Kyiv said"), a registered one
    (``RegistryHooks.official``) or a government or military source whose name places it in a
    country ("Russian Defence Ministry")."""
    first: dict[str, str] = {}
    stateless: list[str] = []  # government or military sources of no state the ledger knows
    for m in support:
        if not m.origin:
            continue
        kind = _last_kind(m)
        state = (
            metonym_of(m.origin)
            or official_of(m.origin)
            or (side_of(m.origin) if kind in PARTY_KINDS else None)
        )
        key = origin_key(m, owner_of, speaks_for)
        if state is None:
            if kind in PARTY_KINDS:
                stateless.append(key)
            continue
        if state in first:
            lines.join(key, first[state])
        else:
            first[state] = key
    # An authority whose state is unknown ("the Eastern Group of Forces", "the army") may be
    # another state's or the same state's as any other authority of the cluster: two such lines
    # are not shown to be independent, so they are not counted as two (a front's spokesman
    # and the General Staff giving one tally of destroyed vehicles are one chain of reports)
    parties = stateless + list(first.values())
    if stateless and len(parties) > 1:
        for key in parties[1:]:
            lines.join(key, parties[0])


def _written(claim: ClaimRecord, body_of: SpeaksFor = _nobody) -> str | None:
    """A body's name as the claim's article writes it, when the registry knows that name for
    the claim's origin ("Russia's Defence Ministry", "the SBU"): a line of reporting is shown
    by the reporting's own names rather than the registry's ("Ministry of Defence of Russia").
    ``body_of`` gives the registry's name of a registered body only: a person keeps their
    full name (a surname or a title says less), an outlet its registered name. A leading "the"
    goes, unless the registry's name has it too."""
    written = (claim.speaker_text or "").strip()
    if not (claim.origin or "").startswith("The "):  # "The State Department" opens a sentence
        written = re.sub(r"^(?:the|a|an)\s+", "", written, flags=re.IGNORECASE)
    if (
        claim.origin is None
        or claim.speaker_name != claim.origin  # relayed: the text names the relay
        or claim_kind(claim) == "person"
        or not written[:1].isupper()
        or written == claim.origin
        or body_of(written) != claim.origin
    ):
        return None
    return written


def _named(claim: ClaimRecord) -> list[str]:
    return (claim.origin or "").split()[1:]  # a capital after the first word is a name


def _representative(
    keys: list[str], names: dict[str, Counter[str]], metonym_of: CountryOf = _nobody
) -> str:
    """The name a line of reporting goes by: its most frequent named origin, a body rather than
    the capital standing for it ("Russian Defence Ministry", not "Moscow")."""
    named = [k for k in keys if not k.startswith("outlet:")] or keys
    counter: Counter[str] = Counter()
    for key in named:
        counter.update(names.get(key, Counter({key.removeprefix("outlet:"): 1})))
    ranked = sorted(counter.items(), key=lambda kv: (metonym_of(kv[0]) is not None, -kv[1]))
    return ranked[0][0]


def _verdict(
    cluster_id: str,
    members: Sequence[ClaimRecord],
    support: Sequence[ClaimRecord],
    against: Sequence[ClaimRecord],
    origins: tuple[str, ...],
    articles: set[str],
    republished: Sequence[str] = (),
) -> Cluster:
    reasons = [f"{len(members)} claim(s) in {len({m.doc_id for m in members})} article(s)"]
    reasons.extend(republished)
    reasons.append(f"{len(origins)} independent origin(s): {', '.join(origins)}")
    denials = [m for m in against if m.polarity == "deny" and claim_kind(m) not in NOT_A_PARTY]
    flagged = {m.verification for m in members if m.verification}
    if denials:
        who = ", ".join(sorted({f"{m.origin} ({m.doc_id})" for m in denials}))
        reasons.append(f"denied by {who}")
        assessment = "denied"
    elif against:
        who = ", ".join(sorted({f"{m.origin} ({m.doc_id})" for m in against}))
        reasons.append(f"contradicted by {who}")
        assessment = "contested"
    elif "denied" in flagged or "disputed" in flagged:
        said = sorted(f"{m.doc_id} calls it {m.verification}" for m in members if m.verification
                      in ("denied", "disputed"))  # fmt: skip
        reasons.append("the reporting disputes it: " + "; ".join(said))
        assessment = "contested"
    elif len(origins) >= 2:
        reasons.append("two or more independent origins state it")
        assessment = "corroborated"
    elif len(articles) >= 2:
        reasons.append(f"{len(articles)} articles all trace back to one origin: circular reporting")
        assessment = "circular"
    else:
        reasons.append("one origin in one article")
        assessment = "single-source"
    return Cluster(cluster_id, assessment, len(origins), origins, tuple(reasons), len(members))
