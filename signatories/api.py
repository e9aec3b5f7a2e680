"""/signatories/<slug>.json: one supporter as the export gives it, with its citations."""

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from signatories import columns, dates
from signatories.models import Citation, Signatory


def signatory_json(request: HttpRequest, slug: str) -> JsonResponse:
    signatory = Signatory.objects.filter(slug=slug).first()
    if signatory is None:
        message = _("No supporter has the identifier “%(slug)s”.") % {"slug": slug}
        return JsonResponse({"error": message}, status=404)
    citations = signatory.citations.select_related("source").order_by("source__date", "id")
    record = columns.as_record(signatory)
    record["citations"] = [_citation(citation) for citation in citations]
    return JsonResponse(record, json_dumps_params={"ensure_ascii": False, "indent": 2})


def _citation(citation: Citation) -> dict:
    source = citation.source
    return {
        "source": {
            "title": source.title,
            "publisher": source.publisher or None,
            "date": dates.iso(source.date, source.date_precision),
            "url": source.url or None,
        },
        "passage": citation.passage,
        "basis": citation.basis,
        "reasoning": citation.reasoning or None,
    }
