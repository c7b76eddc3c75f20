package io.heartwise.store;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that cannot be reached (or did not answer in time) from one that answered with
 * an error: the first is worth a retry later ({@link StoreUnavailableException}), the second is a bug.
 */
final class ConnectionFailures {

    /**
     * SQLStates that mean "the server is not there right now" beyond the standard class 08:
     * PostgreSQL shutting down, being shut down by an administrator or still starting; a statement
     * cancelled by its timeout (both databases); H2's database closed under us (e.g. after an I/O error).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014", "90098", "90121");

    /** Cause chains are short; the bound only protects against a cycle. */
    private static final int MAX_DEPTH = 32;

    private ConnectionFailures() {
    }

    /** @return whether the failure, or anything that caused it, says the database could not be reached */
    static boolean isConnectionFailure(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            // Hikari reports a pool that got no connection within connectionTimeout as SQLTransientConnectionException.
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLTimeoutException || cause instanceof SocketException || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sqlException && isUnavailableState(sqlException.getSQLState())) {
                return true;
            }
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

    private static boolean isUnavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || UNAVAILABLE_STATES.contains(sqlState));
    }
}
