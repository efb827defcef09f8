"""Image uploads through the Wagtail admin: an editor gets a message next to the file field for a
file that is not an image, a decompression bomb or a file over the size limit; a real picture is
accepted. The limits are the project's own (WAGTAILIMAGES_MAX_UPLOAD_SIZE / _MAX_IMAGE_PIXELS)."""

import io
import struct
import zlib

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from tests.portal.factories import UserFactory, with_totp

Image = get_image_model()


def png_bytes(size=(40, 30), colour=(200, 120, 40)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def png_declaring(width, height):
    """A tiny, valid PNG whose header claims width x height pixels: a decompression bomb."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    # One row's worth of data is enough for the header to be read; the pixels are never needed.
    pixels = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


@pytest.fixture
def editor_client(client, db):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Campaign editors"))
    with_totp(editor)
    client.force_login(editor)
    return client


def upload(client, name, content, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Community garden opening", "file": SimpleUploadedFile(name, content, content_type)},
    )


def file_field_error(response):
    """The error text shown with the file field (Wagtail renders it inside the field's wrapper)."""
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.select_one("#id_file")
    assert field is not None, "the form with its file field is shown again"
    wrapper = field.find_parent(class_="w-field__wrapper") or field.find_parent(class_="w-field")
    errors = (wrapper.select(".error-message") or wrapper.select(".w-field__errors")) if wrapper else []
    return " ".join(error.get_text(" ", strip=True) for error in errors)


def test_the_limits_are_set():
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 50_000_000


def test_a_real_picture_is_accepted(editor_client):
    response = upload(editor_client, "garden.png", png_bytes())
    assert response.status_code == 302
    image = Image.objects.get(title="Community garden opening")
    assert (image.width, image.height) == (40, 30)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("report.png", b"%PDF-1.7\n" + b"not a picture at all " * 50, "either not an image or a corrupted"),
        ("notes.jpg", b"<script>alert(1)</script>", "Not a valid .jpeg image"),
        ("bomb.png", png_declaring(60_000, 60_000), "too many pixels"),
        # Under Wagtail's and Pillow's defaults, over the portal's own limit.
        ("poster.png", png_declaring(8_000, 8_000), "too many pixels"),
        # Within every limit but cut short: decoding fails, which used to be a server error.
        ("truncated.png", png_declaring(400, 300), "either not an image or a corrupted"),
        ("huge.png", None, "This file is too big"),
    ],
    ids=["pdf-as-png", "script-as-jpg", "decompression-bomb", "over-pixel-limit", "truncated", "oversized"],
)
def test_bad_uploads_are_refused_next_to_the_field(editor_client, settings, name, content, message):
    if content is None:
        # Over the limit, without writing megabytes: the limit is lowered for this one upload.
        content = png_bytes(size=(300, 300))
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = len(content) - 1
    response = upload(editor_client, name, content)
    assert response.status_code == 200
    assert message.lower() in file_field_error(response).lower()
    assert not Image.objects.exists()
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_title")["value"] == "Community garden opening", "what was typed is kept"
