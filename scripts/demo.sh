#!/usr/bin/env bash
# Runs the platform (building it first if needed), places a few orders and prints each one's path,
# then keeps everything up until Ctrl-C and stops every process it started.
# --exit: stop right after the demo instead of waiting for Ctrl-C (for unattended runs).
source "$(dirname "$0")/lib.sh"

wait_for_ctrl_c=1
[ "${1:-}" = "--exit" ] && wait_for_ctrl_c=""

mkdir -p "$LOG_DIR"
"$TXLAB_ROOT/scripts/up.sh"
trap '"$TXLAB_ROOT/scripts/down.sh"' EXIT
trap 'exit 130' INT TERM

java -jar "$(demo_jar)" "http://127.0.0.1:$ORDER_PORT" "http://127.0.0.1:$INVENTORY_PORT" "http://127.0.0.1:$PAYMENT_PORT"
say ""
save_metrics "$RUN_DIR/metrics"

if [ -n "$wait_for_ctrl_c" ]; then
  say ""
  say "The platform stays up: try the URLs above. Press Ctrl-C to stop it."
  while true; do sleep 3600; done
fi
