"""Real-sized synthetic extractions for the ledger benchmark, built without parsing them.

A real article carries about 600 words, 9.6 claims and 4.3 figures; a template article of
``synthetic.py`` about 52 words, 2 claims and 1.5 figures. Parsing 600-word articles costs about
0.3 s each, so a 100,000-article ledger would take hours of spaCy before the ledger is measured
at all. ``compose`` builds one real-sized extraction from ``parts`` template extractions that are
already parsed (consecutive in publication order, so mostly several stories of one day, as a
long article or a live blog tells them), shifting every offset, renaming every claim and figure
id to the new article, and padding the text with sentences of everyday words drawn at random
(no two articles share them, so the near-duplicate search sees distinct texts) up to ``words``.
The padding holds no claims: only what the template parts' extraction found is stored.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import replace

from claimledger.models import Article, Claim, Extraction, Span

PARTS = 5  # template articles per real-sized one: about 10 claims and 7 figures
WORDS = 600


def _span(span: Span | None, shift: int) -> Span | None:
    return None if span is None else replace(span, start=span.start + shift, end=span.end + shift)


def _at(value: int | None, shift: int) -> int | None:
    return None if value is None else value + shift


def _vocabulary() -> list[str]:
    from wordfreq import top_n_list

    return [w for w in top_n_list("en", 4000) if w.isalpha() and len(w) > 2][1000:]


def _padding(words: int, rng: random.Random, vocabulary: Sequence[str]) -> str:
    sentences = []
    while words > 0:
        n = min(words, rng.randint(12, 22))
        sentence = " ".join(rng.choice(vocabulary) for _ in range(n))
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        words -= n
    return " ".join(sentences)


def compose(
    parts: Sequence[Extraction],
    number: int,
    rng: random.Random,
    vocabulary: Sequence[str],
    words: int = WORDS,
) -> Extraction:
    """One article from ``parts``: their texts in order, then padding up to ``words`` words;
    the first part's outlet and date, an id that keeps the first part's story number."""
    texts, shifts, at = [], [], 0
    for part in parts:
        shifts.append(at)
        texts.append(part.article.text)
        at += len(part.article.text) + 2
    have = sum(len(t.split()) for t in texts)
    body = "\n\n".join(texts)
    if have < words:
        body += "\n\n" + _padding(words - have, rng, vocabulary)
    first = parts[0].article.source
    source = replace(first, id=f"rs{number:06d}-{first.id}")
    article = Article(body, source)
    doc = article.doc_id
    claims: list[Claim] = []
    quantities, places, units, people, organizations = [], [], [], {}, {}
    for index, (part, shift) in enumerate(zip(parts, shifts, strict=True)):
        old = part.article.doc_id
        ids = {q.id: f"{doc}:q{len(quantities) + i + 1}" for i, q in enumerate(part.quantities)}
        for q in part.quantities:
            quantities.append(replace(q, id=ids[q.id], start=q.start + shift, end=q.end + shift))
        for c in part.claims:
            local = c.id.removeprefix(f"{old}:")
            claims.append(
                replace(
                    c,
                    id=f"{doc}:c{len(claims) + 1}" if local.startswith("c") else f"{doc}:{local}",
                    content=_span(c.content, shift),
                    cue=_span(c.cue, shift),
                    hedges=tuple(_span(h, shift) for h in c.hedges),  # type: ignore[misc]
                    speaker=replace(
                        c.speaker, start=_at(c.speaker.start, shift), end=_at(c.speaker.end, shift)
                    ),
                    quantity_ids=tuple(ids.get(q, q) for q in c.quantity_ids),
                    sentence=c.sentence + 100 * index,  # sentences numbered on
                )
            )
        places += [
            replace(p, start=_at(p.start, shift), end=_at(p.end, shift)) for p in part.places
        ]
        units += [replace(u, start=_at(u.start, shift), end=_at(u.end, shift)) for u in part.units]
        for actor in part.people:
            people.setdefault(actor.name, actor)
        for actor in part.organizations:
            organizations.setdefault(actor.name, actor)
    return Extraction(
        article,
        tuple(claims),
        tuple(people.values()),
        tuple(organizations.values()),
        tuple(quantities),
        tuple(places),
        tuple(units),
    )


def real_sized(
    done: Sequence[Extraction],
    story_of: Callable[[Article], int],
    parts: int = PARTS,
    seed: int = 0,
    words: int = WORDS,
) -> tuple[list[Extraction], dict[str, int]]:
    """``len(done) // parts`` real-sized extractions from the template ones, in order, and the
    story each of their claims comes from (an article now tells several)."""
    rng = random.Random(seed)
    vocabulary = _vocabulary()
    out, stories = [], {}
    for i in range(0, len(done) - parts + 1, parts):
        group = done[i : i + parts]
        made = compose(group, i // parts, rng, vocabulary, words)
        told = [story_of(p.article) for p in group for _ in p.claims]
        stories.update(zip((c.id for c in made.claims), told, strict=True))
        out.append(made)
    return out, stories
