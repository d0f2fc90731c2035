#!/usr/bin/env bash
# Kills or (re)starts one service of a running platform, for failure scenarios: a kill is a real kill -9
# (no shutdown hook, no end-transaction, no ack), a start is the same command scripts/up.sh uses.
# Usage: scripts/service.sh kill|start|restart order-service|inventory-service|payment-service
#        order-service-2, inventory-service-2 and payment-service-2 are second instances (ports 8084, 8085,
#        8086; TXLAB_ORDER2_PORT, TXLAB_INVENTORY2_PORT, TXLAB_PAYMENT2_PORT) in the same producer and consumer
#        groups: the broker rebalances a group's queues across both, and asks either producer to check back.
#        scripts/service.sh pause|resume redis: freezes the embedded Redis (SIGSTOP), as an outage that
#        answers nothing, then lets it go on (SIGCONT) with its data intact.
#        scripts/service.sh stop|start broker|broker-b|database: the devstack shuts its embedded broker (the
#        name server stays), broker-b of the two-broker mode (scripts/up.sh --brokers 2) or MariaDB down, then
#        starts it again on the same port and data.
#        scripts/service.sh stop|start redis: the devstack stops its embedded Redis and starts it again on
#        the same port, empty (it keeps nothing on disk): a restart that loses Redis's data.
#        scripts/service.sh logs SERVICE: the service's log, this run of it.
#        scripts/service.sh exit-status SERVICE: "running", or the exit status of its last run (137 after
#        kill -9 or a crash fault point's halt), or "unknown".
# With TXLAB_COMPOSE_FILE set, the same actions apply to the docker compose stack (compose-service.sh).
source "$(dirname "$0")/lib.sh"

[ $# -eq 2 ] || fail "usage: scripts/service.sh kill|start|restart|logs|exit-status order-service|inventory-service|payment-service (or a second instance: order-service-2, inventory-service-2, payment-service-2), pause|resume|stop|start redis, or stop|start broker|broker-b|database"
action=$1 svc=$2

compose_mode && exec "$TXLAB_ROOT/scripts/compose-service.sh" "$action" "$svc"

if [ "$action" = exit-status ]; then
  service_port "$svc" >/dev/null
  exit_status "$svc"
  exit 0
fi

if [ "$action" = logs ]; then
  service_port "$svc" >/dev/null
  cat "$LOG_DIR/$svc.log" 2>/dev/null || true
  exit 0
fi

if [ "$svc" = broker-b ] && [ "$(devstack_brokers)" != 2 ]; then
  fail "the devstack runs one broker: broker-b exists in the two-broker mode (scripts/up.sh --brokers 2)"
fi
if [ "$svc" = broker ] || [ "$svc" = broker-b ] || [ "$svc" = database ]; then
  case $action in
    stop|start) devstack_control "$svc" "$action" ;;
    *) fail "the $svc can be stopped or started, not $action" ;;
  esac
  exit 0
fi

if [ "$svc" = redis ] && { [ "$action" = stop ] || [ "$action" = start ]; }; then
  devstack_control redis "$action"
  exit 0
fi

if [ "$svc" = redis ]; then
  pid=$(ss -ltnp 'sport = :16379' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  [ -n "$pid" ] || fail "no embedded Redis listens on 16379"
  case $action in
    pause) kill -STOP "$pid"; say "paused Redis (pid $pid): it answers nothing until resumed" ;;
    resume) kill -CONT "$pid"; say "resumed Redis (pid $pid)" ;;
    *) fail "Redis can be paused, resumed, stopped or started, not $action" ;;
  esac
  exit 0
fi
port=$(service_port "$svc")

kill_service() {
  if is_running "$svc"; then
    kill -KILL "$(cat "$PID_DIR/$svc.pid")" 2>/dev/null || true
    say "killed $svc (kill -9)"
  fi
  wait_until 30 "port $port to close" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null" \
    || fail "port $port still open after killing $svc"
  rm -f "$PID_DIR/$svc.pid"
}

start_one() {
  is_running "$svc" && { say "$svc is already running"; return 0; }
  # keep the log of the run that died: it shows the crash
  [ -f "$LOG_DIR/$svc.log" ] && mv "$LOG_DIR/$svc.log" "$LOG_DIR/$svc.log.$(date +%s)"
  start_service "$svc"
  wait_until 180 "$svc" healthy "$port" || { tail -30 "$LOG_DIR/$svc.log" >&2; fail "$svc did not become healthy"; }
  say "started $svc"
}

case $action in
  kill) kill_service ;;
  start) start_one ;;
  restart) kill_service; start_one ;;
  *) fail "unknown action $action: kill, start or restart" ;;
esac
