# A certificate's validity ends (5.2.1 有效期限): holders are reminded before, the night
# records the expiry once, and a change that renews the certificate (续展, 5.1.5, 6.4)
# gives it a new validity of its own (docs/procedure.md, "Expiry and renewal").
source "$(dirname "$0")/lib.sh"
set -e
DB=$T/d.db
OUT=$T/out
demo_night
# A licence whose contract and authorisation end on 2026-06-30: its certificate ends then
# too (5.1.3), the certificate that expires in this test.
cat >"$T/lic.csv" <<'CSV'
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
material,HZ-2026-0210,contract,QJ-XK-2026-01,2026-03-30,2026-06-30,
material,HZ-2026-0210,consideration_proof,QJ-ZF-2026-01,2026-03-30,,
material,HZ-2026-0210,authorization,QJ-SQ-2026-01,2026-03-30,2026-06-30,H
CSV
run "$HDREG" import --db "$DB" --date 2026-04-02 "$T/lic.csv"
expect_eq "$rc" 0 "the licence taken in"
for d in 2026-04-03 2026-04-21; do "$HDREG" run --db "$DB" --date $d --out "$OUT" >/dev/null 2>&1 || true; done
LIC=$(sql "$DB" "SELECT c.number FROM certificates c JOIN cases k ON k.id = c.case_id WHERE k.number = 'HZ-2026-0210'")
expect_eq "$(sql "$DB" "SELECT valid_until || ' ' || status FROM certificates WHERE number = '$LIC'")" "2026-06-30 issued" \
  "5.1.3 the licence certificate ends with the licence"

# ---- the reminder: in force, ending within the window (setting, 20 working days) ------
expect_eq "$(sql "$DB" "SELECT count(*) FROM settings WHERE key = 'expiry_reminder_working_days'")" 0 "not set: the default, 20"
run "$HDREG" case list --db "$DB" --expiring --date 2026-06-01
expect_eq "$rc $(out)" "0 $LIC  valid until 2026-06-30  20 working days left  中山市岐江医院 (12442000457022197J; 吴振华; 020-80067895; data05@example.cn), 广州医科数据交易服务有限公司 (91440101MA5CJQ4N59; 谢雨桐; 020-80339475; data25@example.cn)  no renewal applied for
1 certificate in force on 2026-06-01 ends within 20 working days" "5.2.1 the holders to tell, with their contacts"
run "$HDREG" case list --db "$DB" --expiring --date 2026-05-29
expect_eq "$rc $(out)" "0 0 certificates in force on 2026-05-29 end within 20 working days" \
  "outside the window (21 working days left): not yet"
run "$HDREG" case list --db "$DB" --expiring --date 2026-05-29 --within 21 --format json
expect_eq "$rc $(out | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["count"], r["within_working_days"], r["expiring"][0]["certificate"], r["expiring"][0]["working_days_left"], r["expiring"][0]["holders"][0]["uscc"], r["expiring"][0]["renewal"])')" \
  "0 1 21 $LIC 21 12442000457022197J None" "--within and --format json"
run "$HDREG" case list --db "$DB" --expiring --date 2026-12-20
expect_eq "$rc $(err)" "3 hdreg: case list: the reminder window of 20 working days after 2026-12-20 reaches into a year without a holiday schedule (load it: hdreg calendar import): no holiday schedule for 2027: the period cannot be computed" \
  "a window into a year without a schedule is refused, not guessed"
run "$HDREG" case list --db "$DB" --expiring --within 0
expect_eq "$rc $(err)" "2 hdreg: case list: --within '0' must be a number of working days from 1 to 250" "--within bounds"
run "$HDREG" case list --db "$DB" --waiting --expiring
expect_eq "$rc $(err)" "2 hdreg: case list: one of --waiting (the cases waiting for a person or a deadline) and --expiring (the certificates whose validity ends soon) is required (see hdreg case --help)" \
  "one list at a time"

# ---- a renewal of the licence certificate stays within the licence (5.1.3) ----------
# On a copy: the licensee (a holder of the licence certificate: use) renews it with a new
# contract to 2028-06-30, the licensor's authorisation to 2027-06-30, and an authorisation it issued
# itself to 2030: its own authorises nothing, so the renewed certificate ends 2027-06-30.
cp "$DB" "$T/r.db"
run "$HDREG" case apply --db "$T/r.db" --certificate "$LIC" --type change --renewal --number XZ-2026-0009 \
  --date 2026-06-01 --material contract:QJ-XK-2026-02:2028-06-30 \
  --material "authorization@12442000457022197J:QJ-SQ-2026-02:2027-06-30" \
  --material "authorization@91440101MA5CJQ4N59:SELF-1:2030-12-31" --material truth_commitment:XZ-CN-9
