// One order's transaction as a swimlane diagram: a lane per party (order service, broker, inventory, payment),
// time downwards, one row per timeline entry. A message is an arrow between lanes, what a service did on its
// own is a box on its lane. Every row carries data-service, data-step and data-kind (and data-answer for a
// check-back) so that tests and reviewers can find it; its full detail is its tooltip.

const SVG = "http://www.w3.org/2000/svg";
export const LANES = ["order", "broker", "inventory", "payment"];
const LANE_TITLES = ["Order service", "RocketMQ broker", "Inventory", "Payment"];
const GUTTER = 78, LANE = 235, HEAD = 46, ROW = 44, BOX = 205;

const BOXES = {
  LOCAL_TX_COMMITTED: ["local", "local commit"],
  LOCAL_TX_ROLLED_BACK: ["rejected", "local rollback"],
  ROLLED_BACK_BY_CHECK_BACK: ["rejected", "rolled back by check-back"],
  REJECTED: ["rejected", "rejected"],
  PARKED: ["rejected", "parked in the dead-letter queue"],
  STOCK_DEDUCTED: ["effect", "stock deducted"],
  PAYMENT_CHARGED: ["effect", "payment charged"],
  STOCK_RELEASED: ["compensation", "stock released"],
  PAYMENT_REFUNDED: ["compensation", "payment refunded"],
  CANCELLED_BEFORE_APPLY: ["empty", "cancelled before apply"],
  NOTHING_TO_UNDO: ["empty", "empty compensation"],
  LATE_APPLY_SKIPPED: ["empty", "late event skipped"],
  DEDUP_HIT: ["dedup", "dedup hit"],
  OUTBOX_WRITTEN: ["local", "written to the outbox"],
};

/** What one timeline entry draws as: a kind (colour), the lanes it goes from and to, a label. */
export function shapeOf(entry) {
  const lane = Math.max(0, LANES.indexOf(entry.service));
  const detail = entry.detail || "";
  const event = eventName(detail);
  switch (entry.step) {
    case "HALF_MESSAGE_SENT":
      return arrow(event === "OrderCancelled" ? "compensation" : "message", lane, 1,
          "half message " + (event || "") + (event === "OrderCancelled" ? " (cancel)" : ""));
    case "OUTBOX_SENT":
      return arrow("message", lane, 1, "outbox relay sent " + (event || "the event"));
    case "CHECK_BACK": {
      const check = checkBackOf(detail);
      const shape = arrow("checkback", 1, lane, "check-back #" + (check.attempt || "?")
          + (check.event ? " " + check.event : ""));
      shape.answer = check.answer;
      shape.note = [entry.instance, check.waitedMs != null ? "waited " + check.waitedMs + " ms" : null]
          .filter(Boolean).join(" · ");
      return shape;
    }
    case "CONSUMED": {
      const reply = /ParticipantReplied:(\w+)/.exec(detail);
      if (reply) {
        return arrow("message", 1, lane, "reply from " + reply[1]);
      }
      return arrow("message", 1, lane, "consumed " + (event || ""));
    }
    case "DELIVERY_FAILED":
      return arrow("rejected", 1, lane, "delivery failed " + (event || ""));
    case "LATE_APPLY_SKIPPED":
      return box("empty", lane, entry.service === "inventory" ? "skipped late deduction"
          : entry.service === "payment" ? "skipped late charge" : "late event skipped");
    default: {
      const [kind, label] = BOXES[entry.step] || ["empty", entry.step.toLowerCase().replaceAll("_", " ")];
      return box(kind, lane, label);
    }
  }
}

function arrow(kind, from, to, label) {
  return { kind, from, to, label: label.trim() };
}

function box(kind, lane, label) {
  return { kind, from: lane, to: lane, label };
}

/** "OrderCreated" out of a detail such as "half message for OrderCreated sent" (the first event type named). */
function eventName(detail) {
  const match = /\b(Order[A-Z]\w*|ParticipantReplied|FlashPurchase\w*)\b/.exec(detail);
  return match ? match[1] : null;
}

/** "check-back #2 for OrderCreated answered UNKNOWN in 5 ms" → its parts. */
export function checkBackOf(detail) {
  const match = /#(\d+)(?: for (\S+))? answered (\w+)(?: in (\d+) ms)?/.exec(detail || "");
  return match ? { attempt: Number(match[1]), event: match[2], answer: match[3],
    waitedMs: match[4] != null ? Number(match[4]) : null } : {};
}

