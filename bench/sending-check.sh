#!/usr/bin/env bash
# The check-before-sending benchmark: starts iys from the launcher on its own ports and data
# directory, loads 1M consents, and measures in one run, at 16 connections each: the trivial
# endpoint (GET /api/ping, the HTTP floor of the stack), the single check, and plain indexed JDBC
# lookups of the same keys on the same database; then the bulk check in addresses per second.
# Everything runs on this machine and talks to 127.0.0.1 only.
#
#   bench/sending-check.sh [seconds per phase, default 20]
#
# Environment: BENCH_HTTP_PORT, BENCH_DB_PORT, BENCH_BROKER_PORT, BENCH_DATA_DIR, BENCH_SKIP_BUILD.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_PHASE="${1:-20}"
HTTP_PORT="${BENCH_HTTP_PORT:-18480}"
DB_PORT="${BENCH_DB_PORT:-13348}"
BROKER_PORT="${BENCH_BROKER_PORT:-16627}"
DATA_DIR="${BENCH_DATA_DIR:-$(mktemp -d)}"
# The benchmark registers its own business, so it needs the first admin; a fresh data directory
# gets one with this password. The per-client allowance (100/s by default) would otherwise cap
# the figure being measured.
export IYS_ADMIN_PASSWORD="${IYS_ADMIN_PASSWORD:-bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')}"
export IYS_RATELIMIT_REQUESTS_PER_SECOND="${IYS_RATELIMIT_REQUESTS_PER_SECOND:-1000000}"

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  mvn -B -q -DskipTests package
fi
mkdir -p "$DATA_DIR"

IYS_HTTP_PORT="$HTTP_PORT" IYS_DB_PORT="$DB_PORT" IYS_BROKER_PORT="$BROKER_PORT" \
IYS_DATA_DIR="$DATA_DIR" IYS_DB_PASSWORD=iys \
  java -jar iys-launcher/target/iys-launcher.jar > "$DATA_DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; [[ -n "${BENCH_DATA_DIR:-}" ]] || rm -rf "$DATA_DIR"' EXIT

echo "waiting for iys on 127.0.0.1:$HTTP_PORT (log: $DATA_DIR/server.log)"
for _ in $(seq 1 300); do
  if curl -fs "http://127.0.0.1:$HTTP_PORT/api/ping" > /dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "iys did not start; see $DATA_DIR/server.log" >&2
    exit 1
  fi
  sleep 1
done

source bench/server-pids.sh
export_server_pids "$SERVER"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

DRIVER="iys-launcher/target/runtime/mariadb-java-client.jar"
CLASSES="$DATA_DIR/bench-classes"
javac -d "$CLASSES" bench/BenchBusiness.java bench/ServerCpu.java bench/SendingCheckBench.java
java -Xmx1g -cp "$DRIVER:$CLASSES" SendingCheckBench \
  "http://127.0.0.1:$HTTP_PORT" "jdbc:mariadb://127.0.0.1:$DB_PORT/iys" iys iys "$SECONDS_PER_PHASE"
