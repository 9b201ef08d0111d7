# The procedure's guards at intake and the between-night actions, each named after its
# clause: one open application per certificate, the applicant a holder of the certificate
# in force (5.1.1, 5.1.3-5.1.6, 6.3 a-6.5 a), a licence certificate's validity bounded by
# the licence and its base certificate (5.1.3, 5.2.1), materials supplied (补正) and
# on-site answers (6.6) recorded, and a cancellation on the authority's own motion
# (5.1.6 c-e). Each refusal: exact message, exact exit code, nothing written; each
# action: on the register's chain (hdreg ledger verify stays intact).
source "$(dirname "$0")/lib.sh"
set -e
DB="$T/p.db"
OUT="$T/out"
demo_night

# ---- 5.1.3 / 5.2.1: a licence certificate is valid no longer than its base certificate ----
# SQ-2026-0010 licenses the use right of certificate 20250644000000001R, valid until
# 2028-06-20: the licence certificate of 2026-03-16 ends then, not three years on.
expect_eq "$(sql "$DB" "SELECT c.valid_until || ' ' || f.value FROM certificates c JOIN cases k ON k.id = c.case_id JOIN certificate_fields f ON f.certificate_id = c.id AND f.label = '有效期限' WHERE k.number = 'SQ-2026-0010'")" \
  "2028-06-20 2026年3月16日至2028年6月20日" "5.1.3 licence bounded by the base certificate"
# ---- 5.1.4, 5.1.5 / 5.2.1: a transfer or change certificate keeps the replaced one's end ----
# It replaces the certificate of the same right: SQ-2026-0011 (transfer of 202508440000000027,
# valid until 2028-08-11) and SQ-2026-0012 (change of 20250944000000003F, until 2028-09-30)
# end then, not three years from 2026-03-16.
expect_eq "$(sql "$DB" "SELECT k.number || ' ' || c.number || ' ' || c.valid_until || ' ' || f.value || ' = ' || p.number || ' ' || p.valid_until FROM certificates c JOIN cases k ON k.id = c.case_id JOIN certificates p ON p.id = k.prior_certificate_id JOIN certificate_fields f ON f.certificate_id = c.id AND f.label = '有效期限' WHERE k.reg_type IN ('transfer', 'change') ORDER BY c.id")" \
  "SQ-2026-0011 20260344000000011F 2028-08-11 2026年3月16日至2028年8月11日 = 202508440000000027 2028-08-11
SQ-2026-0012 20260344000000012J 2028-09-30 2026年3月16日至2028年9月30日 = 20250944000000003F 2028-09-30" \
  "5.1.4, 5.1.5 transfer and change keep the replaced certificate's validity"
# A first registration of the same night keeps cert_validity_years.
expect_eq "$(sql "$DB" "SELECT c.valid_until FROM certificates c JOIN cases k ON k.id = c.case_id WHERE k.number = 'SQ-2026-0006'")" \
  "2029-03-16" "5.2.1 first registration: three years"

# A change or transfer certificate says which certificate it replaces: in the register
# (the case's prior certificate, the replaced one superseded_by it) and in the night's report.
expect_eq "$(python3 -c 'import json,sys; print("\n".join(e["case"]+" "+e["number"]+" replaces "+e["replaces"] for e in json.load(open(sys.argv[1]))["issued"] if "replaces" in e))' "$OUT/run-2026-03-16.json")" \
  "SQ-2026-0011 20260344000000011F replaces 202508440000000027
SQ-2026-0012 20260344000000012J replaces 20250944000000003F" "5.1.4, 5.1.5 the certificate replaced, in the run report"
expect_eq "$(sql "$DB" "SELECT p.number || ' superseded by ' || n.number FROM certificates p JOIN certificates n ON n.id = p.superseded_by ORDER BY p.id")" \
  "202508440000000027 superseded by 20260344000000011F
20250944000000003F superseded by 20260344000000012J" "5.1.4, 5.1.5 the certificate replaced, in the register"

# ---- one open application per certificate (6.3 a, 6.4 a, 6.5 a) ----------------------
run "$HDREG" case apply --db "$DB" --certificate 20260344000000006X --type change \
  --number SQ-2026-0101 --date 2026-04-01 --description "数据规模更新" --material change_proof:BG-1
