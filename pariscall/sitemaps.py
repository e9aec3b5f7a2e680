"""sitemap.xml: the fixed pages, every principle, every supporter and every country with one."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from principles.models import Principle
from signatories.countries import country_counts, rows_from
from signatories.models import Signatory


class PagesSitemap(Sitemap):
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


class PrinciplesSitemap(Sitemap):
    def items(self):
        return Principle.objects.all()


class SignatoriesSitemap(Sitemap):
    limit = 10_000

    def items(self):
        # Former supporters too: their pages stay, saying they left.
        return Signatory.objects.for_sitemap()

    def lastmod(self, signatory: Signatory):
        return signatory.updated


class CountriesSitemap(Sitemap):
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
