package io.heartwise.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.heartwise.deploy.AttemptsClient;
import io.heartwise.deploy.RunnerProcess;
import io.heartwise.store.PostgresSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Attempts submitted per second to the embedded runner, on the embedded H2 database and on
 * PostgreSQL, each next to the rate of the same rows inserted by plain JDBC into the same database
 * in the same run: the storage's own limit. Each client is a thread with a learner of its own
 * that submits, waits for the answer and submits again; only what completes inside the measured
 * window counts. The runner is stopped before the plain-JDBC run, so neither competes for the CPU
 * with the other (and the H2 file is free to open). The clients send over
 * {@link KeepAliveConnection}s, which cost the shared CPU next to nothing.
 *
 * <p>System properties: {@code bench.server-jar} (required), {@code bench.clients} (50),
 * {@code bench.warmup} and {@code bench.duration} (seconds, 30 and 30), {@code bench.heap}
 * ({@code 256m}, the runner's -Xmx), {@code bench.quiz} ({@code why-men-pull-away-review}),
 * {@code bench.pool-size} (the runner's {@code heartwise.db.pool-size}; its default when unset),
 * {@code bench.databases} ({@code h2,postgresql}), {@code bench.runner-options} (more JVM options for the
 * runner, space-separated, e.g. a profiler agent); PostgreSQL as in {@link PostgresSchema}.
 * Exits with 3 when the PostgreSQL ratio misses its target.
 */
public final class AttemptsBench {
    private static final double TARGET_POSTGRESQL_RATIO = 0.6;
    /** The unit of CPU times in /proc: USER_HZ, 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final Path jar;
    private final int clients;
    private final Duration warmup;
    private final Duration duration;
    private final String heap;
    private final String quizId;
    private final String poolSize;
    private final List<String> runnerOptions;

    private AttemptsBench(Path jar, int clients, Duration warmup, Duration duration, String heap, String quizId, String poolSize,
            List<String> runnerOptions) {
        this.jar = jar;
        this.clients = clients;
        this.warmup = warmup;
        this.duration = duration;
        this.heap = heap;
        this.quizId = quizId;
        this.poolSize = poolSize;
        this.runnerOptions = runnerOptions;
    }

    /** What one load run measured. */
    private record Rate(int operations, int errors, Duration window, long[] sortedNanos) {
        double perSecond() {
            return operations / (window.toNanos() / 1e9);
        }

        String millis(double percentile) {
            if (sortedNanos.length == 0) {
                return "-";
            }
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(percentile / 100 * sortedNanos.length) - 1);
            return String.format(Locale.ROOT, "%.1f ms", sortedNanos[Math.max(0, index)] / 1e6);
        }
    }

    /** One client's loop body; {@code false} is a failed operation. */
    private interface Operation extends AutoCloseable {
        boolean once() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** A database the runner and the plain-JDBC writers share. */
    private interface Target extends AutoCloseable {
        List<String> runnerOptions();

        Connection connect() throws SQLException;

        /** @return the statement run after each commit, as the store does on this database, or null */
        String afterCommit();

        @Override
        void close() throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        String jar = System.getProperty("bench.server-jar");
        if (jar == null) {
            throw new IllegalArgumentException("set -Dbench.server-jar to deploy/target/heartwise-server.jar");
        }
        AttemptsBench bench = new AttemptsBench(Path.of(jar), Integer.getInteger("bench.clients", 50),
                Duration.ofSeconds(Integer.getInteger("bench.warmup", 30)), Duration.ofSeconds(Integer.getInteger("bench.duration", 30)),
                System.getProperty("bench.heap", "256m"), System.getProperty("bench.quiz", "why-men-pull-away-review"),
                System.getProperty("bench.pool-size", ""),
                List.of(System.getProperty("bench.runner-options", "").split(" ")).stream().filter(option -> !option.isBlank()).toList());
        List<String> databases = List.of(System.getProperty("bench.databases", "h2,postgresql").split(","));
        Path work = Files.createTempDirectory("heartwise-attempts-bench-");
        List<String> lines = new ArrayList<>();
        boolean missed = false;
        try {
            for (String database : databases) {
                Path base = Files.createDirectories(work.resolve(database));
                try (Target target = database.equals("h2") ? h2(base) : postgresql()) {
                    missed |= bench.run(database, base, target, lines);
                }
            }
        } finally {
            delete(work);
        }
        System.out.printf(Locale.ROOT, "%nHeartwise attempts benchmark (%d CPUs; runner: java -Xmx%s -jar heartwise-server.jar, pool size %s;"
                        + " %d clients, %d s warm-up, %d s measured; quiz %s)%n",
                Runtime.getRuntime().availableProcessors(), bench.heap, bench.poolSize.isEmpty() ? "default" : bench.poolSize,
                bench.clients, bench.warmup.toSeconds(), bench.duration.toSeconds(), bench.quizId);
        lines.forEach(System.out::println);
        System.exit(missed ? 3 : 0);
    }

    /** @return whether a target was missed */
    private boolean run(String database, Path base, Target target, List<String> lines) throws Exception {
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-Dheartwise.demo-platform=true"));
        options.addAll(target.runnerOptions());
        if (!poolSize.isEmpty()) {
            options.add("-Dheartwise.db.pool-size=" + poolSize);
        }
        options.addAll(runnerOptions);
        Rate endpoint;
        double runnerCores;
        double serverCores;
        Map<String, LongAdder> failures = new ConcurrentSkipListMap<>();
        Map<String, String> firstFailures = new ConcurrentSkipListMap<>();
        JsonNode quiz;
        String resultJson;
        try (RunnerProcess runner = new RunnerProcess(jar, base, options)) {
            runner.start();
            AttemptsClient client = new AttemptsClient(runner::uri);
            quiz = client.quiz(quizId);
            String body = AttemptsClient.answersTo(quiz);
            String[] tokens = new String[clients];
            for (int number = 0; number < clients; number++) {
                tokens[number] = client.token("bench-" + database + "-" + number);
            }
            HttpResponse<String> sample = client.submit(tokens[0], quizId, body);
            if (sample.statusCode() != 201) {
                throw new IllegalStateException("POST answered " + sample.statusCode() + ": " + sample.body());
            }
            resultJson = sample.body();
            Duration cpuBefore = cpu(runner);
            Duration serverBefore = databaseServerCpu();
            long wallBefore = System.nanoTime();
            URI attempts = runner.uri("api/v1/quizzes/" + quizId + "/attempts");
            InetSocketAddress server = new InetSocketAddress(attempts.getHost(), attempts.getPort());
            endpoint = load(number -> {
                KeepAliveConnection connection = KeepAliveConnection.post(server, attempts.getRawPath(), tokens[number], body);
                return new Operation() {
                    @Override
                    public boolean once() throws IOException {
                        KeepAliveConnection.Reply reply = connection.send();
                        if (reply.status() != 201) {
                            failures.computeIfAbsent("HTTP " + reply.status(), key -> new LongAdder()).increment();
                            firstFailures.putIfAbsent("HTTP " + reply.status(), reply.body());
                        }
                        return reply.status() == 201;
                    }

                    @Override
                    public void close() {
                        connection.close();
                    }
                };
            }, failures);
            long wall = System.nanoTime() - wallBefore;
            runnerCores = cpu(runner).minus(cpuBefore).toNanos() / (double) wall;
            serverCores = databaseServerCpu().minus(serverBefore).toNanos() / (double) wall;
        }
        List<QuestionRows> rows = QuestionRows.of(quiz);
        Map<String, LongAdder> plainFailures = new ConcurrentSkipListMap<>();
        Duration serverBefore = databaseServerCpu();
        long wallBefore = System.nanoTime();
        Rate plain = load(number -> new PlainInsert(target, "jdbc-" + database + "-" + number, quizId, rows, resultJson), plainFailures);
        double plainServerCores = databaseServerCpu().minus(serverBefore).toNanos() / (double) (System.nanoTime() - wallBefore);

        double ratio = endpoint.perSecond() / plain.perSecond();
        boolean isPostgresql = database.equals("postgresql");
        boolean missed = isPostgresql && ratio < TARGET_POSTGRESQL_RATIO;
        lines.add(String.format(Locale.ROOT, "  %-10s endpoint    %8.1f attempts/s   p50 %9s   p99 %9s   errors %d",
                database, endpoint.perSecond(), endpoint.millis(50), endpoint.millis(99), endpoint.errors()));
        lines.add(String.format(Locale.ROOT, "  %-10s runner process busy %.2f of %d CPUs on average during the endpoint load",
                database, runnerCores, Runtime.getRuntime().availableProcessors()));
        if (isPostgresql && serverCores > 0) {
            lines.add(String.format(Locale.ROOT, "  %-10s PostgreSQL server busy %.2f CPUs during the endpoint load, %.2f during the plain-JDBC load",
                    database, serverCores, plainServerCores));
        }
        if (!failures.isEmpty()) {
            lines.add("  " + database + " endpoint failures over the whole run: " + failures);
            firstFailures.forEach((status, body) -> lines.add("    first " + status + ": " + body));
        }
        lines.add(String.format(Locale.ROOT, "  %-10s plain JDBC  %8.1f attempts/s   p50 %9s   p99 %9s   errors %d%s",
                database, plain.perSecond(), plain.millis(50), plain.millis(99), plain.errors(),
                target.afterCommit() == null ? "" : "   (each commit then " + target.afterCommit() + ", as the store does)"));
        if (!plainFailures.isEmpty()) {
            lines.add("  " + database + " plain JDBC failures over the whole run: " + plainFailures);
        }
        lines.add(String.format(Locale.ROOT, "  %-10s ratio endpoint/plain JDBC  %.2f%s", database, ratio,
                isPostgresql ? String.format(Locale.ROOT, "   target >= %.1f   %s", TARGET_POSTGRESQL_RATIO, missed ? "MISSED" : "ok") : ""));
        return missed;
    }

    /** Runs {@link #clients} threads, each with its own operation, for the warm-up and then the measured window. */
    private Rate load(IntFunction<Operation> operations, Map<String, LongAdder> failures) throws Exception {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureTo = measureFrom + duration.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        int[] errors = new int[clients];
        try {
            for (int number = 0; number < clients; number++) {
                int client = number;
                results.add(threads.submit(() -> {
                    long[] latencies = new long[1024];
                    int count = 0;
                    try (Operation operation = operations.apply(client)) {
                        for (long started = System.nanoTime(); started < measureTo; started = System.nanoTime()) {
                            boolean succeeded;
                            try {
                                succeeded = operation.once();
                            } catch (IOException | SQLException e) {
                                failures.computeIfAbsent(e.getClass().getSimpleName(), key -> new LongAdder()).increment();
                                succeeded = false;
                            }
                            long ended = System.nanoTime();
                            if (ended < measureFrom || ended > measureTo) {
                                continue;
                            }
                            if (!succeeded) {
                                errors[client]++;
                            } else {
                                if (count == latencies.length) {
                                    latencies = Arrays.copyOf(latencies, count * 2);
                                }
                                latencies[count++] = ended - started;
                            }
                        }
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> result : results) {
                long[] latencies = result.get();
                int from = all.length;
                all = Arrays.copyOf(all, from + latencies.length);
                System.arraycopy(latencies, 0, all, from, latencies.length);
            }
            Arrays.sort(all);
            return new Rate(all.length, Arrays.stream(errors).sum(), duration, all);
        } finally {
            threads.shutdownNow();
        }
    }

    /** What the store writes per question: its row in attempt_questions and its answers' rows. */
    private record QuestionRows(String questionId, String type, List<String> choiceIds, List<Integer> positions, List<String> categoryIds) {
        /** The answers {@link AttemptsClient#answersTo} gives, as the grader turns them into rows. */
        static List<QuestionRows> of(JsonNode quiz) {
            List<QuestionRows> questions = new ArrayList<>();
            for (JsonNode question : quiz.path("questions")) {
                String type = question.path("type").asText();
                List<String> choices = new ArrayList<>();
                question.path("choices").forEach(choice -> choices.add(choice.path("id").asText()));
                List<Integer> positions = new ArrayList<>();
                List<String> categories = new ArrayList<>();
                switch (type) {
                    case "ordering" -> choices.forEach(choice -> {
                        positions.add(positions.size() + 1);
                        categories.add(null);
                    });
                    case "matching" -> choices.forEach(choice -> {
                        positions.add(null);
                        categories.add(question.path("categories").get(0).path("id").asText());
                    });
                    default -> {
                        choices.subList(1, choices.size()).clear();
                        positions.add(null);
                        categories.add(null);
                    }
                }
                questions.add(new QuestionRows(question.path("id").asText(), type, choices, positions, categories));
            }
            return questions;
        }
    }

    /**
     * One plain-JDBC writer: its own connection and statements, and per operation one transaction
     * with what one attempt inserts: its attempts row, a row per question and a row per answer.
     */
    private static final class PlainInsert implements Operation {
        private final Connection connection;
        private final String afterCommit;
        private final String learner;
        private final String quizId;
        private final List<QuestionRows> questions;
        private final String resultJson;
        private final PreparedStatement attempt;
        private final PreparedStatement question;
        private final PreparedStatement answer;
        private int attemptNumber;

        PlainInsert(Target target, String learner, String quizId, List<QuestionRows> questions, String resultJson) {
            this.learner = learner;
            this.quizId = quizId;
            this.questions = questions;
            this.resultJson = resultJson;
            this.afterCommit = target.afterCommit();
            try {
                connection = target.connect();
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                attempt = connection.prepareStatement("INSERT INTO attempts (id, platform_id, learner_id, context_id, quiz_id, quiz_version, "
                        + "attempt_number, idempotency_key, request_hash, started_at, submitted_at, score, max_score, scaled_score, passed, "
                        + "result_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                question = connection.prepareStatement("INSERT INTO attempt_questions (attempt_id, question_index, question_id, "
                        + "question_type, points, max_points, correct) VALUES (?, ?, ?, ?, ?, ?, ?)");
                answer = connection.prepareStatement("INSERT INTO attempt_answers (attempt_id, question_id, answer_index, choice_id, "
                        + "position, category_id) VALUES (?, ?, ?, ?, ?, ?)");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect a plain-JDBC writer: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean once() throws SQLException {
            UUID id = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try {
                attempt.setObject(1, id);
                attempt.setString(2, "demo");
                attempt.setString(3, learner);
                attempt.setString(4, "demo-course");
                attempt.setString(5, quizId);
                attempt.setString(6, "0123456789abcdef");
                attempt.setInt(7, ++attemptNumber);
                attempt.setNull(8, Types.VARCHAR);
                attempt.setString(9, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
                attempt.setObject(10, now);
                attempt.setObject(11, now);
                attempt.setDouble(12, 5);
                attempt.setDouble(13, questions.size());
                attempt.setDouble(14, 5.0 / questions.size());
                attempt.setBoolean(15, false);
                attempt.setString(16, resultJson);
                attempt.executeUpdate();
                for (int index = 0; index < questions.size(); index++) {
                    QuestionRows rows = questions.get(index);
                    question.setObject(1, id);
                    question.setInt(2, index);
                    question.setString(3, rows.questionId());
                    question.setString(4, rows.type());
                    question.setDouble(5, 1);
                    question.setDouble(6, 1);
                    question.setBoolean(7, true);
                    question.addBatch();
                    for (int answerIndex = 0; answerIndex < rows.choiceIds().size(); answerIndex++) {
                        answer.setObject(1, id);
                        answer.setString(2, rows.questionId());
                        answer.setInt(3, answerIndex);
                        answer.setString(4, rows.choiceIds().get(answerIndex));
                        if (rows.positions().get(answerIndex) == null) {
                            answer.setNull(5, Types.INTEGER);
                        } else {
                            answer.setInt(5, rows.positions().get(answerIndex));
                        }
                        answer.setString(6, rows.categoryIds().get(answerIndex));
                        answer.addBatch();
                    }
                }
                question.executeBatch();
                answer.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
            if (afterCommit != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(afterCommit);
                }
            }
            return true;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** The runner's embedded database, opened by the writers in this JVM once the runner has stopped. */
    private static Target h2(Path base) {
        String url = "jdbc:h2:file:" + base.resolve("data").resolve("heartwise") + H2_OPTIONS;
        return new Target() {
            @Override
            public List<String> runnerOptions() {
                return List.of();
            }

            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection(url, "sa", "");
            }

            @Override
            public String afterCommit() {
                return "CHECKPOINT SYNC";
            }

            @Override
            public void close() {
                // The directory goes with the benchmark's work directory.
            }
        };
    }

    /** A schema of its own in the PostgreSQL server, dropped afterwards. */
    private static Target postgresql() throws SQLException {
        PostgresSchema schema = new PostgresSchema("hw_attempts_bench");
        // Ctrl-C skips the finally blocks: the schema is dropped on the way out all the same.
        Thread dropper = new Thread(() -> {
            try {
                schema.close();
            } catch (SQLException e) {
                System.err.println("cannot drop schema " + schema.name() + ": " + e.getMessage());
            }
        }, "drop " + schema.name());
        Runtime.getRuntime().addShutdownHook(dropper);
        return new Target() {
            @Override
            public List<String> runnerOptions() {
                return List.of("-Dheartwise.db.url=" + schema.url(), "-Dheartwise.db.user=" + PostgresSchema.user());
            }

            @Override
            public Connection connect() throws SQLException {
                return schema.connect();
            }

            @Override
            public String afterCommit() {
                return null;
            }

            @Override
            public void close() throws SQLException {
                schema.close();
                Runtime.getRuntime().removeShutdownHook(dropper);
            }
        };
    }

    /**
     * @return the CPU time the processes of a PostgreSQL server on this machine have used so far,
     *         backends that have exited included (they count in the postmaster's children's times);
     *         zero when there is none or /proc cannot be read: what the database costs the shared CPUs
     */
    private static Duration databaseServerCpu() {
        long ticks = 0;
        for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
            if (!process.info().user().map("postgres"::equals).orElse(false)) {
                continue;
            }
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
                // Fields after the parenthesised command: state is 3rd; utime, stime, cutime, cstime the 14th to 17th.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                for (int field = 14; field <= 17; field++) {
                    ticks += Long.parseLong(fields[field - 3]);
                }
            } catch (IOException | RuntimeException e) {
                // Gone meanwhile, or no /proc: it counts as nothing.
            }
        }
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
    }

    /** @return the CPU time the runner's process has used so far */
    private static Duration cpu(RunnerProcess runner) {
        return ProcessHandle.of(runner.pid()).flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
