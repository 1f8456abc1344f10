"""Temporal expressions in French and English news: found, normalised, anchored.

:func:`recoupe.time.expressions.find_timexes` returns :class:`~recoupe.time.expressions.Timex`
spans with schema dates (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Www``, intervals
``START/END``, ``START/..``, ``../END``), a precision, a kind (date, duration, set, time), the
reference date used and the direction an underspecified expression was resolved in (from the tense
and modality of its clause). :mod:`recoupe.time.normalize` computes the values,
:mod:`recoupe.time.anchor` chooses reference dates: the publication date, or a date the text sets
when it introduces an interview or a speech. Without a publication date only absolute expressions
resolve.
"""
