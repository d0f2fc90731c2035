#!/usr/bin/env bash
# Load benchmarks against a running platform. A benchmark, not a test: it measures and prints; it fails
# (exit 1) only when the numbers show a broken invariant. It starts nothing: start the platform first
# (scripts/up.sh, with TXLAB_ADMIN_TOKEN set, or scripts/scenario.sh, which keeps its token in .run/admin-token).
# Usage: scripts/load.sh flash [--units N (default 100)] [--buyers N (default 2000, ids from 1001)]
#                              [--requests-per-buyer N (default 2)] [--concurrency N (default 32)]
#                              [--product ID (default 6)]
#   flash  creates a flash sale of N units (admin token: TXLAB_ADMIN_TOKEN, else .run/admin-token), fires
#          buyers x requests-per-buyer purchases at it from a fixed pool of workers (closed model), and prints
#          the settings, a progress line a second, the count per outcome (accepted, sold-out, already-bought,
#          other 409, rate-limited, unavailable, errors), p50/p99/max latency of the accepted and of the
#          rejected purchases, requests/s, then, once no order is pending (up to 60 s), the sale's units,
#          confirmed, cancelled and redisRemaining and "oversold: no" (or "oversold: YES", exit 1).
# Exit codes: 0 done; 1 oversold; 2 bad usage or no admin token; 3 order service unreachable;
# 4 unexpected answer (the sale was refused: wrong token, too little stock, no flash-sale API).
# Order service: 127.0.0.1:TXLAB_ORDER_PORT (8081 by default).
source "$(dirname "$0")/lib.sh"

usage() { # EXIT_CODE
  say "usage: scripts/load.sh flash [--units N (default 100)] [--buyers N (default 2000, ids from 1001)]" \
      "[--requests-per-buyer N (default 2)] [--concurrency N (default 32)] [--product ID (default 6)]"
  exit "$1"
}

case "${1:-}" in
  flash) ;;
  -h|--help) usage 0 ;;
  "") say "no load profile given; the only profile is flash" >&2; usage 2 >&2 ;;
  *) say "no load profile '$1'; the only profile is flash" >&2; usage 2 >&2 ;;
esac

mkdir -p "$LOG_DIR"
build_if_needed >&2
if [ -z "${TXLAB_ADMIN_TOKEN:-}" ] && [ -r "$RUN_DIR/admin-token" ]; then
  TXLAB_ADMIN_TOKEN=$(tr -d '[:space:]' < "$RUN_DIR/admin-token")
fi
export TXLAB_ADMIN_TOKEN="${TXLAB_ADMIN_TOKEN:-}" TXLAB_ORDER_PORT="$ORDER_PORT"
run_tool io.txlab.scenarios.load.FlashLoadMain "$@"
