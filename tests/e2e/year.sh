# A year of the registration authority, driven from scripts the way staff drive it: the
# nightly run on its dates, and between nights the committee, objections (upheld and
# dismissed), an on-site verification, a supplement, a withdrawal, applications for a
# change and a cancellation, two licences (one expires on June 30, 5.2.1; the other is
# renewed in August, 续展), a supervision (5.3.1) that ends in a cancellation on the
# authority's own motion (5.1.6 d) and the half year's signed supervision report, and the
# end of the year where a notice period reaches into a year without a holiday calendar. At the end: every case's state, every document,
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
# A licence on 20260344000000013M (岐江医院 to a data exchange) comes in from the
# exchange's system: until 2026-06-30, its certificate ending with the licence (5.1.3).
cat >"$T/head.csv" <<'CSV'
@subject,id,name,uscc,kind
@case,number,type,procedure,applicant,counterparty,applied,owner,name,data-class,grade,source,records,bytes,prior-certificate,consideration
@right,case,kind,holder
@material,case,kind,reference,issued,valid-until,issuer
subject,L,广州医科数据交易服务有限公司,91440101MA5CJQ4N59,company
subject,H,中山市岐江医院,12442000457022197J,public_hospital
CSV
{ cat "$T/head.csv"; cat <<'CSV'; } >"$T/lic.csv"
case,HZ-2026-0210,license,simplified,L,H,2026-04-01,H,岐江医院糖尿病专病数据集,medical_application,3,中山市岐江医院电子病历系统、内分泌专科随访平台,420000,9341553868,20260344000000013M,许可使用费人民币30万元
right,HZ-2026-0210,holding,H
right,HZ-2026-0210,use,L
material,HZ-2026-0210,application,,2026-04-01,,
material,HZ-2026-0210,contract,QJ-XK-2026-01,2026-03-30,2026-06-30,
material,HZ-2026-0210,consideration_proof,QJ-ZF-2026-01,2026-03-30,,
material,HZ-2026-0210,authorization,QJ-SQ-2026-01,2026-03-30,2026-06-30,H
CSV
run "$HDREG" import --db "$DB" --date 2026-04-01 "$T/lic.csv"
expect_eq "$rc" 0 "a licence imported ($(err | head -3))"
night 2026-04-01 0
expect_eq "$(status SQ-2026-0044) $(status SQ-2026-0101) $(status SQ-2026-0102) $(status SQ-2026-0040) $(status HZ-2026-0210)" \
  "rejected notice notice notice notice" "April 1"
night 2026-04-16 0
night 2026-04-20 0
# April 21: once it is certified (on April 20), a second licence of the same right (one application per
# certificate at a time, 6.3 a): until 2026-09-30.
{ cat "$T/head.csv"; cat <<'CSV'; } >"$T/lic2.csv"
case,HZ-2026-0211,license,simplified,L,H,2026-04-21,H,岐江医院糖尿病专病数据集,medical_application,3,中山市岐江医院电子病历系统、内分泌专科随访平台,420000,9341553868,20260344000000013M,许可使用费人民币50万元
right,HZ-2026-0211,holding,H
right,HZ-2026-0211,operation,L
material,HZ-2026-0211,application,,2026-04-21,,
material,HZ-2026-0211,contract,QJ-XK-2026-02,2026-03-30,2026-09-30,
material,HZ-2026-0211,consideration_proof,QJ-ZF-2026-02,2026-03-30,,
material,HZ-2026-0211,authorization,QJ-SQ-2026-02,2026-03-30,2026-09-30,H
CSV
run "$HDREG" import --db "$DB" --date 2026-04-21 "$T/lic2.csv"
expect_eq "$rc" 0 "a second licence imported ($(err | head -3))"
night 2026-04-21 0
night 2026-05-11 0
LIC_A=$(sql "$DB" "SELECT c.number FROM certificates c JOIN cases k ON k.id = c.case_id WHERE k.number = 'HZ-2026-0210'")
LIC_B=$(sql "$DB" "SELECT c.number FROM certificates c JOIN cases k ON k.id = c.case_id WHERE k.number = 'HZ-2026-0211'")
expect_eq "$(sql "$DB" "SELECT group_concat(valid_until || ' ' || status, ', ') FROM (SELECT valid_until, status FROM certificates WHERE number IN ('$LIC_A', '$LIC_B') ORDER BY number)")" \
  "2026-06-30 issued, 2026-09-30 issued" "5.1.3 the licence certificates end with their licences"

