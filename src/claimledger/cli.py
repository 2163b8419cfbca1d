"""The ``claimledger`` command line. Parses arguments, calls the library, formats results.

Only this module prints. Every ClaimledgerError becomes ``Error: ...`` and exit status 1;
Ctrl-C and SIGTERM become ``Interrupted: <what was done>`` and exit status 130.
"""

from __future__ import annotations

# isort: off
import claimledger.startup  # noqa: F401  first: Ctrl-C during the imports exits quietly
# isort: on

import contextlib
import functools
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup

from claimledger import __version__
from claimledger.analyze.grades import shown
from claimledger.errors import ClaimledgerError, ExtractionError, WorkerError
from claimledger.export.contract import claim_records, to_contract, to_json
from claimledger.export.options import PLACEHOLDER_URL, ExportOptions
from claimledger.export.registry import EXPORTERS, Exporter, exporter
from claimledger.export.report import build_report, to_markdown
from claimledger.export.table import claims_table
from claimledger.fileio import output_file
from claimledger.interrupts import (
    EXIT_INTERRUPTED,
    caught,
    checkpoint,
    held,
    signals_interrupt,
    swallowed,
)
from claimledger.registry_cli import registry_app
from claimledger.store.open import ledger_name, open_store
from claimledger.store.sqlite import SQLiteStore
from claimledger.views import clean_name

if TYPE_CHECKING:
    from rich.progress import Progress

    from claimledger.ingest import IngestResult

err = Console(stderr=True)
T = TypeVar("T")


class InterruptibleGroup(TyperGroup):
    """Every command runs with SIGINT and SIGTERM raising KeyboardInterrupt, and ends on one
    with ``Interrupted: ...`` and status 130, never a traceback. Commands that change something
    catch it themselves to say how far they got; for the others nothing was changed."""

    def invoke(self, ctx: Any) -> Any:  # typer's own (vendored) click.Context
        with signals_interrupt():
            try:
                result = super().invoke(ctx)
            except KeyboardInterrupt:
                raise _interrupted("nothing was changed.") from None
            if swallowed():  # the signal came, but where Python drops the exception
                raise _interrupted("the command had done its work.")
            return result


app = typer.Typer(
    help="Claim provenance for conflict news: who claims what, through which relays.",
    no_args_is_help=True,
    add_completion=False,
    cls=InterruptibleGroup,
)
P = ParamSpec("P")


class Format(StrEnum):
    contract = "contract"
    jsonl = "jsonl"
    table = "table"


class OnError(StrEnum):
    fail = "fail"
    skip = "skip"


class Executor(StrEnum):
    local = "local"
    ray = "ray"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimledger {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Claim provenance for conflict news."""


def _fail(message: str) -> typer.Exit:
    # escaped: a message names files and settings ("[clusters]", "report[1].txt") verbatim
    err.print(f"[bold red]Error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


def _interrupted(what: str) -> typer.Exit:
    caught()
    err.print(f"Interrupted: {escape(what)}", highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_INTERRUPTED)


def guarded(fn: Callable[[], T]) -> T:
    """Run ``fn``, turning claimledger's errors into ``Error: ...`` and exit status 1."""
    try:
        return fn()
    except ClaimledgerError as exc:
        raise _fail(str(exc)) from exc


@contextmanager
def _closing(outcomes: Iterator[T]) -> Iterator[Iterator[T]]:
    """Close the extraction generator on the way out, so its worker processes stop at once."""
    try:
        yield outcomes
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    """stdout, or a file written whole (see claimledger.fileio): a failure or an interrupt
    part way leaves the old file as it was and no temp file."""
    if path is None:
        yield sys.stdout
        return
    with output_file(path) as handle:
        yield handle


def _report_skipped(result: IngestResult, failed: Sequence[ExtractionError] = ()) -> None:
    if not result.skipped and not failed:
        return
    err.print(f"Skipped {len(result.skipped) + len(failed)} input(s):", highlight=False)
    for item in result.skipped:
        err.print(
            f"  {item.location}: {item.reason}: {item.message}", highlight=False, soft_wrap=True
        )
    for exc in failed:
        err.print(f"  {exc}", highlight=False, soft_wrap=True)


def _progress(total: int) -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=total <= 1,
        transient=False,
    )


