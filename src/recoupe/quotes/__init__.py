"""Direct quotations and who says them, in French and English (:func:`find_quotes`).

Everything is a regex or token rule over the text and the mentions already found; there is no
parse.

Marks (:mod:`recoupe.quotes.marks`): « » (with or without inner non-breaking spaces), “ ” and
straight double quotes (which pair with each other), ‘ ’ and straight single quotes at word
edges only (apostrophes never open or close a quote), dialogue lines opened by a dash. A
quotation over several paragraphs (an opening mark on each, a closing one on the last) is one
quote from the first opening mark to the last closing one; its text keeps the paragraph breaks
and the inner opening marks. The quote's text leaves out the marks, the white space inside them
and a comma closing it (``“We will,” she said`` → ``We will``).

What is a quote (precision first):

* the words between marks when something attributes them: a speaker pattern after or before
  them (:mod:`recoupe.quotes.attribution`), a speech verb earlier in the sentence (``X a estimé
  que la réforme était « injuste »``: partial quotes count), an incise a few words after the
  marks in their sentence (``l'audit relève « des failles sérieuses » dans la gestion, a annoncé
  X.``; not past another quote nor an agent: ``« injuste » par les syndicats``), the previous
  quote's speaker when it shares the sentence or the quote opens the next sentence (``“A,” he
  said. “B.” “C.”``; not the answer to a question), or the speaker of the sentence of reported
  speech right before (``The mill was battered, Roe said. “…”``: a speech verb in its closing
  incise, a person or a pronoun, a quote of at least
  :data:`~recoupe.quotes.extract.MIN_UNATTRIBUTED_WORDS` words);
* unattributed words between double marks or guillemets when they are at least
  :data:`~recoupe.quotes.extract.MIN_UNATTRIBUTED_WORDS` words long: the sentence's subject's
  when it is a person or a body followed by a verb (``X agreed with the defence that “…”``),
  else speaker None;
* never a stretch right after a title cue (``l'émission``, ``le film``, ``surnommé``,
  ``dubbed``, ``known as``, ``the word``): a name or a title; nor a short item of a list of
  quoted items (``“Blue Sky,” “Old Road” and …``); nor a short unattributed one (a scare quote:
  « coup de com », 'crackdown');
* an incise inside the marks cuts the quote in two (``« Nous agirons, a-t-il dit, sans attendre
  »`` gives ``Nous agirons`` and ``sans attendre``, both his): the quoted words exclude the
  incise, so one span cannot hold them; a dash line needs such an incise (``— Oui, a-t-il
  répondu.``);
* interview transcripts (:mod:`recoupe.quotes.interview`): the interviewee's turns, labelled
  (``Name : …``) or not, are quotes, whole paragraphs; the questions are not.

Speakers: a name (after a description of a few words: ``Acme chief security researcher X
said``, ``said Anchorage businessman X``), a pronoun, ``ce dernier`` / ``the latter`` (the
person named last), a description of a person or of an organisation, or an unnamed
source (``un chercheur de l'Université de X``, ``a source close to the inquiry``, ``selon nos
informations``, ``police sources``: ``anonymous``, no mention). A speaker named explicitly
gives its mention whatever type the entity layer gave it (the text says that name speaks);
pronouns and descriptions are resolved to a mention by :mod:`recoupe.quotes.resolve`. Quotes are
sorted by start and never overlap (an outer quote wins over the marks inside it; an interview
answer over the marks in it).
"""

from recoupe.quotes.extract import find_quotes
from recoupe.quotes.model import QuoteFact

__all__ = ["QuoteFact", "find_quotes"]
