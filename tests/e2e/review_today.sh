# Today's procedure, waivers and checkpoints attacked from the command line (review 6):
# each refusal with its exact message and exit code, nothing written, the register intact.
source "$(dirname "$0")/lib.sh"
set -e
DB="$T/r.db"
OUT="$T/out"
demo_night

# ---- a certificate in force is one within its validity (5.1.1, 5.2.1 有效期限) ----------
# 20250644000000001R was registered on 2025-06-20 and is valid until 2028-06-20: an
# application dated after its validity, or before it was registered, concerns no
# certificate in force on that day.
cases=$(count cases)
run "$HDREG" case apply --db "$DB" --certificate 20250644000000001R --type change \
  --number RV-2029-0001 --date 2028-06-21 --description 数据规模更新
expect_eq "$rc $(err)" "3 hdreg: case apply: case RV-2029-0001: certificate 20250644000000001R was valid until 2028-06-20, before the application of 2028-06-21: only a certificate in force can be licensed, transferred, changed or cancelled (5.1.1, 5.2.1)" \
  "an expired certificate is not in force"
run "$HDREG" case apply --db "$DB" --certificate 20250644000000001R --type cancel --ground a \
  --number RV-2025-0001 --date 2025-06-19
expect_eq "$rc $(err)" "3 hdreg: case apply: case RV-2025-0001: certificate 20250644000000001R was registered on 2025-06-20, after the application of 2025-06-19: only a certificate in force can be licensed, transferred, changed or cancelled (5.1.1, 5.2.1)" \
  "an application dated before the certificate existed"
run "$HDREG" case cancel --db "$DB" --certificate 20250644000000001R --number RV-2029-0002 --ground e \
  --date 2028-07-01 --actor 登记机构 --reason x --evidence other:X
expect_eq "$rc $(err)" "3 hdreg: case cancel: case RV-2029-0002: certificate 20250644000000001R was valid until 2028-06-20, before the application of 2028-07-01: only a certificate in force can be licensed, transferred, changed or cancelled (5.1.1, 5.2.1)" \
  "the authority's cancellation of an expired certificate"
# The last day of its validity is still in force.
run "$HDREG" case apply --db "$DB" --certificate 20250644000000001R --type change \
  --number RV-2028-0001 --date 2028-06-20 --description 数据规模更新
expect_eq "$rc $(out)" "0 case RV-2028-0001: change of certificate 20250644000000001R submitted" "the last day of the validity"
expect_eq "$(count cases)" "$((cases + 1))" "the refusals wrote nothing"
intact "the validity refusals"
# ---- what a person writes is printable: a letter it goes into could never be written ----
entries=$(sql "$DB" "SELECT count(*) FROM ledger")
run "$HDREG" case committee --db "$DB" --case SQ-2026-0032 --decision reject --date 2026-03-20 --actor 委员会 \
  --reason "$(printf '来源不明\xe2\x80\xae')"
expect_eq "$rc $(err)" "3 hdreg: case committee: --reason: bidi control U+202E (RIGHT-TO-LEFT OVERRIDE) at character 5: it is never printed on a document; write the text without it" \
  "a bidi control in a committee's reason"
run "$HDREG" case move --db "$DB" --case SQ-2026-0022 --to submitted --date 2026-03-18 --actor "$(printf '审核员\a')" --reason x
expect_eq "$rc $(err)" "3 hdreg: case move: --actor: control character U+0007 at character 4: it is never printed on a document; write the text without it" \
  "a control character in the actor"
expect_eq "$(sql "$DB" "SELECT count(*) FROM ledger")" "$entries" "nothing written"
# ---- on-site answers (6.6 i): not before the question, a question by its number -------
run "$HDREG" case move --db "$DB" --case SQ-2026-0022 --to held --date 2026-03-18 --actor 审核员 \
  --reason 现场核验 --question 请说明随访数据的授权范围
expect_eq "$rc $(out)" "0 case SQ-2026-0022: move recorded" "6.6 question asked"
q=$(sql "$DB" "SELECT id FROM onsite_questions WHERE case_id = 22")
run "$HDREG" case answer --db "$DB" --case SQ-2026-0022 --question "$q" --answer 早答 --date 2026-03-17
expect_eq "$rc $(err)" "3 hdreg: case answer: case SQ-2026-0022: on-site question $q was asked on 2026-03-18: its answer cannot be dated 2026-03-17, before it" \
  "6.6 i an answer dated before its question"
