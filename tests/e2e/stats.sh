# hdreg stats (issue 17; docs/stats.md): the figures of the demo register after its night,
# as text, CSV and JSON, exactly; some of them recomputed here with plain SQL and Python
# (working days from the register's holiday table, the median and the nearest-rank 90th
# percentile), so that the test is more than a snapshot; the run report carries the same
# figures and the morning page and the public site draw the same chart (one function);
# the errors: bad dates, --from after --to, an unknown format, a file that is not a
# register, a processing time reaching a year without a holiday schedule. The year's
# figures are asserted at the end of tests/e2e/year.sh.
source "$(dirname "$0")/lib.sh"
set -e
DB=$T/a.db OUT=$T/o
demo_night
stats() { run "$HDREG" stats --db "$DB" "$@"; }

# --- Text -----------------------------------------------------------------------------
stats --from 2026-01-01 --to 2026-03-16
expect_eq "$rc $(err)" "0 " "text: exit"
expect_eq "$(out)" "$(cat <<'EOF'
登记统计 2026-01-01 至 2026-03-16（定义见 docs/stats.md）

期间收到的案件（申请日期在期间内）：42
  登记类型（5.1）
      35  first               首次登记
       3  license             许可登记
       1  transfer            转让登记
       1  change              变更登记
       2  cancel              注销登记
  程序（6.1、6.2）
       2  ordinary            普通程序
      40  simplified          简易程序
  期末状态
       0  submitted           待审核
       6  rectify             补正材料
       2  held                暂缓（现场核验）
       2  committee_review    合规委员会审核
       0  approved            审核通过待公示
      12  notice              公示中
       8  certified           已发证
      10  rejected            不予登记
       1  cancelled           已注销
       1  withdrawn           已撤回
  数据类别（4.1.1.3）
       0  personal_attribute  个人属性数据
      12  health_status       健康状况数据
      16  medical_application 医疗应用数据
       4  medical_payment     医疗支付数据
       6  health_resource     卫生资源数据
       4  public_health       公共卫生数据
  数据分级（4.1.2）
       2  1
       7  2
      17  3
      13  4
       3  5

期间的审核决定（6.1.2 b、6.2.2 b）：25
       9  approve             审核通过
       5  rectify             补正材料
       1  hold                暂缓（人工核查）
      10  reject              不予登记
  按条款（以该条款的检查结果为依据的决定数）
  clause                reject rectify    hold
  4.2                        0       1       0
  5.1.1                      1       0       0
  7.1 a                      2       0       0
  7.1 b                      1       0       0
  7.1 c                      1       0       0
  7.1 d                      0       0       1
  7.2 (1)                    1       0       0
  7.2 (3)                    0       1       0
  7.2 (4)                    0       1       0
  7.3 a                      1       0       0
  7.3 b                      1       0       0
  7.4                        1       0       0
  7.5 a                      0       1       0
  7.5 b                      0       1       0
  7.6 a                      1       0       0
  7.6 b                      1       0       0

期间办结的案件：20
       9  certified           发证
      10  rejected            不予登记
       1  cancelled           注销
       0  withdrawn           撤回

办理时间（工作日，自收到全部材料至办结，不含撤回）：20 件，中位数 19，第 90 百分位数 45，最短 1，最长 70

各月末有效的证书
  2026-01  2026-01-31       5
  2026-02  2026-02-28       5
  2026-03  2026-03-16      11
EOF
)" "text"

