"""The Chinese display names of what the product shows, in one table the API serves (``GET /vocabulary``):
node labels, issue categories (the codes of record-format.md) and the kinds of link between the rounds of a
recurring problem. The web page fetches it; nothing else keeps a copy."""

from __future__ import annotations

from pydantic import BaseModel

from graph.rows import LABELS

LABEL_NAMES: dict[str, str] = {
    "Region": "地区", "Team": "巡视组", "Round": "轮次", "Person": "人员", "Organization": "机构",
    "Locality": "乡镇村", "Issue": "问题", "Measure": "整改措施", "Category": "类别", "Document": "文件",
}
CATEGORY_NAMES: dict[str, str] = {
    "political_responsibility": "政治责任", "supervision": "监督责任", "funds": "资金",
    "industry_projects": "产业项目", "relocation_housing": "搬迁住房", "public_services": "公共服务",
    "infrastructure": "基础设施", "employment": "就业", "formalism_bureaucratism": "形式主义官僚主义",
    "corruption": "腐败", "party_building_cadres": "党建干部", "rectification": "整改", "targeting": "精准识别",
    "other": "其他",
}
LINK_NAMES: dict[str, str] = {"stated": "文件明确指出 stated", "similar": "表述相近 similar",
                              "category": "同一类别 category"}

assert set(LABELS) <= set(LABEL_NAMES), "every node label has a display name"


class Vocabulary(BaseModel):
    labels: dict[str, str]
    categories: dict[str, str]
    links: dict[str, str]


def vocabulary() -> Vocabulary:
    return Vocabulary(labels=LABEL_NAMES, categories=CATEGORY_NAMES, links=LINK_NAMES)
