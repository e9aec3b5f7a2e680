"""Search by words: what a supporter's words are, and the words' index kept in step.

A search matches words by their beginning: every word typed must begin a word of the
supporter's names (`names_of`). Words are split on anything that is not a letter or a digit
and on case changes ("CyberPeace" → cyber, peace, and the whole cyberpeace too, since that
is how it is written), then lose case and accents ("Sécurité" → securite).

The index is the `SearchWord` table (`signatories.models.words`): one row per (word,
supporter), with the supporter's columns that counting and ordering read. It is rewritten
for a supporter in the same transaction as every write of that supporter: a save or a
delete (`signatories.signals`, the model's own save), an import's bulk writes
(`signatories.importing.writing`, `full_list`), synthetic seeding (`fill`), and the
migration that made the table (`fill` too).

Each row also holds `shared`: how many first letters its word has in common with the
supporter's previous word in alphabetical order. A supporter's words that begin with a
prefix of n letters are consecutive in that order, and only the first of them shares
fewer than n letters with its predecessor: `shared < n` keeps one row per supporter, so a
prefix is counted with COUNT(*) and no DISTINCT (`SearchWordQuerySet.matching`).
"""

import io
import re
import unicodedata
from collections.abc import Iterable
from itertools import islice

from django.conf import settings
from django.db import connections
from django.utils import translation
from django_countries import countries

from signatories.vocabulary import SignatoryType

# Longer words are cut: nothing useful is searched past this, and the index key stays small.
MAX_WORD_LENGTH = 60
# Capital ligatures as a capital and a small letter, so that "Œuvre" stays one word.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O"})
_RUNS = re.compile(r"[^\W_]+")
# The supporter's columns the index carries, in the order `fill` reads and writes them.
CARRIED = (
    "type",
    "region",
    "country",
    "kind",
    "status",
    "supporter_since",
    "supporter_since_is_bound",
    "left_on",
    "sort_name",
)
BATCH = 5_000


def _unaccented(text: str) -> str:
    text = text.replace("\x00", "").translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _case_parts(run: str) -> list[str]:
    """ "CyberPeace" → Cyber, Peace; "ICTforPeace" → ICTfor, Peace; "USA" stays whole."""
    parts, start = [], 0
    for index in range(1, len(run)):
        before, char = run[index - 1], run[index]
        lower_to_upper = before.islower() and char.isupper()
        following = run[index + 1] if index + 1 < len(run) else ""
        acronym_end = before.isupper() and char.isupper() and following.islower()
        if lower_to_upper or acronym_end:
            parts.append(run[start:index])
            start = index
    parts.append(run[start:])
    return parts


def words_of(text: str) -> list[str]:
    """The words a name is found by, each once: its parts, and a run split by case whole."""
    found: dict[str, None] = {}
    for run in _RUNS.findall(_unaccented(text)):
        parts = _case_parts(run)
        for part in parts if len(parts) == 1 else [*parts, run]:
            found[part.casefold()[:MAX_WORD_LENGTH]] = None
    return list(found)


def query_words(query: str) -> tuple[str, ...]:
    """The words a search asks for, in one order; a word that begins another typed word is
    implied by it (any word beginning with "secu" begins with "sec") and left out."""
    words = set()
    for run in _RUNS.findall(_unaccented(query)):
        words.update(part.casefold()[:MAX_WORD_LENGTH] for part in _case_parts(run))
    return tuple(
        sorted(
            word
            for word in words
            if not any(other != word and other.startswith(word) for other in words)
        )
    )


def prefix_range(word: str) -> tuple[str, str]:
    """The words that begin with `word` are those from it (included) to this bound
    (excluded), in code point order: the column's collation on both databases."""
    last = ord(word[-1]) + 1
    if 0xD800 <= last <= 0xDFFF:  # surrogates are not characters
        last = 0xE000
    return word, word[:-1] + chr(last)


def names_of(signatory) -> list[str]:
    """Every name a supporter is searched by: its name and other names (the official list's
    French name among them), and for a state its country's names in English and French and
    its ISO codes. `signatory` is a Signatory or any object with those attributes."""
    names = [signatory.name, signatory.aliases]
    code = getattr(signatory.country, "code", signatory.country)
    if signatory.type == SignatoryType.STATE and code:
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                names.append(str(countries.name(code)))
        names += [code, countries.alpha3(code)]
    return [name for name in names if name]


def shared_prefixes(words: Iterable[str]) -> list[tuple[str, int]]:
    """(word, letters in common with the word before it) in alphabetical order."""
    result, before = [], ""
    for word in sorted(set(words)):
        shared = 0
        for mine, theirs in zip(word, before, strict=False):
            if mine != theirs:
                break
            shared += 1
        result.append((word, shared))
        before = word
    return result


def _postings(signatory) -> list[tuple[str, int]]:
    return shared_prefixes(word for name in names_of(signatory) for word in words_of(name))


def _column(signatory, name: str):
    value = getattr(signatory, name)
    return getattr(value, "code", value) if name == "country" else value


def reindex(signatories: Iterable, using: str = "default") -> None:
    """Write these saved supporters' words again, in the caller's transaction."""
    from signatories.models import SearchWord

    signatories = list(signatories)
    if not signatories:
        return
    SearchWord.objects.using(using).filter(signatory__in=[s.pk for s in signatories]).delete()
    SearchWord.objects.using(using).bulk_create(
        [
            SearchWord(
                word=word,
                shared=shared,
                signatory_id=signatory.pk,
                **{name: _column(signatory, name) for name in CARRIED},
            )
            for signatory in signatories
            for word, shared in _postings(signatory)
        ],
        batch_size=BATCH,
    )


class _Row:
    """A supporter read as a tuple, with the attributes `names_of` reads."""

    __slots__ = ("pk", "name", "aliases", *CARRIED)

    def __init__(self, values: tuple):
        for slot, value in zip(self.__slots__, values, strict=True):
            setattr(self, slot, value)


def fill(signatory_model, word_model, using: str = "default") -> int:
    """Index every supporter from nothing, in batches (the migration, synthetic seeding);
    COPY on PostgreSQL. Returns how many words were written."""
    rows = (
        signatory_model.objects.using(using)
        .order_by("pk")
        .values_list("pk", "name", "aliases", *CARRIED)
        .iterator(chunk_size=BATCH)
    )
    connection = connections[using]
    table = word_model._meta.db_table
    columns = ["word", "shared", "signatory_id", *CARRIED]
    written = 0
    with connection.cursor() as cursor:
        while batch := [_Row(values) for values in islice(rows, BATCH)]:
            lines = [
                (word, shared, row.pk, *(getattr(row, name) for name in CARRIED))
                for row in batch
                for word, shared in _postings(row)
            ]
            written += len(lines)
            if connection.vendor == "postgresql":
                _copy(cursor, table, columns, lines)
            else:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", lines
                )
    return written


def _copy(cursor, table: str, columns: list[str], lines: list[tuple]) -> None:
    buffer = io.StringIO()
    buffer.writelines("\t".join(_copy_value(value) for value in line) + "\n" for line in lines)
    buffer.seek(0)
    cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)


def _copy_value(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ")
