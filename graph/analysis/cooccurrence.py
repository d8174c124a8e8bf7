"""Co-occurrence: pairs of problem categories found together in the same inspection more often than chance.

An inspection is one round (or team) at one target; a statement no team is named for counts as an
inspection of its own document. Over the N inspections with a categorised problem, a pair (A, B) found
together in k of them, with A in a and B in b, is expected together a*b/N times if the two were
independent; ``lift`` is k over that, and the p-value the hypergeometric chance of k or more
(scipy.stats.hypergeom). The pairs are the edges of a networkx graph of categories.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx
from scipy.stats import hypergeom

from graph.analysis.models import CategoryPair
from graph.analysis.subgraph import ProblemGraph


def category_graph(graph: ProblemGraph) -> tuple[nx.Graph, int]:
    """(categories with ``count`` = inspections finding each and edges with ``together``, N inspections)."""
    found: dict[str, set[str]] = defaultdict(set)
    for s in graph.statements:
        for inspection in s.inspections:
            found[inspection].add(s.category)
    out = nx.Graph()
    for categories in found.values():
        for category in categories:
            if category in out:
                out.nodes[category]["count"] += 1
            else:
                out.add_node(category, count=1)
        for a, b in combinations(sorted(categories), 2):
            if out.has_edge(a, b):
                out[a][b]["together"] += 1
            else:
                out.add_edge(a, b, together=1)
    return out, len(found)


def co_occurrence(graph: ProblemGraph, *, min_together: int = 2, max_p: float = 0.05) -> tuple[list[CategoryPair], int]:
    """(pairs found together at least ``min_together`` times, more than expected, with p <= ``max_p``;
    the number of inspections). Most significant first."""
    categories, total = category_graph(graph)
    pairs = []
    for u, v, together in categories.edges(data="together"):
        a, b = sorted((u, v))
        a_count, b_count = categories.nodes[a]["count"], categories.nodes[b]["count"]
        expected = a_count * b_count / total
        if together < min_together or together <= expected:
            continue
        p_value = float(hypergeom.sf(together - 1, total, a_count, b_count))
        if p_value > max_p:
            continue
        pairs.append(CategoryPair(a=a, b=b, together=together, a_count=a_count, b_count=b_count,
                                  expected=round(expected, 4), lift=round(together / expected, 4),
                                  p_value=p_value))
    pairs.sort(key=lambda p: (p.p_value, -p.lift, p.a, p.b))
    return pairs, total
