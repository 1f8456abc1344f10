"""Error codes: every failure a user can meet carries one, with a message that says what to do."""

from __future__ import annotations

from enum import StrEnum

# Exit statuses of every command.
EXIT_SOME_FAILED = 1  # some documents (or the thing asked for) failed; the rest was done
EXIT_USAGE = 2  # the command was called wrongly: nothing was done
EXIT_FAILED = 3  # recoupe itself failed (the dossier cannot be opened or written, or a bug)


class Code(StrEnum):
    """Per-document error codes (stable: exported in ``errors[].code``)."""

    NOT_FOUND = "not_found"  # the path does not exist
    UNREADABLE = "unreadable"  # the OS refused to read it
    NOT_REGULAR = "not_regular_file"  # a named pipe, device or socket (unless allowed)
    EMPTY = "empty"  # nothing in it, or only white space
    BINARY = "binary"  # not text, and not a format recoupe reads
    UNSUPPORTED = "unsupported"  # a file type recoupe does not read
    TOO_LARGE = "too_large"  # over the size cap
    BAD_GZIP = "bad_gzip"  # named .gz but not gzip, or truncated
    BAD_PDF = "bad_pdf"  # the PDF cannot be parsed
    PDF_NO_TEXT = "pdf_no_text"  # a PDF without a text layer (scanned)
    BAD_RECORD = "bad_record"  # a jsonl line that is not a valid document record
    PATH_OUTSIDE = "path_outside"  # a record's path leaves the record file's folder
    BAD_WARC = "bad_warc"  # a WARC file that cannot be read
    NO_TEXT = "no_text"  # the page was read but holds no article text
    BAD_URL = "bad_url"  # not an http(s) URL
    PRIVATE_ADDRESS = "private_address"  # the URL points at a loopback/private/link-local host
    UNREACHABLE = "unreachable"  # DNS failure, refused connection, time-out
    HTTP_ERROR = "http_error"  # the server answered with an error status
    TOO_MANY_REDIRECTS = "too_many_redirects"
    BAD_CONTENT_TYPE = "bad_content_type"  # the server sent something that is not a page or feed
    INTERNAL = "internal"  # a bug in recoupe: please report it
    ANALYSIS_FAILED = "analysis_failed"  # stored, but a per-document stage failed on it (a bug)
    CORPUS_STEP_FAILED = "corpus_step_failed"  # a dossier-wide step failed (a bug); the rest built


class RecoupeError(Exception):
    """Base class of recoupe's own errors; ``code`` says which, ``str()`` says how to fix it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class IngestError(RecoupeError):
    """One document could not be read or cleaned. The rest of the batch goes on."""

    def __init__(self, code: Code, message: str) -> None:
        super().__init__(str(code), message)


class UsageError(RecoupeError):
    """The command was called wrongly (exit status 2)."""

    def __init__(self, message: str) -> None:
        super().__init__("usage", message)


class StoreError(RecoupeError):
    """The dossier database cannot be opened or written."""

    def __init__(self, message: str) -> None:
        super().__init__("store", message)
