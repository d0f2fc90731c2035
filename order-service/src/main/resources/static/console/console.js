// The reviewers' console: reads the order service's JSON API (no login for reads) and sends the admin token,
// typed into the page and kept for this tab only, with the few requests that change something.
import { swimlane, checkBackOf } from "./swimlane.js";

const REFRESH_MS = 2000;
const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------------- the API

class Problem extends Error {
  constructor(status, body) {
    super(body && (body.detail || body.title) ? `${status} ${body.title || ""}: ${body.detail || ""}` : `HTTP ${status}`);
    this.status = status;
  }
}

async function api(path, { method = "GET", body, admin = false } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  if (admin) {
    headers["X-Admin-Token"] = $("admin-token").value;
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Problem(response.status, json);
  }
  return json;
}

function query(parameters) {
  const search = new URLSearchParams();
  Object.entries(parameters).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== "") {
      search.set(key, value);
    }
  });
  const text = search.toString();
  return text ? "?" + text : "";
}

// ---------------------------------------------------------------------------------------------- rendering

function node(tag, content, attributes = {}) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([key, value]) => element.setAttribute(key, value));
  if (content instanceof Node) {
    element.append(content);
  } else if (content !== undefined && content !== null) {
    element.textContent = String(content);
  }
  return element;
}

function badge(value) {
  return value ? node("span", value, { class: `badge ${value}` }) : "";
}

function orderLink(orderId) {
  return orderId ? node("a", orderId, { href: `#/order/${encodeURIComponent(orderId)}`, class: "order-link mono" }) : "";
}

function row(cells, attributes = {}) {
  const tr = node("tr", null, attributes);
  cells.forEach((cell) => tr.append(cell instanceof Node ? wrap(cell) : node("td", cell)));
  return tr;
}

function wrap(content) {
  const td = node("td");
  td.append(content);
  return td;
}

function fill(tbody, rows) {
  tbody.replaceChildren(...rows);
}

function time(instant) {
  return instant ? new Date(instant).toLocaleString(undefined, { hour12: false }) : "";
}

function waited(from, to) {
  return from && to ? `${Date.parse(to) - Date.parse(from)} ms` : "";
}

function showProblem(id, error) {
  const element = $(id);
  element.hidden = !error;
  element.textContent = error ? String(error.message || error) : "";
}

/** Any list of records as a table: a column per field of the first (nested values as JSON). */
function genericTable(records, actions) {
  if (!records.length) {
    return node("p", "none", { class: "muted" });
  }
  const fields = Object.keys(records[0]);
  const table = node("table");
  const head = node("tr");
  fields.forEach((field) => head.append(node("th", field)));
  if (actions) {
    head.append(node("th", ""));
  }
  table.append(node("thead", head));
  const body = node("tbody");
  records.forEach((record) => {
    const tr = row(fields.map((field) => cellOf(field, record[field])));
    if (actions) {
      tr.append(wrap(actions(record)));
    }
    body.append(tr);
  });
  table.append(body);
  return table;
}

function cellOf(field, value) {
  if (field === "orderId") {
    return orderLink(value);
  }
  if (value !== null && typeof value === "object") {
    return node("span", JSON.stringify(value), { class: "mono" });
  }
  return value === null || value === undefined ? "" : String(value);
}

/** A list out of an answer that is either a list or an object holding one. */
function listIn(answer, ...names) {
  if (Array.isArray(answer)) {
    return answer;
  }
  for (const name of names) {
    if (answer && Array.isArray(answer[name])) {
      return answer[name];
    }
  }
  return [];
}

// ---------------------------------------------------------------------------------------------- orders

const orders = { cursors: [null], timer: null };

async function loadOrders() {
  const cursor = orders.cursors[orders.cursors.length - 1];
  try {
    const answer = await api("/api/orders" + query({ status: $("orders-status").value,
      stuckSeconds: $("orders-status").value === "STUCK" ? $("orders-stuck").value : "",
      limit: $("orders-limit").value, cursor }));
    const list = listIn(answer, "orders", "items");
    orders.next = answer && !Array.isArray(answer) ? answer.nextCursor || answer.next || null : null;
    $("orders-older").disabled = !orders.next;
    fill($("orders-table").tBodies[0], list.map((order) => row([time(order.createdAt), orderLink(order.orderId),
      badge(order.status), order.reason || "", order.userId, `${order.productId} × ${order.quantity}`,
      (order.amountCents / 100).toFixed(2), order.inventory || "", order.payment || ""],
    { "data-order-id": order.orderId, "data-status": order.status })));
    $("orders-updated").textContent = `${list.length} shown · page ${orders.cursors.length} · updated ${time(new Date())}`;
    showProblem("orders-problem", null);
  } catch (error) {
    showProblem("orders-problem", error);
  }
}