expect_eq "$rc $(out)" "0 case SQ-2026-0101: change of certificate 20260344000000006X submitted" "first application"
cases=$(count cases)
run "$HDREG" case apply --db "$DB" --certificate 20260344000000006X --type cancel \
  --number SQ-2026-0102 --date 2026-04-02 --ground a
expect_eq "$rc $(err)" "3 hdreg: case apply: case SQ-2026-0102: certificate 20260344000000006X already has an open application, case SQ-2026-0101 (change, submitted): one application per certificate at a time; the next is taken once that one is decided or withdrawn (6.3 a, 6.4 a, 6.5 a)" \
  "6.4 a second open application refused at intake"
expect_eq "$(count cases)" "$cases" "nothing written"

# The same through hdreg import: the holder itself, a second application on the certificate.
cat >"$T/second.csv" <<'CSV'
@subject,id,name,uscc,kind
@case,number,type,procedure,applicant,applied,owner,name,data-class,grade,source,records,bytes,prior-certificate,change-description
@right,case,kind,holder
subject,H,𠮷祥健康管理（深圳）有限公司,91440300MA5H2Q7T5B,company
case,HZ-2026-0201,change,simplified,H,2026-04-02,H,体检数据集,health_status,3,体检系统,5000,200000,20260344000000006X,数据来源更正
right,HZ-2026-0201,holding,H
CSV
run "$HDREG" import --db "$DB" --date 2026-04-02 "$T/second.csv"
expect_eq "$rc $(out)$(err)" "3 $T/second.csv:5: certificate: case HZ-2026-0201: certificate 20260344000000006X already has an open application, case SQ-2026-0101 (change, submitted): one application per certificate at a time; the next is taken once that one is decided or withdrawn (6.3 a, 6.4 a, 6.5 a)
hdreg: import: $T/second.csv: 1 problem, nothing imported" "6.4 a second open application refused by import"

# ---- the applicant holds the certificate (5.1.5, 6.4 a) -------------------------------
cat >"$T/stranger.csv" <<'CSV'
@subject,id,name,uscc,kind
@case,number,type,procedure,applicant,applied,owner,name,data-class,grade,source,records,bytes,prior-certificate,change-description
@right,case,kind,holder
subject,S,𪚥龘数据科技有限公司,91440305MA5F9R2D1M,company
case,HZ-2026-0202,change,simplified,S,2026-04-02,S,门诊数据集,health_status,3,门诊系统,5000,200000,202603440000000071,权利人更正
right,HZ-2026-0202,holding,S
CSV
run "$HDREG" import --db "$DB" --date 2026-04-02 "$T/stranger.csv"
expect_eq "$rc $(out)$(err)" "3 $T/stranger.csv:5: certificate: case HZ-2026-0202: the applicant '𪚥龘数据科技有限公司' (subject 28) is not a holder of certificate 202603440000000071 (its holders: 广州市天河区珠江新城国际健康医疗大数据产业创新研究与应用服务中心有限公司): a 变更登记 is applied for by a holder of the certificate (5.1.3-5.1.6; 6.3 a, 6.4 a, 6.5 a)
hdreg: import: $T/stranger.csv: 1 problem, nothing imported" "5.1.5 change by a stranger refused at intake"

