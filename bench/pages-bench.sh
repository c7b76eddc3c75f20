#!/usr/bin/env bash
# Pages benchmark: the lesson page (lessons/why-men-pull-away) on the embedded runner, loaded 10
# times in headless Chromium (Debian's chromium and chromedriver) over loopback with the cache off.
# Prints bytes on the wire (HTML, JS, CSS; gzip), requests, first contentful paint and time to
# interactive (medians).               (budget: JS + CSS <= 30 KiB, <= 4 requests, interactive <= 300 ms)
#
# Usage: bench/pages-bench.sh          (builds what is missing: the jar and the test classes)
# Knobs (environment): LOADS (10).
# Exit status: 0 when the budget is met, 3 when it is missed, 1 on an error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/deploy/target/heartwise-server.jar"

cd "$ROOT"
if [[ ! -f "$JAR" || ! -f deploy/target/heartwise.war ]]; then
    echo "no $JAR yet; building it with mvn -q -DskipTests package" >&2
    mvn -B -q -DskipTests package >&2
fi
mvn -B -q test-compile dependency:build-classpath -pl deploy -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath >&2

exec java -Xmx512m \
    -Dbench.server-jar="$JAR" \
    -Dbench.loads="${LOADS:-10}" \
    -cp "deploy/target/test-classes:$(cat deploy/target/bench-classpath)" \
    io.heartwise.deploy.bench.PagesBench
