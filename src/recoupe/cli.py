"""The ``recoupe`` command: a few lines per command over the library."""

from __future__ import annotations

import difflib
import logging
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from recoupe import __version__
from recoupe.analysis import analyse, rebuild
from recoupe.build import IngestReport, ingest
from recoupe.cli_analyze import analyze_command
from recoupe.cli_discrepancies import discrepancies_group
from recoupe.cli_entities import entities_group
from recoupe.cli_timeline import timeline_command
from recoupe.display import echo, json_line
from recoupe.errors import (
    EXIT_FAILED,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    Code,
    RecoupeError,
    StoreError,
    UsageError,
)
from recoupe.export.json import write_json
from recoupe.ingest.fetch import FetchPolicy
from recoupe.ingest.files import DEFAULT_MAX_BYTES
from recoupe.ingest.sources import ReadOptions, is_url, local_origin
from recoupe.model import Hints, storable
from recoupe.store import Outcome, SqliteStore, Status, default_db, open_store
from recoupe.store.search import plain_query

log = logging.getLogger(__name__)
_LIBRARIES = (
    "trafilatura",
    "htmldate",
    "courlan",
    "justext",
    "pypdf",
    "warcio",
    "charset_normalizer",
)
_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_MAX_LISTED_FAILURES = 20

