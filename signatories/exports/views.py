"""The downloads: the list as CSV, JSON or Excel (filtered, every page), and one supporter as the
export gives it, with its citations. /datapackage.json, which describes them, is served
from `pariscall` beside the site-wide pages, from `signatories.exports.datapackage`."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from signatories import columns, dates
from signatories.directory.filters import SignatoryFilter
from signatories.directory.keys import canonical_query
from signatories.exports import files, stream, xlsx
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


def _filtered_or_400(request: HttpRequest) -> SignatoryFilter | HttpResponse:
    """The export's filters, or a 400 answer in JSON saying what was wrong and what is valid."""
    # The same file at either address: the directory's (English) name order.
    filterset = SignatoryFilter(
        request.GET, queryset=Signatory.objects.all(), language=settings.LANGUAGE_CODE
    )
    if filterset.is_valid():
        return filterset
    return JsonResponse({"errors": filterset.errors}, status=400)


def _unfiltered(filterset: SignatoryFilter) -> bool:
    """The full export (current supporters, default order): its file is kept per revision."""
    return not canonical_query(filterset)


def signatories_json(request: HttpRequest) -> HttpResponse:
    filterset = _filtered_or_400(request)
    if isinstance(filterset, HttpResponse):
        return filterset
    if request.method == "HEAD":
        return files.json_head() if _unfiltered(filterset) else stream.json_head()
    if _unfiltered(filterset):
        return files.json_response(filterset.qs)
    return stream.json_response(filterset.qs)


def signatories_csv(request: HttpRequest) -> HttpResponse:
    filterset = _filtered_or_400(request)
    if isinstance(filterset, HttpResponse):
        return filterset
    if request.method == "HEAD":
        return files.csv_head() if _unfiltered(filterset) else stream.csv_head()
    if _unfiltered(filterset):
        return files.csv_response(filterset.qs)
    return stream.csv_response(filterset.qs)


def signatories_xlsx(request: HttpRequest) -> HttpResponse:
    filterset = _filtered_or_400(request)
    if isinstance(filterset, HttpResponse):
        return filterset
    if request.method == "HEAD":
        return xlsx.xlsx_head()
    return xlsx.xlsx_response(filterset.qs)
