#!/usr/bin/env bash
# Prints one order's timeline as text: every step the order, inventory and payment services recorded
# about it (half message, local commit or rollback, check-backs, consumption, compensation, ...), with
# times relative to the first step. The platform must be running (start it with scripts/up.sh).
# Usage: scripts/timeline.sh ORDER_ID
# Exit codes: 0 printed; 1 order unknown; 2 usage error; 3 order service unreachable; 4 unexpected answer.
source "$(dirname "$0")/lib.sh"

if [ $# -ne 1 ] || [ -z "${1//[[:space:]]/}" ]; then
  printf 'usage: %s ORDER_ID\n' "$0" >&2
  exit 2
fi

mkdir -p "$LOG_DIR"
build_if_needed >&2
run_tool io.txlab.tools.timeline.TimelineMain "$1" "http://127.0.0.1:$ORDER_PORT"
