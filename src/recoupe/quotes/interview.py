"""Interview transcripts: ``Name : text`` turns and the unlabelled questions and answers after.

A *label* opens a line: a person's mention, a name in capitals (``JANE ROE:``) or two to four
capitalised words (particles allowed) whatever the entity layer made of them, then a colon. A
transcript needs labels of two speakers; the *interviewer* is the first labelled speaker whose
turn ends with a question mark, the others are interviewees. Once both have spoken, each later
line (a paragraph) is a turn:

* a labelled one belongs to its label (an interviewee's words are a quote, the interviewer's
  are not);
* an unlabelled one ending with "?" is the interviewer's question (not a quote);
* the other unlabelled ones are answers of the interviewee labelled last: quotes, whole
  paragraphs. Turns alternate, so a run of answer paragraphs closed by a question or a label is
  kept whole, but a run the transcript ends on keeps only the paragraph right after a question:
  what follows the last answer is the article's, not the interviewee's ("Regardez la vidéo.").

A transcript ends at the first line that is not prose (no final punctuation: a menu, a
signature, a rating); a later one starts again with labelled turns of both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recoupe.entities.model import EntityType
from recoupe.quotes.tokens import Mentions
from recoupe.sentences import trimmed

_LABEL = re.compile(
    r"(?m)^[ \t]*(?P<label>[^\W\d_][^\n:]{0,60}?)[ \t\u00a0\u202f]*:[ \t\u00a0\u202f]+(?=\S)"
)
_LINE = re.compile(r"(?m)^.*\S.*$")
_PARTICLES = frozenset(
    [
        "de",
        "du",
        "des",
        "d'",
        "van",
        "von",
        "der",
        "den",
        "le",
        "la",
        "ben",
        "bin",
        "al",
        "da",
        "di",
        "dos",
    ]
)
_PROSE_END = re.compile(r"[.!?…][»”\"’)\s\u00a0\u202f]*$")
_QUESTION_END = re.compile(r"\?[»”\"’)\s\u00a0\u202f]*$")


@dataclass(frozen=True, slots=True)
class Turn:
    """An answer: words in ``[start, end)`` said by the label at ``label_start:label_end``."""

    start: int
    end: int
    label_start: int
    label_end: int
    mention: int  # the label's mention, else -1


@dataclass(frozen=True, slots=True)
class _Label:
    start: int
    end: int
    text_start: int
    key: str  # the name, case-folded: a speaker
    mention: int


def _name_like(label: str) -> bool:
    words = label.replace("’", "'").split()
    if not 1 <= len(words) <= 4 or any(c.isdigit() for c in label):
        return False
    letters = [c for c in label if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True
    capitalised = [w for w in words if w[:1].isupper()]
    rest = [w for w in words if not w[:1].isupper()]
    return len(capitalised) >= 2 and all(w.lower() in _PARTICLES for w in rest)


def _person_named(mentions: Mentions, key: str) -> int:
    for i, m in enumerate(mentions.items):
        if m.type is EntityType.PERSON and m.text.casefold() == key:
            return i
    return -1


def _label(text: str, m: re.Match[str], mentions: Mentions) -> _Label | None:
    start, end = m.start("label"), m.end("label")
    while end > start and text[end - 1].isspace():
        end -= 1
    label = text[start:end]
    key = " ".join(label.casefold().split())
    inside = mentions.within(start, end)
    whole = (
        inside and mentions.items[inside[0]].start == start and mentions.items[inside[0]].end == end
    )
    if whole and mentions.type(inside[0]) is EntityType.PERSON:
        return _Label(start, end, m.end(), key, inside[0])
    if not _name_like(label):
        return None
    return _Label(start, end, m.end(), key, _person_named(mentions, key))


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LINE.finditer(text)]


def interview_turns(text: str, mentions: Mentions) -> list[Turn]:
    """The interviewees' answers in ``text``, in order; none when it holds no transcript."""
    labels: dict[int, _Label] = {}  # by the offset of their line
    for m in _LABEL.finditer(text):
        found = _label(text, m, mentions)
        if found is not None:
            labels[m.start()] = found
    if len({label.key for label in labels.values()}) < 2:
        return []
    interviewer = next(
        (
            label.key
            for label in labels.values()
            if _QUESTION_END.search(text, label.text_start, _line_end(text, label.text_start))
        ),
        None,
    )
    if interviewer is None:
        return []
    return _Transcript(text, labels, interviewer).read()


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


class _Transcript:
    def __init__(self, text: str, labels: dict[int, _Label], interviewer: str) -> None:
        self.text = text
        self.labels = labels
        self.interviewer = interviewer
        self.out: list[Turn] = []
        self.current: _Label | None = None
        self.asked = False
        self.pending: list[tuple[int, int, bool]] = []  # start, end, right after a question

    def read(self) -> list[Turn]:
        first = min(self.labels)
        question = False
        for start, end in _lines(self.text):
            if start < first:
                continue
            label = self.labels.get(start)
            if label is not None:
                self._flush(closed=True)
                question = self._labelled(label, end)
                continue
            if self.current is None or not self.asked:
                continue
            s, e = trimmed(self.text, start, end)
            if not _PROSE_END.search(self.text, s, e):
                self._flush(closed=False)
                self.current, self.asked = None, False  # the transcript ends here
                continue
            if _QUESTION_END.search(self.text, s, e):
                self._flush(closed=True)
                question = True
                continue
            self.pending.append((s, e, question and not self.pending))
            question = False
        self._flush(closed=False)
        return self.out

    def _labelled(self, label: _Label, end: int) -> bool:
        if label.key == self.interviewer:
            self.asked = True
            return True
        self.current = label
        s, e = trimmed(self.text, label.text_start, end)
        if s < e:
            self.out.append(Turn(s, e, label.start, label.end, label.mention))
        return False

    def _flush(self, *, closed: bool) -> None:
        label = self.current
        if label is not None:
            for s, e, after_question in self.pending:
                if closed or after_question:
                    self.out.append(Turn(s, e, label.start, label.end, label.mention))
        self.pending = []
