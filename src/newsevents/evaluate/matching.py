"""One-to-one matching: a maximum bipartite matching by augmenting paths (Kuhn's algorithm).

Gold files are small per document (tens of items), so O(V·E) is plenty and keeps the code
dependency-free and deterministic: predictions and gold items are tried in their given order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

P = TypeVar("P")
G = TypeVar("G")


def maximum_matching(adjacency: Sequence[Sequence[int]], n_right: int) -> dict[int, int]:
    """Maximum matching of left vertices (indexes of ``adjacency``) to right vertices.

    ``adjacency[i]`` lists the right vertices left vertex ``i`` may match. Returns
    ``{left: right}``.
    """
    right_owner: list[int | None] = [None] * n_right

    def augment(left: int, seen: list[bool]) -> bool:
        for right in adjacency[left]:
            if seen[right]:
                continue
            seen[right] = True
            owner = right_owner[right]
            if owner is None or augment(owner, seen):
                right_owner[right] = left
                return True
        return False

    for left in range(len(adjacency)):
        augment(left, [False] * n_right)
    return {left: right for right, left in enumerate(right_owner) if left is not None}


def match_items(
    predictions: Sequence[P], gold: Sequence[G], matches: Callable[[P, G], bool]
) -> dict[int, int]:
    """Maximum one-to-one matching of prediction indexes to gold indexes under ``matches``."""
    adjacency = [[j for j, g in enumerate(gold) if matches(p, g)] for p in predictions]
    return maximum_matching(adjacency, len(gold))


def match_required_then_optional(
    predictions: Sequence[P],
    required: Sequence[G],
    optional: Sequence[G],
    matches: Callable[[P, G], bool],
) -> tuple[dict[int, int], dict[int, int]]:
    """Match predictions to required gold first, then the predictions left over to optional gold.

    Returns two maps of prediction index → index into ``required`` / ``optional``.
    """
    to_required = match_items(predictions, required, matches)
    leftover = [i for i in range(len(predictions)) if i not in to_required]
    partial = match_items([predictions[i] for i in leftover], optional, matches)
    to_optional = {leftover[k]: j for k, j in partial.items()}
    return to_required, to_optional
