"""Who said it: speakers by kind (issue 10), each on short wire-style articles written for
these tests (``speaker_cases/``), with must-have and must-not-have speakers, and how each speaker was found
(``Quote.speaker_basis``)."""

from __future__ import annotations

from functools import cache

import pytest
from quote_helpers import HERE, analyse_text, fold

from newsevents.evaluate.quotes import fold_name, speaker_right
from newsevents.model import Quote
from newsevents.quotes.resolve import BASES

CASES_DIR = HERE / "speaker_cases"
ARTICLES = {p.stem: p.read_text(encoding="utf-8") for p in sorted(CASES_DIR.glob("*.txt"))}


@cache
def _quotes(article: str) -> tuple[Quote, ...]:
    return tuple(analyse_text(ARTICLES[article], article_id=article).quotes)


def _quote(article: str, contains: str) -> Quote:
    found = [q for q in _quotes(article) if fold(contains) in fold(q.text)]
    assert found, f"no quote containing {contains!r} in {article}"
    return found[0]


# (article, text the quote contains, accepted speaker names, basis, kind)
CASES = [
    # a document or a pronoun speaks for its issuer or antecedent
    ("docks", "We have waited two years", {"Chittagong Port Workers Federation"},
     "statement-issuer", None),
    ("docks", "8,000 workers had joined", {"Chittagong Port Workers Federation"},
     "coreference", None),
    ("docks", "ships would be diverted", {"shipping ministry"}, "coreference", None),
    ("docks", "visa section would close", {"Japanese Embassy", "Japanese Embassy in Dhaka"},
     "statement-issuer", "organization"),
    ("drought", "aquifers are not coming back",
     {"Institute for Rural Water Security and Climate Adaptation"}, "statement-issuer", None),
    ("trial", "investigators had found property", {"Tunisian anti-corruption authority"},
     "coreference", None),
    ("faya", "dozens of pickup trucks", {"Chad's army", "army"}, "statement-issuer", None),
    ("faya", "spreading false outage reports", {"Airtel"}, "coreference", "organization"),
    # a relative pronoun speaks for its antecedent
    ("docks", "he had been threatened by port officials", {"Rahim Uddin"},
     "relative-antecedent", "person"),
    # descriptions stand for the person they describe
    ("drought", "ranchers had sold a third", {"Laura Whitfield"}, "cue-subject", "person"),
    ("drought", "watching family ranches disappear", {"Laura Whitfield"}, "coreference",
     "person"),
    ("drought", "Nobody in this room", {"Laura Whitfield"}, "coreference", "person"),
    ("drought", "a blank cheque for agribusiness", {"Victor Ramos"}, "cue-subject", "person"),
    ("trial", "He was a generous man", {"Leila Ben Salah"}, "coreference", "person"),
    ("trial", "the family would appeal", {"Youssef Haddad"}, "apposition", "person"),
    ("trial", "My father never took a dinar", {"Youssef Haddad"}, "coreference", "person"),
    ("trial", "the family had received threats", {"Youssef Haddad"}, "coreference", "person"),
    ("faya", "pure propaganda", {"rebels"}, "coreference", "group"),
    ("rally", "No court can take away", {"Samuel Otieno"}, "coreference", "person"),
    ("rally", "judges had followed the constitution", {"Grace Wanjiru"}, "coreference",
     "person"),
    # long institution names whole, no leading "The", no dateline, no list
    ("drought", "a disgrace", {"American Federation of Cattle Breeders and Grain Producers"},
     "cue-subject", "organization"),
    ("drought", "groundwater levels had fallen",
     {"Institute for Rural Water Security and Climate Adaptation"}, "cue-subject", None),
    ("faya", "about 12,000 people had fled", {"Refugee Support Network"}, "cue-subject",
     "organization"),
    ("faya", "farmers would be paid", {"Ghana Cocoa Board"}, "cue-subject", "organization"),
    ("faya", "it had recaptured the oasis town", {"Chad's army"}, "cue-subject", None),
    ("faya", "the whole of the Sahel", {"Defence ministers of several countries"},
     "cue-subject", "group"),
    # an institution is not its country or its parent; a family is not the person
    ("trial", "a test for local governance", {"United Nations development office in Tunisia"},
     "cue-subject", "organization"),
    ("faya", "died in the fighting", {"her family"}, "cue-subject", "group"),
    # direction of attribution
    ("bonds", "The hard years are over", {"Chanda Mwale"}, "coreference", "person"),
    ("docks", "holding the national economy to ransom", {"shipping ministry"}, "cue-subject",
     None),
    ("rally", "until every ballot is counted", {"Samuel Otieno"}, "cue-subject", "person"),
    # headline description
    ("faya", "it has recaptured Faya", {"Chad's army"}, "cue-subject", None),
    # unnamed groups
    ("bonds", "queues at fuel stations", {"Witnesses in Lusaka", "Witnesses"}, "cue-subject",
     "group"),
    ("rally", "the campaign would continue", {"Senior party officials"}, "cue-subject",
     "group"),
]


