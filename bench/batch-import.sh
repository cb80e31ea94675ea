#!/usr/bin/env bash
# Bulk-import benchmark: starts iys from the launcher on its own ports and data directory with a
# 512 MB server heap, imports a generated file through the consent-import job end to end, then
# upserts the same rows with plain batched JDBC into the same database, and prints both rates,
# their ratio, the server's peak heap and the load average.
#
# Usage: bench/batch-import.sh [--rows N] [--heap SIZE]
#   --rows N     rows in the generated file (default 1000000)
#   --heap SIZE  the application server's -Xmx (default 512m)
#   --dist DIR   run the launcher already copied to DIR (iys-launcher.jar, runtime/, lib/) instead
#                of building and copying one, e.g. the dist/ of an earlier run
# Ports are free ones picked at start unless IYS_HTTP_PORT, IYS_DB_PORT or IYS_BROKER_PORT are
# set, so that runs of other people on the same machine are left alone. SKIP_BUILD=1 reuses the
# last build.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=1000000
HEAP=512m
DIST=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --heap) HEAP="$2"; shift 2 ;;
    --dist) DIST="$2"; shift 2 ;;
    [0-9]*) ROWS="$1"; shift ;;
    *) echo "usage: $0 [--rows N] [--heap SIZE] [--dist DIR]" >&2; exit 2 ;;
  esac
done
[[ "$ROWS" =~ ^[0-9]+$ ]] || { echo "--rows takes a number of rows" >&2; exit 2; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
export IYS_HTTP_PORT="${IYS_HTTP_PORT:-$(free_port)}"
export IYS_DB_PORT="${IYS_DB_PORT:-$(free_port)}"
export IYS_BROKER_PORT="${IYS_BROKER_PORT:-$(free_port)}"
KEEP_DATA="${IYS_DATA_DIR:-}"
export IYS_DATA_DIR="${IYS_DATA_DIR:-$(mktemp -d)}"
export IYS_MICRO_HEAP="$HEAP"
# Read by the server through MicroProfile Config (iys.admin.password); the launcher hands its
# environment on to Payara Micro.
export IYS_ADMIN_PASSWORD="${IYS_ADMIN_PASSWORD:-bench-admin-$RANDOM$RANDOM}"

if [[ -z "$DIST" && "${SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q -DskipTests package
fi
DRIVER="$(ls "$HOME"/.m2/repository/org/mariadb/jdbc/mariadb-java-client/3.5.6/mariadb-java-client-3.5.6.jar)"

if [[ -z "$DIST" ]]; then
  # A copy of the launcher and its runtime, so that a rebuild during a long run leaves it alone.
  DIST="$IYS_DATA_DIR/dist"
  mkdir -p "$DIST"
  cp -r iys-launcher/target/iys-launcher.jar iys-launcher/target/runtime iys-launcher/target/lib "$DIST/"
fi
java -jar "$DIST/iys-launcher.jar" > "$IYS_DATA_DIR/launcher.log" 2>&1 &
LAUNCHER=$!
SAMPLER=""
cleanup() {
  [[ -n "$SAMPLER" ]] && kill "$SAMPLER" 2>/dev/null || true
  kill "$LAUNCHER" 2>/dev/null || true
  wait "$LAUNCHER" 2>/dev/null || true
  [[ -n "$KEEP_DATA" ]] || rm -rf "$IYS_DATA_DIR"
}
trap cleanup EXIT

for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$IYS_HTTP_PORT/health" 2>/dev/null | grep -q '"database"'; then
    break
  fi
  kill -0 "$LAUNCHER" 2>/dev/null || { echo "iys did not start; see $IYS_DATA_DIR/launcher.log"; exit 1; }
  sleep 1
done

# The Micro process is the launcher's own child running payara-micro.jar (others may run theirs).
MICRO="$(pgrep -P "$LAUNCHER" -f payara-micro.jar | head -1)"
echo "server heap limit as started: $(tr '\0' '\n' < "/proc/$MICRO/cmdline" | grep -m1 '^-Xmx')"
# Heap in use, sampled every second: the sum of survivor, eden and old-generation usage (KB).
jstat -gc "$MICRO" 1000 > "$IYS_DATA_DIR/jstat.log" 2>/dev/null &
SAMPLER=$!

echo "rows $ROWS, server heap -Xmx$HEAP, http port $IYS_HTTP_PORT, data $IYS_DATA_DIR"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
BENCH_START=$SECONDS
CLASSES="$IYS_DATA_DIR/bench-classes"
javac -d "$CLASSES" bench/BenchBusiness.java bench/BatchImportBench.java
java -cp "$DRIVER:$CLASSES" BatchImportBench "http://127.0.0.1:$IYS_HTTP_PORT" \
  "jdbc:mariadb://127.0.0.1:$IYS_DB_PORT/iys" "$IYS_ADMIN_PASSWORD" "$ROWS" "$IYS_DATA_DIR"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "benchmark took $((SECONDS - BENCH_START)) s (file generation, job and JDBC run)"

kill "$SAMPLER" 2>/dev/null || true
SAMPLER=""
awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {
       used = $3 + $4 + $6 + $8; if (used > peak) peak = used
       if ($8 > old) old = $8
     }
     END { printf "server heap (-Xmx%s): peak in use %.0f MB, peak old generation %.0f MB\n",
           ENVIRON["IYS_MICRO_HEAP"], peak / 1024, old / 1024 }' "$IYS_DATA_DIR/jstat.log"
