"""``recoupe entities``: list, explain and curate entities."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from recoupe.analysis import rebuild, resolved
from recoupe.display import echo, json_line
from recoupe.entities.curation import anchor_of, context
from recoupe.entities.model import DocumentEntities, EntityType
from recoupe.entities.names import name_key
from recoupe.entities.reference import read_references
from recoupe.entities.resolve import ResolvedEntity
from recoupe.store import default_db, open_store

db_option = click.option(
    "--db",
    default=default_db,
    show_default="./recoupe.db or $RECOUPE_DB",
    help="The dossier: a SQLite file.",
)
actor_option = click.option(
    "--actor", default=None, help="Who decides (default: $RECOUPE_USER or the login name)."
)


@click.group("entities")
def entities_group() -> None:
    """List, explain and curate entities (merge, split, rename, reject, retype).

    Decisions are logged and kept apart from computed results: they are re-applied after every
    rebuild. An entity is named by its id, or by a name or alias when that is unambiguous.
    """


def _actor(value: str | None) -> str:
    return value or os.environ.get("RECOUPE_USER") or getpass.getuser() or "unknown"


def _find(entities: list[ResolvedEntity], ref: str) -> ResolvedEntity:
    by_id = [e for e in entities if e.id == ref]
    if by_id:
        return by_id[0]
    key = name_key(ref)
    named = [e for e in entities if key in {name_key(a) for a in (e.name, *e.aliases)}]
    if len(named) == 1:
        return named[0]
    if not named:
        raise click.BadParameter(f"no entity has the id or name {ref!r}")
    choices = ", ".join(f"{e.id} ({e.name}, {e.type})" for e in named)
    raise click.BadParameter(f"{ref!r} names several entities: {choices}; give an id")


def _decide(db: str, actor: str | None, action: str, ref: str, **payload: Any) -> ResolvedEntity:
    with open_store(db, create=False) as store:
        entities, docs, _ = resolved(store)
        origins = {doc.id: doc.origin for doc in store.documents()}
        entity = _find([e for e in entities if not e.rejected], ref)
        payload.update(context(entity, docs, origins))
        if action == "merge":
            other = _find(entities, payload.pop("other_ref"))
            if other.id == entity.id:
                raise click.BadParameter(f"both name the entity {entity.id} ({entity.name})")
            payload["other"] = anchor_of(other, docs)
            payload.update(context(other, docs, origins, prefix="other_"))
        store.add_decision(
            actor=_actor(actor), action=action, target=anchor_of(entity, docs), payload=payload
        )
        _, applied = rebuild(store)
    if applied and not applied[-1].applied:
        echo(f"not applied: {applied[-1].note}", err=True)
        sys.exit(1)
    return entity


@entities_group.command("list")
@db_option
@click.option(
    "--type", "kind", type=click.Choice([t.value for t in EntityType]), help="Only this type."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def list_command(db: str, kind: str | None, as_json: bool) -> None:
    """Entities, most mentioned first."""
    with open_store(db, create=False) as store:
        records = store.entities()
    records = [r for r in records if kind is None or r.type == kind]
    records.sort(key=lambda r: (-len(r.mentions), r.name))
    for record in records:
        documents = len({s.document for s in record.mentions})
        aliases = (record.details or {}).get("aliases", [])
        if as_json:
            click.echo(
                json_line(
                    {
                        "id": record.id,
                        "name": record.name,
                        "type": record.type,
                        "mentions": len(record.mentions),
                        "documents": documents,
                        "aliases": aliases,
                    }
                )
            )
        else:
            others = [a for a in aliases if a != record.name]
            extra = f"  (also: {', '.join(others)})" if others else ""
            echo(
                f"{record.id}  {record.type:<6} {record.name}  "
                f"[{len(record.mentions)} mentions, {documents} docs]{extra}"
            )


@entities_group.command("show")
@click.argument("ref", metavar="ID|NAME")
@db_option
def show_command(ref: str, db: str) -> None:
    """An entity: its names, roles, mentions, and why its mentions were merged."""
    with open_store(db, create=False) as store:
        entities, docs, _ = resolved(store)
        entity = _find(entities, ref)
        texts = {d.id: d.text for d in store.documents()}
        decisions = [d for d in store.decisions() if d["target"] == anchor_of(entity, docs)]
        record = next((r for r in store.entities() if r.id == entity.id), None)
    state = " (rejected)" if entity.rejected else ""
    echo(f"{entity.name}{state}\n  id {entity.id}, type {entity.type}")
    echo(f"  names: {', '.join(entity.aliases)}")
    if entity.variants:
        echo(f"  spelling variants: {', '.join(entity.variants)}")
    if record is not None:
        for role in record.roles:
            echo(f"  role: {role.text} ({role.qualifier}), {len(role.evidence)} source(s)")
    echo("  why these mentions are one entity:")
    for merge in entity.merges or []:
        echo(f"    {merge.rule}: {merge.evidence}")
    if not entity.merges:
        echo("    one document's chain: same name, or a surname/given name after the full name")
    echo("  mentions:")
    for document, index in sorted(entity.mentions):
        _echo_mention(docs[document], index, texts.get(document, ""))
    for decision in decisions:
        echo(
            f"  decision {decision['id']}: {decision['action']} "
            f"by {decision['actor']} at {decision['at']}"
        )


def _echo_mention(doc: DocumentEntities, index: int, text: str) -> None:
    mention = doc.mentions[index]
    left = text[max(0, mention.start - 40) : mention.start].replace("\n", " ")
    right = text[mention.end : mention.end + 40].replace("\n", " ")
    echo(f"    {doc.document} {mention.start}-{mention.end}: …{left}[{mention.text}]{right}…")


@entities_group.command("merge")
@click.argument("first", metavar="ID|NAME")
@click.argument("second", metavar="ID|NAME")
@click.option("--name", help="Canonical name of the merged entity.")
@db_option
@actor_option
def merge_command(first: str, second: str, name: str | None, db: str, actor: str | None) -> None:
    """Merge SECOND into FIRST (one real referent)."""
    entity = _decide(db, actor, "merge", first, other_ref=second, name=name)
    echo(f"merged {second!r} into {entity.id}")


@entities_group.command("split")
@click.argument("ref", metavar="ID|NAME")
@click.argument("alias")
@db_option
@actor_option
def split_command(ref: str, alias: str, db: str, actor: str | None) -> None:
    """Take the mentions written ALIAS out of an entity into an entity of their own."""
    entity = _decide(db, actor, "split", ref, alias=alias)
    echo(f"split {alias!r} out of {entity.id}")


@entities_group.command("rename")
@click.argument("ref", metavar="ID|NAME")
@click.argument("name")
@db_option
@actor_option
def rename_command(ref: str, name: str, db: str, actor: str | None) -> None:
    """Give an entity a canonical NAME."""
    entity = _decide(db, actor, "rename", ref, name=name)
    echo(f"renamed {entity.id} to {name!r}")


@entities_group.command("retype")
@click.argument("ref", metavar="ID|NAME")
@click.argument("kind", metavar="TYPE", type=click.Choice([t.value for t in EntityType]))
@db_option
@actor_option
def retype_command(ref: str, kind: str, db: str, actor: str | None) -> None:
    """Set an entity's type (PERSON, ORG, LOC, MISC)."""
    entity = _decide(db, actor, "retype", ref, type=kind)
    echo(f"{entity.id} is now {kind}")


