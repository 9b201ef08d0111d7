# A cancellation on the authority's own motion (5.1.6 c-e) and the applications open on the
# same certificate: they wait for it, whatever their status (the night neither reviews,
# publishes nor certifies them), and are refused by the night that carries it out (6.5 h:
# 审核通过的，应对外公示及注销), each with its 不予登记决定书 the same night; a cancellation
# withdrawn lets its application go on. Exact statuses, events, letters and report lines.
source "$(dirname "$0")/lib.sh"
set -e
DB="$T/p.db"
OUT="$T/out"
demo_night
status() { sql "$DB" "SELECT status FROM cases WHERE number = '$1'"; }
statuses() { local s=""; for c in "$@"; do s="$s $(status "$c")"; done; echo "${s# }"; }
night() { run "$HDREG" run --db "$DB" --date "$1" --out "$OUT"; }

# Two changes on notice (applied 2026-04-01, approved and published on 2026-04-02, the
# notice ends 2026-04-17), a third applied on 2026-04-03, not yet reviewed.
for c in "20260344000000006X SQ-2026-0101 2026-04-01" "202603440000000071 SQ-2026-0102 2026-04-01"; do
  set -- $c
  run "$HDREG" case apply --db "$DB" --certificate "$1" --type change --number "$2" --date "$3" \
    --description 数据规模更新 --material change_proof:BG-1
done
night 2026-04-02
expect_eq "$(statuses SQ-2026-0101 SQ-2026-0102) $(sql "$DB" "SELECT notice_end FROM cases WHERE number = 'SQ-2026-0101'")" \
  "notice notice 2026-04-17" "two changes on notice"
run "$HDREG" case apply --db "$DB" --certificate 20260344000000013M --type change --number SQ-2026-0103 \
  --date 2026-04-03 --description 数据规模更新 --material change_proof:BG-3

# The authority opens a cancellation of each certificate: taken in although an application
# is open (5.1.6 c-e cancel the right itself); the application waits, untouched.
cancel() {
  run "$HDREG" case cancel --db "$DB" --certificate "$1" --number "$2" --ground e --date 2026-04-03 \
    --actor 登记机构 --reason 涉及公共利益 --evidence "other:粤卫函〔2026〕9号"
}
cancel 20260344000000006X SQ-2026-0201
expect_eq "$rc $(out)" "0 case SQ-2026-0201: cancellation of certificate 20260344000000006X on the authority's own motion (5.1.6 e) submitted
waiting for this cancellation (refused if it is carried out, 6.5 h): case SQ-2026-0101 (change, notice)" \
  "5.1.6 e taken in beside an application on notice"
cancel 202603440000000071 SQ-2026-0202
cancel 20260344000000013M SQ-2026-0203
expect_eq "$rc $(out)" "0 case SQ-2026-0203: cancellation of certificate 20260344000000013M on the authority's own motion (5.1.6 e) submitted
waiting for this cancellation (refused if it is carried out, 6.5 h): case SQ-2026-0103 (change, submitted)" \
  "5.1.6 e taken in beside an application not yet reviewed"
expect_eq "$(sql "$DB" "SELECT count(*) FROM case_events e JOIN cases k ON k.id = e.case_id WHERE k.number = 'SQ-2026-0103'")" \
  "0" "6 the waiting application is not moved: a withdrawal is the applicant's"
run "$HDREG" case apply --db "$DB" --certificate 20260344000000013M --type change --number SQ-2026-0104 \
  --date 2026-04-03 --description x
expect_eq "$rc $(err)" "3 hdreg: case apply: case SQ-2026-0104: certificate 20260344000000013M already has an open application, case SQ-2026-0103 (change, submitted): one application per certificate at a time; the next is taken once that one is decided or withdrawn (6.3 a, 6.4 a, 6.5 a)" \
  "no new application meanwhile"

# The night reviews and publishes the cancellations, not the application that waits.
night 2026-04-07
expect_eq "$(statuses SQ-2026-0201 SQ-2026-0202 SQ-2026-0203 SQ-2026-0103) $(sql "$DB" "SELECT count(*) FROM findings f JOIN cases k ON k.id = f.case_id WHERE k.number = 'SQ-2026-0103'")" \
  "notice notice notice submitted 0" "6.5 h the cancellations on notice; SQ-2026-0103 not reviewed"
expect_eq "$(sql "$DB" "SELECT notice_end FROM cases WHERE number = 'SQ-2026-0201'")" "2026-04-21" "the cancellations' notice"
run "$HDREG" case list --db "$DB" --waiting --date 2026-04-07
expect_eq "$(out | grep -E '^SQ-2026-010[123] ' | sed 's/  since.*working days//')" \
  "SQ-2026-0101  notice  notice GS-20260402 ends 2026-04-17  公示
SQ-2026-0102  notice  notice GS-20260402 ends 2026-04-17  公示
SQ-2026-0101  cancellation (notice)  证书20260344000000006X正由登记机构依职权注销（5.1.6 e，案件SQ-2026-0201）：注销的，本申请不予登记；不予注销或撤回的，继续办理
SQ-2026-0102  cancellation (notice)  证书202603440000000071正由登记机构依职权注销（5.1.6 e，案件SQ-2026-0202）：注销的，本申请不予登记；不予注销或撤回的，继续办理
SQ-2026-0103  cancellation (submitted)  证书20260344000000013M正由登记机构依职权注销（5.1.6 e，案件SQ-2026-0203）：注销的，本申请不予登记；不予注销或撤回的，继续办理" \
  "the waiting list says what each waits for (two of them also their notice)"

