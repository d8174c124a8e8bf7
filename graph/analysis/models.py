"""The answers of the analyses, as pydantic models (the API returns them as they are)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class TargetCount(BaseModel):
    uid: str
    name: str
    label: str = Field(description="Region or Organization.")
    statements: int = Field(description="Statements of the problem about this target.")


class Example(BaseModel):
    issue: str
    text: str
    target: str
    document: str


class Evidence(BaseModel):
    targets: int = Field(description="Distinct targets (regions, bodies) the problem was found at.")
    rounds: int = Field(description="Distinct rounds (or teams, where no round is named) that found it or that "
                                    "a document says raised it before.")
    inspections: int = Field(description="Distinct (round, target) inspections; a document where no team is named.")
    statements: int
    documents: int


class CentralProblem(BaseModel):
    kind: Literal["category", "cluster"]
    key: str = Field(description="The category code, or the cluster's key (its smallest issue id).")
    problem: str = Field(description="The category code, or the wording most of the cluster's statements use.")
    category: str
    evidence: Evidence
    degree_centrality: float = Field(description="Share of all targets that have the problem.")
    pagerank: float = Field(description="PageRank in the target-problem graph, edges weighted by statements.")
    top_targets: list[TargetCount]
    examples: list[Example]


class CentralProblems(BaseModel):
    categories: list[CentralProblem] = Field(description="Every category, most targets and rounds first.")
    clusters: list[CentralProblem] = Field(description="Clusters of near-duplicate statements spanning two "
                                                       "or more rounds or targets, ranked the same way; paged.")
    cluster_count: int
    limit: int
    offset: int
    targets: int
    statements: int
    unlinked_documents: int = Field(description="Documents whose statements are not linked into clusters yet "
                                                "(`xunshi analyze link`).")


class SharedProblem(BaseModel):
    key: str
    problem: str
    category: str
    targets: int = Field(description="Targets that have it: of the group (communities), the pair (similar "
                                     "targets) or in all (a target's own profile).")
    statements: int


class Community(BaseModel):
    id: int
    size: int
    targets: list[TargetCount]
    shared_problems: list[SharedProblem] = Field(description="Problems two or more members have, most members first.")


class Communities(BaseModel):
    by: Literal["cluster", "category"]
    algorithm: str
    modularity: float
    data: list[Community]
    count: int
    limit: int
    offset: int
    unconnected_targets: int = Field(description="Targets that share no problem with another; in no group.")


class CategoryPair(BaseModel):
    a: str
    b: str
    together: int = Field(description="Inspections that found both.")
    a_count: int
    b_count: int
    expected: float = Field(description="Inspections expected to find both if the categories were independent.")
    lift: float = Field(description="together / expected.")
    p_value: float = Field(description="Hypergeometric chance of finding them together this often or more.")


class CoOccurrence(BaseModel):
    inspections: int = Field(description="Inspections (round and target) with at least one categorised problem.")
    data: list[CategoryPair]
    count: int
    limit: int
    offset: int


class SimilarTarget(BaseModel):
    uid: str
    name: str
    label: str
    score: float = Field(description="Cosine similarity of the two problem profiles (tf-idf weighted), 0-1.")
    shared_categories: list[str]
    shared_problems: list[SharedProblem]


class SimilarTargets(BaseModel):
    target: TargetCount
    profile: list[SharedProblem] = Field(description="The target's own problems (categories and clusters), "
                                                     "each with how many targets in all have it.")
    data: list[SimilarTarget]
    count: int
    limit: int
    offset: int
