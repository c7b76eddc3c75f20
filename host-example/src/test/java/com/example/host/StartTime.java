package com.example.host;

import io.heartwise.web.Heartwise;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Prints how long {@code Heartwise.start} takes in a host's fresh JVM, with the content JARs'
 * compiled catalog: for {@code bench/host-start-bench.sh}, not a test.
 */
public final class StartTime {
    private StartTime() {
    }

    /** @param args the data directory: empty (a first start, which migrates) or used before */
    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        long startedAt = System.nanoTime();
        try (Heartwise heartwise = Heartwise.start(name -> name.equals("heartwise.data-dir") ? Optional.of(dataDir.toString()) : Optional.empty())) {
            System.out.println((System.nanoTime() - startedAt) / 1_000_000);
        }
    }
}
