#!/usr/bin/env bash
# The load test: `benchmarks/load.sh [clients] [seconds] [valid-pool] [replay-cache-entries]`
# (defaults 200 60 20000 25000; the cache bound must be at least the valid requests
# one policy accepts within timestamp.max-age, or valid requests meet a full cache and are refused). Loopback only; bounded by the seconds and by the pool of
# pre-generated valid requests. Writes benchmarks/results/load-<date>.md and .json and exits
# non-zero on any wrong decision or unexpected error. Builds core and filter from this checkout
# (-am); extra Maven options (e.g. -o) may be given in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B ${MAVEN_ARGS:-} -pl benchmarks -am -DskipTests -Pload \
  -Dload.clients="${1:-200}" -Dload.seconds="${2:-60}" -Dload.pool="${3:-20000}" \
  -Dload.replay-cache="${4:-25000}" verify
