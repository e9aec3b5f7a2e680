from django.urls import path

from signatories.changes import views as changes
from signatories.changes.feeds import ChangesFeed
from signatories.countries import views as countries
from signatories.directory import views as directory
from signatories.exports import views as exports
from signatories.exports.headers import revision_conditional, text_conditional

app_name = "signatories"
urlpatterns = [
    path("signatories/", directory.SignatoryListView.as_view(), name="list"),
    # The public data: ETag and Last-Modified, CORS (signatories/exports/headers.py).
    path("signatories.json", revision_conditional(exports.signatories_json), name="json"),
    path("signatories.csv", revision_conditional(exports.signatories_csv), name="csv"),
    path("signatories.xlsx", revision_conditional(exports.signatories_xlsx), name="xlsx"),
    path("signatories/<slug:slug>/", directory.signatory_detail, name="detail"),
    # The membership over time, and its Atom feed.
    path("changes/", changes.change_list, name="changes"),
    path("changes.atom", revision_conditional(ChangesFeed()), name="changes-feed"),
    # The world map and one page per country (ISO 3166 alpha-2, lower case).
    path("countries/", countries.country_list, name="countries"),
    path("countries/<str:code>/", countries.country_page, name="country"),
    path(
        "signatories/<slug:slug>.json",
        text_conditional(exports.signatory_json),
        name="detail-json",
    ),
]
