"""The hiring pledge certificate as a tagged PDF (A4, PDF/UA-1), made by WeasyPrint from HTML.

The page is employers/templates/employers/pdf/certificate.html (its strings translatable, its lang and dir
those of the active language) styled by employers/certificate.css. WeasyPrint writes a structure
tree (headings, paragraphs, the list of commitments, the link), marks the PDF as tagged and gives
it the document's language and title, so screen readers read it in order.

Text is shaped and laid out by Pango and HarfBuzz: Arabic letters join and right-to-left runs are
ordered as in a browser, and the PDF stores the text as typed. Names print in DejaVu Sans,
shipped in employers/fonts/ (Latin, Greek, Cyrillic, Arabic, Hebrew, Armenian, Georgian); letters
it lacks come from the fonts fontconfig knows, Noto Sans CJK for Chinese, Japanese and Korean
(Debian's fonts-noto-cjk, which scripts/system-packages.sh installs with Pango). Every font is
embedded, as the subset of glyphs the certificate uses.

Nothing is fetched from outside: the only addresses the page loads are the two font files.
"""

import logging
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.template.loader import render_to_string
from PIL import ImageFile

logger = logging.getLogger(__name__)

try:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher
except OSError as error:
    # WeasyPrint loads Pango when imported. Without it (a machine where scripts/system-packages.sh
    # could not run) the site still starts and the certificate page still shows; only the PDF
    # answers that it cannot be made here.
    MISSING_LIBRARIES = str(error)
    URLFetcher = object
    logger.warning("The certificate PDF cannot be made: %s (see scripts/system-packages.sh)", error)
else:
    MISSING_LIBRARIES = ""

# Importing WeasyPrint turns on Pillow's loading of truncated images for the whole process
# (weasyprint/images.py). Uploaded pictures must still be refused when cut short
# (tests/portal/test_image_uploads.py), and the certificate draws no image, so it goes back off.
ImageFile.LOAD_TRUNCATED_IMAGES = False


class CertificateUnavailable(RuntimeError):
    """The libraries that draw the PDF are missing on this server."""


HERE = Path(__file__).resolve().parent
FONTS = HERE / "fonts"
STYLESHEET = HERE / "certificate.css"


class _ShippedFontsOnly(URLFetcher):
    """Loads the fonts in employers/fonts/ and nothing else (no network, no other local file)."""

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        path = Path(url2pathname(parts.path)).resolve() if parts.scheme == "file" else None
        if path is None or path.parent != FONTS or not path.is_file():
            raise ValueError(f"The certificate loads only its own fonts, not {url}")
        return super().fetch(url, headers)


def certificate_pdf(pledge, verification_url):
    """The certificate of an active pledge as PDF bytes; the caller checks it may be shown."""
    if MISSING_LIBRARIES:
        raise CertificateUnavailable(MISSING_LIBRARIES)
    html = render_to_string(
        "employers/pdf/certificate.html",
        {
            "pledge": pledge,
            "employer": pledge.employer,
            "commitments": list(pledge.commitments.select_related("commitment")),
            "verification_url": verification_url,
        },
    )
    fetcher = _ShippedFontsOnly()
    fonts = FontConfiguration()
    stylesheet = CSS(filename=STYLESHEET, font_config=fonts, url_fetcher=fetcher)
    document = HTML(string=html, base_url=STYLESHEET.as_uri(), url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet], font_config=fonts, pdf_variant="pdf/ua-1")
