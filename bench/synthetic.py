"""A synthetic corpus of inspection documents, for load tests: deterministic for a seed.

    python bench/synthetic.py OUT_DIR [--count 10000] [--seed 7]

Real county names come from the gazetteer the extractor uses (jionlp's place list); people are
invented (a surname and a given name drawn from short lists). Each county is inspected in several
rounds, years apart; each round yields a feedback report (省委第N巡视组向X县委反馈…), a rectification
report (X县委关于巡视整改进展情况的通报) and sometimes a news item, and a county keeps some of its
problems from one round to the next, so recurring issues exist across rounds. The sentences are
written for this generator, in the register of such reports; none is copied from a corpus.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
            "余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
GIVEN = "建国志强海涛文博晓峰国华明轩振宇丽娟春燕红梅永平德胜光辉俊杰雪松玉兰卫东立新秀英桂芳子涵思远宏伟敬之"
NUMERALS = "零一二三四五六七八九十"

# Problems a team may find: (category hint, wording of the first finding, wording when it comes back).
PROBLEMS = [
    ("扶贫资金使用管理不规范", "扶贫资金拨付滞后、部分项目资金闲置", "扶贫资金闲置和拨付滞后的情况仍未根本扭转"),
    ("基层党组织建设薄弱", "部分村党组织软弱涣散、组织生活流于形式", "软弱涣散村党组织整顿不彻底"),
    ("落实中央八项规定精神有差距", "公务接待超标准、违规发放津贴补贴", "违规发放津贴补贴问题反弹回潮"),
    ("形式主义官僚主义问题突出", "会议多、文件多、督查检查过多过频", "层层加码、重留痕轻实效的现象依旧存在"),
    ("选人用人不够规范", "干部选拔任用程序执行不严、档案审核把关不细", "干部档案专项审核遗留问题整改不到位"),
    ("政府债务风险防控不力", "隐性债务化解进度缓慢、举债融资不规范", "隐性债务规模仍然偏大"),
    ("工程项目监管存在漏洞", "工程项目招投标不规范、未批先建", "重点工程项目招投标程序仍有漏洞"),
    ("生态环境保护责任落实不到位", "河道非法采砂屡禁不止、污水处理设施运行不正常", "突出环境问题整改进度滞后"),
    ("国有资产管理混乱", "国有资产底数不清、出租出借未履行审批程序", "国有资产清查处置不及时"),
    ("村级财务管理不规范", "村级财务收支不透明、白条入账", "村级财务公开不及时不全面"),
    ("意识形态工作责任制落实不到位", "意识形态阵地管理存在薄弱环节", "意识形态工作研判不经常"),
    ("巡视整改不彻底", "上轮巡视反馈问题整改不到位、建章立制不够", "上轮巡视反馈问题仍有部分未完成整改"),
    ("涉农资金统筹整合不到位", "涉农资金挤占挪用、项目库建设质量不高", "涉农资金项目储备不足"),
    ("土地出让金征缴管理不严", "土地出让金欠缴、违规减免", "欠缴土地出让金清收工作推进缓慢"),
    ("营商环境优化不够", "审批事项多、办事效率低、拖欠民营企业账款", "清理拖欠民营企业账款进展不快"),
    ("干部队伍作风不实", "部分干部担当作为不够、工作作风漂浮", "干部不担当不作为问题仍较突出"),
]
MEASURES = [
    "制定整改方案，逐项明确责任领导、责任单位和完成时限，实行清单化管理、销号式推进",
    "开展专项清理，对发现的问题建立台账，逐笔核查、限期整改",
    "修订完善相关制度，从源头上堵塞管理漏洞",
    "组织开展专项督查，对整改不力的单位进行通报批评并约谈主要负责人",
    "对涉及的责任人员严肃追责问责，给予党纪政务处分",
    "召开专题民主生活会，班子成员逐一认领问题、剖析原因",
    "建立长效机制，将整改情况纳入年度目标考核",
    "举一反三开展自查自纠，推动同类问题一并解决",
]
TOPICS = ["常规", "脱贫攻坚专项", "乡村振兴专项", "营商环境专项", "政府债务专项", "生态环境保护专项"]


@dataclass(frozen=True)
class County:
    name: str
    province: str
    prefecture: str | None


def numeral(n: int) -> str:
    """Chinese numerals up to 99 (三, 十二, 二十一)."""
    if n <= 10:
        return NUMERALS[n]
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens] if tens > 1 else "") + "十" + (NUMERALS[ones] if ones else "")


def counties(rng: random.Random, count: int) -> list[County]:
    """``count`` real counties (names ending in 县) of provinces (not regions or municipalities), at random."""
    from loaders.gazetteer import gazetteer

    pool = sorted((p for p in gazetteer().places.values()
                   if p.level == "county" and p.name.endswith("县") and "自治" not in p.name
                   and p.province and p.province.endswith("省") and len(p.name) >= 3),
                  key=lambda p: p.code)
    # Names shared by counties of two provinces would make the target ambiguous; keep unique ones.
    seen: dict[str, int] = {}
    for p in pool:
        seen[p.name] = seen.get(p.name, 0) + 1
    pool = [p for p in pool if seen[p.name] == 1]
    picked = rng.sample(pool, min(count, len(pool)))
    return [County(p.name, p.province or "", p.prefecture) for p in picked]


def person(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def _date(year: int, rng: random.Random) -> tuple[str, int, int]:
    month, day = rng.randint(1, 11), rng.randint(1, 28)
    return f"{year}年{month}月{day}日", month, day


def _list(items: list[str]) -> str:
    return "、".join(items)


def feedback(rng: random.Random, c: County, year: int, team: int, problems: list[int],
             again: dict[int, str], leader: str, secretary: str, topic: str) -> str:
    """A feedback report: the team tells the county committee what it found; ``again`` maps a problem that
    an earlier team raised to that team's name."""
    province = c.province.removesuffix("省")
    start, month, _ = _date(year, rng)
    back = f"{year}年{min(month + 2, 12)}月{rng.randint(1, 28)}日"
    team_name = f"{province}省委第{numeral(team)}巡视组"
    lines = [f"{team_name}向{c.name}委反馈{topic}巡视情况",
             f"按照{province}省委巡视工作统一安排，{start}起，{team_name}进驻{c.name}，开展了为期一个多月的"
             f"{topic}巡视。{back}，{team_name}向{c.name}委领导班子反馈巡视意见。巡视组组长{leader}代表巡视组"
             f"通报了巡视发现的问题，{c.name}委书记{secretary}作表态发言。"]
    fresh = [i for i in problems if i not in again]
    lines.append(f"反馈意见肯定了{c.name}近年来在经济社会发展方面取得的进展，同时指出，巡视发现{c.name}委"
                 f"存在{_list([PROBLEMS[i][0] for i in fresh[:3]])}等问题。")
    for n, i in enumerate(fresh, start=1):
        lines.append(f"{numeral(n)}是存在{PROBLEMS[i][1]}等问题。")
    for i, earlier in again.items():
        lines.append(f"对{earlier}反馈的“{PROBLEMS[i][0]}”等问题整改不到位，{PROBLEMS[i][2]}。")
    lines.append(f"巡视组要求，{c.name}委要认真研究巡视反馈意见，在两个月内报送整改方案，"
                 f"对巡视移交的问题线索依规依纪依法处置。{secretary}表示，县委将不折不扣抓好反馈问题整改。")
    return "\n".join(lines) + "\n"