db_option = click.option(
    "--db",
    default=default_db,
    show_default="./recoupe.db or $RECOUPE_DB",
    help="The dossier: a SQLite file.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="recoupe")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Cross-check the news: build a sourced story dossier from French and English articles."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if not verbose:  # what the readers' libraries say of a bad page is in its coded error
        for library in _LIBRARIES:
            logging.getLogger(library).setLevel(logging.CRITICAL)


def _store(db: str, *, create: bool = False) -> SqliteStore:
    """The dossier at ``db``; only ``ingest`` creates one."""
    try:
        return open_store(db, create=create)
    except UsageError as exc:
        raise click.UsageError(exc.message) from exc


@cli.command("ingest")
@click.argument("targets", nargs=-1, required=True, metavar="PATH_OR_URL...")
@db_option
@click.option("--published", help="Publication date (YYYY-MM-DD) of documents that give none.")
@click.option("--language", help="Language of the documents (fr, en, ...): skips detection.")
@click.option("--source", help="Outlet or site the documents come from.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on loopback and private networks.")
@click.option(
    "--allow-special-files",
    is_flag=True,
    help="Read named pipes and devices too (up to --max-bytes); by default only regular files.",
)
@click.option(
    "--allow-paths-outside",
    is_flag=True,
    help="Let a record's `path` name a file outside the record file's folder.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Largest file or download read.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=FetchPolicy().timeout,
    show_default=True,
    help="Seconds a connection or a read of a URL may wait.",
)
@click.option(
    "--deadline",
    type=click.FloatRange(min=0, min_open=True),
    default=FetchPolicy().deadline,
    show_default=True,
    help="Seconds the whole fetch of one URL may take (redirects and a slow body included).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes that clean documents.",
)
@click.option("--no-analyse", is_flag=True, help="Store the documents without analysing them.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def ingest_command(
    targets: tuple[str, ...],
    db: str,
    published: str | None,
    language: str | None,
    source: str | None,
    allow_private: bool,
    allow_paths_outside: bool,
    allow_special_files: bool,
    max_bytes: int,
    timeout: float,
    deadline: float,
    workers: int,
    no_analyse: bool,
    quiet: bool,
) -> None:
    """Add documents to the dossier: files (.txt .md .html .pdf, .gz), folders, .jsonl records,
    .warc archives, http(s) pages and RSS/Atom feeds.

    \b
    Limits (each breach is a coded error for that document; the batch goes on):
      size         --max-bytes per file, record, WARC record or fetched body, counted after
                   decompression, however the codings are stacked (gzip, gzip)
      time         --timeout per connection or read, --deadline for a URL's whole fetch
      files        regular files only (--allow-special-files for pipes and devices)
      records      a `path` under the record file's folder (--allow-paths-outside), an http(s)
                   `url`; JSON nested too deeply is a bad record
      WARC         header lines up to 1 MiB
      long texts   analysed in parts of 20,000 characters

    Exit status: 0 when every document was ingested or unchanged, 1 when some failed (the others
    are stored), 2 for a usage error, 3 when recoupe itself failed (the dossier cannot be opened
    or written, or a bug).
    """
    if published and not _DATE.match(published):
        raise click.BadParameter("give a date as YYYY-MM-DD", param_hint="--published")
    if language and not _LANGUAGE.match(language.lower()):
        raise click.BadParameter("give a two-letter ISO 639-1 code", param_hint="--language")
    options = ReadOptions(
        hints=Hints(published=published, language=language and language.lower(), source=source),
        max_bytes=max_bytes,
        fetch=FetchPolicy(
            allow_private=allow_private, timeout=timeout, deadline=deadline, max_bytes=max_bytes
        ),
        allow_paths_outside=allow_paths_outside,
        special_files=allow_special_files,
    )
    with _store(db, create=True) as store:
        with _Progress(enabled=not quiet) as progress:
            report = ingest(
                targets, store=store, options=options, workers=workers, on_outcome=progress.update
            )
        if not quiet:
            _print_summary(report, db)
        analysed_ok = no_analyse or _analyse(store, quiet=quiet)
    sys.exit(0 if report.ok and analysed_ok else 1)


def _analyse(store: SqliteStore, *, quiet: bool) -> bool:
    """Analyse and rebuild; False when a stage failed on a document or a dossier-wide step
    failed (recorded as coded errors: the rest of the dossier was built)."""
    before = {(e.origin, e.at) for e in store.errors()}
    with _Progress(enabled=not quiet, unit="doc analysed") as progress:
        result = analyse(store, on_document=progress.advance)
    if not quiet:
        echo(f"analysed {result.analysed} new document(s); {result.entities} entities", err=True)
    stale = [a for a in result.decisions if not a.applied]
    if stale:
        echo(
            f"  {len(stale)} curation decision(s) no longer apply (first: #{stale[0].decision}, "
            f"{stale[0].note}): see `recoupe entities log`",
            err=True,
        )
    failed = [
        e
        for e in store.errors()
        if e.code in (str(Code.ANALYSIS_FAILED), str(Code.CORPUS_STEP_FAILED))
        and (e.origin, e.at) not in before  # this run's failures, not an old one's
    ]
    for error in failed[:5]:
        echo(f"  {error.code}: {error.origin}: {error.message}", err=True)
    if len(failed) > 5:
        echo(f"  ... {len(failed) - 5} more: see `recoupe status`", err=True)
    return not failed


class _Progress:
    """A progress bar on a terminal, shown only when a batch takes more than a moment."""

    def __init__(self, *, enabled: bool, unit: str = "doc") -> None:
        from tqdm import tqdm

        self._bar = tqdm(
            unit=unit, delay=1.0, disable=not (enabled and sys.stderr.isatty()), file=sys.stderr
        )

    def update(self, outcome: Outcome) -> None:
        self._bar.update(1)

    def advance(self, count: int) -> None:
        self._bar.update(count)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.close()


def _print_summary(report: IngestReport, db: str) -> None:
    counts = ", ".join(f"{status.value} {report.count(status)}" for status in Status)
    codes = report.failure_codes()
    detail = f" ({', '.join(f'{code}: {n}' for code, n in sorted(codes.items()))})" if codes else ""
    echo(f"{counts}{detail} -> {db}", err=True)
    for outcome in report.failures[:_MAX_LISTED_FAILURES]:
        echo(f"  {outcome.code}: {outcome.origin}: {outcome.message}", err=True)
    if len(report.failures) > _MAX_LISTED_FAILURES:
        echo(f"  ... see `recoupe status --db {db}` for all errors", err=True)


@cli.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["json"]), required=True, help="Export format.")
@click.option("-o", "--output", default="-", show_default=True, help="File to write, or -.")
def export_command(db: str, fmt: str, output: str) -> None:
    """Write the dossier in the recoupe.dossier/1 format (dossier.schema.json).

    A file is written whole or not at all: into a temporary file beside it, renamed when done
    (a device or a named pipe is written into).
    """
    target = None if output == "-" else _output_path(output)
    with _store(db) as store:
        if target is None:
            write_json(store, sys.stdout)
            return
        try:
            if target.exists() and not target.is_file():  # a device or a pipe: written into
                with target.open("w", encoding="utf-8") as out:
                    write_json(store, out)
                return
            handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
            try:
                with open(handle, "w", encoding="utf-8") as out:
                    write_json(store, out)
                if target.exists():  # the mode the file had
                    os.chmod(name, target.stat().st_mode & 0o7777)
                else:  # as a file the user creates, not mkstemp's 0600
                    umask = os.umask(0)
                    os.umask(umask)
                    os.chmod(name, 0o666 & ~umask)
                os.replace(name, target)
            except BaseException:
                Path(name).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise StoreError(f"cannot write {output!r}: {exc.strerror or exc}") from exc


