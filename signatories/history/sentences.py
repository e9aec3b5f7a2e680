"""The sentences the history's loader writes into the data, in English and in French.

Each returns a `Bilingual` (see `signatories.languages.bilingual`): the English text for the
field, the French one for its `_fr` twin. A commit's message and an entry's file and fields
are the repository's own words: they are kept as written, in both.
"""

from django.utils.translation import gettext, gettext_noop

from signatories.languages.bilingual import Bilingual, in_both_languages
from signatories.models import EventKind


def commit_title(commit: str, message: str) -> Bilingual:
    """The title of the source a commit is."""
    return in_both_languages(
        gettext_noop("Commit %(commit)s of the official list's repository: %(subject)s"),
        commit=commit[:7],
        subject=message,
    )


def publisher() -> Bilingual:
    return in_both_languages(
        gettext_noop(
            "Paris Call for Trust and Security in Cyberspace (the official site's repository)"
        )
    )


def reasoning() -> Bilingual:
    """Why a commit's entry file says the supporter is on the list, or off it."""
    return in_both_languages(
        gettext_noop(
            "The commit adds, removes or changes this entry's file in the official list's "
            "repository (the files the site lists its supporters from): the entry is on the "
            "list, or off it, with these fields from the commit's date."
        )
    )


def passage(row) -> Bilingual:
    """What the commit does to the entry's file: the kind of change, the file, its fields
    (the names and values as the file has them)."""

    def fields(values: dict) -> str:
        field = gettext("%(name)s: %(value)s")
        return gettext("; ").join(
            field % {"name": name, "value": value} for name, value in values.items() if value
        )

    def text() -> str:
        shown = gettext("%(kind)s: %(file)s (%(fields)s)") % {
            "kind": str(EventKind(row.kind).label).lower(),
            "file": row.file,
            "fields": fields(row.after),
        }
        if row.before:
            shown += gettext(", before: (%(fields)s)") % {"fields": fields(row.before)}
        if row.alliances:
            shown += gettext("; alliance: %(alliances)s") % {"alliances": " ".join(row.alliances)}
        return shown

    return in_both_languages("%(text)s", text=text)
