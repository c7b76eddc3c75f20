package io.heartwise.report;

import io.heartwise.store.DatabaseFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * How the report queries get their connections: a plain read, a streamed read in a read-only
 * transaction, or a snapshot that queries alongside may share ({@link Alongside}); each failure
 * leaves as a {@link io.heartwise.store.StoreUnavailableException} (503) or an
 * {@link IllegalStateException} (500), by {@link DatabaseFailures}. Stateless but for the pool, so
 * thread-safe.
 */
final class ReportTransactions {

    /** Aggregates over a million attempts take seconds, not the ten a learner's request gets. */
    static final int QUERY_TIMEOUT_SECONDS = 300;

    /** Rows fetched per round trip when streaming. */
    static final int FETCH_SIZE = 2_000;

    /** Work on a connection of the pool. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work in a snapshot that may start queries alongside it in the same snapshot. */
    @FunctionalInterface
    interface SnapshotWork<T> {
        T run(Connection connection, Alongside alongside) throws SQLException;
    }

    private final DataSource dataSource;

    ReportTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Runs one read on a pooled connection in autocommit. */
    <T> T read(String action, Work<T> work) {
        return onConnection(action, work);
    }

    /**
     * Runs a streaming read: a connection in a read-only transaction, so that PostgreSQL keeps a
     * real cursor open (it only does so outside autocommit) and sends {@link #FETCH_SIZE} rows at a time.
     */
    <T> T stream(String action, Work<T> work) {
        return onConnection(action, connection -> {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            return rolledBack(connection, work);
        });
    }

    /**
     * One read-only REPEATABLE READ transaction: every query sees the same attempts, even while
     * learners keep submitting. On PostgreSQL the snapshot is exported once a side query starts, so
     * that side queries on other connections see the same attempts too.
     */
    <T> T inSnapshot(String action, SnapshotWork<T> work) {
        return onConnection(action, connection -> {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            return rolledBack(connection, own -> {
                boolean postgres = isPostgres(own);
                if (postgres) {
                    PostgresTuning.apply(own);
                }
                return work.run(own, new Alongside(dataSource, own, postgres));
            });
        });
    }

    /**
     * Runs work on a pooled connection. A failure is translated by the one rule of
     * {@link DatabaseFailures} while the connection is still as the failure left it: closed, when
     * the driver or the pool found it broken.
     */
    private <T> T onConnection(String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw DatabaseFailures.translate(action, e, connection);
            }
        } catch (SQLException e) {
            // The pool had no connection, or closing one failed.
            throw DatabaseFailures.translate(action, e);
        }
    }

    /** Runs work, then rolls its read-only transaction back; a rollback that fails after the work failed does not hide why it did. */
    private static <T> T rolledBack(Connection connection, Work<T> work) throws SQLException {
        T result;
        try {
            result = work.run(connection);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        connection.rollback();
        return result;
    }

    static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return statement;
    }

    static PreparedStatement prepareStreaming(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return statement;
    }
}
