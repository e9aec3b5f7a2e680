"""A stand-in for the public URLs, for tests that export: the export names each
supporter's detail page (`signatories:detail`), which the public site's own URL
configuration provides."""

from django.http import HttpResponse
from django.urls import include, path


def _detail(request, slug):
    return HttpResponse(slug)


signatories_patterns = ([path("<slug:slug>/", _detail, name="detail")], "signatories")

urlpatterns = [path("signatories/", include(signatories_patterns))]
