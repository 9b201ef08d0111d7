#!/usr/bin/env bash
# Compliance-check benchmark: every check of the shipped pack over every case of a
# synthetic database, on one core (taskset), median of ROUNDS runs. Run by hand; prints
# figures, asserts nothing. Target (issue 3): at least 20000 cases/s for the checks.
# With BASE=path/to/another/hdreg the same rounds run that binary too, interleaved with
# this one (same machine, same minute), and the ratio of the medians is printed: that is
# how a change is measured against the code before it (issue 12: no slowdown).
#
#   bench/checks_bench.sh                            # 100000 cases, 5 rounds
#   N=20000 ROUNDS=5 bench/checks_bench.sh
#   N=20000 BASE=/tmp/hdreg-before bench/checks_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}; SEED=${SEED:-1}; ROUNDS=${ROUNDS:-5}; WORK=${WORK:-/tmp/hdreg_bench}
BASE=${BASE:-}
scripts/deps
scripts/build build
mkdir -p "$WORK"
db="$WORK/synthetic-$N-$SEED.db"
[ -f "$db" ] || ./build/hdreg demo-db --db "$db" --synthetic "$N" --seed "$SEED" >/dev/null
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
best() { sort -g | tail -1; }
# One round of binary $1: prints "checks-rate total-rate".
round() {
  taskset -c 0 "$1" check --db "$db" --all >/dev/null 2>"$WORK/checks.err"
  local line; line=$(cat "$WORK/checks.err")
  echo "$(echo "$line" | sed -E 's/.*\(([0-9]+) cases\/s for the checks.*/\1/') $(echo "$line" | sed -E 's/.*, ([0-9]+) cases\/s with loading.*/\1/')"
}
checks=(); total=(); bchecks=(); btotal=()
for r in $(seq 1 "$ROUNDS"); do
  read -r c t < <(round ./build/hdreg)
  checks+=("$c"); total+=("$t")
  if [ -n "$BASE" ]; then
    read -r bc bt < <(round "$BASE")
    bchecks+=("$bc"); btotal+=("$bt")
    echo "round $r: this $c cases/s checks ($t with loading); base $bc ($bt)"
  else
    echo "round $r: $c cases/s checks ($t with loading)"
  fi
done
mc=$(printf '%s\n' "${checks[@]}" | median); mt=$(printf '%s\n' "${total[@]}" | median)
printf '\nchecks over %d cases, one core, median (best) of %d: %s (%s) cases/s checks only, %s (%s) cases/s with loading each case from SQLite\n' \
  "$N" "$ROUNDS" "$mc" "$(printf '%s\n' "${checks[@]}" | best)" "$mt" "$(printf '%s\n' "${total[@]}" | best)"
if [ -n "$BASE" ]; then
  bmc=$(printf '%s\n' "${bchecks[@]}" | median); bmt=$(printf '%s\n' "${btotal[@]}" | median)
  printf 'base %s: median %s cases/s checks only, %s with loading\n' "$BASE" "$bmc" "$bmt"
  printf 'ratio this/base (medians): %s checks only, %s with loading\n' \
    "$(echo "scale=3; $mc / $bmc" | bc)" "$(echo "scale=3; $mt / $bmt" | bc)"
fi
echo "(shared machines vary by a third from run to run; the instruction count is steadier:"
echo " valgrind --tool=callgrind build/hdreg check --db DB --all, then callgrind_annotate --inclusive=yes)"
