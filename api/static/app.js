// The investigators' page: search, recurring problems, an entity's graph and timeline, the source text.
// Plain JavaScript over the JSON API; the graph view is cytoscape.js, vendored from npm at build time.
"use strict";

const LABELS = {
  Region: "地区", Team: "巡视组", Round: "轮次", Person: "人员", Organization: "机构", Locality: "乡镇村",
  Issue: "问题", Measure: "整改措施", Category: "类别", Document: "文件",
};
const COLOURS = {
  Region: "#1565c0", Team: "#b3261e", Round: "#6a1b9a", Person: "#2e7d32", Organization: "#ef6c00",
  Locality: "#00838f", Issue: "#c2185b", Measure: "#5d4037", Category: "#546e7a", Document: "#9e9e9e",
};
const CATEGORIES = {
  political_responsibility: "政治责任", supervision: "监督责任", funds: "资金", industry_projects: "产业项目",
  relocation_housing: "搬迁住房", public_services: "公共服务", infrastructure: "基础设施", employment: "就业",
  formalism_bureaucratism: "形式主义官僚主义", corruption: "腐败", party_building_cadres: "党建干部",
  rectification: "整改", targeting: "精准识别", other: "其他",
};
const LINKS = { stated: "文件明确指出 stated", similar: "表述相近 similar", category: "同一类别 category" };

const $ = (selector, root = document) => root.querySelector(selector);
const view = () => $("#view");

function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function labelChip(label) {
  return `<span class="label" style="background:${COLOURS[label] || "#777"}">${esc(LABELS[label] || label)}</span>`;
}

function say(text, kind = "error") {
  const box = $("#message");
  if (!text) { box.hidden = true; return; }
  box.textContent = text;
  box.className = kind;
  box.hidden = false;
}

async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, options);
  } catch (err) {
    throw new Error(`无法连接服务器 (cannot reach the server): ${err.message}`);
  }
  if (response.status === 204) return null;
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && (body.detail || body.title) ? `${body.title || ""}: ${body.detail || ""}` : response.statusText;
    const error = new Error(`出错了 (error ${response.status}) ${detail}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

function query(params) {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") out.set(k, v);
  return out.toString();
}

// ---- routing -------------------------------------------------------------------------------------------

const routes = [
  [/^#\/search\?(.*)$/, (m) => showSearch(new URLSearchParams(m[1]).get("q") || "")],
  [/^#\/entity\/([^/]+)\/(.+)$/, (m) => showEntity(decodeURIComponent(m[1]), decodeURIComponent(m[2]))],
  [/^#\/timeline\/([^/?]+)(?:\?(.*))?$/, (m) => showTimeline(decodeURIComponent(m[1]), new URLSearchParams(m[2] || ""))],
  [/^#\/recurring(?:\?(.*))?$/, (m) => showRecurring(new URLSearchParams(m[1] || ""))],
  [/^#\/analysis(?:\/([a-z-]+))?(?:\?(.*))?$/, (m) => showAnalysis(m[1] || "central", new URLSearchParams(m[2] || ""))],
  [/^#\/upload$/, () => showUpload()],
];

async function route() {
  say("");
  const hash = location.hash || "#/recurring";
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    link.classList.toggle("active", hash.startsWith(`#/${link.dataset.view}`));
  }
  for (const [pattern, handler] of routes) {
    const m = hash.match(pattern);
    if (m) {
      try { await handler(m); } catch (err) { say(err.message); }
      return;
    }
  }
  await showRecurring(new URLSearchParams());
}

