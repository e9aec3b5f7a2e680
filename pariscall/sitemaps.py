"""sitemap.xml: the fixed pages, every principle, every supporter and every country with one,
in both languages.

Each page is listed once per language, each entry naming the other as its alternate, and
the English page as the x-default.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from principles.models import Principle
from signatories.countries.counts import country_counts
from signatories.countries.rows import rows_from
from signatories.models import Signatory


class _EveryLanguage:
    """(item, language) pairs for the sitemap's paginator, fetched one page at a time.

    Django's i18n sitemaps build the list of every item in every language before taking a
    page of it, which at a million supporters is far too much for one request.
    """

    def __init__(self, items, languages: list[str]):
        self.items = items
        self.languages = languages

    def count(self) -> int:
        items = self.items
        total = items.count() if isinstance(items, QuerySet) else len(items)
        return total * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[tuple]:
        per_item = len(self.languages)
        start, stop = index.start or 0, index.stop
        first = start // per_item
        chunk = self.items[first : -(-stop // per_item)]
        pairs = [(item, code) for item in chunk for code in self.languages]
        return pairs[start - first * per_item : stop - first * per_item]


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def _items(self) -> _EveryLanguage:
        return _EveryLanguage(self.items(), list(self._languages()))


class PagesSitemap(BilingualSitemap):
    def items(self) -> list[str]:
        return [
            "home",
            "signatories:list",
            "signatories:changes",
            "signatories:countries",
            "principles:list",
            "about",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class PrinciplesSitemap(BilingualSitemap):
    def items(self):
        return Principle.objects.all()


class SignatoriesSitemap(BilingualSitemap):
    # Two entries per supporter (English and French).
    limit = 10_000

    def items(self):
        # Former supporters too: their pages stay, saying they left.
        return Signatory.objects.for_sitemap()

    def lastmod(self, signatory: Signatory):
        return signatory.updated


class CountriesSitemap(BilingualSitemap):
    def items(self) -> list[str]:
        return sorted(code.lower() for code in rows_from(country_counts()))

    def location(self, code: str) -> str:
        return reverse("signatories:country", args=[code])


SITEMAPS = {
    "pages": PagesSitemap,
    "principles": PrinciplesSitemap,
    "signatories": SignatoriesSitemap,
    "countries": CountriesSitemap,
}
