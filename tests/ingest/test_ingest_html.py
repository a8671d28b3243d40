"""article_from_html: main text, title, outlet and date by trafilatura; pages with no article."""

from __future__ import annotations

import pytest

from newsevents.config import Options
from newsevents.errors import EmptyInputError, NoArticleError, TooLargeError
from newsevents.ingest import article_from_html

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Norway and Chile resume fisheries talks | Example Wire</title>
<meta property="article:published_time" content="2025-03-04T08:15:00Z">
<meta property="og:site_name" content="Example Wire">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Norway and Chile resume fisheries talks</h1>
<p>OSLO (Example Wire) - Norway's foreign minister met his Chilean counterpart in Oslo on
Tuesday, and the two governments agreed to resume talks on a fisheries accord, officials said.</p>
<p>The talks broke down last year over mackerel quotas, a ministry spokeswoman told reporters.</p>
</article>
<footer>Subscribe to our newsletter. Copyright 2025 Example Wire.</footer>
</body></html>"""
NO_ARTICLE = """<html><head><title>Sign in</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<form><input name="user"><input name="password" type="password"><button>Sign in</button></form>
</body></html>"""
OPTIONS = Options()


def test_main_text_title_outlet_and_date_come_from_the_page() -> None:
    article = article_from_html(PAGE, source="page.html", options=OPTIONS)
    assert "agreed to resume talks on a fisheries accord" in article.text
    assert "mackerel quotas" in article.text
    assert "Home" not in article.text and "newsletter" not in article.text
    assert article.title == "Norway and Chile resume fisheries talks"
    assert article.outlet == "Example Wire"
    assert (article.published, article.published_basis) == ("2025-03-04", "extracted")


def test_bytes_are_decoded_and_caller_metadata_wins() -> None:
    article = article_from_html(
        PAGE.encode("utf-8"), source="p", published="2025-03-05", title="Given",
        article_id="x1", options=OPTIONS,
    )
    assert (article.published, article.published_basis) == ("2025-03-05", "metadata")
    assert (article.title, article.id) == ("Given", "x1")


def test_declared_charset_is_honoured_when_not_utf8() -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "Oslo on", "Oslo café on")
    article = article_from_html(page.encode("latin-1"), source="p", options=OPTIONS)
    assert "Oslo café on" in article.text


def test_page_without_a_date_has_unknown_basis() -> None:
    page = PAGE.replace('<meta property="article:published_time" '
                        'content="2025-03-04T08:15:00Z">', "")
    article = article_from_html(page, source="p", options=OPTIONS)
    assert article.published is None and article.published_basis == "unknown"


@pytest.mark.parametrize("html", [NO_ARTICLE, "<html><body><p>Page not found</p></body></html>",
                                  "<html></html>"])
def test_html_with_no_article_is_refused(html: str) -> None:
    with pytest.raises(NoArticleError, match="no article text found in HTML"):
        article_from_html(html, source="nav.html", options=OPTIONS)


def test_empty_html_is_refused() -> None:
    with pytest.raises(EmptyInputError):
        article_from_html(b"  \n", source="e.html", options=OPTIONS)


def test_html_over_the_limit_is_refused_before_extraction() -> None:
    with pytest.raises(TooLargeError, match="HTML page"):
        article_from_html(PAGE * 10, source="p", options=Options(max_bytes=100))
