#!/usr/bin/env bash
# Checks the invariants (docs/scenarios.md, "Checking the invariants") on the platform's three schemas,
# read-only, and prints PASS/FAIL per invariant with counts and the first offending ids. While orders are
# PENDING or compensation is in flight it reads again, for up to --wait seconds, and reports how long
# convergence took.
# Usage: scripts/check.sh [--wait SECONDS (default 30)] [--deadline SECONDS (the sweeper's, default 90)]
#   [--since ISO-INSTANT] [--delivery-horizon SECONDS (default 51)] [--expect INVARIANT,...]
# Database: the services' own settings (TXLAB_MYSQL_URL, TXLAB_MYSQL_USER, TXLAB_MYSQL_PASSWORD,
# TXLAB_ORDER_SCHEMA, TXLAB_INVENTORY_SCHEMA, TXLAB_PAYMENT_SCHEMA); by default the devstack's, on 13306.
# Exit codes: 0 every invariant holds; 1 a violation; 2 bad usage or the database cannot be read.
source "$(dirname "$0")/lib.sh"

mkdir -p "$LOG_DIR"
build_if_needed >&2
run_tool io.txlab.tools.check.CheckMain "$@"
