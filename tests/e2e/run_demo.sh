# End to end: the demo database, the nightly run, and every certificate checked the way a
# reader would (pdffonts, pdftotext, qpdf, poppler's stderr), then determinism and
# idempotence: the same date again, a deleted file restored, a second database.
source "$(dirname "$0")/lib.sh"
set -e
DATE=2026-03-16
run "$HDREG" demo-db --db "$T/a.db"
expect_eq "$rc" 0 "demo-db exit"
expect_eq "$(out)" "created $T/a.db with the demo data"
expect_eq "$(sql "$T/a.db" "SELECT count(*) FROM cases")" 49 "demo cases"
expect_eq "$(sql "$T/a.db" "SELECT group_concat(t) FROM (SELECT DISTINCT reg_type t FROM cases ORDER BY 1)")" \
  "cancel,change,first,license,transfer" "registration types"
expect_eq "$(sql "$T/a.db" "SELECT group_concat(p) FROM (SELECT DISTINCT procedure p FROM cases ORDER BY 1)")" \
  "ordinary,simplified" "procedures"

run "$HDREG" run --db "$T/a.db" --date $DATE --out "$T/outa"
expect_eq "$rc" 1 "run exit (one case refused)"
expect_eq "$(out | sed -n 1p)" "hdreg run $DATE: 9 certificates issued, 0 verified, 0 restored, 1 held by objection, 1 failed" "summary"
expect_eq "$(out | sed -n 2p | sed 's/ (.*//')" "certificates in $T/outa/certificates" "summary line 2"
expect_eq "$(out | sed -n 3p | sed -E 's/pack [0-9a-f]{16}/pack REV/')" \
  "reviewed 25 cases with check pack REV: 9 approve, 5 rectify, 1 hold, 10 reject" "review summary"
expect_eq "$(out | sed -n '4,5p')" "public notice GS-20260316: 9 cases, open until 2026-03-30
cancelled 1 certificate" "notice and cancellation summary"
expect_eq "$(sql "$T/a.db" "SELECT decision || ' ' || count(*) FROM decisions WHERE as_of = '$DATE' GROUP BY decision ORDER BY decision")" \
  "approve 9
hold 1
rectify 5
reject 10" "decisions recorded"
expect_eq "$(sql "$T/a.db" "SELECT count(*) || ' ' || count(DISTINCT case_id) || ' ' || count(DISTINCT pack_revision) FROM findings")" \
  "675 25 1" "findings recorded with the pack revision"
expect_eq "$(err)" "hdreg: case SQ-2026-0016: field '统一社会信用代码': holder '江门市侨乡康复医院' code '５２４４０７00MJ9K7701X4': full-width character at position 1; use half-width digits and capital letters" "stderr"

# The JSON run report beside the documents.
python3 - "$T/outa/run-$DATE.json" "$T/a.db" <<'PY' || fail "run report"
import json, sqlite3, sys
r = json.load(open(sys.argv[1]))
assert r["date"] == "2026-03-16" and r["reviewed"] == 25, r
assert r["decisions"] == {"approve": 9, "rectify": 5, "hold": 1, "reject": 10}, r["decisions"]
assert r["notices"] == [{"number": "GS-20260316", "cases": 9, "end_date": "2026-03-30"}], r["notices"]
assert r["cancelled"] == 1 and r["held_for_review"] == 1, r
assert r["certificates"] == {"issued": 9, "verified": 0, "restored": 0, "held_by_objection": 1, "returned_to_review": 0, "failed": 1}, r["certificates"]
db = sqlite3.connect(sys.argv[2])
rows = {p: h for p, h in db.execute("SELECT path, sha256 FROM documents WHERE kind = 'certificate'")}
assert [i["case"] for i in r["issued"]][:2] == ["SQ-2026-0006", "SQ-2026-0007"], r["issued"]
assert all(rows[i["path"]] == i["sha256"] for i in r["issued"]) and len(r["issued"]) == 9
assert r["format"] == 2 and r["status"] == "partial" and r["exit_code"] == 1 and r["error"] is None, r
assert r["problems"] == [{"step": "certificate", "case": "SQ-2026-0016", "field": "统一社会信用代码", "check": None, "message": "field '统一社会信用代码': holder '江门市侨乡康复医院' code '５２４４０７00MJ9K7701X4': full-width character at position 1; use half-width digits and capital letters"}], r["problems"]
PY
PASSED=$((PASSED + 1))

