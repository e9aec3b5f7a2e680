"""WSGI entry point, for gunicorn: ``gunicorn pariscall.wsgi``."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pariscall.settings")

django_application = get_wsgi_application()
_frozen = False


def application(environ, start_response):
    """Django's application; once a process has answered its first request, what it has
    built so far (Django's apps, models, URLs, the templates and translations that
    request loaded) is moved out of the garbage collector's reach with `gc.freeze()`.

    A full collection stops every thread of the process, and its length grows with the
    objects it visits: at 100,000 supporters, 90–120 ms over 113,000 objects, against
    15–50 ms once those are frozen (docs/performance.md). Frozen objects are still freed
    when nothing refers to them; only a reference cycle among them would never be.
    """
    global _frozen
    try:
        return django_application(environ, start_response)
    finally:
        if not _frozen:
            _frozen = True
            gc.freeze()
