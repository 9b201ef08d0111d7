# hdreg import / export: the exchange format in XML and CSV; declared encodings (GBK and
# GB18030 files with rare characters, converted by iconv); invalid bytes named by line and
# column; every problem of a file in one pass and nothing written; normalisations listed;
# the round trip of the demo register (before and after a night) through both formats.
source "$(dirname "$0")/lib.sh"
set -e
F=tests/e2e/import
"$HDREG" demo-db --db "$T/demo.db" >/dev/null
dump() { sqlite3 "$1" .dump | sha256sum; }
# What makes the cases the same, compared in SQL: every column but the row ids of child
# records and certificates (which follow the file's order), with certificates by number.
CERTNUM="(SELECT number FROM certificates x WHERE x.id"
SAME=("SELECT c.number, c.reg_type, c.procedure, c.status, c.applicant_id, c.counterparty_id,
         c.resource_id, c.applied_date, c.accepted_date, c.review_date, c.committee_date,
         c.notice_start, c.notice_end, c.decided_date, $CERTNUM = c.prior_certificate_id),
         c.cancel_ground, c.change_description, c.consideration FROM cases c ORDER BY c.id"
      "SELECT * FROM resources ORDER BY id"
      "SELECT case_id, right_kind, holder_id, restrictions FROM case_rights ORDER BY case_id, id"
      "SELECT case_id, kind, present, issued_date, valid_until, reference, note FROM materials ORDER BY case_id, id"
      "SELECT case_id, filed_date, objector, grounds, material, status, resolved_date FROM objections ORDER BY case_id, id"
      "SELECT number, case_id, status, registration_date, valid_until, $CERTNUM = c.superseded_by) FROM certificates c ORDER BY number"
      "SELECT c.number, f.position, f.label, f.value FROM certificate_fields f JOIN certificates c ON c.id = f.certificate_id ORDER BY 1, 2"
      "SELECT subject_id, kind, record_date, authority, description, lifted_date FROM subject_records ORDER BY subject_id, id"
      "SELECT * FROM subjects WHERE id <> 15 ORDER BY id"
      "SELECT * FROM counters")

# ---- round trip of the demo register --------------------------------------------------
for fmt in xml csv; do
  run "$HDREG" export --db "$T/demo.db" --format $fmt --out "$T/demo.$fmt"
  expect_eq "$rc $(out) $(err)" "0  exported 27 subjects, 49 cases and 5 certificates to $T/demo.$fmt" "export $fmt"
  # Refused as a batch of applications: the demo register holds two invalid credit codes
  # (for check 7.1), 24 cases past 'submitted', and 6 cases naming certificates that an
  # application batch cannot bring.
  run "$HDREG" import --db "$T/strict-$fmt.db" --create "$T/demo.$fmt"
  case $fmt in
    xml) p1=161 p2=305 ;;
    csv) p1=22:29 p2=36:24 ;;
  esac
  expect_eq "$rc $(err | grep uscc)" "3 $T/demo.$fmt:$p1: uscc: '91441300MA55XK9D99' is not a valid unified social credit code: check character (position 18) is '9', should be '0'
$T/demo.$fmt:$p2: uscc: '124452024563119000' is not a valid unified social credit code: organisation code check character (position 17) is '0', should be '7'" "strict import of the $fmt export: codes"
  expect_eq "$(err | grep -c "status: an application comes in as 'submitted', not '") $(err | grep -c "prior-certificate: no certificate '") $(err | grep -c "certificate: a batch of applications brings no certificates") $(err | grep -c "objection: a batch of applications brings no objections") $(err | tail -1)" \
    "24 6 5 2 hdreg: import: $T/demo.$fmt: 39 problems, nothing imported" "strict import of the $fmt export: statuses, certificates"
  [ ! -e "$T/strict-$fmt.db" ] || fail "--create left a database behind after a refused import"
  run "$HDREG" import --db "$T/rt-$fmt.db" --create --restore "$T/demo.$fmt"
  case $fmt in
    xml) n=173 ;;
    csv) n=23:23 ;;
  esac
  expect_eq "$rc $(err)" "0 " "import $fmt"
  expect_eq "$(out)" "$T/demo.$fmt:$p1: uscc: kept as recorded: '91441300MA55XK9D99' is not a valid unified social credit code: check character (position 18) is '9', should be '0'
$T/demo.$fmt:$n: uscc: normalised '５２４４０７00MJ9K7701X4' to '52440700MJ9K7701X4' (full-width or lower-case characters)
$T/demo.$fmt:$p2: uscc: kept as recorded: '124452024563119000' is not a valid unified social credit code: organisation code check character (position 17) is '0', should be '7'
import 1: imported 49 cases, 27 subjects (0 already in the register), 5 certificates and 515 other records from $T/demo.$fmt (UTF-8, $(stat -c %s "$T/demo.$fmt") bytes); 1 value normalised; 2 invalid credit codes kept as recorded" "import $fmt report"
  "$HDREG" export --db "$T/rt-$fmt.db" --format $fmt --out "$T/rt.$fmt" 2>/dev/null
  # The same file but for the one code the import normalised.
  expect_eq "$(diff "$T/demo.$fmt" "$T/rt.$fmt" | grep '^[<>]' | sed 's/^\([<>]\) *\(subject,S15,[^,]*,\([^,]*\),.*\|<uscc>\(.*\)<\/uscc>\)$/\1 \3\4/')" \
    "< ５２４４０７00MJ9K7701X4
