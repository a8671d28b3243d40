"""article_from_text: decoding, refusals with reasons, normalisation, ids and metadata."""

from __future__ import annotations

import codecs

import pytest

from newsevents.config import Options
from newsevents.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    LanguageNotSupportedError,
    MalformedRecordError,
    TooLargeError,
)
from newsevents.ingest import article_from_text, detect_language

ENGLISH = (
    "OSLO, March 4 (Wire) - Norway's foreign minister met his Chilean counterpart in Oslo on "
    "Tuesday and the two governments agreed to resume talks on a fisheries accord,\n"
    "officials said.\n\nThe talks broke down last year over quotas for mackerel."
)
SPANISH = (
    "SANTIAGO, 4 de marzo - El ministro de Relaciones Exteriores de Chile se reunió el martes "
    "con su homólogo noruego y ambos gobiernos acordaron reanudar las conversaciones sobre "
    "un acuerdo pesquero, informaron fuentes oficiales."
)
OPTIONS = Options()


def test_plain_text_becomes_a_normalised_article() -> None:
    article = article_from_text(ENGLISH, source="t", options=OPTIONS)
    assert "accord, officials said." in article.text  # the broken line is repaired
    assert "\n\nThe talks" in article.text  # the paragraph break stays
    assert article.language == "en"
    assert article.published is None and article.published_basis == "unknown"


def test_id_is_the_callers_else_a_hash_of_the_normalised_text() -> None:
    assert article_from_text(ENGLISH, source="t", article_id="a1", options=OPTIONS).id == "a1"
    first = article_from_text(ENGLISH, source="t", options=OPTIONS).id
    folded = article_from_text(ENGLISH.replace(" the two", "  the  two"), source="t",
                               options=OPTIONS).id
    assert len(first) == 16 and int(first, 16) >= 0
    assert first == folded


def test_metadata_is_kept_and_published_basis_is_metadata() -> None:
    article = article_from_text(
        ENGLISH, source="t", published="2025-03-04", url="https://example.org/a",
        title="Talks resume", outlet="Wire", options=OPTIONS,
    )
    assert (article.published, article.published_basis) == ("2025-03-04", "metadata")
    assert (article.url, article.title, article.outlet) == (
        "https://example.org/a", "Talks resume", "Wire")


def test_datetime_with_offset_is_accepted_and_nonsense_refused() -> None:
    article = article_from_text(ENGLISH, source="t", published="2025-03-04T09:30:00+01:00",
                                options=OPTIONS)
    assert article.published == "2025-03-04T09:30:00+01:00"
    with pytest.raises(MalformedRecordError, match="not an ISO date"):
        article_from_text(ENGLISH, source="t", published="March 4", options=OPTIONS)


@pytest.mark.parametrize(
    ("codec", "bom"),
    [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
     ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("utf-16-be", b"")],
)
def test_bytes_in_utf8_or_utf16_are_decoded(codec: str, bom: bytes) -> None:
    article = article_from_text(bom + ENGLISH.encode(codec), source="t", options=OPTIONS)
    assert article.text == article_from_text(ENGLISH, source="t", options=OPTIONS).text


def test_invalid_utf8_is_refused_with_what_to_do() -> None:
    data = "Chile's minister said the café talks would resume.".encode("latin-1")
    with pytest.raises(EncodingError) as caught:
        article_from_text(data, source="latin.txt", options=OPTIONS)
    message = str(caught.value)
    assert "latin.txt" in message and "UTF-8" in message and "re-encode" in message
    assert caught.value.offset == data.index(b"\xe9")


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
     bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50 + b"some text"],
)
def test_binary_bytes_are_refused(data: bytes) -> None:
    with pytest.raises(BinaryInputError, match="binary"):
        article_from_text(data, source="blob", options=OPTIONS)


def test_binary_text_is_refused() -> None:
    with pytest.raises(BinaryInputError):
        article_from_text("abc\x00def" * 10, source="s", options=OPTIONS)


@pytest.mark.parametrize("text", ["", "   \n\t \n", b"", b"\n\n", "\u200b\u200b"])
def test_empty_input_is_refused(text: str | bytes) -> None:
    with pytest.raises(EmptyInputError, match=r"empty|no visible text"):
        article_from_text(text, source="e", options=OPTIONS)


def test_text_over_the_limit_is_refused_with_the_limit_and_the_option() -> None:
    options = Options(max_bytes=1000)
    with pytest.raises(TooLargeError) as caught:
        article_from_text(ENGLISH * 10, source="big", options=options)
    assert "1,000 bytes" in str(caught.value) and "--max-bytes" in str(caught.value)
    with pytest.raises(TooLargeError):
        article_from_text((ENGLISH * 10).encode(), source="big", options=options)


def test_limit_counts_utf8_bytes_not_characters() -> None:
    text = "Chile's minister met officials in Valparaíso on Tuesday. " * 10
    assert len(text) < len(text.encode())
    with pytest.raises(TooLargeError):
        article_from_text(text, source="t", options=Options(max_bytes=len(text)))


def test_spanish_is_refused_as_language_not_supported() -> None:
    with pytest.raises(LanguageNotSupportedError, match="language not supported: detected 'es'"):
        article_from_text(SPANISH, source="es.txt", options=OPTIONS)


def test_language_check_can_be_turned_off() -> None:
    article = article_from_text(SPANISH, source="es", options=Options(language_check=False))
    assert article.language == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Sheinbaum rejects Trump offer.",
        "Netanyahu, Gallant and Halevi met in Tel Aviv with Blinken and Austin.",
        "KYIV, Ukraine (AP) - Zelenskyy said Russia launched 40 drones at Kharkiv overnight.",
        "Erdogan, Putin talk by phone: Ankara",
    ],
)
def test_short_english_with_many_names_is_not_refused(text: str) -> None:
    assert article_from_text(text, source="s", options=OPTIONS).language == "en"


def test_detect_language_samples_the_start_quickly() -> None:
    assert detect_language(SPANISH * 5000)[0] == "es"
