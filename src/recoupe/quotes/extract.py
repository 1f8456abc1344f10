"""Direct quotations in one document and who says them (see the package docstring)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from recoupe.abbreviations import ends_with_abbreviation
from recoupe.entities.model import EntityType, Mention, RoleFact
from recoupe.quotes.attribution import TITLE, Ctx, Speaker, after, before, clause_subject, incise
from recoupe.quotes.interview import Turn, interview_turns
from recoupe.quotes.lexicon import Lexicon, lexicon
from recoupe.quotes.marks import Stretch, stretches
from recoupe.quotes.model import QuoteFact
from recoupe.quotes.resolve import Resolver
from recoupe.quotes.tokens import OPENING, Mentions, Tok, tokenize

__all__ = ["find_quotes"]

MIN_UNATTRIBUTED_WORDS = 6  # an unattributed stretch between double marks is a quote from here
_BEFORE, _AFTER = 300, 160  # characters read around the marks, within the paragraph
_INCISE_COMMA = re.compile(r"[,?!][ \u00a0]+(?=[^\W\d_])")
_SENTENCE_START = re.compile(r"(?<![A-Z]\.)(?<=[.!?…])[»”\"’)]*\s+(?=[A-ZÀ-Ý«“\"‘])")
_SENTENCE_CLOSED = re.compile(r"[.!?…][\s»”\"’)]*$")
_GAP_SENTENCE_END = re.compile(r"[.!?…]")
_SENTENCE_END = re.compile(r"[.!?…](?=[\s»”\"’)]|$)|\n")
_LATE_WORDS = 8  # words between a quote and the incise that closes its sentence
_AGENT = re.compile(r"(?i)\b(?:par|by)\b")  # "jugée « injuste » par les syndicats"
# what, after a comma, opens another clause or names another actor: "said X, but Y …", "assure
# X, tandis que Y …", "a estimé X, aussitôt contredit par Y", "prompting a reply from Y"
_OTHER_CLAUSE = re.compile(
    r"(?i)\b(?:but|while|whereas|although|though|before|after|as|prompting|from|by|with whom"
    r"|mais|tandis|alors|avant|après|pendant|par|contredit|interrompu|suivi)\b"
)
_MAY_END = re.compile(r"[.!?…]\s+\S")  # a full stop inside: maybe a sentence's end ("Inc. Y")
# the narrative infinitive that hands the word back to the last speaker, right before the quote
_NARRATIVE_INFINITIVE = re.compile(
    r"(?:^|[.!?»”\"]\s*)(?:Et|Puis|Avant) (?:de |d['’])\w+(?:[ ,]+\w+){0,2}\s*[:,]\s*$"
)
_NARRATIVE_LINES = 2  # line breaks between the two quotes at most
_SUBJECT_WORDS = 6  # words before a sentence's subject: a role, a title ("Apple CEO")
_INHERIT_GAP = 200  # longest text between a quote and the next one that continues it
_LIST_ITEM_WORDS = 6
_LIST_BEFORE = re.compile(r"(?:,[ \u00a0]*[»”\"’]|[»”\"’][ \u00a0]*(?:,|et|and|ou|or))\s*$")
_LIST_AFTER = re.compile(r"(?:[ \u00a0]*,)?[ \u00a0]*(?:et |and |ou |or )?[«“\"‘]")
_INCISE_WINDOW = 160  # characters read after a comma inside the marks for an incise
_NEXT_WORD = re.compile(r"(?i:s['’])|\w+(?:-\w+)*")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    speaker: Speaker | None


def find_quotes(
    text: str, mentions: Sequence[Mention], roles: Sequence[RoleFact], *, language: str
) -> list[QuoteFact]:
    """Direct quotations in ``text``, sorted by start, none overlapping.

    ``mentions`` are the document's sorted, non-overlapping mentions and ``roles`` their roles;
    ``speaker_mention`` indexes ``mentions``. Languages other than French and English give none.
    """
    lex = lexicon(language)
    if lex is None or not text:
        return []
    ms = Mentions(mentions)
    resolver = Resolver(text, ms, roles, lex)
    turns = interview_turns(text, ms)
    taken = [(t.start, t.end) for t in turns]
    found = [_turn(t) for t in turns]
    reader = _Reader(text, ms, lex)
    reach = -1  # end of the last quote between marks
    previous: _Found | None = None
    for stretch in stretches(text):
        if stretch.start < reach or _overlaps(stretch, taken):
            continue
        quotes = reader.read(stretch, previous)
        if quotes:
            found.extend(quotes)
            previous = quotes[-1]
            reach = max(reach, stretch.end)
    found.sort(key=lambda f: f.start)
    return [_fact(text, f, resolver) for f in found]


def _turn(t: Turn) -> _Found:
    return _Found(t.start, t.end, Speaker(t.label_start, t.label_end, "mention", t.mention))


def _overlaps(stretch: Stretch, spans: Sequence[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(spans, (stretch.end, stretch.end))
    return k > 0 and spans[k - 1][1] > stretch.start


def _fact(text: str, f: _Found, resolver: Resolver) -> QuoteFact:
    sp = f.speaker
    if sp is None:
        resolver.add_quote(f.start, f.end, None)
        return QuoteFact(f.start, f.end, text[f.start : f.end], None, None, None, None, False)
    if sp.kind == "mention" and sp.mention < 0:
        mention, anonymous = None, False  # an interview label that names nobody we know
    else:
        mention, anonymous = resolver.resolve(sp, f.start)
    resolver.add_quote(f.start, f.end, mention)
    return QuoteFact(
        f.start,
        f.end,
        text[f.start : f.end],
        sp.start,
        sp.end,
        text[sp.start : sp.end],
        mention,
        anonymous,
    )


class _Reader:
    """Decides, stretch by stretch in text order, which are quotes and who says them."""

    def __init__(self, text: str, mentions: Mentions, lex: Lexicon) -> None:
        self.text = text
        self.mentions = mentions
        self.lex = lex

    def _paragraph(self, start: int, end: int) -> tuple[int, int]:
        first = self.text.rfind("\n", 0, start) + 1
        last = self.text.find("\n", end)
        return first, len(self.text) if last < 0 else last

    def _ctx(self, start: int, end: int) -> Ctx:
        toks = tokenize(self.text, start, end, self.mentions)
        return Ctx(toks, self.lex, self.mentions, self.text)

    def read(self, s: Stretch, previous: _Found | None) -> list[_Found]:
        parts = self._split(s)
        if parts:
            return parts
        if s.kind == "dash":
            return []
        first, last = self._paragraph(s.open, s.close)
        ahead = self._ctx(s.close + 1, min(last, s.close + 1 + _AFTER))
        back = self._ctx(self._back_start(first, s.open), s.open)
        intro = before(back)
        if (intro is not None and intro.kind == TITLE) or self._listed(s):
            return []
        speaker = after(ahead) if self._may_follow(s, ahead.toks) else None
        speaker = speaker or intro or self._sentence_incise(s, last)
        speaker = speaker or self._inherited(s, previous) or self._reported(s) or self._subject(s)
        if speaker is not None:
            return [_Found(s.start, s.end, speaker)]
        words = len(self.text[s.start : s.end].split())
        if s.kind in ("double", "guillemet") and words >= MIN_UNATTRIBUTED_WORDS:
            # words long enough to be a quote: the sentence's subject said them, if any
            return [_Found(s.start, s.end, clause_subject(back))]
        return []

    def _back_start(self, first: int, opening: int) -> int:
        """Where the words read before a quote start: its sentence (at most :data:`_BEFORE`
        characters back, within its paragraph), or the previous paragraph's last sentence when
        the quote opens its paragraph and that one ends with a colon (``X wrote:\n“…”``)."""
        if first > 0 and not self.text[first:opening].strip():
            end = first - 1
            while end > 0 and self.text[end - 1].isspace():
                end -= 1
            if end == 0 or self.text[end - 1] != ":":
                return first
            first = self.text.rfind("\n", 0, end) + 1
        start = max(first, opening - _BEFORE)
        ends = [
            m.end()
            for m in _SENTENCE_START.finditer(self.text, start, opening)
            if not (
                self.text[m.start() - 1] == "." and ends_with_abbreviation(self.text, m.start() - 1)
            )
        ]
        return ends[-1] if ends else start

    def _listed(self, s: Stretch) -> bool:
        """A short item of a list of quoted names (``“Blue Sky,” “Old Road” and “…”``, ``« coup
        de com », « coup de force »``): titles or scare quotes, not quotes."""
        if len(self.text[s.start : s.end].split()) > _LIST_ITEM_WORDS:
            return False
        head = self.text[max(0, s.open - 12) : s.open]
        tail = self.text[s.close + 1 : s.close + 12]
        return _LIST_BEFORE.search(head) is not None or _LIST_AFTER.match(tail) is not None

    def _may_follow(self, s: Stretch, toks: Sequence[Tok]) -> bool:
        """A quote closed by a full stop has no attribution after it, unless the sentence goes
        on in lower case (``« Non. » a-t-il répondu``)."""
        if self.text[s.end - 1] != ".":
            return True
        first = toks[1] if toks and toks[0].low == "," and len(toks) > 1 else None
        first = first or (toks[0] if toks else None)
        return first is not None and not first.cap and first.kind == "word"

    def _inherited(self, s: Stretch, prev: _Found | None) -> Speaker | None:
        """The speaker of the previous quote when this one is in the same sentence, opens the
        sentence right after the one attributing it (``“A,” he said. “B.”``) or opens the
        paragraph right after it, with nobody else named in between."""
        if prev is None or prev.speaker is None:
            return None
        gap = self.text[prev.end : s.open]
        if _NARRATIVE_INFINITIVE.search(gap) and gap.count("\n") <= _NARRATIVE_LINES:
            return prev.speaker  # "Et de conclure : « … »", "Avant d'ajouter : « … »"
        if len(gap) > _INHERIT_GAP:
            return None
        if "\n" in gap:
            opens_next = _opens_next_paragraph(gap)
            return prev.speaker if opens_next and not self._others_named(prev, s) else None
        ends = _sentence_ends(gap) + (self.text[prev.end - 1] in ".!?…")
        if self.text[prev.end - 1] == "?" and not gap.strip(' \u00a0»”"’'):
            return None  # “Will you resign?” “No …”: the answer is someone else's
        if ends == 0:
            return prev.speaker  # the same sentence
        if ends > 1 or not _SENTENCE_CLOSED.search(self.text, max(0, prev.end - 1), s.open):
            return None  # not a quote opening the next sentence (“A.” “B.”: the one right after)
        return None if self._others_named(prev, s, apposed=True) else prev.speaker

    def _reported(self, s: Stretch) -> Speaker | None:
        """A quote opening the sentence right after one that reports someone's words without
        marks and ends with the incise naming them (``The warehouse was battered, Roe said. “There
        was all this timber.”``, ``Les pertes sont lourdes, a-t-il expliqué. « … »``): that
        speaker. Only when that sentence holds no quote (the quote's own speaker is read
        first), its incise is its last few words with a speech verb, the speaker is a person
        named or a pronoun (a body's statement is followed by witnesses' words as often), and
        the quote is no short cry."""
        first, _ = self._paragraph(s.open, s.close)
        head = self.text[first : s.open]
        end = len(head.rstrip())
        if end == 0 or head[end - 1] not in ".!?…" or self.text[s.end - 1] not in ".!?…":
            return None  # the quote does not open a sentence, or does not close it
        if head[end - 1] == "." and ends_with_abbreviation(head, end - 1):
            return None
        starts = [m.end() for m in _SENTENCE_START.finditer(head, 0, end - 1)]
        start = starts[-1] if starts else 0
        sentence = head[start:end]
        start += len(sentence) - len(sentence.lstrip(' "”»’\u00a0'))  # '. " The': a closing mark
        sentence = head[start:end]
        if any(mark in sentence for mark in (*OPENING, '"', "”", "»")):
            return None
        comma = sentence.rfind(",")
        incise = sentence[comma + 1 :].split()
        if comma < 0 or len(incise) > _LATE_WORDS:
            return None
        if len(self.text[s.start : s.end].split()) < MIN_UNATTRIBUTED_WORDS:
            return None  # a short cry ("Shame on you!") is anyone's
        if not any(w.strip(".!?…").lower().replace("’", "'") in self.lex.verbs for w in incise):
            return None  # ", Tom Hale resigned.": no speech verb, no reported speech
        speaker = after(self._ctx(first + start + comma, first + end))
        if speaker is None or speaker.kind not in ("mention", "pronoun"):
            return None  # "a annoncé la direction", "selon la préfecture": a body's statement
        if (
            speaker.kind == "mention"
            and self.mentions.type(speaker.mention) is not EntityType.PERSON
        ):
            return None
        return speaker

    def _sentence_incise(self, s: Stretch, paragraph_end: int) -> Speaker | None:
        """A quote inside a sentence that an incise after a few more words attributes
        (``L'audit relève « des failles sérieuses » dans la gestion, a annoncé la ministre.``,
        ``… d'être « les premiers visés », s'ils faisaient grève, confirme X.``): that incise's
        speaker, read at each comma within :data:`_LATE_WORDS` words of the closing mark, before
        the end of the sentence, unless another quote opens first or an agent names whose words
        they are (``la réforme jugée « injuste » par les syndicats …, a déclaré X``)."""
        end = _SENTENCE_END.search(self.text, s.close + 1, min(paragraph_end, s.close + _AFTER))
        if self.text[s.end - 1] in ".!?…" or end is None:
            return None  # the quote closes its sentence, or the sentence runs on too far
        rest = self.text[s.close + 1 : end.start()]
        if any(mark in rest for mark in (*OPENING, '"')):
            return None  # the clause is another quote's
        for comma in re.finditer(",", rest):
            words = rest[: comma.start()].split()
            if not words:
                continue  # right after the mark: after() read it
            if len(words) > _LATE_WORDS or _AGENT.search(rest[: comma.start()]):
                return None
            speaker = after(self._ctx(s.close + 1 + comma.start(), end.start() + 1))
            if speaker is not None:
                return speaker
        return None

    def _others_named(self, prev: _Found, s: Stretch, *, apposed: bool = False) -> bool:
        """Whether a person other than ``prev``'s speaker is named between the two quotes;
        ``apposed``: not counting one named in an apposition to the speaker ("said X, a manager
        who works with Y at Z."), which describes the speaker and does not speak."""
        speaker = prev.speaker
        return any(
            self.mentions.type(i) is EntityType.PERSON
            and (speaker is None or self.mentions.items[i].start != speaker.start)
            and not (apposed and speaker is not None and self._in_apposition(speaker, i))
            for i in self.mentions.within(prev.end, s.open)
        )

    def _in_apposition(self, speaker: Speaker, mention: int) -> bool:
        """Whether ``mention`` stands in an apposition right after ``speaker``: a comma after the
        speaker, then no other clause ("but Y", "tandis que Y"), no agent ("contredit par Y"),
        no sentence that an abbreviation may have ended ("Inc. Y"), no object of the verb
        ("told Y", "à Y": there is no comma before them)."""
        start = self.mentions.items[mention].start
        between = self.text[speaker.end : start]
        return (
            between.lstrip().startswith(",")
            and _OTHER_CLAUSE.search(between) is None
            and _MAY_END.search(self.text, speaker.end, start + 1) is None
        )

    def _subject(self, s: Stretch) -> Speaker | None:
        """No speech verb, but a sentence whose subject is a person ends with the quote
        (``X sent this message, “…”``, ``X a lancé un appel aux élus, « … »``): its subject.

        Only when that person is named in the sentence's first words and nobody else is named
        before the quote, and the quote closes the sentence."""
        words = len(self.text[s.start : s.end].split())
        if s.kind not in ("double", "guillemet") or words < MIN_UNATTRIBUTED_WORDS:
            return None
        tail = self.text[s.close + 1 : s.close + 3]
        if not (self.text[s.end - 1] in ".!?…" or tail[:1] in (".", "!", "?")):
            return None
        if self.text[: s.open].rstrip()[-1:] not in (",", ":"):
            return None  # "poursuivi pour « … »", "called Smith “…”": words about, not by
        first, _ = self._paragraph(s.open, s.close)
        start = self._back_start(first, s.open)
        people = [
            i
            for i in self.mentions.within(start, s.open)
            if self.mentions.type(i) is EntityType.PERSON
        ]
        if len(people) != 1:
            return None
        mention = self.mentions.items[people[0]]
        if len(self.text[start : mention.start].split()) > _SUBJECT_WORDS:
            return None
        return Speaker(mention.start, mention.end, "mention", people[0])

    def _split(self, s: Stretch) -> list[_Found]:
        """A quote cut by an incise inside its marks (``« Nous agirons, a-t-il dit, sans
        attendre »``): two quotes said by the incise's speaker; a dash line ended by one
        (``— Oui, a-t-il répondu.``): one."""
        for m in _INCISE_COMMA.finditer(self.text, s.start, s.end):
            if not self._may_open_incise(m.end()):
                continue
            window_end = min(s.end, m.start() + _INCISE_WINDOW)
            ctx = self._ctx(m.start(), window_end)
            found = incise(ctx, 0)
            if found is None:
                continue
            speaker, k = found
            if k >= len(ctx.toks) and window_end < s.end:
                continue  # the window ended inside the incise
            left_end = m.start() + (self.text[m.start()] != ",")
            parts = [_Found(s.start, left_end, speaker)]
            tail = ctx.toks[k].end if k < len(ctx.toks) else s.end
            right = self._right_part(tail, s.end)
            if right is not None:
                parts.append(_Found(right[0], right[1], speaker))
            return parts
        return []

    def _may_open_incise(self, pos: int) -> bool:
        """Whether the word at ``pos`` can open an incise: a speech verb, an auxiliary, an
        inverted form (``a-t-il``) or a reflexive pronoun (cheap test before tokenizing)."""
        m = _NEXT_WORD.match(self.text, pos)
        if m is None:
            return False
        word = m.group().lower().replace("’", "'")
        lex = self.lex
        return word in lex.verbs or word in lex.aux or "-" in word or word in ("se", "s'")

    def _right_part(self, start: int, end: int) -> tuple[int, int] | None:
        while start < end and (self.text[start].isspace() or self.text[start] in ",.!?…"):
            start += 1
        if start >= end or not any(c.isalnum() for c in self.text[start:end]):
            return None
        return start, end


def _opens_next_paragraph(gap: str) -> bool:
    """Whether the text between two quotes ends the first one's paragraph and the second opens
    the next (``“A,” she said.¶“B.”``: the press goes on quoting one speaker paragraph after
    paragraph), no paragraph in between."""
    cut = gap.rfind("\n")
    return not gap[cut + 1 :].strip() and "\n" not in gap[:cut].rstrip()


def _sentence_ends(gap: str) -> int:
    """Sentence ends in ``gap``: marks not after an abbreviation."""
    return sum(
        1
        for m in _GAP_SENTENCE_END.finditer(gap)
        if not (m.group() == "." and ends_with_abbreviation(gap, m.start()))
    )
