"""Site-wide pages: home, about, robots.txt, the data package and the embeddable counters."""

from csp.decorators import csp_replace
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt

from pariscall.charts import growth_panels, growth_table
from pariscall.counters import CountersForm, counters
from signatories.cache import cached
from signatories.countries.map import map_html
from signatories.exports.datapackage import descriptor as datapackage_descriptor
from signatories.exports.published import LICENCE, OFFICIAL_LIST, last_changed
from signatories.links import list_url
from signatories.models import Milestone, Signatory, SignatoryType, Source


def home(request: HttpRequest) -> HttpResponse:
    milestones = list(Milestone.objects.with_counts())
    recorded = cached("current-by-type", None, lambda: Signatory.objects.current().count_by("type"))
    return render(
        request,
        "pariscall/home.html",
        {
            "headlines": _headlines(recorded, milestones),
            "recorded_total": sum(recorded.values()),
            "reported_total": _latest_total(milestones),
            "milestones": milestones,
            "panels": growth_panels(milestones),
            "growth_rows": growth_table(milestones),
            "types": SignatoryType.choices,
            "articles": Source.objects.articles(),
            # Supporters by country, under the counters (signatories/countries/map.py).
            "map": map_html(),
        },
    )


def _latest_total(milestones: list[Milestone]) -> Milestone | None:
    """The latest milestone that reports a total of supporters, if any."""
    totals = [milestone for milestone in milestones if milestone.total is not None]
    return max(totals, key=lambda milestone: milestone.date, default=None)


def _headlines(recorded: dict[str, int], milestones: list[Milestone]) -> list[dict]:
    """Per type: how many the directory records, and the latest count a source reported."""
    headlines = []
    for type_, label in SignatoryType.choices:
        reported = [
            (milestone, count)
            for milestone in milestones
            for count in milestone.counts.all()
            if count.type == type_
        ]
        latest = max(reported, key=lambda pair: pair[0].date, default=(None, None))
        headlines.append(
            {
                "type": type_,
                "label": label,
                "recorded": recorded.get(type_, 0),
                "milestone": latest[0],
                "reported": latest[1],
                "url": list_url(type=type_),
            }
        )
    return headlines


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Exports and filter combinations are endless; the sitemap lists every page once.
        "Disallow: /signatories.csv",
        "Disallow: /signatories.json",
        "Disallow: /fr/signatories.csv",
        "Disallow: /fr/signatories.json",
        "Disallow: /signatories.xlsx",
        "Disallow: /fr/signatories.xlsx",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


# Embeddable counters: the one page other sites may show in a frame (no forms, nothing to
# click-jack), so it alone lifts the site-wide frame-ancestors 'none' and X-Frame-Options.
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def embed_counters(request: HttpRequest) -> HttpResponse:
    form = CountersForm(request.GET)
    if not form.is_valid():
        context = {"theme": "light", "errors": form.errors}
        return render(request, "embed/counters.html", context, status=400)
    context = counters(form.cleaned_data["type"])
    context["theme"] = form.cleaned_data["theme"] or "light"
    return render(request, "embed/counters.html", context)


def datapackage(request: HttpRequest) -> HttpResponse:
    """The Frictionless Data Package describing /signatories.csv.

    Like the exports it describes, it is the same at /fr/datapackage.json: in English, with
    the English addresses, so that a package cited from either is the same document.
    """
    with translation.override(settings.LANGUAGE_CODE):
        response = JsonResponse(
            datapackage_descriptor(request),
            encoder=DjangoJSONEncoder,
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
        response["Content-Language"] = settings.LANGUAGE_CODE
    # Other sites' notebooks and data tools may read it: CORS from signatories.exports.headers.
    return response


def about(request: HttpRequest) -> HttpResponse:
    """Where the data comes from, the terms of reuse, how to cite it and embed the counters."""
    absolute = request.build_absolute_uri
    return render(
        request,
        "pariscall/about.html",
        {
            "last_changed": last_changed(),
            "licence": LICENCE,
            "official_list": OFFICIAL_LIST,
            "articles": Source.objects.articles(),
            "home_url": absolute(reverse("home")),
            "csv_url": absolute(reverse("signatories:csv")),
            "embed_url": absolute(reverse("embed-counters")),
        },
    )
