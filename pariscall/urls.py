"""Root URLs: the public pages in English (unprefixed) and French (/fr/…), and the rest.

Every public page is in `i18n_patterns` with no prefix for English, so the addresses people
have linked to stay English and unchanged. robots.txt, the sitemap (which lists both
languages) and the admin (which follows the browser's language) have one address each.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from pariscall import views
from pariscall.sitemaps import SITEMAPS
from signatories.exports.headers import text_conditional

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("admin/", admin.site.urls),
    *i18n_patterns(
        path("", views.home, name="home"),
        path("about/", views.about, name="about"),
        path("embed/counters/", views.embed_counters, name="embed-counters"),
        # Tagged by its text: it cites sources, whose writes don't raise the revision.
        path("datapackage.json", text_conditional(views.datapackage), name="datapackage"),
        path("", include("signatories.urls")),
        path("", include("principles.urls")),
        prefix_default_language=False,
    ),
]

handler403 = "pariscall.errors.forbidden"
# A database that is down or stuck is a 503 with Retry-After (pariscall.errors).
handler500 = "pariscall.errors.server_error"
