"""The ``claimledger`` command line. Parses arguments, calls the library, formats results.

Only this module prints. Every ClaimledgerError becomes ``Error: ...`` and exit status 1.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from claimledger import __version__
from claimledger.errors import ClaimledgerError, ExtractionError
from claimledger.export.contract import claim_records, to_contract
from claimledger.export.table import claims_table
from claimledger.ingest import IngestResult, read_inputs
from claimledger.pipeline import extract_articles

app = typer.Typer(
    help="Claim provenance for conflict news: who claims what, through which relays.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
T = TypeVar("T")


class Format(StrEnum):
    contract = "contract"
    jsonl = "jsonl"
    table = "table"


class OnError(StrEnum):
    fail = "fail"
    skip = "skip"


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
    err.print(f"[bold red]Error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


def guarded(fn: Callable[[], T]) -> T:
    """Run ``fn``, turning claimledger's errors into ``Error: ...`` and exit status 1."""
    try:
        return fn()
    except ClaimledgerError as exc:
        raise _fail(str(exc)) from exc


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    """stdout, or a file written whole: a failure part way leaves no half-written file."""
    if path is None:
        yield sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
    result = guarded(lambda: read_inputs(inputs, on_error=on_error.value))
    if not result.articles:
        _report_skipped(result)
        raise _fail("no usable article in the inputs; see the skipped inputs above")
    console = Console(width=None if sys.stdout.isatty() and output is None else 160)

    failed: list[ExtractionError] = []

    def run() -> None:
        with _output(output) as out, _progress(len(result.articles)) as bar:
            task = bar.add_task("extracting", total=len(result.articles))
            if fmt is Format.table:
                console.file = out
            for outcome in extract_articles(list(result.articles), workers=workers):
                if isinstance(outcome, ExtractionError):
                    if on_error is OnError.fail:
                        raise outcome
                    failed.append(outcome)
                else:
                    _write(fmt, outcome, out, console)
                bar.advance(task)

    guarded(run)
    _report_skipped(result, failed)


def _write(fmt: Format, extraction: Any, out: IO[str], console: Console) -> None:
    if fmt is Format.contract:
        out.write(json.dumps(to_contract(extraction), ensure_ascii=False) + "\n")
    elif fmt is Format.jsonl:
        for record in claim_records(extraction):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        console.print(claims_table(extraction))


if __name__ == "__main__":  # pragma: no cover
    app()
