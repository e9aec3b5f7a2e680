"""Site-wide pages: the home page, robots.txt and the error pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from pariscall.charts import growth_panels, growth_table
from signatories.cache import cached
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
            "milestones": milestones,
            "panels": growth_panels(milestones),
            "growth_rows": growth_table(milestones),
            "types": SignatoryType.choices,
            "articles": Source.objects.articles(),
        },
    )


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
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
