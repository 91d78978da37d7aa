// The shopper page: one photo in; crop, identification and filtered matches out (DESIGN §5 search response).
const $ = (id) => document.getElementById(id);
const form = $("search-form");
const fileInput = $("photo");
let photo = null;          // the Blob the shopper chose (never stored by the server)
let examples = [];
let exampleIndex = 0;
const retailerNames = new Map(); // slug → display name, from the facets

init();

async function init() {
  wireDropZone();
  fileInput.addEventListener("change", () => fileInput.files[0] && choose(fileInput.files[0]));
  $("example").addEventListener("click", tryExample);
  $("retry-whole").addEventListener("click", () => {
    form.querySelector('input[name="crop"][value="off"]').checked = true;
    search();
  });
  form.addEventListener("submit", (e) => { e.preventDefault(); search(); });
  await loadFacets();
  // A shareable link that runs an example search straight away: /?example
  if (new URLSearchParams(location.search).has("example")) await tryExample();
}

function wireDropZone() {
  const zone = $("drop-zone");
  ["dragenter", "dragover"].forEach((t) => zone.addEventListener(t, (e) => { e.preventDefault(); zone.classList.add("over"); }));
  ["dragleave", "drop"].forEach((t) => zone.addEventListener(t, (e) => { e.preventDefault(); zone.classList.remove("over"); }));
  zone.addEventListener("drop", (e) => e.dataTransfer.files[0] && choose(e.dataTransfer.files[0]));
}

async function loadFacets() {
  try {
    const facets = await getJson("/api/v1/facets");
    const box = $("retailers");
    (facets.retailers || []).forEach((r) => {
      retailerNames.set(r.value, r.label || r.value);
      const label = document.createElement("label");
      label.className = "choice";
      const input = document.createElement("input");
      Object.assign(input, { type: "checkbox", name: "retailer", value: r.value });
      label.append(input, ` ${r.label || r.value} (${r.count})`);
      box.append(label);
    });
    $("retailers-empty").hidden = (facets.retailers || []).length > 0;
    const currency = $("currency");
    currency.replaceChildren(...(facets.currencies || ["USD"]).map((c) => new Option(c, c, c === "USD", c === "USD")));
  } catch (e) {
    showError(e);
  }
}

async function tryExample() {
  try {
    if (examples.length === 0) examples = await getJson("/api/v1/examples");
    if (examples.length === 0) throw new Error("No example photos are available on this server.");
    const example = examples[exampleIndex++ % examples.length];
    const res = await fetch(example.url);
    if (!res.ok) throw new Error(`Could not load the example photo (${res.status}).`);
    await choose(new File([await res.blob()], example.name || "example.jpg", { type: res.headers.get("content-type") || "image/jpeg" }));
    search();
  } catch (e) {
    showError(e);
  }
}

function choose(file) {
  photo = file;
  $("submit").disabled = false;
  $("status").textContent = `Ready: ${file.name || "photo"}`;
  const url = URL.createObjectURL(file);
  const img = $("preview");
  if (img.dataset.url) URL.revokeObjectURL(img.dataset.url);
  img.dataset.url = url;
  img.src = url;
  form.querySelector('input[name="crop"][value="auto"]').checked = true;
}

async function search() {
  if (!photo) return;
  const params = new URLSearchParams();
  const data = new FormData(form);
  params.set("crop", data.get("crop") || "auto");
  if (data.get("maxPrice")) params.set("maxPrice", data.get("maxPrice"));
  params.set("currency", data.get("currency") || "USD");
  data.getAll("retailer").forEach((r) => params.append("retailer", r));
  const body = new FormData();
  body.append("image", photo, photo.name || "photo.jpg");
  setBusy(true);
  try {
    const res = await fetch(`/api/v1/search?${params}`, { method: "POST", body });
    const json = await res.json().catch(() => null);
    if (!res.ok) throw problem(json, res.status);
    render(json, params.get("currency"));
  } catch (e) {
    showError(e);
  } finally {
    setBusy(false);
  }
}

