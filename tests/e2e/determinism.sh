# Determinism: the same register gives the same findings however it is checked — each
# case in a process of its own (in id order, then shuffled) or all cases in one
# process (check --all), and the nightly run with one worker or two. On the demo register
# and a synthetic one of 300 cases. Exact comparisons, no timing (the run report's two
# timing fields are left out by name).
source "$(dirname "$0")/lib.sh"
set -e
"$HDREG" demo-db --db "$T/demo.db" >/dev/null
"$HDREG" demo-db --db "$T/syn.db" --synthetic 300 --seed 7 >/dev/null

# The line check --all prints for a case, from the JSON of that case checked alone.
all_line() {
  jq -r '[.case_number, .decision] + [.checks[] | select(.outcome != "pass" and .outcome != "n/a")
         | .id + ":" + .outcome] | join(" ")' "$1"
}

# check_each DB ORDER-FILE DIR: every case of ORDER-FILE checked alone, JSON in DIR/ID.json
check_each() {
  mkdir -p "$3"
  while read -r id; do
    "$HDREG" check --db "$1" --case "$id" --format json >"$3/$id.json" ||
      fail "check --case $id of $1: exit $?"
  done <"$2"
}

for db in demo syn; do
  D="$T/$db.db"
  sql "$D" "SELECT id FROM cases ORDER BY id" >"$T/$db.ids"
  n=$(wc -l <"$T/$db.ids")
  [ "$n" -ge 40 ] || fail "$db: only $n cases"

  run "$HDREG" check --db "$D" --all
  expect_eq "$rc" 0 "$db: check --all"
  sed '/^$/,$d' "$T/stdout" >"$T/$db.all" # the case lines, before the counts per check
  expect_eq "$(wc -l <"$T/$db.all")" "$n" "$db: check --all prints one line per case"

  # Alone, in id order: the same decisions and outcomes as --all, line by line.
  check_each "$D" "$T/$db.ids" "$T/$db.fwd"
  while read -r id; do all_line "$T/$db.fwd/$id.json"; done <"$T/$db.ids" >"$T/$db.alone"
  expect_eq "$(cat "$T/$db.alone")" "$(cat "$T/$db.all")" "$db: each case alone vs check --all"

  # Alone again, in a shuffled order: byte for byte the same JSON (messages and evidence
  # included; the string hash seed differs in every process).
  shuf --random-source=<(yes 7) "$T/$db.ids" >"$T/$db.shuf"
  check_each "$D" "$T/$db.shuf" "$T/$db.mixed"
  while read -r id; do
    cmp -s "$T/$db.fwd/$id.json" "$T/$db.mixed/$id.json" || fail "$db: case $id: shuffled order differs"
  done <"$T/$db.ids"
  PASSED=$((PASSED + 1))

  # The night with --jobs 1 and --jobs 2 on two copies: the same findings and states.
  cp "$D" "$T/$db.j1.db"
  cp "$D" "$T/$db.j2.db"
  for j in 1 2; do
    run "$HDREG" run --db "$T/$db.j$j.db" --date 2026-03-16 --out "$T/$db.out$j" --jobs "$j"
    echo "$rc" >"$T/$db.rc$j"
    case "$rc" in 0|1|7) ;; *) fail "$db: run --jobs $j: exit $rc: $(err)" ;; esac
  done
  expect_eq "$(cat "$T/$db.rc2")" "$(cat "$T/$db.rc1")" "$db: exit of run --jobs 2 vs --jobs 1"
  Q="SELECT case_id, check_id, outcome, message, evidence FROM findings ORDER BY 1, 2, 3, 4, 5"
  f1=$(sql "$T/$db.j1.db" "$Q")
  [ -n "$f1" ] || fail "$db: the night recorded no finding"
  expect_eq "$(sql "$T/$db.j2.db" "$Q")" "$f1" "$db: findings of run --jobs 2 vs --jobs 1"
  Q="SELECT id, status FROM cases ORDER BY id"
  expect_eq "$(sql "$T/$db.j2.db" "$Q")" "$(sql "$T/$db.j1.db" "$Q")" "$db: case states, --jobs 2 vs 1"
  # The run reports: the same but for what may differ, named here: the timing (started,
  # duration_ms), the jobs, and the paths of the two copies (database, output folder).
  norm() { jq -S 'del(.started, .duration_ms, .jobs, .database)' "$1/run-2026-03-16.json" | sed "s|$1|OUT|g"; }
  expect_eq "$(norm "$T/$db.out2")" "$(norm "$T/$db.out1")" "$db: run report of --jobs 2 vs 1, timing left out"
done
done_ok
