package io.heartwise.report;

import io.heartwise.report.ReportTransactions.Work;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A query that runs alongside a report's main pass, on a connection of its own that joins the main
 * transaction's snapshot (PostgreSQL's exported snapshots), so that both see the same attempts.
 * Whoever claims it first runs it: the side thread once it has a connection, or else the caller
 * on its own connection when it asks for the result; so a pool with no connection to spare only
 * makes it sequential, never makes it wait on itself. Thread-safe; one result per instance.
 */
final class SideQuery<T> {

    /** Prepares a side connection: joins the snapshot, sets what the main transaction set. */
    @FunctionalInterface
    interface Joining {
        void join(Connection connection) throws SQLException;
    }

    private final Work<T> work;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private SideQuery(Work<T> work) {
        this.work = work;
    }

    /** A query the caller runs itself when it asks for the result: for a database that cannot share a snapshot. */
    static <T> SideQuery<T> deferred(Work<T> work) {
        return new SideQuery<>(work);
    }

    /** A query started now on a thread and connection of its own, prepared by {@code joining}. */
    static <T> SideQuery<T> started(DataSource dataSource, Joining joining, String name, Work<T> work) {
        SideQuery<T> query = new SideQuery<>(work);
        Thread thread = new Thread(() -> query.runOn(dataSource, joining), "heartwise-report-" + name);
        thread.setDaemon(true);
        thread.start();
        return query;
    }

    private void runOn(DataSource dataSource, Joining joining) {
        try (Connection connection = dataSource.getConnection()) {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                connection.setAutoCommit(false);
                joining.join(connection);
                result.complete(work.run(connection));
            } catch (SQLException | RuntimeException | Error e) {
                result.completeExceptionally(e);
            } finally {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            // No connection (or a failed rollback after the result): unclaimed, the caller runs it.
            result.completeExceptionally(e);
        }
    }

    /** The result; runs the query on {@code own} unless the side thread already claimed it. */
    T result(Connection own) throws SQLException {
        if (claimed.compareAndSet(false, true)) {
            return work.run(own);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a report query", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) e.getCause();
        }
    }
}
