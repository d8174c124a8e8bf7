// The analyses: central problems, communities, co-occurrence, similar targets.

import { $, api, entityLink, esc, go, labelChip, query, splitUid, state, view, vocab } from "./core.js";
import { bindSourceButtons, sourceButton } from "./source.js";

const ANALYSIS_TABS = [
  ["central", "核心问题", "Central problems"], ["communities", "对象群组", "Communities"],
  ["co-occurrence", "同时出现", "Co-occurrence"], ["similar", "相似对象", "Similar targets"],
];
const GROUP_BY = { category: "类别 category", cluster: "相似问题 cluster" };

function categoryName(code) {
  return vocab.categories[code] ? `${vocab.categories[code]} <span class="muted">${esc(code)}</span>` : esc(code);
}

// A problem as the analyses name it: a category (its code is the key) or a cluster's usual wording.
function problemName(p) {
  return p.key === p.category && vocab.categories[p.key] ? `类别：${categoryName(p.key)}` : esc(p.problem);
}

function fixed(value, digits) {
  return Number.isFinite(value) ? value.toFixed(digits) : "—";
}

function pValue(p) {
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

function targetLink(t) {
  return t.uid && t.uid.includes(":") ? entityLink(...splitUid(t.uid), t.name) : esc(t.name);
}

function analysisHash(tab) {
  const values = {};
  for (const form of view().querySelectorAll("#analysis form")) Object.assign(values, Object.fromEntries(new FormData(form)));
  return `#/analysis/${tab}?${query(values)}`;
}

function analysisControls(tab, params) {
  if (tab === "communities") {
    const by = params.get("by") || "category";
    return `<label>分组依据 group by<select name="by">${Object.entries(GROUP_BY)
        .map(([k, v]) => `<option value="${k}" ${k === by ? "selected" : ""}>${v}</option>`).join("")}</select></label>
      <label>分辨率 resolution<input name="resolution" type="number" min="0.1" max="10" step="0.1"
        value="${esc(params.get("resolution") || "1")}"></label>`;
  }
  if (tab === "co-occurrence") {
    return `<label>至少同时出现 min together<input name="min_together" type="number" min="1" max="1000"
        value="${esc(params.get("min_together") || "2")}"></label>
      <label>最大 p 值 max p<input name="max_p" type="number" min="0.0001" max="1" step="any"
        value="${esc(params.get("max_p") || "0.05")}"></label>`;
  }
  return "";
}

export async function showAnalysis(tab, params) {
  if (!ANALYSIS_TABS.some(([key]) => key === tab)) tab = "central";
  const f = { round: params.get("round") || "", since: params.get("since") || "", until: params.get("until") || "",
              category: params.get("category") || "" };
  const [, zh, en] = ANALYSIS_TABS.find(([key]) => key === tab);
  view().innerHTML = `<div class="card" id="analysis" data-tab="${tab}" data-hash="${esc(location.hash)}"><h2>分析 <span>Analysis — 问题在对象与轮次间的分布 (how problems spread over targets and rounds)</span></h2>
    <nav class="tabs" aria-label="分析视图 Analysis views">${ANALYSIS_TABS.map(([key, z, e]) =>
      `<a href="#/analysis/${key}" data-tab="${key}" ${key === tab ? `aria-current="page" class="active"` : ""}>${z} <span>${e}</span></a>`).join("")}</nav>
    <form class="filters" id="analysis-filters">
      <label>轮次 round<input name="round" value="${esc(f.round)}" placeholder="如 中央第十二巡视组"></label>
      <label>起 since<input name="since" type="date" value="${esc(f.since)}"></label>
      <label>止 until<input name="until" type="date" value="${esc(f.until)}"></label>
      <label>类别 category<select name="category"><option value="">全部 all</option>${Object.entries(vocab.categories)
        .map(([k, v]) => `<option value="${k}" ${k === f.category ? "selected" : ""}>${v} ${k}</option>`).join("")}</select></label>
      ${analysisControls(tab, params)}
      <button type="submit">刷新 Refresh</button>
    </form>
    <h3>${zh} <span class="muted">${en}</span></h3>
    <div id="analysis-results" aria-busy="true"><p class="muted">加载中… loading</p></div></div>`;
  for (const link of view().querySelectorAll("#analysis nav.tabs a")) {
    link.addEventListener("click", (e) => { e.preventDefault(); go(analysisHash(link.dataset.tab)); });
  }
  $("#analysis-filters").addEventListener("submit", (e) => { e.preventDefault(); go(analysisHash(tab)); });
  const by = $("#analysis-filters select[name=by]");
  if (by) by.addEventListener("change", () => go(analysisHash(tab)));
  const results = $("#analysis-results");
  const shows = { central: analysisCentral, communities: analysisCommunities, "co-occurrence": analysisCoOccurrence,
                  similar: analysisSimilar };
  try {
    await shows[tab](results, f, params);
  } catch (err) {
    results.innerHTML = `<p class="error" role="alert">${esc(err.message)}</p>`;
  } finally {
    results.removeAttribute("aria-busy");
  }
}

// -- central problems

function problemRows(items, kind) {
  return items.map((p) => `<tr class="clickable" tabindex="0" aria-expanded="false" data-key="${esc(p.key)}">
      <td>${kind === "category" ? categoryName(p.key) : esc(p.problem)}</td>
      ${kind === "category" ? "" : `<td>${categoryName(p.category)}</td>`}
      <td class="num" data-col="targets">${p.evidence.targets}</td><td class="num" data-col="rounds">${p.evidence.rounds}</td>
      <td class="num optional">${p.evidence.statements}</td><td class="num optional">${p.evidence.documents}</td>
      <td class="num optional">${fixed(p.degree_centrality, 2)}</td><td class="num optional">${fixed(p.pagerank, 4)}</td></tr>
    <tr class="detail" hidden><td colspan="${kind === "category" ? 7 : 8}">${problemDetail(p)}</td></tr>`).join("");
}

function problemDetail(p) {
  const targets = p.top_targets.length
    ? `<ul class="plain inline">${p.top_targets.map((t) => `<li>${targetLink(t)} <span class="muted">${t.statements} 条 statements</span></li>`).join("")}</ul>`
    : `<p class="muted">—</p>`;
  const examples = p.examples.length
    ? p.examples.map((x) => `<p class="statement">“${esc(x.text)}” <span class="muted">${esc(x.target)}</span>
        ${sourceButton(x.document, [], x.text)}</p>`).join("")
    : `<p class="muted">—</p>`;
  const recurring = p.kind === "category"
    ? `<p><a href="#/recurring?${query({ category: p.key })}">在反复出现的问题中查看 (see this category's recurring problems)</a></p>` : "";
  return `<div class="problem-detail"><h4>主要对象 <span class="muted">top targets</span></h4>${targets}
    <h4>例句 <span class="muted">examples</span></h4>${examples}${recurring}</div>`;
}

function bindProblemRows(root) {
  for (const row of root.querySelectorAll("tr.clickable:not([data-bound])")) {
    row.dataset.bound = "1";
    const toggle = () => {
      const detail = row.nextElementSibling;
      detail.hidden = !detail.hidden;
      row.setAttribute("aria-expanded", String(!detail.hidden));
    };
    row.addEventListener("click", toggle);
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") toggle(); });
  }
  bindSourceButtons(root);
}

function problemTable(id, items, kind) {
  const first = kind === "category" ? `<th scope="col">类别 <span>category</span></th>`
    : `<th scope="col">问题 <span>problem</span></th><th scope="col">类别 <span>category</span></th>`;
  const head = `${first}
    <th scope="col" class="num">对象 <span>targets</span></th><th scope="col" class="num">轮次 <span>rounds</span></th>
    <th scope="col" class="num optional">表述 <span>statements</span></th><th scope="col" class="num optional">文件 <span>documents</span></th>
    <th scope="col" class="num optional" title="有此问题的对象占全部对象的比例 (share of all targets that have it)">度中心性 <span>degree</span></th>
    <th scope="col" class="num optional" title="在对象—问题图中的 PageRank (in the target-problem graph)">PageRank</th>`;
  return `<div class="scroll"><table id="${id}"><thead><tr>${head}</tr></thead><tbody>${problemRows(items, kind)}</tbody></table></div>`;
}

async function analysisCentral(results, f) {
  const limit = 20;
  const page = await api(`/analysis/central-problems?${query({ ...f, limit })}`);
  const unlinked = page.unlinked_documents
    ? `<p class="muted">${page.unlinked_documents} 个文件的问题尚未关联相似表述 (documents not linked into clusters yet: run <code>xunshi analyze link</code>).</p>` : "";
  const categories = page.categories.length
    ? problemTable("central-categories", page.categories, "category")
    : `<p class="empty">没有找到问题 (no problem matches these filters).</p>`;
  const clusters = page.clusters.length
    ? problemTable("central-clusters", page.clusters, "cluster")
    : `<p class="empty">没有跨轮次或跨对象反复出现的相似问题 (no cluster of near-duplicate statements spans two rounds or targets).</p>`;
  results.innerHTML = `<p class="muted">${page.targets} 个对象 targets · ${page.statements} 条问题表述 statements。按涉及对象与轮次排序；点击一行查看主要对象与例句 (most targets and rounds first; click a row for its top targets and examples).</p>
    ${unlinked}
    <section aria-labelledby="central-categories-title"><h4 id="central-categories-title">按类别 <span class="muted">by category</span></h4>${categories}</section>
    <section aria-labelledby="central-clusters-title"><h4 id="central-clusters-title">反复出现的相似问题 <span class="muted">recurring clusters of near-duplicate statements · ${page.cluster_count}</span></h4>
      ${clusters}<p id="clusters-more"></p></section>`;
  bindProblemRows(results);
  let shown = page.clusters.length;
  const more = () => {
    const box = $("#clusters-more");
    if (shown >= page.cluster_count) { box.innerHTML = ""; return; }
    box.innerHTML = `<button type="button" class="secondary">显示更多 Show more (${shown} / ${page.cluster_count})</button>`;
    box.querySelector("button").addEventListener("click", async (e) => {
      e.target.disabled = true;
      e.target.textContent = "加载中… loading";
      try {
        const next = await api(`/analysis/central-problems?${query({ ...f, limit, offset: shown })}`);
        const body = $("#central-clusters tbody");
        body.insertAdjacentHTML("beforeend", problemRows(next.clusters, "cluster"));
        bindProblemRows(body);
        shown += next.clusters.length;
        if (!next.clusters.length) shown = page.cluster_count;
        more();
      } catch (err) {
        box.innerHTML = `<span class="error" role="alert">${esc(err.message)}</span>`;
      }
    });
  };
  more();
}

// -- communities

function sharedTable(problems) {
  if (!problems.length) return `<p class="muted">没有共同问题 (no shared problem).</p>`;
  const clusters = problems.some((p) => p.key !== p.category);
  const category = (p) => clusters ? `<td class="optional">${categoryName(p.category)}</td>` : "";
  return `<div class="scroll"><table class="shared"><thead><tr><th scope="col">共同问题 <span>shared problem</span></th>
    ${clusters ? `<th scope="col" class="optional">类别 <span>category</span></th>` : ""}<th scope="col" class="num">对象 <span>targets</span></th>
    <th scope="col" class="num">表述 <span>statements</span></th></tr></thead>
    <tbody>${problems.map((p) => `<tr><td>${problemName(p)}</td>${category(p)}
      <td class="num">${p.targets}</td><td class="num">${p.statements}</td></tr>`).join("")}</tbody></table></div>`;
}

async function analysisCommunities(results, f, params) {
  const by = params.get("by") || "category";
  const page = await api(`/analysis/communities?${query({ ...f, by, resolution: params.get("resolution") || "", limit: 50 })}`);
  const alone = `<p class="muted" id="unconnected">${page.unconnected_targets} 个对象与其他对象没有共同问题 (${page.unconnected_targets} targets share nothing with another, so are in no group).</p>`;
  if (!page.data.length) {
    results.innerHTML = `<p class="empty">没有找到对象群组 (no group found: no two targets share a ${by === "cluster" ? "相似问题 near-duplicate problem" : "类别 category"}).</p>${alone}`;
    return;
  }
  results.innerHTML = `<p class="muted">${page.count} 个群组 groups · 模块度 modularity ${fixed(page.modularity, 3)} · ${esc(page.algorithm)}${page.count > page.data.length ? ` · 显示前 ${page.data.length} 个 (showing the first ${page.data.length})` : ""}</p>
    ${alone}
    <ol class="groups">${page.data.map((g) => `<li class="group">
      <h4>第 ${g.id} 组 <span class="muted">group ${g.id} · ${g.size} 个对象 targets</span></h4>
      <ul class="plain inline">${g.targets.map((t) => `<li>${targetLink(t)} <span class="muted">${t.statements} 条 statements</span></li>`).join("")}</ul>
      ${sharedTable(g.shared_problems)}</li>`).join("")}</ol>`;
}

// -- co-occurrence

async function analysisCoOccurrence(results, f, params) {
  const page = await api(`/analysis/co-occurrence?${query({
    round: f.round, since: f.since, until: f.until, min_together: params.get("min_together") || "",
    max_p: params.get("max_p") || "", limit: 200 })}`);
  const note = f.category ? `<p class="muted">类别筛选不适用于此视图 (the category filter does not apply here).</p>` : "";
  const intro = `<p class="muted">${page.inspections} 次巡视巡察 inspections (一轮在一个对象 a round at a target)。同时出现的次数高于偶然预期的类别组合，最显著的在前 (pairs of categories found together more often than chance, most significant first).</p>`;
  if (!page.data.length) {
    results.innerHTML = `${note}${intro}<p class="empty">没有找到显著同时出现的类别 (no pair of categories passes these thresholds).</p>`;
    return;
  }
  results.innerHTML = `${note}${intro}<div class="scroll"><table id="co-occurrence"><thead><tr>
      <th scope="col">类别 A <span>category</span></th><th scope="col">类别 B <span>category</span></th>
      <th scope="col" class="num">同时出现 <span>together</span></th><th scope="col" class="num optional">各自出现 <span>A / B</span></th>
      <th scope="col" class="num">预期 <span>expected</span></th><th scope="col" class="num">提升度 <span>lift</span></th>
      <th scope="col" class="num">p 值 <span>p-value</span></th></tr></thead>
    <tbody>${page.data.map((r) => `<tr><td>${categoryName(r.a)}</td><td>${categoryName(r.b)}</td>
      <td class="num">${r.together}</td><td class="num optional">${r.a_count} / ${r.b_count}</td>
      <td class="num">${fixed(r.expected, 2)}</td><td class="num">${fixed(r.lift, 2)}</td><td class="num">${pValue(r.p_value)}</td></tr>`).join("")}</tbody>
    </table></div>${page.count > page.data.length ? `<p class="muted">显示前 ${page.data.length} / ${page.count} 对 (showing the first pairs).</p>` : ""}`;
}

// -- similar targets

async function analysisSimilar(results, f, params) {
  const target = (params.get("target") || state.currentTarget || "").trim();
  const note = f.category ? `<p class="muted">类别筛选不适用于此视图 (the category filter does not apply here).</p>` : "";
  results.innerHTML = `<form class="filters" id="similar-form" role="search">
      <label>对象 target<input name="target" value="${esc(target)}" placeholder="如 漾濞县" required></label>
      <button type="submit">查找相似 Find similar</button></form>${note}<div id="similar-results"></div>`;
  $("#similar-form").addEventListener("submit", (e) => {
    e.preventDefault();
    state.currentTarget = new FormData(e.target).get("target").trim();
    go(analysisHash("similar"));
  });
  const box = $("#similar-results");
  if (!target) { box.innerHTML = `<p class="muted">请输入地区或单位名称 (type a region or body).</p>`; return; }
  box.innerHTML = `<p class="muted">加载中… loading</p>`;
  let page;
  try {
    page = await api(`/analysis/similar-targets?${query({ target, round: f.round, since: f.since, until: f.until, limit: 20 })}`);
  } catch (err) {
    box.innerHTML = `<p class="error" role="alert">${esc(err.message)}</p>`;
    return;
  }
  state.currentTarget = target;
  const me = page.target;
  const own = [...new Set(page.profile.map((p) => p.category))];
  const head = `<p>${labelChip(me.label)}${targetLink(me)} <span class="muted">${me.statements} 条问题表述 statements · 类别 categories: ${own.map((c) => esc(vocab.categories[c] || c)).join("、") || "—"}</span></p>`;
  if (!page.data.length) {
    box.innerHTML = `${head}<p class="empty">没有找到问题相似的对象 (no other target shares a problem with it).</p>`;
    return;
  }
  box.innerHTML = `${head}<p class="muted">按问题构成的相似度排序 (by cosine similarity of the problem profiles, tf-idf weighted); 点击一行打开该对象 (click a row to open the target).</p>
    <div class="scroll"><table id="similar-table"><thead><tr><th scope="col" class="num">相似度 <span>score</span></th>
      <th scope="col">对象 <span>target</span></th><th scope="col">共同类别 <span>shared categories</span></th>
      <th scope="col" class="optional">共同问题 <span>shared problems</span></th></tr></thead>
    <tbody>${page.data.map((t) => {
      const [label, key] = splitUid(t.uid);
      return `<tr class="clickable" tabindex="0" data-label="${esc(label)}" data-key="${esc(key)}">
        <td class="num score"><meter min="0" max="1" value="${Number(t.score) || 0}" aria-hidden="true"></meter> ${fixed(t.score, 3)}</td>
        <td>${labelChip(t.label)}${targetLink(t)}</td>
        <td>${t.shared_categories.map((c) => esc(vocab.categories[c] || c)).join("、") || "—"}</td>
        <td class="optional">${t.shared_problems.map((p) => problemName(p)).join("；") || "—"}</td></tr>`;
    }).join("")}</tbody></table></div>${page.count > page.data.length ? `<p class="muted">显示前 ${page.data.length} / ${page.count} 个 (showing the closest).</p>` : ""}`;
  for (const row of box.querySelectorAll("tr.clickable")) {
    const open = () => go(`#/entity/${encodeURIComponent(row.dataset.label)}/${encodeURIComponent(row.dataset.key)}`);
    row.addEventListener("click", (e) => { if (!e.target.closest("a")) open(); });
    row.addEventListener("keydown", (e) => { if (e.key === "Enter" && !e.target.closest("a")) open(); });
  }
}
