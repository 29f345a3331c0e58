// The workbench page: one view per address — a list or search with facets (/, /?q=…), a document
// (/?doc=ID), the citation graph around a document (/?graph=REF), the timeline of the documents
// citing one (/?timeline=REF), the collection's statistics (/?stats=1). Links are plain
// addresses, so every view can be bookmarked and shared.
import { h, pageUrl } from "./dom.js";
import { listView, documentView, graphView, timelineView, statsView } from "./views.js";

const main = document.getElementById("main");
const params = new URLSearchParams(location.search);

async function render() {
  const box = document.getElementById("q");
  if (box && params.get("q")) box.value = params.get("q");
  try {
    let view;
    if (params.get("doc")) view = await documentView(params.get("doc"));
    else if (params.get("graph")) view = await graphView(params.get("graph"), Number(params.get("depth") || 1));
    else if (params.get("timeline")) view = await timelineView(params);
    else if (params.get("stats")) view = await statsView();
    else view = await listView(params);
    main.replaceChildren(view.node);
    document.title = `${view.title} — vanban`;
    if (view.after) await view.after();
    main.setAttribute("data-ready", "1");
  } catch (error) {
    main.replaceChildren(h("div", { class: "error", role: "alert" }, h("strong", null, "Lỗi: "), error.message, " ", h("a", { href: pageUrl({}) }, "Về trang đầu")));
    main.setAttribute("data-ready", "1");
  }
}

// Keep the search filters when a new query is typed into the box of a list view.
document.getElementById("search-form")?.addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.getElementById("q").value.trim();
  const keep = params.get("doc") || params.get("graph") || params.get("timeline") || params.get("stats") ? {} : Object.fromEntries([...params].filter(([k]) => k !== "q" && k !== "offset"));
  location.assign(pageUrl({ ...keep, q }));
});

render();
