// The views of the workbench page, each built from the JSON API with dom.js (text as text).
import { h, svg, pageUrl, apiUrl, getJson } from "./dom.js";

const FILTERS = ["q", "type", "issuer", "place", "province", "level", "system", "year", "cites"];
const FACET_TITLES = { type: "Loại văn bản", issuer: "Cơ quan ban hành", level: "Cấp", province: "Tỉnh, thành phố", year: "Năm", system: "Hệ thống" };
const FILTER_TITLES = { q: "Từ khóa", type: "Loại", issuer: "Cơ quan", place: "Nơi", province: "Tỉnh", level: "Cấp", system: "Hệ thống", year: "Năm", cites: "Trích dẫn" };
const SYSTEM_NAMES = { state: "Nhà nước", party: "Đảng" };
const RELATION_NAMES = { cites: "trích dẫn", implements: "thực hiện", continues: "tiếp tục", amends: "sửa đổi", replaces: "thay thế", refers: "dẫn chiếu" };
const STATUS_NAMES = { resolved: "có trong bộ sưu tập", ambiguous: "chưa rõ văn bản nào", "not-in-collection": "không có trong bộ sưu tập", conflict: "ngày không khớp", self: "chính văn bản này" };
const PAGE_SIZE = 50;

const valueName = (facet, value) => (facet === "system" ? (SYSTEM_NAMES[value] ?? value) : value);
const docLabel = (d) => (d.docType && d.number ? `${d.docType.name} ${d.number}` : d.title ?? d.id);

function meta(d) {
  const where = d.province ? (d.formerProvince ? `${d.province} (trước đây ${d.formerProvince})` : d.province) : null;
  return [d.docType?.name, d.number, d.date, d.issuer, where, d.level].filter(Boolean).join(" · ");
}

/** A search passage with its matched words marked. */
function snippet(s) {
  if (!s) return null;
  const out = [];
  let at = 0;
  for (const m of [...s.highlights].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue;
    out.push(s.text.slice(at, m.start), h("mark", null, s.text.slice(m.start, m.start + m.length)));
    at = m.start + m.length;
  }
  out.push(s.text.slice(at));
  return h("p", { class: "snippet" }, out);
}

/** The list or search view, with facets, active filters, export and paging. */
export async function listView(params) {
  const current = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ""]).filter(([, v]) => v));
  const offset = Number(params.get("offset") || 0);
  const data = await getJson(apiUrl("/api/documents", { ...current, offset, limit: PAGE_SIZE }));
  const facetBox = h("aside", { class: "facets", "aria-label": "Bộ lọc" });
  for (const [facet, title] of Object.entries(FACET_TITLES)) {
    const counts = data.facets[facet];
    if (counts.length === 0) continue;
    const key = facet === "province" ? "place" : facet;
    facetBox.append(
      h("section", { class: "facet", "data-facet": facet },
        h("h3", null, title),
        h("ul", null, counts.slice(0, 12).map((c) => {
          const active = current[key] === c.value;
          return h("li", null, h("a", { href: pageUrl({ ...current, [key]: active ? "" : c.value }), class: active ? "active" : null, "data-value": c.value }, valueName(facet, c.value)), " ", h("span", { class: "count" }, String(c.count)));
        }))),
    );
  }
  // Who cites …: a reference in any spelling narrows the list to the documents citing it.
  facetBox.append(
    h("form", { class: "facet cites-form", action: "/", method: "get" },
      h("h3", null, "Trích dẫn văn bản…"),
      Object.entries(current).filter(([k]) => k !== "cites").map(([k, v]) => h("input", { type: "hidden", name: k, value: v })),
      h("input", { name: "cites", value: current.cites ?? "", placeholder: "Nghị quyết 29, 91-KL/TW…", "aria-label": "Văn bản được trích dẫn" }),
      h("button", { type: "submit" }, "Lọc")),
  );
  const chips = Object.entries(current).map(([k, v]) => h("a", { class: "chip", href: pageUrl({ ...current, [k]: "" }), title: "Bỏ bộ lọc" }, `${FILTER_TITLES[k]}: ${valueName(k, v)} ×`));
  const exportParams = { ...current };
  const results = h("section", { class: "results" },
    h("div", { class: "results-head" },
      h("h1", null, current.q ? `${data.total} văn bản khớp “${current.q}”` : `${data.total} văn bản`),
      h("span", { class: "exports" }, "Xuất danh sách: ", h("a", { href: apiUrl("/api/documents", { ...exportParams, format: "csv" }), id: "export-csv", download: "" }, "CSV"), " · ", h("a", { href: apiUrl("/api/documents", { ...exportParams, format: "excel" }), id: "export-excel", download: "" }, "Excel"))),
    chips.length ? h("div", { class: "chips" }, chips) : null,
    data.documents.length === 0 ? h("p", { class: "empty" }, "Không có văn bản nào.") : null,
    data.documents.map((d) =>
      h("article", { class: "result" },
        h("a", { class: "title", href: pageUrl({ doc: d.id }) }, d.title ?? docLabel(d)),
        h("div", { class: "meta" }, meta(d)),
        snippet(d.snippet))),
    h("nav", { class: "pages" },
      offset > 0 ? h("a", { href: pageUrl({ ...current, offset: Math.max(0, offset - PAGE_SIZE) }) }, "← Trang trước") : null,
      offset + PAGE_SIZE < data.total ? h("a", { href: pageUrl({ ...current, offset: offset + PAGE_SIZE }) }, "Trang sau →") : null),
  );
  return { title: current.q ? `Tìm: ${current.q}` : "Văn bản", node: h("div", { class: "layout" }, facetBox, results) };
}

