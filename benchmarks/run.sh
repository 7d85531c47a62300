#!/usr/bin/env bash
# Runs every benchmark and rewrites benchmarks/RESULTS.md and benchmarks/results/ (about 25
# minutes on 2 cores). `benchmarks/run.sh smoke` checks the whole harness in a few minutes and
# writes under benchmarks/target/smoke instead; `benchmarks/run.sh report` only rewrites
# RESULTS.md from results/. Builds core and filter from this checkout
# (-am), so nothing stale from ~/.m2 is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-full}"
case "$mode" in full|smoke|report) ;; *) echo "usage: $0 [full|smoke|report]" >&2; exit 2 ;; esac
mvn -B -pl benchmarks -am -DskipTests -Prun-benchmarks -Dbenchmarks.mode="$mode" verify