def rectification(rng: random.Random, c: County, year: int, team: int, problems: list[int],
                  secretary: str) -> str:
    """A rectification report: what the county did about each problem."""
    province = c.province.removesuffix("省")
    done = rng.randint(max(1, len(problems) - 2), len(problems))
    lines = [f"中共{c.name}委关于{province}省委巡视整改进展情况的通报",
             f"根据{province}省委统一部署，{year}年{province}省委第{numeral(team)}巡视组对{c.name}进行了巡视，"
             f"并反馈了巡视意见。{c.name}委把巡视整改作为重大政治任务，成立由县委书记{secretary}任组长的"
             f"整改工作领导小组，现将整改进展情况通报如下。"]
    for i in problems:
        head = PROBLEMS[i][0]
        moves = rng.sample(MEASURES, 2)
        lines.append(f"针对{head}的问题，{moves[0]}；同时{moves[1]}。")
    rest = "其余问题正在按计划推进" if done < len(problems) else "整改工作转入常态化监督"
    lines.append(f"截至{year + 1}年{rng.randint(1, 6)}月底，巡视反馈的{len(problems)}方面问题中已完成整改"
                 f"{done}方面，{rest}。欢迎广大干部群众对巡视整改落实情况进行监督。")
    return "\n".join(lines) + "\n"


