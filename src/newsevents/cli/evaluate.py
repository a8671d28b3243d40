"""``newsevents eval``: score extractions against gold (shared spec/gold-format.md).

Exit status: 0 when scored (and every floor met), 1 when a ``--min-*``/``--max-*`` floor is
missed, 2 on a usage or input error. The floors make ``eval`` a quality gate for CI.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from .render import print_table

FORMATS = ("table", "json")
stdout = Console()
stderr = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    stderr.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


# ---------------------------------------------------------------- floors


def parse_floor(spec: str) -> tuple[str, float]:
    """``KEY=VALUE`` (a minimum) of ``--floor``."""
    key, sep, value = spec.partition("=")
    try:
        if not sep or not key.strip():
            raise ValueError
        return key.strip(), float(value)
    except ValueError:
        raise fail(f"--floor expects KEY=NUMBER (e.g. event_recall=0.75), got {spec!r}") from None


def check_floors(
    report: dict[str, Any], minimums: dict[str, float], maximums: dict[str, float]
) -> list[str]:
    """Messages for every report value below its minimum or above its maximum."""
    failures = []
    for key, bound in minimums.items():
        value = report.get(key)
        if not isinstance(value, int | float) or value < bound:
            failures.append(f"{key} = {value} is below the floor {bound}")
    for key, bound in maximums.items():
        value = report.get(key)
        if not isinstance(value, int | float) or value > bound:
            failures.append(f"{key} = {value} is above the ceiling {bound}")
    return failures


# ---------------------------------------------------------------- rendering


def fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def metrics_table(title: str, rows: list[tuple[str, Any, str]]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("counts", style="dim")
    for name, value, counts in rows:
        table.add_row(name, fmt(value), counts)
    return table


def render_gold(report: dict[str, Any], details: bool) -> None:
    r = report
    rows: list[tuple[str, Any, str]] = [
        ("event_recall", r["event_recall"], f"{r['events_matched']}/{r['events_required']}"),
        ("event_precision", r["event_precision"],
         f"{r['events_matched']}/{r['events_predicted'] - r['events_matched_optional']}"),
        ("event_f1", r["event_f1"], f"{r['events_false_positives']} false positives"),
        ("quote_recall", r["quote_recall"], f"{r['quotes_matched']}/{r['quotes_required']}"),
        ("quote_precision", r["quote_precision"], f"{r['quotes_predicted']} predicted"),
        ("speaker_accuracy", r["speaker_accuracy"], "over matched required quotes"),
        ("timex_recall", r["timex_recall"], f"{r['timexes_matched']}/{r['timexes_required']}"),
        ("timex_value_accuracy", r["timex_value_accuracy"],
         f"{r['timex_values_right']}/{r['timexes_matched']}"),
    ]
    title = f"gold: {r['documents']} documents, {r['documents_coded']} coded"
    stdout.print(metrics_table(title, rows))
    if r.get("missing_documents"):
        stderr.print(f"[yellow]not found:[/] {', '.join(r['missing_documents'])}")
    if details:
        for doc in r["details"]:
            render_gold_details(doc)


def render_gold_details(doc: dict[str, Any]) -> None:
    events = doc.get("events") or {}
    if events.get("misses"):
        table = Table(title=f"{doc['doc']}: missed gold events", title_justify="left")
        for col in ("id", "types", "source", "target", "why", "note"):
            table.add_column(col, overflow="fold", no_wrap=col in ("id", "why"))
        for m in events["misses"]:
            table.add_row(m["id"], "/".join(m["types"]), m["source"], m["target"],
                          m["reason"], shorten(m.get("note") or "", 60))
        stdout.print(table)
    if events.get("false_positive_events"):
        table = Table(title=f"{doc['doc']}: false positive events", title_justify="left")
        for col in ("type", "source", "target", "trigger", "date", "modality", "rule"):
            table.add_column(col, overflow="fold")
        for p in events["false_positive_events"]:
            table.add_row(*(fmt(p.get(c)) for c in
                            ("type", "source", "target", "trigger", "date", "modality", "rule")))
        stdout.print(table)
    render_small_details(doc)


def render_small_details(doc: dict[str, Any]) -> None:
    quotes = doc.get("quotes") or {}
    for miss in quotes.get("misses", []):
        stdout.print(f"{doc['doc']}: missed quote {miss['id']}: {miss['contains']!r}")
    for wrong in quotes.get("wrong_speakers", []):
        stdout.print(f"{doc['doc']}: quote {wrong['gold']}: speaker {wrong['predicted']!r}, "
                     f"expected {wrong['expected']!r}")
    timexes = doc.get("timexes") or {}
    for miss in timexes.get("misses", []):
        stdout.print(f"{doc['doc']}: missed timex {miss['id']}: {miss['text']!r}")
    for wrong in timexes.get("wrong_values", []):
        stdout.print(f"{doc['doc']}: timex {wrong['id']} {wrong['text']!r}: "
                     f"{wrong['predicted']} {wrong['predicted_interval']}, expected "
                     f"{wrong['expected']} {wrong['expected_interval']}")
    for gid in timexes.get("gold_text_not_found", []):
        stdout.print(f"{doc['doc']}: gold timex {gid}: text not found in the document")


def render_plover(report: dict[str, Any], details: bool) -> None:
    r = report
    rows: list[tuple[str, Any, str]] = [
        ("type_recall", r["type_recall"], ""),
        ("triple_recall", r["triple_recall"], ""),
        ("events_per_record", r["events_per_record"], f"{r['events_predicted']} events"),
        ("no_event_rate", r["no_event_rate"], ""),
    ]
    stdout.print(metrics_table(f"PLOVER GSR: {r['records']} records", rows))
    print_table(confusion(r["confusion"], r["by_type"]), stdout)
    if details:
        for d in r["details"]:
            if not d["triple_hit"]:
                got = "; ".join(f"{p['type']} [{p['source']} → {p['target']}] {p['trigger']}"
                                for p in d["predicted"]) or "none"
                stdout.print(f"[bold]{d['id']}[/] gold {d['gold_type']} "
                             f"{d['gold_source']} → {d['gold_target']}; predicted {got}\n"
                             f"  {d['text']}", highlight=False)


def confusion(table_data: dict[str, dict[str, int]], by_type: dict[str, Any]) -> Table:
    columns: list[str] = []
    for row in table_data.values():
        columns += [c for c in row if c not in columns and c != "none"]
    columns.append("none")
    table = Table(title="confusion: gold type (rows) × predicted types (columns)",
                  title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("gold")
    for col in columns:
        table.add_column(col[:4] if col != "none" else "none", justify="right")
    table.add_column("type_R", justify="right")
    table.add_column("triple_R", justify="right")
    for gold, row in table_data.items():
        cells = [str(row.get(c, "")) if row.get(c) else "·" for c in columns]
        stats = by_type.get(gold, {})
        table.add_row(gold, *cells, fmt(stats.get("type_recall")), fmt(stats.get("triple_recall")))
    return table


def emit(report: dict[str, Any], output_format: str, render: Callable[[], None]) -> None:
    if output_format == "json":
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        render()


# ---------------------------------------------------------------- modes


def gold_report(
    gold_path: Path, docs: Path | None, predictions: Path | None, options: Any
) -> dict[str, Any]:
    from ..evaluate import load_gold, load_predictions, score_gold
    from ..evaluate.coding import code_articles, gold_articles

    gold = load_gold(gold_path)
    missing: list[str] = []
    if predictions is not None:
        extractions = load_predictions(predictions)
    else:
        if docs is None or not docs.exists():
            raise fail(f"documents not found: {docs} (give DOCS_DIR, a JSONL of articles, "
                       "or --predictions P.jsonl)")
        articles, missing = gold_articles(gold, docs)
        extractions = {e["article"]["id"]: e for e in code_articles(articles, options)}
    report = score_gold(gold, extractions)
    report["missing_documents"] = missing
    return report


def plover_report(path: Path, options: Any) -> dict[str, Any]:
    from ..evaluate import load_records, score_plover
    from ..evaluate.coding import code_articles, plover_articles

    records = load_records(path)
    if not records:
        raise fail(f"{path}: no PLOVER records with a 'text'")
    events = {e["article"]["id"]: e["events"]
              for e in code_articles(plover_articles(records), options)}
    return score_plover(records, events)


def toponym_report(path: Path, options: Any) -> dict[str, Any]:
    from ..evaluate.coding import code_articles
    from ..evaluate.toponyms import half_of, load_toponym_corpus, score_toponyms
    from ..gazetteer import cities
    from ..model import Article
    from ..text import normalise

    documents = load_toponym_corpus(path)
    normalised = {d.id: normalise(d.text) for d in documents}
    articles = [Article(id=d.id, text=normalised[d.id].text, published=d.published,
                        published_basis="metadata" if d.published else "unknown")
                for d in documents]
    places: dict[str, list[dict[str, Any]]] = {}
    for extraction in code_articles(articles, options):
        offsets = normalised[extraction["article"]["id"]].offsets
        places[extraction["article"]["id"]] = [
            {**p, "start": offsets[p["start"]], "end": offsets[max(p["end"] - 1, p["start"])] + 1}
            for p in extraction["places"]
        ]
    report = score_toponyms(documents, places)
    report["halves"] = {
        half: {k: v for k, v in score_toponyms(
            [d for d in documents if half_of(d.id) == half], places).items() if k != "by_kind"}
        for half in ("A", "B")}
    report["gazetteer"] = cities() is not None
    return report


def render_toponyms(report: dict[str, Any]) -> None:
    r = report
    rows: list[tuple[str, Any, str]] = [
        ("toponym_recall", r["toponym_recall"],
         f"{r['matched_toponyms']}/{r['gold_toponyms']} gold toponyms"),
        ("locational_recall", r["locational_recall"],
         f"{r['matched_locational']}/{r['locational_toponyms']} locational"),
        ("toponym_precision", r["toponym_precision"], f"{r['predicted_toponyms']} predicted"),
        ("country_accuracy", r["country_accuracy"],
         f"{r['country_right']}/{r['with_country']} matched with a gold country"),
        ("within_161km", r["within_161km"],
         f"{r['within']}/{r['with_coordinates']} matched with gold coordinates"),
        ("coordinates_given", r["coordinates_given"], "matched predictions with coordinates"),
        ("mean_error_km", r["mean_error_km"], "over matched with gold coordinates"),
        ("median_error_km", r["median_error_km"], ""),
        ("auc", r["auc"], "area under the log error curve (lower is better)"),
    ]
    stdout.print(metrics_table(f"toponyms: {r['documents']} documents", rows))
    render_halves(r.get("halves") or {})
    if r["by_kind"]:
        kinds = Table(title="recall by GeoWebNews toponym type", title_justify="left")
        for column in ("type", "gold", "matched", "recall"):
            kinds.add_column(column, justify="left" if column == "type" else "right")
        for kind, row in r["by_kind"].items():
            kinds.add_row(kind, str(row["gold"]), str(row["matched"]), fmt(row["recall"]))
        stdout.print(kinds)
    if not r["gazetteer"]:
        stderr.print("note: no city gazetteer (pip install 'newsevents[places]'): cities have "
                      "no country or coordinates, and GeoWebNews has no gold countries")


HALF_KEYS = ("documents", "toponym_recall", "toponym_precision", "country_accuracy",
             "within_161km", "coordinates_given", "mean_error_km", "median_error_km", "auc")


def render_halves(halves: dict[str, dict[str, Any]]) -> None:
    """The two halves of the corpus (by a hash of the document id; tuning used half A)."""
    if not halves:
        return
    table = Table(title="by half (hash of the document id; the places stage was tuned on A)",
                  title_justify="left")
    table.add_column("metric")
    for half in halves:
        table.add_column(half, justify="right")
    for key in HALF_KEYS:
        table.add_row(key, *(fmt(halves[h].get(key)) for h in halves))
    stdout.print(table)


def timeml_report(path: Path, output_format: str) -> dict[str, Any]:
    from ..timex.timeml import evaluate_timeml, format_timeml_report

    report = evaluate_timeml(path)
    if output_format != "json":
        typer.echo(format_timeml_report(report))
    return report


def build_options(model: str | None, config: Path | None) -> Any:
    from ..config import load_options

    return load_options(config, model=model)


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)


def evaluate(
    docs: Annotated[Path | None, typer.Argument(
        help="DOCS_DIR with <doc>.txt/.html files named by the gold's doc ids, or a JSONL "
             "of articles (id, text)")] = None,
    gold: Annotated[Path | None, typer.Option("--gold", help="gold JSONL")] = None,
    predictions: Annotated[Path | None, typer.Option(
        "--predictions", help="saved extractions (JSONL) to score instead of coding DOCS")] = None,
    plover_gsr: Annotated[Path | None, typer.Option(
        "--plover-gsr", help="PLOVER gold standard records: a JSON list, or a folder of them")] = None,
    timeml: Annotated[Path | None, typer.Option(
        "--timeml", help="folder of .tml files or MEANTIME XML")] = None,
    toponyms: Annotated[Path | None, typer.Option(
        "--toponyms", help="GeoWebNews GWN.xml or LGL XML")] = None,
    samples: Annotated[bool, typer.Option(
        "--samples", help="score the shipped sample articles against their gold")] = False,
    output_format: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    details: Annotated[bool, typer.Option(
        "--details", help="print misses and false positives")] = False,
    model: Annotated[str | None, typer.Option("--model", help="spaCy model")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="options TOML")] = None,
    min_event_recall: Annotated[float | None, typer.Option("--min-event-recall")] = None,
    min_event_precision: Annotated[float | None, typer.Option("--min-event-precision")] = None,
    min_quote_recall: Annotated[float | None, typer.Option("--min-quote-recall")] = None,
    min_timex_recall: Annotated[float | None, typer.Option("--min-timex-recall")] = None,
    min_timex_value_accuracy: Annotated[
        float | None, typer.Option("--min-timex-value-accuracy")] = None,
    min_type_recall: Annotated[float | None, typer.Option("--min-type-recall")] = None,
    min_triple_recall: Annotated[float | None, typer.Option("--min-triple-recall")] = None,
    max_events_per_record: Annotated[
        float | None, typer.Option("--max-events-per-record")] = None,
    floor: Annotated[list[str] | None, typer.Option(
        "--floor", help="KEY=MIN on any numeric report key; repeatable")] = None,
) -> None:
    """Score extractions against gold: events, quotes, dates (spec/gold-format.md)."""
    if output_format not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}, not {output_format!r}")
    modes = [m for m, on in (("--gold", gold or samples), ("--plover-gsr", plover_gsr),
                             ("--timeml", timeml), ("--toponyms", toponyms)) if on]
    if len(modes) != 1:
        raise fail("give exactly one of --gold (or --samples), --plover-gsr, --timeml, "
                   f"--toponyms (got {', '.join(modes) or 'none'})")
    minimums = {k: v for k, v in {
        "event_recall": min_event_recall, "event_precision": min_event_precision,
        "quote_recall": min_quote_recall, "timex_recall": min_timex_recall,
        "timex_value_accuracy": min_timex_value_accuracy, "type_recall": min_type_recall,
        "triple_recall": min_triple_recall}.items() if v is not None}
    minimums.update(dict(parse_floor(s) for s in floor or []))
    maximums = {"events_per_record": max_events_per_record} if max_events_per_record else {}
    report = run_mode(gold, docs, predictions, plover_gsr, timeml, toponyms, samples,
                      output_format, details, model, config)
    failures = check_floors(report, minimums, maximums)
    for message in failures:
        stderr.print(f"[bold red]floor missed:[/] {message}", highlight=False)
    if failures:
        raise typer.Exit(1)


def run_mode(
    gold: Path | None, docs: Path | None, predictions: Path | None, plover_gsr: Path | None,
    timeml: Path | None, toponyms: Path | None, samples: bool, output_format: str,
    details: bool, model: str | None, config: Path | None,
) -> dict[str, Any]:
    """Dispatch to the chosen mode; print its report; return it for the floors."""
    from ..evaluate import GoldFormatError
    from ..evaluate.toponyms import ToponymFormatError

    for path in (gold, docs, predictions, plover_gsr, timeml, toponyms, config):
        if path is not None and not path.exists():
            raise fail(f"not found: {path}")
    try:
        if timeml is not None:
            report = timeml_report(timeml, output_format)
            emit(report, output_format, lambda: None)
            return report
        options = build_options(model, config)
        if toponyms is not None:
            report = toponym_report(toponyms, options)
            emit(report, output_format, lambda: render_toponyms(report))
            return report
        if plover_gsr is not None:
            report = plover_report(plover_gsr, options)
            emit(report, output_format, lambda: render_plover(report, details))
            return report
        if samples:
            from ..samples import sample_path

            gold = gold or sample_path("gold.jsonl")
            docs = docs or sample_path("articles.jsonl")
        assert gold is not None
        report = gold_report(gold, docs, predictions, options)
    except (GoldFormatError, ToponymFormatError, json.JSONDecodeError,
            UnicodeDecodeError) as exc:
        raise fail(str(exc)) from None
    emit(report, output_format, lambda: render_gold(report, details))
    return report
