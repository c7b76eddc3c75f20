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
mvn -B -s host-example/settings.xml -Dmaven.repo.local="$repo" -f host-example/pom.xml verify \
  | grep -E 'Heartwise.start|Tests run:|BUILD|ERROR|Rule|dependency|\+-' || true
test "${PIPESTATUS[0]}" -eq 0
echo "host-example: built, converged and started in $(( $(date +%s) - started )) s"