// A regular expression for a citation's words, any run of spaces matching any other.
function citationPattern(raw) {
  return new RegExp(raw.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"), "g");
}

/** A paragraph with every citation in it marked: a link to its document, or marked not in the collection. */
function withCitations(text, marks) {
  const found = [];
  for (const m of marks) {
    m.pattern.lastIndex = 0;
    for (let r = m.pattern.exec(text); r; r = m.pattern.exec(text)) {
      found.push({ start: r.index, end: r.index + r[0].length, mark: m });
      if (r[0].length === 0) m.pattern.lastIndex++;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let at = 0;
  for (const f of found) {
    if (f.start < at) continue;
    out.push(text.slice(at, f.start));
    const words = text.slice(f.start, f.end);
    const { status, target, label } = f.mark;
    if (status === "resolved" && target) out.push(h("a", { class: "cite in-collection", href: pageUrl({ doc: target }), title: `${label}: mở văn bản` }, words));
    else out.push(h("span", { class: `cite ${status}`, title: `${label}: ${STATUS_NAMES[status] ?? status}` }, words));
    at = f.end;
  }
  out.push(text.slice(at));
  return out;
}

function sectionTree(sections) {
  if (!sections.length) return null;
  return h("ul", { class: "toc" }, sections.map((s) => h("li", null, [s.marker, s.heading].filter(Boolean).join(" ") || "(không tiêu đề)", sectionTree(s.children))));
}

function sectionText(sections, marks, depth = 2) {
  return sections.map((s) =>
    h("section", { class: "sec" },
      s.marker || s.heading ? h(`h${Math.min(depth + 1, 6)}`, null, withCitations([s.marker, s.heading].filter(Boolean).join(" "), marks)) : null,
      s.text.map((p) => h("p", null, withCitations(p, marks))),
      sectionText(s.children, marks, depth + 1)));
}

function field(name, value) {
  return value ? [h("dt", null, name), h("dd", null, value)] : [];
}

/** One document: header fields, bases, outline, text with its citations, signature, recipients, references and who cites it. */
export async function documentView(id) {
  const [{ document: d, record: r }, refs, citedBy] = await Promise.all([
    getJson(apiUrl(`/api/documents/${encodeURIComponent(id)}`)),
    getJson(apiUrl(`/api/documents/${encodeURIComponent(id)}/refs`)),
    getJson(apiUrl("/api/cites", { ref: id, transitive: "1" })),
  ]);
  const seen = new Set();
  const marks = [];
  for (const ref of refs.references) {
    const raw = ref.citation.raw;
    if (!raw.trim() || seen.has(raw)) continue;
    seen.add(raw);
    marks.push({ pattern: citationPattern(raw), status: ref.status, target: ref.resolvedTo?.id ?? (ref.status === "self" ? null : ref.citation.target), label: ref.label });
  }
  const citing = citedBy.groups.flatMap((g) => g.documents);
  const s = r.signature;
  const node = h("article", { class: "document" },
    h("p", { class: "doc-kind" }, meta(d)),
    h("h1", null, r.title ?? docLabel(d)),
    h("nav", { class: "toolbar" },
      h("a", { href: pageUrl({ graph: d.id }), id: "open-graph" }, "Đồ thị trích dẫn"),
      h("a", { href: pageUrl({ timeline: d.id }) }, "Dòng thời gian các văn bản trích dẫn"),
      h("a", { href: apiUrl(`/api/documents/${encodeURIComponent(d.id)}/refs`, { format: "csv" }), download: "" }, "Xuất trích dẫn (CSV)"),
      h("a", { href: apiUrl(`/api/documents/${encodeURIComponent(d.id)}/refs`, { format: "excel" }), download: "" }, "(Excel)")),
    h("dl", { class: "fields" },
      field("Số, ký hiệu", d.number), field("Loại", d.docType?.name), field("Ngày ban hành", r.date?.raw ?? d.date), field("Cơ quan ban hành", d.issuer), field("Cơ quan cấp trên", r.issuer?.parent),
      field("Nơi ban hành", d.place), field("Tỉnh, thành phố", d.province ? (d.formerProvince ? `${d.province} (trước đây ${d.formerProvince})` : d.province) : null), field("Cấp", d.level), field("Hệ thống", SYSTEM_NAMES[d.system]), field("Tệp", d.path)),
    r.bases.length ? h("section", { class: "bases" }, h("h2", null, "Căn cứ"), h("ul", null, r.bases.map((b) => h("li", null, withCitations(b.raw, marks))))) : null,
    r.sections.length ? h("section", null, h("h2", null, "Bố cục"), sectionTree(r.sections)) : null,
    h("section", { class: "text" }, h("h2", null, "Nội dung"),
      r.intro.map((p) => h("p", null, withCitations(p, marks))),
      sectionText(r.sections, marks),
      r.annexes.map((a) => h("section", { class: "annex" }, h("h3", null, a.title ?? "Phụ lục"), sectionText(a.sections, marks, 3)))),
    s ? h("section", { class: "signature" }, h("h2", null, "Chữ ký"), h("p", null, [s.authority, s.onBehalfOf].filter(Boolean).join(" ")), h("p", null, s.title), h("p", { class: "signer" }, s.signer)) : null,
    r.recipients.length ? h("section", null, h("h2", null, "Nơi nhận"), h("ul", null, r.recipients.map((x) => h("li", null, x.name, x.note ? ` (${x.note})` : "")))) : null,
    h("section", { class: "refs" }, h("h2", null, `Văn bản được trích dẫn (${refs.references.filter((x) => x.status !== "self").length})`),
      h("ul", null, refs.references.filter((x) => x.status !== "self").map((x) =>
        h("li", { class: `ref ${x.status}` },
          x.resolvedTo ? h("a", { href: pageUrl({ doc: x.resolvedTo.id }) }, x.label) : x.label,
          " ", h("span", { class: "status" }, STATUS_NAMES[x.status] ?? x.status),
          " ", h("a", { href: pageUrl({ cites: x.citation.key ?? x.label }), class: "who" }, "ai khác trích dẫn?"))))),
    h("section", { class: "cited-by", id: "cited-by" }, h("h2", null, `Được trích dẫn bởi (${citing.length})`),
      h("a", { href: apiUrl("/api/cites", { ref: d.id, transitive: "1", format: "csv" }), download: "" }, "Xuất CSV"),
      citing.length === 0 ? h("p", { class: "empty" }, "Chưa có văn bản nào trong bộ sưu tập trích dẫn văn bản này.") : null,
      h("ul", null, citing.map((c) =>
        h("li", null,
          h("a", { href: pageUrl({ doc: c.id }) }, c.title ?? docLabel(c)), " ", h("span", { class: "meta" }, meta(c)),
          c.chain ? h("div", { class: "chain" }, "qua: ", c.chain.slice(1).map((l, i) => [i ? " → " : "", l.relation && l.relation !== "cites" ? `${RELATION_NAMES[l.relation]} ` : "", l.id ? h("a", { href: pageUrl({ doc: l.id }) }, l.label) : l.label])) : null)))),
  );
  return { title: docLabel(d), node };
}

/** The citation graph around a document, drawn with Cytoscape.js, with a depth control. */
export async function graphView(ref, depth) {
  const graph = await getJson(apiUrl("/api/graph", { around: ref, depth }));
  const box = h("div", { id: "graph", class: "graph", role: "img", "aria-label": "Đồ thị trích dẫn" });
  const docs = graph.nodes.filter((n) => n.kind === "document");
  const node = h("section", { class: "graph-view" },
    h("h1", null, `Đồ thị trích dẫn quanh ${ref}`),
    h("nav", { class: "toolbar" }, "Độ sâu: ", [1, 2, 3, 4].map((n) => h("a", { href: pageUrl({ graph: ref, depth: n }), class: n === depth ? "active" : null, "data-depth": n }, String(n)))),
    h("p", { class: "legend" }, h("span", { class: "key doc" }, "■"), " văn bản trong bộ sưu tập  ", h("span", { class: "key ref" }, "□"), " văn bản chỉ được trích dẫn · ",
      h("span", { id: "graph-count" }, `${graph.nodes.length} nút, ${graph.edges.length} cạnh`), " · bấm vào một văn bản để mở"),
    box,
    h("details", null, h("summary", null, `Danh sách ${docs.length} văn bản trong đồ thị`), h("ul", null, docs.map((n) => h("li", null, h("a", { href: pageUrl({ doc: n.id }) }, n.label))))),
  );
  const after = async () => {
    const { default: cytoscape } = await import("/vendor/cytoscape.mjs");
    const ids = new Set(graph.nodes.map((n) => n.id));
    const cy = cytoscape({
      container: box,
      elements: [
        ...graph.nodes.map((n) => ({ data: { id: n.id, label: n.label.length > 48 ? `${n.label.slice(0, 47)}…` : n.label, kind: n.kind }, classes: n.kind })),
        ...graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e, i) => ({ data: { id: `e${i}`, source: e.from, target: e.to, label: RELATION_NAMES[e.relation] ?? e.relation } })),
      ],
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 10, "text-wrap": "wrap", "text-max-width": 120, "text-valign": "bottom", width: 18, height: 18 } },
        { selector: "node.document", style: { "background-color": "#2b6cb0" } },
        { selector: "node.reference", style: { "background-color": "#fff", "border-width": 2, "border-color": "#999", "border-style": "dashed" } },
        { selector: "edge", style: { label: "data(label)", "font-size": 8, "curve-style": "bezier", "target-arrow-shape": "triangle", width: 1, "line-color": "#aaa", "target-arrow-color": "#aaa", "text-rotation": "autorotate" } },
      ],
      maxZoom: 1.3,
      layout: graph.nodes.length > 150 ? { name: "grid" } : { name: "cose", animate: false, padding: 30, idealEdgeLength: () => 160, nodeRepulsion: () => 800000 },
    });
    cy.on("tap", "node.document", (event) => location.assign(pageUrl({ doc: event.target.id() })));
    box.setAttribute("data-nodes", String(cy.nodes().length));
  };
  return { title: `Đồ thị: ${ref}`, node, after };
}

