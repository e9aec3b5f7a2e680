from django.urls import path

from signatories import api, views

app_name = "signatories"
urlpatterns = [
    path("signatories/", views.SignatoryListView.as_view(), name="list"),
    path("signatories.json", views.signatories_json, name="json"),
    path("signatories.csv", views.signatories_csv, name="csv"),
    path("signatories/<slug:slug>/", views.signatory_detail, name="detail"),
    path("signatories/<slug:slug>.json", api.signatory_json, name="detail-json"),
]