# May 6: supervision (5.3.1). A complaint says the holder of 20260344000000014Q sells the
# data; the authority orders it to rectify, reports to the regulator, and when it refuses
# cancels the certificate on its own motion (5.1.6 d); the nights carry it out.
SUP=91440104MA9W2E7Q92
run "$HDREG" supervise record --db "$DB" --number JD-2026-0001 --subject "$SUP" --certificate 20260344000000014Q \
  --category privacy --facts "超出登记的使用范围向第三方出售含个人信息的数据" --source "群众举报（XF-2026-044）" \
  --date 2026-05-06 --actor 监督科
expect_eq "$rc $(out)" "0 supervision JD-2026-0001: suspected violation recorded" "May 6: a suspected violation"
run "$HDREG" supervise record --db "$DB" --number JD-2026-0001 --measure "责令15日内停止出售并提交整改报告（粤数登监〔2026〕5号）" \
  --date 2026-05-07 --actor 监督科
expect_eq "$rc $(out)" "0 supervision JD-2026-0001: measure recorded" "May 7: the order to rectify"
run "$HDREG" supervise record --db "$DB" --number JD-2026-0001 --reported-to 广东省互联网信息办公室 \
  --text "报告涉嫌违法处理个人信息情况及已采取的措施" --reference "粤数登报〔2026〕2号" --date 2026-05-08 --actor 监督科
expect_eq "$rc" 0 "the report to the regulator"
act "case SQ-2026-0301: cancellation of certificate 20260344000000014Q on the authority's own motion (5.1.6 d) submitted" \
  cancel --certificate 20260344000000014Q --number SQ-2026-0301 --ground d --date 2026-06-01 --actor 登记机构 \
  --reason "逾期拒不整改" --evidence "other:粤数登监〔2026〕5号" --supervision JD-2026-0001
night 2026-06-01 0
night 2026-06-16 0
expect_eq "$(status SQ-2026-0301) $(sql "$DB" "SELECT status FROM certificates WHERE number = '20260344000000014Q'")" \
  "cancelled cancelled" "June 16: the certificate cancelled (6.5 h)"
run "$HDREG" supervise record --db "$DB" --number JD-2026-0001 --close "证书已依职权注销，结案" --date 2026-06-17 --actor 监督科
expect_eq "$rc $(out)" "0 supervision JD-2026-0001: closed" "closed"
# The half year's supervision report to the supervising department, signed and recorded.
"$HDREG" keygen --keys "$T/k" --name 广东省健康医疗数据产权登记中心 --bits 2048 >/dev/null
run "$HDREG" supervise report --db "$DB" --from 2026-01-01 --to 2026-06-30 --out "$T/jd-2026h1.pdf" --keys "$T/k"
expect_eq "$rc $(pdftotext "$T/jd-2026h1.pdf" - | tr -d '\n ' | grep -o '本期共发现涉嫌违法违规情形1件，其中已结案1件、办理中0件；已向监管部门报告1件；经依职权注销登记（第5.1.6条），已注销登记证书1件。')" \
  "0 本期共发现涉嫌违法违规情形1件，其中已结案1件、办理中0件；已向监管部门报告1件；经依职权注销登记（第5.1.6条），已注销登记证书1件。" "the supervision report of the half year"

# July 1: the first licence ended on June 30 and was not renewed: expired (5.2.1).
night 2026-07-01 0
expect_eq "$(out | grep '^expired')" "expired 1 certificate (validity ended, 5.2.1): $LIC_A" "July 1: the expiry recorded"
# August 3: the licensee renews the second licence with a new contract and authorisation
# to 2027-12-31 (续展: a change with a new validity, 6.4).
act "case XZ-2026-0001: change of certificate $LIC_B submitted" apply --certificate "$LIC_B" --type change \
  --renewal --number XZ-2026-0001 --date 2026-08-03 --material contract:QJ-XK-2026-03:2027-12-31 \
  --material "authorization@12442000457022197J:QJ-SQ-2026-03:2027-12-31" --material change_proof:QJ-XQ-2026-01
night 2026-08-03 0
night 2026-08-18 0
expect_eq "$(sql "$DB" "SELECT c.registration_date || ' ' || c.valid_until || ' ' || c.status || ' ' || (SELECT status FROM certificates WHERE number = '$LIC_B') FROM certificates c JOIN cases k ON k.id = c.case_id WHERE k.number = 'XZ-2026-0001'")" \
  "2026-08-18 2027-12-31 issued superseded" "August 18: renewed to the new licence's end; the old certificate superseded"
