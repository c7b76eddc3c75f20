package io.heartwise.report;

import io.heartwise.report.ReportTransactions.Work;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Starts side queries in a report's snapshot: on connections of their own that join it
 * (PostgreSQL's exported snapshots), or deferred to the caller's connection where a snapshot cannot
 * be shared (H2). Used by the snapshot's own thread only.
 */
final class Alongside {
    private final DataSource dataSource;
    private final Connection connection;
    private final boolean postgres;
    private String snapshot;

    Alongside(DataSource dataSource, Connection connection, boolean postgres) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.postgres = postgres;
    }

    boolean sharesSnapshot() {
        return postgres;
    }

    <T> SideQuery<T> start(String name, Work<T> work) throws SQLException {
        if (!postgres) {
            return SideQuery.deferred(work);
        }
        if (snapshot == null) {
            snapshot = exportSnapshot(connection);
        }
        String joined = snapshot;
        return SideQuery.started(dataSource, side -> joinSnapshot(side, joined), name, work);
    }

    private static String exportSnapshot(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT pg_export_snapshot()")) {
            row.next();
            return row.getString(1);
        }
    }

    /** Makes a fresh connection's transaction see the exported snapshot, tuned as the exporter's is. */
    private static void joinSnapshot(Connection connection, String snapshot) throws SQLException {
        if (!snapshot.matches("[0-9A-Fa-f-]+")) {
            throw new SQLException("Unexpected snapshot id: " + snapshot);
        }
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement()) {
            // Must come first in the transaction: before any query takes a snapshot of its own.
            statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
            // The report already keeps the cores busy with its own connections: parallel workers
            // would only add their overhead (the version list took three times the CPU with two).
            statement.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        }
        PostgresTuning.apply(connection);
    }
}