# --- CSV ------------------------------------------------------------------------------
stats --from 2026-01-01 --to 2026-03-16 --format csv
expect_eq "$rc" 0 "csv: exit"
expect_eq "$(out)" "$(cat <<'EOF'
figure,key,value
period,from,2026-01-01
period,to,2026-03-16
received,total,42
type,first,35
type,license,3
type,transfer,1
type,change,1
type,cancel,2
procedure,ordinary,2
procedure,simplified,40
status,submitted,0
status,rectify,6
status,held,2
status,committee_review,2
status,approved,0
status,notice,12
status,certified,8
status,rejected,10
status,cancelled,1
status,withdrawn,1
data_class,personal_attribute,0
data_class,health_status,12
data_class,medical_application,16
data_class,medical_payment,4
data_class,health_resource,6
data_class,public_health,4
grade,1,2
grade,2,7
grade,3,17
grade,4,13
grade,5,3
decisions,total,25
decisions,approve,9
decisions,rectify,5
decisions,hold,1
decisions,reject,10
clause_reject,5.1.1,1
clause_reject,7.1 a,2
clause_reject,7.1 b,1
clause_reject,7.1 c,1
clause_reject,7.2 (1),1
clause_reject,7.3 a,1
clause_reject,7.3 b,1
clause_reject,7.4,1
clause_reject,7.6 a,1
clause_reject,7.6 b,1
clause_rectify,4.2,1
clause_rectify,7.2 (3),1
clause_rectify,7.2 (4),1
clause_rectify,7.5 a,1
clause_rectify,7.5 b,1
clause_hold,7.1 d,1
closed,total,20
closed,certified,9
closed,rejected,10
closed,cancelled,1
closed,withdrawn,0
processing_days,cases,20
processing_days,median,19
processing_days,p90,45
processing_days,min,1
processing_days,max,70
in_force,2026-01,5
in_force,2026-02,5
in_force,2026-03,11
EOF
)" "csv"

# --- JSON -----------------------------------------------------------------------------
stats --from 2026-01-01 --to 2026-03-16 --format json
expect_eq "$rc" 0 "json: exit"
out >"$T/s.json"
expect_eq "$(jq -c 'keys_unsorted' "$T/s.json")" '["from","to","received","decisions","closed","processing_days","in_force"]' "json: keys in order"
expect_eq "$(jq -c '.received' "$T/s.json")" '{"total":42,"type":{"first":35,"license":3,"transfer":1,"change":1,"cancel":2},"procedure":{"ordinary":2,"simplified":40},"status":{"submitted":0,"rectify":6,"held":2,"committee_review":2,"approved":0,"notice":12,"certified":8,"rejected":10,"cancelled":1,"withdrawn":1},"data_class":{"personal_attribute":0,"health_status":12,"medical_application":16,"medical_payment":4,"health_resource":6,"public_health":4},"grade":{"1":2,"2":7,"3":17,"4":13,"5":3}}' "json: received"
expect_eq "$(jq -c '.decisions | del(.by_clause)' "$T/s.json")" '{"total":25,"approve":9,"rectify":5,"hold":1,"reject":10}' "json: decisions"
expect_eq "$(jq -c '.decisions.by_clause[] | select(.clause == "7.3 a" or .clause == "7.1 d" or .clause == "7.5 a")' "$T/s.json")" '{"clause":"7.1 d","reject":0,"rectify":0,"hold":1}
{"clause":"7.3 a","reject":1,"rectify":0,"hold":0}
{"clause":"7.5 a","reject":0,"rectify":1,"hold":0}' "json: decisions by clause"
expect_eq "$(jq -c '[.closed, .processing_days, .in_force]' "$T/s.json")" '[{"total":20,"certified":9,"rejected":10,"cancelled":1,"withdrawn":0},{"cases":20,"median":19,"p90":45,"min":1,"max":70},[{"month":"2026-01","date":"2026-01-31","certificates":5},{"month":"2026-02","date":"2026-02-28","certificates":5},{"month":"2026-03","date":"2026-03-16","certificates":11}]]' "json: closed, processing time, in force"

