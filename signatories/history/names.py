"""How alike two organisations' names are, to tell one organisation's files across
commits: a character match on the normalised names and the share of words in common."""

import difflib
import functools
import re
import unicodedata

from signatories.history.reading import normalised_name

_STOPWORDS = frozenset(
    ("the", "of", "and", "for", "de", "la", "le", "les", "des", "du", "et", "pour", "inc", "ltd")
)


@functools.cache
def _words(name: str) -> frozenset[str]:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return frozenset(w for w in re.findall(r"\w+", plain) if len(w) > 1 and w not in _STOPWORDS)


@functools.cache
def _characters(first: str, second: str) -> float:
    a, b = normalised_name(first), normalised_name(second)
    if not a or not b:
        return 0.0
    if min(len(a), len(b)) >= 4 and (a in b or b in a):
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _shared_words(first: str, second: str) -> float:
    words_a, words_b = _words(first), _words(second)
    shorter = min(len(words_a), len(words_b))
    return len(words_a & words_b) / shorter if shorter else 0.0


def similarity(first: str, second: str) -> float:
    """How alike two names are, 0 to 1, to rank candidate pairs: the better of a character
    match on the normalised names (1 when one, of four characters or more, holds the
    other) and the share of the shorter name's words found in the longer."""
    return max(_characters(first, second), _shared_words(first, second))


def alike(first: str, second: str) -> bool:
    """Names of one organisation written differently: one holds the other, or half the
    words of the shorter are in the longer, or they differ by a few letters. Short names
    that merely look alike (`Europol`, `INTERPOL`: 0.53) are not."""
    return _shared_words(first, second) >= 0.5 or _characters(first, second) >= 0.8


def very_alike(first: str, second: str) -> bool:
    """Names that differ only in spelling (`Social & Economic …`, `Social and Economic …`)."""
    return _characters(first, second) >= 0.85