run "$HDREG" case answer --db "$DB" --case SQ-2026-0022 --question 99999999999999999999 --answer x --date 2026-03-19
expect_eq "$rc $(err)" "2 hdreg: case answer: --question '99999999999999999999' must be the question's number" \
  "a question number out of range is not taken for another"
expect_eq "$(sql "$DB" "SELECT quote(answered) FROM onsite_questions WHERE id = $q")" "NULL" "refused: nothing answered"
run "$HDREG" case answer --db "$DB" --case SQ-2026-0022 --question "$q" --answer 当日答复 --date 2026-03-18
expect_eq "$rc $(out)" "0 case SQ-2026-0022: answer to on-site question $q recorded" "answered the day it was asked"
intact "the on-site answers"
# ---- materials supplied: KIND[:REFERENCE[:VALID-UNTIL]] as given, or refused ----------
# A validity that is not a date is not taken into the reference (the material would then
# have none, valid for ever); a reference is not cut short (nor its validity with it).
mat() { run "$HDREG" case move --db "$DB" --case SQ-2026-0036 --to submitted --date 2026-03-20 \
  --actor 申请人 --reason 补正 --material "$@"; }
mats=$(count materials)
mat contract:HT-1:2026-02-30
expect_eq "$rc $(err)" "2 hdreg: case move: --material 'contract:HT-1:2026-02-30': its valid-until '2026-02-30' is not a valid date YYYY-MM-DD (to keep it in the reference, end the material with ':')" \
  "a valid-until that is no date"
mat contract:HT-1:2027-1-1
expect_eq "$rc $(err)" "2 hdreg: case move: --material 'contract:HT-1:2027-1-1': its valid-until '2027-1-1' is not a valid date YYYY-MM-DD (to keep it in the reference, end the material with ':')" \
  "a valid-until not written YYYY-MM-DD"
mat "contract:$(printf 'a%.0s' $(seq 1100)):2027-01-01"
expect_eq "$rc $(err)" "2 hdreg: case move: --material of kind 'contract': its reference is longer than 1000 bytes" \
  "a reference too long is refused, not cut"
expect_eq "$(count materials) $(sql "$DB" "SELECT status FROM cases WHERE number = 'SQ-2026-0036'")" "$mats rectify" "refused: nothing written, nothing moved"
mat "contract:HT:2026-01:" --material "authorization:(2026)粤授字第1号:2027-03-31" --material "other::"
expect_eq "$rc $(out)" "0 case SQ-2026-0036: move recorded, 3 materials supplied" "materials with colons in the reference"
expect_eq "$(sql "$DB" "SELECT kind || ' ' || quote(reference) || ' ' || quote(valid_until) FROM materials WHERE case_id = 36 AND issued_date = '2026-03-20' ORDER BY id")" \
  "contract 'HT:2026-01' NULL
authorization '(2026)粤授字第1号' '2027-03-31'
other NULL NULL" "the reference and its validity as given"
run "$HDREG" case cancel --db "$DB" --certificate 202603440000000071 --number RV-2026-0201 --ground d \
  --date 2026-04-03 --actor 登记机构 --reason 拒不整改 --evidence rectification_notice:ZG-1
expect_eq "$rc $(err)" "2 hdreg: case cancel: --evidence 'rectification_notice:ZG-1': 'rectification_notice' is not a kind of material the register keeps (docs/import.md lists them)" \
  "the evidence named as --evidence"
intact "the materials"
# ---- the checkpoints published, counted across a crash --------------------------------
# Killed (kill -9) between a checkpoint's note and its count: the file holds one note more
# than the register counted. The rerun has nothing new to publish, but counts the note,
# or the file could later lose it unnoticed.
K=$T/keys C=$T/c.db CO=$T/co
"$HDREG" keygen --keys "$K" --name 广东省健康医疗数据产权登记中心 >/dev/null
"$HDREG" demo-db --db "$C" >/dev/null
run "$HDREG" run --db "$C" --date 2026-03-16 --keys "$K" --out "$CO"
expect_eq "$rc $(sql "$C" "SELECT value FROM counters WHERE name = 'checkpoints_published'")" "1 1" "night 1: one checkpoint"
HDREG_FAULT=crash-after-checkpoint run "$HDREG" run --db "$C" --date 2026-04-16 --keys "$K" --out "$CO"
expect_eq "$rc $(grep -c '^hdreg.example/guangdong$' "$CO/checkpoints.txt") $(sql "$C" "SELECT value FROM counters WHERE name = 'checkpoints_published'")" \
  "137 2 1" "night 2 killed after its note, before its count"
