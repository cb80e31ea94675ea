#!/usr/bin/env bash
# Bulk-import benchmark: starts iys from the launcher on its own ports and data directory with a
# 512 MB server heap, imports a generated file through the consent-import job end to end, then
# upserts the same rows with plain batched JDBC into the same database, and prints both rates,
# their ratio, the server's peak heap and the load average.
# Usage: bench/batch-import.sh [rows]   (run from the repository root; default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="${1:-1000000}"
export IYS_HTTP_PORT="${IYS_HTTP_PORT:-18580}"
export IYS_DB_PORT="${IYS_DB_PORT:-13507}"
export IYS_BROKER_PORT="${IYS_BROKER_PORT:-16716}"
export IYS_DATA_DIR="${IYS_DATA_DIR:-$(mktemp -d)}"
export IYS_MICRO_HEAP="${IYS_MICRO_HEAP:-512m}"
# Read by the server through MicroProfile Config (iys.admin.password); the launcher hands its
# environment on to Payara Micro.
export IYS_ADMIN_PASSWORD="${IYS_ADMIN_PASSWORD:-bench-admin-$RANDOM$RANDOM}"

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q -DskipTests package
fi
DRIVER="$(ls "$HOME"/.m2/repository/org/mariadb/jdbc/mariadb-java-client/3.5.6/mariadb-java-client-3.5.6.jar)"

# A copy of the launcher and its runtime, so that a rebuild during a long run leaves it alone.
mkdir -p "$IYS_DATA_DIR/dist"
cp -r iys-launcher/target/iys-launcher.jar iys-launcher/target/runtime iys-launcher/target/lib "$IYS_DATA_DIR/dist/"
java -jar "$IYS_DATA_DIR/dist/iys-launcher.jar" > "$IYS_DATA_DIR/launcher.log" 2>&1 &
LAUNCHER=$!
SAMPLER=""
cleanup() {
  [[ -n "$SAMPLER" ]] && kill "$SAMPLER" 2>/dev/null || true
  kill "$LAUNCHER" 2>/dev/null || true
  wait "$LAUNCHER" 2>/dev/null || true
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
# Heap in use, sampled every second: the sum of survivor, eden and old-generation usage (KB).
jstat -gc "$MICRO" 1000 > "$IYS_DATA_DIR/jstat.log" 2>/dev/null &
SAMPLER=$!

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
java -cp "$DRIVER" bench/BatchImportBench.java "http://127.0.0.1:$IYS_HTTP_PORT" \
  "jdbc:mariadb://127.0.0.1:$IYS_DB_PORT/iys" "$IYS_ADMIN_PASSWORD" "$ROWS" "$IYS_DATA_DIR"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

kill "$SAMPLER" 2>/dev/null || true
SAMPLER=""
awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {
       used = $3 + $4 + $6 + $8; if (used > peak) peak = used
       if ($8 > old) old = $8
     }
     END { printf "server heap (-Xmx%s): peak in use %.0f MB, peak old generation %.0f MB\n",
           ENVIRON["IYS_MICRO_HEAP"], peak / 1024, old / 1024 }' "$IYS_DATA_DIR/jstat.log"
