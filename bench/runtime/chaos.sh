#!/usr/bin/env bash
# Chaos: kill -9 the local trial at random moments, resume, and report losses and duplicates per cycle.
#   bench/runtime/chaos.sh [CYCLES] [SEED]      (default 20 cycles, seed 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
# a private copy of the classes: rebuilding the project during a long run must not pull them away
SNAP=$(mktemp -d)
cp -r target/classes target/test-classes "$SNAP"/
CP="$SNAP/test-classes:$SNAP/classes:$(cat target/bench-cp.txt)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK" "$SNAP"' EXIT
java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$CP" \
  dev.pipewright.runtime.bench.ChaosDriver "$WORK" "${1:-20}" "${2:-1}"
