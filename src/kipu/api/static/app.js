// kipu dashboard. Every text that comes from the store (article text, sentences, actor words,
// titles, URLs) is article text, i.e. hostile input: it is only ever inserted as text nodes or
// textContent, never as HTML (there is no innerHTML/insertAdjacentHTML/document.write here);
// links are built from fixed routes, or from http(s) URLs checked with the URL parser.
"use strict";

(function () {
  const view = document.getElementById("view");
  const QUADS = ["", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
  const QUAD_COLORS = ["#999", "#4e9ad6", "#1f4e79", "#f0a35e", "#c0392b"];
  let generation = 0; // a newer navigation makes older renders give up

  // ---- DOM helpers -------------------------------------------------------------------------

  // el("a", {href: "#/x", class: "y"}, "text", child...) — attributes from this file only.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "on") for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
      else if (key === "href") node.setAttribute("href", safeHref(value));
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // An href is either one of the dashboard's own routes ("#/...") or an http(s) URL.
  function safeHref(value) {
    const text = String(value);
    if (text.startsWith("#/")) return text;
    return externalUrl(text) || "#/";
  }

  function render(...children) {
    view.replaceChildren();
    append(view, children);
  }

  function externalUrl(text) {
    if (typeof text !== "string") return null;
    try {
      const url = new URL(text);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function route(name, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (Array.isArray(value)) value.forEach((v) => query.append(key, v));
      else if (value !== null && value !== undefined && value !== "") query.set(key, value);
    }
    const q = query.toString();
    return "#/" + name + (q ? "?" + q : "");
  }

  // ---- data ---------------------------------------------------------------------------------

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (Array.isArray(value)) value.forEach((v) => query.append(key, v));
      else if (value !== null && value !== undefined && value !== "") query.set(key, value);
    }
    const q = query.toString();
    const response = await fetch("/api/" + path + (q ? "?" + q : ""), {
      headers: { accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) {
      let message = response.status + "";
      try {
        const body = await response.json();
        message += ": " + body.error + (body.fields && body.fields.length ? " (" + body.fields.join(", ") + ")" : "");
      } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    return response.json();
  }

  let worldPromise = null;
  function world() {
    worldPromise = worldPromise || fetch("/static/vendor/countries-110m.json").then((r) => r.json());
    return worldPromise;
  }

  // ---- shared pieces --------------------------------------------------------------------------

  // A sentence with its trigger and actors marked: text nodes and <mark> elements only.
  function markedText(text, marks, extraClass) {
    const spans = [];
    for (const kind of ["source", "target", "trigger"]) {
      const m = marks && marks[kind];
      if (m && m[0] >= 0 && m[1] <= text.length && m[0] < m[1]) spans.push({ start: m[0], end: m[1], kind });
    }
    return markSpans(text, spans, extraClass);
  }

  // Text cut at every span boundary; each piece is wrapped in a <mark> of its kinds.
  function markSpans(text, spans, baseClass) {
    const cuts = new Set([0, text.length]);
    spans.forEach((s) => { cuts.add(s.start); cuts.add(s.end); });
    const points = [...cuts].sort((a, b) => a - b);
    const out = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = text.slice(a, b);
      const active = spans.filter((s) => s.start <= a && s.end >= b);
      if (!active.length) { out.append(document.createTextNode(piece)); continue; }
      const kinds = new Set(active.map((s) => s.kind));
      const kind = kinds.has("trigger") ? "trigger" : kinds.has("source") ? "source" : kinds.has("target") ? "target" : null;
      const classes = [kind, ...active.filter((s) => s.extra).map((s) => s.extra), baseClass].filter(Boolean);
      const ids = active.map((s) => s.event).filter(Boolean);
      out.append(el(kind ? "mark" : "span", { class: classes.join(" "), "data-events": ids.join(" ") || null }, piece));
    }
    return out;
  }

  function actorLabel(actor) {
    if (!actor) return el("span", { class: "muted" }, "—");
    const words = actor.name || actor.text;
    return el("span", { title: actor.rule || null },
      el("span", { class: "code" }, actor.code || "?"), words ? " " : "", words ? el("span", { class: "muted" }, words) : null);
  }

  function amountText(q) {
    if (!q) return "";
    return q.text || "";
  }

  function placeText(p) {
    if (!p) return "";
    return p.name + (p.country ? " (" + p.country + ")" : "");
  }

  // Plot renders with class "kplot"; its <style> elements are removed before the chart is
  // attached (the CSP allows no inline style), dashboard.css holds their rules.
  function plot(options) {
    const node = Plot.plot({ className: "kplot", ...options });
    node.querySelectorAll("style").forEach((s) => s.remove());
    return node;
  }

  function ready(token) {
    if (token !== generation) return;
    view.dataset.ready = String(Math.round(performance.now()));
  }

  function failed(token, error) {
    if (token !== generation) return;
    render(el("p", { class: "error" }, "Could not load: " + error.message));
    view.dataset.ready = String(Math.round(performance.now()));
  }

  // ---- views ----------------------------------------------------------------------------------

  const FILTERS = [
    ["actor", "Actor (code or country)", "text"],
    ["dyad", "Dyad (A-B)", "text"],
    ["root", "CAMEO root", "text"],
    ["cameo", "CAMEO code", "text"],
    ["plover", "PLOVER type", "text"],
    ["date_from", "From", "date"],
    ["date_to", "To", "date"],
    ["place", "Place", "text"],
    ["text", "Words in sentence", "search"],
  ];
  const PASSED = ["actor", "country", "side", "dyad", "source", "target", "actor_code", "root", "cameo", "plover",
    "date_from", "date_to", "place", "place_country", "text", "doc_id", "event_id", "include_negated"];

  function filtersFrom(query) {
    const f = {};
    for (const key of PASSED) if (query.get(key)) f[key] = query.get(key);
    const quads = query.getAll("quad_class");
    if (quads.length) f.quad_class = quads;
    return f;
  }

  function filterForm(query, name) {
    const fields = FILTERS.map(([key, label, type]) =>
      el("label", {}, label, el("input", { name: key, type, value: query.get(key) || "", maxlength: 200 })));
    const quad = el("select", { name: "quad_class" }, el("option", { value: "" }, "any"),
      [1, 2, 3, 4].map((q) => el("option", { value: q, selected: query.getAll("quad_class").includes(String(q)) }, q + " " + QUADS[q])));
    const negated = el("input", { type: "checkbox", name: "include_negated", value: "true", checked: query.get("include_negated") === "true" });
    const form = el("form", { class: "filters" }, fields, el("label", {}, "QuadClass", quad),
      el("label", { class: "check" }, negated, "negated too"), el("button", { type: "submit" }, "Filter"),
      el("button", { type: "button", class: "plain", on: { click: () => { location.hash = route(name, {}); } } }, "Clear"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const params = {};
      for (const [key, value] of new FormData(form)) if (value) (params[key] = params[key] || []).push(value);
      // keep the exact-code filters the digest links with
      for (const key of ["source", "target", "actor_code", "event_id", "doc_id", "country", "place_country"]) {
        if (query.get(key)) params[key] = [query.get(key)];
      }
      location.hash = route(name, params);
    });
    return form;
  }

  async function eventsView(token, query) {
    const limit = 50;
    const offset = Math.max(0, parseInt(query.get("offset") || "0", 10) || 0);
    const sort = query.get("sort") || "date";
    const order = query.get("order") || "desc";
    const head = el("div", {}, el("h1", {}, "Events"), filterForm(query, "events"));
    render(head, el("p", { class: "muted" }, "Loading…"));
    const page = await api("events", { ...filtersFrom(query), sort, order, limit, offset });
    if (token !== generation) return;
    const sortButton = (key, label) => {
      const next = sort === key && order === "desc" ? "asc" : "desc";
      const params = Object.fromEntries(query.entries());
      return el("button", { type: "button", on: { click: () => { location.hash = route("events", { ...params, quad_class: query.getAll("quad_class"), sort: key, order: next, offset: 0 }); } } },
        label + (sort === key ? (order === "desc" ? " ▼" : " ▲") : ""));
    };
    const rows = page.events.map((e) => el("tr", { "data-event": e.event_id },
      el("td", { class: "nowrap" }, e.date || "—"),
      el("td", {}, actorLabel(e.source)),
      el("td", {}, el("span", { class: "code" }, e.cameo), " ", el("span", { class: "muted" }, e.cameo_name || ""),
        e.negated ? el("span", { class: "neg" }, " (negated)") : null),
      el("td", {}, actorLabel(e.target)),
      el("td", { class: "num" }, e.goldstein.toFixed(1)),
      el("td", {}, amountText(e.quantity)),
      el("td", {}, placeText(e.location)),
      el("td", { class: "sentence" }, markedText(e.sentence, e.marks)),
      el("td", {}, el("a", { href: route("article/" + encodeURIComponent(e.doc_id), { event: e.event_id }) }, "article"))));
    const table = el("table", { class: "events-table" },
      el("thead", {}, el("tr", {}, el("th", {}, sortButton("date", "date")), el("th", {}, sortButton("source", "source")),
        el("th", {}, sortButton("cameo", "event")), el("th", {}, sortButton("target", "target")),
        el("th", {}, sortButton("goldstein", "Goldstein")), el("th", {}, sortButton("amount", "amount")), el("th", {}, "place"),
        el("th", {}, "sentence"), el("th", {}, ""))),
      el("tbody", {}, rows));
    const params = Object.fromEntries(query.entries());
    const go = (to) => () => { location.hash = route("events", { ...params, quad_class: query.getAll("quad_class"), offset: to }); };
    const pager = el("div", { class: "pager" },
      el("button", { type: "button", class: "plain", disabled: offset === 0, on: { click: go(Math.max(0, offset - limit)) } }, "← previous"),
      el("span", { class: "muted" }, page.total ? `${offset + 1}–${offset + page.events.length} of ${page.total.toLocaleString("en")}` : "no events match"),
      el("button", { type: "button", class: "plain", disabled: offset + limit >= page.total, on: { click: go(offset + limit) } }, "next →"),
      el("a", { href: "/api/export/events.csv?" + new URLSearchParams(Object.entries(filtersFrom(query)).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x]))).toString(), download: "events.csv", class: "export" }, "CSV"));
    const legend = el("p", { class: "legend-marks" }, "In each sentence: ", el("mark", { class: "source" }, "source"), " ",
      el("mark", { class: "trigger" }, "trigger"), " ", el("mark", { class: "target" }, "target"), ".");
    render(head, legend, pager, table);
    ready(token);
  }

  async function dyadView(token, query) {
    const interval = query.get("interval") || "week";
    render(el("h1", {}, "Dyads"), el("p", { class: "muted" }, "Loading…"));
    const top = await api("dyads", { limit: 25 });
    if (token !== generation) return;
    let source = query.get("source");
    let target = query.get("target");
    if (!source || !target) {
      if (!top.dyads.length) {
        render(el("h1", {}, "Dyads"), el("p", { class: "muted" }, "No events with both a source and a target yet."));
        return ready(token);
      }
      source = top.dyads[0].source_code;
      target = top.dyads[0].target_code;
    }
    const series = await api("timeseries", { source, target, interval });
    if (token !== generation) return;
    const rows = [];
    const span = { day: 1, week: 7, month: 30 }[interval];
    for (const p of series.points) {
      const start = new Date(p.period + "T00:00:00Z");
      const end = interval === "month" ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)) : new Date(start.getTime() + span * 864e5);
      for (const q of [1, 2, 3, 4]) if (p["q" + q]) rows.push({ start, end, n: p["q" + q], quad: q + " " + QUADS[q] });
    }
    const points = series.points.map((p) => ({ date: new Date(p.period + "T00:00:00Z"), goldstein: p.goldstein_mean, n: p.n_events }));
    const width = Math.min(1100, view.clientWidth - 40);
    const bars = plot({
      width, height: 280, marginLeft: 48,
      x: { type: "utc", label: null },
      y: { label: `events per ${interval}`, grid: true },
      color: { domain: [1, 2, 3, 4].map((q) => q + " " + QUADS[q]), range: QUAD_COLORS.slice(1), legend: true },
      marks: [Plot.rectY(rows, { x1: "start", x2: "end", y: "n", fill: "quad", title: (d) => `${d.quad}: ${d.n}`, inset: 0.5 }), Plot.ruleY([0])],
    });
    const line = plot({
      width, height: 200, marginLeft: 48,
      x: { type: "utc", label: null },
      y: { label: "mean Goldstein", domain: [-10, 10], grid: true },
      marks: [Plot.ruleY([0], { stroke: "#999" }), Plot.lineY(points, { x: "date", y: "goldstein", stroke: "#1f4e79", marker: "circle" })],
    });
    const pick = top.dyads.map((d) => el("li", { class: d.source_code === source && d.target_code === target ? "selected" : null },
      el("a", { href: route("dyad", { source: d.source_code, target: d.target_code, interval }) }, d.source_code + " → " + d.target_code),
      el("span", { class: "muted" }, ` ${d.n_events} events, Goldstein ${d.goldstein_mean.toFixed(1)}`)));
    const intervals = ["day", "week", "month"].map((i) => el("a", { href: route("dyad", { source, target, interval: i }), class: i === interval ? "active" : null }, i));
    render(
      el("h1", {}, "Dyad ", el("span", { class: "code" }, source), " → ", el("span", { class: "code" }, target)),
      el("p", {}, "Per ", intervals.flatMap((a, i) => (i ? [" · ", a] : [a])), " · ",
        el("a", { href: route("events", { source, target }) }, "the events")),
      el("div", { class: "grid" },
        el("div", {}, el("div", { class: "chart", id: "dyad-bars" }, el("h2", {}, "Events by QuadClass"), bars),
          el("div", { class: "chart", id: "dyad-goldstein" }, el("h2", {}, "Mean Goldstein score"), line)),
        el("div", { class: "panel" }, el("h2", {}, "Busiest dyads"), el("ul", { class: "events" }, pick))));
    ready(token);
  }

  async function mapView(token, query) {
    const by = query.get("by") || "place";
    render(el("h1", {}, "Map"), el("p", { class: "muted" }, "Loading…"));
    const [data, atlas] = await Promise.all([api("map", { ...filtersFrom(query), by }), world()]);
    if (token !== generation) return;
    const countries = topojson.feature(atlas, atlas.objects.countries).features;
    const names = new Map(countries.map((f) => [f.id, f.properties.name]));
    const counts = new Map(data.countries.filter((c) => c.iso_numeric).map((c) => [c.iso_numeric, c.n_events]));
    const width = Math.min(1200, view.clientWidth - 20);
    const chart = plot({
      width, height: Math.round(width * 0.52),
      projection: { type: "equal-earth" },
      color: { type: "log", scheme: "blues", legend: true, label: "events by country of the " + by },
      marks: [
        Plot.sphere({ fill: "#eef3f8", stroke: "#c9d3de" }),
        Plot.geo(countries, { fill: "#e4e7eb", stroke: "#fff", strokeWidth: 0.5 }),
        Plot.geo(countries.filter((f) => counts.has(f.id)), { fill: (f) => counts.get(f.id), stroke: "#fff", strokeWidth: 0.5, title: (f) => `${f.properties.name}: ${counts.get(f.id)}` }),
        Plot.dot(data.places, { x: "lon", y: "lat", r: "n_events", fill: "#c0392b", fillOpacity: 0.55, stroke: "#fff", strokeWidth: 0.5, title: (p) => `${p.name || "?"}: ${p.n_events}` }),
      ],
      r: { range: [1.5, 14] },
    });
    const options = ["place", "source", "target"].map((b) => el("a", { href: route("map", { ...filtersFrom(query), by: b }), class: b === by ? "active" : null }, b));
    const rows = data.countries.slice(0, 30).map((c) => el("tr", {},
      el("td", {}, el("span", { class: "code" }, c.country), " ", el("span", { class: "muted" }, names.get(c.iso_numeric) || "")),
      el("td", { class: "num" }, c.n_events.toLocaleString("en")),
      el("td", { class: "num" }, c.goldstein_mean.toFixed(1)),
      el("td", {}, el("a", { href: route("events", by === "place" ? { place_country: c.country } : { country: c.country, side: by }) }, "events"))));
    render(
      el("h1", {}, "Map"),
      el("p", {}, "Countries of the event's ", options.flatMap((a, i) => (i ? [" · ", a] : [a])), "; dots: places of events."),
      filterForm(query, "map"),
      el("div", { class: "chart", id: "map" }, chart),
      el("h2", {}, "Countries"),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "country"), el("th", {}, "events"), el("th", {}, "mean Goldstein"), el("th", {}, ""))), el("tbody", {}, rows)));
    ready(token);
  }

  async function articleView(token, docId, query) {
    render(el("h1", {}, "Article"), el("p", { class: "muted" }, "Loading…"));
    const doc = await api("documents/" + encodeURIComponent(docId));
    if (token !== generation) return;
    const chosen = query.get("event") || (doc.events[0] && doc.events[0].event_id);
    const spans = [];
    for (const e of doc.events) {
      const base = e.span[0];
      for (const kind of ["source", "target", "trigger"]) {
        const m = e.marks[kind];
        if (m) spans.push({ start: base + m[0], end: base + m[1], kind, event: e.event_id });
      }
      if (e.event_id === chosen) spans.push({ start: e.span[0], end: e.span[1], kind: null, extra: "current", event: e.event_id });
    }
    const text = el("div", { class: "article-text" }, markSpans(doc.text, spans.filter((s) => s.start >= 0 && s.end <= doc.text.length && s.start < s.end)));
    const url = externalUrl(doc.url);
    const meta = el("p", { class: "muted" },
      [doc.published, doc.dateline, doc.byline].filter(Boolean).join(" · "),
      doc.published || doc.dateline || doc.byline ? " · " : "",
      url ? el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, doc.url) : (doc.url || doc.input_id));
    const list = doc.events.map((e) => el("li", { class: e.event_id === chosen ? "selected" : null },
      el("a", { href: route("article/" + encodeURIComponent(doc.doc_id), { event: e.event_id }) },
        el("span", { class: "code" }, e.cameo), " ", e.cameo_name || ""),
      e.negated ? el("span", { class: "neg" }, " (negated)") : null,
      el("div", {}, actorLabel(e.source), " → ", actorLabel(e.target)),
      el("div", { class: "muted" }, [e.date, amountText(e.quantity), placeText(e.location)].filter(Boolean).join(" · ")),
      e.event_id === chosen ? el("div", { class: "muted code" }, "rule: " + e.rule) : null));
    render(
      el("h1", {}, doc.title || "(no title)"), meta,
      el("p", { class: "legend-marks" }, el("mark", { class: "source" }, "source"), " ", el("mark", { class: "trigger" }, "trigger"), " ",
        el("mark", { class: "target" }, "target"), "; the outlined sentence is the event chosen on the right."),
      el("div", { class: "grid" }, el("div", { class: "panel" }, text),
        el("div", { class: "panel" }, el("h2", {}, `${doc.events.length} events`), el("ul", { class: "events" }, list))));
    const current = text.querySelector(".current");
    if (current && query.get("event")) current.scrollIntoView({ block: "center" });
    ready(token);
  }

  function digestLink(link, label) {
    // The server's dashboard links are "/#/events?..."; anything else is shown as plain text.
    const href = link && typeof link.dashboard === "string" && link.dashboard.startsWith("/#/") ? link.dashboard.slice(1) : null;
    return href ? el("a", { href }, label) : el("span", {}, label);
  }

  async function digestView(token, query) {
    render(el("h1", {}, "Digest"), el("p", { class: "muted" }, "Loading…"));
    const d = await api("digest", { date: query.get("date"), weeks: query.get("weeks") });
    if (token !== generation) return;
    const who = (code, label) => [el("span", { class: "code" }, code), label ? el("span", { class: "muted" }, " " + label) : null];
    const picker = el("input", { type: "date", name: "date", value: d.date });
    const form = el("form", { class: "filters" }, el("label", {}, "Day", picker), el("button", { type: "submit" }, "Show"));
    form.addEventListener("submit", (event) => { event.preventDefault(); location.hash = route("digest", { date: picker.value }); });
    const section = (title, items, render) => [el("h2", {}, title),
      items.length ? el("ul", { class: "digest" }, items.map((x) => el("li", {}, render(x)))) : el("p", { class: "muted" }, "none")];
    render(
      el("h1", {}, "Digest of ", d.date), form,
      el("p", {}, `${d.n_events} events on ${d.date} (a day over the ${d.weeks} weeks before: ${d.mean_before.toFixed(1)}); `,
        `${d.n_conflict} conflict events (before: ${d.conflict_mean_before.toFixed(1)} a day).`),
      section("Rising conflict dyads", d.rising_dyads, (x) => [who(x.source, x.source_label), " → ", who(x.target, x.target_label), ": ",
        digestLink(x.link, `${x.n_day} conflict events`), el("span", { class: "muted" }, ` (a day before: ${x.mean_before.toFixed(2)}, +${x.rise.toFixed(2)})`)]),
      section("New actors", d.new_actors, (x) => [who(x.code, x.label), x.country ? ", " + x.country : "", ": ", digestLink(x.link, `${x.n_events} events`)]),
      section("Largest amounts", d.largest_amounts, (x) => [digestLink(x.link, `${Math.round(x.amount).toLocaleString("en")} ${x.currency || x.unit || ""}`),
        el("span", { class: "muted" }, ` (${x.text || ""}) ${x.source || "?"} ${x.cameo} ${x.target || "?"}: `), x.sentence,
        " ", el("a", { href: route("article/" + encodeURIComponent(x.doc_id), { event: x.event_id }) }, "article")]));
    ready(token);
  }

  // ---- router -----------------------------------------------------------------------------------

  function parse() {
    const hash = location.hash.replace(/^#\/?/, "");
    const [path, search] = hash.split("?", 2);
    const parts = path.split("/").map((p) => { try { return decodeURIComponent(p); } catch (e) { return ""; } });
    return { name: parts[0] || "events", arg: parts[1] || null, query: new URLSearchParams(search || "") };
  }

  async function show() {
    const token = ++generation;
    delete view.dataset.ready;
    const { name, arg, query } = parse();
    document.querySelectorAll("header nav a").forEach((a) => a.classList.toggle("active", a.dataset.nav === name));
    try {
      if (name === "dyad") await dyadView(token, query);
      else if (name === "map") await mapView(token, query);
      else if (name === "article" && arg) await articleView(token, arg, query);
      else if (name === "digest") await digestView(token, query);
      else await eventsView(token, query);
    } catch (error) {
      failed(token, error);
    }
  }

  async function storeInfo() {
    try {
      const s = await api("summary");
      const range = s.date_min ? `, ${s.date_min} – ${s.date_max}` : "";
      document.getElementById("store-info").textContent =
        `${s.n_events.toLocaleString("en")} events, ${s.n_documents.toLocaleString("en")} documents${range}`;
    } catch (e) { /* the view shows errors */ }
  }

  window.addEventListener("hashchange", show);
  show();
  storeInfo();
})();
