# hdreg publish (issue 17): the public site of the demo register after its night with keys,
# published as of 2028-07-01 so that it holds a current (20251144000000004M), a superseded
# (202508440000000027), a cancelled (20251244000000005X) and an expired
# (20250644000000001R, valid until 2028-06-20) certificate. Judged in headless Chromium
# (lookup over file://, the verification page over a local web server with a harness page
# this test writes next to the site), tidy, no console errors, no external URL, no personal
# data of natural persons, a rerun writes nothing, --jobs does not change a byte,
# publish_withhold. Screenshots at desktop and phone width are left in $SHOTS (if set).
source "$(dirname "$0")/lib.sh"
set -e
if ! command -v chromium >/dev/null; then
  scripts/deps >/dev/null 2>&1 || true
fi
if ! command -v chromium >/dev/null; then
  echo "SKIP: chromium is not installed and scripts/deps could not install it (apt-get install chromium)"
  exit 77 # ctest: skipped, not passed (tests/CMakeLists.txt)
fi
chrome() { timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
  --user-data-dir="$T/chrome" --virtual-time-budget=5000 "$@" 2>"$T/chrome.err"; }

"$HDREG" keygen --keys "$T/keys" --name 广东省健康医疗数据产权登记中心 --bits 2048 >/dev/null
DB=$T/a.db OUT=$T/o
"$HDREG" demo-db --db "$DB" >/dev/null
cp "$DB" "$T/b.db"
cp "$DB" "$T/c.db"
run "$HDREG" run --db "$DB" --date 2026-03-16 --out "$OUT" --keys "$T/keys"
expect_eq "$rc" 1 "the demo night with keys (SQ-2026-0016's code is refused)"
# Unsigned, the night's documents and register are the same bytes whatever --jobs (signed,
# each signature carries its own time).
run "$HDREG" run --db "$T/b.db" --date 2026-03-16 --out "$T/o1"
expect_eq "$rc" 1 "the night without keys, --jobs 1"
run "$HDREG" run --db "$T/c.db" --date 2026-03-16 --out "$T/o2" --jobs 2 --publish "$T/site3"
expect_eq "$rc" 1 "the night without keys, --jobs 2, publishing its site"
n3=$(find "$T/site3" -type f | wc -l)
expect_eq "$(out | grep '^site published')" "site published in $T/site3: 14 certificates, 15 notices, $n3 files ($n3 written)" "hdreg run --publish"

S=$T/site
run "$HDREG" publish --db "$DB" --out "$S" --date 2028-07-01 --keys "$T/keys" --checkpoints "$OUT/checkpoints.txt"
expect_eq "$rc" 0 "publish exit"
expect_eq "$(out | sed -n 1p)" "hdreg publish 2028-07-01: 14 certificates (9 current, 2 superseded, 1 cancelled, 2 expired), 15 notices (0 open), 11 documents to verify, 1 checkpoints" "publish summary"
files=$(find "$S" -type f | wc -l)
expect_eq "$(out | sed -n 2p | sed 's/; [0-9]* ms$//; s/[0-9.]* KB/K KB/')" "site in $S: $files files, K KB; $files written, 0 unchanged, 0 removed" "publish: every file written"
expect_eq "$(cd "$S" && find . -maxdepth 1 | sort | tr '\n' ' ')" ". ./cancelled.html ./checkpoints.html ./checkpoints.txt ./common.js ./data ./index.html ./keys ./lookup.html ./lookup.js ./site.css ./stats.html ./superseded.html ./verify.html ./verify.js " "the site's files"
expect_eq "$(ls "$S/keys" | tr '\n' ' ')" "authority-qr.pub authority.crt " "only public keys published"
cmp "$S/checkpoints.txt" "$OUT/checkpoints.txt" || fail "checkpoints.txt is not the night's"

