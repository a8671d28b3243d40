"""Wire-style cases for phenomena fixed on 2026-12-03, third session (issue 9): light verbs
of welcome and demands for one's own people put to whoever holds them. Every text was written
for this file; none comes from a corpus. Spec keys as in test_real_news_phenomena.py."""

from __future__ import annotations

import pytest
from event_specs import Analyse, Spec, check_events

CASES: list[tuple[str, str, str, list[Spec], list[Spec]]] = [
    # A light verb with 'welcome' is a host receiving a visitor; a welcome drawn is no visit.
    ("gave_a_welcome_is_hosting",
     "HANOI, May 3 (Wire) - Vietnam gave the visiting Chinese premier a red-carpet welcome on "
     "Friday.",
     "2025-05-03",
     [{"type": "CONSULT", "source": "VNM", "target": "CHN", "date": "2025-05-02"}],
     [{"type": "CONSULT", "source": "CHN"}]),
    ("drew_a_welcome_is_no_visit",
     "PARIS, Feb 3 (Wire) - The truce drew a cautious welcome from European governments on "
     "Sunday.",
     "2025-02-03",
     [],
     [{"type": "CONSULT"}]),
    # A demand for one's own people goes to the state that detained them.
    ("release_demand_goes_to_the_detainer",
     "MANILA, April 14 (Wire) - Chinese coast guard ships detained four Filipino fishermen near "
     "a disputed reef on Sunday. The Philippine foreign ministry demanded the release of the "
     "fishermen on Monday.",
     "2025-04-14",
     [{"type": "REQUEST", "source": "PHL", "target": "CHN"},
      {"type": "COERCE", "source": "CHN", "target": "PHL"}],
     [{"type": "REQUEST", "target": "PHL"}]),
    ("quoted_release_demand_goes_to_the_detainer",
     "TEHRAN, Jan 9 (Wire) - \"We call for the immediate release of our nationals,\" Iran's "
     "foreign ministry spokesman said on Thursday, days after Italian police arrested two "
     "Iranian engineers in Milan.",
     "2025-01-09",
     [{"type": "REQUEST", "source": "IRN", "target": "ITA"}],
     [{"type": "REQUEST", "target": "IRN"}]),
    ("domestic_release_demand_keeps_its_target",
     "NAIROBI, April 14 (Wire) - Kenyan opposition leaders demanded the release of detained "
     "activists on Monday.",
     "2025-04-14",
     [{"type": "REQUEST", "source": "KEN", "target": "KEN"}],
     [{"type": "REQUEST", "target": "CHN"}]),
]


@pytest.mark.parametrize(("text", "published", "must", "must_not"),
                         [pytest.param(*case[1:], id=case[0]) for case in CASES])
def test_session5_phenomenon(analyse: Analyse, text: str, published: str,
                             must: list[Spec], must_not: list[Spec]) -> None:
    check_events(analyse, text, published, must, must_not)
