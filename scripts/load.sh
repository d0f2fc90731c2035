#!/usr/bin/env bash
# Load benchmarks against a running platform. A benchmark, not a test: it measures and prints; it fails
# (exit 1) only when the numbers show a broken invariant. It starts nothing: start the platform first
# (scripts/up.sh, with TXLAB_ADMIN_TOKEN set, or scripts/scenario.sh, which keeps its token in .run/admin-token).
# The closed-model flash-sale benchmark (scripts/load.sh flash) is gone: flash sales are measured open model, as
# compare's flash-sale phase (--flash-units, --flash-rate, --flash-seconds); "flash" exits 2 and says so.
#
# Open-model benchmark of ordinary orders (io.txlab.tools.bench.BenchMain): requests leave at fixed intended
# times (rate N: request i at start + i/N) over keep-alive connections, whatever the answers do; latency runs from the
# intended time, so a backlog in front of the platform counts (no coordinated omission).
# Usage: scripts/load.sh constant|step-up|sale|mixed|compare [options]; every profile takes [--rate N]
#        [--connections N (default 1024)] [--settle-seconds S (default 60): how long to wait after the run for its
#        orders to leave PENDING before reading them, with a line every 5 s saying how many still are]
#   constant  --rate orders/s (default 100) for [--duration S (default 30)]
#   step-up   --rate start (default 50), raised by [--step N (default 50)] every [--step-seconds S (default 10)] up to
#             [--max-rate N (default 500)]; prints a line per step (offered, achieved, HTTP p99, CONFIRMED/s,
#             confirmed/cancelled/pending and time to consistency p50/p99 of the orders due in the step, errors,
#             holds) and the consistency knee: the last step of the unbroken run from the first that achieves >= 95 %
#             of offered, with HTTP p99 under [--slo-ms MS (default 1000)], >= 95 % of its orders CONFIRMED or
#             CANCELLED (pending ones count against it) and their time to consistency p99 under
#             [--consistency-slo-ms MS (default 1000)]; and which condition the first failing step broke
#   sale      0 -> --rate peak (default 100) over [--ramp-up S (default 10)], [--hold S (default 20)], back to 0 over
#             [--ramp-down S (default 10)]
#   mixed     --rate requests/s (default 100, at least 10) for [--duration S (default 30)]: every 10th an order, the
#             others reads (a product's stock, the status of an earlier order of the run)
#   compare   --rate orders/s of all three ways together (default 150) for [--duration S (default 30)]: the ways
#             take turns among transactional (POST /api/orders), outbox (POST /api/orders?publish=outbox) and
#             dual-write (POST /api/unsafe/dual-write/orders, chaos profile only: without it, exit 5), so machine
#             noise hits all three alike: with [--rotation block] (the default) in blocks of [--block-seconds S
#             (default 10, at least 2)] of send time (transactional, outbox, dual write, transactional, ...;
#             --duration at least 3 blocks), with [--rotation request] order by order; reports each way's offered,
#             accepted, achieved/s, HTTP p50/p99/p99.9, CONFIRMED and time to consistency p50/p99/p99.9, errors, its
#             CPU ms per accepted order per process and in total (block rotation only: every process sampled each
#             second, a second's CPU to its block's way, each block's first second left out as the consumers still
#             work on the previous way's orders; request rotation: "-"), and its achieved/s, CONFIRMED/s, p99s and
#             CPU per order relative to dual write ("0.93x"). Then a flash-sale phase (admin token: TXLAB_ADMIN_TOKEN, else .run/admin-token; none: skipped
#             with a notice): a sale of [--flash-units N (default 500)] units of product 7, [--flash-rate N (default
#             400)] purchases/s, open model, for [--flash-seconds S (default 10; 0: no flash phase)] from users
#             100001.. (every 5th purchase a buyer's second click): purchases/s offered, achieved and accepted,
#             rejections by kind (sold-out, already-bought, rate-limited, other), accepted and rejected p50/p99,
#             and once settled "oversold: no" (or YES, exit 1).
#   Orders: 1 unit of product 7 (1.00, stock 100,000,000) from users 100001..150000 in turn (1,000,000.00 each),
#   so neither stock nor balances run out over many runs of 100k orders. Each profile prints a
#   progress line a second (elapsed, offered/s, achieved/s, in flight, errors), then offered and achieved order rate,
#   p50/p99/p99.9 of the order POSTs (and reads), CONFIRMED/s and time to consistency (created_at -> updated_at of
#   the run's CONFIRMED orders, read from the order schema once none is PENDING, at most --settle-seconds;
#   TXLAB_MYSQL_URL/USER/PASSWORD, TXLAB_ORDER_SCHEMA), errors by kind, CPU seconds per order of each platform
#   process in RUN_DIR/pids (devstack, order-service, inventory-service, payment-service) and of the driver; and writes
#   RUN_DIR/bench/PROFILE-TIMESTAMP.json, .md and .html (an inline SVG chart), whose paths it prints last.
#   Exit codes: 0 done; 1 compare's flash sale oversold; 2 bad usage; 3 order service unreachable; 4 the orders
#   could not be read from the database; 5 compare, but the platform lacks a way: no dual-write endpoint (start it
#   with SPRING_PROFILES_ACTIVE=chaos) or no outbox (an order service older than the outbox); 6 compare's
#   flash-sale phase failed (sale refused, say). 1, 4, 6: figures written.
# Order service: 127.0.0.1:TXLAB_ORDER_PORT (8081 by default); inventory: TXLAB_INVENTORY_PORT (8082).
# The driver's own JVM: TXLAB_DRIVER_JAVA_OPTS (default -XX:TieredStopAtLevel=1 -XX:+UseSerialGC: at 100 orders/s
# it costs 1.1-1.3 ms of CPU per order with them and 2.2-2.5 ms without, since a run of a minute is mostly JIT
# for C2; docs/benchmarks.md, "The driver and the flash sale").
source "$(dirname "$0")/lib.sh"
TOOL_JAVA_OPTS="${TXLAB_DRIVER_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"

