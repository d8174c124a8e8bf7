// The source document, with the supporting spans highlighted.

import { $, api, esc, say } from "./core.js";

export function sourceButton(doc, spans, find = "") {
  const encoded = esc(JSON.stringify((spans || []).map((s) => Array.isArray(s) ? s : [s.start, s.end])));
  const sentence = find ? ` data-find="${esc(find)}"` : "";
  return `<button type="button" class="link open-source" data-doc="${esc(doc)}" data-spans="${encoded}"${sentence}>查看原文 source</button>`;
}

export function bindSourceButtons(root) {
  for (const button of root.querySelectorAll("button.open-source:not([data-bound])")) {
    button.dataset.bound = "1";
    button.addEventListener("click", (e) => {
      e.stopPropagation();
      openSource(button.dataset.doc, JSON.parse(button.dataset.spans || "[]"), button.dataset.find || "")
        .catch((err) => say(err.message));
    });
  }
}

export async function openSource(docId, spans, find = "") {
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