expected_files=$DEMO_CERTIFICATES
expect_eq "$(ls "$T/outa/certificates")" "$expected_files" "certificate files"
expect_eq "$(sql "$T/a.db" "SELECT kind || ' ' || count(*) FROM documents GROUP BY kind ORDER BY kind")" "acceptance 20
cancellation 1
certificate 9
notice 1
refusal 10
review_opinion 25
supplement_request 5" "document rows"
expect_eq "$(sql "$T/a.db" "SELECT value FROM counters")" 14 "serial counter"
expect_eq "$(sql "$T/a.db" "SELECT group_concat(id) FROM (SELECT id FROM cases WHERE status = 'certified' AND id > 5 ORDER BY id)")" \
  "6,7,8,9,10,11,12,13,14" "certified cases"
expect_eq "$(sql "$T/a.db" "SELECT group_concat(x) FROM (SELECT id || ':' || superseded_by x FROM certificates WHERE status = 'superseded' ORDER BY id)")" \
  "2:11,3:12" "transfer and change supersede their prior certificates"

for f in "$T"/outa/certificates/*.pdf; do
  num=$(basename "$f" .pdf)
  size=$(stat -c %s "$f")
  # The Song face (Noto Serif CJK, CFF) costs ~240 bytes a character: 36-54 KB signed
  # for the demo's certificates, against 23-33 KB in WenQuanYi Micro Hei.
  [ "$size" -le 57344 ] || fail "$num is $size bytes, more than 56 KB"
  expect_eq "$(sql "$T/a.db" "SELECT sha256 || ' ' || bytes FROM documents WHERE path = '$f'")" \
    "$(sha256sum "$f" | cut -d' ' -f1) $size" "$num ledger hash"
  pdffonts "$f" >"$T/fonts" 2>"$T/poppler"
  # The text is set in Song: the Noto Serif CJK SC subset, embedded as CID Type 0C.
  expect_eq "$(sed -n 3p "$T/fonts" | sed -E 's/^[A-Z]{6}\+/SUBSET+/' | awk '{print $1, $2, $3, $4, $5, $6, $7, $8}')" \
    "SUBSET+NotoSerifCJKSC CID Type 0C Identity-H yes yes yes" "$num: Song subset embedded"
  expect_eq "$(cat "$T/poppler")" "" "$num pdffonts warnings"
  expect_eq "$(tail -n +3 "$T/fonts" | awk '{print $(NF-4), $(NF-3), $(NF-2)}' | sort -u)" "yes yes yes" \
    "$num fonts embedded, subset, with ToUnicode"
  expect_eq "$(tail -n +3 "$T/fonts" | awk '{print $1}' | grep -c -v -E '^[A-Z]{6}\+')" 0 "$num subset tags"
  qpdf --check "$f" >"$T/qpdf" 2>&1 || fail "qpdf --check $num: $(cat "$T/qpdf")"
  grep -q "No syntax or stream encoding errors found" "$T/qpdf" || fail "qpdf $num: $(cat "$T/qpdf")"
  expect_eq "$(pdfinfo "$f" 2>&1 | grep -E '^(Pages|Producer|Title):' | tr -s ' ')" \
    "Title: 健康医疗数据产权登记证书 $num
Producer: hdreg 0.1.0
Pages: 1" "$num pdfinfo"
  pdftotext "$f" "$T/text" 2>"$T/poppler"
  expect_eq "$(cat "$T/poppler")" "" "$num pdftotext warnings"
  flat=$(tr -d ' \n\f' <"$T/text")
  # Every frozen field value, and its label, appears in the extracted text exactly
  # (line breaks of wrapped values ignored).
  while IFS=$'\t' read -r label value; do
    v=$(printf '%b' "$value" | tr -d ' \n')
    case "$flat" in *"$label$v"*|*"$label"*"$v"*) PASSED=$((PASSED + 1)) ;;
      *) fail "$num: field $label '$v' not in the extracted text: $flat" ;; esac
  done < <(sql "$T/a.db" "SELECT label, replace(value, char(10), '\\n') FROM certificate_fields f JOIN certificates c ON c.id = f.certificate_id WHERE c.number = '$num' ORDER BY position" | tr '|' '\t')
  pdftoppm -r 40 -png "$f" "$T/page" 2>"$T/poppler"
  expect_eq "$(cat "$T/poppler")" "" "$num pdftoppm warnings"
  # Verification code and QR code, rebuilt independently from the recorded fields.
  python3 tests/tools/certrecord.py "$T/a.db" "$num" >"$T/record"
  expect_eq "$(grep -o '核验码 [0-9A-Z-]*' "$T/text")" "核验码 $(sed -n 2p "$T/record")" "$num verification code"
  pdftoppm -r 150 -png "$f" "$T/qr" 2>/dev/null
  expect_eq "$(zbarimg -q --raw "$T"/qr-1.png 2>/dev/null)" "$(sed -n 3p "$T/record")" "$num QR code"
done

# The rare character (U+20BB7, outside the BMP) extracts as itself, on the right line.
pdftotext -layout "$T/outa/certificates/20260344000000006X.pdf" "$T/text6"
expect_eq "$(grep -o '数据产权权利人 *[^ ]*' "$T/text6" | tr -s ' ')" "数据产权权利人 𠮷祥健康管理（深圳）有限公司" "rare character"
expect_eq "$(grep -c $'\xf0\xa0\xae\xb7' "$T/text6")" 3 "lines with U+20BB7"
# Three holders with their codes, in the order of the rights.
expect_eq "$(sql "$T/a.db" "SELECT value FROM certificate_fields WHERE certificate_id = 9 AND position IN (2, 4) ORDER BY position")" \
  "湛江市南海妇幼保健院
广东省医学数据研究院
广东粤康医疗大数据有限公司
数据资源持有权：湛江市南海妇幼保健院
数据加工使用权：广东省医学数据研究院
数据产品经营权：广东粤康医疗大数据有限公司" "multiple holders"

# Same date again: nothing new, every file verified, no new rows, bytes unchanged.
sha_before=$(cd "$T/outa/certificates" && sha256sum *.pdf)
run "$HDREG" run --db "$T/a.db" --date $DATE --out "$T/outa"
expect_eq "$rc" 1 "second run exit"
expect_eq "$(out | head -1)" "hdreg run $DATE: 0 certificates issued, 9 verified, 0 restored, 1 held by objection, 1 failed" "second run summary"
expect_eq "$(out | sed -n 2p | sed -E 's/pack [0-9a-f]{16}/pack REV/')" \
  "reviewed 0 cases with check pack REV: 0 approve, 0 rectify, 0 hold, 0 reject" "nothing to review again"
expect_eq "$(cd "$T/outa/certificates" && sha256sum *.pdf)" "$sha_before" "files unchanged"
expect_eq "$(sql "$T/a.db" "SELECT (SELECT count(*) FROM documents) || ' ' || (SELECT count(*) FROM certificates) || ' ' || (SELECT count(*) FROM certificate_fields)")" \
  "71 14 154" "no duplicate rows"
expect_eq "$(sql "$T/a.db" "SELECT count(*) FROM case_events")" 44 "no new events (25 reviews, 9 into notice, 9 certified, 1 cancelled)"

# A deleted certificate is rendered again from its frozen fields, byte for byte.
cp "$T/outa/certificates/20260344000000010C.pdf" "$T/keep.pdf"
rm "$T/outa/certificates/20260344000000010C.pdf"
run "$HDREG" run --db "$T/a.db" --date $DATE --out "$T/outa"
expect_eq "$(out | head -1)" "hdreg run $DATE: 0 certificates issued, 8 verified, 1 restored, 1 held by objection, 1 failed" "restore summary"
cmp "$T/keep.pdf" "$T/outa/certificates/20260344000000010C.pdf" || fail "restored file differs"

# A changed file is reported and left as it is (evidence is never overwritten).
printf 'x' >>"$T/outa/certificates/20260344000000011F.pdf"
run "$HDREG" run --db "$T/a.db" --date $DATE --out "$T/outa"
expect_eq "$(err | grep 11F | sed "s|$T|T|g")" "hdreg: case SQ-2026-0011: 'T/outa/certificates/20260344000000011F.pdf' differs from the recorded SHA-256 $(sql "$T/a.db" "SELECT sha256 FROM documents WHERE certificate_id = 11") (left as is)" "tampered file"

# A second database from the same demo data gives byte-identical certificates.
"$HDREG" demo-db --db "$T/b.db" >/dev/null
run "$HDREG" run --db "$T/b.db" --date $DATE --out "$T/outb"
expect_eq "$rc" 1 "run b exit"
for f in "$T"/outb/certificates/*.pdf; do
  n=$(basename "$f")
  [ "$n" = 20260344000000011F.pdf ] && continue
  cmp "$f" "$T/outa/certificates/$n" || fail "$n differs between two runs"
  PASSED=$((PASSED + 1))
done
done_ok
