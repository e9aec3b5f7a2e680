from django.contrib import admin

from principles.models import Principle
from signatories.admin import CitationInline
from signatories.admin.history import LabelledHistoryAdmin


class PrincipleCitationInline(CitationInline):
    fk_name = "principle"


@admin.register(Principle)
class PrincipleAdmin(LabelledHistoryAdmin):
    list_display = ["number", "title", "title_fr"]
    search_fields = ["title", "title_fr", "text"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PrincipleCitationInline]
