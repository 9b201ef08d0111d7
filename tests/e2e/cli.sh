# Help texts, demo-db arguments, and the synthetic generator's determinism and spread.
source "$(dirname "$0")/lib.sh"
set -e
for cmd in run demo-db uscc check render calendar import export policy; do
  run "$HDREG" "$cmd" --help
  expect_eq "$rc" 0 "$cmd --help exit"
  expect_eq "$(out | head -1 | cut -d' ' -f1-3)" "usage: hdreg $cmd" "$cmd --help"
  run "$HDREG" help "$cmd"
  expect_eq "$(out | head -1 | cut -d' ' -f1-3)" "usage: hdreg $cmd" "help $cmd"
done
run "$HDREG" help
expect_eq "$rc" 0
expect_eq "$(out | head -1)" "usage: hdreg <command> [options]"

"$HDREG" demo-db --db "$T/a.db" >/dev/null
run "$HDREG" demo-db --db "$T/a.db"
expect_eq "$rc" 2 "existing file"
expect_eq "$(err)" "hdreg: demo-db: '$T/a.db' already exists; remove it first"
run "$HDREG" demo-db --db "$T/z.db" --synthetic 0
expect_eq "$rc" 2 "synthetic 0"
expect_eq "$(err)" "hdreg: demo-db: --synthetic '0' must be a whole number from 1 to 10000000"
run "$HDREG" demo-db --db "$T/z.db" --synthetic 12x
expect_eq "$(err)" "hdreg: demo-db: --synthetic '12x' must be a whole number from 1 to 10000000"
run "$HDREG" demo-db --db /nonexistent-dir/x.db
expect_eq "$rc" 4 "uncreatable database"
expect_eq "$(err)" "hdreg: demo-db: cannot open database '/nonexistent-dir/x.db': unable to open database file"

# Synthetic: same seed, same database; another seed, another one.
run "$HDREG" demo-db --db "$T/s1.db" --synthetic 1000 --seed 7
expect_eq "$(out)" "created $T/s1.db with 1000 synthetic cases (seed 7)"
"$HDREG" demo-db --db "$T/s2.db" --synthetic 1000 --seed 7 >/dev/null
"$HDREG" demo-db --db "$T/s3.db" --synthetic 1000 --seed 8 >/dev/null
[ "$(sqlite3 "$T/s1.db" .dump | sha256sum)" = "$(sqlite3 "$T/s2.db" .dump | sha256sum)" ] || fail "same seed, different database"
[ "$(sqlite3 "$T/s1.db" .dump | sha256sum)" != "$(sqlite3 "$T/s3.db" .dump | sha256sum)" ] || fail "different seeds, same database"
PASSED=$((PASSED + 2))
expect_eq "$(sql "$T/s1.db" "SELECT count(*) FROM cases")" 1000 "synthetic count"
expect_eq "$(sql "$T/s1.db" "SELECT count(DISTINCT reg_type) || ' ' || count(DISTINCT procedure) || ' ' || count(DISTINCT status) FROM cases")" "5 2 10" "spread over types, procedures, states"
expect_eq "$(sql "$T/s1.db" "PRAGMA foreign_key_check" | wc -l)" 0 "foreign keys hold"
# Every case is in a status its flow has (what hdreg import --restore also demands).
expect_eq "$(sql "$T/s1.db" "SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM transitions t
  WHERE t.flow = CASE WHEN c.reg_type = 'cancel' THEN 'cancel' ELSE c.procedure END
    AND c.status IN (t.from_status, t.to_status))")" 0 "synthetic statuses follow the procedure"
# Every synthetic holder code is valid.
bad=$(sql "$T/s1.db" "SELECT uscc FROM subjects" | xargs "$HDREG" uscc | grep -c invalid || true)
expect_eq "$bad" 0 "synthetic codes valid"
run "$HDREG" run --db "$T/s1.db" --date 2026-06-30 --out "$T/so"
expect_eq "$rc" 0 "synthetic run"
issued=$(out | head -1 | sed -E 's/.*: ([0-9]+) certificates issued.*/\1/')
[ "$issued" -gt 50 ] || fail "synthetic run issued only $issued certificates"
expect_eq "$(ls "$T/so/certificates" | wc -l)" "$issued" "files match the summary"
done_ok
