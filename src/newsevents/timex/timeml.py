"""Score the timex finder on TimeML: ``.tml`` files (inline TIMEX3) and MEANTIME's XML.

TempEval-3 style: spans match leniently (any overlap, one-to-one), value accuracy is the exact
TIMEX3 value over matched spans, and the document creation time (DCT) is the publication date.
The DCT itself is given, not found: it is left out of the gold, and a prediction on the DCT's
own characters (MEANTIME puts the dateline among the tokens) is not counted either way.
MEANTIME gives its text as tokens; the text is rebuilt with light detokenisation and a
token → character map, one sentence per line. Gold timexes without tokens (MEANTIME's
"empty" timexes) cannot be found in text and are left out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..config import Options
from .publication import parse_published

TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|’s|\.\.\.)$")
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "“", "‘", "#"})


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class TimeMLDoc:
    name: str
    text: str
    dct: date | None
    gold: list[GoldTimex]
    ignore: list[tuple[int, int]] = field(default_factory=list)
    """Character spans not scored (the DCT's own text)."""
    scored_until: int | None = None
    """Predictions starting at or after this offset are not scored (outside the annotated part)."""


# --- MEANTIME ------------------------------------------------------------------------------


def _detokenise(tokens: list[tuple[str, str, int]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Rebuild text from (t_id, token, sentence); return it and t_id → (start, end)."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    previous_sentence: int | None = None
    previous = ""
    open_quote = False
    for t_id, word, sentence in tokens:
        sep = ""
        if previous_sentence is not None:
            if sentence != previous_sentence:
                sep = "\n"
            elif not (_NO_SPACE_BEFORE.match(word) or previous in _NO_SPACE_AFTER
                      or (word == '"' and open_quote) or (previous == '"' and open_quote)):
                sep = " "
        if word == '"':
            open_quote = not open_quote
        parts.append(sep)
        pos += len(sep)
        parts.append(word)
        offsets[t_id] = (pos, pos + len(word))
        pos += len(word)
        previous, previous_sentence = word, sentence
    return "".join(parts), offsets


def read_meantime(path: Path) -> TimeMLDoc:
    """One MEANTIME document: tokens rebuilt to text, TIMEX3 markables anchored to tokens."""
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), t.text or "", int(t.get("sentence", "0")))
              for t in root.iter("token")]
    text, offsets = _detokenise(tokens)
    scored_until = _annotated_extent(root, tokens, offsets, len(text))
    gold: list[GoldTimex] = []
    dct: date | None = None
    ignore: list[tuple[int, int]] = []
    for tx in root.iter("TIMEX3"):
        anchors = [offsets[a.get("t_id", "")] for a in tx.iter("token_anchor")
                   if a.get("t_id") in offsets]
        span = (min(a[0] for a in anchors), max(a[1] for a in anchors)) if anchors else None
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = parse_published(tx.get("value"))
            if span:
                ignore.append(span)
            continue
        if span is None:
            continue
        gold.append(GoldTimex(span[0], span[1], tx.get("type", "DATE"), tx.get("value", ""),
                              text[span[0]:span[1]]))
    return TimeMLDoc(path.stem, text, dct, gold, ignore, scored_until)


def _annotated_extent(root: ET.Element, tokens: list[tuple[str, str, int]],
                      offsets: dict[str, tuple[int, int]], length: int) -> int:
    """End of the last sentence holding any markable: MEANTIME annotates only the opening
    sentences of each article, so text after them has no gold to match."""
    sentence_of = {t_id: sentence for t_id, _, sentence in tokens}
    markables = root.find("Markables")
    anchored = [sentence_of[a.get("t_id", "")] for a in (markables.iter("token_anchor")
                if markables is not None else []) if a.get("t_id") in sentence_of]
    if not anchored:
        return length
    last = max(anchored)
    ends = [offsets[t_id][1] for t_id, _, sentence in tokens if sentence == last]
    return max(ends) if ends else length


# --- .tml ----------------------------------------------------------------------------------


def _walk(element: ET.Element, parts: list[str], pos: list[int], gold: list[GoldTimex],
          ignore: list[tuple[int, int]]) -> date | None:
    """Append the element's text to parts, recording TIMEX3 spans; return a DCT found inside."""
    dct: date | None = None
    start = pos[0]
    if element.text:
        parts.append(element.text)
        pos[0] += len(element.text)
    for child in element:
        found = _walk(child, parts, pos, gold, ignore)
        dct = dct or found
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)
    if element.tag == "TIMEX3":
        text = "".join(parts)[start:pos[0]]
        if element.get("functionInDocument") == "CREATION_TIME":
            ignore.append((start, pos[0]))
            return parse_published(element.get("value"))
        if text.strip():
            gold.append(GoldTimex(start, pos[0], element.get("type", "DATE"),
                                  element.get("value", ""), text))
    return dct


def read_tml(path: Path) -> TimeMLDoc:
    """A TimeML file: the TEXT element's content (else the whole document) and its TIMEX3s."""
    root = ET.parse(path).getroot()
    dct: date | None = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = parse_published(tx.get("value"))
            break
    body = root.find(".//TEXT")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    ignore: list[tuple[int, int]] = []
    inner = _walk(body if body is not None else root, parts, [0], gold, ignore)
    return TimeMLDoc(path.stem, "".join(parts), dct or inner, gold, ignore)