expect_eq "$rc" 0 "the licence renewal applied for"
for d in 2026-06-02 2026-06-22; do "$HDREG" run --db "$T/r.db" --date $d --out "$T/rout" >/dev/null 2>&1 || true; done
expect_eq "$(sql "$T/r.db" "SELECT k.status || ' ' || coalesce(c.valid_until, '-') FROM cases k LEFT JOIN certificates c ON c.case_id = k.id WHERE k.number = 'XZ-2026-0009'")" \
  "certified 2027-06-30" "5.1.3 a renewed licence certificate ends with the licence, not with the licensee's own authorisation"
# The extracts say it: the licence certificate superseded by its renewal, the certificate
# it is licensed from with the licence and the certificate that replaced it.
RLIC=$(sql "$T/r.db" "SELECT c.number FROM certificates c JOIN cases k ON k.id = c.case_id WHERE k.number = 'XZ-2026-0009'")
"$HDREG" extract --db "$T/r.db" --certificate "$LIC" --date 2026-06-22 --out "$T/rl.pdf" >/dev/null
case "$(pdftotext "$T/rl.pdf" - | tr -d '\n ')" in
  *"证书${LIC}已于2026年6月22日被证书${RLIC}取代（变更登记，续展有效期限，申请编号XZ-2026-0009）。"*) PASSED=$((PASSED + 1)) ;;
  *) fail "the renewed licence certificate's extract: $(pdftotext "$T/rl.pdf" - | tr -d '\n ')" ;;
esac
"$HDREG" extract --db "$T/r.db" --certificate 20260344000000013M --date 2026-06-22 --out "$T/rb.pdf" >/dev/null
case "$(pdftotext "$T/rb.pdf" - | tr -d '\n ')" in
  *"2026年4月21日许可登记：在本权利上许可他人，颁发许可登记证书${LIC}HZ-2026-0210"*"2026年6月22日许可登记证书${LIC}由证书${RLIC}取代（续展有效期限）XZ-2026-0009"*) PASSED=$((PASSED + 1)) ;;
  *) fail "the licensing certificate's extract: $(pdftotext "$T/rb.pdf" - | tr -d '\n ')" ;;
esac

# ---- a renewal (续展): a change with a new validity (5.1.5, 6.4) ------------------------
run "$HDREG" case apply --db "$DB" --certificate 20251144000000004M --type cancel --ground a --renewal --number XZ-2026-0002 --date 2026-06-01
expect_eq "$rc $(err)" "2 hdreg: case apply: --renewal is for a change (6.4: a renewal changes the validity the certificate records), not a cancellation" \
  "a renewal is a change"
run "$HDREG" case apply --db "$DB" --certificate 20251144000000004M --type change --renewal --number XZ-2026-0001 \
  --date 2026-06-01 --material truth_commitment:XZ-CN-1
expect_eq "$rc $(out)" "0 case XZ-2026-0001: change of certificate 20251144000000004M submitted" "the renewal applied for"
expect_eq "$(sql "$DB" "SELECT renewal || ' ' || change_description FROM cases WHERE number = 'XZ-2026-0001'")" \
  "1 证书有效期限续展（5.2.1）" "6.4 a what changes: the validity"
"$HDREG" run --db "$DB" --date 2026-06-02 --out "$OUT" >/dev/null 2>&1 || true
expect_eq "$(sql "$DB" "SELECT status FROM cases WHERE number = 'XZ-2026-0001'")" notice "reviewed and published like a change"
"$HDREG" run --db "$DB" --date 2026-06-22 --out "$OUT" >/dev/null 2>&1 || true
expect_eq "$(sql "$DB" "SELECT c.registration_date || ' ' || c.valid_until || ' ' || c.status || ' ' || p.status FROM certificates c JOIN cases k ON k.id = c.case_id JOIN certificates p ON p.id = k.prior_certificate_id WHERE k.number = 'XZ-2026-0001'")" \
  "2026-06-22 2029-06-22 issued superseded" \
  "the renewed certificate is valid three years from its own registration (a change keeps the old end, 2028-11-03), the old one superseded"