# ---- the licensee applies with the holder's authorisation (5.1.3, 5.1.4, 6.3 a) --------
# 5.1.4: 交易双方应共同或者取得相对方授权的情况下办理许可登记、转让登记. 广州医科数据交易服务有限公司
# applies for a licence of 20260344000000013M (held by 中山市岐江医院, its counterparty).
cat >"$T/licensee.csv" <<'CSV'
@subject,id,name,uscc,kind
@case,number,type,procedure,applicant,counterparty,applied,owner,name,data-class,grade,source,records,bytes,prior-certificate,consideration
@right,case,kind,holder
@material,case,kind,reference,issued,valid-until,issuer
subject,L,广州医科数据交易服务有限公司,91440101MA5CJQ4N59,company
subject,H,中山市岐江医院,12442000457022197J,public_hospital
case,HZ-2026-0210,license,simplified,L,H,2026-04-02,H,岐江医院糖尿病专病数据集,medical_application,3,中山市岐江医院电子病历系统、内分泌专科随访平台,420000,9341553868,20260344000000013M,许可使用费人民币30万元
right,HZ-2026-0210,holding,H
right,HZ-2026-0210,use,L
material,HZ-2026-0210,application,,2026-04-02,,
material,HZ-2026-0210,contract,QJ-XK-2026-01,2026-03-30,,
material,HZ-2026-0210,consideration_proof,QJ-ZF-2026-01,2026-03-30,,
material,HZ-2026-0210,authorization,QJ-SQ-2026-01,2026-03-30,2026-12-31,H
CSV
grep -v ',authorization,' "$T/licensee.csv" >"$T/noauth.csv"
run "$HDREG" import --db "$DB" --date 2026-04-02 "$T/noauth.csv"
expect_eq "$rc $(out)$(err)" "3 $T/noauth.csv:7: certificate: case HZ-2026-0210: the applicant '广州医科数据交易服务有限公司' (subject 25) is not a holder of certificate 20260344000000013M, and has no authorisation of its holder '中山市岐江医院' (subject 5), its counterparty: a 许可登记 by the licensee or transferee is taken in with the holder's authorisation, a material of kind authorization (5.1.3, 5.1.4: 交易双方应共同或者取得相对方授权; 6.3 a)
hdreg: import: $T/noauth.csv: 1 problem, nothing imported" "5.1.4 a licensee without the holder's authorisation refused at intake"
# The authorisation is the holder's own act (5.1.4 取得相对方授权; schema 12, the material's
# issuer): one that does not say who issued it, or that the applicant issued to itself, is
# none.
sed 's/QJ-SQ-2026-01,2026-03-30,2026-12-31,H$/QJ-SQ-2026-01,2026-03-30,2026-12-31,/' "$T/licensee.csv" >"$T/noissuer.csv"
run "$HDREG" import --db "$DB" --date 2026-04-02 "$T/noissuer.csv"
expect_eq "$rc $(out)$(err)" "3 $T/noissuer.csv:7: certificate: case HZ-2026-0210: the applicant '广州医科数据交易服务有限公司' (subject 25) is not a holder of certificate 20260344000000013M, and the authorisation it applies with (授权书 QJ-SQ-2026-01) does not say who issued it: a 许可登记 by the licensee or transferee is taken in with the authorisation of its holder '中山市岐江医院' (subject 5), issued by that holder (the material's issuer; 5.1.4: 取得相对方授权; 6.3 a)
hdreg: import: $T/noissuer.csv: 1 problem, nothing imported" "5.1.4 an authorisation that names no issuer authorises nothing"
sed 's/QJ-SQ-2026-01,2026-03-30,2026-12-31,H$/QJ-SQ-2026-01,2026-03-30,2026-12-31,L/' "$T/licensee.csv" >"$T/selfissued.csv"
run "$HDREG" import --db "$DB" --date 2026-04-02 "$T/selfissued.csv"
expect_eq "$rc $(out)$(err)" "3 $T/selfissued.csv:7: certificate: case HZ-2026-0210: the applicant '广州医科数据交易服务有限公司' (subject 25) is not a holder of certificate 20260344000000013M, and the authorisation it applies with (授权书 QJ-SQ-2026-01) was issued by '广州医科数据交易服务有限公司' (subject 25), not by its holder '中山市岐江医院' (subject 5), its counterparty: a 许可登记 by the licensee or transferee is taken in with the holder's own authorisation (5.1.4: 取得相对方授权; 6.3 a)
hdreg: import: $T/selfissued.csv: 1 problem, nothing imported" "5.1.4 an authorisation the licensee issued itself authorises nothing"
sed 's/QJ-SQ-2026-01,2026-03-30,2026-12-31,H$/QJ-SQ-2025-09,2025-09-01,2026-03-31,H/' "$T/licensee.csv" >"$T/ended.csv"
run "$HDREG" import --db "$DB" --date 2026-04-02 "$T/ended.csv"
expect_eq "$rc $(out)$(err)" "3 $T/ended.csv:7: certificate: case HZ-2026-0210: the applicant '广州医科数据交易服务有限公司' (subject 25) is not a holder of certificate 20260344000000013M, and the authorisation of its holder '中山市岐江医院' (subject 5) it applies with (授权书 QJ-SQ-2025-09) ended on 2026-03-31, before the application of 2026-04-02: a 许可登记 by the licensee or transferee is taken in with the holder's authorisation (5.1.3, 5.1.4; 6.3 a)
hdreg: import: $T/ended.csv: 1 problem, nothing imported" "5.1.4 an authorisation ended before the application"
sed 's/^case,HZ-2026-0210,license,simplified,L,H,/case,HZ-2026-0210,transfer,simplified,L,Y,/; s/^subject,H,中山市岐江医院,12442000457022197J,public_hospital/&\nsubject,Y,广东粤康医疗大数据有限公司,91440100MA59UT8K1E,company/' "$T/licensee.csv" >"$T/notholder.csv"
run "$HDREG" import --db "$DB" --date 2026-04-02 "$T/notholder.csv"
expect_eq "$rc $(out)$(err)" "3 $T/notholder.csv:8: certificate: case HZ-2026-0210: the applicant '广州医科数据交易服务有限公司' (subject 25) is not a holder of certificate 20260344000000013M (its holders: 中山市岐江医院): a 转让登记 is applied for by a holder of the certificate, or by the licensee or transferee with the authorisation of the holder named as its counterparty (5.1.3-5.1.6; 6.3 a, 6.4 a, 6.5 a)
hdreg: import: $T/notholder.csv: 1 problem, nothing imported" "5.1.4 an authorisation of one who holds nothing of the certificate"
expect_eq "$(sql "$DB" "SELECT count(*) FROM cases WHERE number = 'HZ-2026-0210'")" 0 "nothing written"
run "$HDREG" import --db "$DB" --date 2026-04-02 "$T/licensee.csv"
expect_eq "$rc $(out | cut -d' ' -f1-5)" "0 import 1: imported 1 case," "5.1.3, 5.1.4 the licensee with the holder's authorisation taken in"
run "$HDREG" check --db "$DB" --case HZ-2026-0210 --as-of 2026-04-03
expect_eq "$rc $(sed -n 2p "$T/stdout") $(grep -A1 '（5.1-prior-holder）' "$T/stdout" | tail -1 | tr -d ' ')" \
  "0 结论：予以登记 申请人经证书20260344000000013M记载的权利人中山市岐江医院授权办理" "5.1.4 its review: 5.1-prior-holder passes, the case is approved"
