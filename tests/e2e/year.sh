# A year of the registration authority, driven from scripts the way staff drive it: the
# nightly run on its dates, and between nights the committee, objections (upheld and
# dismissed), an on-site verification, a supplement, a withdrawal, applications for a
# change and a cancellation, and the end of the year where a notice period reaches into
# a year without a holiday calendar. At the end: every case's state, every document,
# every certificate number (no gaps, none reused), and every case's events forming an
# unbroken chain, and the statistics of the year (hdreg stats).
source "$(dirname "$0")/lib.sh"
set -e
DB="$T/y.db"
OUT="$T/out"
"$HDREG" demo-db --db "$DB" >/dev/null
night() { # night DATE EXPECTED-EXIT
  run "$HDREG" run --db "$DB" --date "$1" --out "$OUT"
  expect_eq "$rc" "$2" "run $1 exit ($(err | head -3))"
}
act() { # act EXPECTED-STDOUT hdreg-case-arguments...
  local want=$1
  shift
  run "$HDREG" case "$@" --db "$DB"
  expect_eq "$rc $(out)" "0 $want" "case $1 $3"
}
status() { sql "$DB" "SELECT status FROM cases WHERE number = '$1'"; }

# March 16: the demo night. SQ-2026-0016's legacy full-width code is refused.
night 2026-03-16 1
act "case SQ-2026-0016: move recorded" move --case SQ-2026-0016 --to withdrawn --date 2026-03-16 \
  --actor 登记机构 --reason "申请人撤回，以规范代码重新申请"

# March 17: the committee approves SQ-2026-0032 (ordinary procedure); the objection to
# SQ-2026-0018 is dismissed, so its certificate is issued that night.
act "case SQ-2026-0032: committee recorded" committee --case SQ-2026-0032 --decision approve \
  --date 2026-03-17 --actor 合规委员会 --reason "第三次会议审议通过"
act "objection 2: resolve recorded" resolve --objection 2 --outcome dismissed --date 2026-03-17 \
  --actor 登记机构 --reason "异议人未能提供真实、必要的材料"
night 2026-03-17 0
expect_eq "$(status SQ-2026-0018) $(status SQ-2026-0032)" "certified notice" "March 17"

# March 18: the case held for a manual check gets an on-site verification first.
act "case SQ-2026-0022: move recorded" move --case SQ-2026-0022 --to submitted --date 2026-03-18 \
  --actor 审核员 --reason "现场核验完毕，重新审核"
expect_eq "$(sql "$DB" "SELECT count(*) FROM case_events WHERE case_id = 22")" 2 "held, then back to review"
night 2026-03-18 7
expect_eq "$(status SQ-2026-0022)" "held" "the checks still need a human"
# (6.6 i) The question asked, the case stays held; approved once it is answered (until
# schema 11 this year approved it with the question asked in the same command, unanswered).
act "case SQ-2026-0022: move recorded" move --case SQ-2026-0022 --to held --date 2026-03-19 \
  --actor 审核员 --reason "现场核验" --question "请说明随访数据的授权范围"
q=$(sql "$DB" "SELECT id FROM onsite_questions WHERE case_id = 22")
act "case SQ-2026-0022: answer to on-site question $q recorded" answer --case SQ-2026-0022 --question "$q" \
  --answer "授权书覆盖2024-2026年随访数据" --date 2026-03-19
act "case SQ-2026-0022: move recorded" move --case SQ-2026-0022 --to approved --date 2026-03-19 \
  --actor 审核员 --reason "现场核验确认数据来源合法"
expect_eq "$(sql "$DB" "SELECT question || ' ' || answered FROM onsite_questions WHERE case_id = 22")" "请说明随访数据的授权范围 2026-03-19" "on-site question kept, answered"
night 2026-03-19 0

# March 20: an objection to a case in notice; upheld on the 25th: back to review, which
# approves it again, into a new notice.
act "objection 3 filed against case SQ-2026-0021" object --case SQ-2026-0021 --date 2026-03-20 \
  --objector 某市人民医院 --grounds "数据来源授权存疑" --material "授权书复印件"
run "$HDREG" case object --db "$DB" --case SQ-2026-0021 --date 2026-04-20 --objector x --grounds y
expect_eq "$rc $(err)" "3 hdreg: case object: case SQ-2026-0021: 2026-04-20 is outside its notice period 2026-03-16 to 2026-03-30" "late objection"
act "objection 3: resolve recorded" resolve --objection 3 --outcome upheld --date 2026-03-25 \
  --actor 登记机构 --reason "异议成立，需重新审核授权材料"
night 2026-03-25 0
expect_eq "$(status SQ-2026-0021)" "notice" "reviewed again, in notice again"