run "$HDREG" run --db "$C" --date 2026-04-16 --keys "$K" --out "$CO"
expect_eq "$(out | tail -1)" "checkpoint: nothing new since the last one (2015 entries, 2026-04-16), in $CO/checkpoints.txt" "the rerun: nothing new"
expect_eq "$(grep -c '^hdreg.example/guangdong$' "$CO/checkpoints.txt") $(sql "$C" "SELECT value FROM counters WHERE name = 'checkpoints_published'")" \
  "2 2" "the rerun counts the note the crash left uncounted"
run "$HDREG" ledger verify --db "$C" --keys "$K" --checkpoints "$CO/checkpoints.txt"
expect_eq "$rc" 0 "intact with its checkpoints"
sed -n 1,6p "$CO/checkpoints.txt" >"$T/cut.txt"
run "$HDREG" ledger verify --db "$C" --keys "$K" --checkpoints "$T/cut.txt"
expect_eq "$rc $(err)" "3 hdreg: ledger verify: '$T/cut.txt' holds 1 checkpoint, but this register has published 2: the file was removed or cut back; restore it from the published copy (hdreg ledger verify --checkpoints checks it)" \
  "the file cut back to before the crash's note is refused"
run "$HDREG" run --db "$C" --date 2026-04-16 --keys "$K" --out "$CO"
expect_eq "$(grep -c '^hdreg.example/guangdong$' "$CO/checkpoints.txt") $(sql "$C" "SELECT value FROM counters WHERE name = 'checkpoints_published'") $(out | tail -1 | cut -d' ' -f1-4)" \
  "2 2 checkpoint: nothing new since" "and counts it once"
# ---- a cancellation by a co-holder (5.1.2, 5.1.6 a) -----------------------------------
# 20260344000000011F: holding and use held by 广东粤康医疗大数据有限公司, operation by
# 深圳市前海健康保险科技有限公司 (transferred to it by SQ-2026-0011). The operation right's
# holder may apply to cancel the certificate (5.1.6 a 登记主体主动申请注销), but it ends the
# other holder's rights too (5.1.2): the check asks for that holder's written consent
# (补正) and approves once it is supplied. On a copy of the register.
CH=$T/coholder.db
cp "$DB" "$CH"
cat >"$T/coholder.csv" <<'CSV'
@subject,id,name,uscc,kind
@case,number,type,procedure,applicant,applied,owner,name,data-class,grade,source,records,bytes,prior-certificate,cancel-ground
@right,case,kind,holder
subject,Q,深圳市前海健康保险科技有限公司,91440300MA5G4U6W47,company
case,HZ-2026-0301,cancel,simplified,Q,2026-04-02,Q,保险理赔数据集,medical_payment,3,理赔系统,5000,200000,20260344000000011F,a
right,HZ-2026-0301,operation,Q
CSV
run "$HDREG" import --db "$CH" --date 2026-04-02 "$T/coholder.csv"
expect_eq "$rc $(out)" "0 import 1: imported 1 case, 0 subjects (1 already in the register), 0 certificates and 1 other record from $T/coholder.csv (UTF-8, 429 bytes)" \
  "5.1.6 a a co-holder's cancellation is taken in"
run "$HDREG" run --db "$CH" --date 2026-04-02 --out "$T/coholder-out"
expect_eq "$(sql "$CH" "SELECT status FROM cases WHERE number = 'HZ-2026-0301'")" rectify "5.1.6 a without the other holder's consent: 补正"
expect_eq "$(sql "$CH" "SELECT f.message FROM findings f JOIN cases c ON c.id = f.case_id WHERE c.number = 'HZ-2026-0301' AND f.check_id = '5.1.6-holder-consent'")" \
  "证书20260344000000011F还记载了其他权利人广东粤康医疗大数据有限公司，注销需提交其本人出具的同意注销的书面材料（授权书）" \
  "5.1.6 a the other holder named"
