# Signed documents (clause 5.3.2): with --keys every document of the night carries a PDF
# signature that poppler's pdfsig validates as covering the whole file; one changed byte
# anywhere invalidates it; signing is deterministic (a deleted certificate is restored
# byte for byte, two runs give the same bytes); keys are never overwritten. A chain
# rewritten consistently by someone with the database but not the key passes verify
# without keys (the documented limit); the signed heads and the published checkpoints
# catch it.
source "$(dirname "$0")/lib.sh"
set -e
run "$HDREG" keygen --keys "$T/keys" --name 广东省健康医疗数据产权登记中心
expect_eq "$rc $(out)" "0 key and certificate for 广东省健康医疗数据产权登记中心 in $T/keys/authority.key and $T/keys/authority.crt
QR code key in $T/keys/authority-qr.key (publish $T/keys/authority-qr.pub)" "keygen"
expect_eq "$(stat -c %a "$T/keys/authority.key")" 600 "private key readable by its owner only"
run "$HDREG" keygen --keys "$T/keys" --name x
expect_eq "$rc $(err)" "2 hdreg: keygen: '$T/keys' already holds a key; keys are never overwritten" "no overwrite"
"$HDREG" demo-db --db "$T/d.db" >/dev/null
run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/out" --keys "$T/nokeys"
expect_eq "$rc $(err)" "2 hdreg: run: --keys: no usable key in '$T/nokeys' (authority.key and authority.crt, PEM; hdreg keygen makes them)" "missing keys"

run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/out" --keys "$T/keys"
expect_eq "$rc" 1 "signed night (case SQ-2026-0016 refused)"
n=0
for f in $(find "$T/out" -name '*.pdf' | sort); do
  pdfsig "$f" >"$T/sig" 2>"$T/poppler" || true
  expect_eq "$(cat "$T/poppler")" "" "pdfsig warnings $(basename "$f")"
  expect_eq "$(grep -E 'Signer Certificate Common Name|Signing Time|Signature Type|Total document signed|Signature Validation' "$T/sig" | sed 's/^ *- //')" \
    "Signer Certificate Common Name: 广东省健康医疗数据产权登记中心
Signing Time: Mar 16 2026 00:00:00
Signature Type: adbe.pkcs7.detached
Total document signed
Signature Validation: Signature is Valid." "pdfsig $(basename "$f")"
  qpdf --check "$f" >/dev/null || fail "qpdf $(basename "$f")"
  n=$((n + 1))
done
expect_eq "$n" 71 "every document signed"
# The ledger records the signed bytes.
expect_eq "$(for f in "$T"/out/certificates/*.pdf; do sha256sum "$f"; done | awk '{print $1}' | sort)" \
  "$(sqlite3 "$T/d.db" "SELECT sha256 FROM documents WHERE kind = 'certificate' ORDER BY sha256")" "ledger has the signed bytes"

