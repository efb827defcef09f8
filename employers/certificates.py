"""The hiring pledge certificate as a PDF (A4), built with ReportLab.

Names are printed in DejaVu Sans, shipped in employers/fonts/ (its licence beside it) and
embedded in every PDF (the subset used): Latin, Greek, Cyrillic, Arabic, Hebrew, Armenian and
Georgian letters print as typed, and come out of the PDF's text as typed. Not covered: CJK and
most Indic scripts (a font that covers them is 10-20 MB).

ReportLab lays text out left to right without joining letters (its own right-to-left module is
not on PyPI), so right-to-left text is joined by arabic-reshaper and put in display order by
python-bidi first, as PDF text is stored: readers (pdftotext, pypdf, screen readers) give it
back in reading order.
"""

import re
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape  # nosec B406 # escapes output text; no XML is parsed

import arabic_reshaper
from bidi import get_display
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

BRAND = colors.HexColor("#14532d")
MUTED = colors.HexColor("#57534e")
MARGIN = 22 * mm
RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew, Arabic, Syriac, Thaana...
FONTS = Path(__file__).resolve().parent / "fonts"
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"


def _register_fonts():
    """Once per process: the regular and bold faces, and <b> in a paragraph picks the bold one."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, FONTS / "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont(BOLD, FONTS / "DejaVuSans-Bold.ttf"))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, BOLD)


def _styles():
    _register_fonts()
    sheet = getSampleStyleSheet()
    base = ParagraphStyle("base", parent=sheet["BodyText"], fontName=FONT)
    heading = ParagraphStyle("heading", parent=sheet["Title"], fontName=BOLD)
    return {
        "eyebrow": ParagraphStyle(
            "eyebrow", parent=base, alignment=TA_CENTER, textColor=MUTED, fontSize=11, leading=14
        ),
        "title": ParagraphStyle(
            "title",
            parent=heading,
            textColor=BRAND,
            fontSize=26,
            leading=32,
            spaceAfter=4 * mm,
        ),
        "employer": ParagraphStyle(
            "employer", parent=heading, fontSize=22, leading=28, spaceBefore=2 * mm, spaceAfter=2 * mm
        ),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER, fontSize=12, leading=16),
        "body": ParagraphStyle("body", parent=base, fontSize=12, leading=16),
        "small": ParagraphStyle("small", parent=base, fontSize=10, leading=13, textColor=MUTED),
    }


def _visual(value):
    """Right-to-left runs joined and in display order; left-to-right text is left as it is."""
    if not RTL.search(value):
        return value
    return get_display(arabic_reshaper.reshape(value))


def _text(value):
    """Paragraph text reads a little markup: escape what users typed so it prints as typed."""
    return escape(_visual(str(value)))


def _attribute(value):
    return escape(str(value), {'"': "&quot;"})


def _labelled(label, value, styles):
    return Paragraph(f"<b>{_text(label)}</b> {_text(value)}", styles["body"])


def _frame(canvas, doc):
    canvas.saveState()
    width, height = A4
    canvas.setStrokeColor(BRAND)
    canvas.setLineWidth(3)
    canvas.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
    canvas.setLineWidth(0.8)
    canvas.rect(13 * mm, 13 * mm, width - 26 * mm, height - 26 * mm)
    canvas.restoreState()


def _day(value):
    return date_format(timezone.localtime(value), "j F Y")


def certificate_pdf(pledge, verification_url):
    """The certificate of an active pledge as PDF bytes; the caller checks it may be shown."""
    employer = pledge.employer
    styles = _styles()
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=_("Fair-chance hiring pledge %(reference)s") % {"reference": pledge.reference},
        author=str(employer.name),
        subject=_("Certificate of a fair-chance hiring pledge"),
        creator="Second Chance Portal",
        lang=get_language() or "en",
        initialFontName=FONT,
    )
    commitments = ListFlowable(
        [
            ListItem(Paragraph(_text(item), styles["body"]), leftIndent=12)
            for item in pledge.commitments.select_related("commitment")
        ],
        bulletType="bullet",
        bulletFontName=FONT,
        start="•",
        leftIndent=12,
    )
    story = [
        Spacer(1, 8 * mm),
        Paragraph(_text(_("Second Chance Portal")), styles["eyebrow"]),
        Paragraph(_text(_("Fair-chance hiring pledge")), styles["title"]),
        Paragraph(_text(_("This certifies that")), styles["centre"]),
        Paragraph(_text(employer.name), styles["employer"]),
        Paragraph(
            _text(
                _("has pledged to give people with criminal records a fair chance at work, and commits to:")
            ),
            styles["centre"],
        ),
        Spacer(1, 6 * mm),
        commitments,
        Spacer(1, 6 * mm),
        _labelled(
            _("When it asks about criminal records:"), employer.get_record_check_stage_display(), styles
        ),
        Spacer(1, 8 * mm),
        _labelled(_("Reference:"), pledge.reference, styles),
        _labelled(
            _("Signed:"),
            _("%(date)s by %(name)s, %(title)s")
            % {
                "date": _day(pledge.signed_at),
                "name": pledge.signatory_name,
                "title": pledge.signatory_title,
            },
            styles,
        ),
        _labelled(_("Valid until:"), _day(pledge.expires_at), styles),
        Spacer(1, 10 * mm),
        Paragraph(
            _text(_("Check that this pledge is still active at:")),
            styles["small"],
        ),
        Paragraph(
            f'<link href="{_attribute(verification_url)}" color="#14532d">'
            f"<u>{_text(verification_url)}</u></link>",
            styles["body"],
        ),
    ]
    doc.build(story, onFirstPage=_frame, onLaterPages=_frame)
    return buffer.getvalue()
