#!/usr/bin/env bash
# Compliance-check benchmark: every check of the shipped pack over every case of a
# synthetic database, on one core (taskset), median of ROUNDS runs. Run by hand; prints
# figures, asserts nothing. Target (issue 3): at least 20000 cases/s for the checks.
# Prints median and best of ROUNDS runs.
#
#   bench/checks_bench.sh                 # 100000 cases, 5 rounds
#   N=20000 ROUNDS=5 bench/checks_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}; SEED=${SEED:-1}; ROUNDS=${ROUNDS:-5}; WORK=${WORK:-/tmp/hdreg_bench}
scripts/deps
scripts/build build
mkdir -p "$WORK"
db="$WORK/synthetic-$N-$SEED.db"
[ -f "$db" ] || ./build/hdreg demo-db --db "$db" --synthetic "$N" --seed "$SEED" >/dev/null
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
checks=(); total=()
for r in $(seq 1 "$ROUNDS"); do
  taskset -c 0 ./build/hdreg check --db "$db" --all >/dev/null 2>"$WORK/checks.err"
  line=$(cat "$WORK/checks.err")
  c=$(echo "$line" | sed -E 's/.*\(([0-9]+) cases\/s for the checks.*/\1/')
  t=$(echo "$line" | sed -E 's/.*, ([0-9]+) cases\/s with loading.*/\1/')
  checks+=("$c"); total+=("$t")
  echo "round $r: $line"
done
best() { sort -g | tail -1; }
printf '\nchecks over %d cases, one core, median (best) of %d: %s (%s) cases/s checks only, %s (%s) cases/s with loading each case from SQLite\n' \
  "$N" "$ROUNDS" "$(printf '%s\n' "${checks[@]}" | median)" "$(printf '%s\n' "${checks[@]}" | best)" \
  "$(printf '%s\n' "${total[@]}" | median)" "$(printf '%s\n' "${total[@]}" | best)"
echo "(shared machines vary by a third from run to run; the instruction count is steadier:"
echo " valgrind --tool=callgrind build/hdreg check --db DB --all, then callgrind_annotate --inclusive=yes)"