# A rerun changes nothing (not even a file's time).
find "$S" -type f -printf '%P %T@ %s\n' | sort >"$T/before"
run "$HDREG" publish --db "$DB" --out "$S" --date 2028-07-01 --keys "$T/keys" --checkpoints "$OUT/checkpoints.txt"
expect_eq "$rc $(out | sed -n 2p | sed 's/; [0-9]* ms$//; s/[0-9.]* KB/K KB/')" "0 site in $S: $files files, K KB; 0 written, $files unchanged, 0 removed" "rerun writes nothing"
find "$S" -type f -printf '%P %T@ %s\n' | sort >"$T/after"
cmp "$T/before" "$T/after" || fail "a rerun touched files"

# The site of the night is the same byte for byte whatever --jobs the night ran with.
run "$HDREG" publish --db "$T/b.db" --out "$T/site1" --date 2028-07-01
expect_eq "$rc" 0 "publish after the --jobs 1 night"
run "$HDREG" publish --db "$T/c.db" --out "$T/site2" --date 2028-07-01
expect_eq "$rc" 0 "publish after the --jobs 2 night"
diff -r "$T/site1" "$T/site2" >"$T/diff" || fail "site differs with --jobs 2: $(head -5 "$T/diff")"
# (the checkpoints named: the default, the configured output's, would be whatever a demo
# left in the source tree's out/)
run "$HDREG" publish --db "$T/b.db" --out "$T/site4" --date 2026-03-16 --checkpoints "$T/o1/checkpoints.txt"
diff -r "$T/site3" "$T/site4" >"$T/diff" || fail "hdreg run --publish is not hdreg publish of the night: $(head -5 "$T/diff")"
PASSED=$((PASSED + 1))

