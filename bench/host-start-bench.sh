#!/usr/bin/env bash
# Heartwise.start inside a host (host-example's class path: the README's dependencies), each in a
# fresh JVM: RUNS first starts on an empty data directory (they migrate), then RUNS restarts on a
# migrated one. Prints each and the medians, wall and CPU time; target: <= 1000 ms. Runs host-example/check.sh first
# when the host example is not built (it installs nothing into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
repo="$PWD/host-example/target/repository"
[ -d host-example/target/test-classes ] || host-example/check.sh
# The host example's settings read every artifact from ~/.m2: put the plugin that lists its class path there first.
mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:help > /dev/null
find "$repo" -name "*.lastUpdated" -delete 2> /dev/null || true
mvn -B -q -s host-example/settings.xml -Dmaven.repo.local="$repo" -f host-example/pom.xml \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
cp="host-example/target/classes:host-example/target/test-classes:$(cat host-example/target/classpath.txt)"
work=$(mktemp -d)
load=$(cut -d' ' -f1-3 /proc/loadavg)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Each run prints "wall-ms cpu-ms" (StartTime): the elapsed time, and the processor time of the
# whole process meanwhile, which the machine's other load changes far less.
report() {
  local label=$1; shift
  local walls cpus
  walls=$(printf '%s\n' "$@" | awk '{print $1}'); cpus=$(printf '%s\n' "$@" | awk '{print $2}')
  echo "Heartwise.start in a host, $label: wall (ms) $(echo $walls) median $(echo "$walls" | median);" \
    "CPU (ms) $(echo $cpus) median $(echo "$cpus" | median)"
}
first=(); again=()
for i in $(seq "$RUNS"); do
  first+=("$(java -cp "$cp" com.example.host.StartTime "$work/data-$i" 2>/dev/null)")
done
for i in $(seq "$RUNS"); do
  again+=("$(java -cp "$cp" com.example.host.StartTime "$work/data-$i" 2>/dev/null)")
done
echo "load average before: $load"
report "fresh data dir" "${first[@]}"
report "migrated data dir" "${again[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (target: migrated median wall <= 1000 ms on an idle machine)"
[ "$(printf '%s\n' "${again[@]}" | awk '{print $1}' | median)" -le 1000 ] || exit 3
