// The service's HTTP API: fetch with the token, and its complaints as text.

const TOKEN_KEY = "benchop-token";

export class ApiError extends Error {
  constructor(status, body) {
    super(apiMessages(status, body).join("; "));
    this.status = status;
    this.body = body;
  }
}

/** The server's complaint as lines of text: FastAPI's {"detail": "..."} or {"detail": [{loc, msg}]}. */
export function apiMessages(status, body) {
  const detail = body && body.detail;
  if (typeof detail === "string") return [detail];
  if (Array.isArray(detail)) {
    return detail.map((d) => {
      const loc = (d.loc || []).filter((part) => part !== "body").join(".");
      return loc ? `${loc}: ${d.msg}` : String(d.msg);
    });
  }
  return [`the service answered ${status}`];
}

/** Call the API; the answer's JSON, or an ApiError. */
export async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const options = { method, headers };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch (err) {
    throw new ApiError(0, { detail: `cannot reach the service (${err.message})` });
  }
  let data = null;
  try {
    data = await response.json();
  } catch (err) {
    data = null;
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** The token field: kept for the browser session only, sent with every request. */
export function initToken(input) {
  input.value = sessionStorage.getItem(TOKEN_KEY) || "";
  input.addEventListener("change", () => {
    const value = input.value.trim();
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  });
}