function go(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

// The region or body last opened or filtered on: the similar-targets search starts from it.
let currentTarget = "";

function entityLink(label, key, name) {
  return `<a href="#/entity/${encodeURIComponent(label)}/${encodeURIComponent(key)}">${esc(name || key)}</a>`;
}

// ---- search --------------------------------------------------------------------------------------------

async function showSearch(q) {
  $("#search-input").value = q;
  if (!q.trim()) { view().innerHTML = `<div class="card"><p class="muted">请输入名称 (type a name).</p></div>`; return; }
  view().innerHTML = `<div class="card"><p class="muted">搜索中… searching</p></div>`;
  const page = await api(`/search?${query({ q, limit: 50 })}`);
  const hits = page.data || [];
  if (!hits.length) {
    view().innerHTML = `<div class="card" id="search-results"><h2>搜索 “${esc(q)}”</h2>
      <p class="empty">没有找到匹配的实体 (nothing found). 换个写法试试：简体或繁体、全称或简称都可以。</p></div>`;
    return;
  }
  view().innerHTML = `<div class="card" id="search-results"><h2>搜索 “${esc(q)}” <span>${page.count} 个结果 results</span></h2>
    <table><thead><tr><th>名称 <span>name</span></th><th>类型 <span>type</span></th><th class="optional">说明 <span>detail</span></th></tr></thead>
    <tbody>${hits.map((h) => `<tr class="clickable" tabindex="0" data-label="${esc(h.label)}" data-key="${esc(h.key)}">
      <td>${esc(h.name)}</td><td>${labelChip(h.label)}</td><td class="optional muted">${esc(h.detail || "")}</td></tr>`).join("")}</tbody></table></div>`;
  for (const row of view().querySelectorAll("tr.clickable")) {
    const open = () => go(`#/entity/${encodeURIComponent(row.dataset.label)}/${encodeURIComponent(row.dataset.key)}`);
    row.addEventListener("click", open);
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
  }
}

// ---- an entity -----------------------------------------------------------------------------------------

function otherEnd(rel) {
  const node = rel.node || rel.other || rel.target || rel;
  return { label: node.label, key: node.key, name: node.name || node.key };
}

async function showEntity(label, key) {
  view().innerHTML = `<div class="card"><p class="muted">加载中… loading</p></div>`;
  const entity = await api(`/entities/${encodeURIComponent(label)}/${encodeURIComponent(key)}`);
  const props = entity.properties || entity.props || {};
  const name = props.name || props.text || entity.name || key;
  if (label === "Region" || label === "Organization") currentTarget = name;
  const groups = entity.relationships || {};
  const groupList = Array.isArray(groups) ? Object.entries(groupBy(groups, (r) => r.type)) : Object.entries(groups);
  const timeline = label === "Region"
    ? `<button type="button" class="secondary" id="open-timeline">时间线 Timeline</button>` : "";
  view().innerHTML = `
    <div class="card" id="entity">
      <h2>${labelChip(label)}${esc(name)} ${timeline}</h2>
      <table class="props"><tbody>${Object.entries(props).filter(([k]) => !["uid", "text"].includes(k) || label === "Issue")
        .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(Array.isArray(v) ? v.join("；") : v)}</td></tr>`).join("")}</tbody></table>
    </div>
    <div class="card"><h2>关系图 <span>Graph — 点击节点展开 (tap to expand), 双击打开 (double-tap to open)</span></h2>
      <div id="graph"></div><ul class="legend" id="legend"></ul></div>
    <div class="card" id="relationships"><h2>关系 <span>Relationships</span></h2>
      ${groupList.length ? groupList.map(([type, rels]) => `<h3>${esc(type)} <span class="muted">(${rels.length})</span></h3>
        <ul class="plain">${rels.slice(0, 200).map((r) => relItem(r)).join("")}</ul>`).join("")
        : `<p class="empty">没有关系 (no relationships).</p>`}
    </div>`;
  if (timeline) $("#open-timeline").addEventListener("click", () => go(`#/timeline/${encodeURIComponent(props.code || key)}`));
  bindSourceButtons(view());
  await drawGraph(`${label}:${key}`, label, key);
}

function groupBy(items, keyOf) {
  const out = {};
  for (const item of items) (out[keyOf(item)] ||= []).push(item);
  return out;
}

function relItem(rel) {
  const end = otherEnd(rel);
  const arrow = rel.direction === "in" ? "←" : "→";
  const props = rel.properties || rel.props || {};
  const extra = Object.entries(props).filter(([k]) => k !== "doc").map(([k, v]) => `${esc(k)}: ${esc(v)}`).join("，");
  const source = props.doc ? sourceButton(props.doc, []) : "";
  return `<li>${arrow} ${labelChip(end.label)}${entityLink(end.label, end.key, end.name)} <span class="muted">${extra}</span> ${source}</li>`;
}

// ---- graph view (cytoscape.js) -------------------------------------------------------------------------

