#!/usr/bin/env bash
# `make search-engine` / `make search-engine-stop`: one OpenSearch 2.19 node for development and
# CI, built from search/opensearch-node/ (Maven fetches the jars into its target/, javac compiles
# the launcher) and run in the background on 127.0.0.1.
#
#   scripts/search-engine.sh start | stop | status | build
#
# SEARCH_ENGINE_PORT (9200) is the HTTP port; SEARCH_ENGINE_DATA (.search-engine) holds the node's
# data, its log (node.log) and its process id (node.pid); SEARCH_ENGINE_HEAP (512m) is the heap;
# SEARCH_ENGINE_TIMEOUT (120) the seconds start waits for the node to be healthy.
# start returns at once when the node already runs; stop is harmless when nothing runs.
set -euo pipefail
cd "$(dirname "$0")/.."

node_dir=search/opensearch-node
dependencies=$node_dir/target/dependency
classes=$node_dir/target/classes
launcher=$node_dir/src/main/java/portal/search/PortalSearchNode.java
log_config=$node_dir/src/main/resources/log4j2.properties
main_class=portal.search.PortalSearchNode

port=${SEARCH_ENGINE_PORT:-9200}
data=${SEARCH_ENGINE_DATA:-.search-engine}
heap=${SEARCH_ENGINE_HEAP:-512m}
timeout=${SEARCH_ENGINE_TIMEOUT:-120}
stop_timeout=${SEARCH_ENGINE_STOP_TIMEOUT:-30}
url=http://127.0.0.1:$port
pid_file=$data/node.pid
log=$data/node.log

say() { echo "search engine: $*"; }
fail() { echo "search engine: $*" >&2; exit 1; }

build() {
  bash scripts/need-tool.sh javac openjdk-17-jdk-headless
  bash scripts/need-tool.sh mvn maven
  bash scripts/need-tool.sh curl
  # The stamp is written only after a complete copy, so an interrupted download is retried; the
  # folder is emptied first so a jar the pom no longer names does not linger on the classpath.
  if [ ! -e "$dependencies/.complete" ] || [ "$node_dir/pom.xml" -nt "$dependencies/.complete" ]; then
    say "fetching OpenSearch's jars with Maven (cached in ~/.m2 after the first time)"
    rm -rf "$dependencies"
    mvn -B -q -Dstyle.color=never -f "$node_dir/pom.xml" dependency:copy-dependencies
    touch "$dependencies/.complete"
  fi
  local class_file=$classes/portal/search/PortalSearchNode.class
  if [ ! -e "$class_file" ] || [ "$launcher" -nt "$class_file" ] \
    || [ "$log_config" -nt "$class_file" ] || [ "$dependencies/.complete" -nt "$class_file" ]; then
    say "compiling the launcher"
    rm -rf "$classes"
    mkdir -p "$classes"
    cp "$log_config" "$classes/"
    javac -nowarn --release 17 -d "$classes" -cp "$dependencies/*" "$launcher"
  fi
}

# The recorded process, if it is still this launcher (a process id can be reused after a reboot).
running_pid() {
  [ -f "$pid_file" ] || return 1
  local pid
  pid=$(cat "$pid_file")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$main_class" || return 1
  echo "$pid"
}

health() { curl -fsS --max-time 5 "$url/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null; }

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$pid_file"
    say "not running"
    return 0
  fi
  # TERM lets the node close its shards and release the data folder's lock.
  kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $((stop_timeout * 5)) ]; do
    sleep 0.2
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "pid $pid still running after ${stop_timeout}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$pid_file"
  say "stopped (pid $pid)"
}

start() {
  local pid
  if pid=$(running_pid); then
    health >/dev/null || fail "pid $pid runs but $url is not healthy; see $log"
    say "already running on $url (pid $pid)"
    return 0
  fi
  rm -f "$pid_file"
  port_taken && fail "something else already listens on 127.0.0.1:$port (set SEARCH_ENGINE_PORT)"
  build
  mkdir -p "$data"
  local home
  home=$(cd "$data" && pwd)
  : >"$log"
  local started=$EPOCHREALTIME
  nohup java "-Xms$heap" "-Xmx$heap" -XX:+ExitOnOutOfMemoryError -Dlog4j2.disable.jmx=true \
    -cp "$classes:$dependencies/*" "$main_class" \
    "path.home=$home" "path.data=$home/data" "path.logs=$home/logs" "http.port=$port" \
    </dev/null >>"$log" 2>&1 &
  pid=$!
  echo "$pid" >"$pid_file"

  local deadline=$((SECONDS + timeout)) status
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pid_file"
      echo "search engine: the node exited before it was healthy; the end of $log:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    # The launcher prints "ready" once its cluster defaults are set, after HTTP is already up.
    if grep -q '^portal search node: ready' "$log" && status=$(health); then
      case $status in *'"status":"green"'* | *'"status":"yellow"'*) break ;; esac
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "search engine: not healthy within ${timeout}s on $url; the end of $log:" >&2
      tail -n 40 "$log" >&2
      stop >&2
      exit 1
    fi
    sleep 0.5
  done
  local elapsed
  elapsed=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  say "OpenSearch is up on $url (pid $pid, healthy after ${elapsed}s; log $log)"
  echo "$url"
}

status() {
  local pid
  if pid=$(running_pid); then
    say "running on $url (pid $pid)"
    health || true
    echo
  else
    say "not running"
  fi
}

case ${1:-start} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  build) build ;;
  *) fail "usage: $0 start|stop|status|build" ;;
esac
