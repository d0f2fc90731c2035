#!/usr/bin/env bash
# Runs failure scenarios against the platform and checks the invariants after each.
#   scripts/scenario.sh --list   the scenarios, a line each
#   scripts/scenario.sh NAME     one scenario
#   scripts/scenario.sh all      every scenario that runs on one broker, then a summary table
#   scripts/scenario.sh cluster  the cluster set (broker-failover, scale-out: --list marks them), on two
#                                broker masters (scripts/up.sh --brokers 2) and second service instances
# If the platform is not running, it is started with the embedded stack and the chaos profile (fault
# points on, armed through /admin/faults with a generated admin token kept in .run/admin-token) and 5
# redeliveries before the DLQ (TXLAB_MAX_RECONSUME_TIMES=5: ~30 s instead of ~6 min, for dlq-and-replay);
# it stays up afterwards (scripts/down.sh stops it). It starts two broker masters for the cluster set or one
# of its scenarios, else one; a running platform with the other count is refused (exit 2): scripts/down.sh first. Exit 0 only if every scenario passed; 1 if one failed;
# 2 for bad usage (an unknown NAME is refused before anything starts) or a platform that cannot run scenarios
# (started without the chaos profile, say).
# Against docker compose (TXLAB_COMPOSE_FILE set, as scripts/compose-test.sh does) it starts nothing: the
# settings of the compose stack's chaos set come from the environment.
source "$(dirname "$0")/lib.sh"

USAGE="usage: scripts/scenario.sh --list | NAME | all | cluster"
[ $# -eq 1 ] || { say "$USAGE" >&2; exit 2; }
case $1 in -h|--help) say "$USAGE"; exit 0 ;; esac
mkdir -p "$LOG_DIR" "$PID_DIR"
build_if_needed >&2

runner() { run_tool io.txlab.tools.runner.ScenarioMain "$@"; }

[ "$1" = "--list" ] && runner --list
# A name that is no scenario is refused before anything is started.
if [ "$1" != all ] && [ "$1" != cluster ] && ! (runner --list) | awk '{print $1}' | grep -qxF -- "$1"; then
  say "no scenario $1; scripts/scenario.sh --list shows them" >&2
  exit 2
fi
brokers=1
if [ "$1" = cluster ] || (runner --list) | grep -qE "^$1 +\[cluster"; then brokers=2; fi
if compose_mode; then
  export TXLAB_ROOT
  runner "$1"
fi

token_file="$RUN_DIR/admin-token"
MAX_RECONSUME_TIMES="${TXLAB_MAX_RECONSUME_TIMES:-5}"
if ! is_running order-service; then
  token="${TXLAB_ADMIN_TOKEN:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}"
  (umask 077; printf '%s\n' "$token" > "$token_file")
  say "Starting the platform with the chaos profile (fault points on; admin token in $token_file)..."
  SPRING_PROFILES_ACTIVE=chaos TXLAB_ADMIN_TOKEN="$token" TXLAB_MAX_RECONSUME_TIMES="$MAX_RECONSUME_TIMES" \
    "$TXLAB_ROOT/scripts/up.sh" --brokers "$brokers"
else
  token="${TXLAB_ADMIN_TOKEN:-$(cat "$token_file" 2>/dev/null || true)}"
fi

# Services the scenarios restart get the same profile and token; the checker reads the devstack's database.
export SPRING_PROFILES_ACTIVE=chaos TXLAB_ADMIN_TOKEN="$token" TXLAB_MAX_RECONSUME_TIMES="$MAX_RECONSUME_TIMES" TXLAB_ROOT
TXLAB_BROKERS=$(devstack_brokers); export TXLAB_BROKERS
set -a; source "$RUN_DIR/devstack/devstack.env"; set +a
runner "$1"