async function drawGraph(uid, label, key) {
  const box = $("#graph");
  if (!window.cytoscape) {
    box.innerHTML = `<p class="muted" style="padding:1rem">图形库未加载 (the graph library is not installed: run <code>make assets</code>).</p>`;
    return;
  }
  const data = await api(`/entities/${encodeURIComponent(label)}/${encodeURIComponent(key)}/neighbors?depth=1`);
  const cy = window.cytoscape({
    container: box,
    elements: [],
    style: [
      { selector: "node", style: { "background-color": "data(colour)", label: "data(name)", "font-size": 10, "text-wrap": "ellipsis", "text-max-width": 90, color: "#1d2430" } },
      { selector: "node.root", style: { "border-width": 3, "border-color": "#1d2430" } },
      { selector: "edge", style: { width: 1.2, "line-color": "#b0b8c4", "target-arrow-color": "#b0b8c4", "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(type)", "font-size": 7, color: "#5b6573" } },
    ],
    wheelSensitivity: 0.3,
  });
  addElements(cy, data);
  cy.getElementById(uid).addClass("root");
  layout(cy);
  cy.on("tap", "node", async (event) => {
    const node = event.target.data();
    try {
      addElements(cy, await api(`/entities/${encodeURIComponent(node.label)}/${encodeURIComponent(node.key)}/neighbors?depth=1`));
      layout(cy);
    } catch (err) { say(err.message); }
  });
  cy.on("dbltap", "node", (event) => {
    const node = event.target.data();
    go(`#/entity/${encodeURIComponent(node.label)}/${encodeURIComponent(node.key)}`);
  });
  window.xunshiGraph = cy;
  legend(cy);
}

function addElements(cy, data) {
  const nodes = (data.nodes || []).filter((n) => cy.getElementById(n.id).empty());
  cy.add(nodes.map((n) => ({ group: "nodes", data: { id: n.id, label: n.label, key: n.key, name: n.name || n.key, colour: COLOURS[n.label] || "#777" } })));
  const edges = (data.edges || []).map((e, i) => ({ group: "edges", data: { id: e.id || `${e.source}-${e.type}-${e.target}-${i}`, source: e.source, target: e.target, type: e.type } }))
    .filter((e) => cy.getElementById(e.data.id).empty() && !cy.getElementById(e.data.source).empty() && !cy.getElementById(e.data.target).empty());
  cy.add(edges);
  if (data.truncated) say("邻居太多，只显示了一部分 (too many neighbours; some are not shown).", "info");
  legend(cy);
}

function layout(cy) {
  cy.layout({ name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 90 }).run();
}

function legend(cy) {
  const list = $("#legend");
  if (!list) return;
  const labels = [...new Set(cy.nodes().map((n) => n.data("label")))].sort();
  list.innerHTML = labels.map((l) => `<li><span class="dot" style="background:${COLOURS[l] || "#777"}"></span>${esc(LABELS[l] || l)} ${esc(l)}</li>`).join("");
}

// ---- recurring problems --------------------------------------------------------------------------------

