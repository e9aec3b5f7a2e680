"""The sentences an import writes into the data, in English and in French.

Each returns a `Bilingual` (see `signatories.languages.bilingual`): the English text for the field,
the French one for its `_fr` twin. The messages are in the translation catalogue.
"""

import datetime

from django.utils.translation import gettext_noop

from signatories.languages.bilingual import Bilingual, in_both_languages


def import_title(kind, day: datetime.date) -> Bilingual:
    """The title of the source a file imported without a list date cites: the import by its
    `kind` (what the file is, a lazy label) and day, never the file's name, which staff
    chose (it stays in the source's slug and the history, for staff)."""
    return in_both_languages(
        gettext_noop("An import of %(kind)s on %(day)s"), kind=lambda: str(kind), day=day
    )


def whole_list_title(day: datetime.date, today: datetime.date) -> Bilingual:
    """The title of the source a whole official list of a date cites."""
    return in_both_languages(
        gettext_noop("The official supporters list of %(day)s, as imported on %(today)s"),
        day=day,
        today=today,
    )


def absence_passage(day: datetime.date, signatory) -> Bilingual:
    """What a whole official list shows of a supporter that has left: no entry (named in
    each language)."""
    return in_both_languages(
        gettext_noop("The official supporters list of %(day)s has no entry for %(name)s."),
        day=day.isoformat(),
        name=lambda: signatory.shown_name,
    )


def absence_reasoning(day: datetime.date) -> Bilingual:
    """Why no entry on a whole list means the supporter left."""
    return in_both_languages(
        gettext_noop(
            "The file is the whole official list as of %(day)s, and an earlier whole list had "
            "this supporter: it is no longer on the list from that date."
        ),
        day=day.isoformat(),
    )
