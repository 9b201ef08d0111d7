# `hdreg check --as-of D` is the review of date D: the same result before and after later
# nights, and the findings the night of D recorded. The case the checks read is the case
# as it stood on D: the prior certificate's status then (a change certified on D does not
# make its own prior certificate "superseded" for its review; what another case did on D
# had not happened at the review, which the night runs before its certificates), the
# objections filed by then with their status then.
source "$(dirname "$0")/lib.sh"
set -e
DB="$T/a.db"
OUT="$T/out"
VIEW=tests/e2e/packs/asof
"$HDREG" demo-db --db "$DB" >/dev/null
DEMO=$(sql "$DB" "SELECT number FROM cases ORDER BY id")
night() {
  run "$HDREG" run --db "$DB" --date "$1" --out "$OUT"
  expect_eq "$rc" "$2" "run $1 exit ($(err | head -2))"
}
act() { run "$HDREG" case "$@" --db "$DB"; expect_eq "$rc" 0 "case $1 ($(err))"; }
# Every demo case as of a date: the --all lines (decision and what is not a pass), then
# each case's JSON, one line per finding (outcome, message, evidence, route), with the
# view the pack above shows.
snapshot() {
  "$HDREG" check --db "$DB" --all --as-of "$1" 2>/dev/null | sed '/^$/,$d' | grep -F -f <(echo "$DEMO" | sed 's/$/ /')
  for n in $DEMO; do "$HDREG" check --db "$DB" --case "$n" --as-of "$1" --checks $VIEW --format json; done |
    python3 -c "
import json, sys
text, at = sys.stdin.read(), 0
while text[at:].strip():
    d, end = json.JSONDecoder().raw_decode(text[at:].lstrip())
    at += len(text[at:]) - len(text[at:].lstrip()) + end
    n = d['case_number']
    print(n, 'decision', d['decision'], 'route', d.get('route', '-'))
    for c in d['checks']:
        print(n, c['id'], c['outcome'], c['message'], json.dumps(c['evidence'], ensure_ascii=False), c.get('route', '-'))"
}
view() { # view CASE DATE: the decision and what the view said
  "$HDREG" check --db "$DB" --case "$1" --as-of "$2" --checks $VIEW --format json |
    python3 -c "import json,sys; d=json.load(sys.stdin); print(d['decision'], [c['message'] for c in d['checks'] if c['id'] == 'asof.view'][0])"
}

before=$(snapshot 2026-03-16)
night 2026-03-16 1
after_first=$(snapshot 2026-03-16)

# The bug this guards: SQ-2026-0012 (a change of certificate 20250944000000003F) was
# certified on March 16; its prior certificate is now superseded, by the case itself.
expect_eq "$(sql "$DB" "SELECT c.status || ' ' || k.number FROM certificates c JOIN certificates s ON s.id = c.superseded_by JOIN cases k ON k.id = s.case_id WHERE c.number = '20250944000000003F'")" \
  "superseded SQ-2026-0012" "the change superseded its certificate"
expect_eq "$(view SQ-2026-0012 2026-03-16)" "approve 20250944000000003F issued first [广州市珠江中心医院] 2 珠江中心医院医学影像数据集（胸部CT） | " \
  "5.1.1 of a change certified on the date: its prior certificate was in force then"
expect_eq "$(view SQ-2026-0012 2026-06-01)" "approve 20250944000000003F issued first [广州市珠江中心医院] 2 珠江中心医院医学影像数据集（胸部CT） | " \
  "what a case did itself is never a fact it is reviewed on"
# The transfer SQ-2026-0011 superseded certificate 202508440000000027 on March 16: the
# cancellation SQ-2026-0044 reviewed that night saw it in force; reviewed later, not.
expect_eq "$(view SQ-2026-0044 2026-03-16)" "approve 202508440000000027 issued first [广东粤康医疗大数据有限公司] 3 粤康区域慢病随访数据集 | " \
  "superseded on the date by another case: still in force at the review"
expect_eq "$(view SQ-2026-0044 2026-03-17)" "reject 202508440000000027 superseded first [广东粤康医疗大数据有限公司] 3 粤康区域慢病随访数据集 | " \
  "superseded before the date by another case"
"$HDREG" check --db "$DB" --case SQ-2026-0044 --as-of 2026-03-17 --format json >"$T/44.json"
expect_eq "$(python3 -c "import json; print([c['message'] for c in json.load(open('$T/44.json'))['checks'] if c['id'] == '5.1.1-first-registration'][0])")" \
  "关联证书202508440000000027在审核日的状态为“已被新证书替代”，不是有效证书" "its 5.1.1 message"
# A certificate before its registration date was not issued yet.
expect_eq "$(view SQ-2026-0012 2025-09-01)" "reject 20250944000000003F pending first [广州市珠江中心医院] 2 珠江中心医院医学影像数据集（胸部CT） | " \
  "before the prior certificate's registration date"

# The night's findings are what check --as-of says for its date: every case reviewed on
# March 16, finding by finding, message by message. The one exception is the routed case:
# SQ-2026-0046 (a public-data product applied for under the simplified procedure) goes on
# in the ordinary procedure, so 6.1.1 now finds it in the right one.
for n in $(sql "$DB" "SELECT k.number FROM decisions d JOIN cases k ON k.id = d.case_id WHERE d.as_of = '2026-03-16' ORDER BY k.id"); do
  "$HDREG" check --db "$DB" --case "$n" --as-of 2026-03-16 --format json | python3 -c "