# ---- the night records the expiry, once -----------------------------------------------
run "$HDREG" run --db "$DB" --date 2026-06-30 --out "$OUT"
expect_eq "$(out | grep -c '^expired')" 0 "valid on its last day"
run "$HDREG" run --db "$DB" --date 2026-07-01 --out "$OUT"
expect_eq "$(out | grep '^expired')" "expired 1 certificate (validity ended, 5.2.1): $LIC" "the night names the expired certificate"
expect_eq "$(sql "$DB" "SELECT expired_on || ' ' || recorded_date || ' ' || (SELECT status FROM certificates WHERE id = certificate_id) FROM certificate_expiries")" \
  "2026-07-01 2026-07-01 issued" "recorded as expired from the day after its last (status by date)"
expect_eq "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["expired"], r["backlog"]["expiring"], r["backlog"]["expiry_reminder_working_days"])' "$OUT/run-2026-07-01.json")" \
  "['$LIC'] [] 20" "the report lists it"
grep -q "本夜记录有效期届满的证书（5.2.1）：$LIC。" "$OUT/run-2026-07-01.html" || fail "the morning page names it"
PASSED=$((PASSED + 1))
# The register extract of the day after says so, with the history (hdreg extract, unsigned
# here: no key).
REN=$(sql "$DB" "SELECT c.number FROM certificates c JOIN cases k ON k.id = c.case_id WHERE k.number = 'XZ-2026-0001'")
"$HDREG" extract --db "$DB" --certificate "$LIC" --date 2026-07-01 --out "$T/lic-extract.pdf" >/dev/null
case "$(pdftotext "$T/lic-extract.pdf" - | tr -d '\n ')" in
  *"截至2026年7月1日，证书${LIC}有效期限已届满（有效期至2026年6月30日，自2026年7月1日起失效）。"*"2026年4月21日许可登记：颁发证书${LIC}HZ-2026-0210"*"2026年7月1日证书${LIC}有效期届满（第5.2.1条）—"*) PASSED=$((PASSED + 1)) ;;
  *) fail "the extract of the expired certificate: $(pdftotext "$T/lic-extract.pdf" - | tr -d '\n ')" ;;
esac
"$HDREG" extract --db "$DB" --certificate "$REN" --date 2026-07-01 --out "$T/ren-extract.pdf" >/dev/null
case "$(pdftotext "$T/ren-extract.pdf" - | tr -d '\n ')" in
  *"2025年11月3日首次登记：颁发证书20251144000000004MSQ-2025-0004"*"2026年6月22日变更登记（续展有效期限）：颁发证书${REN}XZ-2026-0001"*) PASSED=$((PASSED + 1)) ;;
  *) fail "the extract of the renewed certificate: $(pdftotext "$T/ren-extract.pdf" - | tr -d '\n ')" ;;
esac
run "$HDREG" run --db "$DB" --date 2026-07-02 --out "$OUT"
# (Checked before any other program opens it.) The night and its report close the register cleanly: no WAL file is left for the next
# user (a statement left open kept them, and an installed night as another user then met
# files it could not write: "attempt to write a readonly database").
expect_eq "$(ls "$T" | grep -c '^d\.db-\(wal\|shm\)$')" 0 "no WAL files left after the night"
expect_eq "$(out | grep -c '^expired') $(sql "$DB" "SELECT count(*) FROM certificate_expiries")" "0 1" "a later night records nothing new"
expect_eq "$(sql "$DB" "SELECT count(*) FROM ledger WHERE kind = 'row' AND tbl = 'certificate_expiries'")" 1 "on the chain"
intact "the expiry"
sqlite3 "$DB" "DROP TRIGGER certificate_expiries_no_delete; DELETE FROM certificate_expiries"
run "$HDREG" ledger verify --db "$DB"
expect_eq "$rc $(err)" "3 hdreg: ledger verify: certificate_expiries $(sql "$DB" "SELECT id FROM certificates WHERE number = '$LIC'") (certificate $LIC) was deleted outside hdreg: entry $(sql "$DB" "SELECT seq FROM ledger WHERE tbl = 'certificate_expiries'") recorded it
hdreg: ledger verify: the database lacks hdreg's trigger 'certificate_expiries_no_delete' (it was dropped)" \
  "an expiry deleted past hdreg is named"
done_ok
