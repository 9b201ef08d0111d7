# `hdreg calendar import`: a holiday-cn schedule is validated before anything is written;
# an empty (unpublished) year is refused; the imported year counts working days.
source "$(dirname "$0")/lib.sh"
set -e
H=tests/e2e/holidays
"$HDREG" demo-db --db "$T/d.db" >/dev/null
sqlite3 "$T/d.db" "DELETE FROM holidays WHERE date LIKE '2026-%'; DELETE FROM holiday_years WHERE year = 2026"
for bad in bad-json bad-date wrong-year twice no-offday empty-2027; do
  run "$HDREG" calendar import --db "$T/d.db" "$H/$bad.json"
  expect_eq "$rc" 3 "$bad exit"
  echo "$(err)" >>"$T/errors"
done
expect_eq "$(cat "$T/errors")" "hdreg: calendar: $H/bad-json.json: not valid JSON (the text ends too early at byte 45)
hdreg: calendar: $H/bad-date.json: days[3]: date '2026-02-30' is not a valid date YYYY-MM-DD
hdreg: calendar: $H/wrong-year.json: days[1]: date 2025-05-01 is not in 2026
hdreg: calendar: $H/twice.json: days[39]: date 2026-01-01 is listed twice
hdreg: calendar: $H/no-offday.json: days[2]: 'isOffDay' must be true or false
hdreg: calendar: $H/empty-2027.json: the 2027 schedule has no days (not published yet?); not imported, so that no period is computed into 2027" "validation messages"
expect_eq "$(sql "$T/d.db" "SELECT count(*) FROM holidays WHERE date LIKE '2026-%'") $(sql "$T/d.db" "SELECT count(*) FROM holiday_years WHERE year IN (2026, 2027)")" "0 0" "nothing imported from invalid files"
run "$HDREG" calendar import --db "$T/d.db" "$H/2026.json"
expect_eq "$rc" 0 "import"
expect_eq "$(out)" "imported 2026: 39 days (holidays and make-up working days) from $H/2026.json"
expect_eq "$(sql "$T/d.db" "SELECT off || ' ' || name FROM holidays WHERE date IN ('2026-02-14', '2026-02-16') ORDER BY date")" "0 春节
1 春节" "make-up day and holiday"
# Imported twice: the same rows, not twice as many.
"$HDREG" calendar import --db "$T/d.db" "$H/2026.json" >/dev/null
expect_eq "$(sql "$T/d.db" "SELECT count(*) FROM holidays WHERE date LIKE '2026-%'")" 39 "idempotent"
# The checks' working-day helper uses it: 2026-02-10 + 10 working days.
run "$HDREG" check --db "$T/d.db" --case 23 --as-of 2026-03-16 --checks tests/e2e/packs/helpers --format json
expect_eq "$(python3 -c "
import json
print([c['message'] for c in json.load(open('$T/stdout'))['checks'] if c['id'] == 'helpers.dates'][0].split()[2])")" "2026-03-02" "working days after import"
done_ok
