from eval_helpers import actor, extraction

from newsevents.evaluate import (
    fold,
    gold_span,
    group_gold,
    quote_matches,
    score_document_quotes,
    score_document_timexes,
    score_gold,
    value_right,
)


def quote(qid: str, text: str, kind: str = "direct", speaker: str | None = None) -> dict:
    return {"id": qid, "article_id": "d1", "kind": kind, "text": text, "start": 0, "end": 1,
            "speaker": actor("MEX", "GOV", speaker) if speaker else None}


def gold_quote(qid: str, contains: str, speaker: object = "Claudia Sheinbaum",
               kinds: tuple[str, ...] = ("direct",), required: bool = True) -> dict:
    return {"doc": "d1", "kind": "quote", "id": qid, "required": required,
            "quote_kind": list(kinds), "speaker": speaker, "contains": contains}


def test_fold() -> None:
    assert fold("“No,  President\nTrump,’ ") == "\"no, president trump,'"


def test_quote_contains_after_folding() -> None:
    pred = quote("q", "‘No, President Trump, the Territory  is\ninviolable.’")
    assert quote_matches(pred, gold_quote("Q1", "the territory is inviolable"))
    assert quote_matches(pred, gold_quote("Q1", "'No, President"))
    assert not quote_matches(pred, gold_quote("Q1", "sovereignty"))
    assert not quote_matches(pred, gold_quote("Q1", "inviolable", kinds=("indirect",)))


def test_quote_scores_and_speaker_accuracy() -> None:
    preds = [
        quote("a", "We can share information but never", speaker="claudia sheinbaum"),
        quote("b", "the territory is inviolable", speaker="Donald Trump"),
        quote("c", "the territory is inviolable", speaker="Claudia Sheinbaum"),
        quote("d", "Something else entirely", speaker="X"),
        quote("e", "remains willing", kind="indirect"),
    ]
    gold = [gold_quote("Q1", "the territory is inviolable"),
            gold_quote("Q2", "We can share information", speaker=["Sheinbaum",
                                                                  "Claudia Sheinbaum"]),
            gold_quote("Q3", "remains willing", kinds=("indirect",), required=False)]
    out = score_document_quotes(preds, gold)
    assert out["matched_required"] == 2
    assert out["matched_optional"] == 1
    assert out["false_positives"] == 2  # the duplicate of Q1 and "Something else"
    # the matcher pairs Q1 with b (first in order); the speaker is judged on that pair
    assert out["speakers_right"] == 1
    assert out["wrong_speakers"] == [
        {"gold": "Q1", "expected": "Claudia Sheinbaum", "predicted": "Donald Trump"}]
    assert [m["id"] for m in out["misses"]] == []


def test_quote_report_keys() -> None:
    gold = group_gold([gold_quote("Q1", "inviolable"), gold_quote("Q2", "never")])
    preds = [quote("a", "It is inviolable", speaker="Claudia Sheinbaum"),
             quote("b", "unrelated", speaker="X")]
    report = score_gold(gold, {"d1": extraction("d1", quotes=preds)})
    assert report["quote_recall"] == 0.5
    assert report["quote_precision"] == 0.5
    assert report["speaker_accuracy"] == 1.0


TEXT = "In early February, talks began. In February, again. Since February 2, more."


def timex(text: str, value: str | None, earliest: str | None = None,
          latest: str | None = None, occurrence: int = 1) -> dict:
    start = -1
    for _ in range(occurrence):
        start = TEXT.find(text, start + 1)
    return {"text": text, "start": start, "end": start + len(text), "type": "DATE",
            "value": value, "earliest": earliest, "latest": latest}


def test_gold_span_occurrence_counts_substrings() -> None:
    assert gold_span(TEXT, {"text": "February"}) == (9, 17)
    assert gold_span(TEXT, {"text": "February", "occurrence": 2}) == (35, 43)
    assert gold_span(TEXT, {"text": "February", "occurrence": 4}) is None
    assert gold_span(TEXT, {"text": "february"}) is None


def test_value_right_by_interval_or_equality() -> None:
    gold = {"value": "2025-02", "earliest": "2025-02-01", "latest": "2025-02-10"}
    assert value_right({"value": "2025-02-05"}, gold)
    assert value_right({"value": "2025-02", "earliest": "2025-01-31",
                        "latest": "2025-02-11"}, gold)  # widened by one day
    assert not value_right({"value": "2025-02"}, gold)  # the whole month is too wide
    assert value_right({"value": "2025-05-03"}, {"value": "2025-05-03"})
    assert not value_right({"value": "2025-05-02"}, {"value": "2025-05-03"})


def test_timex_scores() -> None:
    gold = [
        {"id": "T1", "text": "early February", "value": "2025-02",
         "earliest": "2025-02-01", "latest": "2025-02-10"},
        {"id": "T2", "text": "February", "occurrence": 2, "value": "2025-02"},
        {"id": "T3", "text": "February 2", "value": "2025-02-02"},
        {"id": "T4", "text": "March", "value": "2025-03"},
    ]
    preds = [
        timex("early February", "2025-02", "2025-02-01", "2025-02-10"),
        timex("February", "2025-03", occurrence=2),
        timex("February 2", "2025-02-02"),
    ]
    out = score_document_timexes(TEXT, preds, gold)
    assert out["required"] == 4 and out["matched_required"] == 3
    assert out["values_right"] == 2
    assert out["gold_text_not_found"] == ["T4"]
    assert [w["id"] for w in out["wrong_values"]] == ["T2"]
    gold_docs = group_gold([{**g, "doc": "d1", "kind": "timex"} for g in gold])
    report = score_gold(gold_docs, {"d1": extraction("d1", TEXT, timexes=preds)})
    assert report["timex_recall"] == 0.75
    assert report["timex_value_accuracy"] == round(2 / 3, 4)


def test_timex_one_to_one_and_overlap() -> None:
    # one prediction spanning two gold timexes matches only one of them
    text = "On May 2 and May 3."
    gold = [{"id": "A", "text": "May 2", "value": "2025-05-02"},
            {"id": "B", "text": "May 3", "value": "2025-05-03"}]
    wide = {"start": 3, "end": 18, "value": "2025-05-02"}
    out = score_document_timexes(text, [wide], gold)
    assert out["matched_required"] == 1
