// Uploading documents.

import { $, api, esc, view } from "./core.js";

export function showUpload() {
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
