# A register extract (登记簿摘录, issue 17; 5.2.2 f, 5.3.2): hdreg extract writes what the
# register holds of one certificate on a date — its fields, its standing, its history —
# signed and recorded, so that hdreg verify names it; refused for what the register did
# not hold, for a file recorded already, and for a register changed past hdreg.
source "$(dirname "$0")/lib.sh"
set -e
DB=$T/d.db
"$HDREG" keygen --keys "$T/k" --name 广东省健康医疗数据产权登记中心 --bits 2048 >/dev/null
"$HDREG" demo-db --db "$T/d.db" >/dev/null
"$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/out" --keys "$T/k" >/dev/null 2>&1 || true
docs=$(sql "$T/d.db" "SELECT count(*) FROM documents")
# The day it is issued is today (the wall clock): its date, its signature's and its record's.
TODAY=$(date +%F)
TODAY_CN=$(python3 -c 'import sys; y, m, d = sys.argv[1].split("-"); print(f"{int(y)}年{int(m)}月{int(d)}日")' "$TODAY")
# text FILE: the extract's text on one line, without layout spaces
text() { pdftotext "$1" - | tr -d '\n '; }

run "$HDREG" extract --db "$T/d.db" --certificate 20260344000000012J --date 2026-04-01 --out "$T/x.pdf" --keys "$T/k"
sha=$(sha256sum "$T/x.pdf" | cut -d' ' -f1)
expect_eq "$rc $(out)" "0 register extract of certificate 20260344000000012J as of 2026-04-01: $T/x.pdf (SHA-256 $sha), signed and recorded in the register" \
  "the extract of a change certificate written, signed and recorded"
expect_eq "$(sql "$T/d.db" "SELECT kind || ' ' || (SELECT number FROM certificates WHERE id = certificate_id) || ' ' || created_date || ' ' || sha256 FROM documents WHERE path = '$T/x.pdf'")" \
  "register_extract 20260344000000012J $TODAY $sha" "recorded with its certificate, the day it is issued and its SHA-256"
expect_eq "$(sql "$T/d.db" "SELECT count(*) FROM ledger WHERE tbl = 'documents' AND ref_id = (SELECT id FROM documents WHERE path = '$T/x.pdf')")" 1 "on the chain"
t=$(text "$T/x.pdf")
for want in "健康医疗数据产权登记簿摘录" "证书编号：20260344000000012J截至：2026年4月1日出具日期：$TODAY_CN" \
  "截至2026年4月1日，证书20260344000000012J有效，有效期至2028年9月30日。" \
  "登记证书文件的SHA-256：$(sha256sum "$T/out/certificates/20260344000000012J.pdf" | cut -d' ' -f1)" \
  "2025年9月30日首次登记：颁发证书20250944000000003FSQ-2025-0003" \
  "2026年3月16日变更登记：颁发证书20260344000000012JSQ-2026-0012" \
  "数据产权权利人广州市珠江中心医院" "有效期限2026年3月16日至2028年9月30日"; do
  case "$t" in *"$want"*) PASSED=$((PASSED + 1)) ;; *) fail "the extract says '$want': $t" ;; esac
done
expect_eq "$(pdfinfo "$T/x.pdf" 2>&1 | sed -n 's/^Pages: *//p') $(qpdf --check "$T/x.pdf" 2>&1 | grep -c 'No syntax or stream encoding errors found') $(pdffonts "$T/x.pdf" 2>&1 | awk 'NR > 2 {print $(NF-4) $(NF-3)}' | sort -u | tr '\n' ' ')" \
  "1 1 yesyes " "one page, qpdf clean, every font embedded and subset"
expect_eq "$(pdfsig "$T/x.pdf" 2>&1 | grep -E 'Signature Validation|Signer Certificate Common Name' | sed 's/^ *- //')" \
  "Signer Certificate Common Name: 广东省健康医疗数据产权登记中心
Signature Validation: Signature is Valid." "signed by the authority"
run "$HDREG" verify "$T/x.pdf" --db "$T/d.db" --keys "$T/k"
expect_eq "$rc $(out)" "0 $T/x.pdf: authentic (register extract of case SQ-2026-0012, issued $TODAY; signed by 广东省健康医疗数据产权登记中心)" \
  "hdreg verify names it"

# The public site lists the recorded extract for the verification page (its SHA-256 only).
run "$HDREG" publish --db "$T/d.db" --out "$T/site" --date "$TODAY"
expect_eq "$rc $(grep -o "\"$sha\":{[^}]*}" "$T/site/data/d/${sha:0:2}.js")" \
  "0 \"$sha\":{\"kind\":\"register_extract\",\"what\":\"登记簿摘录\",\"text\":\"证书20260344000000012J的登记簿摘录，${TODAY}出具（摘录所载为出具时登记簿的记载，证书现状以证书查询为准）。\"}" \
  "the verification page knows the extract"

# The standing on the date: superseded, cancelled.
"$HDREG" extract --db "$T/d.db" --certificate 20250944000000003F --date 2026-04-01 --out "$T/s.pdf" --keys "$T/k" >/dev/null
case "$(text "$T/s.pdf")" in *"截至2026年4月1日，证书20250944000000003F已于2026年3月16日被证书20260344000000012J取代（变更登记，申请编号SQ-2026-0012）。"*) PASSED=$((PASSED + 1)) ;;
  *) fail "superseded: $(text "$T/s.pdf")" ;; esac
