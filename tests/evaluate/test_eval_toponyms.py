"""Toponym scoring on hand-made GeoWebNews- and LGL-style files with known answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluate.toponyms import (
    ToponymFormatError,
    distance_km,
    load_toponym_corpus,
    score_toponyms,
)

GWN = """<?xml version="1.0" ?>
<articles>
  <article file="7">
    <title>Floods</title>
    <text>Floods hit Nairobi and Mombasa on Monday, Kenyan officials said.</text>
    <toponyms>
      <toponym><extractedName>Nairobi</extractedName><type>Literal</type>
        <nonLocational>No</nonLocational><start>11</start><end>18</end>
        <latitude>-1.2833</latitude><longitude>36.8167</longitude></toponym>
      <toponym><extractedName>Mombasa</extractedName><type>Literal</type>
        <nonLocational>No</nonLocational><start>23</start><end>30</end>
        <latitude>-4.05</latitude><longitude>39.6667</longitude></toponym>
      <toponym><extractedName>Kenyan</extractedName><type>Non_Literal_Modifier</type>
        <nonLocational>Yes</nonLocational><start>42</start><end>48</end>
        <latitude /><longitude /></toponym>
    </toponyms>
  </article>
</articles>
"""

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="42">
    <dltime>2009-03-20 12:24:52</dltime>
    <text>Alexandria police said the fire spread to Pineville.</text>
    <toponyms count="2">
      <toponym><start>0</start><end>10</end><phrase>Alexandria</phrase>
        <gaztag geonameid="4314550"><name>Alexandria</name><lat>31.3113</lat>
          <lon>-92.4451</lon><country geonameid="6252001">United States</country></gaztag>
      </toponym>
      <toponym><start>42</start><end>51</end><phrase>Pineville</phrase>
        <gaztag geonameid="4336153"><name>Pineville</name><lat>31.3224</lat>
          <lon>-92.4343</lon><country geonameid="6252001">United States</country></gaztag>
      </toponym>
    </toponyms>
  </article>
</articles>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_geowebnews_file_is_read_with_types_and_locational_flags(tmp_path: Path) -> None:
    [doc] = load_toponym_corpus(_write(tmp_path, "gwn.xml", GWN))
    assert doc.id == "7" and len(doc.toponyms) == 3
    assert doc.text[11:18] == "Nairobi"
    assert [t.kind for t in doc.toponyms] == ["Literal", "Literal", "Non_Literal_Modifier"]
    assert [t.locational for t in doc.toponyms] == [True, True, False]
    assert doc.toponyms[2].lat is None


def test_lgl_file_is_read_with_countries_and_dates(tmp_path: Path) -> None:
    [doc] = load_toponym_corpus(_write(tmp_path, "lgl.xml", LGL))
    assert (doc.id, doc.published) == ("42", "2009-03-20")
    assert [t.country for t in doc.toponyms] == ["USA", "USA"]
    assert doc.toponyms[0].kind is None


def test_scores_with_known_answers(tmp_path: Path) -> None:
    docs = load_toponym_corpus(_write(tmp_path, "lgl.xml", LGL))
    places = {"42": [
        {"start": 0, "end": 10, "country": "USA", "lat": 31.31, "lon": -92.44},  # right, near
        {"start": 42, "end": 51, "country": "GBR", "lat": 51.5, "lon": -0.12},   # wrong, far
        {"start": 26, "end": 30, "country": None, "lat": None, "lon": None},     # no gold
    ]}
    report = score_toponyms(docs, places)
    assert report["toponym_recall"] == 1.0
    assert report["toponym_precision"] == round(2 / 3, 4)
    assert report["country_accuracy"] == 0.5
    assert report["within_161km"] == 0.5
    assert report["coordinates_given"] == 1.0


def test_a_place_matches_one_toponym_only(tmp_path: Path) -> None:
    docs = load_toponym_corpus(_write(tmp_path, "lgl.xml", LGL))
    report = score_toponyms(docs, {"42": [{"start": 0, "end": 60, "country": "USA"}]})
    assert report["matched_toponyms"] == 1 and report["toponym_recall"] == 0.5


def test_recall_by_geowebnews_type(tmp_path: Path) -> None:
    docs = load_toponym_corpus(_write(tmp_path, "gwn.xml", GWN))
    report = score_toponyms(docs, {"7": [{"start": 11, "end": 18, "country": "KEN"}]})
    assert report["by_kind"]["Literal"] == {"gold": 2, "matched": 1, "recall": 0.5}
    assert report["by_kind"]["Non_Literal_Modifier"]["recall"] == 0.0
    assert report["locational_recall"] == 0.5


def test_haversine_distance() -> None:
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.1)
    assert distance_km(-1.2833, 36.8167, -1.2833, 36.8167) == 0


def test_not_a_toponym_file_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(ToponymFormatError, match="not GeoWebNews or LGL"):
        load_toponym_corpus(_write(tmp_path, "x.xml", "<records><r/></records>"))
    with pytest.raises(ToponymFormatError, match="not XML"):
        load_toponym_corpus(_write(tmp_path, "y.xml", "plain text"))