async function showRecurring(params) {
  const filters = {
    target: params.get("target") || "", category: params.get("category") || "", min_rounds: params.get("min_rounds") || "2",
    since: params.get("since") || "", until: params.get("until") || "", link: params.get("link") || "similar",
  };
  if (filters.target) currentTarget = filters.target;
  view().innerHTML = `<div class="card" id="recurring"><h2>反复出现的问题 <span>Problems recurring across rounds</span></h2>
    <form class="filters" id="recurring-filters">
      <label>对象 target<input name="target" value="${esc(filters.target)}" placeholder="如 漾濞县"></label>
      <label>类别 category<select name="category"><option value="">全部 all</option>${Object.entries(CATEGORIES)
        .map(([k, v]) => `<option value="${k}" ${k === filters.category ? "selected" : ""}>${v} ${k}</option>`).join("")}</select></label>
      <label>至少轮次 min rounds<input name="min_rounds" type="number" min="2" max="20" value="${esc(filters.min_rounds)}"></label>
      <label>起 since<input name="since" type="date" value="${esc(filters.since)}"></label>
      <label>止 until<input name="until" type="date" value="${esc(filters.until)}"></label>
      <label>关联强度 link<select name="link">${Object.entries(LINKS)
        .map(([k, v]) => `<option value="${k}" ${k === filters.link ? "selected" : ""}>${v}</option>`).join("")}</select></label>
      <button type="submit">筛选 Filter</button>
    </form>
    <div id="recurring-results"><p class="muted">加载中… loading</p></div></div>`;
  $("#recurring-filters").addEventListener("submit", (e) => {
    e.preventDefault();
    go(`#/recurring?${query(Object.fromEntries(new FormData(e.target)))}`);
  });
  const page = await api(`/recurring-issues?${query({ ...filters, limit: 100 })}`);
  const results = $("#recurring-results");
  if (!page.data.length) {
    results.innerHTML = `<p class="empty">没有找到反复出现的问题 (no recurring problem matches these filters).</p>`;
    return;
  }
  results.innerHTML = `<p class="muted">${page.count} 个问题，按出现轮次与时间排序 (sorted by rounds, then most recent).</p>
    <table><thead><tr><th>对象 <span>target</span></th><th>问题 <span>problem</span></th><th>轮次 <span>rounds</span></th>
    <th class="optional">最近 <span>latest</span></th><th class="optional">关联 <span>link</span></th></tr></thead>
    <tbody>${page.data.map((r, i) => `<tr class="clickable" tabindex="0" data-index="${i}">
      <td>${esc(r.target)}</td><td>${esc(r.problem)} <span class="muted">${esc(CATEGORIES[r.category] || r.category)}</span></td>
      <td>${r.round_count}</td><td class="optional">${esc(latest(r) || "—")}</td><td class="optional">${esc(LINKS[r.strength] || r.strength)}</td></tr>
      <tr class="detail" hidden><td colspan="5">${roundsHtml(r)}</td></tr>`).join("")}</tbody></table>`;
  for (const row of results.querySelectorAll("tr.clickable")) {
    const toggle = () => { row.nextElementSibling.hidden = !row.nextElementSibling.hidden; };
    row.addEventListener("click", toggle);
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") toggle(); });
  }
  bindSourceButtons(results);
}

function latest(r) {
  return r.rounds.map((x) => x.date).filter(Boolean).sort().pop();
}

function roundsHtml(r) {
  const target = r.target_uid ? entityLink(...splitUid(r.target_uid), r.target) : esc(r.target);
  return `<div class="rounds"><p>${target} · ${esc(LINKS[r.strength] || r.strength)}</p>${r.rounds.map((round, i) => `
    <div class="round"><strong>第${i + 1}轮 · ${esc(round.name)}</strong>
      <span class="muted">${esc(round.teams.join("、"))} ${esc(round.date || "日期不详 date unknown")} · ${esc(LINKS[round.linked_by] || round.linked_by)}</span>
      ${round.statements.map((s) => statementHtml(s, "")).join("")}
      ${round.stated_by.map((s) => statementHtml(s, "后来的文件指出此轮已提出 (a later document says this round raised it): ")).join("")}
    </div>`).join("")}</div>`;
}

function splitUid(uid) {
  const at = uid.indexOf(":");
  return [uid.slice(0, at), uid.slice(at + 1)];
}

function statementHtml(s, prefix) {
  return `<p class="statement">${esc(prefix)}“${esc(s.text)}” <span class="muted">${esc(s.document_name || s.document)}</span>
    ${sourceButton(s.document, s.spans)}</p>`;
}

function sourceButton(doc, spans, find = "") {
  const encoded = esc(JSON.stringify((spans || []).map((s) => Array.isArray(s) ? s : [s.start, s.end])));
  const sentence = find ? ` data-find="${esc(find)}"` : "";
  return `<button type="button" class="link open-source" data-doc="${esc(doc)}" data-spans="${encoded}"${sentence}>查看原文 source</button>`;
}

function bindSourceButtons(root) {
  for (const button of root.querySelectorAll("button.open-source:not([data-bound])")) {
    button.dataset.bound = "1";
    button.addEventListener("click", (e) => {
      e.stopPropagation();
      openSource(button.dataset.doc, JSON.parse(button.dataset.spans || "[]"), button.dataset.find || "")
        .catch((err) => say(err.message));
    });
  }
}

// ---- the source document, supporting spans highlighted -------------------------------------------------

