"""The text layer of a PDF (pypdf), with running headers, footers and page numbers removed."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from recoupe.errors import Code, IngestError
from recoupe.extract.reflow import reflow

log = logging.getLogger(__name__)
_PAGE_NUMBER = re.compile(r"^\s*(page\s*)?\d{1,4}(\s*(/|sur|of)\s*\d{1,4})?\s*$", re.IGNORECASE)
_HYPHEN_BREAK = re.compile(r"(\w)-\n(\w)")
_MIN_LETTERS = 20


def pdf_text(data: bytes) -> str:
    """Text of every page, pages separated by a blank line. Raises for scans and broken files."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(Code.BAD_PDF, f"cannot parse the PDF: {exc}") from exc
    except Exception as exc:  # pypdf is third-party: a crafted file breaks it anywhere
        raise IngestError(
            Code.BAD_PDF, f"cannot parse the PDF ({type(exc).__name__}: {exc})"
        ) from exc
    pages = _drop_running_lines(pages)
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    text = reflow(_HYPHEN_BREAK.sub(r"\1\2", text))
    if sum(ch.isalpha() for ch in text) < _MIN_LETTERS:
        raise IngestError(
            Code.PDF_NO_TEXT,
            "the PDF has no text layer (a scan?): run OCR on it first (e.g. ocrmypdf), then ingest",
        )
    return text


def _drop_running_lines(pages: list[str]) -> list[str]:
    """Remove page numbers and lines repeated on most pages (running headers and footers)."""
    split = [page.splitlines() for page in pages]
    counts = Counter(line.strip() for lines in split for line in set(lines) if line.strip())
    threshold = max(3, (len(pages) + 1) // 2)
    running = {line for line, count in counts.items() if count >= threshold}
    return [
        "\n".join(
            line for line in lines if line.strip() not in running and not _PAGE_NUMBER.match(line)
        )
        for lines in split
    ]
