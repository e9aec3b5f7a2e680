"""Root URLs: the site-wide pages, the two apps and the admin."""

from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from pariscall import views
from pariscall.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("signatories.urls")),
    path("", include("principles.urls")),
    path("robots.txt", views.robots_txt, name="robots"),
    path("about/", views.about, name="about"),
    path("embed/counters/", views.embed_counters, name="embed-counters"),
    path("datapackage.json", views.datapackage, name="datapackage"),
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
]
