from django.urls import path

from signatories import api, change_views, country_views, views
from signatories.exports.headers import revision_conditional, text_conditional
from signatories.feeds import ChangesFeed

app_name = "signatories"
urlpatterns = [
    path("signatories/", views.SignatoryListView.as_view(), name="list"),
    # The public data: ETag and Last-Modified, CORS (signatories/exports/headers.py).
    path("signatories.json", revision_conditional(views.signatories_json), name="json"),
    path("signatories.csv", revision_conditional(views.signatories_csv), name="csv"),
    path("signatories.xlsx", revision_conditional(views.signatories_xlsx), name="xlsx"),
    path("signatories/<slug:slug>/", views.signatory_detail, name="detail"),
    # The membership over time, and its Atom feed.
    path("changes/", change_views.change_list, name="changes"),
    path("changes.atom", revision_conditional(ChangesFeed()), name="changes-feed"),
    # The world map and one page per country (ISO 3166 alpha-2, lower case).
    path("countries/", country_views.country_list, name="countries"),
    path("countries/<str:code>/", country_views.country_page, name="country"),
    path("signatories/<slug:slug>.json", text_conditional(api.signatory_json), name="detail-json"),
]