# The request to supplement names whose consent is wanted (the material's issuer, 5.1.2).
expect_eq "$(pdftotext "$(sql "$CH" "SELECT d.path FROM documents d JOIN cases c ON c.id = d.case_id WHERE c.number = 'HZ-2026-0301' AND d.kind = 'supplement_request'")" - | tr -d '\n' | grep -o '（2）补充提交[^（]*（[^）]*）。')" \
  "（2）补充提交广东粤康医疗大数据有限公司出具的《授权书》（5.1.6 a, 5.1.2；审核发现：未提交广东粤康医疗大数据有限公司出具的《授权书》）。" \
  "5.1.2 the letter asks for the consent issued by the other holder"
run "$HDREG" case move --db "$CH" --case HZ-2026-0301 --to submitted --date 2026-04-03 --actor 审核员 \
  --reason 补正 --material authorization@91440100MA59UT8K1E:GY-CONSENT-1 --material application:APP-1 --material cancellation_statement:CS-1
expect_eq "$rc $(out)" "0 case HZ-2026-0301: move recorded, 3 materials supplied" "the consent supplied"
run "$HDREG" check --db "$CH" --case HZ-2026-0301 --as-of 2026-04-03
expect_eq "$rc $(out | sed -n 2p)" "0 结论：予以注销" "5.1.6 a with the other holder's consent: cancelled (6.5 h)"
expect_eq "$(out | grep -A1 '（5.1.6-holder-consent）' | tail -1)" \
  "    申请人是证书20260344000000011F记载的权利人，其他权利人广东粤康医疗大数据有限公司已书面同意注销" "5.1.6 a the consent named"
# ---- the authority's cancellation on ground c: a ruling with its reference (5.1.6 c) ----
run "$HDREG" case cancel --db "$DB" --certificate 202603440000000071 --number RV-2026-0202 --ground c \
  --date 2026-04-03 --actor 登记机构 --reason 生效判决 --evidence court_judgment:
expect_eq "$rc $(err)" "2 hdreg: case cancel: ground c of 5.1.6 is a court's or arbitration body's effective ruling: give it as --evidence court_judgment:REFERENCE" \
  "5.1.6 c a ruling without its reference is no ruling"
run "$HDREG" case cancel --db "$DB" --certificate 202603440000000071 --number RV-2026-0202 --ground c \
  --date 2026-04-03 --actor 登记机构 --reason 生效判决 --evidence court_judgment::2027-01-01
expect_eq "$rc" 2 "5.1.6 c nor one with only a date"
expect_eq "$(sql "$DB" "SELECT count(*) FROM cases WHERE number = 'RV-2026-0202'")" 0 "nothing written"
# ---- one waiver of a check in force at a time, by the days each is in force -----------
# A waiver revoked on R is in force until the day before R: a new one that starts before R
# would be in force beside it; one that ends before another starts is beside none.
W=$T/w.db
"$HDREG" demo-db --db "$W" >/dev/null
wadd() { run "$HDREG" waiver add --db "$W" --case SQ-2026-0045 --check 5.1.1-first-registration \
  --approver 王法务 --justification 基础证书经核实 "$@"; }
wadd --date 2026-03-12 --expires 2026-12-31
expect_eq "$rc" 0 "waiver 1"
run "$HDREG" waiver revoke --db "$W" --waiver 1 --date 2026-03-20 --by 李审核 --reason 已注销
expect_eq "$rc" 0 "waiver 1 revoked on 2026-03-20"
wadd --date 2026-03-15 --expires 2026-06-30
expect_eq "$rc $(err)" "3 hdreg: waiver add: case SQ-2026-0045 already has waiver 1 of check '5.1.1-first-registration', in force until 2026-03-19 (revoked on 2026-03-20): a new one can be approved from 2026-03-20" \
  "a waiver beside one revoked later"
expect_eq "$(sql "$W" "SELECT count(*) FROM waivers")" 1 "refused: nothing written"
wadd --date 2026-03-20 --expires 2026-06-30
expect_eq "$rc $(out)" "0 waiver 2: case SQ-2026-0045, check '5.1.1-first-registration', approved 2026-03-20 by 王法务, until 2026-06-30" "from the day of the revocation"
wadd --date 2026-03-01 --expires 2026-03-10
expect_eq "$rc $(out)" "0 waiver 3: case SQ-2026-0045, check '5.1.1-first-registration', approved 2026-03-01 by 王法务, until 2026-03-10" "a waiver that ends before the others start is beside none"
wadd --date 2026-02-20 --expires 2026-03-05
expect_eq "$rc $(err)" "3 hdreg: waiver add: case SQ-2026-0045 already has waiver 3 of check '5.1.1-first-registration', in force from 2026-03-01 until 2026-03-10: revoke it first (hdreg waiver revoke --waiver 3)" \
  "one that would overlap an earlier one"
