package io.heartwise.report;

import io.heartwise.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * How the report queries get their connections: a plain read, a streamed read in a read-only
 * transaction, or a snapshot that queries alongside may share ({@link Alongside}). Stateless but
 * for the pool, so thread-safe.
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
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /**
     * Runs a streaming read: a connection in a read-only transaction, so that PostgreSQL keeps a
     * real cursor open (it only does so outside autocommit) and sends {@link #FETCH_SIZE} rows at a time.
     */
    <T> T stream(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    /**
     * One read-only REPEATABLE READ transaction: every query sees the same attempts, even while
     * learners keep submitting. On PostgreSQL the snapshot is exported once a side query starts, so
     * that side queries on other connections see the same attempts too.
     */
    <T> T inSnapshot(String action, SnapshotWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                boolean postgres = isPostgres(connection);
                if (postgres) {
                    PostgresTuning.apply(connection);
                }
                return work.run(connection, new Alongside(dataSource, connection, postgres));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /** A database that cannot be reached is a 503 the client may retry; anything else is a bug (500). */
    static RuntimeException failure(String action, SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return new StoreUnavailableException("The database cannot be reached while " + action + ": " + e.getMessage(), e);
            }
        }
        return new IllegalStateException("The database failed while " + action + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
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