# A returned case supplements its materials (recorded with the move) and is reviewed again.
act "case SQ-2026-0040: move recorded, 1 material supplied" move --case SQ-2026-0040 --to submitted \
  --date 2026-03-26 --actor 申请人 --reason "补正第三方评估材料" --material third_party_assessment

# March 31: GS-20260316 has ended: its certificates. The cancellation SQ-2026-0044 was for
# a certificate the transfer SQ-2026-0011 superseded: refused, a person sends it back to
# review, which rejects it (5.1.1).
night 2026-03-31 1
expect_eq "$(err)" "hdreg: case SQ-2026-0044: cancellation: the certificate to cancel is no longer in force; a person must decide (hdreg case move)" "cancellation of a superseded certificate"
act "case SQ-2026-0044: move recorded" move --case SQ-2026-0044 --to submitted --date 2026-04-01 \
  --actor 登记机构 --reason "证书已因转让失效，重新审核"

# April 1: the holder of certificate 20260344000000006X applies for a change, the holder
# of 202603440000000084 for a cancellation.
act "case SQ-2026-0101: change of certificate 20260344000000006X submitted" apply \
  --certificate 20260344000000006X --type change --number SQ-2026-0101 --date 2026-04-01 \
  --description "数据规模更新为1,200,000条记录" --material change_proof:BG-2026-001
act "case SQ-2026-0102: cancel of certificate 202603440000000084 submitted" apply \
  --certificate 202603440000000084 --type cancel --number SQ-2026-0102 --date 2026-04-01 \
  --ground a --material cancellation_statement:ZX-2026-001
night 2026-04-01 0
expect_eq "$(status SQ-2026-0044) $(status SQ-2026-0101) $(status SQ-2026-0102) $(status SQ-2026-0040)" \
  "rejected notice notice notice" "April 1"
night 2026-04-16 0
night 2026-04-20 0

# December 21: a returned case supplements its PIA report and is approved; its notice
# period would run into 2027, for which the calendar has no data: refused, the case
# waits approved. Once the 2027 schedule is imported the next night publishes it.
act "case SQ-2026-0029: move recorded, 1 material supplied" move --case SQ-2026-0029 --to submitted \
  --date 2026-12-21 --actor 申请人 --reason "补正个人信息保护影响评估报告" --material pia_report::2029-12-17
night 2026-12-21 1
expect_eq "$(err)" "hdreg: public notice of 1 approved case not published: no holiday schedule for 2027: the period cannot be computed" "notice into 2027 refused"
expect_eq "$(status SQ-2026-0029)" "approved" "waits, approved"
run "$HDREG" calendar import --db "$DB" tests/e2e/holidays/test-2027.json
expect_eq "$rc" 0 "2027 imported"
night 2026-12-22 0
expect_eq "$(sql "$DB" "SELECT number || ' ' || end_date FROM notices ORDER BY id DESC LIMIT 1")" "GS-20261222 2027-01-06" \
  "10 working days: Dec 23-25, 28-31, Jan 1 off, Jan 4-6"
night 2027-01-07 0

# The year's end state. As the guideline reads (docs/checks.md): SQ-2026-0026 is
# certified (7.2 (2) is advice, not a return for supplement), SQ-2026-0036 waits for its
# security officer (7.5 a asks for one, 补正, it does not refuse), SQ-2026-0046 is with the
# committee (a public-data product applied for under the simplified procedure goes on in
# the ordinary one, 6.1.1, instead of being refused).
expect_eq "$(sql "$DB" "SELECT status || ' ' || count(*) FROM cases GROUP BY status ORDER BY status")" "cancelled 2
certified 29
committee_review 1
held 1
rectify 4
rejected 12
withdrawn 2" "final states"
expect_eq "$(sql "$DB" "SELECT number || ' ' || procedure || ' ' || status FROM cases WHERE number IN ('SQ-2026-0026', 'SQ-2026-0036', 'SQ-2026-0046') ORDER BY number")" "SQ-2026-0026 simplified certified
SQ-2026-0036 simplified rectify
SQ-2026-0046 ordinary committee_review" "the cases the corrected checks decide otherwise"
expect_eq "$(sql "$DB" "SELECT kind || ' ' || count(*) FROM documents GROUP BY kind ORDER BY kind")" "acceptance 24
cancellation 2
certificate 24
committee_opinion 1
notice 7
objection_explain 1
objection_outcome 2
onsite_record 1
refusal 11
review_opinion 32
supplement_request 5" "documents: notices of 16, 17, 19, 25, 31 March, 1 April and 22 December"
expect_eq "$(sql "$DB" "SELECT status || ' ' || count(*) FROM certificates GROUP BY status ORDER BY status")" "cancelled 2
issued 24
superseded 3" "certificates: 5 from 2025 and 24 of this year; 2 transfers/changes of the demo and this year's change superseded, 2 cancelled"
# Numbers: serials 1..N, none missing, none twice.
expect_eq "$(sql "$DB" "SELECT count(*) = max(id) AND count(DISTINCT number) = count(*) FROM certificates")" 1 "no gap, no reuse"
# Every case's events form a chain: each starts where the one before ended.
expect_eq "$(sql "$DB" "SELECT count(*) FROM case_events e WHERE e.from_status <> coalesce((SELECT p.to_status FROM case_events p WHERE p.case_id = e.case_id AND p.id < e.id ORDER BY p.id DESC LIMIT 1), e.from_status)")" 0 "events chain"
expect_eq "$(sql "$DB" "SELECT count(*) FROM cases c WHERE c.status <> coalesce((SELECT to_status FROM case_events e WHERE e.case_id = c.id ORDER BY e.id DESC LIMIT 1), c.status)")" 0 "status = last event"
# The change superseded the old certificate; the cancellation cancelled its certificate.
expect_eq "$(sql "$DB" "SELECT status FROM certificates WHERE number IN ('20260344000000006X', '202603440000000084') ORDER BY number")" "superseded
cancelled" "change and cancellation"

