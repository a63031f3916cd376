#!/usr/bin/env bash
# Side-by-side GARCH(1,1) fit: Tyche (JMH) and R fGarch on bit-identical inputs.
#
# Run from the repository root:  bash benchmarks/peer/run-garch-comparison.sh [REPS]
# Needs: a JDK 17, Rscript with fGarch (Debian: apt-get install r-base-core r-cran-fgarch).
# Set SKIP_BUILD=1 to reuse benchmarks/target/benchmarks.jar, SKIP_JMH=1 to skip the JMH run.
set -euo pipefail

reps="${1:-20}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/garch-peer

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi
command -v Rscript >/dev/null || { echo "Rscript not found: apt-get install r-base-core r-cran-fgarch" >&2; exit 1; }

echo "== inputs and Tyche's optimum"
java -cp "$jar" dev.tyche.benchmarks.risk.GarchComparisonData "$out"

echo "== R fGarch: optimum and time per fit (${reps} fits each)"
Rscript benchmarks/peer/garch_fit_timing.R "$reps" "$out/garch-sim-5000.csv" "$out/garch-eth-1d.csv"

if [[ "${SKIP_JMH:-0}" != 1 ]]; then
  echo "== Tyche: time per fit (JMH)"
  java -jar "$jar" 'dev.tyche.benchmarks.risk.GarchFitBenchmark' -f 1 -wi 3 -i 5
fi