def news(rng: random.Random, batch: list[County], year: int, round_no: int, topic: str) -> str:
    """A news item: one round's feedback to several counties at once."""
    province = batch[0].province.removesuffix("省")
    names = [c.name for c in batch]
    date, _, _ = _date(year, rng)
    heads = [PROBLEMS[i][0] for i in rng.sample(range(len(PROBLEMS)), 3)]
    lines = [f"{province}省委第{numeral(round_no)}轮巡视完成集中反馈",
             f"本报讯 {date}，{province}省委第{numeral(round_no)}轮巡视集中反馈工作完成。本轮共派出"
             f"{len(batch)}个巡视组，对{_list(names)}等{len(batch)}个县的党委开展{topic}巡视。",
             f"从反馈情况看，一些地方不同程度存在{_list(heads)}等问题，有的问题在以往巡视中已经指出，"
             f"整改还不够到位。",
             f"{province}省委巡视办负责人表示，各被巡视党组织要落实整改主体责任，防止问题反弹。"]
    return "\n".join(lines) + "\n"


def generate(out: Path, count: int = 10_000, seed: int = 7) -> list[Path]:
    """Write ``count`` documents to ``out`` (``00001_feedback.txt``…) and return their paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    rounds_per_county = 4
    per_county = rounds_per_county * 2  # feedback + rectification a round; news come on top
    places = counties(rng, max(2, count // per_county + 1))
    by_province: dict[str, list[County]] = {}
    for c in places:
        by_province.setdefault(c.province, []).append(c)
    paths: list[Path] = []

    def emit(kind: str, text: str) -> bool:
        if len(paths) >= count:
            return False
        path = out / f"{len(paths) + 1:05d}_{kind}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        return True

    for c in places:
        chronic = rng.sample(range(len(PROBLEMS)), 3)  # the county's problems that keep coming back
        previous: dict[int, str] = {}
        secretary = person(rng)
        for r in range(rounds_per_county):
            year = 2015 + r * 2 + rng.randint(0, 1)
            team = rng.randint(1, 15)
            topic = rng.choice(TOPICS)
            problems = list(dict.fromkeys(rng.sample(chronic, 2) + rng.sample(range(len(PROBLEMS)), 3)))
            again = {i: previous[i] for i in problems if i in previous}
            if rng.random() < 0.3:
                secretary = person(rng)
            if not emit("feedback", feedback(rng, c, year, team, problems, again, person(rng), secretary, topic)):
                return paths
            if not emit("rectification", rectification(rng, c, year, team, problems, secretary)):
                return paths
            if rng.random() < 0.15:
                peers = by_province[c.province]
                batch = list(dict.fromkeys([c, *rng.sample(peers, min(len(peers), rng.randint(2, 5)))]))
                if len(batch) > 1 and not emit("news", news(rng, batch, year, rng.randint(1, 12), topic)):
                    return paths
            province = c.province.removesuffix("省")
            previous = {i: f"{province}省委第{numeral(team)}巡视组" for i in problems}
    while len(paths) < count:  # more documents than the counties' rounds gave: extra news items
        c = rng.choice(places)
        emit("news", news(rng, [c, *rng.sample(by_province[c.province], 1)], rng.randint(2015, 2024),
                          rng.randint(1, 12), rng.choice(TOPICS)))
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = generate(args.out, args.count, args.seed)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"wrote {len(paths)} documents, {chars} characters, to {args.out}")


if __name__ == "__main__":
    main()
