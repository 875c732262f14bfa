#!/usr/bin/env bash
# Soaks the indexer's crash safety far beyond the test suite's 38 kills: ROUNDS rounds of the
# suite's two kill loops, each with KILLS kill -9 trials at points drawn from its own seed (the
# suite's own seed is fixed, so that its failures replay). After every kill the index must open
# with every report whole or absent and no paragraph twice, and each loop must end equal to a
# clean build. Usage: bench/kill_soak.sh [KILLS] [ROUNDS] (default 100 and 3: 600 kills, about
# half an hour on two cores). A failure names its seed and trial: rerun with
# FINDINGS_KILL_SEED=SEED FINDINGS_KILL_TRIALS=KILLS build/tests/unit_tests "[kill]".
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-100}
rounds=${2:-3}
scripts/build build
for round in $(seq "$rounds"); do
  seed=$((round * 7919))
  echo "round $round of $rounds: 2 loops of $kills kills, seed $seed"
  FINDINGS_KILL_TRIALS=$kills FINDINGS_KILL_SEED=$seed \
    build/tests/unit_tests "Killed at 30 points of update runs*","Killed while a new index is built in halves*"
done
echo "kill soak: $((kills * 2 * rounds)) kills, every index whole, every loop converged"
