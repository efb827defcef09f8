"""Uploaded images served by the application itself, in production as in development.

With DEBUG off nothing else answers /media/, so every story, campaign and hero picture would be
a 404 under gunicorn. WhiteNoise (already serving the static files) does the HTTP work here too:
ETag and Last-Modified with 304 answers to conditional requests, Range requests answered 206,
HEAD, the content type from the file name, no directory listing (an address ending in "/" is
never a file) and no path traversal (it refuses any address that is not in canonical form and any
path that resolves outside MEDIA_ROOT). It is used in its "autorefresh" mode, which looks each
address up on disk at request time instead of scanning the folder once at start, because uploads
arrive while the process runs; the cost is a stat() or two per media request.

Why WhiteNoise and not the alternatives: django.views.static.serve answers If-Modified-Since but
neither ETag nor Range, and Django documents it as unfit for production; werkzeug's
SharedDataMiddleware has no Range support; dj-static and static-ranges are unmaintained;
django-sendfile2 needs a proxy to do the serving. WhiteNoise is maintained, already a
dependency, and covers every part asked for.

- Renditions (media/images/, written once under a name derived from the original and the
  filter) are cached for a year and marked immutable; originals for MEDIA_MAX_AGE seconds (one
  hour by default), so a picture taken down reaches visitors' caches soon after.
- media/documents/ is never served here: Wagtail serves documents through /documents/<id>/...
  where collection privacy is enforced.
- SERVE_MEDIA=0 turns this off when a reverse proxy or object storage serves /media/ instead.
"""

from django.conf import settings
from whitenoise.middleware import WhiteNoiseMiddleware
from whitenoise.string_utils import ensure_leading_trailing_slash

RENDITIONS = "images/"
NEVER_SERVED = ("documents/",)


class MediaFilesMiddleware(WhiteNoiseMiddleware):
    """Answers MEDIA_URL/<file> from MEDIA_ROOT; everything else goes on to the next middleware."""

    def __init__(self, get_response=None):
        self.get_response = get_response
        self.enabled = settings.SERVE_MEDIA
        self.media_prefix = ensure_leading_trailing_slash(settings.MEDIA_URL)
        # WhiteNoise's own set-up, told to serve one folder only, looked up at request time.
        super(WhiteNoiseMiddleware, self).__init__(
            application=None,
            autorefresh=True,
            max_age=settings.MEDIA_MAX_AGE,
            allow_all_origins=False,
            add_headers_function=self.advertise_ranges,
        )
        self.use_finders = False
        self.static_prefix = self.media_prefix
        self.add_files(str(settings.MEDIA_ROOT), prefix=self.media_prefix)

    def __call__(self, request):
        path = request.path_info
        if self.enabled and path.startswith(self.media_prefix):
            relative = path[len(self.media_prefix) :]
            if not relative.startswith(NEVER_SERVED):
                static_file = self.find_file(path)
                if static_file is not None:
                    return self.serve(static_file, request)
        return self.get_response(request)

    @staticmethod
    def advertise_ranges(headers, path, url):
        headers["Accept-Ranges"] = "bytes"

    def immutable_file_test(self, path, url):
        return url.startswith(self.media_prefix + RENDITIONS)
