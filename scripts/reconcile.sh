#!/usr/bin/env bash
# Compares a flash sale's units and buyers in Redis with the database (the truth) and repairs drift:
# loads a sale Redis lost, gives back units held for orders cancelled or never written, restores buyers
# Redis lost, corrects the count. Prints what it changed. The order service also does this every
# TXLAB_FLASH_RECONCILE_INTERVAL (5 s) on its own.
# Usage: scripts/reconcile.sh SALE_ID   (admin: the token from TXLAB_ADMIN_TOKEN or .run/admin-token)
# Exit codes: 0 reconciled; 1 refused (unknown sale, wrong token, Redis down); 2 usage; 3 platform unreachable.
source "$(dirname "$0")/lib.sh"

mkdir -p "$LOG_DIR"
build_if_needed >&2
if [ -z "${TXLAB_ADMIN_TOKEN:-}" ] && [ -f "$RUN_DIR/admin-token" ]; then
  TXLAB_ADMIN_TOKEN=$(cat "$RUN_DIR/admin-token"); export TXLAB_ADMIN_TOKEN
fi
run_tool io.txlab.tools.flash.ReconcileMain "$@"
