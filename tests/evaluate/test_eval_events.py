from eval_helpers import actor, event, extraction, gold_event

from newsevents.evaluate import event_matches, group_gold, score_document_events, score_gold

MEX = actor("MEX", "GOV", "Claudia Sheinbaum")
USA = actor("USA", "GOV", "Donald Trump")
REJECT_GOLD = gold_event(
    "E1", ["REJECT"], source={"country": "MEX", "sector": ["GOV"]},
    target={"country": "USA"}, date={"earliest": "2025-04-01", "latest": "2025-05-03"},
    modality=["actual"],
)


def test_match_predicate() -> None:
    assert event_matches(event("p", "REJECT", [MEX], [USA]), REJECT_GOLD)
    assert not event_matches(event("p", "ACCUSE", [MEX], [USA]), REJECT_GOLD)
    assert not event_matches(event("p", "REJECT", [USA], [MEX]), REJECT_GOLD)
    assert not event_matches(event("p", "REJECT", [actor("MEX", "MIL")], [USA]), REJECT_GOLD)
    assert not event_matches(event("p", "REJECT", [MEX], []), REJECT_GOLD)
    assert not event_matches(event("p", "REJECT", [MEX], [USA], modality="future"), REJECT_GOLD)


def test_any_actor_on_a_side_may_fit() -> None:
    both = [actor("USA", "GOV"), actor("MEX", "GOV")]
    assert event_matches(event("p", "REJECT", both, [USA]), REJECT_GOLD)


def test_sector_not_checked_when_gold_gives_none() -> None:
    assert event_matches(event("p", "REJECT", [MEX], [actor("USA", "MIL")]), REJECT_GOLD)


def test_date_overlap_by_value_at_precision() -> None:
    # a month value overlaps the gold interval; a day outside it does not
    assert event_matches(event("p", "REJECT", [MEX], [USA], value="2025-04"), REJECT_GOLD)
    assert event_matches(event("p", "REJECT", [MEX], [USA], value="2025"), REJECT_GOLD)
    assert not event_matches(event("p", "REJECT", [MEX], [USA], value="2025-03-31"), REJECT_GOLD)
    assert not event_matches(event("p", "REJECT", [MEX], [USA], value=None), REJECT_GOLD)


def test_date_by_earliest_latest() -> None:
    pred = event("p", "REJECT", [MEX], [USA], value="2025-03",
                 earliest="2025-03-25", latest="2025-04-02")
    assert event_matches(pred, REJECT_GOLD)
    pred = event("p", "REJECT", [MEX], [USA], value="2025-03",
                 earliest="2025-03-01", latest="2025-03-31")
    assert not event_matches(pred, REJECT_GOLD)


def test_no_gold_date_no_modality_means_unchecked() -> None:
    gold = gold_event("E", ["ASSAULT"], source={"country": "RUS"})
    pred = event("p", "ASSAULT", [actor("RUS", "MIL")], value=None, modality="future")
    assert event_matches(pred, gold)


def test_same_event_twice_is_one_match_and_one_false_positive() -> None:
    preds = [event("p1", "REJECT", [MEX], [USA]), event("p2", "REJECT", [MEX], [USA])]
    out = score_document_events(preds, [REJECT_GOLD])
    assert out["matched_required"] == 1
    assert out["false_positives"] == 1
    assert [fp["id"] for fp in out["false_positive_events"]] == ["p2"]


def test_optional_gold_is_neither_true_nor_false_positive() -> None:
    optional = gold_event("E7", ["MOBILIZE"], required=False, source={"country": "MEX"})
    preds = [event("p1", "REJECT", [MEX], [USA]), event("p2", "MOBILIZE", [actor("MEX", "MIL")])]
    gold = group_gold([
        {"doc": "d1", "kind": "article", "published": "2025-05-03"}, REJECT_GOLD, optional,
    ])
    report = score_gold(gold, {"d1": extraction("d1", events=preds)})
    assert report["event_recall"] == 1.0
    assert report["event_precision"] == 1.0  # 1 / (2 − 1 optional)
    assert report["events_false_positives"] == 0
    # missing the optional one costs nothing
    report = score_gold(gold, {"d1": extraction("d1", events=preds[:1])})
    assert report["event_recall"] == 1.0 and report["event_precision"] == 1.0


def test_recall_and_precision_counts() -> None:
    g2 = gold_event("E2", ["AGREE"], source={"country": "USA"}, target={"country": "MEX"})
    gold = group_gold([REJECT_GOLD, {**g2, "doc": "d1"}])
    preds = [event("p1", "REJECT", [MEX], [USA]), event("p2", "ASSAULT", [USA], [MEX]),
             event("p3", "THREATEN", [USA], [MEX])]
    report = score_gold(gold, {"d1": extraction("d1", events=preds)})
    assert report["event_recall"] == 0.5
    assert report["event_precision"] == round(1 / 3, 4)
    assert report["event_f1"] == 0.4
    doc = report["details"][0]["events"]
    assert doc["matches"] == [{"gold": "E1", "prediction": "p1", "required": True}]
    assert [m["id"] for m in doc["misses"]] == ["E2"]
    assert doc["misses"][0]["reason"] == "no prediction of its types"
    assert {fp["type"] for fp in doc["false_positive_events"]} == {"ASSAULT", "THREATEN"}
    assert doc["false_positive_events"][0]["source"] == "USAGOV Donald Trump"


def test_bipartite_matching_where_greedy_fails() -> None:
    # p1 fits both gold events (REJECT in both type lists); p2 fits only E1.
    e1 = gold_event("E1", ["REJECT"], source={"country": "MEX"})
    e2 = gold_event("E2", ["REJECT", "ACCUSE"], source={"country": "MEX"})
    e1_only = gold_event("E1", ["REJECT", "PROTEST"], source={"country": "MEX"})
    preds = [event("p1", "REJECT", [MEX]), event("p2", "PROTEST", [MEX])]
    out = score_document_events(preds, [e1_only, e2])
    assert out["matched_required"] == 2 and out["false_positives"] == 0
    out = score_document_events(preds[:1], [e1, e2])
    assert out["matched_required"] == 1


def test_miss_reason_names_the_failing_field() -> None:
    out = score_document_events([event("p", "REJECT", [MEX], [actor("CAN")])], [REJECT_GOLD])
    assert out["misses"][0]["reason"] == "target differs"


def test_events_not_scored_document_and_missing_extraction() -> None:
    gold = group_gold([
        {"doc": "q", "kind": "article", "published": "2025-01-01", "events_scored": False},
        {"doc": "q", "kind": "quote", "id": "Q1", "contains": "hello", "quote_kind": ["direct"]},
        {**REJECT_GOLD, "doc": "missing"},
    ])
    extra = extraction("q", events=[event("p", "REJECT", [MEX])])
    report = score_gold(gold, {"q": extra, "stray": extraction("stray")})
    assert report["events_required"] == 1 and report["events_predicted"] == 0
    assert report["event_recall"] == 0.0 and report["event_precision"] is None
    assert report["documents_coded"] == 1
    assert report["unscored_documents"] == ["stray"]
