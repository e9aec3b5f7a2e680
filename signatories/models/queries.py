"""How supporters are read: the one name order, the list's columns, and the named queries.

Every read of supporters goes through `SignatoryQuerySet` (`Signatory.objects`): the list,
the exports, the sitemap, the admin, the counts.
"""

from django.db import connections, models
from django.db.models import CharField, Count, F, Func, Value
from django.db.models.functions import Concat

from signatories import columns
from signatories.models.word_index import query_words
from signatories.vocabulary import KIND_BY_SLUG, STATUS_ALL, SignatoryStatus, SignatoryType

# The directory's one name order: accent- and case-insensitive name, then id for ties.
NAME_ORDER = ("sort_name", "id")

# What a row of the list shows (and its link needs).
LIST_FIELDS = (
    "name",
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

    def by_name(self) -> "SignatoryQuerySet":
        return self.order_by(*NAME_ORDER)

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
        return self.only("slug", "updated").by_name()

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
        if order and order[0] in ("sort_name", "-sort_name"):
            name = Concat("sort_name", Value(""), output_field=models.CharField())
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
