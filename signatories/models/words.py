"""The words' index: one row per (word, supporter), what a search counts and orders from.

Written by `signatories.models.word_index` in step with every write of a supporter; read
here. Each row carries the supporter's columns that the list's filters, counts and orders
read, so that a search is counted by an index-only scan of its words' range, without reading the
supporters' table, and a page of a search reads only its 50 supporters.
"""

from django.db import connections, models
from django.db.models import Count, F, Func, IntegerField

from signatories.models.word_index import prefix_range, query_words
from signatories.vocabulary import KIND_BY_SLUG, STATUS_ALL, SignatoryStatus


class BytewiseCharField(models.CharField):
    """Text compared in code point order: a word's prefix is then one range of the index
    (`word >= 'sec' AND word < 'sed'`). SQLite's default (BINARY) already compares so;
    PostgreSQL is told the "C" collation, whatever the database's own."""

    def db_parameters(self, connection):
        parameters = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            parameters["collation"] = "C"
        return parameters


class SearchWordQuerySet(models.QuerySet):
    def matching(self, words: tuple[str, ...]) -> "SearchWordQuerySet":
        """One row per supporter that has a word beginning with each of `words`: the rows
        of the longest (the fewest, most likely), kept when the others are found too."""
        if not words:
            return self
        leading = max(words, key=lambda word: (len(word), word))
        low, high = prefix_range(leading)
        queryset = self.filter(word__gte=low, word__lt=high, shared__lt=len(leading))
        supporter = F("signatory_id")
        if connections[self.db].vendor == "sqlite":
            # Else SQLite looks each supporter of the other word up by the primary key and
            # reads its row from the table: `+` keeps it on the leading word's covering
            # index, checking the others' supporters in a list (3-4x faster at 100,000).
            supporter = Func(supporter, template="+%(expressions)s", output_field=IntegerField())
        queryset = queryset.alias(supporter=supporter)
        for word in words:
            if word != leading:
                low, high = prefix_range(word)
                also = SearchWord.objects.filter(word__gte=low, word__lt=high)
                queryset = queryset.filter(supporter__in=also.values("signatory_id"))
        return queryset

    def search(self, query: str) -> "SearchWordQuerySet":
        return self.matching(query_words(query))

    # The same named filters as SignatoryQuerySet's, on the columns the rows carry.
    def with_status(self, status: str) -> "SearchWordQuerySet":
        return self if status == STATUS_ALL else self.filter(status=status)

    def current(self) -> "SearchWordQuerySet":
        return self.filter(status=SignatoryStatus.CURRENT)

    def of_kinds(self, slugs: list[str]) -> "SearchWordQuerySet":
        return self.filter(kind__in=[KIND_BY_SLUG[slug] for slug in slugs])

    def supporting_since_year(self, year: int) -> "SearchWordQuerySet":
        return self.filter(supporter_since__year=year)

    def count_by_combination(self, *fields: str) -> list[tuple]:
        """(a value of each field…, count) for each combination found: one grouped query
        over the index alone (one row per supporter, see `matching`)."""
        return list(self.order_by().values_list(*fields).annotate(count=Count("*")))

    def ordered(self, order) -> "SearchWordQuerySet":
        """The rows in one of the list's orders (`signatories.directory.filters.SORTS`), the
        supporter's id standing for `id`."""
        renamed = {"id": "signatory_id", "-id": "-signatory_id"}
        return self.order_by(*(renamed.get(part, part) for part in order))


class SearchWord(models.Model):
    pk = models.CompositePrimaryKey("signatory", "word")
    word = BytewiseCharField(max_length=60)
    # Letters in common with the supporter's word before it in alphabetical order
    # (see `signatories.models.word_index`): `shared < len(prefix)` keeps one row per supporter.
    shared = models.PositiveSmallIntegerField()
    signatory = models.ForeignKey(
        "Signatory", on_delete=models.CASCADE, related_name="search_words", db_index=False
    )
    # The supporter's columns, as they are on the supporter (signatories.models.word_index.CARRIED).
    type = models.CharField(max_length=20)
    region = models.CharField(max_length=20)
    country = models.CharField(max_length=2)
    kind = models.CharField(max_length=100)
    status = models.CharField(max_length=10)
    supporter_since = models.DateField(null=True)
    supporter_since_is_bound = models.BooleanField()
    left_on = models.DateField(null=True)
    sort_name = models.CharField(max_length=300)

    objects = SearchWordQuerySet.as_manager()

    class Meta:
        indexes = [
            # A search's words by prefix with every column its counts, filters and orders
            # read: an index-only scan of the range. (The primary key, supporter first,
            # serves rewriting a supporter's words and the other words of a search.)
            models.Index(
                fields=[
                    "word",
                    "shared",
                    "status",
                    "type",
                    "region",
                    "country",
                    "supporter_since",
                    "supporter_since_is_bound",
                    "left_on",
                    "kind",
                    "sort_name",
                    "signatory",
                ],
                name="searchword_prefix",
            ),
        ]

    def __str__(self) -> str:
        return self.word
