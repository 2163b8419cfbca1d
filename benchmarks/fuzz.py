#!/usr/bin/env python3
"""Fuzz claimledger's inputs: generated odd files through ``extract`` and ``ingest`` in skip mode.

    python benchmarks/fuzz.py [--inputs 10000] [--seed 12] [--batch 400] [--keep DIR] [--small]

Every input is one file (or directory entry) named with a unique tag (``f00042``) so the run can
account for it. Kinds: binary, NUL bytes late in a text, encodings (UTF-16/32 with and without
BOM, cp1251, Latin-1, broken UTF-8), JSON Lines shapes (null, numbers, arrays, over-long
integers, deep nesting, lone surrogates, wrong field types), HTML (entity tricks, deep nesting,
scripts only), RSS/Atom feeds (character references out of range, internal and external
entities), odd text (empty, whitespace, huge, one endless word, overflowing dates and
figures), odd names (not UTF-8, newlines, very long, unknown extensions) and odd directory
entries (symbolic link loops, dangling links, links to directories, FIFOs, sockets, hidden
files). Good articles of our own writing go into every batch.

Per batch, ``claimledger extract DIR --on-error skip`` (and every fourth batch ``ingest`` too)
must: exit 0; print no traceback; never go ``TIMEOUT`` seconds without a line of output (extract
writes each article as it is done, so that is the time of the slowest single input, not of the
batch; ``ingest`` prints only at its end and gets ``INGEST_TIMEOUT`` for the batch); account for
every input (it is an article in the output or a listed skip); and give the good articles
exactly the records a clean run of the good articles alone gives. FIFOs are also given as
arguments (they must not hang). The peak RSS of the claimledger processes is reported (goal <
1 GiB).

Exit status 0 when every check holds, else 1 with the failures listed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

TIMEOUT = 120
INGEST_TIMEOUT = 1800  # a whole batch: ingest is silent until it ends
SENTENCES = [
    "The regional governor said on Monday that {n} people had been evacuated from {place}.",
    "According to the defence ministry, {n} drones were shot down over {place} overnight.",
    '"We will rebuild the bridge by spring," the mayor of {place} told reporters.',
    "Officials in {place} denied reports that the water supply had been cut.",
    "A spokesman for the border service said {n} vehicles crossed into {place} on Sunday.",
    "The monitoring mission reported that shelling damaged {n} homes near {place}.",
]
PLACES = ["Kharkiv", "Odesa", "Dnipro", "Lviv", "Sumy", "Poltava", "Zaporizhzhia", "Kherson"]


@dataclass
class Batch:
    root: Path
    tags: dict[str, str] = field(default_factory=dict)  # tag -> kind
    good: list[str] = field(default_factory=list)  # file names of good articles
    fifos: list[Path] = field(default_factory=list)


def prose(rng: random.Random, sentences: int) -> str:
    return " ".join(
        rng.choice(SENTENCES).format(n=rng.randint(2, 900), place=rng.choice(PLACES))
        for _ in range(sentences)
    )


# ------------------------------------------------------------------ generators: kind -> bytes


def g_binary(rng: random.Random, small: bool) -> tuple[str, bytes]:
    return ".txt", rng.randbytes(rng.randint(1, 4000 if small else 40000))


def g_late_nul(rng: random.Random, small: bool) -> tuple[str, bytes]:
    head = prose(rng, 120).encode()[:9000]
    return ".txt", head + b"\x00\x01\x02" * rng.randint(1, 300) + b"tail"


def g_encoding(rng: random.Random, small: bool) -> tuple[str, bytes]:
    cyr = "Губернатор заявив, що евакуйовано 120 людей з Харкова. " * rng.randint(1, 20)
    latin = prose(rng, 6)
    choice = rng.randrange(9)
    text = cyr if choice % 2 else latin
    encoded = {
        0: lambda: text.encode("utf-16-le"),
        1: lambda: text.encode("utf-16-le"),
        2: lambda: text.encode("utf-16-be"),
        3: lambda: text.encode("utf-16"),
        4: lambda: text.encode("utf-32"),
        5: lambda: cyr.encode("cp1251"),
        6: lambda: (latin + " Café déjà vu.").encode("latin-1"),
        7: lambda: b"\xef\xbb\xbf" + text.encode(),
        8: lambda: text.encode()[:50] + b"\xc3\x28\xa0\xa1\xe2\x28\xa1" + text.encode()[50:],
    }[choice]()
    return ".txt", encoded


def g_jsonl(rng: random.Random, small: bool) -> tuple[str, bytes]:
    good = {"id": f"r{rng.randint(0, 99)}", "text": prose(rng, 3), "published": "2024-05-02"}
    shapes: list[Callable[[], str]] = [
        lambda: "null",
        lambda: "3",
        lambda: "[]",
        lambda: '"x"',
        lambda: "{}",
        lambda: '{"text": 5}',
        lambda: '{"text": null}',
        lambda: '{"text": ""}',
        lambda: '{"text": "' + "\\ud800" + ' the mayor said troops left."}',
        lambda: '{"text": "The mayor said troops left.", "title": "\\udfff", "url": "\\ud83d"}',
        lambda: '{"id": ' + "9" * rng.randint(4301, 6000) + ', "text": "x said y."}',
        lambda: '{"text": "ok said the mayor.", "n": 1' + "0" * 500 + "}",
        lambda: "[" * 5000 + "]" * 5000,
        lambda: '{"a":' * 3000 + "1" + "}" * 3000,
        lambda: json.dumps(good)[: rng.randint(1, 40)],
        lambda: json.dumps(good) + "\r",
        lambda: "\ufeff" + json.dumps(good),
        lambda: json.dumps({**good, "published": "0000-00-00"}),
        lambda: json.dumps({**good, "published": "99999-12-31T25:61:00"}),
        lambda: json.dumps({**good, "text": good["text"] + " 1" + "0" * 400 + " shells."}),
        lambda: json.dumps({**good, "id": None, "url": "javascript:alert(1)"}),
        lambda: json.dumps({"text": prose(rng, 2), "extra": {"deep": [1, 2, {"x": None}]}}),
        lambda: json.dumps(good),
    ]
    lines = [rng.choice(shapes)() for _ in range(rng.randint(1, 4))]
    return ".jsonl", ("\n".join(lines) + rng.choice(["", "\n", "\n\n\n"])).encode(
        "utf-8", "surrogatepass"
    )


def g_html(rng: random.Random, small: bool) -> tuple[str, bytes]:
    body = prose(rng, 5)
    shapes = [
        f"<html><body><p>{body}</p></body></html>",
        f"<p>{body} &#xD800; &#1114112; &#0; &#x110000; &bogus; &amp</p>",
        "<div>" * (3000 if small else 20000) + body + "</div>" * 10,
        "<script>" + "var a=1;" * 5000 + "</script>",
        f"<html><head><title>\ud800</title></head><body>{body}</body>",
        f"<html><body><p>{body}</p><p>" + "x" * 200000 + "</p>",
        "<" * 10000,
        f"<?xml version='1.0'?><html><body><![CDATA[{body}]]></body></html>",
        f"<html><body>{'<table><tr><td>' * 500}{body}</body></html>",
        "",
    ]
    text = rng.choice(shapes)
    return ".html", text.encode("utf-8", "surrogatepass")


def g_feed(rng: random.Random, small: bool) -> tuple[str, bytes]:
    item = f"<item><title>T &#xD800;</title><description>{prose(rng, 3)}</description></item>"
    shapes = [
        f"<rss version='2.0'><channel><title>c</title>{item * rng.randint(1, 5)}</channel></rss>",
        "<rss><channel><item><description>&#1114112; said the mayor.</description></item>"
        "</channel></rss>",
        "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;"
        "&a;&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;"
        "&c;&c;&c;&c;&c;&c;&c;'>]><rss><channel><item><description>&d;&d;&d;&d;</description>"
        "</item></channel></rss>",
        "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><rss>"
        "<channel><item><description>&x; the mayor said.</description></item></channel></rss>",
        "<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>e</title><content>"
        f"{prose(rng, 2)}</content></entry></feed>",
        "<rss><channel><item>" * 2000,
        "<rss version='2.0'><channel></channel></rss>",
    ]
    text = rng.choice(shapes)
    enc = "utf-16" if rng.random() < 0.1 else "utf-8"
    return rng.choice([".rss", ".xml", ".atom"]), text.encode(enc, "surrogatepass")


def g_odd_text(rng: random.Random, small: bool) -> tuple[str, bytes]:
    big = 120_000 if small else 1_100_000
    shapes = [
        lambda: "",
        lambda: " \n\t\r\n" * rng.randint(1, 500),
        lambda: "The minister said troops advanced. " * (big // 35),
        lambda: "x" * (50_000 if small else 600_000),
        lambda: f"The army said it had fired 1{'0' * 400} shells. {prose(rng, 2)}",
        lambda: "Officials said over the past 800000 days 40 people died in Sumy.",
        lambda: "On 0 December 0000 the governor said 12 homes burned in Sumy.",
        lambda: "The mayor said 31 February 2024 was the day 99999999999999999999 drones fell.",
        lambda: "He said " * rng.randint(100, 3000),
        lambda: "\u202e\u200b\ufeff" + prose(rng, 3) + "\U0001f600" * 50,
        lambda: "“" * 500 + prose(rng, 4) + "”" * 3 + '"' * 7,
        lambda: prose(rng, 40).replace(". ", "."),
    ]
    return ".txt", rng.choice(shapes)().encode()


KINDS: dict[str, Callable[[random.Random, bool], tuple[str, bytes]]] = {
    "binary": g_binary,
    "late-nul": g_late_nul,
    "encoding": g_encoding,
    "jsonl": g_jsonl,
    "html": g_html,
    "feed": g_feed,
    "odd-text": g_odd_text,
}
ENTRY_KINDS = ["name", "link-loop", "dangling", "dir-link", "fifo", "socket", "hidden", "ext"]


def make_entry(batch: Batch, tag: str, kind: str, rng: random.Random, small: bool) -> None:
    """A directory entry of an odd kind, named with ``tag``."""
    root = batch.root
    if kind == "name":
        raw = rng.choice([b"\xff\xfe", b"new\nline", b" spaced out ", b"-dash", b"\xc3\x28"])
        name = tag.encode() + b"-" + raw + b".txt"
        fd = os.open(os.fsencode(root) + b"/" + name, os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, prose(rng, 2).encode())
        os.close(fd)
    elif kind == "link-loop":
        (root / f"{tag}-a.txt").symlink_to(f"{tag}-b.txt")
        (root / f"{tag}-b.txt").symlink_to(f"{tag}-a.txt")
    elif kind == "dangling":
        (root / f"{tag}.txt").symlink_to(f"{tag}-missing.txt")
    elif kind == "dir-link":
        sub = root / f"{tag}-dir"
        sub.mkdir()
        (sub / f"{tag}-inner.txt").write_text(prose(rng, 2))
        (sub / f"{tag}-up").symlink_to("..", target_is_directory=True)  # a loop through a link
    elif kind == "fifo":
        os.mkfifo(root / f"{tag}.txt")
        batch.fifos.append(root / f"{tag}.txt")
    elif kind == "socket":
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(root / f"{tag}.txt"))
        s.close()
    elif kind == "hidden":
        (root / f".{tag}.txt").write_text(prose(rng, 2))
    else:
        ext = rng.choice([".pdf", ".bin", "", ".TXT", ".json", ".tar.gz", "." + "x" * 200])
        (root / f"{tag}{ext}").write_bytes(rng.choice([prose(rng, 2).encode(), rng.randbytes(99)]))
    batch.tags[tag] = kind


def build(root: Path, first: int, count: int, rng: random.Random, small: bool) -> Batch:
    batch = Batch(root)
    root.mkdir(parents=True)
    for n in range(first, first + count):
        tag = f"f{n:05d}"
        if rng.random() < 0.15:
            make_entry(batch, tag, rng.choice(ENTRY_KINDS), rng, small)
            continue
        kind = rng.choice(list(KINDS))
        ext, data = KINDS[kind](rng, small)
        (root / f"{tag}{ext}").write_bytes(data)
        batch.tags[tag] = kind
    for g in range(3):
        name = f"good{g}.txt"
        (root / name).write_text(prose(random.Random(1000 + g), 6))
        batch.good.append(name)
    return batch


# ------------------------------------------------------------------ running and checking


@dataclass
class Result:
    failures: list[str] = field(default_factory=list)
    per_kind: Counter[str] = field(default_factory=Counter)
    unaccounted: Counter[str] = field(default_factory=Counter)
    articles: int = 0
    skipped: int = 0
    runs: int = 0
    seconds: float = 0.0


def run(cmd: list[str], cwd: Path, idle: float = TIMEOUT) -> tuple[int | None, str, str, float]:
    """Run ``cmd``; a hang is ``idle`` seconds with no line on stdout or stderr.

    A batch's time grows with its inputs (a 1,000,000-character article takes a minute on its
    own), so no time limit on a whole batch tells a hang from work. The extract command writes
    each article as it is done (unbuffered here), so the longest silence is the longest time any
    one input took: the issue's "no input hangs over 120 s", per input. Returns (exit status or
    None after a hang, stdout, stderr, seconds); ``Result.longest`` keeps the longest silence.
    """
    started = time.monotonic()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    chunks: dict[str, list[bytes]] = {"out": [], "err": []}
    last = [started]

    def pump(name: str, stream: IO[bytes]) -> None:
        for line in iter(stream.readline, b""):
            chunks[name].append(line)
            last[0] = time.monotonic()

    assert proc.stdout is not None and proc.stderr is not None
    readers = [threading.Thread(target=pump, args=("out", proc.stdout), daemon=True),
               threading.Thread(target=pump, args=("err", proc.stderr), daemon=True)]  # fmt: skip
    for reader in readers:
        reader.start()
    hung = False
    longest = 0.0
    while proc.poll() is None:
        time.sleep(0.2)
        silence = time.monotonic() - last[0]
        longest = max(longest, silence)
        if silence > idle:
            hung = True
            proc.kill()
            break
    proc.wait()
    for reader in readers:
        reader.join(timeout=10)
    proc.stdout.close()
    proc.stderr.close()
    if idle <= TIMEOUT:  # the runs that write as they go (not ingest)
        LONGEST[0] = max(LONGEST[0], longest)
    out = b"".join(chunks["out"]).decode("utf-8", "replace")
    err = b"".join(chunks["err"]).decode("utf-8", "replace")
    return (None if hung else proc.returncode), out, err, time.monotonic() - started


LONGEST = [0.0]  # the longest silence of any run: the slowest single input


def normalised(record: dict[str, object]) -> str:
    source = dict(record.get("source") or {})  # type: ignore[call-overload]
    if source.get("path"):
        source["path"] = Path(str(source["path"])).name
    return json.dumps({**record, "source": source}, sort_keys=True, ensure_ascii=False)


def check_batch(
    cli: list[str], batch: Batch, clean: set[str], result: Result, ingest: bool
) -> None:
    name = batch.root.name
    code, out, err, took = run([*cli, "extract", ".", "--on-error", "skip"], batch.root)
    result.runs += 1
    result.seconds += took
    if code is None:
        result.failures.append(f"{name}: extract silent (one input) past {TIMEOUT} s")
        return
    if code != 0:
        result.failures.append(f"{name}: extract exit {code}: {err[-400:]}")
    if "Traceback" in err or "Traceback" in out:
        result.failures.append(f"{name}: traceback: {err[err.find('Traceback') :][:800]}")
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    result.articles += len(records)
    result.skipped += sum(1 for line in err.splitlines() if line.startswith("  "))
    seen = " ".join(str((r.get("source") or {}).get("path")) for r in records) + "\n" + err
    for tag, kind in batch.tags.items():
        result.per_kind[kind] += 1
        if tag not in seen:
            result.unaccounted[kind] += 1
            result.failures.append(f"{name}: {tag} ({kind}) neither an article nor a listed skip")
    if "root:x:0:0" in out:
        result.failures.append(f"{name}: an external XML entity was read (/etc/passwd)")
    good = {normalised(r) for r in records if Path(str(r["source"]["path"])).name in batch.good}
    if good != clean:
        result.failures.append(f"{name}: good articles differ from a clean run")
    if ingest:
        db = batch.root.parent / f"{name}.db"
        code, out, err, took = run([*cli, "ingest", ".", "--on-error", "skip", "--db", str(db)],
                                   batch.root, INGEST_TIMEOUT)  # fmt: skip
        result.runs += 1
        result.seconds += took
        if code is None:
            result.failures.append(f"{name}: ingest hung past {INGEST_TIMEOUT} s")
        elif code != 0 or "Traceback" in err:
            result.failures.append(f"{name}: ingest exit {code}: {err[-600:]}")
    for fifo in batch.fifos[:1]:
        code, _, err, _ = run([*cli, "extract", str(fifo), "--on-error", "skip"], batch.root, 30)
        if code is None:
            result.failures.append(f"{name}: a FIFO given as an argument hung")
        elif "Traceback" in err:
            result.failures.append(f"{name}: FIFO argument: traceback")


def clean_run(cli: list[str], work: Path) -> set[str]:
    root = work / "clean"
    root.mkdir()
    names = []
    for g in range(3):
        (root / f"good{g}.txt").write_text(prose(random.Random(1000 + g), 6))
        names.append(f"good{g}.txt")
    code, out, err, _ = run([*cli, "extract", *names], root)
    if code != 0:
        raise SystemExit(f"the clean run failed: {err}")
    return {normalised(json.loads(line)) for line in out.splitlines() if line.strip()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=10_000)
    ap.add_argument("--batch", type=int, default=400)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--small", action="store_true", help="no huge files (for the test suite)")
    ap.add_argument("--keep", type=Path, help="keep the generated inputs here")
    args = ap.parse_args(argv)
    cli = [sys.executable, "-m", "claimledger.cli"]
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="claimledger-fuzz-")) if not args.keep else args.keep
    work.mkdir(parents=True, exist_ok=True)
    result = Result()
    try:
        clean = clean_run(cli, work)
        for b, first in enumerate(range(0, args.inputs, args.batch)):
            count = min(args.batch, args.inputs - first)
            batch = build(work / f"batch{b:03d}", first, count, rng, args.small)
            check_batch(cli, batch, clean, result, ingest=b % 4 == 0)
            print(f"batch {b}: {first + count}/{args.inputs} inputs, "
                  f"{len(result.failures)} failure(s)", file=sys.stderr, flush=True)  # fmt: skip
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"inputs {args.inputs} (seed {args.seed}{', small' if args.small else ''}); "
          f"runs {result.runs} in {result.seconds:.0f} s; articles {result.articles}, "
          f"listed skips {result.skipped}; slowest input {LONGEST[0]:.0f} s; "
          f"peak RSS {peak:.0f} MiB")  # fmt: skip
    print("kind        inputs  unaccounted")
    for kind, n in sorted(result.per_kind.items()):
        print(f"{kind:<11} {n:>6}  {result.unaccounted[kind]:>11}")
    if peak > 1024:
        result.failures.append(f"peak RSS {peak:.0f} MiB > 1024 MiB")
    for failure in result.failures[:50]:
        print("FAIL", failure)
    print("OK" if not result.failures else f"{len(result.failures)} failure(s)")
    return 0 if not result.failures else 1


if __name__ == "__main__":
    sys.exit(main())
