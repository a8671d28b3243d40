"""Grammar word classes as data (lexicons/grammar/*.yml), user grammar files, unknown keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.actors.kb import load_entries_from
from newsevents.config import Options
from newsevents.errors import LexiconError
from newsevents.events.lexicon import load_lexicon
from newsevents.export import cameo_label
from newsevents.lexicons import LEXICON_DIR, builtin_files, file_kind, read_entries
from newsevents.lexicons.wordclasses import (
    _classes,
    use_grammar_files,
    word_class,
    word_values,
)
from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.store.country_codes import cow_code, fips_code


def test_loader_returns_the_classes() -> None:
    assert {"say", "warn", "argue"} <= word_class("reported_speech_verbs")
    assert {"say", "learn", "testify"} <= word_class("dating_report_verbs")
    assert "learn" not in word_class("reported_speech_verbs")
    assert word_class("future_leads") < word_class("future_heads")
    assert {"will", "wo", "may", "must"} <= word_class("future_auxiliaries")
    assert "could" not in word_class("future_auxiliaries")
    assert word_class("negations") == {"never", "not", "n't"}
    assert word_values("number_words")["half"] == 0.5
    assert word_values("count_words")["dozens"] == 24
    assert "a" not in word_values("count_words")
    assert word_values("scale_words")["million"] == 1e6


def test_every_builtin_file_has_known_keys() -> None:
    for path in builtin_files():
        if path.suffix == ".yml":
            read_entries(str(path), file_kind(str(path.relative_to(LEXICON_DIR))))


def test_user_file_adds_and_removes_words(tmp_path: Path) -> None:
    user = tmp_path / "grammar.yml"
    user.write_text("- id: speech_core\n  words: [aver]\n  remove: [write]\n", encoding="utf-8")
    words, _ = _classes((str(user),))
    assert "aver" in words["speech_core"]
    assert "aver" in words["reported_speech_verbs"]  # included classes widen with it
    assert "write" not in words["dating_report_verbs"]
    assert "write" in word_class("speech_core")  # the active (built-in) classes are unchanged


def test_user_file_cannot_invent_a_class(tmp_path: Path) -> None:
    user = tmp_path / "grammar.yml"
    user.write_text("- id: speech_verbz\n  words: [aver]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="no such word class"):
        _classes((str(user),))


def _demands(pipeline: Pipeline, text: str) -> list[str]:
    article = Article(id="g", text=text, published="2024-03-01", published_basis="metadata")
    return [e.rule for e in pipeline.analyse(article).events
            if e.rule.endswith("request/must-clause")]


def test_a_new_speech_verb_makes_a_demand_clause(pipeline: Pipeline, tmp_path: Path) -> None:
    text = "Russia hinted Sudan must return the helicopter."
    assert _demands(pipeline, text) == []
    user = tmp_path / "grammar.yml"
    user.write_text("- id: reported_speech_verbs\n  words: [hint]\n", encoding="utf-8")
    extended = Pipeline(Options(grammar_files=(str(user),)))
    try:
        assert _demands(extended, text)
    finally:
        use_grammar_files(())


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        ("events/verbs", "- id: x/y\n  lemma: hint\n  type: DEMAND\n  cameo: '10'\n  objct: [a]\n"),
        ("actors/user", "- id: ACME\n  name: Acme Corp\n  sectr: BUS\n"),
        ("grammar", "- id: negations\n  word: [nope]\n"),
    ],
)
def test_unknown_key_names_file_entry_and_key(tmp_path: Path, kind: str, body: str) -> None:
    user = tmp_path / f"bad-{kind.replace('/', '-')}.yml"
    user.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        if kind == "events/verbs":
            load_lexicon((str(user),))
        elif kind == "actors/user":
            load_entries_from(str(user))
        else:
            _classes((str(user),))
    message = str(info.value)
    assert user.name in message
    entry_id, key = {"events/verbs": ("x/y", "objct"), "actors/user": ("ACME", "sectr"),
                     "grammar": ("negations", "word")}[kind]
    assert repr(entry_id) in message and repr(key) in message
    assert "known keys" in message


def test_tables_that_were_code() -> None:
    assert cameo_label("1823") is not None
    assert cameo_label("1899") == "Assault"  # an unknown code falls back to its root
    assert fips_code("DEU") == "GM" and cow_code("USA") == 2 and cow_code("PSE") is None
