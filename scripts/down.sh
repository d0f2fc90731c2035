#!/usr/bin/env bash
# Stops every process scripts/up.sh started and checks that no port is left behind.
source "$(dirname "$0")/lib.sh"

[ -d "$PID_DIR" ] || { say "TxLab is not running."; exit 0; }

stop() {
  local name=$1 pid
  [ -f "$PID_DIR/$name.pid" ] || return 0
  pid=$(cat "$PID_DIR/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    say "Stopping $name (pid $pid)..."
    kill -TERM "$pid" 2>/dev/null || true
    # the broker takes up to ~20 s to shut down cleanly
    if ! wait_until 40 "$name to stop" bash -c "! kill -0 $pid 2>/dev/null"; then
      say "  $name did not stop in time; killing its process group"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$PID_DIR/$name.pid"
}

for svc in "${SERVICES[@]}" "${SECOND_INSTANCES[@]}"; do stop "$svc"; done
stop devstack

broker_b_ports=()
[ "$(devstack_brokers)" = 2 ] && broker_b_ports=("${BROKER_B_PORTS[@]}")
rm -f "$PID_DIR/devstack.brokers"

busy=""
for port in "${DEVSTACK_PORTS[@]}" "${broker_b_ports[@]}" "$ORDER_PORT" "$INVENTORY_PORT" "$PAYMENT_PORT" \
            "$ORDER2_PORT" "$INVENTORY2_PORT" "$PAYMENT2_PORT"; do
  port_in_use "$port" && busy="$busy $port"
done
[ -z "$busy" ] || fail "ports still in use after stopping:$busy"
say "TxLab stopped; no process or port left behind."
