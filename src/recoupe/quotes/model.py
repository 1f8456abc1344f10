"""The record of the quotation layer: one direct quotation in one document."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class QuoteFact:
    """Quoted words and who said them: ``text == document_text[start:end]``, marks left out.

    ``speaker_start``/``speaker_end`` delimit the words naming the speaker nearest the quote (a
    name, a description or a pronoun; ``speaker_text`` is them), or are None. ``speaker_mention``
    indexes the document's mentions: the person or organisation the words are attributed to once
    pronouns and descriptions are resolved, or None. ``anonymous``: the text attributes the words
    to an unnamed source ("a source close to the inquiry", "un enquêteur").
    """

    start: int
    end: int
    text: str
    speaker_start: int | None
    speaker_end: int | None
    speaker_text: str | None
    speaker_mention: int | None
    anonymous: bool
