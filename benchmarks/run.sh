#!/usr/bin/env bash
# Runs every benchmark and rewrites benchmarks/RESULTS.md and benchmarks/results/ (about an
# hour on 2 cores). `benchmarks/run.sh smoke` checks the whole harness in a few minutes and
# writes under benchmarks/target/smoke instead; `benchmarks/run.sh exchange` runs only the
# exchange benchmarks (the JAX-WS endpoint path and the filter path in process, about 22
# minutes), replaces their results in results/ and rewrites RESULTS.md; `benchmarks/run.sh http`
# runs only the HTTP end-to-end benchmark (each server and its load generator in JVMs of their
# own, pinned with taskset; about 15 minutes), replaces results/e2e.json and rewrites RESULTS.md;
# `benchmarks/run.sh report` only rewrites RESULTS.md from results/. Builds core, filter and
# jaxws-handler from this checkout (-am), so nothing stale from ~/.m2 is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-full}"
case "$mode" in full|smoke|exchange|http|report) ;; *) echo "usage: $0 [full|smoke|exchange|http|report]" >&2; exit 2 ;; esac
mvn -B -pl benchmarks -am -DskipTests -Prun-benchmarks -Dbenchmarks.mode="$mode" verify
