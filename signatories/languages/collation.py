"""How names sort in French: a key computed in Python, stored, indexed and compared bytewise.

French order compares names first without accents, case or punctuation (« Côte d’Ivoire »
among the C, « Égypte » among the E), then breaks ties by the accents (an unaccented letter
first, then acute, grave, circumflex, diaeresis…), then by case (lower case first), as the
CLDR's French collation does. `french_sort_key` writes those three levels one after the
other, separated by a character below every other one (U+0001), so that comparing two keys
character by character gives that order.

The key is compared character by character on every database: SQLite compares text
bytewise, and `SortKeyField` gives the column PostgreSQL's "C" collation, whatever the
database's own locale, so both databases order the rows identically and an index on the key
serves the order. Computing the key in Python (not with an ICU collation) is what makes the
two databases agree.
"""

import unicodedata

from django.db import models

from signatories.text import normalise

LEVEL_SEPARATOR = "\x01"
# The accents' order at the second level; any other mark sorts after them.
_ACCENT_WEIGHTS = {
    "\u0301": "1",  # acute: é
    "\u0300": "2",  # grave: è
    "\u0306": "3",  # breve
    "\u0302": "4",  # circumflex: ê
    "\u030c": "5",  # caron
    "\u030a": "6",  # ring
    "\u0308": "7",  # diaeresis: ë
    "\u0303": "8",  # tilde
    "\u0327": "9",  # cedilla: ç
}
_OTHER_MARK = "9"
# Punctuation that separates words: it sorts as a space ("Côte d’Ivoire", "Bosnie-Herzégovine").
_SEPARATORS = str.maketrans(dict.fromkeys("'’‘-‐‑–—_.,;:/()[]\"«»“”·&+", " "))


def french_sort_key(text: str) -> str:
    """The French collation key of `text`: primary, secondary and tertiary levels."""
    primary = normalise(text.translate(_SEPARATORS))
    secondary, tertiary = [], []
    for char in " ".join(text.translate(_SEPARATORS).split()):
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[:1], decomposed[1:]
        if not base.strip():
            continue
        weight = "".join(_ACCENT_WEIGHTS.get(mark, _OTHER_MARK) for mark in marks) or "0"
        # A letter that folds to two (œ → oe) weighs as many places at the first level.
        width = len(normalise(base).replace(" ", "")) or 1
        secondary.append(weight.ljust(width, "0")[:width])
        tertiary.append(("1" if base != base.lower() else "0") * width)
    # Trailing zeros change nothing: "e" and "e" + "0" compare alike against any other.
    return LEVEL_SEPARATOR.join(
        [primary, "".join(secondary).rstrip("0"), "".join(tertiary).rstrip("0")]
    )


def sort_key(text: str, language: str) -> str:
    """The key that orders `text` in the language: French collation for French, and the
    directory's English order (case and accents ignored) otherwise."""
    return french_sort_key(text) if language == "fr" else normalise(text)


class SortKeyField(models.CharField):
    """A sort key's column: compared bytewise on PostgreSQL ("C" collation) as on SQLite."""

    def db_parameters(self, connection) -> dict:
        parameters = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            parameters["collation"] = "C"
        return parameters