function startOrders() {
  loadOrders();
  clearInterval(orders.timer);
  orders.timer = setInterval(() => {
    if ($("orders-auto").checked && !$("view-orders").hidden) {
      loadOrders();
    }
  }, REFRESH_MS);
}

function wireOrders() {
  const restart = () => {
    orders.cursors = [null];
    loadOrders();
  };
  ["orders-status", "orders-stuck", "orders-limit"].forEach((id) => $(id).addEventListener("change", restart));
  $("orders-filter").addEventListener("submit", (event) => event.preventDefault());
  $("orders-newest").addEventListener("click", restart);
  $("orders-older").addEventListener("click", () => {
    if (orders.next) {
      orders.cursors.push(orders.next);
      loadOrders();
    }
  });
}

// ---------------------------------------------------------------------------------------------- one order

async function showOrder(orderId) {
  $("order-id").value = orderId;
  $("swimlane-box").replaceChildren();
  $("order-summary").replaceChildren();
  try {
    const timeline = await api(`/api/orders/${encodeURIComponent(orderId)}/timeline`);
    const entries = timeline.entries || [];
    $("order-summary").replaceChildren(summaryOf(timeline));
    $("swimlane-box").replaceChildren(swimlane(entries));
    const start = entries.length ? Date.parse(entries[0].at) : 0;
    fill($("order-entries").tBodies[0], entries.map((entry) => row([`+${Date.parse(entry.at) - start}`,
      entry.service, entry.step, entry.detail || "", node("span", entry.instance || "", { class: "mono" }),
      node("span", entry.txId || "", { class: "mono" })], { "data-step": entry.step })));
    fill($("order-checkbacks").tBodies[0], entries.filter((entry) => entry.step === "CHECK_BACK").map((entry) => {
      const check = checkBackOf(entry.detail);
      return row([entry.service, check.event || "", check.attempt || "", badge(check.answer),
        node("span", entry.instance || "", { class: "mono" }), check.waitedMs != null ? `${check.waitedMs} ms` : "",
        time(entry.at)], { "data-answer": check.answer || "" });
    }));
    showProblem("order-problem", timeline.unavailable && timeline.unavailable.length
        ? new Error("not available: " + timeline.unavailable.join("; ")) : null);
  } catch (error) {
    fill($("order-entries").tBodies[0], []);
    fill($("order-checkbacks").tBodies[0], []);
    showProblem("order-problem", error);
  }
}

function summaryOf(timeline) {
  const summary = node("div", null, { class: "summary", id: "order-status", "data-status": timeline.status || "" });
  summary.append(node("span", timeline.orderId, { class: "mono" }));
  summary.append(timeline.status ? badge(timeline.status) : node("span", "no order row (rolled back)"));
  if (timeline.reason) {
    summary.append(node("span", "reason " + timeline.reason));
  }
  summary.append(node("span", `${(timeline.entries || []).length} entries`, { class: "muted" }));
  return summary;
}