intact "the licensee's application"

# ---- the certificate exists and is in force (5.1.1) ----------------------------------
sed 's/,202603440000000071,权利人更正/,,/; s/,change,/,license,/' "$T/stranger.csv" >"$T/nocert.csv"
run "$HDREG" import --db "$DB" --date 2026-04-02 "$T/nocert.csv"
expect_eq "$rc $(out)$(err)" "3 $T/nocert.csv:5: certificate: case HZ-2026-0202: a 许可登记 (license) needs the certificate it concerns, and there is none: no other registration without a first registration (5.1.1)
hdreg: import: $T/nocert.csv: 1 problem, nothing imported" "5.1.1 licence without a certificate refused at intake"
run "$HDREG" case apply --db "$DB" --certificate 202508440000000027 --type change --number SQ-2026-0103 \
  --date 2026-04-02 --description x
expect_eq "$rc $(err)" "3 hdreg: case apply: certificate 202508440000000027 is superseded: only an issued certificate can be changed or cancelled" "5.1.1 a superseded certificate"
intact "the refusals"

# ---- materials supplied (补正, 6.2.2 b) ------------------------------------------------
run "$HDREG" case move --db "$DB" --case SQ-2026-0040 --to withdrawn --date 2026-03-26 --actor 申请人 \
  --reason 补正 --material third_party_assessment:PG-2026-088
expect_eq "$rc $(err)" "2 hdreg: case move: --material is for the materials supplied with a move to 'submitted' (补正: rectify -> submitted), not with a move to 'withdrawn'" "materials only with a move to submitted"
run "$HDREG" case move --db "$DB" --case SQ-2026-0040 --to submitted --date 2026-03-26 --actor 申请人 \
  --reason 补正 --material assessment:PG-2026-088
expect_eq "$rc $(err)" "2 hdreg: case move: --material 'assessment:PG-2026-088': 'assessment' is not a kind of material the register keeps (docs/import.md lists them)" "an unknown kind of material"
expect_eq "$(status=$(sql "$DB" "SELECT status FROM cases WHERE number = 'SQ-2026-0040'"); echo $status)" "rectify" "refused: nothing moved"
# 6.2.2 b, 6.6 a: a material whose validity ended before the day it is supplied is refused,
# the case not moved and nothing recorded; one valid through that day is taken.
run "$HDREG" case move --db "$DB" --case SQ-2026-0040 --to submitted --date 2026-03-26 --actor 申请人 \
  --reason 补正 --material third_party_assessment:PG-2026-088 --material pia_report:PIA-6:2026-03-25
