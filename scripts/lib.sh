#!/usr/bin/env bash
# Shared helpers for TxLab's scripts. Sourced, not run.
set -euo pipefail

TXLAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="${TXLAB_RUN_DIR:-$TXLAB_ROOT/.run}"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"
VERSION="0.1.0-SNAPSHOT"

ORDER_PORT="${TXLAB_ORDER_PORT:-8081}"
INVENTORY_PORT="${TXLAB_INVENTORY_PORT:-8082}"
PAYMENT_PORT="${TXLAB_PAYMENT_PORT:-8083}"
# second instances (NAME-2), same producer and consumer groups, started on demand (scripts/service.sh start)
ORDER2_PORT="${TXLAB_ORDER2_PORT:-8084}"
INVENTORY2_PORT="${TXLAB_INVENTORY2_PORT:-8085}"
PAYMENT2_PORT="${TXLAB_PAYMENT2_PORT:-8086}"
SERVICES=(order-service inventory-service payment-service)
SECOND_INSTANCES=(order-service-2 inventory-service-2 payment-service-2)
# fixed devstack ports (see devstack/DevStackSettings.forRunCommand): MySQL, Redis, NameServer, Broker,
# and the devstack's control port (DevStackMain.CONTROL_PORT), through which scenarios stop and start parts
DEVSTACK_CONTROL_PORT=19870
# the broker's Prometheus exporter (devstack/BrokerPorts.metrics), bound while TXLAB_METRICS is on (docs/metrics.md)
BROKER_METRICS_PORT=19913
DEVSTACK_PORTS=(13306 16379 19876 19911 "$DEVSTACK_CONTROL_PORT" "$BROKER_METRICS_PORT")
# broker-b of the two-broker mode (scripts/up.sh --brokers 2, TXLAB_BROKERS=2): its listen, fast and HA ports
# (DevStackSettings.forRunCommand); up.sh records the count in $PID_DIR/devstack.brokers for down.sh
BROKER_B_PORTS=(19921 19919 19922)
# devstack_brokers: how many broker masters the running (or last started) devstack has, 1 or 2.
devstack_brokers() { cat "$PID_DIR/devstack.brokers" 2>/dev/null || echo 1; }

# Against docker compose, scripts/compose-test.sh sets TXLAB_COMPOSE_FILE: the scripts then act on the
# compose stack's containers (its chaos set) instead of local processes.
compose_mode() { [ -n "${TXLAB_COMPOSE_FILE:-}" ]; }
compose() {
  docker compose -f "$TXLAB_COMPOSE_FILE" --env-file "${TXLAB_COMPOSE_ENV_FILE:-$(dirname "$TXLAB_COMPOSE_FILE")/.env}" "$@"
}
# container_healthy SERVICE: docker reports the compose service's container healthy.
container_healthy() {
  local id
  id=$(compose ps -q "$1" 2>/dev/null) && [ -n "$id" ] \
    && [ "$(docker inspect -f '{{.State.Health.Status}}' "$id" 2>/dev/null)" = healthy ]
}

