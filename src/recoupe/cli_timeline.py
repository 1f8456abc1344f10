"""``recoupe timeline``: the dossier's events in date order, as text, JSON lines or a picture."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import click

from recoupe.display import echo, json_line, printable
from recoupe.entities.names import name_key
from recoupe.events.svg import render
from recoupe.store import default_db, open_store
from recoupe.store.records import EntityRecord, EventRecord
from recoupe.time.dates import bounds

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _is_date(value: str) -> bool:
    """Whether ``value`` is a real year, month or day: "2025-13" and "2025-02-30" are not."""
    if not _DATE.match(value):
        return False
    year, month, day = (int(part) for part in (value + "-01-01").split("-")[:3])
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


@click.command("timeline")
@click.option(
    "--db",
    default=default_db,
    show_default="./recoupe.db or $RECOUPE_DB",
    help="The dossier: a SQLite file.",
)
@click.option(
    "--entity",
    "entity_refs",
    multiple=True,
    help="Only events naming this entity (id or name); repeatable.",
)
@click.option(
    "--from", "date_from", help="Only events ending on or after this date (YYYY[-MM[-DD]])."
)
@click.option("--to", "date_to", help="Only events starting on or before this date.")
@click.option(
    "--svg",
    "svg_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw the timeline in this SVG file.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event.")
def timeline_command(
    db: str,
    entity_refs: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
    svg_path: Path | None,
    as_json: bool,
) -> None:
    """The timeline: every dated event with its status (happened, planned), its number of
    independent sources and, for announcements, what later documents show."""
    for value, name in ((date_from, "--from"), (date_to, "--to")):
        if value and not _is_date(value):
            raise click.BadParameter(
                f"{value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD", param_hint=name
            )
    with open_store(db, create=False) as store:
        events, entities = store.events(), store.entities()
    names = {e.id: e.name for e in entities}
    wanted = {_entity_id(ref, entities) for ref in entity_refs}
    chosen = [e for e in events if _keep(e, wanted, date_from, date_to)]
    for event in chosen:
        click.echo(json_line(_json(event, names)) if as_json else printable(_line(event, names)))
    if svg_path is not None:
        title = "recoupe timeline" + (f": {', '.join(names[i] for i in wanted)}" if wanted else "")
        try:
            svg_path.write_text(render(chosen, title=title, names=names), encoding="utf-8")
        except OSError as exc:
            raise click.BadParameter(
                f"cannot write {str(svg_path)!r}: {exc.strerror or exc}", param_hint="--svg"
            ) from exc
        echo(f"picture: {svg_path}", err=True)


def _entity_id(ref: str, entities: list[EntityRecord]) -> str:
    for entity in entities:
        aliases = (entity.details or {}).get("aliases", [])
        if ref == entity.id or name_key(ref) in {name_key(a) for a in (entity.name, *aliases)}:
            return entity.id
    raise click.BadParameter(f"no entity has the id or name {ref!r}", param_hint="--entity")


def _keep(event: EventRecord, wanted: set[str], date_from: str | None, date_to: str | None) -> bool:
    if wanted and not wanted & set(event.entities):
        return False
    first, last = bounds(event.date) if event.date else (None, None)
    if date_from and (last is None or last < (bounds(date_from)[0] or "")):
        return False
    return not (date_to and (first is None or first > (bounds(date_to)[1] or "")))


def _line(event: EventRecord, names: dict[str, str]) -> str:
    who = ", ".join(names.get(e, e) for e in event.entities[:4])
    follow = f"\n      → {event.follow_up['outcome'].replace('_', ' ')}" if event.follow_up else ""
    text = " ".join(event.text.split())
    return (
        f"{event.date or '?':<17} {event.status:<9} {event.sources} src  {text[:110]}"
        f"{'…' if len(text) > 110 else ''}\n      ({who}){follow}"
    )


def _json(event: EventRecord, names: dict[str, str]) -> dict[str, object]:
    return {
        "id": event.id,
        "date": event.date,
        "precision": event.precision,
        "status": event.status,
        "sources": event.sources,
        "text": event.text,
        "entities": [{"id": e, "name": names.get(e)} for e in event.entities],
        "follow_up": event.follow_up,
    }