@pytest.mark.parametrize(("article", "contains", "names", "basis", "kind"), CASES,
                         ids=[f"{c[0]}:{c[1][:30]}" for c in CASES])
def test_speaker(article: str, contains: str, names: set[str], basis: str,
                 kind: str | None) -> None:
    quote = _quote(article, contains)
    assert quote.speaker is not None, contains
    gold = {"speaker": sorted(names)}
    assert speaker_right({"speaker": quote.speaker.to_dict()}, gold), quote.speaker.name
    assert quote.speaker_basis == basis
    if kind is not None:
        assert quote.speaker.kind == kind


# speakers no quote of the article may have: the words of the cue, not who they stand for
MUST_NOT = {
    "docks": ["the statement", "It", "a notice", "The post", "who", "DHAKA",
              "The Japanese Embassy"],
    "drought": ["senator", "Republican", "Democrat", "the report", "The American Federation",
                "The Institute"],
    "trial": ["sociologist", "the former mayor's son", "Karim Haddad", "It", "United Nations"],
    "bonds": ["minister", "The minister"],
    "faya": ["army's statement", "the group", "WhatsApp", "N'DJAMENA", "Chad", "It",
             "Rakia Moussa", "Defence ministers of several countries including Niger, Mali "
             "and Burkina Faso"],
    "rally": ["Peter Kamau", "Kenya's ambassador", "she", "he"],
}


@pytest.mark.parametrize("article", sorted(MUST_NOT))
def test_must_not_have_speakers(article: str) -> None:
    names = {fold_name(q.speaker.name) for q in _quotes(article) if q.speaker is not None}
    for wrong in MUST_NOT[article]:
        assert fold_name(wrong) not in names, wrong


@pytest.mark.parametrize(("article", "contains", "wrong"), [
    ("bonds", "The hard years are over", "Hakainde Hichilema"),  # the president's claim
    ("rally", "until every ballot is counted", "Senior party officials"),  # said after it
    ("trial", "He was a generous man", "Karim Haddad"),          # the man quoted about
    ("trial", "My father never took a dinar", "Karim Haddad"),   # same surname, other man
    ("drought", "a deal was unlikely", "Laura Whitfield"),       # 'Another Republican'
])
def test_must_not_have_speaker_for_quote(article: str, contains: str, wrong: str) -> None:
    speaker = _quote(article, contains).speaker
    assert speaker is None or fold_name(speaker.name) != fold_name(wrong)


@pytest.mark.parametrize(("article", "text"), [
    ("faya", "the winner of the vote"),           # 'declared X the winner': no content
    ("faya", "Chad's army says it has recaptured"),  # 'A says Y; B denies'
    ("docks", "called for an independent mediator"),  # the main clause after 'who said …,'
    ("docks", "DHAKA"),                            # the dateline is no content
])
def test_must_not_have_quotes(article: str, text: str) -> None:
    assert not [q.text for q in _quotes(article) if fold(text) in fold(q.text)]


@pytest.mark.parametrize(("article", "contains"), [
    ("docks", "Japanese firms were monitoring"),  # said in a post on its website that …
    ("trial", "the family would appeal"),         # said outside the courtroom that …
    ("faya", "cotton exports had fallen"),        # said in a communiqué that …
    ("faya", "about 12,000 people had fled"),     # said in a report published on Sunday that …
])
def test_content_after_a_framing_phrase_is_a_quote(article: str, contains: str) -> None:
    assert _quote(article, contains).kind == "indirect"


def test_every_speaker_says_how_it_was_found() -> None:
    for article in ARTICLES:
        for quote in _quotes(article):
            assert (quote.speaker_basis in BASES) if quote.speaker else quote.speaker_basis is None


def test_the_basis_survives_the_record_round_trip() -> None:
    quote = _quote("docks", "We have waited two years")
    assert Quote.from_dict(quote.to_dict()).speaker_basis == "statement-issuer"


@pytest.mark.parametrize(("predicted", "gold"), [
    ("Dr Huw Lewis-Jones", "Huw Lewis-Jones"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ("Sen. Maria Delgado", "maria delgado"),
    ("Prime Minister K.P. Sharma Oli", "K.P. Sharma Oli"),
    ("Mr. Smith", "Smith"),
    ("Rogério Almeida", "Rogerio Almeida"),
])
def test_eval_folds_case_accents_and_titles(predicted: str, gold: str) -> None:
    assert speaker_right({"speaker": {"name": predicted}}, {"speaker": gold})


@pytest.mark.parametrize(("predicted", "gold"), [
    ("President", "Claudia Sheinbaum"),      # a title alone is no name
    ("Maria Delgado", "Thomas Reed"),
    ("United Nations", "United Nations human rights office"),
])
def test_eval_still_tells_speakers_apart(predicted: str, gold: str) -> None:
    assert not speaker_right({"speaker": {"name": predicted}}, {"speaker": gold})