expect_eq "$rc $(out)$(err)" "3 hdreg: case move: case SQ-2026-0040: --material 'pia_report:PIA-6:2026-03-25': its validity ended on 2026-03-25, before 2026-03-26, the day it is supplied: an expired material supplements nothing, supply one in force (6.2.2 b, 6.6 a)" \
  "6.2.2 b an expired material supplied is refused"
expect_eq "$(sql "$DB" "SELECT count(*) FROM materials WHERE case_id = 40 AND issued_date = '2026-03-26'")" 0 "nothing recorded"
run "$HDREG" case apply --db "$DB" --certificate 20260344000000014Q --type change --number SQ-2026-0106 \
  --date 2026-04-01 --description 数据规模更新 --material change_proof:BG-14:2026-03-31
expect_eq "$rc $(err)" "3 hdreg: case apply: case SQ-2026-0106: --material 'change_proof:BG-14:2026-03-31': its validity ended on 2026-03-31, before 2026-04-01, the day it is supplied: an expired material supplements nothing, supply one in force (6.2.2 b, 6.6 a)" \
  "6.4 a an expired material with an application is refused"
expect_eq "$(sql "$DB" "SELECT count(*) FROM cases WHERE number = 'SQ-2026-0106'")" 0 "no case written"
run "$HDREG" case move --db "$DB" --case SQ-2026-0040 --to submitted --date 2026-03-26 --actor 申请人 \
  --reason "补正第三方评估材料" --material third_party_assessment:PG-2026-088 --material pia_report:PIA-7:2029-03-25 \
  --material separate_consent:SC-2026-03:2026-03-26
expect_eq "$rc $(out)" "0 case SQ-2026-0040: move recorded, 3 materials supplied" "6.2.2 b materials supplied"
expect_eq "$(sql "$DB" "SELECT kind || ' ' || issued_date || ' ' || reference || ' ' || coalesce(valid_until, '-') FROM materials WHERE case_id = 40 AND issued_date = '2026-03-26' ORDER BY id")" \
  "third_party_assessment 2026-03-26 PG-2026-088 -
pia_report 2026-03-26 PIA-7 2029-03-25
separate_consent 2026-03-26 SC-2026-03 2026-03-26" "the materials recorded (one valid through the day it is supplied)"
intact "materials supplied"
expect_eq "$(sql "$DB" "SELECT count(*) FROM ledger WHERE tbl = 'materials' AND payload LIKE '%PG-2026-088%'")" 1 "the material on the chain"

# ---- on-site verification (6.6) ------------------------------------------------------
expect_eq "$(sql "$DB" "SELECT status FROM cases WHERE number = 'SQ-2026-0022'")" held "held for a person"
# 6.6 i: a question asked with a move out of held is refused (the review would go on
# without its answer); asked with --to held, the case stays held.
run "$HDREG" case move --db "$DB" --case SQ-2026-0022 --to submitted --date 2026-03-18 --actor 审核员 \
  --reason "现场核验" --question "请说明随访数据的授权范围"
expect_eq "$rc $(err) $(sql "$DB" "SELECT count(*) FROM onsite_questions WHERE case_id = 22")" \
  "3 hdreg: case move: case SQ-2026-0022: on-site question 1 is not answered: record the answer first (hdreg case answer), or refuse or withdraw the case (6.6 i) 0" \
  "6.6 i no review with a question unanswered; nothing recorded"
run "$HDREG" case move --db "$DB" --case SQ-2026-0022 --to held --date 2026-03-18 --actor 审核员 --reason 现场核验
expect_eq "$rc $(err)" "3 hdreg: case move: case SQ-2026-0022 is held already: ask on-site questions with --question, or move it elsewhere" "6.6 held already"
run "$HDREG" case move --db "$DB" --case SQ-2026-0022 --to held --date 2026-03-18 --actor 审核员 \
  --reason "现场核验" --question "请说明随访数据的授权范围"
