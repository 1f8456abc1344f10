"""The entity harness's readers, mention matching and scoring, on tiny hand-written snippets."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from eval import entities
from eval.common import check_figures, figures_by_part, join_sentences, join_tokens
from eval.entities import Document, Found, GoldMention

# --- text reconstruction ------------------------------------------------------------------------


def test_join_tokens_keeps_offsets() -> None:
    text, offsets = join_tokens([("Le", " "), ("chat", ""), (",", "\n"), ("fin", " ")])
    assert text == "Le chat,\nfin"
    assert [text[a:b] for a, b in offsets] == ["Le", "chat", ",", "fin"]


def test_join_sentences_one_line_per_sentence() -> None:
    text, offsets = join_sentences([["A", "b", "."], [], ["C"]])
    assert text == "A b .\nC"
    assert offsets == [[(0, 1), (2, 3), (4, 5)], [], [(6, 7)]]


# --- MEANTIME -----------------------------------------------------------------------------------

# title, date line, then five one-token sentences: the 7th (index 6) is beyond the scored part
MEANTIME_XML = """<?xml version="1.0" ?>
<Document doc_id="1" doc_name="d1" lang="en">
<token t_id="1" sentence="0" number="0">Zorblax</token>
<token t_id="2" sentence="0" number="1">Corp</token>
<token t_id="3" sentence="0" number="2">grows</token>
<token t_id="4" sentence="1" number="3">Monday</token>
<token t_id="5" sentence="2" number="4">It</token>
<token t_id="6" sentence="2" number="5">hired</token>
<token t_id="7" sentence="2" number="6">chief</token>
<token t_id="8" sentence="2" number="7">Ann</token>
<token t_id="9" sentence="2" number="8">Quill</token>
<token t_id="10" sentence="2" number="9">'s</token>
<token t_id="11" sentence="2" number="10">team</token>
<token t_id="12" sentence="3" number="11">The</token>
<token t_id="13" sentence="3" number="12">company</token>
<token t_id="14" sentence="4" number="13">x</token>
<token t_id="15" sentence="5" number="14">y</token>
<token t_id="16" sentence="6" number="15">Zorblax</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="PRO"><token_anchor t_id="5"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="">
<token_anchor t_id="7"/><token_anchor t_id="8"/><token_anchor t_id="9"/><token_anchor t_id="10"/>
</ENTITY_MENTION>
<ENTITY_MENTION m_id="4"><token_anchor t_id="12"/><token_anchor t_id="13"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="5"><token_anchor t_id="16"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="6" syntactic_type="NAM"><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="7" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY m_id="20" ent_type="ORG" instance_id="ORG1" TAG_DESCRIPTOR="Zorblax"/>
<ENTITY m_id="21" ent_type="PER" TAG_DESCRIPTOR="Ann Quill"/>
<ENTITY m_id="22" ent_type="PRO" instance_id="PRO9" TAG_DESCRIPTOR="a product"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><source m_id="4"/><source m_id="5"/>
<target m_id="20"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="3"/><target m_id="21"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="7"/><target m_id="22"/></REFERS_TO>
</Relations>
</Document>
"""


def test_read_meantime(tmp_path: Path) -> None:
    path = tmp_path / "d1.xml"
    path.write_text(MEANTIME_XML, encoding="utf-8")
    document, gold = entities.read_meantime(path, "corpus/d1")
    assert document.text == (
        "Zorblax Corp grows\nMonday\nIt hired chief Ann Quill 's team\nThe company\nx\ny\nZorblax"
    )
    assert document.id == "corpus/d1" and document.language == "en"
    # the first six sentences are scored, the seventh is not
    assert document.in_scope(0, 12)
    assert not document.in_scope(len(document.text) - 7, len(document.text))
    # kept: the name (NAM) and the capitalised phrase headed by "Quill"; left out: the pronoun
    # (PRO), the lower-case nominal, the mention beyond the scope, the unlinked date, the product
    spans = [(document.text[m.start : m.end], m.type, m.entity) for m in gold]
    assert spans == [
        ("Zorblax Corp", "ORG", "ORG1"),
        ("chief Ann Quill 's", "PERSON", "corpus/d1#21"),  # no instance id: a document entity
    ]
    assert document.text[gold[1].head_start :].startswith("Quill ")


def test_is_name() -> None:
    assert entities.is_name(["Apple", "CEO", "Steve", "Jobs"])
    assert entities.is_name(["Apple", "Inc.", ")"])
    assert not entities.is_name(["the", "company"])
    assert not entities.is_name(["He"])
    assert not entities.is_name(["the", "Beatles", "'", "label"])
    assert not entities.is_name([","])


# --- ECB+ ---------------------------------------------------------------------------------------

ECB_CONLL = """#begin document (7/7ecb/1); part 000
7/7ecb/1\t0\t0\tBig\t-
7/7ecb/1\t0\t1\tnews\t-
7/7ecb/1\t1\t0\tMayor\t-
7/7ecb/1\t1\t1\tLu\t(HUM1
7/7ecb/1\t1\t2\tVance\tHUM1)
7/7ecb/1\t1\t3\tquit\t(ACT1)
7/7ecb/1\t1\t4\tin\t-
7/7ecb/1\t1\t5\tOslo\t(LOC1)
7/7ecb/1\t1\t6\t.\t-
7/7ecb/1\t2\t0\tShe\t(HUM1)
7/7ecb/1\t2\t1\tleft\t(ACT2)
#end document
#begin document (17/17ecb/1); part 000
17/17ecb/1\t0\t0\tOther\t-
#end document
"""
ECB_MENTIONS = [
    {
        "conll_doc_key": "7/7ecb/1",
        "sent_id": 1,
        "tokens_number": [1, 2],
        "mention_full_type": "HUMAN_PART_PER",
        "coref_chain": "HUM1",
    },
    {
        "conll_doc_key": "7/7ecb/1",
        "sent_id": 1,
        "tokens_number": [4, 5],
        "mention_full_type": "LOC_GEO",
        "coref_chain": "LOC1",
    },
    {
        "conll_doc_key": "7/7ecb/1",
        "sent_id": 2,
        "tokens_number": [0],
        "mention_full_type": "HUMAN_PART_PER",
        "coref_chain": "HUM1",
    },
    {
        "conll_doc_key": "7/7ecb/1",
        "sent_id": 1,
        "tokens_number": [3],
        "mention_full_type": "NON_HUMAN_PART",
        "coref_chain": "NON1",
    },
]
ECB_EVENTS = [
    {"conll_doc_key": "7/7ecb/1", "sent_id": 2, "tokens_number": [1], "coref_chain": "ACT2"}
]


def test_read_ecbplus() -> None:
    documents, gold = entities.read_ecbplus(
        ECB_CONLL.splitlines(keepends=True),
        ECB_MENTIONS,
        prefix="7/7ecb/",
        scope_mentions=ECB_EVENTS,
    )
    assert [d.id for d in documents] == ["7/7ecb/1"]  # the other subtopic's document is left out
    document = documents[0]
    assert document.text == "Big news\nMayor Lu Vance quit in Oslo .\nShe left"
    # sentences 1 and 2 hold gold mentions (an entity, an event); sentence 0 is not scored
    assert document.scope == ((9, 38), (39, 47))
    assert not document.in_scope(0, 3)
    assert document.in_scope(15, 23)
    # "She" is a pronoun; the NON_HUMAN_PART mention is not a person, organisation or place
    assert [(document.text[m.start : m.end], m.type, m.entity) for m in gold] == [
        ("Lu Vance", "PERSON", "HUM1"),
        ("in Oslo", "LOC", "LOC1"),
    ]
    assert document.text[gold[1].head_start : gold[1].end] == "Oslo"


# --- HIPE ---------------------------------------------------------------------------------------

HIPE_HEADER = (
    "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\t"
    "NE-NESTED\tNEL-LIT\tNEL-METO\tMISC"
)


def hipe_row(token: str, tag: str = "O", misc: str = "_") -> str:
    return "\t".join([token, tag, "_", "O", "_", "_", "O", "_", "_", misc])


HIPE_TSV = "\n".join(
    [
        HIPE_HEADER,
        "# hipe2022:document_id = t_fr_1",
        "# hipe2022:language = fr",
        hipe_row("M", "B-PER", "NoSpaceAfter"),
        hipe_row(".", "I-PER"),
        hipe_row("Du¬", "I-PER", "NoSpaceAfter|EndOfLine"),
        hipe_row("pin", "I-PER", "NoSpaceAfter"),
        hipe_row(",", "O"),
        hipe_row("de", "O", "NoSpaceAfter"),  # a line end: the words stay apart
        hipe_row("Lyon", "B-LOC", "NoSpaceAfter"),
        hipe_row(",", "O"),
        hipe_row("lit", "O"),
        hipe_row("Le", "B-HumanProd"),
        hipe_row("Temps", "I-HumanProd", "NoSpaceAfter"),
        hipe_row(".", "O", "EndOfSentence"),
        "",
        "# hipe2022:document_id = t_fr_2",
        "# hipe2022:language = fr",
        hipe_row("#"),
        hipe_row("Paris", "I-loc"),
        hipe_row("Rome", "B-loc"),
        hipe_row("ONU", "B-org", "EndOfLine"),
        hipe_row("fin"),
    ]
)


def test_read_hipe() -> None:
    docs = entities.read_hipe(HIPE_TSV.splitlines(keepends=True))
    assert [d.id for d, _ in docs] == ["t_fr_1", "t_fr_2"]
    first, gold = docs[0]
    assert first.language == "fr"
    assert first.text == "M. Du¬pin, de Lyon, lit Le Temps."
    # the newspaper title (HumanProd) is read, then dropped
    assert [(first.text[m.start : m.end], m.type) for m in gold] == [
        ("M. Du¬pin", "PERSON"),
        ("Lyon", "LOC"),
    ]
    second, gold = docs[1]
    assert second.text == "# Paris Rome ONU\nfin"  # a "#" token is a token, not a comment
    # an I- tag after O starts an entity; B- after an entity of the same type starts another
    assert [(second.text[m.start : m.end], m.type) for m in gold] == [
        ("Paris", "LOC"),
        ("Rome", "LOC"),
        ("ONU", "ORG"),
    ]


def test_iob_spans() -> None:
    tags = ["B-PER", "I-PER", "I-LOC", "O", "I-ORG", "B-ORG", "I-ORG", "_"]
    assert entities.iob_spans(tags) == [
        ("PER", 0, 1),
        ("LOC", 2, 2),
        ("ORG", 4, 4),
        ("ORG", 5, 6),
    ]


# --- matching and scoring -----------------------------------------------------------------------


def gold_mention(doc: str, start: int, end: int, head: int, entity: str) -> GoldMention:
    return GoldMention(doc, start, end, head, "PERSON", entity)


def test_align_exact_first_then_tightest_head() -> None:
    # d: "Apple CEO Steve Jobs" (0-20) with "Steve Jobs" (10-20) also gold
    gold = [gold_mention("d", 0, 20, 16, "E1"), gold_mention("d", 10, 20, 16, "E1")]
    found = [Found("d", 16, 20, "PERSON"), Found("d", 10, 20, "PERSON")]
    assert entities.align(gold, found, head=False) == {1: 1}
    # "Steve Jobs" pairs exactly; "Jobs" then takes the remaining, larger mention
    assert entities.align(gold, found, head=True) == {1: 1, 0: 0}
    # a system mention that does not end in the head token, or is in another document, is alone
    strays = [Found("d", 0, 5, "ORG"), Found("e", 16, 20, "PERSON")]
    assert entities.align(gold, strays, head=True) == {}


def test_score_clusters_end_to_end() -> None:
    # gold: E1 in documents a and b, E2 in a; the system merges everything and adds a mention
    gold = [
        gold_mention("a", 0, 5, 0, "E1"),
        gold_mention("b", 0, 9, 4, "E1"),
        gold_mention("a", 10, 14, 10, "E2"),
    ]
    clusters = [
        [Found("a", 0, 5, "PERSON"), Found("b", 4, 9, "PERSON"), Found("a", 10, 14, "PERSON")],
        [Found("b", 20, 25, "ORG"), Found("b", 20, 25, "ORG")],  # a duplicate counts once
    ]
    head = entities.score_clusters(gold, clusters, head=True)
    assert (head["mentions"].recall, head["mentions"].precision) == (1.0, 0.75)
    # MUC: the key's one link is found; of the response's 2 links (3 mentions in 2 key parts) 1
    assert (head["muc"].recall, head["muc"].precision) == (1.0, 0.5)
    # B³: recall (2²/2 + 1²/1) / 3; precision (2²/3 + 1²/3 + 0) / 4 mentions
    assert (head["b3"].recall, head["b3"].precision) == (1.0, pytest.approx(5 / 12))
    exact = entities.score_clusters(gold, clusters, head=False)
    assert exact["mentions"].recall == pytest.approx(2 / 3)  # "b" 4-9 is not exactly 0-9


def test_ner_counts() -> None:
    gold = [Found("d", 0, 5, "PERSON"), Found("d", 10, 14, "LOC")]
    found = [Found("d", 0, 5, "PERSON"), Found("d", 9, 14, "LOC"), Found("d", 20, 22, "ORG")]
    counts = entities.ner_counts(gold, found)
    assert (counts["strict"].recall, counts["strict"].precision) == (0.5, pytest.approx(1 / 3))
    assert (counts["fuzzy"].recall, counts["fuzzy"].precision) == (1.0, pytest.approx(2 / 3))
    assert counts["ORG"].precision_den == 1 and counts["ORG"].recall_den == 0


# --- systems ------------------------------------------------------------------------------------


class StubSpacy(entities.SpacyBaseline):
    def __init__(self, found: list[list[Found]]) -> None:
        super().__init__()
        self.found = found

    def mentions(self, documents: object) -> list[list[Found]]:
        return self.found


def test_baseline_clusters_by_lower_cased_text() -> None:
    docs = [Document("a", "Acme and ACME", "en"), Document("b", "acme, Bo", "en")]
    found = [
        [Found("a", 0, 4, "ORG"), Found("a", 9, 13, "ORG")],
        [Found("b", 0, 4, "ORG"), Found("b", 6, 8, "PERSON")],
    ]
    clusters = StubSpacy(found).clusters(docs)
    assert [[(f.doc, f.start) for f in c] for c in clusters] == [
        [("a", 0), ("a", 9), ("b", 0)],
        [("b", 6)],
    ]


def test_recoupe_system_follows_the_contract() -> None:
    docs = [Document("a", "Ann met Bob.", "en"), Document("b", "Bob left.", "en")]

    def mention(start: int, end: int, text: str, type_: str) -> SimpleNamespace:
        return SimpleNamespace(start=start, end=end, text=text, type=type_)

    def analyse(items: list[tuple[str, str, str]]) -> list[SimpleNamespace]:
        assert items == [("a", "Ann met Bob.", "en"), ("b", "Bob left.", "en")]
        return [
            SimpleNamespace(
                document="a",
                mentions=[mention(0, 3, "Ann", "PERSON"), mention(8, 11, "Bob", "PERSON")],
            ),
            SimpleNamespace(
                document="b",
                mentions=[mention(0, 3, "Bob", "PERSON"), mention(4, 8, "left", "MISC")],
            ),
        ]

    def resolve(analysed: list[SimpleNamespace]) -> list[SimpleNamespace]:
        return [
            SimpleNamespace(mentions=[("a", 1), ("b", 0)], type="PERSON"),
            SimpleNamespace(mentions=[("a", 0)], type="PERSON"),
            SimpleNamespace(mentions=[("b", 1)], type="MISC"),  # dropped
        ]

    system = entities.RecoupeSystem(analyse, resolve)
    assert system.clusters(docs) == [
        [Found("a", 8, 11, "PERSON"), Found("b", 0, 3, "PERSON")],
        [Found("a", 0, 3, "PERSON")],
    ]
    assert system.mentions(docs) == [
        [Found("a", 0, 3, "PERSON"), Found("a", 8, 11, "PERSON")],
        [Found("b", 0, 3, "PERSON")],
    ]
    assert system.offset_errors == 0


def test_margins_are_floored_only_once_positive() -> None:
    def coref(conll: float) -> dict[str, object]:
        return {"head": {"conll_f1": conll, "b3": {"f1": conll}}}

    results = {"meantime": {"check": {"systems": {"recoupe": coref(0.5), "spacy": coref(0.6)}}}}
    by_part = figures_by_part({"check": entities.part_figures(results, "check")})
    figures = check_figures(by_part, fast=True, floors={})
    assert figures == {
        "entities.meantime.conll_f1.check.fast": 0.5,
        "entities.meantime.b3_f1.check.fast": 0.5,
    }
    floors = {"entities.meantime.conll_f1_vs_spacy.check.fast": 0.01}
    figures = check_figures(by_part, fast=True, floors=floors)
    assert figures["entities.meantime.conll_f1_vs_spacy.check.fast"] == pytest.approx(-0.1)
    # the baseline alone is never floored
    baseline_only = {"meantime": {"check": {"systems": {"spacy": coref(0.6)}}}}
    assert entities.part_figures(baseline_only, "check") == {}


def test_main_skips_without_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "absent"
    monkeypatch.setenv("RECOUPE_EVAL_DATA", str(missing))
    assert entities.main([]) == 0
    assert capsys.readouterr().out.strip() == f"skipped: {missing} not found"


def test_load_recoupe_is_none_while_the_layer_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "recoupe.entities.pipeline", None)  # import fails
    assert entities.load_recoupe() is None
