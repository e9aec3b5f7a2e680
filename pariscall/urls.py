"""Root URLs: the site-wide pages, the two apps and the admin."""

from django.contrib import admin
from django.urls import path

urlpatterns = [
    path("admin/", admin.site.urls),
]