# The year's statistics (docs/stats.md): every figure of 2026, exactly; some recomputed.
# At the year's end SQ-2026-0029 is still in its notice (certified on 2027-01-07) and its
# certificate not yet in force; SQ-2026-0016's withdrawal is the year's one recorded
# withdrawal (the demo's other withdrawn case has no move to date it).
run "$HDREG" stats --db "$DB" --from 2026-01-01 --to 2026-12-31
expect_eq "$rc $(err)" "0 " "stats of the year: exit"
expect_eq "$(out)" "$(cat <<'EOF'
登记统计 2026-01-01 至 2026-12-31（定义见 docs/stats.md）

期间收到的案件（申请日期在期间内）：44
  登记类型（5.1）
      35  first               首次登记
       3  license             许可登记
       1  transfer            转让登记
       2  change              变更登记
       3  cancel              注销登记
  程序（6.1、6.2）
       3  ordinary            普通程序
      41  simplified          简易程序
  期末状态
       0  submitted           待审核
       4  rectify             补正材料
       1  held                暂缓（现场核验）
       1  committee_review    合规委员会审核
       0  approved            审核通过待公示
       1  notice              公示中
      22  certified           已发证
      11  rejected            不予登记
       2  cancelled           已注销
       2  withdrawn           已撤回
  数据类别（4.1.1.3）
       0  personal_attribute  个人属性数据
      13  health_status       健康状况数据
      16  medical_application 医疗应用数据
       4  medical_payment     医疗支付数据
       6  health_resource     卫生资源数据
       5  public_health       公共卫生数据
  数据分级（4.1.2）
       3  1
       7  2
      18  3
      13  4
       3  5

期间的审核决定（6.1.2 b、6.2.2 b）：32
      14  approve             审核通过
       5  rectify             补正材料
       2  hold                暂缓（人工核查）
      11  reject              不予登记
  按条款（以该条款的检查结果为依据的决定数）
  clause                reject rectify    hold
  4.2                        0       1       0
  5.1.1                      2       0       0
  7.1 a                      2       0       0
  7.1 b                      1       0       0
  7.1 c                      1       0       0
  7.1 d                      0       0       2
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

期间办结的案件：37
      23  certified           发证
      11  rejected            不予登记
       2  cancelled           注销
       1  withdrawn           撤回

办理时间（工作日，自收到全部材料至办结，不含撤回）：36 件，中位数 26，第 90 百分位数 43，最短 1，最长 70

各月末有效的证书
  2026-01  2026-01-31       5
  2026-02  2026-02-28       5
  2026-03  2026-03-31      20
  2026-04  2026-04-30      23
  2026-05  2026-05-31      23
  2026-06  2026-06-30      23
  2026-07  2026-07-31      23
  2026-08  2026-08-31      23
  2026-09  2026-09-30      23
  2026-10  2026-10-31      23
  2026-11  2026-11-30      23
  2026-12  2026-12-31      23
EOF
)" "stats of the year"
run "$HDREG" stats --db "$DB" --from 2026-01-01 --to 2026-12-31 --format json
out >"$T/year.json"
expect_eq "$(jq -c '.processing_days' "$T/year.json")" "$(python3 tests/tools/processing_days.py "$DB" 2026-01-01 2026-12-31)" \
  "the year's processing time, recomputed"