# Lookup over file://: the standing of each kind, exactly.
lookup() { chrome --dump-dom "file://$S/lookup.html?n=$1" | python3 -c '
import re, sys
d = sys.stdin.read()
st = re.search(r"id=\"result\"[^>]*data-status=\"([a-z]+)\"", d) or re.search(r"data-status=\"([a-z]+)\"", d)
p = re.search(r"<p class=\"status\">([^<]*)</p>", d)
h = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", d)
print(st.group(1) if st else "-", p.group(1) if p else "-", ";".join(",".join(x) for x in h))'; }
expect_eq "$(lookup 20251144000000004M)" "current 截至2028年7月1日，该证书有效，有效期至2028年11月3日。 2025-11-03,首次登记,20251144000000004M,SQ-2025-0004" "lookup: current"
expect_eq "$(lookup 202508440000000027)" "superseded 该证书已于2026年3月16日被证书20260344000000011F取代（转让登记，申请编号SQ-2026-0011），不再有效。 2025-08-11,首次登记,202508440000000027,SQ-2025-0002;2026-03-16,转让登记,20260344000000011F,SQ-2026-0011" "lookup: superseded, with its history"
expect_eq "$(lookup 20251244000000005X)" "cancelled 该证书已于2026年3月16日注销（注销登记，申请编号SQ-2026-0043），不再有效。 2025-12-15,首次登记,20251244000000005X,SQ-2025-0005;2026-03-16,注销登记,20251244000000005X,SQ-2026-0043" "lookup: cancelled"
expect_eq "$(lookup 20250644000000001R)" "expired 该证书的有效期已于2028年6月20日届满，截至2028年7月1日已过有效期。 2025-06-20,首次登记,20250644000000001R,SQ-2025-0001;2026-03-16,许可登记,20260344000000010C,SQ-2026-0010" "lookup: expired, with its licence"
expect_eq "$(lookup 20250644000000001X)" "none - " "lookup: a number of no certificate"
# Opened from a certificate's QR code (#HDREG1:NUMBER:SHA256:SIGNATURE after the address):
# the page checks the code's Ed25519 signature with the published key (WebCrypto) and
# shows the verification code to compare with the printed one; a code of another
# certificate, a changed signature and a damaged one are said to be no code of the register.
pdftoppm -r 150 -png "$OUT/certificates/20260344000000006X.pdf" "$T/qr" 2>/dev/null
qr=$(zbarimg -q --raw "$T"/qr-1.png 2>/dev/null)
qrcheck() { chrome --dump-dom "file://$S/lookup.html?n=$1#$2" | python3 -c '
import re, sys
d = sys.stdin.read()
m = re.search(r"data-qr=\"([a-z]+)\"><h3>([^<]*)</h3><p>([^<]*)</p>", d)
print(" ".join(m.groups()) if m else "-")'; }
printed=$(pdftotext "$OUT/certificates/20260344000000006X.pdf" - | grep -o '核验码 *[0-9A-Z-]*' | sed 's/核验码 *//')
expect_eq "$(qrcheck 20260344000000006X "$qr")" "valid 二维码签名有效 该二维码由登记机构为证书20260344000000006X签发。证书上印的核验码应为 $printed；不一致的，纸面证书已被改动。" \
  "lookup from the QR code: the signature checked, the printed code shown"
expect_eq "$(qrcheck 20251144000000004M "$qr")" "bad 二维码与所查证书不一致 二维码所载证书编号为“20260344000000006X”，而地址查询的是“20251144000000004M”：这不是登记机构为该证书签发的二维码。" \
  "a QR code of another certificate"
mid=${qr: -20:1}; [ "$mid" = 0 ] && other=1 || other=0 # a character of the signature's middle
expect_eq "$(qrcheck 20260344000000006X "${qr:0:${#qr}-20}$other${qr: -19}" | cut -d' ' -f1-2)" "bad 二维码签名无效" "a changed signature"
expect_eq "$(qrcheck 20260344000000006X "${qr%:*}:U" | cut -d' ' -f1-2)" "bad 二维码签名已损坏" "a damaged signature"
expect_eq "$(qrcheck 20260344000000006X "${qr%:*}" | cut -d' ' -f1-2)" "bad 二维码无法识别" "no signature"
grep -q '"sha256":"'"$(sha256sum "$OUT/certificates/20260344000000006X.pdf" | cut -c1-64)"'"' "$S"/data/c/*.js \
  || fail "the PDF's SHA-256 is not in the lookup data"
PASSED=$((PASSED + 1))

# Verification page: a harness page written here (not shipped) feeds the shipped
# verify.js the bytes of a same-folder file through its own hdregVerify.check.
cp "$OUT/certificates/20260344000000006X.pdf" "$S/t-good.pdf"
python3 - "$S/t-good.pdf" "$S/t-flipped.pdf" <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) // 2] ^= 1
open(sys.argv[2], "wb").write(b)
PY
cp "$OUT/notices/GS-20260316.pdf" "$S/t-notice.pdf"
# The inclusion proofs hdreg ledger prove gives a holder: of this certificate, of another,
# one with a path hash changed, and the site's checkpoint with its root changed (no longer
# what the authority signed).
"$HDREG" ledger prove 20260344000000006X --db "$DB" --checkpoints "$OUT/checkpoints.txt" --keys "$T/keys" --out "$S/t-good.proof" >/dev/null
"$HDREG" ledger prove 202603440000000071 --db "$DB" --checkpoints "$OUT/checkpoints.txt" --keys "$T/keys" --out "$S/t-other.proof" >/dev/null
python3 - "$S/t-good.proof" "$S/t-bad.proof" <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read()); b[-5] ^= 1
open(sys.argv[2], "wb").write(b)
PY
sed -e 's|<script src="verify.js"></script>|<script src="verify.js"></script>\n<script>var q = new URLSearchParams(location.search), f = q.get("f"), p = q.get("p"); function get(u) { return fetch(u).then(function (r) { return r.arrayBuffer(); }); } Promise.all([get(f), p ? get(p) : null]).then(function (x) { hdregVerify.check(x[0], x[1]); });</script>|' \
  "$S/verify.html" >"$S/t-harness.html"
sed -e 's|data/site.js|data/t-site.js|' "$S/t-harness.html" >"$S/t-harness2.html"
python3 - "$S/data/site.js" "$S/data/t-site.js" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
root = re.search(r'"body":"[^\\]*\\n[0-9]+\\n([A-Za-z0-9+/=]{44})', t).group(1)
open(sys.argv[2], "w").write(t.replace(root, ("A" if root[0] != "A" else "B") + root[1:]))
PY
PORT=$((20000 + RANDOM % 20000))
(cd "$S" && exec python3 -m http.server "$PORT" --bind 127.0.0.1 >/dev/null 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$T"' EXIT
for i in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && break; python3 -c 'import time; time.sleep(0.1)'; done
verdict() { chrome --dump-dom "http://127.0.0.1:$PORT/t-harness.html?f=$1" | python3 -c '
import re, sys
d = sys.stdin.read()
v = re.search(r"data-verdict=\"([a-z]+)\"", d)
h = re.search(r"<h2>([^<]*)</h2>\s*<p class=\"hash\">", d)
print(v.group(1) if v else "-", h.group(1) if h else "-")'; }
expect_eq "$(verdict t-good.pdf)" "registered 本登记簿登记的证书：20260344000000006X" "verify: an issued certificate"
expect_eq "$(verdict t-flipped.pdf)" "unknown 不是本登记簿登记的文书" "verify: one flipped byte"
expect_eq "$(verdict t-notice.pdf)" "registered 本登记簿登记的登记公示" "verify: the night's public notice"
proof() { chrome --dump-dom "http://127.0.0.1:$PORT/$1?f=t-good.pdf&p=$2" | python3 -c '
import re, sys
m = re.search(r"data-proof=\"([a-z]+)\"><h3>([^<]*)</h3><p>([^<]*)</p>", sys.stdin.read())
print(" ".join(m.groups()) if m else "-")'; }
entry=$(sql "$DB" "SELECT max(seq) FROM ledger WHERE tbl = 'documents' AND ref_id = (SELECT d.id FROM documents d JOIN certificates c ON c.id = d.certificate_id WHERE c.number = '20260344000000006X' AND d.kind = 'certificate')")
size=$(sed -n 2p "$OUT/checkpoints.txt")
expect_eq "$(proof t-harness.html t-good.proof)" "valid 包含证明有效 该文书记录于登记簿第${entry}条，包含在登记机构于2026-03-16签名公布的检查点（共${size}条）中（RFC 9162）。" \
  "verify: the certificate's inclusion proof against the signed checkpoint"
expect_eq "$(proof t-harness.html t-other.proof)" "bad 包含证明与文件不符 该证明所证明的登记簿条目不是这份文件的记录：它记录的文书SHA-256与所选文件不同。" \
  "verify: another certificate's proof"
expect_eq "$(proof t-harness.html t-bad.proof)" "bad 包含证明无效 审计路径不能从该条目推出检查点的树根：证明已被改动，或不属于该检查点。" \
  "verify: a proof with a path hash changed"
expect_eq "$(proof t-harness2.html t-good.proof)" "bad 包含证明无从核对 本网站没有登记机构签名公布的、含${size}条条目的检查点。" \
  "verify: a checkpoint whose root is not the one the authority signed"
kill $SERVER 2>/dev/null || true
rm -f "$S"/t-* "$S/data/t-site.js"

# Every page: tidy clean, no console message, screenshots at desktop and phone width.
SHOTS=${SHOTS:-$T/shots}
mkdir -p "$SHOTS"
for p in index lookup verify cancelled superseded stats checkpoints; do
  tidy -q -e "$S/$p.html" >"$T/tidy" 2>&1 || fail "tidy $p.html: $(cat "$T/tidy")"
  q=""; [ "$p" = lookup ] && q="?n=202508440000000027"
  chrome --enable-logging=stderr --v=0 --window-size=1280,900 --screenshot="$SHOTS/$p-desktop.png" "file://$S/$p.html$q" >/dev/null
  expect_eq "$(grep -c CONSOLE "$T/chrome.err" || true)" "0" "console messages of $p.html: $(grep CONSOLE "$T/chrome.err" | head -3)"
  chrome --window-size=390,844 --screenshot="$SHOTS/$p-phone.png" "file://$S/$p.html$q" >/dev/null
  [ -s "$SHOTS/$p-desktop.png" ] && [ -s "$SHOTS/$p-phone.png" ] || fail "no screenshot of $p.html"
done

# No request leaves the site's folder: no URL with a scheme, and no host-relative URL
# (//host/...) in an attribute, a CSS url() or a fetch. Not a bare '//': base64 (keys,
# signatures in checkpoints) holds it by chance.
expect_eq "$(grep -rlE '[a-z]+://|(src|href|action)=["'"'"']?//|url\(["'"'"']?//|fetch\(["'"'"']?//' "$S" || true)" "" "files naming an external URL"

# Nothing of natural persons: legal representatives, contacts, objectors. (A company may
# bear its founder's name, 阿卜杜拉·买买提健康咨询（广州）有限公司: the names of the
# subjects, all legal entities, are taken out of the text before it is searched.)
python3 - "$DB" "$S" <<'PY' || fail "personal data on the site"
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
orgs = sorted((r[0] for r in db.execute("SELECT name FROM subjects")), key=len, reverse=True)
persons = {v for q in ("SELECT legal_rep FROM subjects", "SELECT contact_name FROM subjects",
                       "SELECT contact_phone FROM subjects", "SELECT contact_email FROM subjects",
                       "SELECT address FROM subjects", "SELECT objector FROM objections")
           for (v,) in db.execute(q) if v}
for root, _, files in os.walk(sys.argv[2]):
    for f in files:
        text = open(os.path.join(root, f), encoding="utf-8").read()
        for o in orgs:
            text = text.replace(o, "")
        hits = [p for p in persons if p in text]
        if hits:
            sys.exit(f"{f}: {hits}")
PY
PASSED=$((PASSED + 1))

# publish_withhold: the named 5.2.1 fields leave every page and data file.
sql_adopt "$DB" "INSERT INTO settings(key, value) VALUES ('publish_withhold', '数据规模、数据来源')"
run "$HDREG" publish --db "$DB" --out "$S" --date 2028-07-01 --keys "$T/keys" --checkpoints "$OUT/checkpoints.txt"
expect_eq "$rc" 0 "publish with publish_withhold"
expect_eq "$(grep -l '\["数据规模"' "$S"/data/c/*.js | wc -l) $(cat "$S"/data/c/*.js | grep -o '"withheld":\["数据来源","数据规模"\]' | wc -l)" "0 14" "withheld fields"
expect_eq "$(grep -rlF '5,430,000条记录' "$S" || true)" "" "a withheld value on the site"
sql_adopt "$DB" "UPDATE settings SET value = '数据规模、证书编号' WHERE key = 'publish_withhold'"
run "$HDREG" publish --db "$DB" --out "$S" --date 2028-07-01
expect_eq "$rc $(err)" "3 hdreg: publish: setting 'publish_withhold': the certificate number cannot be withheld (the lookup is by number)" "withholding the number"
sql_adopt "$DB" "UPDATE settings SET value = '联系人' WHERE key = 'publish_withhold'"
run "$HDREG" publish --db "$DB" --out "$S" --date 2028-07-01
expect_eq "$rc $(err)" "3 hdreg: publish: setting 'publish_withhold': '联系人' is not a field of clause 5.2.1" "withholding what is no field"

# Usage errors.
run "$HDREG" publish --db "$DB"
expect_eq "$rc $(err)" "2 hdreg: publish: where? give --out DIR (see hdreg publish --help)" "no --out"
run "$HDREG" publish --db "$DB" --out "$S" --date 2028-02-30
expect_eq "$rc $(err)" "2 hdreg: publish: --date '2028-02-30' is not a valid date YYYY-MM-DD" "bad date"
done_ok