@entities_group.command("reject")
@click.argument("ref", metavar="ID|NAME")
@db_option
@actor_option
def reject_command(ref: str, db: str, actor: str | None) -> None:
    """Mark an entity as no entity at all (left out of lists and exports)."""
    entity = _decide(db, actor, "reject", ref)
    echo(f"rejected {entity.id} ({entity.name})")


@entities_group.command("reference")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
def reference_command(path: Path, db: str) -> None:
    """Load a reference list (JSON Lines: id, name, aliases, type, scheme) and link entities to it.

    Linked entities carry external_ids (e.g. {"wikidata": "Q90"}) in lists and the export.
    """
    references = list(read_references(path))
    with open_store(db, create=False) as store:
        store.add_references(references)
        rebuild(store)
        linked = sum(1 for e in store.entities() if e.external_ids)
    echo(f"loaded {len(references)} reference entries; {linked} entities linked")


@entities_group.command("log")
@db_option
def log_command(db: str) -> None:
    """Every curation decision: who, when, what, and whether it still applies (and how)."""
    with open_store(db, create=False) as store:
        decisions = store.decisions()
        _, _, applied = resolved(store) if decisions else ([], {}, [])
    status = {a.decision: a for a in applied}
    for d in decisions:
        payload = json.dumps(d["payload"], ensure_ascii=False)
        echo(f"{d['id']:>4}  {d['at']}  {d['actor']:<12} {d['action']:<7} {d['target']}  {payload}")
        if d["id"] in status:
            state = status[d["id"]]
            echo(f"      {'applied' if state.applied else 'NOT APPLIED'}: {state.note}")
