#!/usr/bin/env bash
# Per-order counters of a running platform (docs/hot-path.md, part 4). Reads only: /proc, MariaDB's
# SHOW GLOBAL STATUS, Redis's INFO. Never starts, stops or loads anything.
#
#   scripts/hotpath-stats.sh snap NAME                      snapshot into .run/hotpath/NAME/
#   scripts/hotpath-stats.sh diff A B --orders N [--top K]  per-order deltas between two snapshots
#   scripts/hotpath-stats.sh threads                        threads per JVM now, grouped by pool name
#
# Needs: bash, coreutils, awk, pgrep (procps), the mariadb or mysql client, redis-cli.
# Environment: TXLAB_MYSQL_HOST/PORT/USER (127.0.0.1, 13306, root), TXLAB_REDIS_HOST/PORT (127.0.0.1,
# 16379), TXLAB_DRIVER_PID (optional: the load driver's pid, to report its CPU too).
source "$(dirname "$0")/lib.sh"

OUT_DIR="$RUN_DIR/hotpath"
MYSQL_HOST="${TXLAB_MYSQL_HOST:-127.0.0.1}"
MYSQL_PORT="${TXLAB_MYSQL_PORT:-${DEVSTACK_PORTS[0]}}"
MYSQL_USER="${TXLAB_MYSQL_USER:-root}"
REDIS_HOST="${TXLAB_REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${TXLAB_REDIS_PORT:-${DEVSTACK_PORTS[1]}}"
SERVICES=(devstack order-service inventory-service payment-service)
STATUS_VARS="'Questions','Com_select','Com_insert','Com_update','Com_delete','Com_commit','Com_rollback',\
'Com_set_option','Com_stmt_execute','Com_stmt_prepare','Com_show_status'"

die() { echo "hotpath-stats: $*" >&2; exit 2; }

# name<TAB>pid of every platform process that runs: the JVMs from the pid files, MariaDB and Redis as the
# devstack's children, the driver if given.
processes() {
  local svc pid child
  for svc in "${SERVICES[@]}"; do
    [[ -f "$PID_DIR/$svc.pid" ]] || continue
    pid="$(cat "$PID_DIR/$svc.pid")"
    [[ -d "/proc/$pid" ]] || continue
    printf '%s\t%s\n' "$svc" "$pid"
    if [[ "$svc" == devstack ]]; then
      for child in $(pgrep -P "$pid" || true); do
        case "$(cat "/proc/$child/comm" 2>/dev/null)" in
          mariadbd*|mysqld*) printf 'mariadb\t%s\n' "$child" ;;
          redis-server*) printf 'redis\t%s\n' "$child" ;;
        esac
      done
    fi
  done
  if [[ -n "${TXLAB_DRIVER_PID:-}" && -d "/proc/$TXLAB_DRIVER_PID" ]]; then
    printf 'driver\t%s\n' "$TXLAB_DRIVER_PID"
  fi
}

# utime+stime (fields 14, 15) of a /proc stat file; the comm field may hold spaces, so cut after ')'.
ticks() { sed 's/^.*) //' "$1" 2>/dev/null | awk '{print $12 + $13}'; }

# Thread pool name: the comm without trailing numbers (kernel comm is cut at 15 characters).
group_of() { sed -E 's/[-_]?[0-9]+[-_][0-9]+$//; s/[-_#]?[0-9]+$//' <<<"$1"; }

mysql_client() {
  if command -v mariadb >/dev/null; then echo mariadb; elif command -v mysql >/dev/null; then echo mysql; else
    die "needs the mariadb or mysql client"; fi
}

snap() {
  local dir="$OUT_DIR/$1" name pid task
  mkdir -p "$dir"
  : >"$dir/process.tsv"; : >"$dir/threads.tsv"
  while IFS=$'\t' read -r name pid; do
    printf '%s\t%s\t%s\n' "$name" "$pid" "$(ticks "/proc/$pid/stat")" >>"$dir/process.tsv"
    for task in /proc/"$pid"/task/*; do
      local comm
      comm="$(cat "$task/comm" 2>/dev/null)" || continue
      printf '%s\t%s\t%s\t%s\n' "$name" "${task##*/}" "$(group_of "$comm")" "$(ticks "$task/stat")" \
        >>"$dir/threads.tsv"
    done
  done < <(processes)
  [[ -s "$dir/process.tsv" ]] || die "no platform process found under $PID_DIR"
  "$(mysql_client)" -h "$MYSQL_HOST" -P "$MYSQL_PORT" -u "$MYSQL_USER" -N -B \
    -e "SHOW GLOBAL STATUS WHERE Variable_name IN ($STATUS_VARS)" >"$dir/mysql.tsv"
  redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" INFO commandstats | tr -d '\r' \
    | sed -nE 's/^cmdstat_([^:]+):calls=([0-9]+).*/\1\t\2/p' >"$dir/redis.tsv"
  redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" INFO stats | tr -d '\r' \
    | sed -nE 's/^total_commands_processed:([0-9]+)/total_commands_processed\t\1/p' >>"$dir/redis.tsv"
  date +%s >"$dir/time"
  echo "snapshot $1: $(wc -l <"$dir/process.tsv") processes, $(wc -l <"$dir/threads.tsv") threads -> $dir"
}

