"""sitemap.xml: the fixed pages, every principle and every supporter."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from principles.models import Principle
from signatories.models import Signatory


class PagesSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["home", "signatories:list", "principles:list"]

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


SITEMAPS = {
    "pages": PagesSitemap,
    "principles": PrinciplesSitemap,
    "signatories": SignatoriesSitemap,
}