run "$HDREG" ledger verify --db "$W"
expect_eq "$rc" 0 "ledger intact after the waivers"
# ---- a checkpoint appended to a file whose last note has no empty line after it ---------
# Both readers take such a file (the empty line ends a note that another follows); the
# night must not glue its note onto the last one and leave a file that neither reads.
head -c -1 "$CO/checkpoints.txt" >"$T/nofinal.txt"
run "$HDREG" ledger verify --db "$C" --keys "$K" --checkpoints "$T/nofinal.txt"
expect_eq "$rc" 0 "a file without the last empty line is read"
run "$HDREG" case move --db "$C" --case SQ-2026-0036 --to submitted --date 2026-04-20 --actor 申请人 --reason 补正
expect_eq "$rc" 0 "something new for the night"
run "$HDREG" run --db "$C" --date 2026-04-21 --keys "$K" --out "$CO" --checkpoints "$T/nofinal.txt"
expect_eq "$(out | tail -1 | cut -d' ' -f1-2)" "checkpoint published:" "the night publishes"
run "$HDREG" ledger verify --db "$C" --keys "$K" --checkpoints "$T/nofinal.txt"
expect_eq "$rc $(err)" "0 " "the file the night appended to is read (3 checkpoints)"
expect_eq "$(out | grep -o 'extends [0-9]* checkpoints')" "extends 3 checkpoints" "all three"
# ---- a licence that ended before its certificate: back to review, named with what ended --
# (5.1.3; schema 11) The night that finds it due returns it to review itself, takes no
# number, and says so: nothing is left for a person to mend, so it is no failure.
sql_adopt "$DB" "UPDATE materials SET valid_until = '2026-03-25' WHERE kind = 'contract' AND case_id = (SELECT id FROM cases WHERE number = 'SQ-2026-0015')"
run "$HDREG" run --db "$DB" --date 2026-04-16 --out "$OUT"
expect_eq "$(grep SQ-2026-0015 "$T/stderr")" "hdreg: case SQ-2026-0015: returned to review: the licence ends before its certificate would be issued (5.1.3): its contract or authorization is valid until 2026-03-25" \
  "5.1.3 the licence's end named"
expect_eq "$(grep '^returned' "$T/stdout")" "returned 1 case on notice to review: the validity would end before the certificate is issued (see stderr)" "5.1.3 the night's report"
expect_eq "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["certificates"]["returned_to_review"])' "$OUT/run-2026-04-16.json")" "1" "5.1.3 run-DATE.json"
expect_eq "$(sql "$DB" "SELECT k.status || ' ' || e.from_status || ' ' || e.actor || ' ' || e.reason || ' ' || (SELECT count(*) FROM certificates c WHERE c.case_id = k.id) FROM cases k JOIN case_events e ON e.case_id = k.id WHERE k.number = 'SQ-2026-0015' ORDER BY e.id DESC LIMIT 1")" \
  "submitted notice hdreg run 许可合同或授权书有效期至2026年3月25日，于发证前届满，重新审核（5.1.3） 0" "5.1.3 returned to review by the night, no certificate"
# Returned to review, the ended licence costs only its case: the review asks for a licence
# in force (补正, 5.1.3), and neither that night nor the next names SQ-2026-0015 again.
run "$HDREG" run --db "$DB" --date 2026-04-17 --out "$OUT"
expect_eq "$(grep -c SQ-2026-0015 "$T/stderr")" 0 "5.1.3 the night of the review: the case is no problem of the night"
expect_eq "$(sql "$DB" "SELECT k.status || ' ' || f.outcome || ' ' || f.message FROM cases k JOIN findings f ON f.case_id = k.id WHERE k.number = 'SQ-2026-0015' AND f.check_id = '5.1.4-license-transfer' AND f.as_of = '2026-04-17'")" \
  "rectify rectify 许可期限已届满：交易合同有效期至2026年3月25日，早于审核日期2026年4月17日，被许可方不能取得已届满的许可（5.1.3）：请补正有效期内的交易合同" \
  "5.1.3 an ended licence is returned for a licence in force"
