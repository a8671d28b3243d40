from newsevents.evaluate.matching import (
    match_items,
    match_required_then_optional,
    maximum_matching,
)


def greedy(adjacency: list[list[int]]) -> int:
    taken: set[int] = set()
    for rights in adjacency:
        for r in rights:
            if r not in taken:
                taken.add(r)
                break
    return len(taken)


def test_maximum_matching_beats_greedy() -> None:
    # P0 fits G0 and G1, P1 fits only G0: greedy gives P0→G0 and strands P1.
    adjacency = [[0, 1], [0]]
    assert greedy(adjacency) == 1
    assert maximum_matching(adjacency, 2) == {0: 1, 1: 0}


def test_longer_augmenting_path() -> None:
    adjacency = [[0, 1], [1, 2], [0]]
    assert len(maximum_matching(adjacency, 3)) == 3


def test_empty_inputs() -> None:
    assert maximum_matching([], 0) == {}
    assert maximum_matching([[], []], 3) == {}
    assert match_items([], [1, 2], lambda p, g: True) == {}


def test_required_first_then_optional() -> None:
    preds = ["a", "b", "c"]
    required = ["a"]
    optional = ["a", "b"]
    to_req, to_opt = match_required_then_optional(preds, required, optional, lambda p, g: p == g)
    assert to_req == {0: 0}
    assert to_opt == {1: 1}


def test_required_gets_priority_over_optional() -> None:
    # one prediction fits both a required and an optional gold: it goes to the required one
    to_req, to_opt = match_required_then_optional(["x"], ["x"], ["x"], lambda p, g: True)
    assert to_req == {0: 0} and to_opt == {}