expect_eq "$(jq -r '[.received.total, .received.status.notice, .closed.withdrawn, .in_force[-1].certificates] | join(" ")' "$T/year.json")" \
  "$(sql "$DB" "SELECT (SELECT count(*) FROM cases WHERE applied_date LIKE '2026-%') || ' ' || (SELECT count(*) FROM cases c WHERE c.applied_date LIKE '2026-%' AND (SELECT e.to_status FROM case_events e WHERE e.case_id = c.id AND e.at <= '2026-12-31' ORDER BY e.id DESC LIMIT 1) = 'notice') || ' ' || (SELECT count(*) FROM case_events WHERE to_status = 'withdrawn' AND at LIKE '2026-%') || ' ' || (SELECT count(*) FROM certificates c WHERE c.registration_date <= '2026-12-31' AND c.valid_until >= '2026-12-31' AND (c.status = 'issued' OR (c.status = 'superseded' AND (SELECT s.registration_date FROM certificates s WHERE s.id = c.superseded_by) > '2026-12-31') OR (c.status = 'cancelled' AND (SELECT max(e.at) FROM cases k JOIN case_events e ON e.case_id = k.id WHERE k.reg_type = 'cancel' AND k.prior_certificate_id = c.id AND e.to_status = 'cancelled') > '2026-12-31')))")" \
  "the year's cases received, in notice at the end, withdrawn, certificates in force: SQL"
run "$HDREG" stats --db "$DB" --from 2026-01-01 --to 2026-12-31 --format csv
expect_eq "$(out | sed -n '1p;/^in_force,2026-0[34]/p;/^clause_reject,5.1.1/p;/^closed,/p')" "figure,key,value
clause_reject,5.1.1,2
closed,total,37
closed,certified,23
closed,rejected,11
closed,cancelled,2
closed,withdrawn,1
in_force,2026-03,20
in_force,2026-04,23" "the year as CSV: the header, 5.1.1 rejections (SQ-2026-0044 too), closings, March and April"

# History cannot be rewritten, nor the procedure skipped, not even with plain SQL.
try_sql() { sqlite3 "$DB" "$1" 2>&1 | sed -E 's/^(Error|Runtime error)[^:]*: (stepping, )?//; s/ \(19\)$//'; }
expect_eq "$(try_sql "UPDATE cases SET status = 'certified' WHERE number = 'SQ-2026-0028'")" \
  "cases.status changes only through an event in case_events" "status without event"
expect_eq "$(try_sql "DELETE FROM case_events WHERE id = 1")" "case_events is append-only" "delete event"
expect_eq "$(try_sql "UPDATE case_events SET reason = '改写' WHERE id = 1")" "case_events is append-only" "edit event"
# An event added outside hdreg (the shell) is not on the chain: verify names it, and the
# next night refuses to work on the register.
cp "$DB" "$T/shell.db"
sqlite3 "$T/shell.db" "INSERT INTO case_events(case_id, at, from_status, to_status, actor, reason) VALUES (28, '2027-01-08', 'rectify', 'submitted', 'x', 'y')"
run "$HDREG" ledger verify --db "$T/shell.db"
expect_eq "$rc $(err)" "3 hdreg: ledger verify: case_events $(sql "$T/shell.db" "SELECT max(id) FROM case_events") (case SQ-2026-0028) is not on the chain: it was inserted outside hdreg" "event from the shell"
run "$HDREG" case move --db "$DB" --case SQ-2026-0028 --to approved --date 2027-01-08 --actor 审核员 --reason 跳过审核
expect_eq "$rc $(err)" "3 hdreg: case move: case SQ-2026-0028: the procedure says it cannot go from 'rectify' to 'approved' (from 'rectify' it can go to: submitted, withdrawn, rejected (by the nightly run))" "illegal command"
run "$HDREG" case history --db "$DB" --case SQ-2026-0021
expect_eq "$(out | sed "s|$OUT|OUT|")" "2026-03-16  submitted -> approved  hdreg run：审核通过  [OUT/opinions/SQ-2026-0021-2026-03-16.pdf]
2026-03-16  approved -> notice  hdreg run：公示  [OUT/notices/GS-20260316.pdf]
2026-03-25  notice -> submitted  登记机构：异议成立，需重新审核授权材料
2026-03-25  submitted -> approved  hdreg run：审核通过  [OUT/opinions/SQ-2026-0021-2026-03-25.pdf]
2026-03-25  approved -> notice  hdreg run：公示  [OUT/notices/GS-20260325.pdf]
2026-04-16  notice -> certified  hdreg run：公示期满无异议，发证  [OUT/certificates/202604440000000252.pdf]" "history of the case objected to (serial 25: SQ-2026-0026, certified on March 31, took 24)"
done_ok
