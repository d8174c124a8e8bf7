// Recurring problems: the flagship table, each row opening its rounds and sentences.

import { $, api, entityLink, esc, go, query, splitUid, state, view, vocab } from "./core.js";
import { bindSourceButtons, sourceButton } from "./source.js";

export async function showRecurring(params) {
  const filters = {
    target: params.get("target") || "", category: params.get("category") || "", min_rounds: params.get("min_rounds") || "2",
    since: params.get("since") || "", until: params.get("until") || "", link: params.get("link") || "similar",
  };
  if (filters.target) state.currentTarget = filters.target;
  view().innerHTML = `<div class="card" id="recurring"><h2>反复出现的问题 <span>Problems recurring across rounds</span></h2>
    <form class="filters" id="recurring-filters">
      <label>对象 target<input name="target" value="${esc(filters.target)}" placeholder="如 漾濞县"></label>
      <label>类别 category<select name="category"><option value="">全部 all</option>${Object.entries(vocab.categories)
        .map(([k, v]) => `<option value="${k}" ${k === filters.category ? "selected" : ""}>${v} ${k}</option>`).join("")}</select></label>
      <label>至少轮次 min rounds<input name="min_rounds" type="number" min="2" max="20" value="${esc(filters.min_rounds)}"></label>
      <label>起 since<input name="since" type="date" value="${esc(filters.since)}"></label>
      <label>止 until<input name="until" type="date" value="${esc(filters.until)}"></label>
      <label>关联强度 link<select name="link">${Object.entries(vocab.links)
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
      <td>${esc(r.target)}</td><td>${esc(r.problem)} <span class="muted">${esc(vocab.categories[r.category] || r.category)}</span></td>
      <td>${r.round_count}</td><td class="optional">${esc(latest(r) || "—")}</td><td class="optional">${esc(vocab.links[r.strength] || r.strength)}</td></tr>
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
  return `<div class="rounds"><p>${target} · ${esc(vocab.links[r.strength] || r.strength)}</p>${r.rounds.map((round, i) => `
    <div class="round"><strong>第${i + 1}轮 · ${esc(round.name)}</strong>
      <span class="muted">${esc(round.teams.join("、"))} ${esc(round.date || "日期不详 date unknown")} · ${esc(vocab.links[round.linked_by] || round.linked_by)}</span>
      ${round.statements.map((s) => statementHtml(s, "")).join("")}
      ${round.stated_by.map((s) => statementHtml(s, "后来的文件指出此轮已提出 (a later document says this round raised it): ")).join("")}
    </div>`).join("")}</div>`;
}

function statementHtml(s, prefix) {
  return `<p class="statement">${esc(prefix)}“${esc(s.text)}” <span class="muted">${esc(s.document_name || s.document)}</span>
    ${sourceButton(s.document, s.spans)}</p>`;
}
