from eval_helpers import actor, event

from newsevents.evaluate import parse_records, score_plover

RAW = [
    {"id": "doc", "event": "DOCUMENT"},
    {"id": "r1", "event": "DEMAND", "text": "Japan demanded that China act.",
     "date": "2000-01-01",
     "source": [{"actorText": "Japan", "code": "JAP"}],
     "target": [{"actorText": "China", "code": "CHN", "sector": "GOV"}]},
    {"id": "r2", "event": "FIGHT", "text": "Rebels clashed with troops.",
     "source": [{"code": "SDN", "sector": "REB"}], "target": ""},
    {"id": "r3", "event": "AGREE", "text": "The UN and Italy agreed.",
     "source": [{"code": "IGO"}, {"code": "ITL"}]},
    {"id": "r4", "event": "DISAPPROVE", "text": "Vietnam criticised X.",
     "source": [{"code": "VTN"}], "target": [{"code": "USA"}]},
]


def test_parse_records_maps_old_types_and_codes() -> None:
    records = parse_records(RAW)
    assert [r.id for r in records] == ["r1", "r2", "r3", "r4"]
    assert [r.type for r in records] == ["REQUEST", "ASSAULT", "AGREE", "ACCUSE"]
    assert records[0].source == {"JPN"} and records[0].target == {"CHN"}
    assert records[1].target == frozenset()  # a string target is no target
    assert records[2].source == {"IGO", "ITA"}
    assert records[3].source == {"VNM"}


def test_score_plover() -> None:
    records = parse_records(RAW)
    events = {
        "r1": [event("a", "REQUEST", [actor("JPN", "GOV")], [actor("CHN", "GOV")]),
               event("b", "ACCUSE", [actor("JPN")], [actor("CHN")])],
        "r2": [event("c", "ASSAULT", [actor("SDN", "MIL")], [])],  # wrong source country? no
        "r3": [event("d", "AGREE", [actor("FRA")], [])],
        "r4": [],
    }
    report = score_plover(records, events)
    assert report["records"] == 4
    assert report["type_recall"] == 0.75
    assert report["triple_recall"] == 0.5  # r1 and r2 (SDN among the gold source codes)
    assert report["events_per_record"] == 1.0
    assert report["no_event_rate"] == 0.25
    assert report["confusion"]["REQUEST"] == {"REQUEST": 1, "ACCUSE": 1}
    assert report["confusion"]["ACCUSE"] == {"none": 1}
    assert report["by_type"]["AGREE"]["type_recall"] == 1.0
    assert report["by_type"]["AGREE"]["triple_recall"] == 0.0


def test_triple_needs_target_when_gold_has_one() -> None:
    records = parse_records(RAW[1:2])
    report = score_plover(records, {"r1": [event("a", "REQUEST", [actor("JPN")], [])]})
    assert report["type_recall"] == 1.0 and report["triple_recall"] == 0.0
