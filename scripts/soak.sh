#!/usr/bin/env bash
# A chaos soak: open-model order load (and a flash sale now and then) while a seeded random schedule injects
# faults (kill -9 and restart of each service, also mid-batch; broker, database and Redis outages; Redis
# restarted empty; fault points armed at random; a second order-service instance coming and going), then the
# load stops, the platform settles, the checker runs, and a report says what was offered, accepted, confirmed
# and cancelled (by reason), every fault with its recovery time, time to consistency, and lost orders.
#   scripts/soak.sh [--minutes N (default 3)] [--rate R (default 20)] [--seed S (default: random, printed)]
#                   [--faults all|KIND,... (default all)] [--flash-every SECONDS (default 60; 0: none)]
#                   [--settle-seconds S (default 300)] [--report DIR (default .run/soak)]
#   scripts/soak.sh --help   this text and the fault kinds
# The same seed gives the same schedule of faults. Reports: DIR/soak-SEED.json and DIR/soak-SEED.md.
# If the platform is not running, it is started with the embedded stack and the chaos profile (admin token
# generated and kept in .run/admin-token, as scripts/scenario.sh does); it stays up afterwards.
# Exit 0: no order lost, every fault recovered from, every invariant held; 1: a violation; 2: bad usage or a
# platform that cannot be soaked (started without the chaos profile, say).
source "$(dirname "$0")/lib.sh"

soak() { run_tool io.txlab.tools.soak.SoakMain "$@"; }

case ${1:-} in -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
mkdir -p "$LOG_DIR" "$PID_DIR"
build_if_needed >&2
# Options are checked before anything is started: a typo costs no platform start.
(run_tool io.txlab.tools.soak.SoakOptionsCheck "$@") || exit 2

token_file="$RUN_DIR/admin-token"
if ! is_running order-service; then
  token="${TXLAB_ADMIN_TOKEN:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}"
  (umask 077; printf '%s\n' "$token" > "$token_file")
  say "Starting the platform with the chaos profile (fault points on; admin token in $token_file)..."
  SPRING_PROFILES_ACTIVE=chaos TXLAB_ADMIN_TOKEN="$token" "$TXLAB_ROOT/scripts/up.sh"
else
  token="${TXLAB_ADMIN_TOKEN:-$(cat "$token_file" 2>/dev/null || true)}"
fi

# Services the soak restarts get the same profile and token; the checker reads the devstack's database.
export SPRING_PROFILES_ACTIVE=chaos TXLAB_ADMIN_TOKEN="$token" TXLAB_ROOT TXLAB_SOAK_DIR="${TXLAB_SOAK_DIR:-$RUN_DIR/soak}"
set -a; source "$RUN_DIR/devstack/devstack.env"; set +a
soak "$@"