/** Draws the timeline's entries into a new SVG element. */
export function swimlane(entries) {
  const width = GUTTER + LANES.length * LANE;
  const height = HEAD + Math.max(1, entries.length) * ROW + 12;
  const svg = el("svg", { class: "swimlane", id: "swimlane", width, height, viewBox: `0 0 ${width} ${height}`,
    role: "img", "aria-label": "the order's transaction across the services" });
  LANES.forEach((name, i) => {
    const x = centre(i);
    svg.append(el("line", { class: "lane-line", x1: x, y1: HEAD - 8, x2: x, y2: height - 4 }));
    svg.append(text(LANE_TITLES[i], { class: "lane-head", x, y: 20, "text-anchor": "middle", "data-lane": name }));
  });
  const start = entries.length ? Date.parse(entries[0].at) : 0;
  entries.forEach((entry, row) => svg.append(rowOf(entry, row, Date.parse(entry.at) - start)));
  return svg;
}

function rowOf(entry, row, offsetMs) {
  const shape = shapeOf(entry);
  const top = HEAD + row * ROW;
  const g = el("g", { class: `event k-${shape.kind}`, "data-service": entry.service, "data-step": entry.step,
    "data-kind": shape.kind });
  if (shape.answer) {
    g.setAttribute("data-answer", shape.answer);
  }
  const tip = el("title", {});
  tip.textContent = `+${offsetMs} ms · ${entry.service} · ${entry.step}\n${entry.detail || ""}`
      + (entry.instance ? `\ninstance ${entry.instance}` : "") + (entry.txId ? `\ntx ${entry.txId}` : "");
  g.append(tip);
  g.append(el("line", { class: "row-line", x1: 0, y1: top + ROW, x2: GUTTER + LANES.length * LANE, y2: top + ROW }));
  g.append(text(`+${offsetMs} ms`, { class: "time", x: 6, y: top + 26 }));
  if (shape.from === shape.to) {
    drawBox(g, shape, top);
  } else {
    drawArrow(g, shape, top);
  }
  return g;
}

function drawBox(g, shape, top) {
  const x = centre(shape.from);
  g.append(el("rect", { x: x - BOX / 2, y: top + 8, width: BOX, height: ROW - 16 }));
  g.append(text(fit(shape.label, BOX - 10), { class: "label", x, y: top + ROW / 2 + 4, "text-anchor": "middle" }));
}

function drawArrow(g, shape, top) {
  const x1 = centre(shape.from), x2 = centre(shape.to), y = top + 24;
  const direction = Math.sign(x2 - x1);
  const tip = x2 - direction * 4;
  g.append(el("line", { x1, y1: y, x2: tip - direction * 6, y2: y }));
  g.append(el("polygon", { class: "head", points: `${tip},${y} ${tip - direction * 9},${y - 5} ${tip - direction * 9},${y + 5}` }));
  const span = Math.abs(x2 - x1);
  const answerWidth = shape.answer ? 78 : 0;
  const mid = (x1 + x2) / 2 - direction * answerWidth / 2;
  g.append(text(fit(shape.label, span - answerWidth - 24), { class: "label", x: mid, y: y - 7, "text-anchor": "middle" }));
  if (shape.note) {
    g.append(text(fit(shape.note, span - 8), { class: "note", x: (x1 + x2) / 2, y: y + 15, "text-anchor": "middle" }));
  }
  if (shape.answer) {
    const ax = x2 - direction * 8 - (direction > 0 ? answerWidth - 6 : 0);
    g.append(el("rect", { class: `answer ${shape.answer}`, x: ax, y: y - 20, width: answerWidth - 6, height: 16 }));
    g.append(text(shape.answer, { class: "answer-text", x: ax + (answerWidth - 6) / 2, y: y - 8, "text-anchor": "middle" }));
  }
}

function centre(lane) {
  return GUTTER + lane * LANE + LANE / 2;
}

/** Shortens a label to about the pixels it has (6.3 px per character at 12 px). */
function fit(label, pixels) {
  const max = Math.max(4, Math.floor(pixels / 6.3));
  return label.length <= max ? label : label.slice(0, max - 1) + "…";
}

function text(content, attributes) {
  const node = el("text", attributes);
  node.textContent = content;
  return node;
}

function el(name, attributes) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  return node;
}