"$HDREG" extract --db "$T/d.db" --certificate 20251244000000005X --date 2026-04-01 --out "$T/c.pdf" --keys "$T/k" >/dev/null
case "$(text "$T/c.pdf")" in *"已于2026年3月16日注销（注销申请编号SQ-2026-0043）。"*"2026年3月16日注销登记：证书20251244000000005X注销（第5.1.6条）SQ-2026-0043"*) PASSED=$((PASSED + 1)) ;;
  *) fail "cancelled: $(text "$T/c.pdf")" ;; esac
# (expired: tests/e2e/expiry.sh, whose licence certificate ends on 2026-06-30)

# What the register did not hold, a file recorded already, no key.
run "$HDREG" extract --db "$T/d.db" --certificate 20250944000000003F --date 2025-01-01 --out "$T/early.pdf" --keys "$T/k"
expect_eq "$rc $(err)" "3 hdreg: extract: certificate 20250944000000003F was registered on 2025-09-30, after 2025-01-01: the register held no such entry that day" "before its registration"
run "$HDREG" extract --db "$T/d.db" --certificate 20269944000000099X --out "$T/none.pdf" --keys "$T/k"
expect_eq "$rc $(err)" "3 hdreg: extract: certificate 20269944000000099X is not in the register" "no such certificate"
mv "$T/x.pdf" "$T/x-moved.pdf"
run "$HDREG" extract --db "$T/d.db" --certificate 20260344000000012J --date 2026-04-01 --out "$T/x.pdf" --keys "$T/k"
expect_eq "$rc $(err)" "3 hdreg: extract: '$T/x.pdf' is recorded already (a register_extract): write each document to a file of its own" "one file per extract"
expect_eq "$(ls "$T" | grep -c '^x\.pdf$')" 0 "nothing written at the recorded path"
mv "$T/x-moved.pdf" "$T/x.pdf"
run "$HDREG" extract --db "$T/d.db" --certificate 20260344000000012J --date 2026-04-01 --out "$T/u.pdf"
expect_eq "$rc $(out | sed 's/SHA-256 [0-9a-f]*/SHA-256 H/')" "0 register extract of certificate 20260344000000012J as of 2026-04-01: $T/u.pdf (SHA-256 H), unsigned, not recorded" "without a key: unsigned, not recorded"
case "$(text "$T/u.pdf")" in *"（未经登记机构签名的副本，不作为登记机构出具的证明）"*) PASSED=$((PASSED + 1)) ;; *) fail "the unsigned copy says so" ;; esac
# Never a statement of the future, never over a file.
run "$HDREG" extract --db "$T/d.db" --certificate 20260344000000012J --date 2999-01-01 --out "$T/f.pdf" --keys "$T/k"
expect_eq "$rc $(err)" "2 hdreg: extract: --date 2999-01-01 is after today, $TODAY: an extract states what the register holds, not what it will" "no date after today"
echo keep >"$T/keep.txt"
run "$HDREG" extract --db "$T/d.db" --certificate 20260344000000012J --date 2026-04-01 --out "$T/keep.txt" --keys "$T/k"
expect_eq "$rc $(err) $(cat "$T/keep.txt")" "5 hdreg: extract: '$T/keep.txt' exists already: a document issued on request never replaces a file keep" "an existing file is never replaced"
run "$HDREG" extract --db "$T/d.db" --certificate 20260344000000012J --out -
expect_eq "$rc $(err)" "2 hdreg: extract: --out must be a file: the register records where each extract is" "not to standard output"
expect_eq "$(sql "$T/d.db" "SELECT count(*) FROM documents")" "$((docs + 3))" "three extracts recorded"
intact "the extracts"
# A register changed past hdreg is refused: an extract vouches for it.
cp "$T/d.db" "$T/t.db"
sqlite3 "$T/t.db" "DROP TRIGGER IF EXISTS certificates_no_update; UPDATE certificates SET valid_until = '2099-12-31' WHERE number = '20260344000000012J'"
run "$HDREG" extract --db "$T/t.db" --certificate 20260344000000012J --out "$T/t.pdf" --keys "$T/k"
expect_eq "$rc $(err | head -1)" "4 hdreg: extract: certificates $(sql "$T/t.db" "SELECT id FROM certificates WHERE number = '20260344000000012J'") (20260344000000012J) was changed outside hdreg after entry $(sql "$T/d.db" "SELECT max(seq) FROM ledger WHERE tbl = 'certificates' AND ref_id = (SELECT id FROM certificates WHERE number = '20260344000000012J')") recorded it: valid_until \"2028-09-30\" → \"2099-12-31\"" \
  "a changed register is refused"
expect_eq "$(err | tail -1)" "hdreg: extract: the register is not as hdreg left it (above; hdreg ledger verify says the same): nothing was done. Restore the database from a backup, or have the change explained (hdreg ledger adopt)" \
  "the refusal names the command once"
[ ! -e "$T/t.pdf" ] && PASSED=$((PASSED + 1)) || fail "nothing written for a changed register"
done_ok
