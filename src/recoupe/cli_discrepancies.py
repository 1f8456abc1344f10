"""``recoupe discrepancies``: where sources disagree, each side with its evidence."""

from __future__ import annotations

import getpass
import os
import sys

import click

from recoupe.analysis import rebuild
from recoupe.display import echo, json_line, printable
from recoupe.store import default_db, open_store
from recoupe.store.records import DiscrepancyRecord


@click.group("discrepancies", invoke_without_command=True)
@click.option(
    "--db",
    default=default_db,
    show_default="./recoupe.db or $RECOUPE_DB",
    help="The dossier: a SQLite file.",
)
@click.option(
    "--kind",
    help="Only this kind (name_variant, first_name_conflict, date_conflict, number_conflict).",
)
@click.option("--open", "only_open", is_flag=True, help="Only those not reviewed yet.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per discrepancy.")
@click.pass_context
def discrepancies_group(
    ctx: click.Context, db: str, kind: str | None, only_open: bool, as_json: bool
) -> None:
    """List where sources (or one source) disagree: spellings of a name, two given names for
    one person, two dates for one event, two numbers for one quantity."""
    ctx.obj = db
    if ctx.invoked_subcommand is not None:
        return
    with open_store(db, create=False) as store:
        found = store.discrepancies()
        texts = {doc.id: doc.text for doc in store.documents()}
    for item in found:
        if (kind and item.kind != kind) or (only_open and item.reviewed):
            continue
        click.echo(json_line(_json(item)) if as_json else printable(_text(item, texts)))


def _text(item: DiscrepancyRecord, texts: dict[str, str]) -> str:
    mark = "reviewed" if item.reviewed else "open"
    lines = [f"{item.id}  {item.kind}  [{mark}]\n  {item.summary}"]
    for value in item.values:
        lines.append(f"  - {value.value}")
        for span in value.evidence[:3]:
            text = texts.get(span.document, "")
            left = text[max(0, span.start - 50) : span.start].replace("\n", " ")
            right = text[span.end : span.end + 50].replace("\n", " ")
            lines.append(f"      {span.document}: …{left}[{text[span.start : span.end]}]{right}…")
    return "\n".join(lines)


def _json(item: DiscrepancyRecord) -> dict[str, object]:
    return {
        "id": item.id,
        "kind": item.kind,
        "subject": item.subject,
        "summary": item.summary,
        "reviewed": item.reviewed,
        "values": [
            {"value": v.value, "evidence": [[s.document, s.start, s.end] for s in v.evidence]}
            for v in item.values
        ],
    }


@discrepancies_group.command("review")
@click.argument("discrepancy_id", metavar="ID")
@click.option(
    "--actor", default=None, help="Who reviewed it (default: $RECOUPE_USER or the login name)."
)
@click.pass_obj
def review_command(db: str, discrepancy_id: str, actor: str | None) -> None:
    """Mark a discrepancy as reviewed (kept across rebuilds, logged)."""
    with open_store(db, create=False) as store:
        if discrepancy_id not in {d.id for d in store.discrepancies()}:
            echo(f"no discrepancy {discrepancy_id!r} in {db}", err=True)
            sys.exit(1)
        who = actor or os.environ.get("RECOUPE_USER") or getpass.getuser() or "unknown"
        store.add_decision(actor=who, action="review", target=discrepancy_id, payload={})
        rebuild(store)
    echo(f"reviewed {discrepancy_id}")
