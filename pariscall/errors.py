"""The 403 page: in the admin, the admin's own layout saying what an editor may do, with a
way back; elsewhere, Django's plain page."""

from django.contrib import admin
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults


def forbidden(request, exception=None):
    admin_root = reverse("admin:index")
    user = getattr(request, "user", None)
    if not request.path.startswith(admin_root) or not (user and user.is_staff):
        return defaults.permission_denied(request, exception)
    back = request.META.get("HTTP_REFERER", "")
    if (
        not back
        or back == request.build_absolute_uri()
        or not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        back = admin_root
    context = {**admin.site.each_context(request), "back": back, "title": None}
    return render(request, "admin/403.html", context, status=403)