async function openSource(docId, spans, find = "") {
  const doc = await api(`/documents/${encodeURIComponent(docId)}`);
  const text = doc.original ?? doc.text;
  const ordered = spans.filter((s) => s[1] > s[0] && s[1] <= text.length).sort((a, b) => a[0] - b[0]);
  const found = !spans.length && find ? findSentence(text, find) : null;
  if (found) ordered.push(found);
  let html = "";
  let at = 0;
  for (const [start, end] of ordered) {
    if (start < at) continue;
    html += esc(text.slice(at, start)) + `<mark>${esc(text.slice(start, end))}</mark>`;
    at = end;
  }
  html += esc(text.slice(at));
  $("#source-meta").textContent = [doc.title, doc.name, doc.published].filter(Boolean).join(" · ");
  $("#source-text").innerHTML = html;
  $("#source").hidden = false;
  const first = $("#source-text mark");
  if (first) {
    first.classList.add("current");
    first.scrollIntoView({ block: "center" });
  } else if (spans.length) {
    say("原文中没有找到对应位置 (the cited span is not in this document's text).", "info");
  } else if (find) {
    say("原文中没有找到这句话，未标出 (the sentence was not found in the text, so nothing is highlighted).", "info");
  }
}

// Where a statement's sentence is in a document's text: [start, end), or null. Punctuation and spaces are
// ignored when the exact words are not there (the text may use other commas or quotes than the statement).
function findSentence(text, sentence) {
  const at = text.indexOf(sentence);
  if (at >= 0) return [at, at + sentence.length];
  const skip = /[\s\p{P}\p{S}]/u;
  const kept = [];
  let flat = "";
  for (let i = 0; i < text.length; i++) {
    if (!skip.test(text[i])) { kept.push(i); flat += text[i]; }
  }
  const bare = [...sentence].filter((c) => !skip.test(c)).join("");
  const j = bare ? flat.indexOf(bare) : -1;
  return j < 0 ? null : [kept[j], kept[j + bare.length - 1] + 1];
}

// ---- a region's timeline -------------------------------------------------------------------------------

async function showTimeline(code, params) {
  const sub = params.get("include_subregions") === "true";
  view().innerHTML = `<div class="card"><p class="muted">加载中… loading</p></div>`;
  const data = await api(`/regions/${encodeURIComponent(code)}/timeline?${query({ include_subregions: sub })}`);
  const items = data.data || data.items || data.events || [];
  const name = data.region?.name || data.name || code;
  view().innerHTML = `<div class="card" id="timeline"><h2>${labelChip("Region")}${esc(name)} 时间线 <span>Timeline</span></h2>
    <label><input type="checkbox" id="subregions" ${sub ? "checked" : ""}> 包括下辖地区 include sub-regions</label>
    ${items.length ? `<ul class="plain timeline">${items.map(timelineItem).join("")}</ul>`
      : `<p class="empty">没有记录 (nothing recorded for this region).</p>`}</div>`;
  $("#subregions").addEventListener("change", (e) => go(`#/timeline/${encodeURIComponent(code)}?include_subregions=${e.target.checked}`));
  bindSourceButtons(view());
}

function timelineItem(item) {
  const kinds = { inspection: "巡视巡察", issue: "问题", measure: "整改" };
  const what = item.text || item.name || [item.team, item.target].filter(Boolean).join(" → ");
  const source = item.document ? sourceButton(item.document, item.spans || []) : "";
  return `<li><span class="muted">${esc(item.date || "日期不详")}</span><span>${esc(kinds[item.kind] || item.kind || "")} · ${esc(what)} ${source}</span></li>`;
}

// ---- analysis: central problems, communities, co-occurrence, similar targets -------------------------

const ANALYSIS_TABS = [
  ["central", "核心问题", "Central problems"], ["communities", "对象群组", "Communities"],
  ["co-occurrence", "同时出现", "Co-occurrence"], ["similar", "相似对象", "Similar targets"],
];
const GROUP_BY = { category: "类别 category", cluster: "相似问题 cluster" };

function categoryName(code) {
  return CATEGORIES[code] ? `${CATEGORIES[code]} <span class="muted">${esc(code)}</span>` : esc(code);
}

