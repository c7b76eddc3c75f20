#!/usr/bin/env bash
# Attempts benchmark: POST /api/v1/quizzes/{quizId}/attempts on the embedded runner
# (deploy/target/heartwise-server.jar) with a 10-question quiz and 50 concurrent clients, each a
# learner of its own, on the embedded H2 database and on PostgreSQL; next to each, the rate of the
# same inserts (1 attempts row + its attempt_questions + attempt_answers rows, one transaction)
# done by plain JDBC with as many threads on the same database in the same run: the storage limit.
# Prints attempts/s and p50/p99 latency of both, and their ratio.        (target: >= 0.6x on PostgreSQL)
#
# The runner runs with -Xmx$HEAP; PostgreSQL runs in a schema of its own (hw_attempts_bench_<random>),
# dropped afterwards; runners are stopped and temporary files removed, also on failure.
#
# Usage: bench/attempts-bench.sh          (builds what is missing: the jar and the test classes)
# Knobs (environment): HEAP (256m), CLIENTS (50), WARMUP (30, seconds: until the JIT has compiled the hot path), DURATION (30, seconds),
#                      QUIZ (why-men-pull-away-review), POOL_SIZE (the runner's heartwise.db.pool-size;
#                      its default when unset), DATABASES (h2,postgresql), RUNNER_OPTS (more JVM options
#                      for the runner, space-separated: a profiler agent, say),
#                      BENCH_URL (jdbc:postgresql://127.0.0.1:5432/test), BENCH_USER (postgres), BENCH_PASSWORD.
# Exit status: 0 when the target is met, 3 when it is missed, 1 on an error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/deploy/target/heartwise-server.jar"

cd "$ROOT"
if [[ ! -f "$JAR" || ! -f deploy/target/heartwise.war ]]; then
    echo "no $JAR yet; building it with mvn -q -DskipTests package" >&2
    mvn -B -q -DskipTests package >&2
fi
# In one reactor build (-am), so the sibling modules come from their target/ folders and nothing
# needs installing; every module writes its own target/bench-classpath, deploy's is the bench's.
mvn -B -q test-compile dependency:build-classpath -pl deploy -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath >&2

# The bench JVM stops its runners and drops its schema itself (finally blocks, and a shutdown hook
# that kills a runner on Ctrl-C).
exec java -Xmx512m \
    -Dbench.server-jar="$JAR" \
    -Dbench.clients="${CLIENTS:-50}" \
    -Dbench.warmup="${WARMUP:-30}" \
    -Dbench.duration="${DURATION:-30}" \
    -Dbench.heap="${HEAP:-256m}" \
    -Dbench.quiz="${QUIZ:-why-men-pull-away-review}" \
    -Dbench.pool-size="${POOL_SIZE:-}" \
    -Dbench.databases="${DATABASES:-h2,postgresql}" \
    -Dbench.runner-options="${RUNNER_OPTS:-}" \
    -Dheartwise.test.postgres.url="${BENCH_URL:-jdbc:postgresql://127.0.0.1:5432/test}" \
    -Dheartwise.test.postgres.user="${BENCH_USER:-postgres}" \
    -Dheartwise.test.postgres.password="${BENCH_PASSWORD:-}" \
    -cp "deploy/target/test-classes:$(cat deploy/target/bench-classpath)" \
    io.heartwise.deploy.bench.AttemptsBench
