// A region's timeline.

import { $, api, esc, go, labelChip, query, view } from "./core.js";
import { bindSourceButtons, sourceButton } from "./source.js";

export async function showTimeline(code, params) {
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