diff_snaps() {
  local a="$OUT_DIR/$1" b="$OUT_DIR/$2" orders="$3" top="$4"
  [[ -d "$a" && -d "$b" ]] || die "unknown snapshot ($a or $b)"
  [[ "$orders" =~ ^[0-9]+$ && "$orders" -gt 0 ]] || die "--orders N (N > 0) is needed"
  echo "== $(( $(cat "$b/time") - $(cat "$a/time") )) s, $orders orders"

  echo "== CPU ms per order, by process (100 ticks/s)"
  awk -F'\t' -v n="$orders" 'NR==FNR {t[$1 FS $2]=$3; next}
    {d=$3 - t[$1 FS $2]; total+=d; printf "  %-18s %8.3f\n", $1, d*10/n}
    END {printf "  %-18s %8.3f\n", "total", total*10/n}' "$a/process.tsv" "$b/process.tsv"

  echo "== CPU ms per order, by JVM thread group (top $top; threads started between the snapshots count in full)"
  awk -F'\t' -v n="$orders" 'NR==FNR {t[$1 FS $2]=$4; next}
    {g[$1 FS $3]+=$4 - t[$1 FS $2]}
    END {for (k in g) if (g[k] > 0) {split(k, p, FS); printf "%.3f\t%s\t%s\n", g[k]*10/n, p[1], p[2]}}' \
    "$a/threads.tsv" "$b/threads.tsv" | sort -rn | head -n "$top" \
    | awk -F'\t' '{printf "  %-18s %-18s %8.3f\n", $2, $3, $1}'

  echo "== MariaDB per order (each snapshot adds 1 Questions and 1 Com_show_status of its own)"
  awk -F'\t' -v n="$orders" 'NR==FNR {v[$1]=$2; next}
    {d=$2 - v[$1]; if ($1 == "Questions" || $1 == "Com_show_status") d-=1; printf "  %-18s %8.2f\n", $1, d/n}' \
    "$a/mysql.tsv" "$b/mysql.tsv"

  echo "== Redis per order (commandstats counts the commands scripts call as well)"
  awk -F'\t' -v n="$orders" 'NR==FNR {v[$1]=$2; next}
    {d=$2 - v[$1]; if (d > 0) printf "  %-26s %8.2f\n", $1, d/n}' "$a/redis.tsv" "$b/redis.tsv" | sort -k2 -rn

  echo "== threads per JVM at $2"
  awk -F'\t' '{c[$1]++} END {for (k in c) printf "  %-18s %5d\n", k, c[k]}' "$b/threads.tsv" | sort
}

threads_now() {
  local name pid task
  while IFS=$'\t' read -r name pid; do
    echo "== $name (pid $pid): $(ls "/proc/$pid/task" | wc -l) threads"
    for task in /proc/"$pid"/task/*; do group_of "$(cat "$task/comm" 2>/dev/null)"; done \
      | sort | uniq -c | sort -rn | awk '{n=$1; $1=""; printf "  %5d %s\n", n, $0}'
  done < <(processes)
  if command -v jcmd >/dev/null && [[ -n "${TXLAB_JCMD:-}" ]]; then
    while IFS=$'\t' read -r name pid; do
      [[ "$name" == *-service ]] || continue
      echo "== $name compiler queue"; jcmd "$pid" Compiler.queue 2>/dev/null | tail -n +2 | head -20
    done < <(processes)
  fi
}

case "${1:-}" in
  snap) [[ -n "${2:-}" ]] || die "snap NAME"; snap "$2" ;;
  diff)
    [[ -n "${2:-}" && -n "${3:-}" ]] || die "diff A B --orders N [--top K]"
    a="$2"; b="$3"; shift 3; orders=""; top=25
    while [[ $# -gt 0 ]]; do
      case "$1" in
        --orders) orders="$2"; shift 2 ;;
        --top) top="$2"; shift 2 ;;
        *) die "unknown option $1" ;;
      esac
    done
    diff_snaps "$a" "$b" "$orders" "$top" ;;
  threads) threads_now ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
