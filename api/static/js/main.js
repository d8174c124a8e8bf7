// The page: routes from the URL hash to the views, and the wiring of the header.

import { showAnalysis } from "./analysis.js";
import { $, go, loadVocabulary, query, say, view } from "./core.js";
import { showEntity } from "./entity.js";
import { showRecurring } from "./recurring.js";
import { showSearch } from "./search.js";
import { showTimeline } from "./timeline.js";
import { showUpload } from "./upload.js";

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






// ---- wiring --------------------------------------------------------------------------------------------

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", async () => {
  try { await loadVocabulary(); } catch (err) { say(err.message); }
  $("#search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    go(`#/search?${query({ q: $("#search-input").value.trim() })}`);
  });
  $("#source-close").addEventListener("click", () => { $("#source").hidden = true; });
  route();
});