say()  { printf '%s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

require_tools() {
  command -v java >/dev/null 2>&1 || fail "java not found: install JDK 17 or newer"
  command -v mvn >/dev/null 2>&1 || fail "mvn not found: install Apache Maven 3.8+"
  local major
  major=$(java -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}')
  [ "${major:-0}" -ge 17 ] || fail "java $major found; TxLab needs JDK 17 or newer"
}

service_jar() { echo "$TXLAB_ROOT/$1/target/$1-$VERSION-exec.jar"; }
devstack_jar() { echo "$TXLAB_ROOT/devstack/target/txlab-devstack-$VERSION-exec.jar"; }
demo_jar() { echo "$TXLAB_ROOT/tools/target/txlab-tools-$VERSION-exec.jar"; }
# platform_jars: the exec jars of the long-running processes, the devstack's and the services', one a line.
platform_jars() {
  printf '%s\n' "$(devstack_jar)" "$(service_jar order-service)" "$(service_jar inventory-service)" \
    "$(service_jar payment-service)"
}

# extracted_jar JAR: the path of JAR's extracted form (java -Djarmode=tools extract, under $RUN_DIR/jars),
# extracting it first if this build of it was not extracted yet. The processes run from it: a JVM loads its
# classes from plain jars on the class path there, instead of from jars nested in the exec jar, and starts
# in half the CPU time (docs/benchmarks.md, "Extracted jars and a batch's dedup rows in one statement"). Each
# build gets a directory of its own, named by the exec jar's modification time, so a running process never
# loses the files it loads from.
extraction_dir() { echo "$RUN_DIR/jars/$(basename "$1" .jar)-$(date -r "$1" +%s)"; }
extracted_jar() {
  local jar=$1 name dir
  name=$(basename "$jar" .jar)
  dir=$(extraction_dir "$jar")
  if [ ! -f "$dir/$name.jar" ]; then
    local scratch
    mkdir -p "$RUN_DIR/jars"
    scratch=$(mktemp -d "$RUN_DIR/jars/.extracting.XXXXXX")
    java -Djarmode=tools -jar "$jar" extract --destination "$scratch/x" > "$scratch/extract.log" 2>&1 \
      || { cat "$scratch/extract.log" >&2; rm -rf "$scratch"; fail "could not extract $jar"; }
    # another start may have extracted the same build meanwhile: either copy will do
    [ -e "$dir" ] || mv "$scratch/x" "$dir"
    rm -rf "$scratch"
  fi
  echo "$dir/$name.jar"
}

# forget_old_extractions: removes extracted jars of earlier builds. Only while nothing of TxLab runs.
forget_old_extractions() {
  local jar name dir
  while IFS= read -r jar; do
    [ -f "$jar" ] || continue
    name=$(basename "$jar" .jar)
    for dir in "$RUN_DIR/jars/$name"-*; do
      [ -d "$dir" ] && [ "$dir" != "$(extraction_dir "$jar")" ] && rm -rf "$dir"
    done
  done < <(platform_jars)
  return 0
}

# run_tool MAIN_CLASS ARGS...: runs one of the command-line tools in the scenarios jar, in place of this shell.
# The exec jar is a Spring Boot jar (classes under BOOT-INF/): PropertiesLauncher runs a main class other
# than the jar's own in it. TOOL_JAVA_OPTS, if a script sets it, goes to the JVM.
run_tool() {
  local main=$1; shift
  # the RocketMQ client of the dead-letter tool logs there, not in ~/logs/rocketmqlogs
  # shellcheck disable=SC2086 # TOOL_JAVA_OPTS holds several options
  exec java ${TOOL_JAVA_OPTS:-} -cp "$(demo_jar)" -Dloader.main="$main" -Drocketmq.log.root="$LOG_DIR/rocketmq-tools" \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

# Builds the runnable jars when one is missing or older than any source, migration or pom.
build_if_needed() {
  local jars=() jar
  while IFS= read -r jar; do jars+=("$jar"); done < <(platform_jars)
  jars+=("$(demo_jar)")
  local stale=""
  for jar in "${jars[@]}"; do
    if [ ! -f "$jar" ] || [ -n "$(find "$TXLAB_ROOT" -path "$TXLAB_ROOT/.run" -prune -o \
        \( -path '*/src/main/*' -o -path '*/db/migration/*' -o -name pom.xml \) -newer "$jar" -type f -print -quit)" ]; then
      stale=1
    fi
  done
  [ -z "$stale" ] && return 0
  # A build replaces the jars the running processes load their classes from, which can break them mid-run.
  if is_running devstack || is_running order-service || is_running inventory-service || is_running payment-service; then
    for jar in "${jars[@]}"; do
      [ -f "$jar" ] || fail "TxLab is running but not built ($jar is missing); stop it (scripts/down.sh) to build"
    done
    say "note: sources changed since the last build; the running platform and this tool keep that build" \
        "(scripts/down.sh, then scripts/up.sh, rebuilds)"
    return 0
  fi
  say "Building TxLab (first run downloads dependencies from Maven Central; later runs take ~1 min)..."
  (cd "$TXLAB_ROOT" && mvn -B -ntp -DskipTests package) \
    > "$LOG_DIR/build.log" 2>&1 &
  local build=$!
  while kill -0 "$build" 2>/dev/null; do
    sleep 5
    say "  ... $(grep -E '^\[INFO\] Building ' "$LOG_DIR/build.log" | tail -1 | sed 's/\[INFO\] //')"
  done
  wait "$build" || { tail -30 "$LOG_DIR/build.log" >&2; fail "build failed; full log: $LOG_DIR/build.log"; }
  say "Build done."
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

is_running() { [ -f "$PID_DIR/$1.pid" ] && kill -0 "$(cat "$PID_DIR/$1.pid")" 2>/dev/null; }

# start NAME COMMAND...: runs it in the background, in its own process group (so that a forced stop
# also takes its children, such as the devstack's mysqld and redis-server), with a log and a pid file.
start_process() {
  local name=$1; shift
  if command -v setsid >/dev/null 2>&1; then
    nohup setsid "$@" > "$LOG_DIR/$name.log" 2>&1 < /dev/null &
  else
    nohup "$@" > "$LOG_DIR/$name.log" 2>&1 < /dev/null &
  fi
  echo $! > "$PID_DIR/$name.pid"
}

# wait_until SECONDS WHAT COMMAND...: polls COMMAND each second, printing progress every 5 s.
wait_until() {
  local limit=$1 what=$2; shift 2
  local waited=0
  until "$@"; do
    sleep 1
    waited=$((waited + 1))
    [ $((waited % 5)) -eq 0 ] && say "  ... waiting for $what (${waited}s)"
    [ "$waited" -ge "$limit" ] && return 1
  done
  return 0
}

# start_watched_process NAME COMMAND...: like start_process, for a service, and records how it ended: a
# wrapper shell waits for it and writes its exit status to $PID_DIR/NAME.exit (137 for kill -9 and for
# the fault points' Runtime.halt(137)), so a scenario can tell a crash from a hang. The pid file holds
# the command's own pid, as with start_process: kill -9 and kill -0 act on the JVM itself.
start_watched_process() {
  local name=$1; shift
  rm -f "$PID_DIR/$name.pid" "$PID_DIR/$name.exit"
  local wrapper='"$@" & pid=$!; echo "$pid" > "$0.pid"; wait "$pid"; echo $? > "$0.exit"'
  if command -v setsid >/dev/null 2>&1; then
    nohup setsid bash -c "$wrapper" "$PID_DIR/$name" "$@" > "$LOG_DIR/$name.log" 2>&1 < /dev/null &
  else
    nohup bash -c "$wrapper" "$PID_DIR/$name" "$@" > "$LOG_DIR/$name.log" 2>&1 < /dev/null &
  fi
  local waited=0
  until [ -s "$PID_DIR/$name.pid" ] || [ "$waited" -ge 50 ]; do sleep 0.1; waited=$((waited + 1)); done
  [ -s "$PID_DIR/$name.pid" ] || fail "$name did not start"
}

# exit_status NAME: "running", the exit status start_watched_process recorded, or "unknown".
exit_status() {
  if is_running "$1"; then say running
  elif [ -s "$PID_DIR/$1.exit" ]; then cat "$PID_DIR/$1.exit"
  else say unknown
  fi
}

# C1-only JIT with the serial collector: three JVMs boot on two cores in ~26 s instead of ~47 s, and a cold
# platform keeps up with 200 orders/s in its first minute, where the full JIT falls behind compiling and times
# requests out; warm, the full JIT costs less per order (docs/benchmarks.md, "Batches that form, a data set in
# memory, and the JIT"). For that comparison, set TXLAB_JAVA_OPTS="-Xmx256m -XX:+UseSerialGC".
SERVICE_JAVA_OPTS="${TXLAB_JAVA_OPTS:--Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"

# service_java_opts NAME: the JVM options of one service: TXLAB_ORDER_JAVA_OPTS for order-service and
# order-service-2 (TXLAB_INVENTORY_JAVA_OPTS, TXLAB_PAYMENT_JAVA_OPTS for the others) if set, else the above.
service_java_opts() {
  case $1 in
    order-service*) echo "${TXLAB_ORDER_JAVA_OPTS:-$SERVICE_JAVA_OPTS}" ;;
    inventory-service*) echo "${TXLAB_INVENTORY_JAVA_OPTS:-$SERVICE_JAVA_OPTS}" ;;
    payment-service*) echo "${TXLAB_PAYMENT_JAVA_OPTS:-$SERVICE_JAVA_OPTS}" ;;
    *) echo "$SERVICE_JAVA_OPTS" ;;
  esac
}

