import json
from datetime import date

from newsevents.evaluate import gold_span, load_gold
from newsevents.evaluate.gold import is_required
from newsevents.model import PLOVER_TYPES
from newsevents.samples import sample_path
from newsevents.text import normalise


def articles() -> list[dict]:
    lines = sample_path().read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_sample_articles_are_complete() -> None:
    arts = articles()
    assert len(arts) >= 48
    assert len({a["id"] for a in arts}) == len(arts)
    for a in arts:
        assert set(a) >= {"id", "title", "outlet", "published", "text"}
        date.fromisoformat(a["published"])
        assert "(Newswire) - " in a["text"][:80], a["id"]


def test_gold_covers_every_sample_and_every_type() -> None:
    gold = load_gold(sample_path("gold.jsonl"))
    arts = {a["id"]: a for a in articles()}
    assert set(gold) == set(arts)
    required_types = {
        t for doc in gold.values() for e in doc.events if is_required(e) for t in e["types"]
    }
    assert required_types == set(PLOVER_TYPES)
    for doc_id, doc in gold.items():
        assert doc.published == arts[doc_id]["published"]
        assert any(is_required(e) for e in doc.events), doc_id


def test_gold_quotes_and_timexes_point_into_the_normalised_text() -> None:
    gold = load_gold(sample_path("gold.jsonl"))
    for a in articles():
        text = normalise(a["text"]).text
        for quote in gold[a["id"]].quotes:
            assert quote["contains"] in text, (a["id"], quote["id"])
        for timex in gold[a["id"]].timexes:
            assert gold_span(text, timex) is not None, (a["id"], timex["id"])