# --- The same figures, counted independently -------------------------------------------
F=2026-01-01 D=2026-03-16
expect_eq "$(jq -r '.received.total, (.received.type | [.[]] | join(" ")), (.received.status.rejected)' "$T/s.json" | tr '\n' ' ')" \
  "$(sql "$DB" "SELECT count(*) FROM cases WHERE applied_date BETWEEN '$F' AND '$D'") $(sql "$DB" "SELECT group_concat(n, ' ') FROM (SELECT (SELECT count(*) FROM cases c WHERE c.reg_type = t.t AND c.applied_date BETWEEN '$F' AND '$D') AS n FROM (SELECT 1 AS o, 'first' AS t UNION SELECT 2, 'license' UNION SELECT 3, 'transfer' UNION SELECT 4, 'change' UNION SELECT 5, 'cancel') t ORDER BY o)") $(sql "$DB" "SELECT count(*) FROM cases WHERE status = 'rejected' AND applied_date BETWEEN '$F' AND '$D'") " \
  "SQL: cases received, by type, rejected (the night is the last move, so the status now is the status at the end)"
expect_eq "$(jq -r '.decisions.total, .decisions.reject' "$T/s.json" | tr '\n' ' ')" \
  "$(sql "$DB" "SELECT count(*) FROM decisions WHERE as_of BETWEEN '$F' AND '$D'") $(sql "$DB" "SELECT count(*) FROM decisions WHERE decision = 'reject' AND as_of BETWEEN '$F' AND '$D'") " "SQL: decisions"
expect_eq "$(jq -r '.closed.total' "$T/s.json")" \
  "$(sql "$DB" "SELECT count(*) FROM case_events WHERE to_status IN ('certified', 'rejected', 'cancelled', 'withdrawn') AND at BETWEEN '$F' AND '$D'")" "SQL: cases closed"
# In force on the 16th: registered, valid, and not superseded or cancelled by then.
expect_eq "$(jq -r '.in_force[-1].certificates' "$T/s.json")" "$(sql "$DB" "SELECT count(*) FROM certificates c WHERE c.registration_date <= '$D' AND c.valid_until >= '$D' AND (c.status = 'issued' OR (c.status = 'superseded' AND (SELECT s.registration_date FROM certificates s WHERE s.id = c.superseded_by) > '$D') OR (c.status = 'cancelled' AND (SELECT max(e.at) FROM cases k JOIN case_events e ON e.case_id = k.id WHERE k.reg_type = 'cancel' AND k.prior_certificate_id = c.id AND e.to_status = 'cancelled') > '$D'))")" \
  "SQL: certificates in force on the 16th"
# Processing time: working days from the register's holiday table, median and nearest rank.
expect_eq "$(jq -c '.processing_days' "$T/s.json")" "$(python3 tests/tools/processing_days.py "$DB" $F $D)" \
  "Python: processing time (tests/tools/processing_days.py)"
expect_eq "$(python3 - "$T/s.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
r = s["received"]
print(sum(r["status"].values()) == r["total"], sum(r["type"].values()) == r["total"], sum(r["grade"].values()) == r["total"],
      sum(s["closed"][k] for k in ("certified", "rejected", "cancelled", "withdrawn")) == s["closed"]["total"],
      s["decisions"]["approve"] + s["decisions"]["rectify"] + s["decisions"]["hold"] + s["decisions"]["reject"] == s["decisions"]["total"])
PY
)" "True True True True True" "groups add up to their totals"

# --- A period with nothing in it, a day -------------------------------------------------
stats --from 2024-01-01 --to 2024-01-01 --format json
expect_eq "$rc $(jq -c '[.received.total, .decisions.total, .closed.total, .processing_days, .in_force]' "$T/stdout")" \
  '0 [0,0,0,{"cases":0,"median":null,"p90":null,"min":null,"max":null},[{"month":"2024-01","date":"2024-01-01","certificates":0}]]' "an empty period"
stats --from 2024-01-01 --to 2024-01-01 --format csv
expect_eq "$(out | grep '^processing_days')" "processing_days,cases,0
processing_days,median,
processing_days,p90,
processing_days,min,
processing_days,max," "csv: null as an empty value"
stats --from 2024-01-01 --to 2024-01-01
expect_eq "$(out | grep -A1 '^办理时间\|按条款')" "  按条款（以该条款的检查结果为依据的决定数）
        （无）