service_port() {
  case $1 in
    order-service) echo "$ORDER_PORT" ;;
    order-service-2) echo "$ORDER2_PORT" ;;
    inventory-service) echo "$INVENTORY_PORT" ;;
    inventory-service-2) echo "$INVENTORY2_PORT" ;;
    payment-service) echo "$PAYMENT_PORT" ;;
    payment-service-2) echo "$PAYMENT2_PORT" ;;
    *) fail "no service $1 (order-service, inventory-service, payment-service, or a second instance: order-service-2, inventory-service-2, payment-service-2)" ;;
  esac
}

# start_service NAME: starts one service against the running devstack (its settings in devstack.env).
# The environment passes through: SPRING_PROFILES_ACTIVE, TXLAB_ADMIN_TOKEN, TXLAB_* settings.
start_service() {
  local svc=$1
  [ -f "$RUN_DIR/devstack/devstack.env" ] || fail "the devstack is not running (scripts/up.sh starts it)"
  set -a; source "$RUN_DIR/devstack/devstack.env"; set +a
  if [[ $svc == *-2 ]]; then
    # a second instance: the same jar on its own port, named in check-backs and timelines by its instance id
    local base=${svc%-2} port_variable
    port_variable="TXLAB_$(tr '[:lower:]' '[:upper:]' <<<"${base%-service}")_PORT"
    (export "$port_variable=$(service_port "$svc")" TXLAB_INSTANCE_ID="$svc@$(hostname)"
     # shellcheck disable=SC2046 # the JVM options are several words
     start_watched_process "$svc" java $(service_java_opts "$svc") -Drocketmq.log.root="$LOG_DIR/rocketmq-$svc" \
       -jar "$(extracted_jar "$(service_jar "$base")")")
    return
  fi
  # shellcheck disable=SC2046 # the JVM options are several words
  start_watched_process "$svc" java $(service_java_opts "$svc") -Drocketmq.log.root="$LOG_DIR/rocketmq-$svc" \
    -jar "$(extracted_jar "$(service_jar "$svc")")"
}

