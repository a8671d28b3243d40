"""The public API: ``newsevents.__all__`` is exactly the public names, each importable and
documented in docs/api.md; the errors and records are exported; enumerated fields are typed."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from types import ModuleType
from typing import get_args, get_type_hints

import pytest

import newsevents
from newsevents import errors, model
from newsevents.ingest import Failure

API_DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"
PUBLIC_NAMES = {
    "__version__", "extract", "Pipeline", "Options", "load_options",
    # records
    "Extraction", "Article", "Event", "Actor", "DateValue", "Timex", "Place", "Quote",
    "Trigger", "Evidence", "Attribution", "Magnitude", "Span", "Coder",
    # enumerated values
    "EventType", "Modality", "Polarity", "DateBasis", "Precision", "ActorKind", "QuoteKind",
    "PlacePrecision",
    # failures and errors
    "Failure", "NewsEventsError", "InputError", "EmptyInputError", "BinaryInputError",
    "EncodingError", "TooLargeError", "LanguageNotSupportedError", "NoArticleError",
    "MalformedRecordError", "InputNotFoundError", "CodingError", "ModelNotFoundError",
    "LexiconError", "MissingExtraError", "StoreError", "StoreNotFoundError",
    "ReadOnlyStoreError", "UnsupportedStoreError", "StoreUnreachableError", "FilterError",
    "UnreadableInputError", "UnsupportedInputError", "NoSentencesError",
}
NOT_API = {"annotations", "TYPE_CHECKING"}


def test_all_lists_exactly_the_public_names() -> None:
    assert set(newsevents.__all__) == PUBLIC_NAMES
    assert len(newsevents.__all__) == len(PUBLIC_NAMES)


def test_no_public_attribute_is_left_out_of_all() -> None:
    public = {name for name, value in vars(newsevents).items()
              if not name.startswith("_") and not isinstance(value, ModuleType)}
    assert public - NOT_API <= set(newsevents.__all__)


def test_every_name_is_importable() -> None:
    for name in newsevents.__all__:
        namespace: dict[str, object] = {}
        exec(f"from newsevents import {name}", namespace)
        assert namespace[name] is getattr(newsevents, name)


def test_every_name_is_documented_in_api_md() -> None:
    text = API_DOC.read_text(encoding="utf-8")
    missing = [name for name in newsevents.__all__
               if not re.search(rf"`{re.escape(name)}[`(]", text)]
    assert missing == []


def test_every_error_class_is_exported() -> None:
    classes = {name for name, value in vars(errors).items()
               if inspect.isclass(value) and issubclass(value, errors.NewsEventsError)}
    assert classes <= set(newsevents.__all__)


def test_every_error_code_is_documented() -> None:
    text = API_DOC.read_text(encoding="utf-8")
    for name in newsevents.__all__:
        value = getattr(newsevents, name)
        if inspect.isclass(value) and issubclass(value, errors.NewsEventsError):
            assert re.search(rf"`{name}` \| {value.code} \|", text), name


def test_failure_is_the_ingest_record() -> None:
    assert newsevents.Failure is Failure


def test_every_record_is_exported() -> None:
    records = {name for name, value in vars(model).items()
               if inspect.isclass(value) and issubclass(value, model.Record)
               and value is not model.Record}
    assert records <= set(newsevents.__all__)


def test_enumerated_fields_are_typed_with_the_literal_aliases() -> None:
    expected = {
        (model.Event, "type"): model.EventType,
        (model.Event, "modality"): model.Modality,
        (model.Event, "polarity"): model.Polarity,
        (model.DateValue, "basis"): model.DateBasis,
        (model.Timex, "basis"): model.DateBasis,
        (model.DateValue, "precision"): model.Precision | None,
        (model.Timex, "precision"): model.Precision | None,
        (model.Actor, "kind"): model.ActorKind | None,
        (model.Quote, "kind"): model.QuoteKind,
        (model.Place, "precision"): model.PlacePrecision,
    }
    for (record, field), alias in expected.items():
        assert get_type_hints(record)[field] == alias, (record.__name__, field)


def test_the_vocabularies_are_the_aliases_values() -> None:
    assert len(model.PLOVER_TYPES) == 16
    assert get_args(model.EventType) == model.PLOVER_TYPES
    assert get_args(model.Modality) == model.MODALITIES
    assert model.QUOTE_KINDS == ("direct", "indirect", "mixed")


def test_lexicon_values_are_checked_where_they_become_literals() -> None:
    from newsevents.events.intents import intent_table
    from newsevents.events.lexicon import plover_type

    assert plover_type({"id": "x", "type": "assault"}) == "ASSAULT"
    with pytest.raises(errors.LexiconError, match="unknown PLOVER type"):
        plover_type({"id": "x", "type": "ATTACK"})
    assert {t for t, _, _ in intent_table().values()} <= set(model.PLOVER_TYPES)