def read_documents(path: str | Path) -> Iterator[TimeMLDoc]:
    """Every .tml file under path, and MEANTIME XML (its intra-doc_annotation folder only)."""
    base = Path(path)
    files = [base] if base.is_file() else sorted(base.rglob("*"))
    for file in files:
        if file.suffix == ".tml":
            yield read_tml(file)
        elif file.suffix == ".xml" and _is_meantime(file, base):
            yield read_meantime(file)


def _is_meantime(file: Path, base: Path) -> bool:
    if "intra_cross-doc_annotation" in file.parts:
        return False
    with file.open("rb") as handle:
        head = handle.read(400)
    return b"<Document" in head


# --- scoring -------------------------------------------------------------------------------


@dataclass
class _Tally:
    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0
    correct: int = 0

    def report(self) -> dict[str, Any]:
        p = self.matched_predicted / self.predicted if self.predicted else 0.0
        r = self.matched_gold / self.gold if self.gold else 0.0
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched_gold,
            "timex_span_precision": round(p, 4),
            "timex_span_recall": round(r, 4),
            "timex_span_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "timex_value_accuracy": round(self.correct / self.matched_gold, 4)
            if self.matched_gold else 0.0,
        }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def match(gold: list[GoldTimex], predicted: list[Any]) -> list[tuple[GoldTimex, Any]]:
    """One-to-one lenient matching: largest overlaps first."""
    pairs = sorted(
        ((_overlap((g.start, g.end), (p.start, p.end)), gi, pi)
         for gi, g in enumerate(gold) for pi, p in enumerate(predicted)
         if _overlap((g.start, g.end), (p.start, p.end)) > 0),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[GoldTimex, Any]] = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold[gi], predicted[pi]))
    return out


def _predict(docs: list[TimeMLDoc], options: Options | None) -> Iterable[list[Any]]:
    from ..nlp import load_model
    from .extract import find_timexes

    nlp = load_model(options.model if options else None)
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        records = find_timexes(parsed, doc.dct)
        limit = doc.scored_until if doc.scored_until is not None else len(doc.text)
        yield [r.timex for r in records if r.timex.start < limit
               and not any(_overlap((r.timex.start, r.timex.end), span) > 0 for span in doc.ignore)]


def evaluate_timeml(path: str | Path, options: Options | None = None) -> dict[str, Any]:
    """Span P/R/F1 (lenient), value accuracy over matched spans, by type, top value errors."""
    docs: list[TimeMLDoc] = []
    skipped = 0
    for doc in read_documents(path):
        if doc.dct is None:
            skipped += 1
            continue
        docs.append(doc)
    total = _Tally()
    by_type = {t: _Tally() for t in TYPES}
    errors: Counter[tuple[str, str, str]] = Counter()
    for doc, predicted in zip(docs, _predict(docs, options), strict=True):
        _score(doc, predicted, total, by_type, errors)
    report = total.report()
    report.update({
        "documents": len(docs),
        "skipped": skipped,
        "by_type": {t: tally.report() for t, tally in by_type.items()},
        "value_errors": [
            {"gold": g, "predicted": p, "text": t, "count": n}
            for (g, p, t), n in errors.most_common(20)
        ],
    })
    return report


def _score(doc: TimeMLDoc, predicted: list[Any], total: _Tally, by_type: dict[str, _Tally],
           errors: Counter[tuple[str, str, str]]) -> None:
    total.gold += len(doc.gold)
    total.predicted += len(predicted)
    for g in doc.gold:
        by_type.setdefault(g.type, _Tally()).gold += 1
    for p in predicted:
        by_type.setdefault(p.type, _Tally()).predicted += 1
    for g, p in match(doc.gold, predicted):
        total.matched_gold += 1
        total.matched_predicted += 1
        by_type[g.type].matched_gold += 1
        by_type[p.type].matched_predicted += 1
        if p.value == g.value:
            total.correct += 1
            by_type[g.type].correct += 1
        else:
            errors[(g.value, str(p.value), " ".join(g.text.split()))] += 1


def format_timeml_report(report: dict[str, Any]) -> str:
    """A readable table: totals, the per-type breakdown and the most common value errors."""
    lines = [
        f"TimeML timexes: {report['documents']} documents ({report['skipped']} skipped: no DCT)",
        f"{'type':<10}{'gold':>6}{'pred':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}{'value':>8}",
    ]
    rows = [("ALL", report), *report["by_type"].items()]
    for name, r in rows:
        lines.append(
            f"{name:<10}{r['gold']:>6}{r['predicted']:>6}{r['matched']:>7}"
            f"{r['timex_span_precision']:>8.3f}{r['timex_span_recall']:>8.3f}"
            f"{r['timex_span_f1']:>8.3f}{r['timex_value_accuracy']:>8.3f}"
        )
    if report["value_errors"]:
        lines.append("")
        lines.append("most common value errors (gold → predicted, text):")
        for e in report["value_errors"]:
            lines.append(f"  {e['count']:>3}  {e['gold']} → {e['predicted']}  “{e['text']}”")
    return "\n".join(lines)
