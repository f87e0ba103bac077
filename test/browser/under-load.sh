#!/usr/bin/env bash
# Runs one browser journey N times beside two CPU-hog processes, as a loaded CI machine would, and stops at the
# first failure (its screenshots and server log stay in test-artifacts/). Not part of npm test.
#   N=6 ONLY=party bash test/browser/under-load.sh      (build once first: node test/browser/journey.mjs)
set -uo pipefail
cd "$(dirname "$0")/../.."
N=${N:-6}
export ONLY=${ONLY:-party} SKIP_BUILD=1
mkdir -p test-artifacts
hog='const end = Date.now() + 1000 * Number(process.argv[1]); while (Date.now() < end) Math.sqrt(Math.random());'
for i in $(seq 1 "$N"); do
  node -e "$hog" 120 & h1=$!
  node -e "$hog" 120 & h2=$!
  node test/browser/journey.mjs > "test-artifacts/under-load-$i.log" 2>&1
  rc=$?
  kill "$h1" "$h2" 2>/dev/null; wait "$h1" "$h2" 2>/dev/null
  echo "run $i: $(tail -1 "test-artifacts/under-load-$i.log")"
  [ "$rc" -eq 0 ] || exit 1
done
