"""The admin as the directory's staff site: its name in both languages (read when a page is
drawn, so each page has its own language)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Paris Call directory: staff site")
admin.site.site_title = _("Paris Call directory staff")
admin.site.index_title = _("Keeping the directory right")
