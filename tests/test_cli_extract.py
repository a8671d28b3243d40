"""``newsevents extract``: output shapes, exit statuses, and bad inputs beside a good one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.api import extract_paths
from newsevents.cli import _register_all, app
from newsevents.config import Options
from newsevents.errors import LanguageNotSupportedError
from newsevents.ingest import Failure
from newsevents.model import Article

GOOD = (
    "NAIROBI, Feb. 3 (Wire) - Kenya's interior minister said on Monday that police had "
    "arrested twelve people after protests over fuel prices turned violent in the capital.\n\n"
    "Opposition leaders condemned the arrests and called for talks with the government."
)
SECOND = (
    "ACCRA (Wire) - Ghana's president met the head of the regional bloc in Accra on Friday "
    "to discuss security along the northern border, his office said."
)
SPANISH = (
    "NAIROBI, 3 de febrero - El ministro del Interior de Kenia dijo el lunes que la policía "
    "detuvo a doce personas después de que las protestas por el precio del combustible se "
    "volvieran violentas en la capital."
)
NO_ARTICLE_HTML = (
    "<html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a></nav>"
    "<form><input name='user'><button>Sign in</button></form></body></html>"
)

_register_all()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_one_text_file_gives_one_extraction_object(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "kenya.txt", GOOD)
    result = runner.invoke(app, ["extract", path, "--published", "2025-02-03",
                                 "--outlet", "Wire"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"article", "events", "quotes", "timexes", "places", "coder"}
    assert data["article"]["id"] == "kenya"
    assert data["article"]["published"] == "2025-02-03"
    assert data["article"]["published_basis"] == "metadata"
    assert data["article"]["outlet"] == "Wire"
    assert isinstance(data["events"], list)


def test_several_files_give_an_array_and_jsonl_one_per_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    paths = [_write(tmp_path, "a.txt", GOOD), _write(tmp_path, "b.txt", SECOND)]
    result = runner.invoke(app, ["extract", *paths])
    assert result.exit_code == 0, result.output
    assert [e["article"]["id"] for e in json.loads(result.stdout)] == ["a", "b"]
    result = runner.invoke(app, ["extract", *paths, "--format", "jsonl"])
    lines = result.stdout.splitlines()
    assert [json.loads(line)["article"]["id"] for line in lines] == ["a", "b"]


def test_jsonl_input_gives_an_array_and_names_the_malformed_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = _write(tmp_path, "batch.jsonl", "\n".join([
        json.dumps({"id": "k1", "text": GOOD, "published": "2025-02-03"}),
        '{"id": "k2", "text": ',
        json.dumps({"id": "g1", "text": SECOND}),
    ]) + "\n")
    result = runner.invoke(app, ["extract", path])
    assert result.exit_code == 1
    assert [e["article"]["id"] for e in json.loads(result.stdout)] == ["k1", "g1"]
    assert f"{path}:2" in result.stderr and "not valid JSON" in result.stderr


def test_output_file(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", GOOD)
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["extract", path, "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["article"]["id"] == "a"


def test_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-"], input=GOOD)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["text"].startswith("NAIROBI")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "Monday"], "not an ISO date"),
        (["--format", "xml"], "xml"),
        (["--max-bytes", "0"], "max-bytes"),
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, tmp_path: Path, args: list[str],
                             message: str) -> None:
    path = _write(tmp_path, "a.txt", GOOD)
    result = runner.invoke(app, ["extract", path, *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_config_with_unknown_option_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", GOOD)
    config = _write(tmp_path, "c.toml", "[newsevents]\nmax_byts = 10\n")
    result = runner.invoke(app, ["extract", path, "--config", config])
    assert result.exit_code == 2
    assert "max_byts" in result.stderr and "Traceback" not in result.output


def test_max_bytes_option_refuses_larger_texts(runner: CliRunner, tmp_path: Path) -> None:
    paths = [_write(tmp_path, "a.txt", GOOD), _write(tmp_path, "b.txt", SECOND)]
    result = runner.invoke(app, ["extract", *paths, "--max-bytes", str(len(SECOND) + 1)])
    assert result.exit_code == 1
    assert [e["article"]["id"] for e in json.loads(result.stdout)] == ["b"]
    assert "a.txt" in result.stderr and "over the limit" in result.stderr


def test_bad_inputs_beside_a_good_one_in_one_call(runner: CliRunner, tmp_path: Path) -> None:
    """Acceptance 5: the good article is coded, each bad one is named with a clear reason,
    the exit status is non-zero and there is no traceback."""
    good = _write(tmp_path, "good.txt", GOOD)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 64)
    big = tmp_path / "huge.txt"
    with big.open("w", encoding="utf-8") as handle:
        for _ in range(30):
            handle.write(GOOD[:1000].ljust(1000) * 1000)
    (tmp_path / "latin1.txt").write_bytes(SPANISH.encode("latin-1"))
    _write(tmp_path, "nav.html", NO_ARTICLE_HTML)
    _write(tmp_path, "spanish.txt", SPANISH)
    bad = {
        "empty.txt": "empty",
        "binary.bin": "binary",
        "huge.txt": "over the limit",
        "latin1.txt": "not valid UTF-8",
        "nav.html": "no article text found in HTML",
        "spanish.txt": "language not supported: detected 'es'",
    }
    args = ["extract", str(tmp_path / "empty.txt"), str(tmp_path / "binary.bin"), str(big),
            good, str(tmp_path / "latin1.txt"), str(tmp_path / "nav.html"),
            str(tmp_path / "spanish.txt")]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert [e["article"]["id"] for e in json.loads(result.stdout)] == ["good"]
    failed_lines = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed_lines) == len(bad)
    for name, reason in bad.items():
        [line] = [line for line in failed_lines if name in line]
        assert reason in line, line
    assert "1 article(s) coded, 6 input(s) failed" in result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_all_inputs_failing_still_writes_valid_json(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt"),
                                 str(tmp_path / "also-missing.txt")])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert "missing.txt: no such file or directory" in result.stderr


class _StageBug:
    """A pipeline whose batch fails and that cannot code one article."""

    def pipe(self, articles: object) -> object:
        raise RuntimeError("batch failed")

    def __call__(self, article: Article) -> object:
        if article.id == "b":
            raise ValueError("stage bug")
        return article.id


def test_an_article_that_breaks_a_stage_is_a_failure_and_the_rest_go_on(tmp_path: Path) -> None:
    paths = [_write(tmp_path, n, GOOD) for n in ("a.txt", "b.txt", "c.txt")]
    items = list(extract_paths(paths, Options(), pipeline=_StageBug()))  # type: ignore[arg-type]
    assert items[0] == "a" and items[2] == "c"
    assert isinstance(items[1], Failure) and items[1].code == "E500"
    assert "ValueError: stage bug" in items[1].reason


def test_public_extract_api() -> None:
    import newsevents

    extraction = newsevents.extract(GOOD, published="2025-02-03", article_id="k")
    assert (extraction.article.id, extraction.article.published) == ("k", "2025-02-03")
    with pytest.raises(LanguageNotSupportedError):
        newsevents.extract(SPANISH)
