"""Analyses of the graph's shape with networkx: central problems, communities of targets, co-occurring
categories and similar targets, all over the target-problem graph of ``subgraph.py``."""

from graph.analysis.central import central_problems
from graph.analysis.communities import communities
from graph.analysis.cooccurrence import co_occurrence
from graph.analysis.subgraph import ProblemGraph, load
from graph.analysis.targets import find_target, similar_targets

__all__ = ["ProblemGraph", "central_problems", "co_occurrence", "communities", "find_target", "load",
           "similar_targets"]