--
办理时间（工作日，自收到全部材料至办结，不含撤回）：期间无办结的案件" "text: nothing decided"

# --- The run report and the chart --------------------------------------------------------
# The report carries the figures of the twelve months up to the run date, the very object
# hdreg stats prints; the morning page and the site draw them with the same function.
stats --from 2025-04-01 --to 2026-03-16 --format json
expect_eq "$(jq -cS . "$T/stdout")" "$(jq -cS .statistics "$OUT/run-2026-03-16.json")" "the report's statistics = hdreg stats of its twelve months"
expect_eq "$(jq -c '[.statistics_error, .statistics.from, (.statistics.in_force | length)]' "$OUT/run-2026-03-16.json")" '[null,"2025-04-01",12]' "twelve months"
svg_of() { python3 -c 'import re,sys; print(re.search(r"<svg role=\"img\" aria-label=\"[^\"]*登记统计\".*?</svg>", open(sys.argv[1]).read(), re.S).group(0))' "$1"; }
"$HDREG" publish --db "$DB" --date 2026-03-16 --out "$T/site" >/dev/null
svg_of "$OUT/run-2026-03-16.html" >"$T/svg-report"
svg_of "$T/site/stats.html" >"$T/svg-site"
cmp -s "$T/svg-report" "$T/svg-site" || fail "the report's chart and the site's differ"
PASSED=$((PASSED + 1))
expect_eq "$(grep -o '<svg role="img" aria-label="[^"]*" viewBox="[^"]*" width="100%"><title>[^<]*</title><desc>' "$T/svg-report")" \
  '<svg role="img" aria-label="2025-04-01 至 2026-03-16 的登记统计" viewBox="0 0 520 542" width="100%"><title>2025-04-01 至 2026-03-16 的登记统计</title><desc>' "chart: labelled"
expect_eq "$(grep -o '<title>[0-9-]*：有效证书 [0-9]*</title>' "$T/svg-report" | sed 's/<[^>]*>//g' | tr '\n' ' ')" \
  "2025-04-30：有效证书 0 2025-05-31：有效证书 0 2025-06-30：有效证书 1 2025-07-31：有效证书 1 2025-08-31：有效证书 2 2025-09-30：有效证书 3 2025-10-31：有效证书 3 2025-11-30：有效证书 4 2025-12-31：有效证书 5 2026-01-31：有效证书 5 2026-02-28：有效证书 5 2026-03-16：有效证书 11 " \
  "chart: a bar a month, as in_force says"
expect_eq "$(grep -o '>[^<>]*</text><rect x="118"[^>]*/><text x="[0-9]*" y="[0-9]*" font-size="13">[0-9]*<' "$T/svg-report" | sed -E 's/^>([^<]*)<.*>([0-9]+)<$/\1 \2/' | tr '\n' ',')" \
  "补正材料 6,暂缓（现场核验） 2,合规委员会审核 2,公示中 12,已发证 14,不予登记 11,已注销 1,已撤回 1,审核通过 9,补正材料 5,暂缓（人工核查） 1,不予登记 10," \
  "chart: received by status and decisions, labelled, zeros left out"
expect_eq "$(grep -o '办理时间（[0-9][^<]*' "$T/svg-report")" "办理时间（20 件办结，工作日）：中位数 19，第 90 百分位数 45" "chart: processing time in words"
expect_eq "$(grep -c '<script' "$T/site/stats.html" || true) $(grep -o '<li><a href="stats.html" class="here">登记统计</a></li>' "$T/site/stats.html")" \
  '0 <li><a href="stats.html" class="here">登记统计</a></li>' "site: stats.html in the navigation, no script"
for f in "$OUT/run-2026-03-16.html" "$T/site/stats.html"; do
  tidy -q -e "$f" >"$T/tidy" 2>&1 || fail "tidy $f: $(cat "$T/tidy")"
  expect_eq "$(cat "$T/tidy")" "" "tidy $(basename "$f")"
