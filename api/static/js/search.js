// Search: entities by name.

import { $, api, esc, go, labelChip, query, view } from "./core.js";

export async function showSearch(q) {
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
