from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from principles.models import Principle
from signatories.admin import CitationInline


class PrincipleCitationInline(CitationInline):
    fk_name = "principle"


@admin.register(Principle)
class PrincipleAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "title_fr"]
    search_fields = ["title", "title_fr", "text"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PrincipleCitationInline]
