"""Where CVs are kept: a storage of their own, outside MEDIA_ROOT and with no public address.

Images and documents under MEDIA_URL are public (portal/media.py serves them to anyone); a CV
must never be. This storage has no base URL, so `url()` fails instead of leaking an address,
and the only way to read a CV is `seekers.views.cv.download`, which checks who asks and
writes the view to the audit log. In production PRIVATE_MEDIA_ROOT names a volume (or a
mounted bucket) the web nodes share; it is never served by the reverse proxy.
"""

import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    def __init__(self, **kwargs):
        kwargs.setdefault("location", settings.PRIVATE_MEDIA_ROOT)
        kwargs["base_url"] = None
        super().__init__(**kwargs)

    def url(self, name):
        raise ValueError(
            "Private files have no public address; serve them through a view that checks access."
        )


def private_storage():
    """The storage of CVs (a callable, so that migrations name it rather than its folder)."""
    return PrivateStorage()


def cv_path(instance, filename):
    """A random name: the person's own file name (often their name) is kept in the row only."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return f"cvs/{secrets.token_hex(16)}.{extension}" if extension else f"cvs/{secrets.token_hex(16)}"
