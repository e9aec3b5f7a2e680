"""How supporters are read: the one name order, the list's columns, and the named queries.

Every read of supporters goes through `SignatoryQuerySet` (`Signatory.objects`): the list,
the exports, the sitemap, the admin, the counts.
"""

from django.db import connections, models
from django.db.models import CharField, Count, F, Func, Q, Value
from django.db.models.functions import Concat
from django.utils import translation

from signatories import columns
from signatories.models.word_index import query_words
from signatories.vocabulary import KIND_BY_SLUG, STATUS_ALL, SignatoryStatus, SignatoryType

# The directory's one name order: accent- and case-insensitive name, then id for ties.
NAME_ORDER = ("sort_name", "id")
# The same on French pages: the French name in French collation (signatories.languages.collation).
FRENCH_NAME_ORDER = ("sort_name_fr", "id")
SORT_KEYS = ("sort_name", "sort_name_fr")


def name_order(language: str | None = None) -> tuple[str, ...]:
    """The name order of the language (the active one unless given)."""
    language = language or translation.get_language()
    return FRENCH_NAME_ORDER if language == "fr" else NAME_ORDER


# What a row of the list shows (and its link needs).
LIST_FIELDS = (
    "name",
    "name_fr",
    "slug",
    "type",
    "country",
    "region",
    "supporter_since",
    "supporter_since_precision",
    "supporter_since_is_bound",
    "status",
)


class SignatoryQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug: str) -> models.Model:
        return self.get(slug=slug)

    def by_name(self, language: str | None = None) -> "SignatoryQuerySet":
        """In the name order of the page's language (or of `language`)."""
        return self.order_by(*name_order(language))

    def current(self) -> "SignatoryQuerySet":
        """The supporters on the official list today: what pages show unless asked."""
        return self.filter(status=SignatoryStatus.CURRENT)

    def with_status(self, status: str) -> "SignatoryQuerySet":
        """`current`, `former`, or every supporter for `all` (the list's `status`)."""
        return self if status == STATUS_ALL else self.filter(status=status)

    def for_list(self) -> "SignatoryQuerySet":
        """Only the columns a row of the list shows."""
        return self.only(*LIST_FIELDS)

    def for_sitemap(self) -> "SignatoryQuerySet":
        return self.only("slug", "updated").order_by(*NAME_ORDER)

    def export_rows(self) -> "SignatoryQuerySet":
        """Tuples of the export's fields (see `signatories.columns`), no model instances."""
        return self.values_list(*columns.FIELDS)

    def states(self) -> "SignatoryQuerySet":
        return self.filter(type=SignatoryType.STATE)

    def of_kinds(self, slugs: list[str]) -> "SignatoryQuerySet":
        """Supporters of any of these organisation kinds, named by their slugs ("ngo")."""
        return self.filter(kind__in=[KIND_BY_SLUG[slug] for slug in slugs])

    def kinds_in_use(self) -> list[str]:
        """The organisation kinds some supporter has, each once (one query)."""
        return list(self.exclude(kind="").order_by().values_list("kind", flat=True).distinct())

    def supporting_since_year(self, year: int) -> "SignatoryQuerySet":
        return self.filter(supporter_since__year=year)

    def count_by(self, field: str) -> dict[str, int]:
        """How many supporters have each value of `field`: one grouped query."""
        return dict(self.order_by().values_list(field).annotate(count=Count("id")))

    def count_by_type_and_day(self, field: str) -> list[tuple]:
        """(type, day, n) for every day in `field` (a date: supporter since, left on) that
        some supporter has: one grouped query, a row per type and day, not per supporter."""
        dated = self.filter(**{f"{field}__isnull": False}).order_by()
        return list(dated.values_list("type", field).annotate(count=Count("id")))

    def count_by_combination(self, *fields: str) -> list[tuple]:
        """(a value of each field…, count) for each combination found: one grouped query."""
        if connections[self.db].vendor != "sqlite":
            return list(self.order_by().values_list(*fields).annotate(count=Count("id")))
        # SQLite groups by walking an index that holds some of the fields, reading each row
        # from the table in the index's order: for a search, ten times slower than reading
        # the table once. Grouping by `+field` (the same value) makes it read the table.
        plus = "+%(expressions)s"
        unindexed = {
            f"unindexed_{field}": Func(F(field), template=plus, output_field=CharField())
            for field in fields
        }
        grouped = self.order_by().values(**unindexed).annotate(count=Count("id"))
        return list(grouped.values_list(*unindexed, "count"))

    def sorted_after_matching(self) -> "SignatoryQuerySet":
        """The same name order, sorted over the matches rather than read from the name
        index: for a search with few matches, whose names may all sort together far down
        that index (those that start with the word searched)."""
        order = list(self.query.order_by)
        if order and isinstance(order[0], str) and order[0].lstrip("-") in SORT_KEYS:
            name = Concat(order[0].lstrip("-"), Value(""), output_field=models.CharField())
            order[0] = name.desc() if order[0].startswith("-") else name.asc()
        return self.order_by(*order)

    def others_in_country(self, signatory: models.Model) -> "SignatoryQuerySet":
        if not signatory.country:
            return self.none()
        return self.filter(country=signatory.country).exclude(pk=signatory.pk)

    def search(self, query: str) -> "SignatoryQuerySet":
        """Supporters with a word beginning with each word typed (see
        `signatories.models.word_index`), found in the words' index."""
        from signatories.models.words import SearchWord

        words = query_words(query)
        if not words:
            return self
        return self.filter(id__in=SearchWord.objects.matching(words).values("signatory_id"))


# The indexes of the supporters' table, each with the list query it serves (the list reads
# rows from an index in its own order; docs/performance.md).
LIST_INDEXES = [
    # The list's default order (name, then id), unfiltered and for deep pages.
    models.Index(fields=["sort_name", "id"], name="signatory_sort_name_id"),
    # The type, region and country filters, in the list's order, and their counts.
    models.Index(fields=["type", "sort_name"], name="signatory_type_sort_name"),
    models.Index(fields=["region", "sort_name"], name="signatory_region_sort_name"),
    models.Index(fields=["country", "sort_name"], name="signatory_country_sort_name"),
    # sort=since / -since and the `since` year filter.
    models.Index(fields=["supporter_since", "sort_name"], name="signatory_since_sort_name"),
    # A country's supporters of one type: their few rows, not every row of the type.
    models.Index(fields=["country", "type", "sort_name"], name="signatory_country_type_name"),
    # status=former in name order, without reading past the current supporters.
    models.Index(
        fields=["sort_name", "id"],
        condition=Q(status="former"),
        name="signatory_former_sort_name",
    ),
    # The same orders on the French pages: the list, its type, region and country
    # filters, and a country's supporters of one type.
    models.Index(fields=["sort_name_fr", "id"], name="signatory_sort_name_fr_id"),
    models.Index(fields=["type", "sort_name_fr"], name="signatory_type_sort_name_fr"),
    models.Index(fields=["region", "sort_name_fr"], name="signatory_region_sort_name_fr"),
    models.Index(fields=["country", "type", "sort_name_fr"], name="signatory_country_type_fr"),
]