# One flipped byte, in the page content or in the signature itself: invalid.
cert=$(ls "$T"/out/certificates/*.pdf | head -1)
for at in 2000 $(($(stat -c %s "$cert") - 3000)); do
  python3 -c "
import sys
d = bytearray(open(sys.argv[1], 'rb').read()); d[int(sys.argv[2])] ^= 0x01
open(sys.argv[3], 'wb').write(d)" "$cert" "$at" "$T/flipped.pdf"
  expect_eq "$(pdfsig "$T/flipped.pdf" 2>/dev/null | grep -c 'Signature is Valid' || true)" 0 "byte $at flipped: not valid"
done

# hdreg verify says the same, and more with the register.
run "$HDREG" verify "$cert" --keys "$T/keys" --db "$T/d.db" --as-of 2026-03-16
expect_eq "$rc $(out)" "0 $cert: authentic and current (certificate $(basename "$cert" .pdf) of case SQ-2026-0006, in force on 2026-03-16, valid until 2029-03-16; signed by 广东省健康医疗数据产权登记中心)" "verify current"
# A third party has only the published certificate and QR key.
mkdir -p "$T/public"
cp "$T/keys/authority.crt" "$T/keys/authority-qr.pub" "$T/public/"
run "$HDREG" verify "$cert" --keys "$T/public"
expect_eq "$rc $(out)" "0 $cert: authentic (signed by 广东省健康医疗数据产权登记中心; give --db for its status)" "verify with the certificate only"
run "$HDREG" verify "$cert"
expect_eq "$rc $(out)" "0 $cert: intact: the signature of 广东省健康医疗数据产权登记中心 covers the whole file; give --keys with the register's authority.crt to know it is the register's" "verify from the embedded signature alone"
run "$HDREG" verify "$T/flipped.pdf"
expect_eq "$rc $(out)" "3 $T/flipped.pdf: altered: the document was changed after it was signed" "altered without keys"
run "$HDREG" verify "$T/flipped.pdf" --keys "$T/keys" --db "$T/d.db"
expect_eq "$rc $(out)" "3 $T/flipped.pdf: altered: the document was changed after it was signed" "verify altered"
"$HDREG" keygen --keys "$T/other" --name 冒名机构 >/dev/null
run "$HDREG" verify "$cert" --keys "$T/other"
expect_eq "$rc $(out)" "3 $cert: not issued by this register: signed with another key" "verify foreign key"
"$HDREG" demo-db --db "$T/u.db" >/dev/null
run "$HDREG" run --db "$T/u.db" --date 2026-03-16 --out "$T/unsigned"
expect_eq "$rc" 1 "unsigned night"
run "$HDREG" verify "$T/unsigned/certificates/$(basename "$cert")" --keys "$T/keys"
expect_eq "$rc $(out)" "3 $T/unsigned/certificates/$(basename "$cert"): not issued by this register: the document is not signed" "verify unsigned"
printf '%%comment\n' | cat "$cert" - >"$T/appended.pdf"
run "$HDREG" verify "$T/appended.pdf" --keys "$T/keys"
expect_eq "$rc $(out)" "3 $T/appended.pdf: altered: the document was changed after it was signed" "verify appended bytes"

# The paper certificate's QR code carries an Ed25519 signature: checked offline; one
# changed character is refused.
pdftoppm -r 150 -png "$cert" "$T/qr" 2>/dev/null
qr=$(zbarimg -q --raw "$T"/qr-1.png 2>/dev/null)
expect_eq "$(echo "$qr" | cut -d: -f1-3)" "$(python3 tests/tools/certrecord.py "$T/d.db" "$(basename "$cert" .pdf)" | sed -n 3p)" "QR: number and record hash"
run "$HDREG" verify --qr "$qr" --keys "$T/public"
expect_eq "$rc $(out)" "0 QR code: authentic: certificate $(basename "$cert" .pdf), record SHA-256 $(echo "$qr" | cut -d: -f3)" "QR authentic"
for changed in "$(echo "$qr" | sed 's/^HDREG1:2026/HDREG1:2027/')" \
               "$(python3 -c "import sys; p = sys.argv[1].split(':'); h = p[2]; p[2] = h[:-1] + ('A' if h[-1] != 'A' else 'B'); print(':'.join(p))" "$qr")"; do
  run "$HDREG" verify --qr "$changed" --keys "$T/keys"
  expect_eq "$rc $(out)" "3 QR code: invalid: the signature does not match: not issued by this register, or changed" "QR changed"
done
run "$HDREG" verify --qr "$qr" --keys "$T/other"
expect_eq "$rc $(out)" "3 QR code: invalid: the signature does not match: not issued by this register, or changed" "QR under another key"

# With the setting lookup_base_url (issue 17) the QR code points to the public lookup:
# BASE?n=NUMBER#PAYLOAD, a phone opens the certificate's page and hdreg verify --qr checks
# the payload after '#' offline; an address that looks up another certificate is refused.
"$HDREG" demo-db --db "$T/q.db" >/dev/null
sql_adopt "$T/q.db" "INSERT INTO settings(key, value) VALUES ('lookup_base_url', 'ftp://register.example.gov.cn/lookup.html')"
run "$HDREG" run --db "$T/q.db" --date 2026-03-16 --out "$T/outq" --keys "$T/keys"
expect_eq "$rc $(grep "lookup_base_url" "$T/stderr") $(sql "$T/q.db" "SELECT count(*) FROM case_events")" \
  "3 hdreg: setting 'lookup_base_url': 'ftp://register.example.gov.cn/lookup.html' is not an http:// or https:// address 0" \
  "a bad lookup address stops the night before it does anything, and says why"
sql_adopt "$T/q.db" "UPDATE settings SET value = 'https://register.example.gov.cn/lookup.html' WHERE key = 'lookup_base_url'"
run "$HDREG" run --db "$T/q.db" --date 2026-03-16 --out "$T/outq" --keys "$T/keys"
qcert="$T/outq/certificates/$(basename "$cert")"
pdftoppm -r 150 -png "$qcert" "$T/qq" 2>/dev/null
qurl=$(zbarimg -q --raw "$T"/qq-1.png 2>/dev/null)
num=$(basename "$cert" .pdf)
expect_eq "$(echo "$qurl" | cut -d: -f1-4)" "https://register.example.gov.cn/lookup.html?n=$num#$(python3 tests/tools/certrecord.py "$T/q.db" "$num" | sed -n 3p)" \
  "QR: the lookup address, then number and record hash"
expect_eq "$(sql "$T/q.db" "SELECT p.lookup_base FROM certificate_print p JOIN certificates c ON c.id = p.certificate_id WHERE c.number = '$num'")" \
  "https://register.example.gov.cn/lookup.html" "the address is frozen with the certificate"
run "$HDREG" verify --qr "$qurl" --keys "$T/public"
expect_eq "$rc $(out)" "0 QR code: authentic: certificate $num, record SHA-256 $(echo "${qurl#*#}" | cut -d: -f3)" "QR with the lookup address authentic"
run "$HDREG" verify --qr "$(echo "$qurl" | sed "s/?n=$num#/?n=20260344000000099X#/")" --keys "$T/public"
expect_eq "$rc $(out)" "3 QR code: invalid: the address looks up 20260344000000099X, but its code is of certificate $num: not what the register issued" \
  "an address that looks up another certificate"
run "$HDREG" verify --qr "$(echo "$qurl" | sed "s/?n=$num#/?n=20260344000000099X\&n=$num#/")" --keys "$T/public"
expect_eq "$rc $(out)" "3 QR code: invalid: the address names more than one certificate (n= 2 times): not what the register issued" \
  "an address with two n= (a phone opens the first)"
run "$HDREG" verify --qr "$(echo "$qurl" | sed "s/?n=$num#/?x=1#/")" --keys "$T/public"
expect_eq "$rc $(out)" "3 QR code: invalid: the address names no certificate (no n=): not what the register issued" "an address without n="

# Deterministic: a deleted certificate comes back byte for byte, signature included.
cp "$cert" "$T/keep.pdf"
rm "$cert"
run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/out" --keys "$T/keys"
expect_eq "$(out | head -1)" "hdreg run 2026-03-16: 0 certificates issued, 8 verified, 1 restored, 1 held by objection, 1 failed" "restored"
cmp "$T/keep.pdf" "$cert" || fail "restored signed certificate differs"
"$HDREG" demo-db --db "$T/e.db" >/dev/null
run "$HDREG" run --db "$T/e.db" --date 2026-03-16 --out "$T/out2" --keys "$T/keys" --jobs 2
expect_eq "$rc" 1 "signed night with --jobs 2"
for f in "$T"/out/certificates/*.pdf; do
  cmp -s "$f" "$T/out2/certificates/$(basename "$f")" || fail "$(basename "$f"): --jobs 2 signed differently"
  PASSED=$((PASSED + 1))
done

# A certificate later superseded by a change, one cancelled: still authentic, not current.
"$HDREG" case apply --db "$T/d.db" --certificate 20260344000000006X --type change --number SQ-2026-0101 \
  --date 2026-04-01 --description "数据规模更新" --material change_proof:BG-1 >/dev/null
"$HDREG" case apply --db "$T/d.db" --certificate 202603440000000084 --type cancel --number SQ-2026-0102 \
  --date 2026-04-01 --ground a --material cancellation_statement:ZX-1 >/dev/null
for d in 2026-04-01 2026-04-17; do
  run "$HDREG" run --db "$T/d.db" --date $d --out "$T/out" --keys "$T/keys"
  # (the demo's refused legacy case, and the cancellation of a certificate superseded
  # meanwhile, which waits for a person: see tests/e2e/year.sh)
  expect_eq "$rc $(err | cut -d: -f2 | sort -u | tr '\n' ' ')" "1  case SQ-2026-0016  case SQ-2026-0044 " "signed night $d"
done
# (every answer of hdreg verify, as of any date: tests/e2e/verify_status.sh)
run "$HDREG" verify "$T/out/certificates/20260344000000006X.pdf" --keys "$T/keys" --db "$T/d.db" --as-of 2026-04-17
expect_eq "$rc $(out)" "3 $T/out/certificates/20260344000000006X.pdf: authentic but superseded: certificate 20260344000000006X of case SQ-2026-0006 was replaced on 2026-04-17 by certificate 20260444000000024Y (change, case SQ-2026-0101)" "verify superseded"
run "$HDREG" verify "$T/out/certificates/202603440000000084.pdf" --keys "$T/keys" --db "$T/d.db" --as-of 2026-04-17
expect_eq "$rc $(out)" "3 $T/out/certificates/202603440000000084.pdf: authentic but cancelled: certificate 202603440000000084 of case SQ-2025-0008 was cancelled on 2026-04-17 by cancellation case SQ-2026-0102" "verify cancelled"
CP="$T/out/checkpoints.txt"
lasthash() { sqlite3 "$1" "SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1"; }
# The tree head as tests/tools/checkpoint.py computes it; the last entry counts the
# checkpoints published (3: the rerun of 2026-03-16 had nothing new to publish).
run "$HDREG" ledger verify --db "$T/d.db" --keys "$T/keys"
expect_eq "$rc $(out)" "0 ledger intact: 2132 entries, 2026 rows, head $(lasthash "$T/d.db"), tree head $(treehead "$T/d.db" "$T/keys"); 3 signed heads verified" "ledger and signed heads after the signed nights"
expect_eq "$(sqlite3 "$T/d.db" "SELECT payload FROM ledger ORDER BY seq DESC LIMIT 1")" '["row","counters","checkpoints_published",["checkpoints_published",3]]' "the last entry: the count of checkpoints"
expect_eq "$(grep -c '^date ' "$CP") $(grep -x -A1 hdreg.example/guangdong "$CP" | grep -v -e hdreg -e -- | tr '\n' ' ')" "3 1852 2107 2131 " "a checkpoint a night (none for the rerun of 2026-03-16), in OUT/checkpoints.txt"
run "$HDREG" ledger verify --db "$T/d.db" --keys "$T/keys" --checkpoints "$CP"
expect_eq "$rc $(out | sed 's/.*; extends/extends/')" "0 extends 3 checkpoints (last 2026-04-17, 2131 entries); 3 signed heads verified" "the register extends every checkpoint"
# Someone with the database but without the key rewrites the chain consistently: the
# cancelled certificate 202603440000000084 made 'issued' again in its row and in the
# entry that recorded it, and every later entry's hash recomputed (tests/tools/rechain.py).
cp "$T/d.db" "$T/rw.db"
seq=$(sqlite3 "$T/rw.db" "SELECT max(seq) FROM ledger WHERE tbl = 'certificates' AND ref_id = 8")
expect_eq "$(sqlite3 "$T/rw.db" "SELECT payload FROM ledger WHERE seq = $seq")" '["row","certificates",8,[8,"202603440000000084",8,"cancelled","2026-03-16","2029-03-16",null]]' "the entry that recorded the cancellation"
hidden "$T/rw.db" "DROP TRIGGER ledger_no_update; UPDATE certificates SET status = 'issued' WHERE id = 8;
  UPDATE ledger SET payload = replace(payload, '\"cancelled\"', '\"issued\"') WHERE seq = $seq;"
expect_eq "$(python3 tests/tools/rechain.py "$T/rw.db")" "$((2132 - seq + 1))" "every entry from the edited one rewritten"
# Without the key and the published checkpoints nothing tells: the documented limit.
run "$HDREG" ledger verify --db "$T/rw.db"
expect_eq "$rc $(out | sed -E 's|tree head [A-Za-z0-9+/]{43}=|tree head B64|')$(err)" "0 ledger intact: 2132 entries, 2026 rows, head $(lasthash "$T/rw.db"), tree head B64" "without the key the rewritten chain looks intact"
# The heads signed in the database: the last one is no longer the chain's.
run "$HDREG" ledger verify --db "$T/rw.db" --keys "$T/keys"
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: the head signed on 2026-04-17 (entry 2132) is not what it was in the chain: the chain was rewritten" "signed head catches it"
# The checkpoints published outside the database: the last night's is not extended.
run "$HDREG" ledger verify --db "$T/rw.db" --keys "$T/keys" --checkpoints "$CP"
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: the register does not extend the checkpoint of 2026-04-17 ($CP:15): its first 2131 entries are not the ones published: one or more of entries 2108 to 2131 were rewritten" "the checkpoint catches it"
# The signed heads deleted too: the checkpoints outside still catch it.
hidden "$T/rw.db" "DROP TRIGGER ledger_heads_no_delete; DELETE FROM ledger_heads"
run "$HDREG" ledger verify --db "$T/rw.db" --keys "$T/keys"
expect_eq "$rc $(out | sed 's/.*; 0 signed/0 signed/')" "0 0 signed heads verified" "heads deleted: nothing left in the database to tell"
run "$HDREG" ledger verify --db "$T/rw.db" --keys "$T/keys" --checkpoints "$CP"
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: the register does not extend the checkpoint of 2026-04-17 ($CP:15): its first 2131 entries are not the ones published: one or more of entries 2108 to 2131 were rewritten" "heads deleted: the checkpoint catches it"
done_ok
