"""CVs: what the portal accepts (checked by content, not by the name or the browser's word) and
how a CV leaves it (a download from the private storage, never a public address).

Accepted: PDF (the file starts with the `%PDF-` signature) and Word .docx (a ZIP archive holding
`[Content_Types].xml` and `word/document.xml`, of reasonable unpacked size so that an archive
built to explode on opening is refused). The extension must agree with the content. The older
binary .doc is refused: its container (OLE2) holds spreadsheets and macros alike, and a check by
signature could not tell them apart; people are asked to save it as .docx or PDF.
"""

import zipfile

from django.http import FileResponse
from django.utils.translation import gettext_lazy as _

MAX_CV_BYTES = 5 * 1024 * 1024
MAX_DOCX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_DOCX_ENTRIES = 1000

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSIONS = {PDF: "pdf", DOCX: "docx"}


class CVRefused(ValueError):
    """The upload is not a CV the portal keeps; the message says why, for the person."""


def _is_docx(upload):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_DOCX_ENTRIES:
                return False
            if sum(entry.file_size for entry in entries) > MAX_DOCX_UNPACKED_BYTES:
                return False
            names = {entry.filename for entry in entries}
            return "[Content_Types].xml" in names and "word/document.xml" in names
    except (zipfile.BadZipFile, OSError, EOFError):
        return False
    finally:
        upload.seek(0)


def checked_type(upload):
    """The content type of an acceptable CV, or CVRefused with the reason in plain words."""
    if upload.size > MAX_CV_BYTES:
        raise CVRefused(_("The file is larger than 5 MB. Please send a smaller file."))
    if upload.size == 0:
        raise CVRefused(_("The file is empty."))
    extension = (upload.name or "").rsplit(".", 1)[-1].lower() if "." in (upload.name or "") else ""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        found = PDF
    elif head.startswith(b"PK\x03\x04") and _is_docx(upload):
        found = DOCX
    else:
        raise CVRefused(_("Send your CV as a PDF or a Word (.docx) file. This file is neither."))
    if extension != EXTENSIONS[found]:
        raise CVRefused(_("The file's name does not match what it contains. Send a .pdf or .docx file."))
    return found


def cv_response(seeker):
    """The CV as a download (the caller has checked access and written the audit entry)."""
    handle = seeker.cv.storage.open(seeker.cv.name, "rb")
    extension = EXTENSIONS.get(seeker.cv_content_type, "bin")
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"CV-{seeker.reference}.{extension}",
        content_type=seeker.cv_content_type or "application/octet-stream",
    )
    # Never kept by a shared cache or the browser's, never run as a page.
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
