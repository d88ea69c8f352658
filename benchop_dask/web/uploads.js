// Uploaded methods (GET /methods, those marked "uploaded"): owner, version, evaluation status and verdict.

import { api } from "./api.js";
import { byId, el } from "./dom.js";

/** Wire the refresh button. */
export function initUploads() {
  byId("uploads-refresh").addEventListener("click", loadUploads);
}

/** Show the uploaded methods of a GET /methods answer. */
export function showUploads(methods) {
  const uploaded = (methods || []).filter((m) => m.uploaded);
  byId("uploads-message").textContent = uploaded.length ? "" : "none yet";
  byId("uploads-table").tBodies[0].replaceChildren(...uploaded.map(uploadRow));
}

export async function loadUploads() {
  try {
    showUploads(await api("GET", "/methods"));
  } catch (err) {
    byId("uploads-message").textContent = err.message;
  }
}

function uploadRow(method) {
  const verdict = (method.summary || []).map((line) => el("li", { text: line }));
  return el("tr", { className: "upload-row", dataset: { name: method.name } },
    el("td", { text: method.name, title: method.title }),
    el("td", { className: "num", text: String(method.version) }),
    el("td", { text: method.owner }),
    el("td", {}, el("span", { className: `badge status-${method.status}`, text: method.status })),
    el("td", {}, verdict.length ? el("ul", { className: "verdict" }, ...verdict) : el("span", { className: "muted", text: "–" })));
}
