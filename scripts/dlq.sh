#!/usr/bin/env bash
# Dead letters: messages the broker gave up on after a consumer group's last redelivery failed, and
# poison messages a service parked at once (unreadable, unknown type, newer version).
#   scripts/dlq.sh list [GROUP]    each group's %DLQ% messages, replayed or waiting, each parked one with
#                                  its reason (from delivery_failure: TXLAB_MYSQL_* and schemas, as check.sh)
#   scripts/dlq.sh replay GROUP    sends the group's waiting dead letters back to that group only
#                                  (through %RETRY%GROUP, as the broker's own redelivery does)
# Against the running devstack, or the name server in TXLAB_NAMESRV_ADDR; with TXLAB_COMPOSE_FILE set,
# inside the compose network (the dlq-tool service), where the broker's address resolves.
source "$(dirname "$0")/lib.sh"

if compose_mode; then
  compose run --rm --no-deps dlq-tool "$@"
  exit
fi
build_if_needed >&2
if [ -z "${TXLAB_NAMESRV_ADDR:-}" ] && [ -f "$RUN_DIR/devstack/devstack.env" ]; then
  set -a; source "$RUN_DIR/devstack/devstack.env"; set +a
fi
run_tool io.txlab.tools.dlq.DeadLetterMain "$@"
