package io.heartwise.store;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The one rule for what a failed database call means, for every store, report and export: a
 * database that cannot be reached right now (or did not answer in time) is worth a retry later
 * ({@link StoreUnavailableException}, a 503); a database that answered with an error is a bug
 * ({@link IllegalStateException}, a 500).
 */
public final class DatabaseFailures {

    /**
     * SQLStates that mean "the server is not there right now" beyond the standard class 08 (which
     * includes 08003, the connection does not exist, and 08006, the connection failed): PostgreSQL
     * shutting down, its connection terminated by an administrator (57P01, {@code pg_terminate_backend})
     * or still starting; a statement cancelled by its timeout (both databases); H2's database closed
     * under us (e.g. after an I/O error).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014", "90098", "90121");

    /** SQLState of a unique or primary key violation, in PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Cause chains are short; the bound only protects against a cycle. */
    private static final int MAX_DEPTH = 32;

    private DatabaseFailures() {
    }

    /** Looks through the whole chain: JDBC batches report the row's own exception as the next one. */
    static boolean isUniqueViolation(SQLException failure) {
        for (Throwable cause : failure) {
            if (cause instanceof SQLException sqlException && UNIQUE_VIOLATION.equals(sqlException.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param action what was being done, for the log: {@code "listing attempts at quiz x"}
     * @return the exception to throw for {@code failure}
     */
    public static RuntimeException translate(String action, SQLException failure) {
        return translate(action, failure, null);
    }

    /**
     * As {@link #translate(String, SQLException)}, and a failure that left {@code connection}
     * closed counts as unreachable too, whatever it says: the driver or the pool closes a
     * connection only when it is broken (the pool's own "Connection is closed" carries no SQLState).
     * Call it before the connection is closed on purpose.
     *
     * @param connection the connection the failure happened on; {@code null} when there was none
     */
    public static RuntimeException translate(String action, SQLException failure, Connection connection) {
        if (isUnavailable(failure) || isClosed(connection)) {
            return new StoreUnavailableException("The database cannot be reached while " + action + ": " + describe(failure), failure);
        }
        // A batch reports a summary; the row's own exception, next in the chain, says what was wrong.
        SQLException cause = failure;
        for (Throwable next : failure) {
            if (next instanceof SQLException sqlException && sqlException.getSQLState() != null) {
                cause = sqlException;
                break;
            }
        }
        return new IllegalStateException("The database failed while " + action + ": " + cause.getMessage()
                + " (SQLState " + cause.getSQLState() + ")", failure);
    }

    /**
     * @return whether the failure, anything that caused it, or a failure it carries as suppressed
     *         or as a JDBC next exception, says the database could not be reached
     */
    static boolean isUnavailable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty() && seen.size() < MAX_DEPTH) {
            Throwable next = pending.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (saysUnreachable(next)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            if (next instanceof SQLException sqlException && sqlException.getNextException() != null) {
                pending.add(sqlException.getNextException());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        return false;
    }

    /**
     * @return the failure's message and, when something else caused it, that cause's message too:
     *         the pool's "connection is not available" says nothing of "connection refused"
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < MAX_DEPTH; depth++) {
            root = root.getCause();
        }
        return root == failure || root.getMessage() == null || String.valueOf(failure.getMessage()).contains(root.getMessage())
                ? failure.getMessage()
                : failure.getMessage() + " (" + root.getMessage() + ")";
    }

    private static boolean saysUnreachable(Throwable failure) {
        // Hikari reports a pool that got no connection within connectionTimeout as SQLTransientConnectionException.
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLTimeoutException || failure instanceof SocketException || failure instanceof SocketTimeoutException) {
            return true;
        }
        if (failure instanceof SQLException sqlException) {
            String sqlState = sqlException.getSQLState();
            return sqlState != null && (sqlState.startsWith("08") || UNAVAILABLE_STATES.contains(sqlState));
        }
        return false;
    }

    private static boolean isClosed(Connection connection) {
        if (connection == null) {
            return false;
        }
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