def _output_path(output: str) -> Path:
    """Where ``-o`` asks to write (a link's target), once it is known to be a file in an existing
    folder."""
    target = Path(os.path.realpath(output))
    if target.is_dir():
        raise click.BadParameter(f"{output!r} is a folder: give a file name", param_hint="-o")
    if not target.parent.is_dir():
        raise click.BadParameter(
            f"the folder {str(target.parent)!r} does not exist: create it first", param_hint="-o"
        )
    return target


@cli.command("status")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object instead of text.")
def status_command(db: str, as_json: bool) -> None:
    """What the dossier holds, and the documents that failed."""
    with _store(db) as store:
        counts, languages, errors = store.counts(), store.languages(), store.errors()
    if as_json:
        payload: dict[str, Any] = {
            "db": db,
            **counts,
            "languages": languages,
            "errors_list": [
                {"origin": e.origin, "code": e.code, "message": e.message} for e in errors
            ],
        }
        click.echo(json_line(payload))
        return
    echo(f"dossier {db}")
    echo(
        f"  documents {counts['documents']} ({counts['analysed']} analysed), "
        f"versions {counts['versions']}, snapshots {counts['snapshots']}"
    )
    if languages:
        echo("  languages " + ", ".join(f"{k} {v}" for k, v in languages.items()))
    echo(f"  errors {counts['errors']}")
    for error in errors:
        echo(f"    {error.code}: {error.origin}: {error.message}")


@cli.command("remove")
@click.argument("target", metavar="ORIGIN|ID")
@db_option
def remove_command(target: str, db: str) -> None:
    """Delete a document (by id, or every version of an origin) and all that was derived from it.

    Nothing of it is left in the dossier file: its text, snapshot, index entries and derived rows
    are deleted and the file rewritten (VACUUM).
    """
    with _store(db) as store:
        removed = store.remove(storable(target)) or store.remove(_as_origin(target))
        if removed:
            rebuild(store)
            store.compact()
    if not removed:
        echo(f"nothing in {db} has the id or origin {target!r}", err=True)
        sys.exit(1)
    echo(f"removed {len(removed)} document version(s): {', '.join(removed)}")


def _as_origin(target: str) -> str:
    """The origin a local path typed on the command line was stored under (its resolved
    path, a record's number or id kept): "a.txt" → "/home/me/a.txt"."""
    if is_url(target):
        return target
    path, mark, record = target.partition("#")
    return storable(local_origin(Path(path)) + mark + record)