PROFILES="constant, step-up, sale, mixed, compare"

usage() { # EXIT_CODE
  say "usage: scripts/load.sh constant|step-up|sale|mixed|compare [--rate N] [--connections N (default 1024)]" \
      "[--settle-seconds S (default 60)] [--duration S] [--step N] [--step-seconds S] [--max-rate N]" \
      "[--slo-ms MS] [--consistency-slo-ms MS] [--ramp-up S] [--hold S]" \
      "[--ramp-down S] [--rotation block|request] [--block-seconds S] [--flash-seconds S] [--flash-rate N]" \
      "[--flash-units N]" \
      "(scripts/load.sh constant --help: which profile takes which option; orders: 1 unit of product 7" \
      "from users 100001..150000 in turn)"
  exit "$1"
}

# up.sh's default JIT (C1 only) starts fast; figures are comparable only between runs with the same JIT.
warn_if_c1_only() {
  local svc
  for svc in order-service inventory-service payment-service; do
    if is_running "$svc" && tr '\0' ' ' < "/proc/$(cat "$PID_DIR/$svc.pid")/cmdline" 2>/dev/null \
        | grep -q -- '-XX:TieredStopAtLevel=1'; then
      say "note: $svc runs with the C1-only JIT (up.sh's default); compare its figures only with runs on the" \
          "same JIT (the full JIT: TXLAB_JAVA_OPTS=\"-Xmx256m -XX:+UseSerialGC\"; docs/benchmarks.md compares the two)" >&2
      return 0
    fi
  done
}

# open_model PROFILE ARGS...: the open-model benchmark of ordinary orders; it starts nothing.
open_model() {
  local arg help=""
  for arg in "$@"; do [ "$arg" = --help ] || [ "$arg" = -h ] && help=1; done
  if [ -z "$help" ] && ! port_in_use "$ORDER_PORT"; then
    say "the order service does not answer on 127.0.0.1:$ORDER_PORT; start the platform first: scripts/up.sh" >&2
    exit 3
  fi
  mkdir -p "$LOG_DIR"
  build_if_needed >&2
  warn_if_c1_only
  export TXLAB_ORDER_PORT="$ORDER_PORT" TXLAB_INVENTORY_PORT="$INVENTORY_PORT" TXLAB_RUN_DIR="$RUN_DIR"
  TXLAB_CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
  export TXLAB_CLK_TCK
  run_tool io.txlab.tools.bench.BenchMain "$@"
}

case "${1:-}" in
  flash)
    say "scripts/load.sh flash (the closed-model flash-sale load) is gone: flash sales are measured open model by" \
        "compare's flash-sale phase: scripts/load.sh compare --flash-units N (default 500) --flash-rate N" \
        "(default 400 purchases/s) --flash-seconds S (default 10); compare needs the chaos profile and the" \
        "admin token (TXLAB_ADMIN_TOKEN or .run/admin-token)" >&2
    exit 2 ;;
  constant|step-up|sale|mixed|compare) open_model "$@" ;;
  -h|--help) usage 0 ;;
  "") say "no load profile given; the profiles are $PROFILES" >&2; usage 2 >&2 ;;
  *) say "no load profile '$1'; the profiles are $PROFILES" >&2; usage 2 >&2 ;;
esac
