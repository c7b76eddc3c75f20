#!/usr/bin/env bash
# HTTP benchmark of the embedded runner (deploy/target/heartwise-server.jar).
#
# Measures, on this machine, the runner started as README.md's run command starts it:
#   - cold start: process launch to the first 200 from /api/v1/health, median of COLD_RUNS launches,
#     each on a fresh data directory                                           (target <= 2000 ms)
#     and the CPU time the process used until then (the machine is shared: CPU time varies less)
#   - requests/s and p50/p99 latency of GET /api/v1/lessons/make-him-miss-you (the largest lesson)
#     against the same bytes served as a static file by Tomcat's DefaultServlet  (target ratio >= 0.9)
#   - heap used after the load and a full GC                                   (target <= 128 MiB)
# Both load runs send no Accept-Encoding, so both serve the identity JSON.
#
# Usage: bench/http-bench.sh            (from anywhere; run `mvn -q -DskipTests package` first,
#                                        or the script runs it when the jar is missing)
# Knobs (environment): HEAP (default 256m, passed as -Xmx), THREADS (2), CONNECTIONS (32),
#                      DURATION (15s), WARMUP (10s), COLD_RUNS (5).
# Exit status: 0 when every target is met, 3 when one is missed, 1 on an error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/deploy/target/heartwise-server.jar"
WAR="$ROOT/deploy/target/heartwise.war"
ARCHIVE="$ROOT/deploy/target/heartwise-server.jsa"
# The JVM option of README.md's run command: the class-data archive of the build's training run.
JVM_OPTIONS=("-XX:SharedArchiveFile=$ARCHIVE")
HEAP="${HEAP:-256m}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-10s}"
COLD_RUNS="${COLD_RUNS:-5}"
LESSON="make-him-miss-you"

TARGET_RATIO="0.90"
TARGET_COLD_MS=2000
TARGET_HEAP_MIB=128

log() { printf '%s\n' "$*" >&2; }
die() { log "http-bench: $*"; exit 1; }

# --- tools -------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
    log "wrk is missing; installing it from Debian (apt-get install -y wrk)"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get update >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null
    fi
fi
for tool in wrk curl java jcmd; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is needed and not on the PATH"
done

if [[ ! -f "$JAR" || ! -f "$WAR" || ! -f "$ARCHIVE" ]]; then
    log "no $JAR yet; building it with mvn -q -DskipTests package"
    (cd "$ROOT" && mvn -q -DskipTests package)
fi

# --- a free port and a scratch directory -------------------------------------------------------
free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    die "found no free port"
}
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
SCRATCH="$(mktemp -d -t heartwise-bench.XXXXXX)"
mkdir -p "$SCRATCH/static"
SERVER_PID=""

cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$SCRATCH"
}
trap cleanup EXIT INT TERM