night 2026-10-08 0
expect_eq "$(sql "$DB" "SELECT count(*) FROM certificate_expiries")" 1 "the renewed licence does not expire on September 30"

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
expect_eq "$(sql "$DB" "SELECT status || ' ' || count(*) FROM cases GROUP BY status ORDER BY status")" "cancelled 3
certified 32
committee_review 1
held 1
rectify 4
rejected 12
withdrawn 2" "final states"
expect_eq "$(sql "$DB" "SELECT number || ' ' || procedure || ' ' || status FROM cases WHERE number IN ('SQ-2026-0026', 'SQ-2026-0036', 'SQ-2026-0046') ORDER BY number")" "SQ-2026-0026 simplified certified
SQ-2026-0036 simplified rectify
SQ-2026-0046 ordinary committee_review" "the cases the corrected checks decide otherwise"
expect_eq "$(sql "$DB" "SELECT kind || ' ' || count(*) FROM documents GROUP BY kind ORDER BY kind")" "acceptance 28
cancellation 3
certificate 27
committee_opinion 1
notice 10
objection_explain 1
objection_outcome 2
onsite_record 1
refusal 11
review_opinion 36
supervision_report 1
supplement_request 5" "documents: notices of 16, 17, 19, 25, 31 March, 1 and 21 April, 1 June, 3 August and 22 December; the licences', the authority cancellation's and the renewal's"
expect_eq "$(sql "$DB" "SELECT status || ' ' || count(*) FROM certificates GROUP BY status ORDER BY status")" "cancelled 3
issued 25
superseded 4" "certificates: 5 from 2025 and 27 of this year; 2 transfers/changes of the demo, this year's change and the renewed licence superseded, 3 cancelled (one by the authority); the expired licence stays issued (status by date)"
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
# withdrawal (the demo's other withdrawn case has no move to date it). In force at the
# months' ends: the first licence from April 20 to June 30, the second from May 11 (and
# its renewal from August 18), 20260344000000014Q until its cancellation on June 16.
run "$HDREG" stats --db "$DB" --from 2026-01-01 --to 2026-12-31
expect_eq "$rc $(err)" "0 " "stats of the year: exit"
expect_eq "$(out)" "$(cat <<'EOF'
登记统计 2026-01-01 至 2026-12-31（定义见 docs/stats.md）

期间收到的案件（申请日期在期间内）：48
  登记类型（5.1）
      35  first               首次登记
       5  license             许可登记
       1  transfer            转让登记
       3  change              变更登记
       4  cancel              注销登记
  程序（6.1、6.2）
       3  ordinary            普通程序
      45  simplified          简易程序
  期末状态
       0  submitted           待审核
       4  rectify             补正材料
       1  held                暂缓（现场核验）
       1  committee_review    合规委员会审核
       0  approved            审核通过待公示
       1  notice              公示中
      25  certified           已发证
      11  rejected            不予登记
       3  cancelled           已注销
       2  withdrawn           已撤回
  数据类别（4.1.1.3）
       0  personal_attribute  个人属性数据
      13  health_status       健康状况数据
      19  medical_application 医疗应用数据
       4  medical_payment     医疗支付数据
       7  health_resource     卫生资源数据
       5  public_health       公共卫生数据
  数据分级（4.1.2）
       3  1
       8  2
      21  3
      13  4
       3  5

期间的审核决定（6.1.2 b、6.2.2 b）：36
      18  approve             审核通过
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

期间办结的案件：41
      26  certified           发证
      11  rejected            不予登记
       3  cancelled           注销
       1  withdrawn           撤回

办理时间（工作日，自收到全部材料至办结，不含撤回）：40 件，中位数 24.5，第 90 百分位数 43，最短 1，最长 70

各月末有效的证书
  2026-01  2026-01-31       5
  2026-02  2026-02-28       5
  2026-03  2026-03-31      20
  2026-04  2026-04-30      24
  2026-05  2026-05-31      25
  2026-06  2026-06-30      24
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
closed,total,41
closed,certified,26
closed,rejected,11
closed,cancelled,3
closed,withdrawn,1
in_force,2026-03,20
in_force,2026-04,24" "the year as CSV: the header, 5.1.1 rejections (SQ-2026-0044 too), closings, March and April"

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
