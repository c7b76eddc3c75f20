package io.heartwise.store;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM by {@link H2AttemptStoreTest}: inserts attempts from several threads into the
 * embedded database in the given directory and prints each id once its insert has returned, until
 * the test kills the process with SIGKILL. Several threads, because a commit that races another
 * session's write is where H2 can keep a commit only in memory.
 */
final class H2CrashWriter {

    private static final int THREADS = 4;
    private static final int INSERTS_PER_THREAD = 250;

    private H2CrashWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        DatabaseSettings settings = EmbeddedDatabase.in(Path.of(args[0]));
        // Never closed: the process ends by SIGKILL, so nothing is flushed on the way out.
        Database database = Database.open(settings);
        AttemptStore store = database.attempts();
        CountDownLatch done = new CountDownLatch(THREADS);
        for (int thread = 0; thread < THREADS; thread++) {
            String learnerId = "learner-" + thread;
            Thread writer = new Thread(() -> {
                for (int i = 0; i < INSERTS_PER_THREAD; i++) {
                    StoredAttempt stored = store.insert(AttemptStoreContract.attempt(learnerId, "key-" + i, "hash-" + i), null).attempt();
                    synchronized (System.out) {
                        System.out.println("stored " + stored.id());
                        System.out.flush();
                    }
                }
                done.countDown();
            });
            writer.start();
        }
        done.await();
        System.out.println("finished");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