# --- cold start --------------------------------------------------------------------------------
# Each launch on a fresh data directory: the cold start includes creating the embedded database, as
# on a first start. The last server launched stays up for the load runs.
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
cold_runs=()
cpu_runs=()
for run in $(seq 1 "$COLD_RUNS"); do
    rm -rf "$SCRATCH/data"
    log "cold start $run/$COLD_RUNS: java -Xmx$HEAP ${JVM_OPTIONS[*]} -jar $JAR --port $PORT --static-dir $SCRATCH/static"
    start_ns="$(date +%s%N)"
    java "-Xmx$HEAP" "${JVM_OPTIONS[@]}" "-Dheartwise.data-dir=$SCRATCH/data" -jar "$JAR" --port "$PORT" --static-dir "$SCRATCH/static" \
        >"$SCRATCH/server.log" 2>&1 &
    SERVER_PID=$!
    deadline=$(( $(date +%s) + 60 ))
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/health" 2>/dev/null)" == "200" ]]; do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            cat "$SCRATCH/server.log" >&2
            die "the server exited before it was ready"
        fi
        if (( $(date +%s) > deadline )); then
            cat "$SCRATCH/server.log" >&2
            die "the server was not ready within 60 s"
        fi
        sleep 0.005
    done
    cold_runs+=($(( ($(date +%s%N) - start_ns) / 1000000 )))
    # utime + stime of the process, in clock ticks
    cpu_runs+=($(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$SERVER_PID/stat"))
    if (( run < COLD_RUNS )); then
        kill -TERM "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
    fi
done
cold_ms="$(printf '%s\n' "${cold_runs[@]}" | median)"
cpu_ms="$(printf '%s\n' "${cpu_runs[@]}" | median)"
load="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- the static twin of the lesson -------------------------------------------------------------
LESSON_URL="$BASE/api/v1/lessons/$LESSON"
STATIC_URL="$BASE/static/$LESSON.json"
curl -sf -o "$SCRATCH/static/$LESSON.json" "$LESSON_URL" || die "GET $LESSON_URL failed"
curl -sf -o "$SCRATCH/static-check.json" "$STATIC_URL" || die "GET $STATIC_URL failed"
cmp -s "$SCRATCH/static/$LESSON.json" "$SCRATCH/static-check.json" || die "the static file differs from the lesson"
body_bytes="$(wc -c <"$SCRATCH/static/$LESSON.json")"

# --- load --------------------------------------------------------------------------------------
log "warming up: wrk -t$THREADS -c$CONNECTIONS -d$WARMUP on both URLs"
wrk "-t$THREADS" "-c$CONNECTIONS" "-d$WARMUP" "$LESSON_URL" >/dev/null
wrk "-t$THREADS" "-c$CONNECTIONS" "-d$WARMUP" "$STATIC_URL" >/dev/null

log "measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
wrk "-t$THREADS" "-c$CONNECTIONS" "-d$DURATION" --latency "$LESSON_URL" >"$SCRATCH/lesson.wrk"
wrk "-t$THREADS" "-c$CONNECTIONS" "-d$DURATION" --latency "$STATIC_URL" >"$SCRATCH/static.wrk"

rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
percentile() { awk -v p="$2%" '$1 == p {print $2}' "$1"; }
errors() { awk '/Non-2xx or 3xx responses:/ {print $NF} /Socket errors:/ {print}' "$1"; }
lesson_rps="$(rps "$SCRATCH/lesson.wrk")"
static_rps="$(rps "$SCRATCH/static.wrk")"
[[ -n "$lesson_rps" && -n "$static_rps" ]] || { cat "$SCRATCH"/*.wrk >&2; die "cannot read wrk's results"; }
ratio="$(awk -v a="$lesson_rps" -v b="$static_rps" 'BEGIN {printf "%.2f", a / b}')"

# --- heap after the load -----------------------------------------------------------------------
jcmd "$SERVER_PID" GC.run >/dev/null
sleep 1
heap_line="$(jcmd "$SERVER_PID" GC.heap_info | awk '/ used [0-9]+K/ {print; exit}')"
heap_kib="$(sed -E 's/.* used ([0-9]+)K.*/\1/' <<<"$heap_line")"
heap_mib="$(awk -v k="$heap_kib" 'BEGIN {printf "%.1f", k / 1024}')"

# --- stop --------------------------------------------------------------------------------------
kill -TERM "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""

# --- report ------------------------------------------------------------------------------------
cold_met=$(( cold_ms <= TARGET_COLD_MS ))
ratio_met="$(awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN {print (r >= t) ? 1 : 0}')"
heap_met="$(awk -v h="$heap_mib" -v t="$TARGET_HEAP_MIB" 'BEGIN {print (h <= t) ? 1 : 0}')"
verdict() { if [[ "$1" == 1 ]]; then echo "ok"; else echo "MISSED"; fi; }
cold_ok="$(verdict "$cold_met")"
ratio_ok="$(verdict "$ratio_met")"
heap_ok="$(verdict "$heap_met")"
missed=$(( !cold_met || !ratio_met || !heap_met ))

cat <<EOF

Heartwise HTTP benchmark ($(nproc) CPUs, load average $load; server: java -Xmx$HEAP ${JVM_OPTIONS[*]} -jar heartwise-server.jar; wrk -t$THREADS -c$CONNECTIONS -d$DURATION, no Accept-Encoding)
  body: GET /api/v1/lessons/$LESSON, $body_bytes bytes, and the same bytes as /static/$LESSON.json

  cold start (launch to first 200)  ${cold_ms} ms            target <= ${TARGET_COLD_MS} ms      ${cold_ok}
    median of ${COLD_RUNS}: ${cold_runs[*]} ms; CPU time until ready: median ${cpu_ms} ms (${cpu_runs[*]})
  lesson endpoint                   ${lesson_rps} req/s   p50 $(percentile "$SCRATCH/lesson.wrk" 50)   p99 $(percentile "$SCRATCH/lesson.wrk" 99)
  static file                       ${static_rps} req/s   p50 $(percentile "$SCRATCH/static.wrk" 50)   p99 $(percentile "$SCRATCH/static.wrk" 99)
  ratio lesson/static               ${ratio}                 target >= ${TARGET_RATIO}         ${ratio_ok}
  heap used after load + full GC    ${heap_mib} MiB          target <= ${TARGET_HEAP_MIB} MiB      ${heap_ok}
EOF
for run in lesson static; do
    problems="$(errors "$SCRATCH/$run.wrk")"
    [[ -z "$problems" ]] || log "  $run run had errors: $problems"
done
exit $(( missed ? 3 : 0 ))
