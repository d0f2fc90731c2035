#!/usr/bin/env bash
# Starts the embedded stack (RocketMQ NameServer + Broker, MariaDB, Redis) and the three services as
# separate processes; returns when every one is healthy and prints the URLs.
# External servers: set TXLAB_MYSQL_URL (+ TXLAB_MYSQL_USER / TXLAB_MYSQL_PASSWORD), TXLAB_REDIS_URL,
# TXLAB_NAMESRV_ADDR and that part is not embedded.
#   scripts/up.sh [--brokers 1|2]   2 (or TXLAB_BROKERS=2): a second broker master, broker-b on 19921, next
#                                   to the default one, every topic on both (docs/scaling.md)
source "$(dirname "$0")/lib.sh"

while [ $# -gt 0 ]; do
  case $1 in
    --brokers) [ $# -ge 2 ] || fail "--brokers needs a count: 1 or 2"; TXLAB_BROKERS=$2; shift 2 ;;
    --brokers=*) TXLAB_BROKERS=${1#--brokers=}; shift ;;
    *) fail "unknown argument $1 (usage: scripts/up.sh [--brokers 1|2])" ;;
  esac
done
TXLAB_BROKERS=${TXLAB_BROKERS:-1}
case $TXLAB_BROKERS in
  1|2) export TXLAB_BROKERS ;;
  *) fail "TXLAB_BROKERS (or --brokers) is $TXLAB_BROKERS: 1 (the default) or 2 broker masters" ;;
esac

require_tools
mkdir -p "$PID_DIR" "$LOG_DIR"

# The services refuse to start with a shorter admin token (AdminToken): say so before starting anything.
if [[ "${TXLAB_ADMIN_TOKEN:-}" =~ [^[:space:]] ]] && [ "${#TXLAB_ADMIN_TOKEN}" -lt 16 ]; then
  fail "TXLAB_ADMIN_TOKEN has ${#TXLAB_ADMIN_TOKEN} characters; the services need at least 16 (for example: export TXLAB_ADMIN_TOKEN=\$(openssl rand -hex 16)), or unset it to turn the admin endpoints off"
fi

if is_running order-service; then
  say "TxLab is already running (scripts/down.sh stops it)."
  exit 0
fi

broker_b_ports=()
[ "$TXLAB_BROKERS" = 2 ] && broker_b_ports=("${BROKER_B_PORTS[@]}")
for port in "${DEVSTACK_PORTS[@]}" "${broker_b_ports[@]}" "$ORDER_PORT" "$INVENTORY_PORT" "$PAYMENT_PORT"; do
  port_in_use "$port" && fail "port $port is already in use; stop whatever holds it (ss -ltnp | grep :$port) or run scripts/down.sh"
done

build_if_needed
started_at=$(date +%s)
forget_old_extractions
# the processes start from the extracted jars (extracted_jar): extract every one at once, while nothing else runs
while IFS= read -r jar; do
  extracted_jar "$jar" >/dev/null &
done < <(platform_jars)
wait
# Interrupted half-way: stop whatever was started, so that no process or port is left behind.
trap 'say "interrupted: stopping what was started"; "$TXLAB_ROOT/scripts/down.sh"; exit 130' INT TERM

if [ "$TXLAB_BROKERS" = 2 ]; then
  say "Starting the devstack (RocketMQ NameServer + 2 Brokers, MariaDB, Redis as needed)..."
else
  say "Starting the devstack (RocketMQ NameServer + Broker, MariaDB, Redis as needed)..."
fi
rm -f "$RUN_DIR/devstack/devstack.env"
echo "$TXLAB_BROKERS" > "$PID_DIR/devstack.brokers"
start_process devstack java -Xmx512m -jar "$(extracted_jar "$(devstack_jar)")" "$RUN_DIR/devstack"
devstack_ready() {
  [ -f "$RUN_DIR/devstack/devstack.env" ] && return 0
  is_running devstack || { tail -5 "$LOG_DIR/devstack.log" >&2; fail "the devstack stopped while starting; log: $LOG_DIR/devstack.log"; }
  return 1
}
wait_until 180 "devstack" devstack_ready || {
  tail -20 "$LOG_DIR/devstack.log" >&2
  "$TXLAB_ROOT/scripts/down.sh" >/dev/null 2>&1 || true
  fail "devstack did not become ready; log: $LOG_DIR/devstack.log"
}
set -a; source "$RUN_DIR/devstack/devstack.env"; set +a

say "Starting order-service, inventory-service and payment-service..."
for svc in inventory-service payment-service order-service; do
  start_service "$svc"
done
for entry in "order-service:$ORDER_PORT" "inventory-service:$INVENTORY_PORT" "payment-service:$PAYMENT_PORT"; do
  svc=${entry%%:*}; port=${entry##*:}
  wait_until 180 "$svc" healthy "$port" || {
    tail -30 "$LOG_DIR/$svc.log" >&2
    "$TXLAB_ROOT/scripts/down.sh" >/dev/null 2>&1 || true
    fail "$svc did not become healthy; log: $LOG_DIR/$svc.log"
  }
done

trap - INT TERM
say ""
say "TxLab is up in $(( $(date +%s) - started_at )) s."
say "  order service      http://127.0.0.1:$ORDER_PORT/api/orders"
say "  reviewers' console http://127.0.0.1:$ORDER_PORT/console"
say "  inventory service  http://127.0.0.1:$INVENTORY_PORT/api/inventory/products/1"
say "  payment service    http://127.0.0.1:$PAYMENT_PORT/api/payment/accounts/1"
say "  MySQL $TXLAB_MYSQL_URL   Redis $TXLAB_REDIS_URL   NameServer $TXLAB_NAMESRV_ADDR"
[ "$TXLAB_BROKERS" = 2 ] && say "  brokers            txlab-broker 127.0.0.1:19911, txlab-broker-b 127.0.0.1:${BROKER_B_PORTS[0]}"
say "  logs: $LOG_DIR    stop: scripts/down.sh"