function render(r, currency) {
  $("error").hidden = true;
  $("results").hidden = false;
  drawCrop(r.crop);
  const ids = r.identification || { top: [] };
  $("not-handbag").hidden = !ids.notHandbag;
  $("identities").replaceChildren(...(ids.top || []).map(identityItem));
  $("partial").hidden = !r.partial;
  $("partial").textContent = r.partial ? `Some of the index did not answer in time (shards ${r.missingShards.join(", ")}); results may be incomplete.` : "";
  $("matches").replaceChildren(...r.results.map((m) => matchCard(m, currency)));
  $("no-matches").hidden = r.results.length > 0;
  const t = r.timingsMs || {};
  $("timings").textContent = `Answered in ${Math.round(t.total || 0)} ms · index ${r.generation} · model ${r.modelVersion}`;
}

function drawCrop(crop) {
  const box = $("crop-box");
  const missed = crop && crop.mode === "auto" && !crop.found;
  $("no-crop").hidden = !missed;
  $("retry-whole").hidden = true;
  if (crop && crop.found && crop.box) {
    Object.assign(box.style, {
      left: `${crop.box.x * 100}%`, top: `${crop.box.y * 100}%`,
      width: `${crop.box.w * 100}%`, height: `${crop.box.h * 100}%`,
    });
    box.hidden = false;
    $("crop-caption").textContent = "The bag we found, outlined.";
    $("retry-whole").hidden = false;
  } else {
    box.hidden = true;
    $("crop-caption").textContent = crop && crop.mode === "off" ? "Searched the whole photo." : "";
  }
}

function identityItem(t) {
  const li = document.createElement("li");
  const pct = Math.round(t.probability * 100);
  li.innerHTML = `<div class="label"><span></span><span>${pct}%</span></div><div class="bar" role="img" aria-label="${pct} percent confidence"><span style="width:${pct}%"></span></div>`;
  li.querySelector(".label span").textContent = `${t.brand} · ${t.style}`;
  return li;
}

function matchCard(m, currency) {
  const li = document.createElement("li");
  li.className = "card";
  const img = document.createElement("img");
  Object.assign(img, { src: m.imageUrl, alt: `${m.brand} ${m.name}`, loading: "lazy" });
  const body = document.createElement("div");
  body.className = "body";
  body.append(
    el("span", "brand-name", m.brand),
    el("span", "name", m.name),
    priceLine(m),
    metaRow(m));
  const link = el("a", "", "View at retailer");
  Object.assign(link, { href: m.productUrl, target: "_blank", rel: "noopener" });
  link.setAttribute("aria-label", `View ${m.brand} ${m.name} at ${retailerName(m.retailer)}`);
  body.append(link);
  li.append(img, body);
  const shown = m.convertedPrice || m.price;
  li.dataset.price = shown.amount;
  li.dataset.currency = shown.currency;
  li.dataset.productId = m.productId;
  return li;
}

// The price in the shopper's chosen currency (what the price filter compares), and the retailer's own when it differs.
function priceLine(m) {
  const line = el("span", "price", money(m.convertedPrice || m.price));
  if (m.convertedPrice && m.convertedPrice.currency !== m.price.currency) {
    line.append(el("span", "original", ` (${money(m.price)})`));
  }
  return line;
}

function metaRow(m) {
  const row = el("span", "meta", "");
  row.append(el("span", "retailer", retailerName(m.retailer)), el("span", "score", `${Math.round(m.score * 100)}% similar`));
  return row;
}

function retailerName(slug) {
  return retailerNames.get(slug) || slug;
}

function money(p) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: p.currency }).format(p.amount);
  } catch {
    return `${p.amount} ${p.currency}`;
  }
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.textContent = text;
  return e;
}

async function getJson(url) {
  const res = await fetch(url);
  const json = await res.json().catch(() => null);
  if (!res.ok) throw problem(json, res.status);
  return json;
}

function problem(json, status) {
  const message = json && (json.detail || json.title) ? `${json.title}${json.detail ? ": " + json.detail : ""}` : `Request failed (${status}).`;
  return new Error(message);
}

function showError(e) {
  const box = $("error");
  box.textContent = e.message || String(e);
  box.hidden = false;
}

function setBusy(busy) {
  $("submit").disabled = busy || !photo;
  $("status").textContent = busy ? "Searching…" : "";
  form.setAttribute("aria-busy", busy);
}
