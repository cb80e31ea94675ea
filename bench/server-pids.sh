# Sourced by the benchmark scripts. Names the launcher's processes and their children (Payara
# Micro, MariaDB; Artemis runs inside the launcher) in IYS_BENCH_PIDS, so the client can report
# the CPU time the server spends per call, which depends little on other load.
descendants() {
  local child
  for child in $(pgrep -P "$1" || true); do
    echo "$child"
    descendants "$child"
  done
}

export_server_pids() {
  IYS_BENCH_PIDS="$1 $(descendants "$1" | tr '\n' ' ')"
  IYS_BENCH_CLK_TCK="$(getconf CLK_TCK)"
  export IYS_BENCH_PIDS IYS_BENCH_CLK_TCK
}
