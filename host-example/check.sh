#!/usr/bin/env bash
# The downstream build: a host project with only README.md's dependency snippet, against the
# artifacts just built. They are installed into a Maven repository under host-example/target/,
# never into ~/.m2; everything else is read from ~/.m2 (filled by the build before). The host
# project must pass the enforcer's dependency convergence, and its test starts it.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD/host-example/target/repository"
started=$(date +%s)
mvn -B -q -s host-example/settings.xml -Dmaven.repo.local="$repo" -DskipTests \
  -pl .,bom,module-api,module-impl,quizzes,lessons install
log="$PWD/host-example/target/check.log"
mkdir -p host-example/target
status=0
mvn -B -s host-example/settings.xml -Dmaven.repo.local="$repo" -f host-example/pom.xml verify > "$log" 2>&1 || status=$?
grep -E 'Heartwise.start|Tests run:|BUILD|ERROR|Rule|dependency|\+-' "$log" || true
if [ "$status" -ne 0 ]; then
  echo "host-example: FAILED (exit $status), see $log"
  exit "$status"
fi
echo "host-example: built, converged and started in $(( $(date +%s) - started )) s"