// A problem as the analyses name it: a category (its code is the key) or a cluster's usual wording.
function problemName(p) {
  return p.key === p.category && CATEGORIES[p.key] ? `类别：${categoryName(p.key)}` : esc(p.problem);
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

async function showAnalysis(tab, params) {
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
      <label>类别 category<select name="category"><option value="">全部 all</option>${Object.entries(CATEGORIES)
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
  const target = (params.get("target") || currentTarget || "").trim();
  const note = f.category ? `<p class="muted">类别筛选不适用于此视图 (the category filter does not apply here).</p>` : "";
  results.innerHTML = `<form class="filters" id="similar-form" role="search">
      <label>对象 target<input name="target" value="${esc(target)}" placeholder="如 漾濞县" required></label>
      <button type="submit">查找相似 Find similar</button></form>${note}<div id="similar-results"></div>`;
  $("#similar-form").addEventListener("submit", (e) => {
    e.preventDefault();
    currentTarget = new FormData(e.target).get("target").trim();
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
  currentTarget = target;
  const me = page.target;
  const own = [...new Set(page.profile.map((p) => p.category))];
  const head = `<p>${labelChip(me.label)}${targetLink(me)} <span class="muted">${me.statements} 条问题表述 statements · 类别 categories: ${own.map((c) => esc(CATEGORIES[c] || c)).join("、") || "—"}</span></p>`;
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
        <td>${t.shared_categories.map((c) => esc(CATEGORIES[c] || c)).join("、") || "—"}</td>
        <td class="optional">${t.shared_problems.map((p) => problemName(p)).join("；") || "—"}</td></tr>`;
    }).join("")}</tbody></table></div>${page.count > page.data.length ? `<p class="muted">显示前 ${page.data.length} / ${page.count} 个 (showing the closest).</p>` : ""}`;
  for (const row of box.querySelectorAll("tr.clickable")) {
    const open = () => go(`#/entity/${encodeURIComponent(row.dataset.label)}/${encodeURIComponent(row.dataset.key)}`);
    row.addEventListener("click", (e) => { if (!e.target.closest("a")) open(); });
    row.addEventListener("keydown", (e) => { if (e.key === "Enter" && !e.target.closest("a")) open(); });
  }
}

// ---- upload --------------------------------------------------------------------------------------------

function showUpload() {
  view().innerHTML = `<div class="card" id="upload"><h2>上传文件 <span>Upload documents</span></h2>
    <p class="muted">txt、html、docx、pdf、md；UTF-8、GBK、Big5 均可。每个文件单独抽取并写入 (each file is extracted and written on its own).</p>
    <form id="upload-form" class="filters">
      <label>文件 files<input type="file" name="files" multiple required></label>
      <label>API key (若服务器要求 if the server needs one)<input type="password" name="key" autocomplete="off"></label>
      <button type="submit">上传 Upload</button>
    </form>
    <ul class="plain progress" id="upload-progress"></ul></div>`;
  $("#upload-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    const files = form.getAll("files").filter((f) => f && f.name);
    const key = form.get("key");
    const list = $("#upload-progress");
    list.innerHTML = files.map((f, i) => `<li class="pending" id="up-${i}">${esc(f.name)} — 等待 waiting</li>`).join("");
    for (const [i, file] of files.entries()) {
      const item = $(`#up-${i}`);
      item.textContent = `${file.name} — 处理中 working…`;
      const body = new FormData();
      body.append("files", file, file.name);
      try {
        const result = await api("/documents", { method: "POST", body, headers: key ? { "X-API-Key": key } : {} });
        const done = result.results[0];
        item.className = "ok";
        item.innerHTML = `${esc(file.name)} — ${esc(done.status)} · ${done.record.issues.length} 个问题 issues · ${done.record.teams.length} 个巡视组 teams`;
      } catch (err) {
        item.className = "failed";
        item.textContent = `${file.name} — ${err.status === 401 ? "需要 API key (writes need the API key)" : err.message}`;
      }
    }
  });
}

// ---- wiring --------------------------------------------------------------------------------------------

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", () => {
  $("#search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    go(`#/search?${query({ q: $("#search-input").value.trim() })}`);
  });
  $("#source-close").addEventListener("click", () => { $("#source").hidden = true; });
  route();
});