expect_eq "$rc $(out) $(sql "$DB" "SELECT status FROM cases WHERE number = 'SQ-2026-0022'")" "0 case SQ-2026-0022: move recorded held" "6.6 a question asked, the case stays held"
q=$(sql "$DB" "SELECT id FROM onsite_questions WHERE case_id = 22")
run "$HDREG" case move --db "$DB" --case SQ-2026-0022 --to approved --date 2026-03-18 --actor 审核员 --reason 核验通过
expect_eq "$rc $(err)" "3 hdreg: case move: case SQ-2026-0022: on-site question $q is not answered: record the answer first (hdreg case answer), or refuse or withdraw the case (6.6 i)" "6.6 i no approval with a question unanswered"
run "$HDREG" case answer --db "$DB" --case SQ-2026-0022 --question "$q" --answer "授权书覆盖2024-2026年随访数据" --date 2026-03-19
expect_eq "$rc $(out)" "0 case SQ-2026-0022: answer to on-site question $q recorded" "6.6 i answer recorded"
run "$HDREG" case answer --db "$DB" --case SQ-2026-0022 --question "$q" --answer again --date 2026-03-20
expect_eq "$rc $(err)" "3 hdreg: case answer: case SQ-2026-0022: on-site question $q was answered on 2026-03-19 already" "6.6 answered once"
run "$HDREG" case answer --db "$DB" --case SQ-2026-0040 --question "$q" --answer x --date 2026-03-20
expect_eq "$rc $(err)" "3 hdreg: case answer: case SQ-2026-0040 has no on-site question $q (hdreg case history lists its questions)" "6.6 a question of another case"
run "$HDREG" case answer --db "$DB" --case SQ-2026-0022 --question one --answer x --date 2026-03-20
expect_eq "$rc $(err)" "2 hdreg: case answer: --question 'one' must be the question's number" "6.6 the question by number"
run "$HDREG" case history --db "$DB" --case SQ-2026-0022
expect_eq "$(out | tail -1)" "2026-03-18  on-site question $q：请说明随访数据的授权范围  answered 2026-03-19：授权书覆盖2024-2026年随访数据" "history lists the question and its answer"
intact "the on-site answer"

# ---- cancellation on the authority's own motion (5.1.6 c-e) --------------------------
run "$HDREG" case cancel --db "$DB" --certificate 202603440000000071 --number SQ-2026-0201 --ground a \
  --date 2026-04-03 --actor 登记机构 --reason x --evidence other:X
expect_eq "$rc $(err)" "2 hdreg: case cancel: --ground 'a': the authority cancels on its own motion on ground c (a court's or arbitration body's effective ruling), d (rectification refused) or e (public or national interest) of 5.1.6; grounds a, b and f are applied for (hdreg case apply --type cancel)" "5.1.6 a is applied for"
run "$HDREG" case cancel --db "$DB" --certificate 202603440000000071 --number SQ-2026-0201 --ground c \
  --date 2026-04-03 --actor 登记机构 --reason x --evidence other:X
expect_eq "$rc $(err)" "2 hdreg: case cancel: ground c of 5.1.6 is a court's or arbitration body's effective ruling: give it as --evidence court_judgment:REFERENCE" "5.1.6 c needs the ruling"
run "$HDREG" case cancel --db "$DB" --certificate 202603440000000071 --number SQ-2026-0201 --ground e \
  --date 2026-04-03 --actor 登记机构 --reason x
expect_eq "$rc $(err)" "2 hdreg: case cancel: a cancellation on the authority's own motion needs its evidence: --evidence KIND:REFERENCE (5.1.6 e)" "5.1.6 e needs evidence"
run "$HDREG" case cancel --db "$DB" --certificate 202603440000000071 --number SQ-2026-0201 --ground c \
  --date 2026-04-03 --actor 登记机构 --reason "生效判决确认权利归属他人" --evidence "court_judgment:(2026)粤01民初123号"
expect_eq "$rc $(out)" "0 case SQ-2026-0201: cancellation of certificate 202603440000000071 on the authority's own motion (5.1.6 c) submitted" "5.1.6 c cancellation on the authority's motion"
expect_eq "$(sql "$DB" "SELECT k.reg_type || ' ' || k.status || ' ' || k.cancel_ground || ' ' || c.number FROM cases k JOIN certificates c ON c.id = k.prior_certificate_id WHERE k.number = 'SQ-2026-0201'")" \
  "cancel submitted c 202603440000000071" "the case"
