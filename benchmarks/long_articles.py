"""Extraction time of long articles, by length: is the time per character flat?

    python benchmarks/long_articles.py [--sizes 10000,25000,...] [--seed S]

Builds articles of 10k to 1M characters from invented attributed sentences (``build``),
extracts each one as ``claimledger extract`` does, and prints a table: characters, seconds and
seconds per 10k characters. Extraction is linear when the last column stays flat (the goal is
within 2x from 10k to 1M characters).
"""

from __future__ import annotations

import argparse
import random
import time

from claimledger.models import Article, Extraction, SourceInfo

SIZES = (10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000)
FIRST = ("Olena", "Petro", "Iryna", "Mykola", "Sergei", "Anna", "Dmitri", "Halyna", "Taras")
LAST = ("Kovalenko", "Moroz", "Savchuk", "Lysenko", "Orlov", "Bondar", "Tkachuk", "Zorin")
ROLES = ("defence minister", "regional governor", "military analyst", "spokesman")
ORGS = ("the General Staff", "the Defence Ministry", "the news agency Novaport", "the UN mission")
PLACES = ("Kupiansk", "Bakhmut", "Kherson", "Sumy", "Pokrovsk", "Avdiivka")
MONTHS = ("January", "March", "May", "July", "October", "December")
TEMPLATES = (
    "{role} {first} {last} said {n} troops advanced near {place} on {day} {month}.",
    "The minister said troops advanced.",
    "{He} told reporters that {org} had lost {n} drones over the past {k} weeks.",
    "According to {org}, {n} civilians were evacuated from {place} in {month}.",
    '"The situation is difficult," {last} said.',
    "{last} added that about {n} shells had been fired at {place} since {month} 2023.",
    "The agency reported that {n} people had been wounded, citing {org}.",
    "{org} said it could not confirm the figure.",
)


def build(chars: int, seed: int = 0) -> str:
    """An article of at least ``chars`` characters: paragraphs of 3-5 attributed sentences
    with varied invented names, places, figures and dates, the same for the same seed."""
    rnd = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        sentences = [_sentence(rnd) for _ in range(rnd.randint(3, 5))]
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def _sentence(rnd: random.Random) -> str:
    text = rnd.choice(TEMPLATES).format(
        role=rnd.choice(ROLES).capitalize(),
        first=rnd.choice(FIRST),
        last=rnd.choice(LAST),
        n=f"{rnd.randint(2, 9000):,}",
        k=rnd.randint(2, 9),
        place=rnd.choice(PLACES),
        day=rnd.randint(1, 28),
        month=rnd.choice(MONTHS),
        org=rnd.choice(ORGS),
        He=rnd.choice(("He", "She")),
    )
    return text[0].upper() + text[1:]


def extract_one(text: str) -> Extraction:
    """The extraction of one article, through the same path as ``claimledger extract``."""
    from claimledger.pipeline import extract_articles

    article = Article(text, SourceInfo(id="long", published="2024-03-01"))
    (outcome,) = list(extract_articles([article]))
    if not isinstance(outcome, Extraction):
        raise SystemExit(str(outcome))
    return outcome


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    from claimledger.nlp.pipeline import load_nlp

    load_nlp()  # loading the model is not part of any article's time
    extract_one(build(2_000, args.seed))  # warm up the lexicons and the registry
    print(f"{'chars':>10} {'claims':>7} {'seconds':>9} {'s/10k chars':>12}")
    for size in (int(s) for s in args.sizes.split(",")):
        text = build(size, args.seed)
        start = time.perf_counter()
        extraction = extract_one(text)
        seconds = time.perf_counter() - start
        per = seconds / len(text) * 10_000
        print(
            f"{len(text):>10} {len(extraction.claims):>7} {seconds:>9.2f} {per:>12.3f}", flush=True
        )


if __name__ == "__main__":
    main()