> 52440700MJ9K7701X4" "round trip $fmt"
  # And the same rows in every case table, compared in SQL (ids included).
  for q in "${SAME[@]}"; do
    expect_eq "$(sql "$T/rt-$fmt.db" "$q")" "$(sql "$T/demo.db" "$q")" "$fmt: $q"
  done
done
expect_eq "$("$HDREG" export --db "$T/rt-csv.db" --format xml)" "$(cat "$T/rt.xml")" "CSV and XML import give the same register"
xmllint --noout --relaxng templates/cases.rng "$T/demo.xml" 2>"$T/xmllint" || fail "export does not match templates/cases.rng: $(cat "$T/xmllint")"
PASSED=$((PASSED + 1))

# After a night: issued certificates, their fields, the counter.
mkdir -p "$T/night"
cp "$T/demo.db" "$T/night/n.db"
set +e
"$HDREG" run --db "$T/night/n.db" --out "$T/night/out" --date 2026-03-16 >/dev/null 2>&1
nrc=$?
set -e
expect_eq "$nrc" 1 "the demo night (one case fails by design, see run_demo.sh)"
"$HDREG" export --db "$T/night/n.db" --format xml --out "$T/night.xml" 2>/dev/null
run "$HDREG" import --db "$T/night/rt.db" --create --restore "$T/night.xml"
expect_eq "$rc $(out | tail -1)" "0 import 1: imported 49 cases, 27 subjects (0 already in the register), 14 certificates and 614 other records from $T/night.xml (UTF-8, $(stat -c %s "$T/night.xml") bytes); 1 value normalised; 2 invalid credit codes kept as recorded" "import after a night"
"$HDREG" export --db "$T/night/rt.db" --format xml --out "$T/night-rt.xml" 2>/dev/null
expect_eq "$(diff "$T/night.xml" "$T/night-rt.xml" | grep -c '^[<>]')" 2 "round trip after a night: only the normalised code differs"
for q in "${SAME[@]}"; do
  expect_eq "$(sql "$T/night/rt.db" "$q")" "$(sql "$T/night/n.db" "$q")" "after a night: $q"
done

# A synthetic register (every type, procedure and status, certificates, objections,
# credit records): export, import into an empty register, export again: the same bytes.
"$HDREG" demo-db --db "$T/syn.db" --synthetic 1000 --seed 3 >/dev/null
for fmt in xml csv; do
  "$HDREG" export --db "$T/syn.db" --format $fmt --out "$T/syn.$fmt" 2>/dev/null
  run "$HDREG" import --db "$T/syn-$fmt.db" --create --restore "$T/syn.$fmt"
  expect_eq "$rc $(err)" "0 " "synthetic $fmt import"
  expect_eq "$("$HDREG" export --db "$T/syn-$fmt.db" --format $fmt | sha256sum)" "$(sha256sum <"$T/syn.$fmt")" "synthetic $fmt round trip"
done

# Every field of the format (the CSV headers an export writes, from src/exchange/spec.c)
# is documented in docs/import.md and named in the schema templates/cases.rng.
"$HDREG" demo-db --db "$T/e.db" >/dev/null
# type.field for each row of the field tables, under their "### type ..." headings
awk '/^## Fields/ {on = 1} on && /^### / {t = $2} on && t && /^\| `/ {f = $2; gsub(/`/, "", f); print t "." f}' \
  docs/import.md >"$T/documented"
missing=""
while IFS=, read -r type fields; do
  for f in $(echo "$fields" | tr ',' ' '); do
    grep -qx "${type#@}.$f" "$T/documented" || missing="$missing docs:${type#@}.$f"
    grep -q "name=\"$f\"" templates/cases.rng || missing="$missing rng:${type#@}.$f"
  done
done < <("$HDREG" export --db "$T/e.db" --format csv | grep '^@')
expect_eq "$missing" "" "the format's fields in the docs and the schema"

