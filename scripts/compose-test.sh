#!/usr/bin/env bash
# The failure scenarios against the docker compose stack, on real MySQL 8.4, Redis 7 and RocketMQ 5.3.
#   scripts/compose-test.sh [all|NAME]   (default: all)
# Builds the images, starts the stack with its chaos set (COMPOSE_PROFILES=chaos), waits until every
# service is healthy, runs scripts/scenario.sh against it in external mode, and tears the stack down
# (volumes too) whatever happened. Needs a Docker engine and Compose v2 ("docker compose").
# Passwords and the admin token come from docker/.env, copied from docker/.env.example if missing.
source "$(dirname "$0")/lib.sh"

command -v docker >/dev/null 2>&1 || fail "docker not found: install Docker Engine (or Docker Desktop) with Compose v2"
docker compose version >/dev/null 2>&1 || fail "'docker compose' (Compose v2) not found"
docker info >/dev/null 2>&1 || fail "no Docker engine answers (is the daemon running?)"

export TXLAB_COMPOSE_FILE="$TXLAB_ROOT/docker/docker-compose.yml"
env_file="$TXLAB_ROOT/docker/.env"
if [ ! -f "$env_file" ]; then
  cp "$TXLAB_ROOT/docker/.env.example" "$env_file"
  say "docker/.env created from docker/.env.example (local demo passwords)"
fi
set -a; source "$env_file"; set +a
export COMPOSE_PROFILES=chaos

trap 'say "tearing the compose stack down"; compose down -v --remove-orphans >/dev/null 2>&1 || true' EXIT
started_at=$(date +%s)
say "Building the images and starting the compose stack (chaos set; the first build downloads a lot)..."
compose up -d --build
# the services start only once MySQL, Redis and the broker are healthy and the topics exist
for port in 18081 18082 18083; do
  wait_until 600 "the service on port $port" healthy "$port" || { compose ps; fail "the stack did not become healthy"; }
done
say "The compose stack is healthy after $(( $(date +%s) - started_at )) s; running the scenarios."

# The runner drives the chaos set: its ports, the read-only checker user, the stack's admin token.
export TXLAB_ORDER_PORT=18081 TXLAB_INVENTORY_PORT=18082 TXLAB_PAYMENT_PORT=18083
export TXLAB_ORDER2_PORT=18084 TXLAB_INVENTORY2_PORT=18085 TXLAB_PAYMENT2_PORT=18086
export TXLAB_MYSQL_URL=jdbc:mysql://127.0.0.1:23306 TXLAB_MYSQL_USER=txlab_checker
export TXLAB_MYSQL_PASSWORD="$TXLAB_CHECKER_DB_PASSWORD"
set +e
"$TXLAB_ROOT/scripts/scenario.sh" "${1:-all}"
status=$?
set -e
say "compose-test: scenarios exited $status after $(( $(date +%s) - started_at )) s"
exit "$status"
