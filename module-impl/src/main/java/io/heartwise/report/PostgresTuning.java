package io.heartwise.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The planner settings of a report's transaction on PostgreSQL, for that transaction only. */
final class PostgresTuning {

    private PostgresTuning() {
    }

    /** More hash memory, and hashing preferred to sorting; on a connection inside its transaction. */
    static void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL work_mem = '64MB'");
            // The planner guesses a group per row for the option counts (it multiplies
            // the columns' distinct values) and sorts millions of rows, when a hash
            // table of a few hundred groups does; hash aggregation spills to disk if
            // it ever must (PostgreSQL 13+), so this cannot exhaust memory.
            statement.execute("SET LOCAL enable_sort = off");
            // Index pages are as cheap to read as the table's here (cached or SSD): at
            // the default of 4 the planner hashes every row's learner id rather than
            // count learners from attempts_by_version_learner alone, in its order.
            statement.execute("SET LOCAL random_page_cost = 1.1");
            // Compiling a plan costs ~0.1 s of CPU, more than it saves on queries of a second.
            statement.execute("SET LOCAL jit = off");
        }
    }
}