run "$HDREG" run --db "$DB" --date 2026-04-20 --out "$OUT"
expect_eq "$(grep -c SQ-2026-0015 "$T/stderr") $(sql "$DB" "SELECT status FROM cases WHERE number = 'SQ-2026-0015'")" "0 rectify" "5.1.3 the next night: nothing more of it"
# ---- the new case's number: a number of its own, written as import takes one -----------
run "$HDREG" case apply --db "$DB" --certificate 20260344000000006X --type change --number SQ-2026-0006 \
  --date 2026-04-20 --description 数据规模更新
expect_eq "$rc $(err)" "3 hdreg: case apply: case number 'SQ-2026-0006' is taken (first, certified): give the new case a number of its own" \
  "a case number taken"
run "$HDREG" case cancel --db "$DB" --certificate 20260344000000006X --number SQ-2026-0007 --ground e \
  --date 2026-04-20 --actor 登记机构 --reason 公共利益 --evidence other:GG-1
expect_eq "$rc $(err)" "3 hdreg: case cancel: case number 'SQ-2026-0007' is taken (first, certified): give the new case a number of its own" \
  "a case number taken, by the authority"
run "$HDREG" case apply --db "$DB" --certificate 20260344000000006X --type change --number "$(printf 'RV\t1')" \
  --date 2026-04-20 --description 数据规模更新
expect_eq "$rc $(err)" "2 hdreg: case apply: --number 'RV\\x091': character 3 is not one a case number uses (digits, letters, - _ / .)" \
  "a control character in the number"
run "$HDREG" case apply --db "$DB" --certificate 20260344000000006X --type change --number "$(printf 'R%.0s' $(seq 65))" \
  --date 2026-04-20 --description 数据规模更新
expect_eq "$rc $(err)" "2 hdreg: case apply: --number: 65 characters, at most 64" "a number too long"
expect_eq "$(sql "$DB" "SELECT count(*) FROM cases WHERE applied_date = '2026-04-20'")" 0 "nothing written"
# ---- a person's move is not dated before the case's last move --------------------------
# SQ-2026-0032 (applied for on 2026-01-26, in committee review): the committee cannot have
# decided in 2020; SQ-2026-0036, supplemented on 2026-03-20, cannot be withdrawn before.
run "$HDREG" case committee --db "$DB" --case SQ-2026-0032 --decision approve --date 2020-01-01 --actor 合规委员会 --reason 同意
expect_eq "$rc $(err)" "3 hdreg: case committee: case SQ-2026-0032 was applied for on 2026-01-26: a move cannot be dated 2020-01-01, before it" \
  "6.1.2 c a committee decision dated before the case reached the committee"
expect_eq "$(sql "$DB" "SELECT status FROM cases WHERE number = 'SQ-2026-0032'")" committee_review "refused: nothing moved"
run "$HDREG" case committee --db "$DB" --case SQ-2026-0032 --decision approve --date 2026-03-16 --actor 合规委员会 --reason 同意
expect_eq "$rc $(out)" "0 case SQ-2026-0032: committee recorded" "the same day is not before it"
run "$HDREG" case move --db "$DB" --case SQ-2026-0036 --to withdrawn --date 2026-03-19 --actor 申请人 --reason 撤回
expect_eq "$rc $(err)" "3 hdreg: case move: case SQ-2026-0036: its last move is dated $(sql "$DB" "SELECT max(at) || ' (' || from_status || ' -> ' || to_status || ')' FROM case_events WHERE case_id = 36"): a move cannot be dated 2026-03-19, before it" \
  "a withdrawal dated before the case's last move"
intact "the dated moves"
# ---- an objection is not resolved before it was filed ---------------------------------
run "$HDREG" case resolve --db "$DB" --objection 2 --outcome dismissed --date 2026-02-20 --actor 审核员 --reason 理由不成立
expect_eq "$rc $(err)" "3 hdreg: case resolve: objection 2 was filed on 2026-02-26: it cannot be resolved on 2026-02-20, before it" \
  "an objection dismissed before it was filed"
expect_eq "$(sql "$DB" "SELECT status FROM objections WHERE id = 2")" open "refused: still open"
done_ok