import json, sys
d = json.load(sys.stdin)
print(d['case_number'], d['decision'])
for c in d['checks']: print(' ', c['id'], c['outcome'], c['message'])"
done >"$T/checked"
sql "$DB" "SELECT k.number || ' ' || d.decision FROM decisions d JOIN cases k ON k.id = d.case_id WHERE d.as_of = '2026-03-16' ORDER BY k.id" >"$T/decisions"
expect_eq "$(grep -v '^ ' "$T/checked")" "$(cat "$T/decisions")" "the decisions the night recorded"
sql "$DB" "SELECT k.number, f.check_id, f.outcome, f.message FROM findings f JOIN cases k ON k.id = f.case_id WHERE f.as_of = '2026-03-16' ORDER BY k.id, f.id" |
  awk -F'|' '$1 != last { last = $1 } { print "  " $2 " " $3 " " $4 }' >"$T/recorded"
expect_eq "$(grep '^ ' "$T/checked" | sed 's/^ *//' | grep -v '^6.1.1-ordinary-procedure pass 程序适用正确（普通程序）$')" \
  "$(sed 's/^ *//' "$T/recorded" | grep -v '^6.1.1-ordinary-procedure pass 公共数据产品应适用普通程序，申请适用了简易程序，转入普通程序审核$')" \
  "the findings the night recorded"
expect_eq "$(sql "$DB" "SELECT procedure || ' ' || status FROM cases WHERE number = 'SQ-2026-0046'")" "ordinary committee_review" "routed"

# More nights and the work between them: the committee, an objection dismissed, a case
# sent back after its on-site verification, a change and a cancellation applied for and
# carried out, certificates issued, superseded and cancelled.
act move --case SQ-2026-0016 --to withdrawn --date 2026-03-16 --actor 登记机构 --reason 申请人撤回
act committee --case SQ-2026-0032 --decision approve --date 2026-03-17 --actor 合规委员会 --reason 审议通过
act resolve --objection 2 --outcome dismissed --date 2026-03-17 --actor 登记机构 --reason 异议不成立
act move --case SQ-2026-0022 --to submitted --date 2026-03-18 --actor 审核员 --reason 现场核验完毕
night 2026-03-17 0
night 2026-03-31 1
act move --case SQ-2026-0044 --to submitted --date 2026-04-01 --actor 登记机构 --reason 证书已因转让失效
act apply --certificate 20260344000000006X --type change --number SQ-2026-0101 --date 2026-04-01 \
  --description "数据规模更新" --material change_proof:BG-1
act apply --certificate 202603440000000084 --type cancel --number SQ-2026-0102 --date 2026-04-01 \
  --ground a --material cancellation_statement:ZX-1
night 2026-04-01 0
night 2026-04-16 0
night 2026-04-20 0
expect_eq "$(sql "$DB" "SELECT number || ' ' || status FROM certificates WHERE number IN ('20260344000000006X', '202603440000000084', '202508440000000027') ORDER BY number")" \
  "202508440000000027 superseded
20260344000000006X superseded
202603440000000084 cancelled" "certificates superseded and cancelled since"

expect_eq "$(snapshot 2026-03-16)" "$after_first" "check --as-of 2026-03-16 after later nights: the same, exactly"
# Before the first night the register said the same about March 16, but for what the
# night itself changed: the routed case's procedure (its 6.1.1 message).
expect_eq "$(echo "$before" | grep -v '^SQ-2026-0046 \(decision\|6.1.1-ordinary-procedure\) ')" \
  "$(echo "$after_first" | grep -v '^SQ-2026-0046 \(decision\|6.1.1-ordinary-procedure\) ')" "before the night of 2026-03-16: the same but for the routed case"
expect_eq "$(echo "$before" | grep '^SQ-2026-0046 \(decision\|6.1.1-ordinary-procedure\) ')" \
  "SQ-2026-0046 decision approve route ordinary
SQ-2026-0046 6.1.1-ordinary-procedure pass 公共数据产品应适用普通程序，申请适用了简易程序，转入普通程序审核 [{\"field\": \"procedure\", \"found\": \"简易程序\", \"wanted\": \"普通程序\"}] ordinary" "before the night: the route"
expect_eq "$(echo "$after_first" | grep '^SQ-2026-0046 \(decision\|6.1.1-ordinary-procedure\) ')" \
  "SQ-2026-0046 decision approve route -
SQ-2026-0046 6.1.1-ordinary-procedure pass 程序适用正确（普通程序） [] -" "after it: in the ordinary procedure"

# Objections: filed by the date, with their status then.
expect_eq "$(view SQ-2026-0018 2026-03-16)" "approve - | 2026-02-26:open:nil" "dismissed on March 17: open on March 16"
expect_eq "$(view SQ-2026-0018 2026-03-17)" "approve - | 2026-02-26:dismissed:2026-03-17" "dismissed on March 17"
expect_eq "$(view SQ-2026-0018 2026-02-25)" "approve - | " "not filed yet"
# The cancellation carried out on April 16 does not make its own certificate cancelled.
expect_eq "$(view SQ-2026-0102 2026-04-20)" "approve 202603440000000084 issued first [广东省南粤公共卫生数据运营有限公司] 3 广东省公共卫生监测数据产品（传染病疫情趋势） | " \
  "a cancellation's own effect"
done_ok