expect_eq "$(sql "$DB" "SELECT m.kind || ' ' || m.reference || ' ' || m.note FROM materials m JOIN cases k ON k.id = m.case_id WHERE k.number = 'SQ-2026-0201'")" \
  "court_judgment (2026)粤01民初123号 登记机构依职权注销（5.1.6 c）：生效判决确认权利归属他人（登记机构）" "its ground and evidence, who decided and why"
run "$HDREG" case apply --db "$DB" --certificate 202603440000000071 --type change --number SQ-2026-0104 \
  --date 2026-04-04 --description x
expect_eq "$rc $(err)" "3 hdreg: case apply: case SQ-2026-0104: certificate 202603440000000071 already has an open application, case SQ-2026-0201 (cancel, submitted): one application per certificate at a time; the next is taken once that one is decided or withdrawn (6.3 a, 6.4 a, 6.5 a)" "the holder cannot change it meanwhile"
intact "the authority's cancellation"

# ---- 5.1.6 c-e cancel the right itself: an open application does not block them -------
# SQ-2026-0101 (the holder's change of 20260344000000006X, submitted) is open; the
# authority's cancellation is taken in and the change waits for it, untouched: it is the
# night that carries the cancellation out that refuses it (6.5 h; tests/e2e/authority_cancel.sh).
run "$HDREG" case cancel --db "$DB" --certificate 20260344000000006X --number SQ-2026-0202 --ground e \
  --date 2026-04-05 --actor 登记机构 --reason "涉及公共利益" --evidence "other:粤卫函〔2026〕9号"
expect_eq "$rc $(out)$(err)" "0 case SQ-2026-0202: cancellation of certificate 20260344000000006X on the authority's own motion (5.1.6 e) submitted
waiting for this cancellation (refused if it is carried out, 6.5 h): case SQ-2026-0101 (change, submitted)" \
  "5.1.6 e cancellation with an open application on the certificate"
expect_eq "$(sql "$DB" "SELECT k.status || ' ' || (SELECT count(*) FROM case_events e WHERE e.case_id = k.id) FROM cases k WHERE k.number = 'SQ-2026-0101'")" \
  "submitted 0" "5.1.6 e the open application is not moved by the authority"
expect_eq "$(sql "$DB" "SELECT reg_type || ' ' || status || ' ' || cancel_ground FROM cases WHERE number = 'SQ-2026-0202'")" \
  "cancel submitted e" "5.1.6 e the cancellation's case"
# An open cancellation on the authority's motion is not withdrawn by a second one.
run "$HDREG" case cancel --db "$DB" --certificate 202603440000000071 --number SQ-2026-0203 --ground d \
  --date 2026-04-06 --actor 登记机构 --reason "拒不整改" --evidence "other:整改通知书-7"
expect_eq "$rc $(out)$(err)" "3 hdreg: case cancel: case SQ-2026-0203: certificate 202603440000000071 is being cancelled on the authority's own motion already, case SQ-2026-0201 (submitted): that one is decided or withdrawn first (5.1.6, 6.5)" \
  "5.1.6 d a second cancellation on the authority's motion"
intact "the open application waiting"
# ---- a change needs every holder of the certificate (5.1.5, 5.1.2, 6.4 a) -------------
# 202603440000000097: holding 湛江市南海妇幼保健院, use 广东省医学数据研究院, operation
# 广东粤康医疗大数据有限公司. The holder of record applies for a change of the whole
# certificate: the two others have not applied, so their written consent is asked for (补正).
run "$HDREG" case apply --db "$DB" --certificate 202603440000000097 --type change --number SQ-2026-0105 \
  --date 2026-04-06 --description "数据规模更新" --material change_proof:BG-97
expect_eq "$rc $(out)" "0 case SQ-2026-0105: change of certificate 202603440000000097 submitted" "5.1.5 a co-holder's change taken in"
CONSENT="证书202603440000000097记载的权利人广东省医学数据研究院、广东粤康医疗大数据有限公司未申请变更，变更登记需提交其本人出具的同意变更的书面材料（授权书）"
run "$HDREG" run --db "$DB" --date 2026-04-07 --out "$OUT"
expect_eq "$(sql "$DB" "SELECT k.status || ' ' || f.outcome || ' ' || f.message FROM cases k JOIN findings f ON f.case_id = k.id AND f.check_id = '5.1-prior-holder' WHERE k.number = 'SQ-2026-0105'")" \
  "rectify rectify $CONSENT" "5.1.5 without the other holders' consent: returned for supplement, naming them"
