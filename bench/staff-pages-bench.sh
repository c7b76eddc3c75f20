#!/usr/bin/env bash
# Instructor pages benchmark: the quiz page's and the course overview's time to interactive in
# headless Chromium (Debian's chromium and chromedriver) for N attempts (default 100,000), beside the
# report API's times they rest on, on the embedded runner over PostgreSQL.
#                                                          (budget: each page interactive <= 1 s)
#
# The attempts are submitted through the API (minutes at 100,000) into the schema SCHEMA, which is
# kept, so that a second run only times: SCHEMA=hw_staff_bench bench/staff-pages-bench.sh
# Drop it afterwards: psql -h 127.0.0.1 -U postgres test -c 'DROP SCHEMA hw_staff_bench CASCADE'
#
# Usage: bench/staff-pages-bench.sh           (builds what is missing: the jar and the test classes)
# Knobs (environment): ATTEMPTS (100000), RUNS (5), THREADS (4, submitting), SCHEMA (hw_staff_bench),
#                      BENCH_URL (jdbc:postgresql://127.0.0.1:5432/test), BENCH_USER (postgres).
# Exit status: 0 when the budget is met, 3 when it is missed, 1 on an error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/deploy/target/heartwise-server.jar"
SCHEMA="${SCHEMA:-hw_staff_bench}"
URL="${BENCH_URL:-jdbc:postgresql://127.0.0.1:5432/test}"

cd "$ROOT"
if [[ ! -f "$JAR" ]]; then
    echo "no $JAR yet; building it with mvn -q -DskipTests package" >&2
    mvn -B -q -DskipTests package >&2
fi
mvn -B -q test-compile dependency:build-classpath -pl deploy -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath >&2
psql -h 127.0.0.1 -U "${BENCH_USER:-postgres}" test -q -c "CREATE SCHEMA IF NOT EXISTS $SCHEMA" >&2

exec java -Xmx512m \
    -Dbench.server-jar="$JAR" \
    -Dbench.attempts="${ATTEMPTS:-100000}" \
    -Dbench.runs="${RUNS:-5}" \
    -Dbench.threads="${THREADS:-4}" \
    -Dbench.db-url="$URL?currentSchema=$SCHEMA" \
    -Dbench.db-user="${BENCH_USER:-postgres}" \
    -cp "deploy/target/test-classes:$(cat deploy/target/bench-classpath)" \
    io.heartwise.deploy.bench.StaffPagesBench
