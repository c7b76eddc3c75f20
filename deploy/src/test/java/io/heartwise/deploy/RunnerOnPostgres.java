package io.heartwise.deploy;

import io.heartwise.store.PostgresSchema;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * The embedded runner with the WAR, on PostgreSQL in a schema of its own, as the browser ITs use
 * it: started on the test platform, and closed with its schema dropped. Not thread-safe: one test
 * class drives it.
 */
final class RunnerOnPostgres implements AutoCloseable {
    private final PostgresSchema schema;
    private final RunnerProcess server;

    private RunnerOnPostgres(PostgresSchema schema, RunnerProcess server) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.server = Objects.requireNonNull(server, "server");
    }

    /**
     * Creates the schema and starts the runner on it; when the start fails, both are cleaned up.
     *
     * @param schemaPrefix the schema's name before its random suffix, e.g. {@code hw_pages}
     * @param workName     the runner's directory under {@code target/it}
     */
    static RunnerOnPostgres start(String schemaPrefix, String workName) throws Exception {
        PostgresSchema schema = new PostgresSchema(schemaPrefix);
        RunnerProcess server = null;
        try {
            Path base = ServerProcess.work(workName);
            server = new RunnerProcess(ServerProcess.file("deploy.server-jar"), base, List.of("-Xmx256m", TestPlatform.register(base),
                    "-Dheartwise.db.url=" + schema.url(), "-Dheartwise.db.user=" + PostgresSchema.user()));
            server.start();
            return new RunnerOnPostgres(schema, server);
        } catch (Exception | Error e) {
            if (server != null) {
                server.close();
            }
            schema.close();
            throw e;
        }
    }

    RunnerProcess server() {
        return server;
    }

    /** @return the schema the runner keeps its data in, for a test that seeds what no API writes */
    PostgresSchema schema() {
        return schema;
    }

    /** Stops the runner, then drops its schema. */
    @Override
    public void close() throws SQLException {
        server.close();
        schema.close();
    }
}
