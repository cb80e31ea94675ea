#!/usr/bin/env bash
# Consent API benchmark: starts iys from the launcher on its own ports and data directory, then
# prints sustained single adds per second and the time a 1000-item bulk list takes to complete.
# Usage: bench/consent-api.sh [threads] [seconds]   (run from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."

THREADS="${1:-32}"
SECONDS_MEASURED="${2:-30}"
export IYS_HTTP_PORT="${IYS_HTTP_PORT:-18480}"
export IYS_DB_PORT="${IYS_DB_PORT:-13407}"
export IYS_BROKER_PORT="${IYS_BROKER_PORT:-16616}"
KEEP_DATA="${IYS_DATA_DIR:-}"
export IYS_DATA_DIR="${IYS_DATA_DIR:-$(mktemp -d)}"
# The benchmark registers its own business, so it needs the first admin; a fresh data directory
# gets one with this password. The launcher hands both settings to the server's environment.
export IYS_ADMIN_PASSWORD="${IYS_ADMIN_PASSWORD:-bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')}"
# The per-client allowance (100/s by default) would otherwise cap the figure being measured.
export IYS_RATELIMIT_REQUESTS_PER_SECOND="${IYS_RATELIMIT_REQUESTS_PER_SECOND:-1000000}"

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q -DskipTests package
fi

java -jar iys-launcher/target/iys-launcher.jar > "$IYS_DATA_DIR/launcher.log" 2>&1 &
LAUNCHER=$!
trap 'kill "$LAUNCHER" 2>/dev/null; wait "$LAUNCHER" 2>/dev/null || true
  [[ -n "$KEEP_DATA" ]] || rm -rf "$IYS_DATA_DIR"' EXIT

for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$IYS_HTTP_PORT/health" 2>/dev/null | grep -q '"database"'; then
    break
  fi
  kill -0 "$LAUNCHER" 2>/dev/null || { echo "iys did not start; see $IYS_DATA_DIR/launcher.log"; exit 1; }
  sleep 1
done

source bench/server-pids.sh
export_server_pids "$LAUNCHER"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
CLASSES="$IYS_DATA_DIR/bench-classes"
javac -d "$CLASSES" bench/BenchBusiness.java bench/ServerCpu.java bench/ConsentLoad.java
java -cp "$CLASSES" ConsentLoad "http://127.0.0.1:$IYS_HTTP_PORT" "$THREADS" "$SECONDS_MEASURED"
