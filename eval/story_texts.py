"""Whole stories of the public sets as plain articles, the way a user would hand them to recoupe.

Run from the repository root::

    python -m eval.story_texts [OUT_DIR]

The story-dossier evaluation (``eval/dossiers.py``) ingests every article of a story in one
``recoupe ingest`` and scores the export against a gold dossier written blind (``eval/gold/``).
Its inputs are built here from ``../shared/data`` at evaluation time (the texts belong to their
publishers and are never copied into the repository):

``rpm2/TNN/``  RPM2 (French press, 2008): the twenty files of topic NN as they are (first line the
    title, UTF-8 with BOM, CRLF). The corpus gives no publication dates.
``meantime/NAME/``  MEANTIME English (Wikinews): each CAT XML file of ``corpus_NAME`` as text — the
    title, the date line, the body — rebuilt from its tokens; the publication date is the
    ``CREATION_TIME`` TIMEX3.
``ecbplus/NN/``  ECB+ topic NN (both sub-topics): each JSON document's title and text; the
    publication date is ``date_publish``.

Tokenised texts are detokenised with general rules (no space before closing punctuation and
clitics, none after opening brackets, hyphens and slashes glued) so that names, figures and
quotations read as in the original. Each story folder also gets ``manifest.jsonl``: one record per
article (``path``, ``published`` when known, ``language``) for ``recoupe ingest``.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from eval.common import data_dir

OUT = Path(__file__).resolve().parent / "out" / "story-texts"


@dataclass(frozen=True)
class Story:
    """A whole story of a public set: where its articles are and how to read them."""

    key: str  # "rpm2/T03", "meantime/apple", "ecbplus/3"
    language: str

    @property
    def kind(self) -> str:
        return self.key.split("/", 1)[0]

    @property
    def name(self) -> str:
        return self.key.split("/", 1)[1]


_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|'S\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$£€]) ")
_GLUED = re.compile(r"(?<=\w) ([-/]) (?=\w)")


def detokenise(text: str, *, straight_quotes: bool = True) -> str:
    """Undo a tokeniser's spaces around punctuation and inside typographic quotation marks
    (“ x ” → “x”, Apple ’ s → Apple’s); with ``straight_quotes``, straight double quotes of a
    fully tokenised text alternate open/close (ECB+'s texts keep theirs as written)."""
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    text = _GLUED.sub(r"\1", text)
    text = re.sub(r"([“‘«]) ", r"\1", text)
    text = re.sub(r" ([”»])", r"\1", text)
    text = re.sub(r"(\w) ’ ?(s|t|re|ve|ll|d|m)\b", r"\1’\2", text)
    parts = text.split('"')
    if straight_quotes and len(parts) % 2 == 1:  # balanced: odd parts are inside the marks
        parts = [part.strip(" ") if i % 2 else part for i, part in enumerate(parts)]
    out = ['"'.join(parts)]
    return "".join(out).replace("`` ", '"').replace(" ''", '"')


def _meantime_article(path: Path) -> tuple[str, str | None]:
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = {}
    for token in root.findall("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    ordered = [detokenise(" ".join(words)) for _, words in sorted(sentences.items())]
    published = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME" and timex.get("value"):
            published = (timex.get("value") or "")[:10]
    title, rest = (ordered[0], ordered[1:]) if ordered else ("", [])
    dateline, body = (rest[0], rest[1:]) if rest else ("", [])
    return f"{title}\n\n{dateline}\n\n{' '.join(body)}\n", published


def _ecbplus_article(path: Path) -> tuple[str, str | None]:
    record = json.loads(path.read_text(encoding="utf-8"))
    published = None
    raw = str(record.get("date_publish") or "")
    for form in ("%B %d, %Y", "%b %d, %Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            published = datetime.strptime(raw, form).date().isoformat()
            break
        except ValueError:
            continue
    title = detokenise(str(record.get("title") or "").strip(), straight_quotes=False)
    text = detokenise(str(record.get("text") or "").strip(), straight_quotes=False)
    return f"{title}\n\n{text}\n", published


def materialise(story: Story, data: Path, out: Path) -> Path:
    """Write the story's articles and ``manifest.jsonl`` under ``out/<key>``; return that folder."""
    folder = out / story.key
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    records: list[dict[str, str]] = []
    if story.kind == "rpm2":
        sources = sorted(
            (data / "rpm2-fr-multidoc" / "Corpus_RPM2_documents").glob(f"{story.name}_*")
        )
        for source in sources:
            shutil.copyfile(source, folder / source.name)
            records.append({"path": source.name, "language": story.language})
    elif story.kind == "meantime":
        base = data / "meantime-en" / "intra_cross-doc_annotation" / f"corpus_{story.name}"
        for source in sorted(base.glob("*.xml")):
            text, published = _meantime_article(source)
            target = folder / f"{source.stem}.txt"
            target.write_text(text, encoding="utf-8")
            records.append(_record(target.name, published, story.language))
    elif story.kind == "ecbplus":
        base = data / "ecbplus-cdcr" / "by_subtopic"
        sources = sorted(
            [*base.glob(f"{story.name}ecb/*.json"), *base.glob(f"{story.name}ecbplus/*.json")],
            key=lambda p: (p.parent.name, int(re.sub(r"\D", "", p.stem.split("_", 1)[1]) or 0)),
        )
        for source in sources:
            text, published = _ecbplus_article(source)
            target = folder / f"{source.stem}.txt"
            target.write_text(text, encoding="utf-8")
            records.append(_record(target.name, published, story.language))
    else:
        raise ValueError(f"unknown story kind: {story.key}")
    with (folder / "manifest.jsonl").open("w", encoding="utf-8") as manifest:
        for record in records:
            manifest.write(json.dumps(record, ensure_ascii=False) + "\n")
    return folder


def _record(path: str, published: str | None, language: str) -> dict[str, str]:
    record = {"path": path, "language": language}
    if published:
        record["published"] = published
    return record


STORIES = (
    Story("rpm2/T03", "fr"),
    Story("rpm2/T05", "fr"),
    Story("rpm2/T08", "fr"),
    Story("rpm2/T06", "fr"),
    Story("rpm2/T10", "fr"),
    Story("meantime/apple", "en"),
    Story("meantime/airbus", "en"),
    Story("ecbplus/3", "en"),
    Story("ecbplus/11", "en"),
    Story("ecbplus/9", "en"),
    Story("rpm2/T01", "fr"),
    Story("ecbplus/5", "en"),
    Story("rpm2/T04", "fr"),
    Story("rpm2/T02", "fr"),
    Story("ecbplus/13", "en"),
    Story("rpm2/T07", "fr"),
    Story("rpm2/T09", "fr"),
    Story("ecbplus/7", "en"),
    Story("ecbplus/19", "en"),
    Story("ecbplus/21", "en"),
    Story("ecbplus/23", "en"),
    Story("ecbplus/25", "en"),
    Story("ecbplus/27", "en"),
    Story("ecbplus/31", "en"),
    Story("ecbplus/33", "en"),
    Story("ecbplus/35", "en"),
    Story("ecbplus/43", "en"),
    Story("ecbplus/45", "en"),
    Story("ecbplus/1", "en"),
    Story("ecbplus/29", "en"),
    Story("ecbplus/37", "en"),
    Story("ecbplus/39", "en"),
    Story("ecbplus/41", "en"),
)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    data = data_dir()
    if not data.is_dir():
        print(f"no data at {data}: nothing to build")
        return 0
    for story in STORIES:
        folder = materialise(story, data, out)
        print(f"{story.key}: {len(list(folder.glob('*.txt')))} articles in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