@app.command()
def extract(
    inputs: list[str] = typer.Argument(
        ..., help="Files, directories or - (stdin): .txt, .html, .jsonl, .rss/.atom/.xml."
    ),
    fmt: Format = typer.Option(Format.contract, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here, not stdout."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    on_error: OnError = typer.Option(
        OnError.fail,
        "--on-error",
        help="fail: stop at the first bad input; skip: report it and go on.",
    ),
) -> None:
    """Extract every attributed claim of each article.

    contract: one JSON object per article (claims.schema.json), JSON Lines.
    jsonl: one JSON object per claim. table: a readable table.
    """
    from claimledger.ingest import read_inputs
    from claimledger.pipeline import extract_articles  # spaCy: only the commands that parse
    from claimledger.registry import load_registry

    result = guarded(lambda: read_inputs(inputs, on_error=on_error.value))
    if not result.articles:
        _report_skipped(result)
        raise _fail("no usable article in the inputs; see the skipped inputs above")
    guarded(load_registry)  # a malformed user registry is reported once, before any work
    console = Console(width=None if sys.stdout.isatty() and output is None else 160)

    failed: list[ExtractionError] = []
    done: list[int] = [0]  # articles extracted and written (to the temp file with -o)

    def run() -> None:
        checkpoint()  # a Ctrl-C dropped inside the imports stops the command here
        with (
            _output(output) as out,
            _progress(len(result.articles)) as bar,
            _closing(extract_articles(list(result.articles), workers=workers)) as outcomes,
        ):
            task = bar.add_task("extracting", total=len(result.articles))
            if fmt is Format.table:
                console.file = out
            for outcome in outcomes:
                if isinstance(outcome, ExtractionError):
                    if on_error is OnError.fail:
                        raise outcome
                    failed.append(outcome)
                else:
                    with held():  # a Ctrl-C comes after the count, so the count is exact
                        _write(fmt, outcome, out, console)
                        done[0] += 1
                bar.advance(task)

    def run_or_say_what_was_written() -> None:
        try:
            run()
        except WorkerError as exc:
            raise WorkerError(f"{exc}. {_extract_written(done[0], output)}") from exc

    try:
        guarded(run_or_say_what_was_written)
    except KeyboardInterrupt:
        raise _interrupted(_extract_written(done[0], output)) from None
    _report_skipped(result, failed)


def _extract_written(done: int, output: Path | None) -> str:
    """What a stopped extract did: stdout got each article as it came, a file nothing."""
    if output is None:
        return f"{done} article(s) extracted and written to stdout; the rest were not."
    return (
        f"{done} article(s) extracted, none written: {output} was not changed "
        "(it is written whole or not at all). Run again to write it"
    )


def _write(fmt: Format, extraction: Any, out: IO[str], console: Console) -> None:
    if fmt is Format.contract:
        out.write(to_json(to_contract(extraction)) + "\n")
    elif fmt is Format.jsonl:
        for record in claim_records(extraction):
            out.write(to_json(record) + "\n")
    else:
        console.print(claims_table(extraction))


# ---------------------------------------------------------------------- the ledger

