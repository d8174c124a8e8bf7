// What every view of the page shares: the display names the API serves (GET /vocabulary), the page's
// colours, DOM and escaping helpers, the JSON API client, navigation, and the little state views share.

export const vocab = { labels: {}, categories: {}, links: {} };
export const COLOURS = {
  Region: "#1565c0", Team: "#b3261e", Round: "#6a1b9a", Person: "#2e7d32", Organization: "#ef6c00",
  Locality: "#00838f", Issue: "#c2185b", Measure: "#5d4037", Category: "#546e7a", Document: "#9e9e9e",
};
// The region or body last opened or filtered on: the similar-targets search starts from it.
export const state = { currentTarget: "" };

export async function loadVocabulary() {
  Object.assign(vocab, await api("/vocabulary"));
}


export const $ = (selector, root = document) => root.querySelector(selector);
export const view = () => $("#view");

export function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

export function labelChip(label) {
  return `<span class="label" style="background:${COLOURS[label] || "#777"}">${esc(vocab.labels[label] || label)}</span>`;
}

export function say(text, kind = "error") {
  const box = $("#message");
  if (!text) { box.hidden = true; return; }
  box.textContent = text;
  box.className = kind;
  box.hidden = false;
}

export async function api(path, options = {}) {
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

export function query(params) {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") out.set(k, v);
  return out.toString();
}


export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = hash;
}

export function entityLink(label, key, name) {
  return `<a href="#/entity/${encodeURIComponent(label)}/${encodeURIComponent(key)}">${esc(name || key)}</a>`;
}

export function splitUid(uid) {
  const at = uid.indexOf(":");
  return [uid.slice(0, at), uid.slice(at + 1)];
}