# ---- encodings: GBK and GB18030 with rare characters ------------------------------------
iconv -f UTF-8 -t GBK $F/rare.xml >"$T/rare-gbk.xml"
iconv -f UTF-8 -t GB18030 $F/rare18030.csv >"$T/rare-gb18030.csv"
run "$HDREG" import --db "$T/enc.db" --create --date 2026-03-20 --encoding GBK "$T/rare-gbk.xml"
expect_eq "$rc $(out) $(err)" "0 import 1: imported 1 case, 1 subject (0 already in the register), 0 certificates and 2 other records from $T/rare-gbk.xml (GBK, 977 bytes) " "GBK file"
run "$HDREG" import --db "$T/enc.db" --date 2026-03-21 --encoding GB18030 "$T/rare-gb18030.csv"
expect_eq "$rc $(err)" "0 " "GB18030 file"
expect_eq "$(out)" "$T/rare-gb18030.csv:4:27: uscc: normalised '９１４４０３００ＭＡ５Ｈ２Ｑ７Ｔ５Ｂ' to '91440300MA5H2Q7T5B' (full-width or lower-case characters)
import 2: imported 1 case, 2 subjects (0 already in the register), 0 certificates and 1 other record from $T/rare-gb18030.csv (GB18030, 490 bytes); 1 value normalised" "GB18030 report"
expect_eq "$(sql "$T/enc.db" "SELECT id, at, file, format, encoding, bytes, cases, subjects, certificates, normalised FROM imports")" "1|2026-03-20|$T/rare-gbk.xml|xml|GBK|977|1|1|0|0
2|2026-03-21|$T/rare-gb18030.csv|csv|GB18030|490|1|2|0|1" "imports recorded"
expect_eq "$(sql "$T/enc.db" "SELECT sha256 FROM imports ORDER BY id")" "$(sha256sum "$T/rare-gbk.xml" "$T/rare-gb18030.csv" | cut -d' ' -f1)" "imports: SHA-256 of the files as received"
expect_eq "$(sql "$T/enc.db" "SELECT number, import_id FROM cases ORDER BY id")" "HZ-2026-0001|1
HZ-2026-0100|2" "each case's import"
# Each import is on the register's hash chain (a row of imports, with the cases, subjects
# and records it brought): an edited import row is named with what changed, and one the
# sqlite3 shell inserts is named as inserted outside hdreg.
run "$HDREG" ledger verify --db "$T/enc.db"
# 98 entries: the migration mark and the 61 rows of a new register (settings, counter,
# transitions), the 3 settings of schema 9 (letters), the 4 of schema 10 (the documents'
# supervising department and objection contact) and the 15 transitions of schema 11, then
# import 1 (subject, resource, case, right, material, case counter, import row: entries
# 85 to 91) and import 2 (two subjects, no material: 92 to 98).
expect_eq "$rc $(out | cut -d, -f1-2)" "0 ledger intact: 98 entries, 95 rows" "imports on the chain"
expect_eq "$(sql "$T/enc.db" "SELECT group_concat(seq, ' ') FROM ledger WHERE tbl = 'imports'")" "91 98" "each import's row is the last entry of its import"
expect_eq "$("$HDREG" ledger show --db "$T/enc.db" --case HZ-2026-0100 | sed -E 's/^ *([0-9]+)  [0-9a-f]{12}  /\1  /')" "95  cases 2  [2,\"HZ-2026-0100\",\"first\",\"simplified\",\"submitted\",2,null,2,\"2026-02-11\",null,null,null,null,null,null,null,null,null,null,2]
96  case_rights 2  [2,2,\"use\",3,\"仅限科研\"]
98  2026-03-21  import  $T/rare-gb18030.csv  GB18030, 1 cases  sha256 $(sha256sum "$T/rare-gb18030.csv" | cut -c1-16)…" "ledger show: a case's rows and its import"
cp "$T/enc.db" "$T/tampered.db"
hidden "$T/tampered.db" "DROP TRIGGER imports_no_update; UPDATE imports SET file = 'other.csv' WHERE id = 2"
run "$HDREG" ledger verify --db "$T/tampered.db"
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: imports 2 was changed outside hdreg after entry 98 recorded it: file \"$T/rare-gb18030.csv\" → \"other.csv\"" "an edited import is found"
# No SQL function is needed to add a row any more; verify names it all the same.
run sqlite3 "$T/tampered.db" "INSERT INTO imports(at, file, sha256, format, encoding, bytes, cases, subjects, certificates, normalised) VALUES ('2026-03-22', 'x.csv', '$(printf '%064d' 0)', 'csv', 'UTF-8', 1, 0, 0, 0, 0)"
expect_eq "$rc $(out)$(err)" "0 " "the shell inserts an import row"
run "$HDREG" ledger verify --db "$T/tampered.db"
expect_eq "$rc $(err)" "3 hdreg: ledger verify: imports 2 was changed outside hdreg after entry 98 recorded it: file \"$T/rare-gb18030.csv\" → \"other.csv\"
hdreg: ledger verify: imports 3 is not on the chain: it was inserted outside hdreg" "an import inserted by the shell is found"
run "$HDREG" case history --db "$T/enc.db" --case HZ-2026-0100
expect_eq "$rc $(out)" "0 2026-03-21  imported as submitted  import 2：$T/rare-gb18030.csv (GB18030, SHA-256 $(sha256sum "$T/rare-gb18030.csv" | cut -d' ' -f1))" "a case's history starts with its import"
expect_eq "$(sql "$T/enc.db" "SELECT name, legal_rep, contact_name FROM subjects ORDER BY id")" "广州市堃喆医院|王赟|刘昇珺
𠮷祥健康管理（深圳）有限公司|李䶮|
𪚥龘数据科技有限公司|欧阳 \"䶮\"|" "rare characters arrive as UTF-8"
expect_eq "$(sql "$T/enc.db" "SELECT r.name FROM cases c JOIN resources r ON r.id = c.resource_id ORDER BY c.id")" "门诊病历数据集（翀）
体检数据集
（含𠮷字姓名）" "a line break inside a quoted CSV cell"
# The same bytes again: said once (not as 2 duplicate cases); as Windows would save it
# (CRLF) it is another file, and then every case is a duplicate.
run "$HDREG" import --db "$T/enc.db" --encoding GB18030 "$T/rare-gb18030.csv"
expect_eq "$rc $(err)" "3 $T/rare-gb18030.csv:1: file: these very bytes were imported already: import 2 on 2026-03-21 from '$T/rare-gb18030.csv' (same SHA-256)
hdreg: import: $T/rare-gb18030.csv: 1 problem, nothing imported" "the same file twice"
sed 's/$/\r/' "$T/rare-gb18030.csv" >"$T/crlf.csv"
run "$HDREG" import --db "$T/enc.db" --encoding GB18030 "$T/crlf.csv"
expect_eq "$rc $(err)" "3 $T/crlf.csv:6:6: number: case 'HZ-2026-0100' is already in the register
hdreg: import: $T/crlf.csv: 1 problem, nothing imported" "CRLF: read as the same rows"
run "$HDREG" import --db "$T/crlf.db" --create --date 2026-03-21 --encoding GB18030 "$T/crlf.csv"
expect_eq "$rc $(sql "$T/crlf.db" "SELECT r.name FROM cases c JOIN resources r ON r.id = c.resource_id")" "0 体检数据集
（含𠮷字姓名）" "CRLF: the line break inside a quoted cell stays a line break"

# The GB18030 file declared as GBK: the characters GBK lacks, by line and column.
run "$HDREG" import --db "$T/enc2.db" --create --encoding GBK "$T/rare-gb18030.csv"
expect_eq "$rc" 3 "GB18030 read as GBK"
expect_eq "$(err | grep encoding)" "$T/rare-gb18030.csv:4:12: encoding: bytes 0x95 are not valid GBK
$T/rare-gb18030.csv:4:14: encoding: bytes 0xB2 are not valid GBK
$T/rare-gb18030.csv:4:58: encoding: bytes 0xFE 0x9F are not valid GBK
$T/rare-gb18030.csv:5:12: encoding: bytes 0x98 are not valid GBK
$T/rare-gb18030.csv:5:14: encoding: bytes 0xEE are not valid GBK
$T/rare-gb18030.csv:5:59: encoding: bytes 0xFE 0x9F are not valid GBK
$T/rare-gb18030.csv:7:3: encoding: bytes 0x95 are not valid GBK
$T/rare-gb18030.csv:7:5: encoding: bytes 0xB2 are not valid GBK" "GB18030 read as GBK: positions"

# Invalid bytes planted at known places.
python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
lines = ['@subject,id,name,uscc,kind',
         '@case,number,type,procedure,applicant,applied,owner,name,data-class,grade,source,records,bytes',
         'subject,H1,广州市越秀医院,1244010445512873XA,public_hospital',
         'case,HZ-2026-0009,first,simplified,H1,2026-02-10,H1,门诊数据,health_status,2,院内,10,100']
b = [l.encode('gbk') for l in lines]
b[2] = b[2].replace('广州'.encode('gbk'), '广州'.encode('gbk') + b'\xff')            # line 3, column 14
b[3] = b[3].replace('门诊数据,'.encode('gbk'), '门诊数据'.encode('gbk') + b'\x81,')  # line 4, column 57
open(t + '/gbk-bad.csv', 'wb').write(b'\n'.join(b) + b'\n')
x = open('tests/e2e/import/rare.xml', encoding='utf-8').read().replace('encoding="GBK"', 'encoding="UTF-8"')
xl = x.encode('utf-8').split(b'\n')
xl[4] = xl[4].replace('堃'.encode(), b'\xc3\x28')                 # line 5, column 14
xl[7] = xl[7].replace('赟'.encode(), b'\x80')                      # line 8, column 17
xl[17] = xl[17].replace('（翀）'.encode(), '（翀）'.encode()[:-1])  # line 18, column 22
open(t + '/utf8-bad.xml', 'wb').write(b'\n'.join(xl))
PY
before=$(dump "$T/enc.db")
run "$HDREG" import --db "$T/enc.db" --encoding GBK "$T/gbk-bad.csv"
expect_eq "$rc $(err)" "3 $T/gbk-bad.csv:3:14: encoding: bytes 0xFF are not valid GBK
$T/gbk-bad.csv:4:57: encoding: bytes 0x81 are not valid GBK
hdreg: import: $T/gbk-bad.csv: 2 problems, nothing imported" "GBK with invalid bytes"
run "$HDREG" import --db "$T/enc.db" "$T/utf8-bad.xml"
expect_eq "$rc $(err)" "3 $T/utf8-bad.xml:5:14: encoding: bytes 0xC3 are not valid UTF-8
$T/utf8-bad.xml:8:17: encoding: bytes 0x80 are not valid UTF-8
$T/utf8-bad.xml:11: number: case 'HZ-2026-0001' is already in the register
$T/utf8-bad.xml:18:22: encoding: bytes 0xEF 0xBC are not valid UTF-8
hdreg: import: $T/utf8-bad.xml: 4 problems, nothing imported (if the file is in GBK or GB18030, say so with --encoding)" "UTF-8 with invalid bytes"
# An XML file's own declaration (encoding="GBK") is its encoding when --encoding is not
# given; an explicit --encoding wins, and a GBK file read as UTF-8 says how to read it.
run "$HDREG" import --db "$T/fresh.db" --create --dry-run "$T/rare-gbk.xml"
expect_eq "$rc $(err) $(out)" "0  dry run, nothing written: would import 1 case, 1 subject (0 already in the register), 0 certificates and 2 other records from $T/rare-gbk.xml (GBK, 977 bytes)" "the XML declaration's encoding"
[ ! -e "$T/fresh.db" ] || fail "--create --dry-run left a database"
PASSED=$((PASSED + 1))
run "$HDREG" import --db "$T/fresh.db" --create --encoding UTF-8 "$T/rare-gbk.xml"
expect_eq "$rc $(out) $(err | tail -1)" "3 $T/rare-gbk.xml:1: encoding: the file declares GBK; read as UTF-8, as --encoding says hdreg: import: $T/rare-gbk.xml: 15 problems, nothing imported (if the file is in GBK or GB18030, say so with --encoding)" "GBK read as UTF-8"
sed 's/encoding="GBK"/encoding="GB2312"/' "$T/rare-gbk.xml" >"$T/gb2312.xml"
run "$HDREG" import --db "$T/fresh.db" --create --dry-run "$T/gb2312.xml"
expect_eq "$rc $(out | head -1)" "0 $T/gb2312.xml:1: encoding: the file declares GB2312: read as GBK, which contains it" "GB2312 declared"
sed 's/encoding="GBK"/encoding="Big5"/' "$T/rare-gbk.xml" >"$T/big5.xml"
run "$HDREG" import --db "$T/fresh.db" --create "$T/big5.xml"
expect_eq "$rc $(err)" "3 hdreg: import: $T/big5.xml:1: encoding: the file declares 'Big5', which hdreg does not read (UTF-8, GBK or GB18030)" "Big5 declared"
# U+FFFD in a valid file: a character lost before the file was made, never silently kept
# or dropped.
printf '@subject,id,name,uscc,kind\nsubject,A,\xef\xbf\xbd\xe5\x8c\xbb\xe9\x99\xa2,1244010445512873XA,company\n' >"$T/fffd.csv"
run "$HDREG" import --db "$T/enc.db" "$T/fffd.csv"
expect_eq "$rc $(err)" "3 $T/fffd.csv:2:11: name: U+FFFD at character 1: a character lost in an earlier conversion; send the value as it really is
hdreg: import: $T/fffd.csv: 1 problem, nothing imported" "U+FFFD"
printf '\xff\xfe<\x00h\x00' >"$T/utf16.xml"
run "$HDREG" import --db "$T/enc.db" "$T/utf16.xml"
expect_eq "$rc $(err)" "3 hdreg: import: $T/utf16.xml:1: encoding: the file is UTF-16 (it starts with a byte-order mark); save it as UTF-8, GBK or GB18030" "UTF-16"
expect_eq "$(dump "$T/enc.db")" "$before" "refused imports wrote nothing"

# ---- a batch from outside goes through the night ----------------------------------------
# The GBK and GB18030 batches imported into the demo register, then the night: both cases
# are reviewed and their opinions carry the rare characters (𠮷 from the fallback font).
mkdir -p "$T/nb"
cp "$T/demo.db" "$T/nb/d.db"
"$HDREG" import --db "$T/nb/d.db" --date 2026-03-15 "$T/rare-gbk.xml" >/dev/null
"$HDREG" import --db "$T/nb/d.db" --date 2026-03-15 --encoding GB18030 "$T/rare-gb18030.csv" >/dev/null
set +e
"$HDREG" run --db "$T/nb/d.db" --date 2026-03-16 --out "$T/nb/out" >"$T/nb/summary" 2>/dev/null
nrc=$?
set -e
expect_eq "$nrc $(sed -n 3p "$T/nb/summary" | cut -d: -f1)" "1 reviewed 27 cases with check pack $(sed -n 3p "$T/nb/summary" | sed -E 's/.*check pack ([0-9a-f]+).*/\1/')" "the night reviews the imported cases too"
expect_eq "$(ls "$T/nb/out/opinions" | grep '^HZ-')" "HZ-2026-0001-2026-03-16.pdf
HZ-2026-0100-2026-03-16.pdf" "opinions for the imported cases"
pdftotext "$T/nb/out/opinions/HZ-2026-0100-2026-03-16.pdf" "$T/nb/o.txt" 2>"$T/nb/poppler"
expect_eq "$(cat "$T/nb/poppler")$(tr -d ' \n\f' <"$T/nb/o.txt" | grep -o '𠮷祥健康管理（深圳）有限公司\|（含𠮷字姓名）' | tr '\n' ' ')" \
  "𠮷祥健康管理（深圳）有限公司 （含𠮷字姓名） 𠮷祥健康管理（深圳）有限公司 （含𠮷字姓名） " "the opinion names (addressee and table) the applicant and the data with 𠮷, in Chinese"
pdftotext "$T/nb/out/opinions/HZ-2026-0001-2026-03-16.pdf" - | grep -q '广州市堃喆医院' || fail "堃喆 in the opinion"
PASSED=$((PASSED + 1))

# ---- every kind of problem, all in one pass ----------------------------------------------
cp "$T/demo.db" "$T/p.db"
before=$(dump "$T/p.db")
run "$HDREG" import --db "$T/p.db" $F/problems.xml
expect_eq "$rc" 3 "problems: exit"
expect_eq "$(err)" "$F/problems.xml:6: kind: 'hospital' is not one of: public_hospital, private_hospital, company, research, university, government, social_org, other
$F/problems.xml:10: uscc: '91440300MA5F7K2X5G' is not a valid unified social credit code: check character (position 18) is 'G', should be 'F'
$F/problems.xml:17: applied: '2026-02-30' is not a day of the calendar
$F/problems.xml:18: source: missing: every case needs it
$F/problems.xml:22: grade: 6 is out of range (1 to 5)
$F/problems.xml:24: bytes: '1e6' is not a whole number
$F/problems.xml:26: holder: no subject with id 'H9' earlier in the file
$F/problems.xml:27: issued: '2026/02/01' is not a date (YYYY-MM-DD)
$F/problems.xml:29: number: case 'SQ-2026-0007' is already in the register
$F/problems.xml:34: prior-certificate: no certificate '20250644000000099X' in the file or the register
$F/problems.xml:40: number: 'HZ-2026-0001' is already used by the case at line 13
$F/problems.xml:40: cancel-ground: missing: a cancellation (type cancel) needs its ground, a to f (clause 6.5)
$F/problems.xml:48: colour: <resource> has no element <colour>
hdreg: import: $F/problems.xml: 13 problems, nothing imported" "problems: every one, in file order"
expect_eq "$(out)" "$F/problems.xml:4: name: surrounding spaces removed
$F/problems.xml:5: uscc: normalised '１２４４０１０４４５５１２８７３ＸＡ' to '1244010445512873XA' (full-width or lower-case characters)
$F/problems.xml:13: number: normalised 'ＨＺ-2026-0001' to 'HZ-2026-0001' (full-width characters)" "problems: normalisations"
expect_eq "$(dump "$T/p.db")" "$before" "problems: nothing written"
run "$HDREG" import --db "$T/p.db" --max-problems 2 $F/problems.xml
expect_eq "$(err | wc -l) $(err | tail -2)" "4 hdreg: import: 11 more problems not shown (--max-problems 0 shows all)
hdreg: import: $F/problems.xml: 13 problems, nothing imported" "--max-problems"

# The same in CSV, with columns.
cat >"$T/p.csv" <<'CSV'
@subject,id,name,uscc,kind
@case,number,type,procedure,applicant,applied,owner,name,data-class,grade,source,records,bytes,cancel-ground,prior-certificate
@right,case,kind,holder
subject,H1,广州市越秀医院,1244010445512873XA,public_hospital
subject,H1,广州市越秀医院,1244010445512873XA,public_hospital
subject,S2,改名的医院,1244010045512873XG,public_hospital
case,HZ-1,cancel,quick,H1,2026-13-01,H1,数据,health,2,,10,-5,,
case,HZ-2,change,simplified,H1,2026-02-01,H1,数据,health_status,2,院内,10,5,,20250644000000001R
right,HZ-2,owning,H7
right,HZ-9,use,H1
case,HZ-3,first,simplified,H1,2026-02-01,H1,"数据"x,health_status,2,院内,10,5,,,extra
widget,1
CSV
run "$HDREG" import --db "$T/p.db" "$T/p.csv"
expect_eq "$(err)" "$T/p.csv:5:9: id: 'H1' is already used by the subject at line 4
$T/p.csv:6:18: uscc: the register holds '广州市珠江中心医院' for this code (subject 2), the file names '改名的医院'
$T/p.csv:7: source: missing: every case needs it
$T/p.csv:7: cancel-ground: missing: a cancellation (type cancel) needs its ground, a to f (clause 6.5)
$T/p.csv:7:18: procedure: 'quick' is not one of: ordinary, simplified
$T/p.csv:7:27: applied: '2026-13-01' is not a day of the calendar
$T/p.csv:7:44: data-class: 'health' is not one of: personal_attribute, health_status, medical_application, medical_payment, health_resource, public_health
$T/p.csv:7:57: bytes: '-5' is not a whole number
$T/p.csv:9:12: kind: 'owning' is not one of: holding, use, operation
$T/p.csv:9:19: holder: no subject with id 'H7' earlier in the file
$T/p.csv:10:7: case: no case numbered 'HZ-9' earlier in the file
$T/p.csv:11:49: csv: text after a closing quote (quote the whole cell, and double the quotes inside it)
$T/p.csv:11:77: csv: cell 16 has no column in the header of line 2
$T/p.csv:12:1: csv: 'widget' is not a record type (subject, record, case, right, material, objection, certificate, field; a header row starts with @)
hdreg: import: $T/p.csv: 14 problems, nothing imported" "CSV problems with columns"
expect_eq "$(dump "$T/p.db")" "$before" "CSV problems: nothing written"

# A case has a certificate exactly when it is certified.
cat >"$T/cert.csv" <<'CSV'
@subject,id,name,uscc,kind
@case,number,type,procedure,status,applicant,applied,owner,name,data-class,grade,source,records,bytes
@certificate,case,number,status,registered,valid-until
subject,H1,广州市越秀医院,1244010445512873XA,public_hospital
case,HZ-1,first,simplified,certified,H1,2026-02-01,H1,数据,health_status,2,院内,10,5
case,HZ-2,first,simplified,submitted,H1,2026-02-01,H1,数据,health_status,2,院内,10,5
certificate,HZ-2,20260344000000099X,issued,2026-03-16,2029-03-16
CSV
run "$HDREG" import --db "$T/p.db" "$T/cert.csv"
expect_eq "$rc $(err)" "3 $T/cert.csv:5:28: status: an application comes in as 'submitted', not 'certified'; only a register's own export keeps its cases' statuses (hdreg import --restore)
$T/cert.csv:7: certificate: a batch of applications brings no certificates; only a register's own export does (hdreg import --restore)
hdreg: import: $T/cert.csv: 2 problems, nothing imported" "a batch of applications: no certificates, every case submitted"
run "$HDREG" import --db "$T/p.db" --restore "$T/cert.csv"
expect_eq "$rc $(err)" "3 $T/cert.csv:5: status: case 'HZ-1' is certified but the file gives no certificate for it
$T/cert.csv:7: certificate: only a certified case has a certificate; this case is 'submitted'
hdreg: import: $T/cert.csv: 2 problems, nothing imported" "certified cases and certificates"

# A status the case's flow never has, or a notice without its dates: no night could move
# such a case on.
cat >"$T/status.csv" <<'CSV'
@subject,id,name,uscc,kind
@case,number,type,procedure,status,applicant,applied,owner,name,data-class,grade,source,records,bytes,cancel-ground
subject,H1,广州市越秀医院,1244010445512873XA,public_hospital
case,HZ-1,first,simplified,committee_review,H1,2026-02-01,H1,数据,health_status,2,院内,10,5,
case,HZ-2,cancel,simplified,certified,H1,2026-02-01,H1,数据,health_status,2,院内,10,5,a
case,HZ-3,first,ordinary,notice,H1,2026-02-01,H1,数据,health_status,2,院内,10,5,
CSV
run "$HDREG" import --db "$T/p.db" --restore "$T/status.csv"
expect_eq "$rc $(err)" "3 $T/status.csv:4:28: status: a case of the simplified flow is never 'committee_review' (its statuses: approved, certified, held, notice, rectify, rejected, submitted, withdrawn)
$T/status.csv:5:29: status: a case of the cancel flow is never 'certified' (its statuses: approved, cancelled, held, notice, rectify, rejected, submitted, withdrawn)
$T/status.csv:6: notice-start: missing: a case in public notice needs the notice's start and end dates
$T/status.csv:6: notice-end: missing: a case in public notice needs the notice's start and end dates
hdreg: import: $T/status.csv: 4 problems, nothing imported" "statuses the procedure has"

# A subject already in the register (same code, same name) is reused, not doubled.
cat >"$T/known.csv" <<'CSV'
@subject,id,name,uscc,kind
@case,number,type,procedure,applicant,applied,owner,name,data-class,grade,source,records,bytes
subject,K,广州市珠江中心医院,1244010045512873XG,public_hospital
case,HZ-2026-0500,first,simplified,K,2026-03-02,K,  专科病历数据  ,health_status,2,院内,10,5
CSV
before=$(dump "$T/p.db")
run "$HDREG" import --db "$T/p.db" --dry-run "$T/known.csv"
expect_eq "$rc $(err) $(out | tail -1)" "0  dry run, nothing written: would import 1 case, 0 subjects (1 already in the register), 0 certificates and 0 other records from $T/known.csv (UTF-8, $(stat -c %s "$T/known.csv") bytes); 1 value normalised" "dry run"
expect_eq "$(dump "$T/p.db")" "$before" "dry run: nothing written"
run "$HDREG" import --db "$T/p.db" "$T/known.csv"
expect_eq "$rc $(err)" "0 " "known subject"
expect_eq "$(out)" "$T/known.csv:4:51: name: surrounding spaces removed
import 1: imported 1 case, 0 subjects (1 already in the register), 0 certificates and 0 other records from $T/known.csv (UTF-8, $(stat -c %s "$T/known.csv") bytes); 1 value normalised" "known subject report"
expect_eq "$(sql "$T/p.db" "SELECT c.applicant_id, r.owner_id, r.name FROM cases c JOIN resources r ON r.id = c.resource_id WHERE c.number = 'HZ-2026-0500'")" "2|2|专科病历数据" "known subject: rows"

# An import and a night never run at once on a register (the run lock).
flock "$T/p.db.lock" sleep 3 &
holder=$!
sleep 0.5
run "$HDREG" import --db "$T/p.db" "$T/known.csv"
expect_eq "$rc $(err)" "75 hdreg: another hdreg run or import is working on '$T/p.db' (lock '$T/p.db.lock'); try again when it has finished" "locked register"
wait $holder

# ---- hostile files ------------------------------------------------------------------------
printf '<?xml version="1.0"?>\n<!DOCTYPE hdreg-cases [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<hdreg-cases version="1"><subject id="A"><name>&x;</name></subject></hdreg-cases>\n' >"$T/xxe.xml"
run "$HDREG" import --db "$T/p.db" "$T/xxe.xml"
expect_eq "$rc $(err)" "3 $T/xxe.xml:2: xml: a DOCTYPE (and with it entities) is not allowed in case files
hdreg: import: $T/xxe.xml: 1 problem, nothing imported" "DOCTYPE"
python3 -c "
import sys
big = 'a' * 70000
open(sys.argv[1], 'w').write('@subject,id,name,uscc,kind\nsubject,B,' + big + ',1244010445512873XA,company\n')
open(sys.argv[2], 'w').write('<hdreg-cases version=\"1\"><subject id=\"B\"><name>' + 'b' * (11 << 20) + '</name></subject></hdreg-cases>\n')
" "$T/big.csv" "$T/huge.xml"
run "$HDREG" import --db "$T/p.db" "$T/big.csv"
expect_eq "$rc $(err)" "3 $T/big.csv:2:11: name: 70000 bytes long, at most 65536
hdreg: import: $T/big.csv: 1 problem, nothing imported" "a 70 KB field"
run "$HDREG" import --db "$T/p.db" "$T/huge.xml"
expect_eq "$rc $(err)" "3 $T/huge.xml:1:10000389: xml: xmlSAX2Characters: huge text node
hdreg: import: $T/huge.xml: 1 problem, nothing imported" "an 11 MB field"
printf '@subject,id,name\nsubject,"A,unclosed\n' >"$T/quote.csv"
run "$HDREG" import --db "$T/p.db" "$T/quote.csv"
expect_eq "$rc $(err)" "3 $T/quote.csv:1:1: csv: the header of 'subject' has no column 'uscc', which every subject needs
$T/quote.csv:1:1: csv: the header of 'subject' has no column 'kind', which every subject needs
$T/quote.csv:2:9: csv: a quoted cell is not closed before the end of the file
hdreg: import: $T/quote.csv: 3 problems, nothing imported" "unclosed quote"
: >"$T/empty.xml"
run "$HDREG" import --db "$T/p.db" --format xml "$T/empty.xml"
expect_eq "$rc $(err)" "3 $T/empty.xml:1: file: the file is empty: no cases to import
hdreg: import: $T/empty.xml: 1 problem, nothing imported" "empty file"
printf 'subject,A\n' >"$T/noheader.csv"
printf 'hello, world\n' >"$T/notxml.xml"
run "$HDREG" import --db "$T/p.db" --format xml "$T/notxml.xml"
expect_eq "$rc $(err)" "3 $T/notxml.xml:1:1: xml: Document is empty
hdreg: import: $T/notxml.xml: 1 problem, nothing imported" "not XML"
run "$HDREG" import --db "$T/p.db" "$T/noheader.csv"
expect_eq "$rc $(err)" "3 $T/noheader.csv:1:1: csv: no header row '@subject,...' before the first 'subject' row
hdreg: import: $T/noheader.csv: 1 problem, nothing imported" "CSV without header"
run "$HDREG" import --db "$T/p.db" --encoding BIG5 "$T/p.csv"
expect_eq "$rc $(err)" "2 hdreg: import: unknown encoding 'BIG5' (UTF-8, GBK or GB18030)" "unknown encoding"
run "$HDREG" import --db "$T/p.db" "$T/nonexistent.csv"
expect_eq "$rc $(err)" "5 hdreg: import: $T/nonexistent.csv: cannot be read: No such file or directory" "missing file"
done_ok
