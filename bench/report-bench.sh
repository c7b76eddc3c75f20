#!/usr/bin/env bash
# Report benchmark on PostgreSQL: loads N attempts of a 10-question quiz straight into the database
# (COPY, in a schema of its own that is dropped afterwards), then times the full quiz report and
# the CSV exports, and prints the heap's peak during each.
#
# Targets: the full quiz report at 1,000,000 attempts in <= 2 s; cost no worse than linear in N;
# heap flat in N.
#
# Usage: bench/report-bench.sh [N ...]      (default: 10000 100000 1000000; N grows cumulatively)
# Knobs (environment): HEAP (default 256m, -Xmx of the bench JVM), EXPORT (true: time the exports too),
#                      RUNS (2, timed runs of each report), SCHEMA (load into or reuse this schema, and
#                      keep it), LOCK (a file to flock around each size's timed runs only: loading, which
#                      takes minutes at 1,000,000, runs outside it, so benchmarks sharing a machine never
#                      overlap their timings), BENCH_URL (jdbc:postgresql://127.0.0.1:5432/test),
#                      BENCH_USER (postgres), BENCH_PASSWORD.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HEAP="${HEAP:-256m}"
EXPORT="${EXPORT:-true}"
RUNS="${RUNS:-2}"
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then
    SIZES=(10000 100000 1000000)
fi

cd "$ROOT"
# In one reactor build (-am), so module-api comes from its target/classes and nothing needs
# installing; every module writes its own target/bench-classpath, module-impl's is the bench's.
mvn -B -q test-compile dependency:build-classpath -pl module-impl -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath >&2

# bench [-Dname=value ...] -- N ...
bench() {
    local options=()
    while [ "$1" != "--" ]; do
        options+=("$1")
        shift
    done
    shift
    java -Xmx"$HEAP" -XX:+UseSerialGC \
        -Dbench.url="${BENCH_URL:-jdbc:postgresql://127.0.0.1:5432/test}" \
        -Dbench.user="${BENCH_USER:-postgres}" \
        -Dbench.password="${BENCH_PASSWORD:-}" \
        -Dbench.export="$EXPORT" \
        -Dbench.runs="$RUNS" \
        "${options[@]}" \
        -cp "module-impl/target/classes:module-impl/target/test-classes:$(cat module-impl/target/bench-classpath)" \
        io.heartwise.report.bench.ReportBench "$@"
}

if [ -z "${LOCK:-}" ]; then
    bench ${SCHEMA:+-Dbench.schema="$SCHEMA"} -- "${SIZES[@]}"
    exit
fi
schema="${SCHEMA:-hw_bench_$(date +%s)_$$}"
for i in "${!SIZES[@]}"; do
    keep=true
    if [ -z "${SCHEMA:-}" ] && [ "$i" -eq $((${#SIZES[@]} - 1)) ]; then
        keep=false
    fi
    bench -Dbench.schema="$schema" -Dbench.keep=true -Dbench.time=false -- "${SIZES[$i]}"
    (
        flock 9
        bench -Dbench.schema="$schema" -Dbench.keep="$keep" -- "${SIZES[$i]}"
    ) 9>>"$LOCK"
done
