#!/usr/bin/env bash
# Runtime benchmarks, measured side by side in one run (see bench/runtime/README.md).
#   bench/runtime/run.sh [ROWS]        ROWS per Debezium variant (default 30000)
#   BENCH_JVM= bench/runtime/run.sh     the same with the JVM's default options instead of bin/jvm-options
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
# a private copy of the classes: rebuilding the project during a long run must not pull them away
SNAP=$(mktemp -d)
cp -r target/classes target/test-classes "$SNAP"/
CP="$SNAP/test-classes:$SNAP/classes:$(cat target/bench-cp.txt)"
LOG="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
# the JVM options bin/pipewright runs the app and the CLI with; BENCH_JVM= (empty) runs with the
# JVM's defaults instead, for comparison
JVM=${BENCH_JVM-$(grep -v '^#' bin/jvm-options | tr '\n' ' ')}

echo "== load before: $(uptime)"
echo "== JVM options: $JVM"
echo "== throughput to Kafka"
java -Xmx1g $JVM $LOG -cp "$CP" dev.pipewright.runtime.bench.CaptureThroughputBench "${1:-30000}"

echo "== latency at 1,000 changes/s, time to first change, memory (pipewright run)"
WORK=$(mktemp -d)
java -Xmx1g $JVM $LOG -Xlog:gc:file=target/bench-run-gc.log -cp "$CP" dev.pipewright.app.cli.RunCommand examples/local-trial.yaml \
  --work-dir "$WORK" --rate 1000 --large-tx 0 --duration 60s --summary-json target/bench-run-summary.json
echo "summary: target/bench-run-summary.json"
# GC pauses of the trial's JVM (G1): count and the longest, from the unified GC log
awk '/Pause/ { n++; ms = $NF; sub(/ms/, "", ms); if (ms + 0 > max) max = ms + 0 } END { printf "GC pauses: %d, longest %.1f ms (target/bench-run-gc.log)\n", n, max }' target/bench-run-gc.log
echo "== load after: $(uptime)"
rm -rf "$WORK" "$SNAP"
