#!/usr/bin/env bash
# Builds iys and starts it with a MariaDB and an Artemis broker (embedded unless configured).
# Ctrl-C stops everything; the data stays in .iys-data/ (or IYS_DATA_DIR) for the next start.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests package
exec java -jar iys-launcher/target/iys-launcher.jar