run "$HDREG" check --db "$DB" --case SQ-2026-0105 --as-of 2026-04-07
expect_eq "$rc $(sed -n 2p "$T/stdout") $(grep -A1 '（5.1-prior-holder）' "$T/stdout" | tail -1 | tr -d ' ')" \
  "0 结论：补正材料 $CONSENT" "5.1.5 hdreg check says the same"
# Each consent is its holder's own act (5.1.2; schema 12, the material's issuer): one that
# does not say who gave it consents for no one; an issuer the register does not know is refused.
U1=$(sql "$DB" "SELECT uscc FROM subjects WHERE name = '广东省医学数据研究院' ORDER BY id LIMIT 1")
U2=$(sql "$DB" "SELECT uscc FROM subjects WHERE name = '广东粤康医疗大数据有限公司' ORDER BY id LIMIT 1")
run "$HDREG" case move --db "$DB" --case SQ-2026-0105 --to submitted --date 2026-04-08 --actor 申请人 \
  --reason 补正 --material authorization@91440000MA4UQZ7K2P:TY-2026-00
expect_eq "$rc $(out)$(err)" "3 hdreg: case move: --material 'authorization@91440000MA4UQZ7K2P:TY-2026-00': its issuer '91440000MA4UQZ7K2P' is not the unified social credit code of a subject of the register: name who issued the material by the code of a party of the case (KIND@CODE:REFERENCE)" \
  "5.1.2 a consent's issuer must be a subject of the register"
run "$HDREG" case move --db "$DB" --case SQ-2026-0105 --to submitted --date 2026-04-08 --actor 申请人 \
  --reason 补正其他权利人同意变更的书面材料 --material authorization:TY-2026-01 --material "authorization@$U2:TY-2026-02"
expect_eq "$rc $(out)" "0 case SQ-2026-0105: move recorded, 2 materials supplied" "5.1.5 consents supplied"
expect_eq "$(sql "$DB" "SELECT group_concat(m.reference || '=' || coalesce(s.name, '-'), ' ') FROM materials m LEFT JOIN subjects s ON s.id = m.issuer_id WHERE m.case_id = (SELECT id FROM cases WHERE number = 'SQ-2026-0105') AND m.kind = 'authorization'")" \
  "TY-2026-01=- TY-2026-02=广东粤康医疗大数据有限公司" "5.1.2 each material recorded with its issuer"
run "$HDREG" check --db "$DB" --case SQ-2026-0105 --as-of 2026-04-09
expect_eq "$rc $(sed -n 2p "$T/stdout") $(grep -A1 '（5.1-prior-holder）' "$T/stdout" | tail -1 | tr -d ' ')" \
  "0 结论：补正材料 证书202603440000000097记载的权利人广东省医学数据研究院未申请变更，变更登记需提交其本人出具的同意变更的书面材料（授权书）" \
  "5.1.2 a consent that names no issuer is no one's: the holder without one is named"
run "$HDREG" run --db "$DB" --date 2026-04-09 --out "$OUT"
expect_eq "$(sql "$DB" "SELECT status FROM cases WHERE number = 'SQ-2026-0105'")" "rectify" "5.1.5 returned again"
run "$HDREG" case move --db "$DB" --case SQ-2026-0105 --to submitted --date 2026-04-10 --actor 申请人 \
  --reason 补正其他权利人同意变更的书面材料 --material "authorization@$U1:TY-2026-03"
expect_eq "$rc $(out)" "0 case SQ-2026-0105: move recorded, 1 material supplied" "5.1.5 the last consent supplied"
run "$HDREG" check --db "$DB" --case SQ-2026-0105 --as-of 2026-04-11
expect_eq "$rc $(sed -n 2p "$T/stdout") $(grep -A1 '（5.1-prior-holder）' "$T/stdout" | tail -1 | tr -d ' ')" \
  "0 结论：予以登记 申请人是证书202603440000000097记载的权利人，其他权利人广东省医学数据研究院、广东粤康医疗大数据有限公司已书面同意变更" "5.1.5 with their consent the change is approved"
intact "the co-holder's change"
done_ok