DB_HELP = (
    "Ledger: a SQLite file, or a PostgreSQL URL postgresql://user@host:port/db "
    "(default: $CLAIMLEDGER_DB, else ./claimledger.db)."
)
db_app = typer.Typer(help="Ledger database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(registry_app, name="registry")


class ReportFormat(StrEnum):
    rich = "rich"
    markdown = "markdown"
    json = "json"


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def _db_given(db: str | None) -> str:
    """--db, else $CLAIMLEDGER_DB, else ./claimledger.db: a SQLite file path (or
    ``sqlite:///x.db``) or a PostgreSQL URL. Taken as text, not a click Path, so that a URL
    is seen whole."""
    return db or os.environ.get("CLAIMLEDGER_DB") or "claimledger.db"


def _db_path(db: str | None) -> str:
    """How messages name the ledger: its file, or its URL without the password."""
    given = _db_given(db)
    return guarded(lambda: ledger_name(given))


def _store(db: str | None, create: bool = False, verify: bool = False) -> SQLiteStore:
    """The ledger, for ingest (``create``: made if missing) or read-only for every other
    command, which never creates or changes a file; ``verify`` checks every page first."""
    given = _db_given(db)
    if create:
        return guarded(lambda: open_store(given, write=True, verify=True))
    store = guarded(lambda: open_store(given, verify=verify))
    _OPENED.append(store)
    return store


def _reads_ledger(command: Callable[P, None]) -> Callable[P, None]:
    """A read command: a failure of the ledger part way (a damaged page, a lock) is
    ``Error: ...`` and status 1 like any other, not a traceback."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            guarded(lambda: command(*args, **kwargs))
        finally:  # the stores the command opened (a PostgreSQL connection is not left open)
            while _OPENED:
                _OPENED.pop().close()

    return run


_OPENED: list[SQLiteStore] = []  # the stores a read command opened, closed when it ends


def _console() -> Console:
    """Where ledger tables go. Markup is off: article text such as "[the ministry]" is data."""
    return Console(width=160 if not sys.stdout.isatty() else None, markup=False)


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, directories or - (stdin)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    on_error: OnError = typer.Option(
        OnError.fail,
        "--on-error",
        help="fail: stop at the first bad input; skip: report it and go on.",
    ),
    settings_file: Path | None = typer.Option(
        None,
        "--settings",
        help="A TOML file of analysis thresholds over the shipped ones (default: "
        "$CLAIMLEDGER_SETTINGS).",
    ),
    executor: Executor = typer.Option(
        Executor.local,
        "--executor",
        help="local: a process pool of --workers; ray: Ray actors (--workers of them).",
    ),
    address: str | None = typer.Option(
        None, "--address", help="With --executor ray: the cluster to join (default: a local Ray)."
    ),
) -> None:
    """Extract articles and store them in the ledger, updating the analysis as they arrive.

    Re-ingesting an article is a no-op; a changed article (same id, url or path) becomes a new
    version. Each article is stored whole or not at all. The analysis of each article is done
    as it is stored, with the settings of that ingest (``--settings``).
    """
    from claimledger.ingest import read_inputs
    from claimledger.ledger import open_ledger
    from claimledger.registry import load_registry
    from claimledger.settings import load_settings

    settings = guarded(lambda: load_settings(settings_file))  # before any input is read
    result = guarded(lambda: read_inputs(inputs, on_error=on_error.value))
    if not result.articles:
        _report_skipped(result)
        raise _fail("no usable article in the inputs; see the skipped inputs above")
    guarded(load_registry)
    store = _store(db, create=True)
    ledger = open_ledger(store, settings)
    tally: Counter[str] = Counter()
    failed: list[ExtractionError] = []

    def run() -> None:
        checkpoint()  # a Ctrl-C dropped inside the imports stops the command here
        # articles stored by an earlier run (resuming one) are not extracted again, and the
        # figure checks it left unfinished are finished first
        ledger.finish_pending()
        todo = [a for a in result.articles if not ledger.stored(a)]
        tally["unchanged"] += len(result.articles) - len(todo)
        with (
            _progress(len(result.articles)) as bar,
            _closing(_extractions(todo, workers, executor, address)) as outcomes,
        ):
            task = bar.add_task("ingesting", total=len(result.articles))
            bar.advance(task, len(result.articles) - len(todo))
            for outcome in outcomes:
                if isinstance(outcome, ExtractionError):
                    if on_error is OnError.fail:
                        raise outcome
                    failed.append(outcome)
                else:
                    with held():  # stored and counted, or neither
                        tally[ledger.ingest(outcome).status] += 1
                bar.advance(task)

    def run_or_say_what_was_stored() -> None:
        try:
            run()
        except WorkerError as exc:
            raise WorkerError(
                f"{exc}. Before it, {_stored(tally)}; run the same command again to resume: "
                "stored articles are skipped"
            ) from exc

    try:
        guarded(run_or_say_what_was_stored)
    except KeyboardInterrupt:
        raise _interrupted(
            f"{_stored(tally)}; the rest were not (an article is stored whole or not at "
            "all). Run the same command again to resume: stored articles are skipped"
        ) from None
    finally:
        store.close()
    typer.echo(
        f"{_db_path(db)}: {tally['new']} new, {tally['new-version']} new version(s), "
        f"{tally['unchanged']} unchanged"
    )
    _report_skipped(result, failed)


def _extractions(
    articles: list[Any], workers: int, executor: Executor, address: str | None
) -> Iterator[Any]:
    """The outcomes of extracting ``articles`` in input order, on the chosen executor."""
    if executor is Executor.ray:
        from claimledger.ray_executor import ray_extract

        return ray_extract(articles, workers=workers, address=address)
    if address is not None:
        raise _fail("--address is for --executor ray")
    from claimledger.pipeline import extract_articles

    return extract_articles(articles, workers=workers)


def _stored(tally: Counter[str]) -> str:
    """How many articles an ingest has stored so far (unchanged ones were already there)."""
    counts = f"{tally['new']} new, {tally['new-version']} new version(s)"
    return f"{sum(tally.values())} article(s) stored ({counts}, {tally['unchanged']} unchanged)"


@app.command()
def watch(
    targets: list[str] = typer.Argument(
        ..., help="Feeds (http(s) URLs or files) and folders to watch."
    ),
    interval: float = typer.Option(300.0, "--interval", help="Seconds between polls."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    timeout: float = typer.Option(30.0, "--timeout", min=1.0, help="Seconds a fetch may take."),
    max_bytes: int = typer.Option(
        20 * 1024 * 1024, "--max-bytes", min=1, help="The largest document fetched."
    ),
    rounds: int | None = typer.Option(
        None, "--rounds", min=1, help="Stop after N polls of every source (default: never)."
    ),
    settings_file: Path | None = typer.Option(
        None, "--settings", help="A TOML file of analysis thresholds (as for ingest)."
    ),
) -> None:
    """Poll feeds and folders and ingest what is new, until Ctrl-C or SIGTERM.

    A URL is fetched with the ETag and Last-Modified it last gave (a 304 costs nothing); a file
    or folder is read again when a file's size or time changes. An article already stored is
    not extracted again. A source that fails is reported and polled again later (the wait
    doubling up to an hour); it never stops the others.
    """
    from claimledger.library import LedgerHandle
    from claimledger.registry import load_registry
    from claimledger.settings import load_settings
    from claimledger.watch import Watcher

    settings = guarded(lambda: load_settings(settings_file))
    guarded(load_registry)
    store = _store(db, create=True)
    handle = LedgerHandle(store, settings)
    tally: Counter[str] = Counter()
    try:
        watcher = guarded(
            lambda: Watcher(handle, targets, interval, timeout=timeout, max_bytes=max_bytes)
        )
        typer.echo(f"watching {len(targets)} source(s) every {interval:g} s; Ctrl-C to stop")

        def run() -> None:
            for event in watcher.run(rounds=rounds):
                tally[event.kind] += 1
                line = f"{time.strftime('%H:%M:%S')} {clean_name(str(event))}"
                if event.kind in ("error", "failed", "skipped"):
                    err.print(line, markup=False, highlight=False, soft_wrap=True)
                else:
                    typer.echo(line)

        guarded(run)
    except KeyboardInterrupt:
        raise _interrupted(
            f"{tally['new']} new article(s) and {tally['new-version']} new version(s) stored "
            "while watching; an article is stored whole or not at all"
        ) from None
    finally:
        store.close()
    typer.echo(
        f"{_db_path(db)}: {tally['new']} new, {tally['new-version']} new version(s); "
        f"{tally['error']} failed poll(s)"
    )


@db_app.command("upgrade")
def db_upgrade(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Apply pending schema migrations (each in its own transaction)."""
    path, given = _db_path(db), _db_given(db)
    store = guarded(lambda: open_store(given, upgrade=True))
    applied = guarded(store.upgrade)
    store.close()
    typer.echo(f"{path}: applied {', '.join(applied)}" if applied else f"{path}: schema up to date")


class Assessment(StrEnum):
    corroborated = "corroborated"
    circular = "circular"
    single_source = "single-source"
    contested = "contested"
    denied = "denied"


LIMIT_HELP = "Show at most N items (the rest are counted, not shown)."


@app.command()
@_reads_ledger
def clusters(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    min_size: int = typer.Option(
        2, "--min-size", min=1, help="Only clusters of at least N claims."
    ),
    assessment: Assessment | None = typer.Option(None, "--assessment", help="Only these."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, help=LIMIT_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """Claim clusters: the same claim across articles, its origins and how it stands."""
    with _ledger(db) as led:
        found = _all_pages(
            lambda cursor: led.clusters(
                min_size=min_size,
                assessment=assessment.value if assessment else None,
                cursor=cursor,
                limit=min(limit, 500),
            ),
            limit,
        )
        if fmt is ListFormat.json:
            rows = [{**k.to_dict(), "claim_ids": [m.id for m in led.cluster(k.id).members]}
                    for k in found]  # fmt: skip
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
            return
        table = Table(title=f"{len(found)} cluster(s) of {min_size}+ claims", show_lines=True)
        for column in ("cluster", "claims", "assessment", "origins", "a claim"):
            table.add_column(column, overflow="fold")
        for k in found:
            first = led.store.claims(led.store.cluster_member_ids(k.id)[:1])
            table.add_row(
                k.id, str(k.size), k.assessment, "\n".join(k.origins),
                first[0].content if first else "",
            )  # fmt: skip
        _console().print(table)


def _all_pages(fetch: Callable[[str | None], Any], limit: int) -> list[Any]:
    """Items of a paged read, page after page, up to ``limit``."""
    items: list[Any] = []
    cursor = None
    while len(items) < limit:
        page = fetch(cursor)
        items.extend(page.items)
        cursor = page.next_cursor
        if cursor is None:
            break
    return items[:limit]


@contextmanager
def _ledger(db: str | None) -> Iterator[Any]:
    """The ledger through the library, read-only."""
    from claimledger.library import LedgerHandle

    handle = LedgerHandle(_store(db))
    try:
        yield handle
    finally:
        handle.close()


@app.command()
@_reads_ledger
def claim(
    claim_id: str = typer.Argument(
        ..., help="A claim id: the article's id, a colon and the claim's number (report-7:c2)."
    ),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """One claim with its chain, its cluster, the checks of its figures and its grade."""
    with _ledger(db) as led:
        detail = led.claim(claim_id)
    if fmt is ListFormat.json:
        typer.echo(json.dumps(detail.to_dict(), ensure_ascii=False, indent=1))
        return
    out = _console()
    c = detail.claim
    where = f"{c.outlet or 'no outlet'}, {c.published or 'undated'}"
    out.print(f"{c.id} ({where})", style="bold")
    out.print(f"  {c.content}", highlight=False)
    out.print(f"  speaker: {c.speaker} ({c.speaker_kind}); chain: {' -> '.join(c.chain)}")
    out.print(f"  hedged: {c.hedged}; verification: {c.verification}; polarity: {c.polarity}")
    if detail.grade:
        out.print(f"  credibility {detail.grade.credibility}: {'; '.join(detail.grade.reasons)}")
    k = detail.cluster
    if k:
        out.print(
            f"cluster {k.id}: {k.assessment}, {k.independent_origins} independent origin(s)",
            style="bold",
        )
        for reason in k.reasons:
            out.print(f"  - {reason}", highlight=False)
        for m in detail.members:
            when = m.published or "undated"
            out.print(f"  * {m.id} ({m.outlet or 'no outlet'}, {when}): {m.content}",
                      highlight=False)  # fmt: skip
    if detail.linked:
        out.print("denied or contradicted by, or denying (other clusters):", style="bold")
        for m in detail.linked:
            when = m.published or "undated"
            out.print(f"  x {m.id} ({m.outlet or 'no outlet'}, {when}) {m.speaker}, "
                      f"{m.polarity}: {m.content}", highlight=False)  # fmt: skip
    for ch in detail.checks:
        out.print(f"{ch.verdict} {', '.join(ch.figures)}: {ch.explanation}", highlight=False)


@app.command()
@_reads_ledger
def sources(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    limit: int = typer.Option(50, "--limit", "-n", min=1, help=LIMIT_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """Source grades: Admiralty reliability A-F, with the track record behind each."""
    store = _store(db)
    every = store.source_grades()
    grades = every[:limit]
    if fmt is ListFormat.json:
        typer.echo(json.dumps([asdict(g) for g in grades], ensure_ascii=False, indent=1))
        return
    title = f"{len(every)} source(s)" + (
        f", the {limit} with most claims" if len(every) > limit else ""
    )
    table = Table(title=title, show_lines=True)
    for column in ("source", "reliability", "claims", "corroborated", "contested", "denied", "why"):
        table.add_column(column, overflow="fold")
    for g in grades:
        counts = (str(g.claims), str(g.corroborated), str(g.contested), str(g.denied))
        table.add_row(clean_name(g.name) or g.name, shown(g.reliability), *counts,
                      "\n".join(g.reasons))  # fmt: skip
    _console().print(table)


@app.command()
@_reads_ledger
def checks(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    verdict: str | None = typer.Option("tension", "--verdict", help="tension, consistent, or all."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, help=LIMIT_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """Numeric checks (tensions by default) and descriptor conflicts."""
    store = _store(db)
    if verdict not in (None, "all", "tension", "consistent"):
        raise _fail(f"--verdict {verdict!r}: use tension, consistent or all")
    every = store.checks(verdict=None if verdict == "all" else verdict)
    found = every[:limit]
    conflicts = store.descriptor_conflicts()[:limit]
    if fmt is ListFormat.json:
        payload = {
            "checks": [asdict(c) for c in found],
            "descriptor_conflicts": [asdict(d) for d in conflicts],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    out = _console()
    shown_of = f", {len(found)} shown" if len(every) > len(found) else ""
    table = Table(title=f"{len(every)} numeric check(s){shown_of}", show_lines=True)
    for column in ("verdict", "figures", "explanation", "claims"):
        table.add_column(column, overflow="fold")
    for c in found:
        table.add_row(c.verdict, ", ".join(c.figures), c.explanation, "\n".join(c.claim_ids))
    out.print(table)
    table = Table(title=f"{len(conflicts)} descriptor conflict(s)", show_lines=True)
    for column in ("actor", "described as", "registry says", "article"):
        table.add_column(column, overflow="fold")
    for d in conflicts:
        table.add_row(clean_name(d.actor) or d.actor, d.descriptor, d.expected, d.doc_id)
    out.print(table)


@app.command()
@_reads_ledger
def report(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    fmt: ReportFormat = typer.Option(ReportFormat.rich, "--format", "-f"),
    top: int = typer.Option(10, "--top", min=1, help="How many clusters and sources to show."),
) -> None:
    """A readable summary of the ledger (rich tables, markdown or JSON)."""
    data = build_report(_store(db, verify=True), top=top)
    if fmt is ReportFormat.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
    elif fmt is ReportFormat.markdown:
        typer.echo(to_markdown(data), nl=False)
    else:
        from rich.markdown import Markdown  # markdown-it and pygments: only here

        _console().print(Markdown(to_markdown(data)))


FORMAT_HELP = "What to write. " + "; ".join(
    f"{e.name}: {e.description}" for e in EXPORTERS.values()
)


@app.command()
@_reads_ledger
def export(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("ledger", "--format", "-f", metavar="FORMAT", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here, not stdout."),
    organisation: str = typer.Option(
        "claimledger",
        "--organisation",
        envvar="CLAIMLEDGER_ORGANISATION",
        help="claimreview: who publishes the reviews (their author).",
    ),
    site_url: str = typer.Option(
        PLACEHOLDER_URL,
        "--site-url",
        envvar="CLAIMLEDGER_SITE_URL",
        help="claimreview: where the reviews are published (<site>/clusters/<id>).",
    ),
) -> None:
    """Export the ledger in one of the formats --format lists (default: ledger, one JSON
    document following ledger.schema.json). README.md, "Exports", describes each."""
    chosen = guarded(lambda: exporter(fmt))  # an unknown format is said before the ledger opens
    options = ExportOptions(organisation=organisation, site_url=site_url)
    try:
        store = _store(db, verify=True)
        guarded(lambda: _export_to(output, chosen, store, options))
    except KeyboardInterrupt:
        left = f"{output} was not changed" if output else "the output may be incomplete"
        raise _interrupted(f"nothing was exported: {left}.") from None


def _export_to(
    output: Path | None, chosen: Exporter, store: SQLiteStore, options: ExportOptions
) -> None:
    with _output(output) as out:
        chosen.write(store, out, options)


@app.command()
@_reads_ledger
def articles(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    outlet: str | None = typer.Option(None, "--outlet", help="Only this outlet's."),
    date_from: str | None = typer.Option(
        None, "--from", help="Published on or after (YYYY-MM-DD)."
    ),
    date_to: str | None = typer.Option(None, "--to", help="Published on or before (YYYY-MM-DD)."),
    place: str | None = typer.Option(None, "--place", help="Only those naming this place."),
    text: str | None = typer.Option(None, "--text", help="Only those holding these words."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, help=LIMIT_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """Articles in the ledger, newest first, by the ids you gave them."""
    with _ledger(db) as led:
        found = _all_pages(
            lambda cursor: led.articles(
                outlet=outlet, date_from=date_from, date_to=date_to, place=place, text=text,
                cursor=cursor, limit=min(limit, 500),
            ),
            limit,
        )  # fmt: skip
    if fmt is ListFormat.json:
        _echo_views(found)
        return
    table = Table(title=f"{len(found)} article(s)", show_lines=False)
    for column in ("article", "outlet", "published", "title"):
        table.add_column(column, overflow="fold")
    for a in found:
        table.add_row(a.id, a.outlet or "", a.published or "", a.title or "")
    _console().print(table)


@app.command()
@_reads_ledger
def article(
    article_id: str = typer.Argument(..., help="The article's id, URL or path, as you gave it."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """One article and its claims."""
    with _ledger(db) as led:
        detail = led.article(article_id)
    if fmt is ListFormat.json:
        typer.echo(json.dumps(detail.to_dict(), ensure_ascii=False, indent=1))
        return
    a = detail.article
    out = _console()
    out.print(f"{a.id} ({a.outlet or 'no outlet'}, {a.published or 'undated'})", style="bold")
    if a.title:
        out.print(f"  {a.title}", highlight=False)
    _claims_table(out, list(detail.claims), f"{len(detail.claims)} claim(s)")


@app.command()
@_reads_ledger
def claims(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    speaker: str | None = typer.Option(None, "--speaker", help="Said by this speaker."),
    origin: str | None = typer.Option(None, "--origin", help="Traced to this origin."),
    assessment: Assessment | None = typer.Option(None, "--assessment", help="Of its cluster."),
    hedged: bool | None = typer.Option(None, "--hedged/--not-hedged", help="Hedged or not."),
    place: str | None = typer.Option(None, "--place", help="Where the claim is."),
    date_from: str | None = typer.Option(
        None, "--from", help="Published on or after (YYYY-MM-DD)."
    ),
    date_to: str | None = typer.Option(None, "--to", help="Published on or before (YYYY-MM-DD)."),
    text: str | None = typer.Option(None, "--text", help="Holding these words."),
    article_id: str | None = typer.Option(None, "--article", help="Of this article."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, help=LIMIT_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """Claims, filtered: newest article first, an article's claims in text order."""
    with _ledger(db) as led:
        found = _all_pages(
            lambda cursor: led.claims(
                speaker=speaker, origin=origin,
                assessment=assessment.value if assessment else None, hedged=hedged,
                place=place, date_from=date_from, date_to=date_to, text=text,
                article=article_id, cursor=cursor, limit=min(limit, 500),
            ),
            limit,
        )  # fmt: skip
    if fmt is ListFormat.json:
        _echo_views(found)
        return
    _claims_table(_console(), found, f"{len(found)} claim(s)")


def _echo_views(views: Sequence[Any]) -> None:
    """A list of views as one JSON array (the --format json of the list commands)."""
    typer.echo(json.dumps([v.to_dict() for v in views], ensure_ascii=False, indent=1))


def _claims_table(out: Console, found: list[Any], title: str) -> None:
    table = Table(title=title, show_lines=True)
    for column in ("claim", "speaker", "content", "flags"):
        table.add_column(column, overflow="fold")
    for c in found:
        flags = [f for f in ("hedged" if c.hedged else "", c.verification or "",
                             "denial" if c.polarity == "deny" else "") if f]  # fmt: skip
        table.add_row(c.id, c.speaker or "", c.content, ", ".join(flags))
    out.print(table)


@app.command()
@_reads_ledger
def search(
    words: str = typer.Argument(..., help="Words to find (all of them) in articles and claims."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help=LIMIT_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """Full-text search over article text and claim content, best match first."""
    with _ledger(db) as led:
        hits = led.search(words, limit=min(limit, 500))
    if fmt is ListFormat.json:
        _echo_views(hits)
        return
    table = Table(title=f"{len(hits)} match(es)", show_lines=True)
    for column in ("kind", "id", "snippet"):
        table.add_column(column, overflow="fold")
    for h in hits:
        table.add_row(h.kind, h.id, h.snippet)
    _console().print(table)


@app.command()
@_reads_ledger
def places(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    units: bool = typer.Option(False, "--units", help="Military units instead of places."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, help=LIMIT_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """Places (or units) where claims are, with how many claims and articles."""
    with _ledger(db) as led:
        found = (led.units if units else led.places)(limit=min(limit, 500))
    if fmt is ListFormat.json:
        _echo_views(found)
        return
    table = Table(title=f"{len(found)} {'unit' if units else 'place'}(s)")
    for column in ("name", "kind", "country/side", "claims", "articles"):
        table.add_column(column, overflow="fold")
    for p in found:
        table.add_row(p.name, p.kind or "", p.country or "", str(p.claims), str(p.articles))
    _console().print(table)


@app.command()
def serve(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    token_file: Path | None = typer.Option(
        None,
        "--token-file",
        help="File whose first line is the API token (else $CLAIMLEDGER_API_TOKEN).",
    ),
    private: bool = typer.Option(False, "--private", help="Reads need the token too."),
) -> None:
    """Serve the ledger over HTTP: the REST API under /api/v1, its docs at /docs.

    Writes (POST /api/v1/articles) need the bearer token; with none configured they are
    refused. Reads are open unless --private.
    """
    from claimledger.server.app import ServerSettings, create_app, load_token

    path = _db_path(db)
    _store(db).close()  # a missing or unusable ledger fails now, not on the first request
    token = guarded(lambda: load_token(token_file))
    if private and token is None:
        raise _fail("--private needs a token: give --token-file or set $CLAIMLEDGER_API_TOKEN")
    import uvicorn

    settings = ServerSettings(_db_given(db), token=token, private=private)
    err.print(
        f"Serving {path} on http://{host}:{port}/api/v1 (docs at /docs); "
        f"writes {'need the token' if token else 'are off (no token)'}",
        highlight=False,
    )
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


def run() -> None:
    """The ``claimledger`` command: the Typer app, with an interrupted command's status made
    final. CPython remembers a KeyboardInterrupt raised inside some nested evaluations (one
    arriving while a command imports spaCy, say) even when claimledger catches it, and then
    ends the process by SIGINT at exit (status -2) after ``Interrupted: ...`` was printed and
    every clean-up had run; seen with ``python -m claimledger.cli``, 2 runs of 10 at 1.3 s.
    After an interrupt the clean-up is done, so the process ends there with 130."""
    try:
        app()
    except SystemExit as exc:
        if exc.code == EXIT_INTERRUPTED:
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
            os._exit(EXIT_INTERRUPTED)
        raise


if __name__ == "__main__":  # pragma: no cover  (after every command is declared)
    run()
