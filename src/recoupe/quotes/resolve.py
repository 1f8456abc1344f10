"""Who a speaker phrase stands for: the mention behind a pronoun or a description.

* a name: its mention;
* ``ce dernier`` / ``the latter``: the person named last before the quote (names inside quotes
  left out);
* ``il`` / ``elle`` / ``he`` / ``she``: the speaker of the previous attributed
  quote when it is in the same or the previous paragraph and no other person has opened a
  sentence (``Le préfet, X, a promis …``) or been told speaking (``…, X said.``) since, else
  the nearest person named before (names inside quotes left out); never a person the document
  gives the other gender by a title or a role (``Mme``, ``Mr``, ``l'ancienne ministre``,
  ``spokeswoman``: :mod:`recoupe.quotes.gender`);
* a person's description (``le ministre``, ``the prosecutor``): the nearest person named before
  with a role (:class:`RoleFact`) built on the same noun (``ministre`` matches ``ministres de
  l'Intérieur``, ``procureure`` matches ``procureur``), else the nearest person named before; one
  relating to someone else (``son avocat``, ``the lawyer of X``) only the first way; a plural one
  nobody;
* an organisation's description (``le parquet``, ``the ministry``): the nearest organisation
  named before whose name holds the noun or that the document describes with it ("Natixis, la
  banque de gros du groupe" for ``la banque``; not "the bank('s) auditor"); for a generic noun,
  ``l'entreprise``, ``the company``: the nearest organisation named before; one speaking for a
  named organisation (``a spokesman for X``): X;
* an unnamed source, a plural pronoun: nobody.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from recoupe.entities.model import EntityType, RoleFact
from recoupe.quotes.attribution import Speaker
from recoupe.quotes.gender import Gender, genders, pronoun_gender
from recoupe.quotes.lexicon import Lexicon
from recoupe.quotes.tokens import Mentions

_LOOK_BACK = 400  # mentions examined at most when looking for a role
_SUBJECT_WINDOW = 60  # characters read before a name to see whether it opens its sentence
_WORD = re.compile(r"\w+")
# a verb right after a name, or inverted right after a comma or a closing mark ("…, said Roe",
# "», a dit Roe"): the name is its subject
_VERB_AFTER = re.compile(r"[ \t\u00a0]+(?:(?:a|avait|has|had)\s+)?([\w'’-]+)")
_VERB_BEFORE = re.compile(r"[,»”\"]\s*(?:(?:a|avait)\s+)?([\w'’-]+)\s+$")
_INTRODUCED = re.compile(r"\b(?:according to|selon|d'après|d’après|pour|for|like|comme)\s*$", re.I)
_OF_BEFORE = re.compile(r"\b(?:of|de|du|des|d'|d’|for|pour|to|à)\s*$")


_ROLE_PREPOSITION = re.compile(
    r"\s(?:of|for|at|in|on|with|to|from|de|du|des|à|au|aux|en|pour|sur|chez)\s|\sd['’]", re.I
)


_POSSESSOR = re.compile(r"['’]s\b")
# a lowercase word that may be the next noun: not a participle, a relative or a preposition
_NOUN_NEXT = re.compile(
    r"[ \t\u00a0]+(?!(?:that|which|who|whose|with|in|of|for|at|on|from|to|by|and|or|but|"
    r"is|was|has|had|said|says)\b)[a-z]+(?<!ed)(?<!ing)\b"
)


def _cut_short(text: str, end: int, lex: Lexicon) -> bool:
    """Whether a role read up to ``end`` is the first part of a longer noun phrase: a possessor
    ("the bank's auditor"), or in English a noun modifying the next one ("the bank auditor",
    "the party donor") — not the noun the organisation is described by."""
    return bool(_POSSESSOR.match(text, end)) or (lex.english and bool(_NOUN_NEXT.match(text, end)))


def _heads(role: str, lex: Lexicon) -> list[str]:
    """The noun a role is built on, folded: in English the last word before a complement
    ("Israel's main political party" → party), in French the words before it, adjectives that
    may come first included ("principal parti d'opposition" → principal, parti)."""
    words = fold(_ROLE_PREPOSITION.split(f" {role} ", maxsplit=1)[0]).split()
    return words[-1:] if lex.english else words


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, accents and apostrophe shapes removed, white space collapsed."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _stem(word: str) -> str:
    word = fold(word)
    return word[: max(4, len(word) - 2)]


class Resolver:
    """Resolution over one document; quotes are added in order as they are accepted."""

    def __init__(self, text: str, mentions: Mentions, roles: Sequence[RoleFact], lex: Lexicon):
        self.text = text
        self.mentions = mentions
        self.lex = lex
        items = mentions.items
        self.persons = [i for i, m in enumerate(items) if m.type is EntityType.PERSON]
        self.person_starts = [items[i].start for i in self.persons]
        self.others = [i for i, m in enumerate(items) if m.type is not EntityType.PERSON]
        self.other_starts = [items[i].start for i in self.others]
        self.role_words: dict[int, list[str]] = {}
        self.role_heads: dict[int, list[str]] = {}  # the nouns a role is built on
        for role in roles:
            self.role_words.setdefault(role.mention, []).extend(fold(role.text).split())
            if not _cut_short(text, role.end, lex):
                self.role_heads.setdefault(role.mention, []).extend(_heads(role.text, lex))
        self.quoted: list[tuple[int, int]] = []
        self.previous: tuple[int, int] | None = None  # (person mention, end of its quote)
        self.genders = genders(text, items, roles)

    def add_quote(self, start: int, end: int, mention: int | None) -> None:
        self.quoted.append((start, end))
        if mention is not None and self.mentions.type(mention) is EntityType.PERSON:
            self.previous = (mention, end)

    def _in_quote(self, index: int) -> bool:
        m = self.mentions.items[index]
        k = bisect.bisect_right(self.quoted, (m.start, len(self.text))) - 1
        return k >= 0 and self.quoted[k][0] <= m.start < self.quoted[k][1]

    def _people_before(self, pos: int) -> Iterator[int]:
        """Persons named before ``pos``, nearest first, those inside quotes left out."""
        k = bisect.bisect_left(self.person_starts, pos)
        seen = 0
        while k > 0 and seen < _LOOK_BACK:
            k -= 1
            seen += 1
            index = self.persons[k]
            if self.mentions.items[index].end <= pos and not self._in_quote(index):
                yield index

    def _nearest_person(self, pos: int) -> int | None:
        return next(self._people_before(pos), None)

    def _recent_paragraph(self, end: int, pos: int) -> bool:
        """Whether ``pos`` is in the paragraph ending at ``end``'s or the next one."""
        lines = self.text[end:pos].split("\n")
        return all(not line.strip() for line in lines[1:-1])

    def resolve(self, speaker: Speaker, anchor: int) -> tuple[int | None, bool]:
        """(mention, anonymous) for ``speaker`` of a quote starting at ``anchor``."""
        kind = speaker.kind
        if kind == "mention":
            return speaker.mention, False
        if kind == "anonymous":
            return None, True
        pos = min(anchor, speaker.start)
        if kind == "pronoun":
            gender = pronoun_gender(self.text[speaker.start : speaker.end])
            return self._pronoun(pos, gender), False
        if kind == "latter":  # "ce dernier", "the latter": the last person named
            return self._nearest_person(pos), False
        if kind == "person":
            return self._person_described(speaker, pos), False
        if kind == "name":
            return self._named(self.text[speaker.start : speaker.end], pos), False
        if kind == "org":
            if speaker.mention >= 0:
                return speaker.mention, False
            return self._org_described(speaker.head, pos), False
        return None, False

    def _pronoun(self, pos: int, gender: Gender | None = None) -> int | None:
        """The previous quote's speaker, unless another person opened a sentence or spoke
        since; never a person the document gives the other gender ("elle" is not "M. Roe")."""

        def fits(index: int) -> bool:
            known = self.genders[index]
            return gender is None or known is None or known == gender

        previous = self.previous
        if (
            previous is None
            or not self._recent_paragraph(previous[1], pos)
            or not fits(previous[0])
        ):
            return self._subject_before(pos, fits)
        for index in self._people_before(pos):
            m = self.mentions.items[index]
            if m.start < previous[1]:
                break
            spoke = self._opens_sentence(m.start) or self._says(m.start, m.end)
            if index != previous[0] and fits(index) and spoke:
                return index
        return previous[0]

    def _subject_before(self, pos: int, fits: Callable[[int], bool]) -> int | None:
        """The nearest person before ``pos`` who opened a sentence as its subject or was told
        speaking, in the same or the previous paragraph ("X met Y. “…,” he said": X), else the
        nearest person named."""
        nearest = None
        for index in self._people_before(pos):
            if not fits(index):
                continue
            m = self.mentions.items[index]
            nearest = index if nearest is None else nearest
            if not self._recent_paragraph(m.end, pos):
                break
            if self._says(m.start, m.end) or self._subject_opening(m.start):
                return index
        return nearest

    def _subject_opening(self, start: int) -> bool:
        """A name opening its sentence as its subject, not after an introducer ("According to
        X,", "Selon X,": X is a source of the sentence, not its subject)."""
        head = self.text[max(0, start - _SUBJECT_WINDOW) : start]
        return self._opens_sentence(start) and _INTRODUCED.search(head) is None

    def _says(self, start: int, end: int) -> bool:
        """Whether the name is the subject of a reporting verb (``…, Roe said.``, ``Roe a
        déclaré``, ``…, said Roe``, ``», a ajouté Roe``): someone who spoke since the previous
        quote. Not its object ("told Roe", "a interrogé Roe"), not a complement ("the
        neighbours of Roe said"), not in the next sentence."""
        if _OF_BEFORE.search(self.text, max(0, start - _SUBJECT_WINDOW), start):
            return False
        after = _VERB_AFTER.match(self.text, end)
        before = _VERB_BEFORE.search(self.text[max(0, start - _SUBJECT_WINDOW) : start])
        return any(found is not None and self._reports(found.group(1)) for found in (after, before))

    def _reports(self, word: str) -> bool:
        """A speech verb's finite form: not a participle ("calling X", "accusant X")."""
        low = word.lower().replace("’", "'")
        return low in self.lex.verbs and not low.endswith(("ing", "ant"))

    def _opens_sentence(self, start: int) -> bool:
        """Whether at most two words come before ``start`` in its sentence (``Le préfet, X,``)."""
        head = self.text[max(0, start - _SUBJECT_WINDOW) : start]
        cut = max(head.rfind(c) for c in ".!?\n")
        if cut < 0 and start > _SUBJECT_WINDOW:
            return False
        return len(_WORD.findall(head[cut + 1 :])) <= 2

    def _person_described(self, speaker: Speaker, pos: int) -> int | None:
        head = speaker.head
        if (head.endswith(("s", "x")) and head[:-1] in self.lex.person_heads) or head in (
            "people",
            "children",
        ):
            return None  # plural: several people
        stem = _stem(head)
        nearest = None
        for index in self._people_before(pos):
            nearest = index if nearest is None else nearest
            if any(word.startswith(stem) for word in self.role_words.get(index, ())):
                return index
        return None if speaker.relative else nearest

    def _named(self, name: str, pos: int) -> int | None:
        """The person named before ``pos`` whose name is ``name`` or ends with its last word."""
        key = fold(name)
        last = key.rsplit(" ", 1)[-1]
        for index in self._people_before(pos):
            words = fold(self.mentions.items[index].text)
            if words == key or words.rsplit(" ", 1)[-1] == last:
                return index
        return None

    def _org_described(self, head: str, pos: int) -> int | None:
        generic = head in self.lex.generic_orgs
        stem = _stem(head)
        k = bisect.bisect_left(self.other_starts, pos)
        while k > 0:
            k -= 1
            index = self.others[k]
            m = self.mentions.items[index]
            if m.type is EntityType.ORG and generic:
                return index
            if m.type is not EntityType.LOC and stem in fold(m.text):
                return index
            if m.type is EntityType.ORG and any(
                word.startswith(stem) for word in self.role_heads.get(index, ())
            ):
                return index  # "Natixis, la banque de gros du groupe, …": "la banque"
        return None