function wireOrder() {
  $("order-lookup").addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/order/${encodeURIComponent($("order-id").value.trim())}`;
  });
}

// ---------------------------------------------------------------------------------------------- check-backs

/** Across the services when the order service gathers them, else the order service's own. */
async function loadCheckBacks() {
  const parameters = query({ answer: $("checkbacks-answer").value, since: $("checkbacks-since").value.trim(),
    until: $("checkbacks-until").value.trim(), limit: $("checkbacks-limit").value });
  try {
    let answer;
    let source = "all services";
    try {
      answer = await api("/api/console/checkbacks" + parameters);
    } catch (error) {
      if (error.status !== 404) {
        throw error;
      }
      answer = await api("/api/transactions/checkbacks" + parameters);
      source = "order service only";
    }
    const unavailable = answer && answer.unavailable && answer.unavailable.length
      ? " · not available: " + answer.unavailable.join("; ") : "";
    let list = listIn(answer, "checkBacks", "checkbacks", "items");
    if ($("checkbacks-repeated").checked) {
      list = list.filter((check) => check.attempt > 1);
    }
    $("checkbacks-source").textContent = `${list.length} from ${source}${unavailable}`;
    fill($("checkbacks-table").tBodies[0], list.map((check) => row([time(check.answeredAt),
      check.service || (check.instance || "").split("@")[0], orderLink(check.orderId), check.eventType || "",
      check.attempt, badge(check.answer), node("span", check.instance || "", { class: "mono" }),
      node("span", check.broker || "", { class: "mono" }), waited(check.receivedAt, check.answeredAt)],
    { "data-order-id": check.orderId || "", "data-answer": check.answer, "data-attempt": check.attempt })));
    showProblem("checkbacks-problem", null);
  } catch (error) {
    showProblem("checkbacks-problem", error);
  }
}

function wireCheckBacks() {
  $("checkbacks-filter").addEventListener("submit", (event) => {
    event.preventDefault();
    loadCheckBacks();
  });
  ["checkbacks-answer", "checkbacks-repeated"].forEach((id) => $(id).addEventListener("change", loadCheckBacks));
}

// ---------------------------------------------------------------------------------------------- in flight, dead letters

async function loadInFlight() {
  try {
    const answer = await api("/api/transactions/in-flight");
    $("in-flight-list").replaceChildren(genericTable(listIn(answer, "transactions", "inFlight", "items")));
    showProblem("in-flight-problem", null);
  } catch (error) {
    $("in-flight-list").replaceChildren();
    showProblem("in-flight-problem", error);
  }
  try {
    const byGroup = await api("/api/console/dead-letters");
    const view = node("div");
    view.append(genericTable(Object.entries(byGroup || {}).map(([group, letters]) => ({ group,
      "dead letters": letters.length, "not replayed": letters.filter((letter) => !letter.replayed).length })),
    (group) => {
      const button = node("button", "Replay", { type: "button", "data-group": group.group });
      button.disabled = group["not replayed"] === 0;
      button.addEventListener("click", () => replay(group.group));
      return button;
    }));
    const letters = Object.values(byGroup || {}).flat();
    if (letters.length) {
      view.append(node("h3", "Every dead letter"));
      view.append(genericTable(letters));
    }
    $("dead-letters-list").replaceChildren(view);
    showProblem("dead-letters-problem", null);
  } catch (error) {
    $("dead-letters-list").replaceChildren();
    showProblem("dead-letters-problem", error);
  }
}

/** Sends a group's dead letters not replayed yet back to that group (admin token). */
async function replay(group) {
  try {
    const answer = await api(`/api/console/dead-letters/${encodeURIComponent(group)}/replay`,
        { method: "POST", admin: true });
    await loadInFlight();
    $("dead-letters-replayed").textContent = `${group}: ${listIn(answer, "replayed").length} replayed`;
  } catch (error) {
    showProblem("dead-letters-problem", error);
  }
}

// ---------------------------------------------------------------------------------------------- flash sales

async function loadFlashSales(saleId) {
  try {
    const answer = saleId ? [await api(`/api/flash-sales/${encodeURIComponent(saleId)}`)]
      : listIn(await api("/api/flash-sales"), "sales", "flashSales", "items");
    $("flash-list").replaceChildren(genericTable(answer.map(flatSale), (sale) => {
      const button = node("button", "Reconcile now", { type: "button" });
      button.addEventListener("click", () => reconcile(sale.saleId));
      return button;
    }));
    showProblem("flash-problem", null);
  } catch (error) {
    $("flash-list").replaceChildren();
    const noList = !saleId && (error.status === 404 || error.status === 405);
    showProblem("flash-problem", noList ? new Error("this order service lists no sales: type a sale id") : error);
  }
}

/** A sale's state with its order counts spread into columns, Redis next to the database. */
function flatSale(sale) {
  const { orders: counts, ...rest } = sale;
  return counts && typeof counts === "object" ? { ...rest, ...Object.fromEntries(Object.entries(counts)
      .map(([key, value]) => ["orders " + key, value])) } : rest;
}

async function reconcile(saleId) {
  try {
    const answer = await api(`/api/flash-sales/${encodeURIComponent(saleId)}/reconciliation`,
        { method: "POST", admin: true });
    await loadFlashSales($("flash-id").value.trim());
    $("flash-reconciliation").replaceChildren(node("h3", "Reconciliation of " + saleId),
        node("pre", JSON.stringify(answer, null, 2), { class: "mono" }));
  } catch (error) {
    showProblem("flash-problem", error);
  }
}

function wireFlashSales() {
  $("flash-lookup").addEventListener("submit", (event) => {
    event.preventDefault();
    $("flash-reconciliation").replaceChildren();
    loadFlashSales($("flash-id").value.trim());
  });
  $("flash-all").addEventListener("click", () => {
    $("flash-id").value = "";
    $("flash-reconciliation").replaceChildren();
    loadFlashSales("");
  });
}

// ---------------------------------------------------------------------------------------------- fault points

/** Where each service's fault points are administered from this page. */
const FAULTS = { order: "/admin/faults", inventory: "/api/console/faults/inventory",
  payment: "/api/console/faults/payment" };

async function loadFaults() {
  const service = $("faults-service").value || "order";
  try {
    const state = await api(FAULTS[service], { admin: true });
    fillSelect("faults-point", (state.points || []).map((point) => point.name));
    fillSelect("faults-action", state.actions || []);
    const armed = Object.entries(state.armed || {}).map(([point, action]) => ({ point, action }));
    const view = node("div");
    view.append(node("p", state.enabled ? `${service}: fault points on (chaos profile)`
        : `${service}: fault points off; start it with the chaos profile to arm them`));
    view.append(node("h3", "Armed"));
    view.append(genericTable(armed, (fault) => {
      const button = node("button", "Disarm", { type: "button" });
      button.addEventListener("click", () => changeFaults(`${FAULTS[service]}/${encodeURIComponent(fault.point)}`,
          { method: "DELETE", admin: true }));
      return button;
    }));
    view.append(node("h3", "Points"));
    view.append(genericTable(state.points || []));
    $("faults-state").replaceChildren(view);
    showProblem("faults-problem", null);
  } catch (error) {
    $("faults-state").replaceChildren();
    showProblem("faults-problem", error);
  }
}

async function changeFaults(path, request) {
  try {
    await api(path, request);
    await loadFaults();
  } catch (error) {
    showProblem("faults-problem", error);
  }
}

function fillSelect(id, values) {
  const select = $(id);
  const chosen = select.value;
  select.replaceChildren(...values.map((value) => node("option", value, { value })));
  if (values.includes(chosen)) {
    select.value = chosen;
  }
}

function wireFaults() {
  fillSelect("faults-service", Object.keys(FAULTS));
  $("faults-arm").addEventListener("submit", (event) => {
    event.preventDefault();
    const delay = $("faults-delay").value;
    changeFaults(FAULTS[$("faults-service").value], { method: "POST", admin: true, body: {
      point: $("faults-point").value, action: $("faults-action").value,
      times: Number($("faults-times").value) || undefined, delayMs: delay ? Number(delay) : undefined } });
  });
  $("faults-disarm-all").addEventListener("click", () =>
    changeFaults(FAULTS[$("faults-service").value], { method: "DELETE", admin: true }));
  $("faults-reload").addEventListener("click", loadFaults);
  $("faults-service").addEventListener("change", loadFaults);
}

// ---------------------------------------------------------------------------------------------- routing

const VIEWS = {
  orders: startOrders,
  order: (id) => (id ? showOrder(id) : null),
  checkbacks: loadCheckBacks,
  "in-flight": loadInFlight,
  "flash-sales": () => loadFlashSales($("flash-id").value.trim()),
  faults: loadFaults,
};

function route() {
  const [, name = "orders", argument] = location.hash.split("/");
  const view = VIEWS[name] ? name : "orders";
  document.querySelectorAll(".view").forEach((section) => {
    section.hidden = section.id !== `view-${view}`;
  });
  document.querySelectorAll("#nav a").forEach((link) => link.classList.toggle("active", link.dataset.view === view));
  VIEWS[view](argument ? decodeURIComponent(argument) : undefined);
}

function wireToken() {
  const token = $("admin-token");
  token.value = sessionStorage.getItem("txlab-admin-token") || "";
  token.addEventListener("change", () => sessionStorage.setItem("txlab-admin-token", token.value));
}

wireToken();
wireOrders();
wireOrder();
wireCheckBacks();
wireFlashSales();
wireFaults();
window.addEventListener("hashchange", route);
route();
