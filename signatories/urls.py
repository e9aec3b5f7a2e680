from django.urls import path

from signatories import views

app_name = "signatories"
urlpatterns = [
    path("signatories/", views.SignatoryListView.as_view(), name="list"),
    path("signatories.json", views.signatories_json, name="json"),
    path("signatories.csv", views.signatories_csv, name="csv"),
    path("signatories/<slug:slug>/", views.signatory_detail, name="detail"),
]
