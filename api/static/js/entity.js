// One entity: its facts and its graph (cytoscape.js).

import { $, api, COLOURS, entityLink, esc, go, labelChip, say, state, view, vocab } from "./core.js";
import { bindSourceButtons, sourceButton } from "./source.js";

function otherEnd(rel) {
  const node = rel.node || rel.other || rel.target || rel;
  return { label: node.label, key: node.key, name: node.name || node.key };
}

export async function showEntity(label, key) {
  view().innerHTML = `<div class="card"><p class="muted">加载中… loading</p></div>`;
  const entity = await api(`/entities/${encodeURIComponent(label)}/${encodeURIComponent(key)}`);
  const props = entity.properties || entity.props || {};
  const name = props.name || props.text || entity.name || key;
  if (label === "Region" || label === "Organization") state.currentTarget = name;
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
  list.innerHTML = labels.map((l) => `<li><span class="dot" style="background:${COLOURS[l] || "#777"}"></span>${esc(vocab.labels[l] || l)} ${esc(l)}</li>`).join("");
}
