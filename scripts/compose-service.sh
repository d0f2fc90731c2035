#!/usr/bin/env bash
# scripts/service.sh against the docker compose stack (TXLAB_COMPOSE_FILE): the same actions on the
# chaos set's containers. A kill is SIGKILL to the container's JVM, a start is "compose up" of that one
# container (a crashed one is started again, not recreated); NAME-2 are the second instances (profile
# chaos-second-instance); broker, broker-b and database are the broker, broker-b and mysql containers,
# stopped and started with their data; Redis is paused with docker pause.
source "$(dirname "$0")/lib.sh"

compose_mode || fail "TXLAB_COMPOSE_FILE is not set: use scripts/service.sh"
action=$1 svc=$2
case $svc in
  order-service|inventory-service|payment-service) target=$svc-chaos; port=$(service_port "$svc") ;;
  order-service-2) target=order-service-2; port=$ORDER2_PORT ;;
  inventory-service-2) target=inventory-service-2; port=$INVENTORY2_PORT ;;
  payment-service-2) target=payment-service-2; port=$PAYMENT2_PORT ;;
  broker) target=broker ;;
  # the second broker master, a container of the "cluster" profile (COMPOSE_PROFILES=chaos,cluster)
  broker-b) target=broker-b ;;
  database) target=mysql ;;
  redis) target=redis ;;
  *) fail "no service $svc in the compose stack" ;;
esac

started() {
  if [ -n "${port:-}" ]; then healthy "$port"; else container_healthy "$target"; fi
}

case $action in
  kill|stop)
    if [ "$action" = kill ]; then compose kill -s SIGKILL "$target" >/dev/null 2>&1 || true; else compose stop "$target"; fi
    say "$action: $target" ;;
  start)
    compose up -d --no-deps "$target"
    wait_until 180 "$target" started || fail "$target did not become healthy"
    say "started $target" ;;
  restart)
    "$0" kill "$svc" && exec "$0" start "$svc" ;;
  pause) compose pause "$target"; say "paused $target: it answers nothing until resumed" ;;
  resume) compose unpause "$target"; say "resumed $target" ;;
  logs) compose logs --no-color --no-log-prefix "$target" ;;
  exit-status)
    id=$(compose ps -aq "$target")
    if [ "$(docker inspect -f '{{.State.Running}}' "$id")" = true ]; then say running
    else docker inspect -f '{{.State.ExitCode}}' "$id"; fi ;;
  *) fail "unknown action $action" ;;
esac
