"""Records of the entity layer: mentions in one document, facts about them, and entities."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    LOC = "LOC"
    MISC = "MISC"


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in one document's text: ``text == document_text[start:end]``.

    The span is the name itself, without courtesy titles or offices ("M.", "ministre"): those
    become roles. ``source`` says what found it: the NER label (``ner:PER``) or a rule name.
    """

    start: int
    end: int
    text: str
    type: EntityType
    source: str = "ner"


@dataclass(frozen=True, slots=True)
class Acronym:
    """ "long form (SHORT)" or "SHORT (long form)" in one document."""

    short: Mention
    long: Mention
    letters_match: bool  # the short form's letters spell the long form's words


@dataclass(frozen=True, slots=True)
class RoleFact:
    """An office, title or description given to the person or organisation of ``mention``.

    ``start``/``end`` delimit the role's words in the text (``text`` is them); ``qualifier`` is
    current, former ("alors garde des Sceaux"), designate ("proposed to head") or unknown.
    ``organisation``: index of the mention of the organisation the role is at, when named.
    """

    mention: int  # index into the document's mentions
    start: int
    end: int
    text: str
    qualifier: str = "current"
    organisation: int | None = None


@dataclass(frozen=True, slots=True)
class RelationFact:
    """``subject`` ``predicate`` ``object`` between two mentions, stated by text[start:end]."""

    subject: int  # index into the document's mentions
    predicate: str  # snake_case: sibling_of, parent_of, spouse_of, member_of, holds_office ...
    object: int
    start: int
    end: int


@dataclass(slots=True)
class DocumentEntities:
    """What the entity stage found in one document."""

    document: str  # document id
    language: str
    mentions: list[Mention] = field(default_factory=list)
    chains: list[list[int]] = field(default_factory=list)  # in-document coreference: indices
    acronyms: list[Acronym] = field(default_factory=list)
    roles: list[RoleFact] = field(default_factory=list)
    relations: list[RelationFact] = field(default_factory=list)
