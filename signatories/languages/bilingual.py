"""The directory's own sentences in both languages: stored side by side, shown in the page's.

What the project writes into the data (a name it gives, a citation's reasoning, a
milestone's label, the title of an imported file, the sentence an import writes when a
supporter leaves) is kept in English in the field and in French in the field of the same
name ending in `_fr`. Pages read it through a `Localised` attribute, which gives the French
text on a French page and the English one otherwise (or when no French text is recorded).
What is quoted from a source (an article's passage, a row of the official list) is never
translated: it is shown as quoted, marked with its language.

A sentence that code generates is written once, in English, as a translatable message, and
`in_both_languages` renders it from the translation catalogue in each language, with its
values (a date is written as each language writes dates):

    title = in_both_languages(gettext_noop("Imported from %(file)s on %(day)s"),
                              file=filename, day=today)
    Source(title=title.en, title_fr=title.fr, …)

Add the message to the French catalogue (`make messages`) like any other string.
"""

import datetime
from dataclasses import dataclass

from django.utils import translation

from signatories import dates

FRENCH = "fr"


def localised(english: str, french: str) -> str:
    """The French text on a French page when there is one, else the English."""
    if french and translation.get_language() == FRENCH:
        return french
    return english


class Localised:
    """A read-only attribute that gives `field` or `field_fr` in the page's language:
    `label_shown = Localised("label")`."""

    def __init__(self, field: str):
        self.field = field

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return localised(getattr(instance, self.field), getattr(instance, f"{self.field}_fr"))


@dataclass(frozen=True)
class Bilingual:
    en: str
    fr: str


def in_both_languages(message: str, **values) -> Bilingual:
    """`message % values` in English and in French. A date value is written as each
    language writes a day; a callable value is called in each language."""
    rendered = {}
    for language in ("en", FRENCH):
        with translation.override(language):
            shown = {name: _shown(value) for name, value in values.items()}
            rendered[language] = translation.gettext(message) % shown
    return Bilingual(rendered["en"], rendered[FRENCH])


def _shown(value):
    if isinstance(value, datetime.date):
        return dates.display(value, dates.Precision.DAY)
    if callable(value):
        return str(value())
    return value
