"""`{% organization_jsonld signatory %}` and `{% dataset_jsonld %}`: schema.org JSON-LD.

The JSON goes in a `<script type="application/ld+json">` data block, which browsers never
run, so the CSP's `script-src 'self'` is untouched. As with Django's `json_script`, `<`, `>`
and `&` are written as JSON escapes: a name containing `</script>` can't end the block.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from pariscall import linked_data

register = template.Library()

_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script(data: dict) -> SafeString:
    """The data as an inert JSON-LD block, safe to put anywhere in a page."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def organization_jsonld(context, signatory) -> SafeString:
    return script(linked_data.organization(signatory, context["request"]))


@register.simple_tag(takes_context=True)
def dataset_jsonld(context) -> SafeString:
    return script(linked_data.dataset(context["request"]))
