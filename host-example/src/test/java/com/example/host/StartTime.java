package com.example.host;

import io.heartwise.web.Heartwise;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Prints how long {@code Heartwise.start} takes in a host's fresh JVM, with the content JARs'
 * compiled catalog, as "wall-ms cpu-ms": the elapsed time, and the processor time the whole
 * process spent meanwhile (every thread: Heartwise's, the JIT compilers', the garbage collector's),
 * which other programs running on the machine change far less. For {@code bench/host-start-bench.sh}, not a test.
 */
public final class StartTime {
    private StartTime() {
    }

    /** @param args the data directory: empty (a first start, which migrates) or used before */
    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        long cpuBefore = processCpuNanos();
        long startedAt = System.nanoTime();
        try (Heartwise heartwise = Heartwise.start(name -> name.equals("heartwise.data-dir") ? Optional.of(dataDir.toString()) : Optional.empty())) {
            long wall = System.nanoTime() - startedAt;
            long cpu = processCpuNanos() - cpuBefore;
            System.out.println(wall / 1_000_000 + " " + cpu / 1_000_000);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
