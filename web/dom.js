// Building the page from data without ever parsing it as HTML: every piece of document text goes
// in as a text node, every attribute through setAttribute, and links only to this server's own
// addresses — so a title or a citation holding <script> or <img onerror=…> shows as text.

/** An element with attributes and children (strings become text nodes; null, false are skipped). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") el.className = value;
    else if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name === "href" || name === "src") el.setAttribute(name, localUrl(value));
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children to an element (nested arrays flattened). */
export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** An SVG element with attributes and children. */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs ?? {})) if (value !== null && value !== undefined) el.setAttribute(name, String(value));
  for (const child of children.flat(Infinity)) if (child !== null && child !== undefined) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

// Only addresses of this server: a path or a query (no javascript:, no other host).
function localUrl(value) {
  const text = String(value);
  return /^\/(?!\/)|^\?/.test(text) ? text : "#";
}

/** The address of a view: "/" with these parameters (empty ones left out). */
export function pageUrl(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") search.set(k, String(v));
  const s = search.toString();
  return s ? `/?${s}` : "/";
}

/** The address of an API call. */
export function apiUrl(path, params = {}) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") search.set(k, String(v));
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

/** GETs JSON from the API; throws with the server's message on an error. */
export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}