done

# --- Errors ----------------------------------------------------------------------------
stats --from 2026-02-30 --to 2026-03-16
expect_eq "$rc $(err)" "2 hdreg: stats: --from '2026-02-30' is not a valid date YYYY-MM-DD" "bad --from"
stats --from 2026-01-01 --to 16.03.2026
expect_eq "$rc $(err)" "2 hdreg: stats: --to '16.03.2026' is not a valid date YYYY-MM-DD" "bad --to"
stats --from 2026-03-17 --to 2026-03-16
expect_eq "$rc $(err) $(out | wc -c)" "2 hdreg: stats: --from 2026-03-17 is after --to 2026-03-16 0" "--from after --to"
stats --from 2026-01-01
expect_eq "$rc $(err)" "2 hdreg: stats: which period? give --from DATE and --to DATE (see hdreg stats --help)" "no --to"
stats --from 2016-01-01 --to 2026-03-16
expect_eq "$rc $(err)" "2 hdreg: stats: the period 2016-01-01 to 2026-03-16 touches more than 120 months" "a period too long"
stats --from 2026-01-01 --to 2026-03-16 --format xml
expect_eq "$rc $(err)" "2 hdreg: stats: --format 'xml' is not one of text, csv, json" "unknown format"
run "$HDREG" stats --from 2026-01-01 --to 2026-03-16 --db "$T/a.db" extra
expect_eq "$rc $(err)" "2 hdreg: stats: unexpected argument 'extra' (see hdreg stats --help)" "extra argument"
sqlite3 "$T/plain.db" "CREATE TABLE t(x)"
run "$HDREG" stats --db "$T/plain.db" --from 2026-01-01 --to 2026-03-16
expect_eq "$rc $(err)" "4 hdreg: stats: cannot open database '$T/plain.db': an SQLite database, but not a register (schema version 0)" "not a register"
echo "not sqlite" >"$T/text.db"
run "$HDREG" stats --db "$T/text.db" --from 2026-01-01 --to 2026-03-16
expect_eq "$rc $(err | sed "s|$T|T|")" "4 hdreg: stats: 'T/text.db': database error: file is not a database" "not a database"
run "$HDREG" stats --db "$T/none.db" --from 2026-01-01 --to 2026-03-16
expect_eq "$rc $(err | sed "s|$T|T|")" "4 hdreg: stats: cannot open database 'T/none.db': no such file (hdreg import --create or hdreg demo-db makes a new register)" "no such file"
# A processing time that reaches a year without a holiday schedule: refused, not guessed.
cp "$DB" "$T/noyear.db"
sqlite3 "$T/noyear.db" "DELETE FROM holiday_years WHERE year = 2025"
run "$HDREG" stats --db "$T/noyear.db" --from 2026-01-01 --to 2026-03-16
expect_eq "$rc $(err) $(out | wc -c)" "3 hdreg: stats: case 'SQ-2025-0008': processing time from 2025-12-01 to 2026-03-16 reaches 2025, which has no holiday schedule (hdreg calendar import) 0" "no schedule for 2025"
run "$HDREG" stats --db "$T/noyear.db" --from 2026-03-01 --to 2026-03-15 --format csv
expect_eq "$rc $(out | grep '^processing_days,cases,')" "0 processing_days,cases,0" "a period without such a case is computed"
# The site still publishes; its statistics page says why it has no chart.
run "$HDREG" publish --db "$T/noyear.db" --date 2026-03-16 --out "$T/site2"
expect_eq "$rc $(grep -o '<p>本期统计暂不能计算[^<]*</p>' "$T/site2/stats.html")" "0 <p>本期统计暂不能计算：尚未载入所需年份的法定节假日安排。</p>" "site without the year's schedule"
run "$HDREG" help stats
expect_eq "$rc $(out | head -1)" "0 usage: hdreg stats --from DATE --to DATE [--format text|csv|json] [--db FILE]" "help"
done_ok