@cli.command("versions")
@click.argument("origin")
@db_option
def versions_command(origin: str, db: str) -> None:
    """List the versions of a document read from ORIGIN (a page that changed)."""
    with _store(db) as store:
        versions = store.versions(storable(origin)) or store.versions(_as_origin(origin))
    if not versions:
        echo(f"no document from {origin!r} in {db}", err=True)
        sys.exit(1)
    for v in versions:
        mark = "*" if v.is_current else " "
        echo(f"{mark} v{v.version} {v.document_id} read {v.fetched_at or '?'} {v.chars} chars")


@cli.command("diff")
@click.argument("origin")
@db_option
@click.option("--from", "old", type=int, help="Older version number (default: the one before).")
@click.option("--to", "new", type=int, help="Newer version number (default: the current one).")
def diff_command(origin: str, db: str, old: int | None, new: int | None) -> None:
    """Compare two versions of the document read from ORIGIN, as a unified diff of its text."""
    with _store(db) as store:
        versions = {
            v.version: v for v in store.versions(origin) or store.versions(_as_origin(origin))
        }
        if len(versions) < 2:
            echo(f"{origin!r} has {len(versions)} version(s): nothing to compare", err=True)
            sys.exit(1)
        new = new or max(versions)
        old = old or max((v for v in versions if v < new), default=0)
        if old not in versions or new not in versions:
            raise click.BadParameter(f"versions are {sorted(versions)}")
        before = store.document(versions[old].document_id)
        after = store.document(versions[new].document_id)
    assert before is not None and after is not None
    lines = difflib.unified_diff(
        before.text.splitlines(keepends=True),
        after.text.splitlines(keepends=True),
        fromfile=f"{origin} v{old}",
        tofile=f"{origin} v{new}",
    )
    for line in lines:
        echo(line.rstrip("\n"))


@cli.command("search")
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option(
    "--fts",
    is_flag=True,
    help='Read QUERY as SQLite FTS5 syntax (AND, OR, NOT, NEAR, "phrases", prefix*).',
)
def search_command(query: str, db: str, limit: int, fts: bool) -> None:
    """Full-text search over the clean text and titles, best first.

    QUERY is read as typed: every word or hyphenated, dotted or elided group ("Bouches-du-Rhône",
    "l'Élysée", "U.S.") must be found, accents and case aside; at most 32 of them. With --fts,
    QUERY is FTS5 syntax.
    """
    with _store(db) as store:
        hits = store.search(query if fts else plain_query(query), limit=limit)
    if not hits:
        echo(f"no document of {db} matches {query!r}", err=True)
    for doc_id, origin, snippet in hits:
        echo(f"{doc_id}  {origin}\n    {' '.join(snippet.split())}")


@cli.command("rebuild")
@db_option
def rebuild_command(db: str) -> None:
    """Analyse what is new, then recompute entities across the dossier (curation re-applied)."""
    with _store(db) as store:
        _analyse(store, quiet=False)


cli.add_command(entities_group)
cli.add_command(analyze_command)
cli.add_command(timeline_command)
cli.add_command(discrepancies_group)


def main() -> None:
    """Entry point of the ``recoupe`` command."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE if isinstance(exc, click.UsageError) else EXIT_SOME_FAILED)
    except click.Abort:
        echo("aborted", err=True)
        sys.exit(130)
    except UsageError as exc:
        echo(f"error: {exc.message}", err=True)
        sys.exit(EXIT_USAGE)
    except StoreError as exc:
        echo(f"error ({exc.code}): {exc.message}", err=True)
        sys.exit(EXIT_FAILED)
    except RecoupeError as exc:
        echo(f"error ({exc.code}): {exc.message}", err=True)
        sys.exit(EXIT_SOME_FAILED)
    except Exception as exc:  # a bug: said in one line, the traceback only with -vv
        log.debug("recoupe failed", exc_info=True)
        echo(
            f"error ({Code.INTERNAL}): recoupe failed ({type(exc).__name__}: {exc}); what was "
            "stored before stays stored — please report this bug (run with -vv for details)",
            err=True,
        )
        sys.exit(EXIT_FAILED)