# devstack_control PART ACTION: asks the running devstack to stop or start an embedded part (broker,
# database); prints its one-line answer; fails if it refused. Plain bash HTTP, no curl needed.
devstack_control() {
  local answer
  answer=$( (exec 3<>"/dev/tcp/127.0.0.1/$DEVSTACK_CONTROL_PORT" || exit 1
             printf 'POST /%s/%s HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n' "$1" "$2" >&3
             cat <&3) 2>/dev/null) || fail "the devstack's control port $DEVSTACK_CONTROL_PORT does not answer (is the platform up?)"
  local status body
  status=$(head -1 <<<"$answer" | awk '{print $2}')
  body=$(tail -1 <<<"$answer" | tr -d '\r')
  [ "$status" = 200 ] || fail "devstack refused to $2 the $1: $body"
  say "$body"
}

# http_body PORT PATH ACCEPT: the body of a GET on 127.0.0.1:PORT, which must answer 200 (plain bash, no curl needed).
http_body() {
  local answer
  answer=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
             printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: %s\r\n\r\n' "$2" "$3" >&3
             cat <&3) 2>/dev/null) || return 1
  [ "$(head -1 <<<"$answer" | awk '{print $2}')" = 200 ] || return 1
  awk 'body { print; next } /^\r?$/ { body = 1 }' <<<"$answer"
}

# save_metrics DIR: a scrape of each service's /actuator/prometheus and of the broker's exporter, one file each,
# as Prometheus would take them (docs/metrics.md); nothing when TXLAB_METRICS is off.
save_metrics() {
  local dir="$1" saved="" target name port path
  mkdir -p "$dir"
  for target in "order-service $ORDER_PORT /actuator/prometheus" "inventory-service $INVENTORY_PORT /actuator/prometheus" \
                "payment-service $PAYMENT_PORT /actuator/prometheus" "broker $BROKER_METRICS_PORT /metrics"; do
    read -r name port path <<<"$target"
    if http_body "$port" "$path" "text/plain" >"$dir/$name.prom"; then
      saved="$saved $name"
    else
      rm -f "$dir/$name.prom"
    fi
  done
  [ -n "$saved" ] && say "Metrics after the demo, scraped from${saved}: ${dir#"$TXLAB_ROOT"/}/ (docs/metrics.md)"
  return 0
}

# healthy PORT: the service's actuator health says UP (plain bash, no curl needed).
healthy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
   printf 'GET /actuator/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
   grep -q '"status":"UP"' <&3) 2>/dev/null
}