# One cancellation is withdrawn by the authority: its application goes on.
run "$HDREG" case move --db "$DB" --case SQ-2026-0202 --to withdrawn --date 2026-04-10 --actor 登记机构 \
  --reason 经复核，公共利益情形不成立
expect_eq "$rc" 0 "the cancellation of 202603440000000071 withdrawn"

# 2026-04-20: the changes' notice has ended without objection. SQ-2026-0102 is certified;
# SQ-2026-0101 is not (its certificate may be cancelled: the notice of that ends 04-21).
night 2026-04-20
expect_eq "$(statuses SQ-2026-0101 SQ-2026-0102 SQ-2026-0103 SQ-2026-0201)" "notice certified submitted notice" \
  "6.5 h the waiting change is not certified at its notice's end; the one whose cancellation was withdrawn is"
expect_eq "$(sql "$DB" "SELECT count(*) FROM certificates c JOIN cases k ON k.id = c.case_id WHERE k.number = 'SQ-2026-0101'")" \
  "0" "no certificate allocated for the waiting change"

# 2026-04-22: the cancellations are carried out; each application open on the cancelled
# certificates is refused the same night, from the status it waited in, with its letter.
night 2026-04-22
expect_eq "$(out | grep -E '^(cancelled|refused)')" "cancelled 2 certificates
refused 2 applications open on a cancelled certificate (5.1.6, 6.5 h)" "the night's report"
expect_eq "$(statuses SQ-2026-0101 SQ-2026-0103 SQ-2026-0201 SQ-2026-0203)" "rejected rejected cancelled cancelled" \
  "5.1.6 e carried out: the certificates cancelled, their applications refused"
expect_eq "$(sql "$DB" "SELECT k.number || ' ' || e.at || ' ' || e.from_status || ' -> ' || e.to_status || ' ' || e.actor || ' ' || e.reason FROM case_events e JOIN cases k ON k.id = e.case_id WHERE k.number IN ('SQ-2026-0101', 'SQ-2026-0103') AND e.to_status = 'rejected' ORDER BY k.number")" \
  "SQ-2026-0101 2026-04-22 notice -> rejected hdreg run 证书20260344000000006X已由登记机构依职权注销（5.1.6 e，案件SQ-2026-0201），申请登记所涉的权利已不存在
SQ-2026-0103 2026-04-22 submitted -> rejected hdreg run 证书20260344000000013M已由登记机构依职权注销（5.1.6 e，案件SQ-2026-0203），申请登记所涉的权利已不存在" \
  "6.5 h the refusals, naming the cancellation"
expect_eq "$(sql "$DB" "SELECT k.number || ' ' || d.kind || ' ' || d.created_date FROM letters l JOIN cases k ON k.id = l.case_id JOIN documents d ON d.id = l.document_id WHERE k.number IN ('SQ-2026-0101', 'SQ-2026-0103') ORDER BY k.number")" \
  "SQ-2026-0101 refusal 2026-04-22
SQ-2026-0103 refusal 2026-04-22" "each 不予登记决定书 written the same night"
letter=$(sql "$DB" "SELECT d.path FROM letters l JOIN cases k ON k.id = l.case_id JOIN documents d ON d.id = l.document_id WHERE k.number = 'SQ-2026-0103'")
expect_eq "$(pdftotext "$letter" - | tr -d ' \n\f' | sed 's/第1页共1页//')" \
  "不予登记决定书编号：SQ-2026-0103-BY-20260422中山市岐江医院：你单位于2026年4月3日提交的“岐江医院糖尿病专病数据集”变更登记申请（申请编号：SQ-2026-0103），因申请所涉证书已注销（5.1.6、6.5h），本机构决定不予登记。理由：证书20260344000000013M已由登记机构依职权注销（5.1.6e，案件SQ-2026-0203），申请登记所涉的权利已不存在，本申请无从登记。申请人如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法提起行政诉讼。广东省健康医疗数据产权登记中心2026年4月22日" \
  "the letter's text"
expect_eq "$(pdffonts "$letter" 2>&1 >/dev/null; qpdf --check "$letter" 2>&1 | grep -c 'No syntax or stream encoding errors')" "1" "the letter is a clean PDF (no poppler warning, qpdf --check)"
run "$HDREG" case list --db "$DB" --waiting --date 2026-04-22
expect_eq "$(out | grep -cE '^SQ-2026-0(10[123]|20[123]) ' || true)" "0" "nothing left waiting"
# A night run again changes nothing.
before=$(sql "$DB" "SELECT count(*) FROM case_events")
night 2026-04-22
expect_eq "$(sql "$DB" "SELECT count(*) FROM case_events") $(out | grep -c '^refused' || true)" "$before 0" "run again: nothing more"
intact "the authority's cancellations carried out"
done_ok
