"""Text from documents and file names as it may reach a terminal or an XML file.

Scraped pages and file names can hold control characters: an escape sequence printed raw
recolours, moves or retitles the user's terminal, and most C0 characters make an XML (SVG) file
invalid. Printed, each such character becomes a visible ``\\x1b``-style escape; in XML, the
replacement character.
"""

from __future__ import annotations

import json
import re

import click

# C0 and C1 controls but the line feed and tab, DEL, and the bidirectional overrides that can
# make a line read other than it is
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# what XML 1.0 does not allow in a document
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape instead of acting."""
    return _UNSAFE.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by U+FFFD (escape it as well)."""
    return _NOT_XML.sub("\ufffd", text)


def echo(message: str = "", *, err: bool = False) -> None:
    """Print a line made of text recoupe did not write itself (names, origins, quotes)."""
    click.echo(printable(message), err=err)


def json_line(value: object) -> str:
    """``value`` as one line of JSON, every control character escaped (``\\u001b``, ``\\u009b``):
    JSON leaves the C1 ones raw."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))