const PALETTE = ["#2b6cb0", "#c05621", "#2f855a", "#b7791f", "#6b46c1", "#c53030", "#319795", "#718096", "#d53f8c", "#4a5568"];

/** A stacked bar chart of a timeline, drawn as SVG. */
function timelineChart(t) {
  const width = Math.max(320, t.bins.length * 28 + 60);
  const height = 260;
  const top = 10, bottom = 60, left = 40;
  const max = Math.max(1, ...t.bins.map((b) => b.total));
  const scale = (height - top - bottom) / max;
  const barW = (width - left - 10) / Math.max(1, t.bins.length);
  const color = new Map(t.series.map((s, i) => [s, PALETTE[i % PALETTE.length]]));
  const bars = t.bins.flatMap((b, i) => {
    let y = height - bottom;
    const x = left + i * barW + 2;
    const parts = t.series.filter((s) => b.counts[s]).map((s) => {
      const hgt = b.counts[s] * scale;
      y -= hgt;
      return svg("rect", { x, y, width: Math.max(2, barW - 4), height: hgt, fill: color.get(s) }, svg("title", null, `${b.period} · ${s}: ${b.counts[s]}`));
    });
    const label = svg("text", { x: x + barW / 2 - 2, y: height - bottom + 12, "font-size": 10, "text-anchor": "end", transform: `rotate(-45 ${x + barW / 2 - 2} ${height - bottom + 12})` }, b.period);
    return [...parts, label];
  });
  const axis = [0, Math.ceil(max / 2), max].map((v) => svg("text", { x: left - 6, y: height - bottom - v * scale + 4, "font-size": 10, "text-anchor": "end" }, String(v)));
  return svg("svg", { class: "chart", width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Biểu đồ dòng thời gian" },
    svg("line", { x1: left, y1: height - bottom, x2: width - 5, y2: height - bottom, stroke: "#444" }), axis, bars);
}

/** When the documents citing one were issued, by year or month, split by province or level. */
export async function timelineView(params) {
  const ref = params.get("timeline");
  const by = params.get("by") === "month" ? "month" : "year";
  const split = params.get("split") === "province" || params.get("split") === "level" ? params.get("split") : "";
  const transitive = params.get("transitive") === "1" ? "1" : "";
  const t = await getJson(apiUrl("/api/timeline", { ref, by, split, transitive }));
  const link = (change, text, active) => h("a", { href: pageUrl({ timeline: ref, by, split, transitive, ...change }), class: active ? "active" : null }, text);
  const total = t.bins.reduce((n, b) => n + b.total, 0);
  const node = h("section", { class: "timeline-view" },
    h("h1", null, `Dòng thời gian: các văn bản trích dẫn ${t.target}`),
    h("nav", { class: "toolbar" },
      "Theo: ", link({ by: "year" }, "năm", by === "year"), " ", link({ by: "month" }, "tháng", by === "month"),
      " · Chia theo: ", link({ split: "" }, "không", !split), " ", link({ split: "province" }, "tỉnh", split === "province"), " ", link({ split: "level" }, "cấp", split === "level"),
      " · ", link({ transitive: transitive ? "" : "1" }, transitive ? "chỉ trích dẫn trực tiếp" : "kể cả trích dẫn gián tiếp", false),
      " · ", h("a", { href: pageUrl({ cites: ref }) }, "danh sách")),
    h("p", null, `${total} văn bản có ngày${t.undated ? `, ${t.undated} không rõ ngày` : ""}.`),
    t.bins.length ? timelineChart(t) : h("p", { class: "empty" }, "Không có văn bản nào có ngày."),
    h("ul", { class: "legend" }, t.series.map((s, i) => h("li", null, h("span", { class: `swatch s${i % PALETTE.length}` }, "■"), " ", s))),
    h("table", { class: "numbers" }, h("thead", null, h("tr", null, h("th", null, "Kỳ"), t.series.map((s) => h("th", null, s)), h("th", null, "Tổng"))),
      h("tbody", null, t.bins.filter((b) => b.total > 0).map((b) => h("tr", null, h("td", null, b.period), t.series.map((s) => h("td", null, String(b.counts[s] ?? 0))), h("td", null, String(b.total)))))),
  );
  return { title: `Dòng thời gian: ${t.target}`, node };
}

function countTable(title, counts, linkOf) {
  return h("section", { class: "stat" }, h("h2", null, title), h("table", null, h("tbody", null, counts.map((c) => h("tr", null, h("td", { class: "n" }, String(c.count)), h("td", null, linkOf ? h("a", { href: linkOf(c.value) }, c.value) : c.value))))));
}

/** The collection's statistics: counts by type, issuer and year, and the most cited documents. */
export async function statsView() {
  const s = await getJson("/api/stats");
  const years = [...s.byYear].sort((a, b) => (a.value < b.value ? -1 : 1));
  const node = h("section", { class: "stats-view" },
    h("h1", null, "Thống kê bộ sưu tập"),
    h("p", null, `${s.documents} văn bản (${s.files} tệp), lập chỉ mục lúc ${s.createdAt}.`),
    h("div", { class: "stat-grid" },
      countTable("Theo loại văn bản", s.byType, (v) => pageUrl({ type: v })),
      countTable("Theo năm", years, (v) => pageUrl({ year: v })),
      countTable("Theo cơ quan ban hành", s.byIssuer, (v) => pageUrl({ issuer: v })),
      h("section", { class: "stat" }, h("h2", null, "Được trích dẫn nhiều nhất"),
        h("table", null, h("tbody", null, s.mostCited.map((c) => h("tr", null,
          h("td", { class: "n" }, String(c.citedBy)),
          h("td", null, c.id ? h("a", { href: pageUrl({ doc: c.id }) }, c.label) : c.label),
          h("td", null, h("a", { href: pageUrl({ cites: c.node }) }, "ai trích dẫn"), " · ", h("a", { href: pageUrl({ timeline: c.node, split: "level" }) }, "dòng thời gian"), " · ", h("a", { href: pageUrl({ graph: c.node }) }, "đồ thị")))))))),
  );
  return { title: "Thống kê", node };
}
