package io.heartwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** The one rule for a failed database call: unreachable (503, retry later) or a bug (500). */
class DatabaseFailuresTest {

    @Test
    void aConnectionTerminatedByTheServerIsUnreachable() {
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");

        RuntimeException translated = DatabaseFailures.translate("computing lesson progress", terminated);

        assertInstanceOf(StoreUnavailableException.class, translated);
        assertEquals("The database cannot be reached while computing lesson progress: FATAL: terminating connection due to "
                + "administrator command", translated.getMessage());
    }

    @Test
    void aConnectionThatDoesNotExistOrFailedIsUnreachable() {
        for (String state : new String[] {"08003", "08006", "57P02", "57P03", "57014"}) {
            assertInstanceOf(StoreUnavailableException.class, DatabaseFailures.translate("exporting", new SQLException("gone", state)), state);
        }
    }

    @Test
    void thePoolsConnectionIsClosedCountsWhenTheFailureLeftTheConnectionClosed() throws SQLException {
        // Hikari's own message once it has evicted a broken connection: no SQLState at all.
        SQLException closed = new SQLException("Connection is closed");
        Connection broken = DriverManager.getConnection("jdbc:h2:mem:");
        broken.close();

        assertInstanceOf(StoreUnavailableException.class, DatabaseFailures.translate("exporting quiz q", closed, broken));
        assertInstanceOf(IllegalStateException.class, DatabaseFailures.translate("exporting quiz q", closed));
    }

    @Test
    void aFailedRollbackDoesNotHideThatTheDatabaseWentAway() {
        SQLException ioError = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        SQLException rollback = new SQLException("Connection is closed");
        rollback.addSuppressed(ioError);

        assertInstanceOf(StoreUnavailableException.class, DatabaseFailures.translate("listing attempts", rollback));
    }

    @Test
    void aPoolWithoutAConnectionOrARefusedSocketIsUnreachableAndSaysWhy() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException("heartwise - Connection is not available",
                "08001", new ConnectException("Connection refused"));

        RuntimeException translated = DatabaseFailures.translate("storing attempt a", timeout);

        assertInstanceOf(StoreUnavailableException.class, translated);
        assertTrue(translated.getMessage().endsWith("Connection is not available (Connection refused)"), translated.getMessage());
    }

    @Test
    void anErrorTheDatabaseAnsweredIsABugThatNamesTheRowsOwnState() {
        assertInstanceOf(IllegalStateException.class, DatabaseFailures.translate("reading", new SQLException("syntax error", "42601")));

        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
        batch.setNextException(new SQLException("value too long for type character varying(255)", "22001"));
        RuntimeException translated = DatabaseFailures.translate("storing attempt a", batch);

        assertInstanceOf(IllegalStateException.class, translated);
        assertEquals("The database failed while storing attempt a: value too long for type character varying(255) (SQLState 22001)",
                translated.getMessage());
    }
}
