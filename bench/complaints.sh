#!/usr/bin/env bash
# Complaint throughput: starts iys from the launcher on its own ports and data directory, pushes
# complaints at the queue from a second process, prints the enqueue and judgement rates and the
# count sent against the count stored, then stops iys. Loopback only.
#
#   bench/complaints.sh [count] [producers]
#
# Ports and data directory can be overridden with IYS_HTTP_PORT, IYS_DB_PORT, IYS_BROKER_PORT and
# IYS_DATA_DIR; the defaults keep clear of a normally running iys.
set -euo pipefail

COUNT=${1:-20000}
PRODUCERS=${2:-4}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export IYS_HTTP_PORT=${IYS_HTTP_PORT:-18580}
export IYS_DB_PORT=${IYS_DB_PORT:-13507}
export IYS_BROKER_PORT=${IYS_BROKER_PORT:-16716}
KEEP_DATA="${IYS_DATA_DIR:-}"
export IYS_DATA_DIR=${IYS_DATA_DIR:-$(mktemp -d)}
LAUNCHER=$ROOT/iys-launcher/target/iys-launcher.jar

if [[ ! -f $LAUNCHER ]]; then
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi

java -jar "$LAUNCHER" > "$IYS_DATA_DIR/iys.log" 2>&1 &
IYS_PID=$!
trap 'kill "$IYS_PID" 2>/dev/null; wait "$IYS_PID" 2>/dev/null || true
  [[ -n "$KEEP_DATA" ]] || rm -rf "$IYS_DATA_DIR"' EXIT

echo "iys starting (pid $IYS_PID, log $IYS_DATA_DIR/iys.log)"
for _ in $(seq 1 300); do
  if curl -fs "http://127.0.0.1:$IYS_HTTP_PORT/health" 2>/dev/null | grep -q '"database"'; then
    break
  fi
  if ! kill -0 "$IYS_PID" 2>/dev/null; then
    echo "iys stopped during start-up; see $IYS_DATA_DIR/iys.log" >&2
    exit 1
  fi
  sleep 1
done

echo "pushing $COUNT complaints with $PRODUCERS producers"
java -cp "$ROOT/iys-launcher/target/lib/*:$ROOT/iys-launcher/target/runtime/mariadb-java-client.jar" \
  "$ROOT/bench/ComplaintBench.java" "$COUNT" "$IYS_BROKER_PORT" "$IYS_DB_PORT" "$PRODUCERS"
