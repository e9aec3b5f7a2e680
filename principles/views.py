"""The nine principles, and what the sources say about each."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from principles.models import Principle


def principle_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "principles/principle_list.html", {"principles": Principle.objects.all()}
    )


def principle_detail(request: HttpRequest, number: int) -> HttpResponse:
    principle = get_object_or_404(Principle, number=number)
    citations = principle.citations.select_related("source").order_by("source__date", "id")
    return render(
        request,
        "principles/principle_detail.html",
        {
            "principle": principle,
            "citations": citations,
            "previous": principle.previous_number,
            "next": principle.next_number,
        },
    )
