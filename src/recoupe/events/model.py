"""Records of the event layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class TimexLike(Protocol):
    """What the event layer needs of a temporal expression (see ``recoupe.time``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def value(self) -> str | None: ...
    @property
    def precision(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def direction(self) -> str: ...


@dataclass(frozen=True, slots=True)
class EventFact:
    """A dated happening stated in one sentence (or clause) of one document."""

    start: int  # the sentence or clause: text[start:end]
    end: int
    date_start: int  # the temporal expression
    date_end: int
    date: str
    precision: str
    status: str  # happened | planned | unknown
    mentions: tuple[int, ...]  # indices into the document's entity mentions
    classes: tuple[str, ...]  # kinds of happening named in the sentence (meeting, visit, ...)
    cancelled: bool = False  # the sentence says it was called off or postponed


@dataclass(slots=True)
class DocumentEvents:
    document: str
    events: list[EventFact] = field(default_factory=list)
