package io.heartwise.report.bench;

import io.heartwise.api.CountedAttempts;
import io.heartwise.api.ExportFormat;
import io.heartwise.api.ExportRequest;
import io.heartwise.api.ExportShape;
import io.heartwise.api.QuizFilter;
import io.heartwise.attempt.AttemptService;
import io.heartwise.auth.Caller;
import io.heartwise.content.CatalogLoader;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.ContentFixtures;
import io.heartwise.report.ReportService;
import io.heartwise.store.Database;
import io.heartwise.store.DatabaseSettings;
import io.heartwise.http.JsonMappers;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads N attempts of a 10-question single-choice quiz into a schema of its own on PostgreSQL
 * (COPY, in chunks), growing N through the sizes asked for, and after each size times the full
 * quiz report and the long CSV export, with the heap's peak during each. Prints one line per
 * measurement; drops the schema at the end.
 *
 * <p>Arguments: the sizes, e.g. {@code 10000 100000 1000000}. System properties:
 * {@code bench.url} (default {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code bench.user}
 * ({@code postgres}), {@code bench.password}, {@code bench.export} ({@code true}: also time the export),
 * {@code bench.schema} (load into, or reuse, this schema: a later run only adds the attempts missing),
 * {@code bench.keep} ({@code true}: keep the schema, to study query plans or time it again; the default
 * when {@code bench.schema} is given), {@code bench.runs} (timed runs of each report, default 2),
 * {@code bench.time} ({@code false}: only load).
 */
public final class ReportBench {
    private static final String QUIZ = "first-lesson-introduction";
    private static final String PLATFORM = "bench-lms";
    private static final int QUESTIONS = 10;
    private static final String[] CHOICES = {"right", "near-miss", "common-myth", "off-topic"};
    private static final int CHUNK = 20_000;
    private static final long TARGET_ATTEMPTS = 1_000_000;
    private static final long TARGET_MILLIS = 2_000;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS+00", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("bench.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("bench.user", "postgres");
        String password = System.getProperty("bench.password", "");
        boolean timeExport = Boolean.parseBoolean(System.getProperty("bench.export", "true"));
        boolean time = Boolean.parseBoolean(System.getProperty("bench.time", "true"));
        int runs = Integer.getInteger("bench.runs", 2);
        String kept = System.getProperty("bench.schema");
        boolean keep = Boolean.parseBoolean(System.getProperty("bench.keep", String.valueOf(kept != null)));
        boolean missed = false;
        String schema = kept != null ? kept : "hw_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ContentCatalog catalog = catalog();
        String version = catalog.quizVersion(QUIZ).orElseThrow();
        try (Connection admin = DriverManager.getConnection(url, user, password); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        Map<String, String> values = Map.of(
                DatabaseSettings.URL, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&socketTimeout=900",
                DatabaseSettings.USER, user,
                DatabaseSettings.PASSWORD, password,
                DatabaseSettings.POOL_SIZE, "4");
        try (Database database = Database.open(DatabaseSettings.from(name -> Optional.ofNullable(values.get(name))))) {
            AttemptService attempts = new AttemptService(catalog, database.attempts(), JsonMappers.api(), Clock.systemUTC());
            ReportService reports = new ReportService(catalog, database.dataSource(), attempts);
            Caller admin = new Caller(PLATFORM, "bench-admin", "", Set.of(Caller.Role.ADMIN));
            long loaded = count(database);
            System.out.printf(Locale.ROOT, "%-10s %-22s %10s %14s %14s%n", "N", "what", "ms", "peak heap MiB", "bytes");
            for (String arg : args) {
                long target = Long.parseLong(arg);
                long started = System.nanoTime();
                if (loaded < target) {
                    try (Connection connection = database.dataSource().getConnection()) {
                        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                        while (loaded < target) {
                            int chunk = (int) Math.min(CHUNK, target - loaded);
                            load(copy, version, loaded, chunk);
                            loaded += chunk;
                        }
                        try (Statement statement = connection.createStatement()) {
                            // What autovacuum does on its own after a bulk load: statistics and the visibility map.
                            statement.execute("VACUUM ANALYZE attempts");
                            statement.execute("VACUUM ANALYZE attempt_questions");
                            statement.execute("VACUUM ANALYZE attempt_answers");
                        }
                    }
                    System.out.printf(Locale.ROOT, "%-10d %-22s %10d %14s %14s%n", loaded, "load (COPY+VACUUM)", millis(started), "-", "-");
                }
                if (!time) {
                    continue;
                }
                long full = timeRuns(loaded, "quiz report", runs, () -> reports.quiz(admin, QUIZ, new QuizFilter(null, null, null, null, null)));
                timeRuns(loaded, "quiz report, best", runs, () -> reports.quiz(admin, QUIZ, new QuizFilter(null, null, null, CountedAttempts.BEST, null)));
                if (loaded == TARGET_ATTEMPTS) {
                    missed = full > TARGET_MILLIS;
                    System.out.printf(Locale.ROOT, "target: full quiz report at %d attempts in <= %d ms: median %d ms, %s%n", loaded,
                            TARGET_MILLIS, full, missed ? "missed" : "met");
                }
                if (timeExport) {
                    for (ExportShape shape : ExportShape.values()) {
                        CountingStream out = new CountingStream();
                        long[] measured = measure(() -> {
                            reports.export(admin, QUIZ, new ExportRequest(ExportFormat.CSV, shape, new QuizFilter(null, null, null, null, null))).body().write(out);
                            return null;
                        });
                        System.out.printf(Locale.ROOT, "%-10d %-22s %10d %14.1f %14d%n", loaded, "csv export, " + shape, measured[0],
                                measured[1] / 1048576.0, out.count);
                    }
                }
            }
        } finally {
            if (keep) {
                System.out.println("kept schema " + schema);
            } else {
                try (Connection admin = DriverManager.getConnection(url, user, password); Statement statement = admin.createStatement()) {
                    statement.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
        if (missed) {
            System.exit(3);
        }
    }

    /** The fixture course with its introduction quiz replaced by 10 single-choice questions of 4 choices. */
    static ContentCatalog catalog() {
        Map<String, String> files = ContentFixtures.validCourse();
        StringBuilder quiz = new StringBuilder("""
                id: first-lesson-introduction
                title: Ten questions
                lesson: first-lesson
                section: introduction
                questions:
                """);
        for (int q = 1; q <= QUESTIONS; q++) {
            quiz.append("  - id: question-").append(q).append("\n    type: single-choice\n    prompt: Question ").append(q)
                    .append("?\n    explanation: Because.\n    choices:\n");
            for (String choice : CHOICES) {
                quiz.append("      - id: ").append(choice).append("\n        text: ").append(choice).append('\n');
                if (choice.equals("right")) {
                    quiz.append("        correct: true\n");
                }
                quiz.append("        feedback: Feedback on ").append(choice).append(".\n");
            }
        }
        files.put("heartwise/quizzes/first-lesson-introduction.yaml", quiz.toString());
        return ContentFixtures.loader(files).load();
    }

    /**
     * Attempts numbered from {@code first}: learners of varied ability answer questions of varied
     * difficulty, 5 attempts per learner, 8 contexts, one submission per second.
     */
    private static void load(CopyManager copy, String version, long first, int count) throws Exception {
        // Seeded by the first attempt's number, so that a reused schema grows as a fresh one would.
        Random random = new Random(2026 + first);
        StringBuilder attempts = new StringBuilder(count * 300);
        StringBuilder questions = new StringBuilder(count * QUESTIONS * 80);
        StringBuilder answers = new StringBuilder(count * QUESTIONS * 70);
        Instant epoch = Instant.parse("2026-01-01T00:00:00Z");
        for (long n = first; n < first + count; n++) {
            UUID id = new UUID(0x4000_0000_0000_0000L | n, 0x8000_0000_0000_0000L | random.nextLong() >>> 2);
            long learner = n / 5;
            double ability = (learner * 2654435761L % 1000) / 1000.0;
            int score = 0;
            boolean[] right = new boolean[QUESTIONS];
            String[] chosen = new String[QUESTIONS];
            for (int q = 0; q < QUESTIONS; q++) {
                double difficulty = (q + 1) / (QUESTIONS + 1.0);
                right[q] = random.nextDouble() < 0.2 + 0.8 * Math.max(0, Math.min(1, ability + 0.5 - difficulty));
                chosen[q] = right[q] ? CHOICES[0] : CHOICES[1 + random.nextInt(3)];
                score += right[q] ? 1 : 0;
            }
            String submitted = TIMESTAMP.format(epoch.plusSeconds(n));
            attempts.append(id).append('\t').append(PLATFORM).append('\t').append("learner-").append(learner).append('\t')
                    .append("course-").append(learner % 8).append('\t').append(QUIZ).append('\t').append(version).append('\t')
                    .append(n % 5 + 1).append("\t\\N\thash\t").append(submitted).append('\t').append(submitted).append('\t')
                    .append(score).append("\t10\t").append(score / 10.0).append('\t').append(score >= 7 ? 't' : 'f')
                    .append("\t{\"bench\":true}\t");
            // The item summary the attempt store writes (format: V3__attempt_summaries.sql).
            for (int q = 0; q < QUESTIONS; q++) {
                attempts.append(q == 0 ? "" : ";").append(right[q] ? 100 : 0).append(',').append(chosen[q]);
            }
            attempts.append('\n');
            for (int q = 0; q < QUESTIONS; q++) {
                questions.append(id).append('\t').append(q).append("\tquestion-").append(q + 1).append("\tsingle-choice\t")
                        .append(right[q] ? 1 : 0).append("\t1\t").append(right[q] ? 't' : 'f').append('\n');
                answers.append(id).append("\tquestion-").append(q + 1).append("\t0\t").append(chosen[q]).append("\t\\N\t\\N\n");
            }
        }
        copy.copyIn("COPY attempts (id, platform_id, learner_id, context_id, quiz_id, quiz_version, attempt_number, idempotency_key, "
                + "request_hash, started_at, submitted_at, score, max_score, scaled_score, passed, result_json, item_summary) FROM STDIN",
                new StringReader(attempts.toString()));
        copy.copyIn("COPY attempt_questions (attempt_id, question_index, question_id, question_type, points, max_points, correct) FROM STDIN",
                new StringReader(questions.toString()));
        copy.copyIn("COPY attempt_answers (attempt_id, question_id, answer_index, choice_id, position, category_id) FROM STDIN",
                new StringReader(answers.toString()));
    }

    private static long count(Database database) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM attempts")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Times {@code runs} runs, printing each and their median; @return the median in milliseconds */
    private static long timeRuns(long loaded, String what, int runs, Work work) throws Exception {
        long[] millis = new long[runs];
        double peak = 0;
        for (int run = 1; run <= runs; run++) {
            long[] measured = measure(work);
            millis[run - 1] = measured[0];
            peak = Math.max(peak, measured[1] / 1048576.0);
            System.out.printf(Locale.ROOT, "%-10d %-22s %10d %14.1f %14s%n", loaded, what + ", run " + run, measured[0],
                    measured[1] / 1048576.0, "-");
        }
        long[] sorted = millis.clone();
        java.util.Arrays.sort(sorted);
        long median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
        System.out.printf(Locale.ROOT, "%-10d %-22s %10d %14.1f %14s%n", loaded, what + ", median", median, peak, "-");
        return median;
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    /** @return elapsed milliseconds and the heap's peak use (bytes) while it ran */
    private static long[] measure(Work work) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                heap.add(pool);
            }
        }
        long started = System.nanoTime();
        work.run();
        long elapsed = millis(started);
        long peak = 0;
        for (MemoryPoolMXBean pool : heap) {
            peak += pool.getPeakUsage().getUsed();
        }
        return new long[] {elapsed, peak};
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Discards what is written, counting the bytes. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
