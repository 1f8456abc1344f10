"""A person the tagger typed otherwise in one article is read again as a person there, when most
of that person's mentions across the dossier were typed a person (recoupe.entities.retype)."""

from __future__ import annotations

from pathlib import Path

from recoupe import analysis
from recoupe.build import ingest
from recoupe.entities.model import DocumentEntities, EntityType, Mention
from recoupe.entities.pipeline import STAGE as ENTITY_STAGE
from recoupe.entities.resolve import ResolvedEntity
from recoupe.entities.retype import retyped
from recoupe.entities.roles import find_roles_and_relations
from recoupe.entities.serialize import dump, load
from recoupe.quotes import stage as quotes_stage
from recoupe.quotes.stage import STAGE as QUOTE_STAGE
from recoupe.store import SqliteStore

P, L, G = EntityType.PERSON, EntityType.LOC, EntityType.ORG
REPORT = (
    'The Saints placed Bush on injured reserve. "It\'s going to be rehab and rest," Saints '
    "head coach Sean Payton said."
)
OTHER = "Coach Sean Payton spoke on Monday. Sean Payton said the team would travel."


def _doc(doc_id: str, text: str, names: list[tuple[str, EntityType]]) -> DocumentEntities:
    mentions = []
    for name, kind in names:
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, kind))
    mentions.sort(key=lambda m: m.start)
    roles, relations = find_roles_and_relations(text, mentions, language="en")
    return DocumentEntities(doc_id, "en", mentions, [], [], roles, relations)


def _entity(docs: dict[str, DocumentEntities], name: str, kind: EntityType) -> ResolvedEntity:
    mentions = [
        (d, i) for d, doc in docs.items() for i, m in enumerate(doc.mentions) if m.text == name
    ]
    return ResolvedEntity(name.lower(), name, kind, [name], mentions, [], [])


def test_a_person_typed_a_place_in_one_article_gets_that_articles_roles() -> None:
    texts = {"r": REPORT, "o": OTHER, "p": "Sean Payton arrived. Sean Payton left."}
    docs = {
        "r": _doc("r", REPORT, [("Saints", G), ("Sean Payton", L)]),
        "o": _doc("o", OTHER, [("Sean Payton", P)]),
        "p": _doc("p", texts["p"], [("Sean Payton", P)]),
    }
    assert not [r for r in docs["r"].roles if r.mention == 1]  # a place has no coach
    found = retyped(docs, [_entity(docs, "Sean Payton", P)], texts)
    assert set(found) == {"r"}  # only the article that typed it otherwise is read again
    again = found["r"]
    assert [m.type for m in again.mentions] == [G, P]  # the body stays a body
    assert [r.text for r in again.roles if r.mention == 1] == ["Saints head coach"]


def test_no_retyping_when_the_tagger_mostly_said_otherwise() -> None:
    text = "Trustworthy Computing said it. Trustworthy Computing will patch."
    docs = {
        "a": _doc("a", text, [("Trustworthy Computing", G)]),
        "b": _doc("b", "Trustworthy Computing wrote.", [("Trustworthy Computing", P)]),
    }
    texts = {"a": text, "b": "Trustworthy Computing wrote."}
    # resolution called it a person, but one mention of two is no majority
    assert retyped(docs, [_entity(docs, "Trustworthy Computing", P)], texts) == {}


def test_the_dossier_attributes_the_quote_of_an_article_that_mistyped_its_speaker(
    tmp_path: Path, store: SqliteStore
) -> None:
    articles = {
        "report.txt": REPORT,
        "monday.txt": "Saints head coach Sean Payton spoke on Monday about the injury.",
        "tuesday.txt": "Sean Payton said on Tuesday that Bush would miss the season.",
    }
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert ingest([str(tmp_path / n) for n in articles], store=store).ok
    analysis.analyse(store)
    assert [q.speaker for q in store.quotes()] != [None]
    # the tagger's error, as it happens on real pages: the name typed a place in one article
    (report, data), *_ = [
        (doc, data)
        for doc, data in store.analyses(ENTITY_STAGE)
        if doc.origin.endswith("report.txt")
    ]
    mistyped = load(report.id, report.language, report.text, data)
    mistyped.mentions = [
        Mention(m.start, m.end, m.text, L) if m.text == "Sean Payton" else m
        for m in mistyped.mentions
    ]
    store.save_analyses(ENTITY_STAGE, [(report.id, dump(mistyped))])
    quotes = quotes_stage.analyse_document(report.text, mistyped)
    assert all(q["speaker_mention"] is None for q in quotes)  # read alone, no speaker
    store.save_analyses(QUOTE_STAGE, [(report.id, {"quotes": quotes})])
    analysis.rebuild(store)
    (quote,) = store.quotes()
    payton = next(e for e in store.entities() if e.name == "Sean Payton")
    assert payton.type == "PERSON" and quote.speaker == payton.id
    assert any("coach" in r.text for r in payton.roles)
