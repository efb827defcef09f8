"""Uploaded images are served by the application in production (DEBUG off, as in the test profile)."""

import pytest
from django.test import Client

from tests.portal.factories import ImageFactory

BYTES = bytes(range(256)) * 40  # 10,240 bytes, every value distinguishable


@pytest.fixture
def media_root(settings, tmp_path):
    root = tmp_path / "media"
    (root / "original_images").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "documents").mkdir()
    (root / "original_images" / "photo.jpg").write_bytes(BYTES)
    (root / "images" / "photo.fill-300x200.jpg").write_bytes(BYTES[:1000])
    (root / "documents" / "report.pdf").write_bytes(b"%PDF-1.4 private")
    # A file next to MEDIA_ROOT that must never be reachable through /media/.
    (tmp_path / "settings.py").write_text("SECRET_KEY = 'do not serve me'")
    settings.MEDIA_ROOT = str(root)
    return root


def test_debug_is_off_in_the_test_profile(settings):
    assert settings.DEBUG is False


def test_an_original_image_is_served_with_its_type_and_a_validator(media_root):
    response = Client().get("/media/original_images/photo.jpg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == BYTES
    assert response["ETag"] and response["Last-Modified"]
    assert response["Accept-Ranges"] == "bytes"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "immutable" not in response["Cache-Control"]


def test_renditions_are_cached_for_a_long_time(media_root):
    response = Client().get("/media/images/photo.fill-300x200.jpg")
    assert response.status_code == 200
    control = response["Cache-Control"]
    assert "immutable" in control and "public" in control
    max_age = int(control.split("max-age=")[1].split(",")[0])
    assert max_age >= 365 * 24 * 60 * 60


def test_a_range_request_gets_206_and_exactly_those_bytes(media_root):
    response = Client().get("/media/original_images/photo.jpg", HTTP_RANGE="bytes=100-299")
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == BYTES[100:300]
    assert response["Content-Range"] == f"bytes 100-299/{len(BYTES)}"
    assert response["Content-Length"] == "200"


def test_a_suffix_range_gets_the_last_bytes(media_root):
    response = Client().get("/media/original_images/photo.jpg", HTTP_RANGE="bytes=-10")
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == BYTES[-10:]


def test_an_unsatisfiable_range_gets_416(media_root):
    response = Client().get("/media/original_images/photo.jpg", HTTP_RANGE="bytes=999999-")
    assert response.status_code == 416


def test_if_none_match_with_the_current_etag_gets_304(media_root):
    etag = Client().get("/media/original_images/photo.jpg")["ETag"]
    response = Client().get("/media/original_images/photo.jpg", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert b"".join(response.streaming_content) == b""


def test_if_modified_since_gets_304(media_root):
    last_modified = Client().get("/media/original_images/photo.jpg")["Last-Modified"]
    response = Client().get("/media/original_images/photo.jpg", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 304


def test_a_changed_file_is_served_fresh(media_root):
    etag = Client().get("/media/original_images/photo.jpg")["ETag"]
    (media_root / "original_images" / "photo.jpg").write_bytes(b"new picture" * 100)
    response = Client().get("/media/original_images/photo.jpg", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"new picture" * 100


def test_a_file_uploaded_after_start_is_served(media_root, home):
    client = Client()
    assert client.get("/media/original_images/later.png").status_code == 404
    (media_root / "original_images" / "later.png").write_bytes(b"\x89PNG later")
    response = client.get("/media/original_images/later.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


@pytest.mark.parametrize(
    "url",
    ["/media/", "/media/original_images/", "/media/original_images", "/media/images/", "/media"],
)
def test_folders_are_never_listed(media_root, url, home):
    response = Client().get(url, follow=True)
    assert response.status_code == 404
    assert b"photo.jpg" not in response.content


@pytest.mark.parametrize(
    "url",
    [
        "/media/../settings.py",
        "/media/original_images/../../settings.py",
        "/media/%2e%2e/settings.py",
        "/media/original_images/%2e%2e/%2e%2e/settings.py",
        "/media/..%2fsettings.py",
        "/media/..%5csettings.py",
        "/media//etc/passwd",
    ],
)
def test_path_traversal_gets_404(media_root, url, home):
    response = Client().get(url)
    assert response.status_code == 404
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"do not serve me" not in body
    assert b"root:" not in body


def test_documents_are_not_served_past_wagtails_privacy_checks(media_root, home):
    response = Client().get("/media/documents/report.pdf")
    assert response.status_code == 404
    assert b"private" not in response.content


def test_a_real_rendition_of_an_uploaded_image_is_served(media_root, db):
    image = ImageFactory()
    rendition = image.get_rendition("fill-120x80")
    assert rendition.url.startswith("/media/images/")
    response = Client().get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert "immutable" in response["Cache-Control"]
    original = Client().get(image.file.url)
    assert original.status_code == 200
    assert original["Content-Type"].startswith("image/")


def test_serve_media_off_leaves_media_to_the_proxy(media_root, settings, home):
    settings.SERVE_MEDIA = False
    assert Client().get("/media/original_images/photo.jpg").status_code == 404
