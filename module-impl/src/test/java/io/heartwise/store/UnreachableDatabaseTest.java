package io.heartwise.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A database that is not there is a quick {@link StoreUnavailableException}, never a hang. */
class UnreachableDatabaseTest {

    /** Nothing listens on port 1 of the loopback address: every connection is refused at once. */
    private static final DatabaseSettings NOWHERE = DatabaseSettings.from(name -> Optional.ofNullable(Map.of(
            DatabaseSettings.URL, "jdbc:postgresql://127.0.0.1:1/test",
            DatabaseSettings.USER, "postgres").get(name)));

    /** Hikari's 2 s connection timeout plus slack for a loaded machine. */
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @Test
    void openingFailsQuicklyAsUnavailableNamingTheDatabaseAndTheCause() {
        StoreUnavailableException failure = assertFailsQuicklyAsUnavailable(() -> Database.open(NOWHERE).close());

        assertTrue(failure.getMessage().startsWith("Cannot reach the database at jdbc:postgresql://127.0.0.1:1/test: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("refused"), failure.getMessage());
    }

    @Test
    void pingFailsQuicklyAsUnavailable() {
        try (Database database = Database.connect(NOWHERE)) {
            assertFailsQuicklyAsUnavailable(database.attempts()::ping);
        }
    }

    @Test
    void everyOperationFailsQuicklyAsUnavailable() {
        try (Database database = Database.connect(NOWHERE)) {
            AttemptStore store = database.attempts();
            NewAttempt attempt = AttemptStoreContract.attempt("learner-1", "key-1", "hash-1");
            assertFailsQuicklyAsUnavailable(() -> store.insert(attempt, 3));
            assertFailsQuicklyAsUnavailable(() -> store.find(AttemptStoreContract.PLATFORM, attempt.id()));
            assertFailsQuicklyAsUnavailable(() -> store.list(AttemptStoreContract.PLATFORM, "learner-1", AttemptStoreContract.QUIZ));
        }
    }

    private static StoreUnavailableException assertFailsQuicklyAsUnavailable(Executable operation) {
        long started = System.nanoTime();
        StoreUnavailableException failure = assertThrows(StoreUnavailableException.class, operation);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(QUICKLY) < 0, "took " + took);
        return failure;
    }
}
