import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the server's processes (application server, database, broker) have used, read from
 * /proc for the PIDs the benchmark script puts in IYS_BENCH_PIDS. CPU time per call hardly
 * depends on how busy the machine is, unlike a rate, so it tells what the cores would carry with
 * nothing else running.
 */
final class ServerCpu {

  private ServerCpu() {}

  /** Whether the script named the server's processes. */
  static boolean known() {
    return !System.getenv().getOrDefault("IYS_BENCH_PIDS", "").isBlank();
  }

  static long millis() {
    long ticks = 0;
    for (String pid : System.getenv().getOrDefault("IYS_BENCH_PIDS", "").trim().split("\\s+")) {
      if (pid.isEmpty()) {
        continue;
      }
      try {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (Exception gone) {
        // a process that ended has nothing more to count
      }
    }
    long perSecond =
        Long.parseLong(System.getenv().getOrDefault("IYS_BENCH_CLK_TCK", "100").trim());
    return ticks * 1000 / perSecond;
  }
}
