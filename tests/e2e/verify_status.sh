# hdreg verify tells the whole truth (issue 13): for every kind of document the night
# issues it names the kind and the case, and for a certificate where it stands on the
# as-of date — current, superseded (by which), cancelled (when, by which case), expired
# (valid until), not yet issued; a file under another document's name is reported;
# altered, unsigned and unknown bytes are not the register's. Exact line and exit code
# for each.
source "$(dirname "$0")/lib.sh"
set -e
K="$T/keys"
DB="$T/d.db"
OUT="$T/out"
C="$OUT/certificates"
OP="$OUT/opinions"
S=广东省健康医疗数据产权登记中心
"$HDREG" keygen --keys "$K" --name "$S" >/dev/null
"$HDREG" demo-db --db "$DB" >/dev/null
# The demo night, then a change of 20260344000000006X and a cancellation of
# 202603440000000084 applied for on April 1, published that night and carried out when
# the notice has ended, on April 17 (as in tests/e2e/sign.sh).
run "$HDREG" run --db "$DB" --date 2026-03-16 --out "$OUT" --keys "$K"
expect_eq "$rc" 1 "night 2026-03-16 (case SQ-2026-0016 refused)"
"$HDREG" case apply --db "$DB" --certificate 20260344000000006X --type change --number SQ-2026-0101 \
  --date 2026-04-01 --description "数据规模更新" --material change_proof:BG-1 >/dev/null
"$HDREG" case apply --db "$DB" --certificate 202603440000000084 --type cancel --number SQ-2026-0102 \
  --date 2026-04-01 --ground a --material cancellation_statement:ZX-1 >/dev/null
for d in 2026-04-01 2026-04-17; do
  run "$HDREG" run --db "$DB" --date $d --out "$OUT" --keys "$K"
  expect_eq "$rc $(err | cut -d: -f2 | sort -u | tr '\n' ' ')" "1  case SQ-2026-0016  case SQ-2026-0044 " "night $d"
done

# verify FILE... [--as-of DATE]: $rc and $(out) of hdreg verify with the keys and the register.
v() { run "$HDREG" verify "$@" --keys "$K" --db "$DB"; }

# Certificates, as of a date.
f="$C/202603440000000071.pdf"
v "$f" --as-of 2026-05-01
expect_eq "$rc $(out)" "0 $f: authentic and current (certificate 202603440000000071 of case SQ-2026-0007, in force on 2026-05-01, valid until 2029-03-16; signed by $S)" "current"
v "$f" --as-of 2026-03-16
expect_eq "$rc $(out)" "0 $f: authentic and current (certificate 202603440000000071 of case SQ-2026-0007, in force on 2026-03-16, valid until 2029-03-16; signed by $S)" "current on its registration date"
v "$f" --as-of 2029-03-16
expect_eq "$rc $(out)" "0 $f: authentic and current (certificate 202603440000000071 of case SQ-2026-0007, in force on 2029-03-16, valid until 2029-03-16; signed by $S)" "current on its last day"
v "$f" --as-of 2029-03-17
expect_eq "$rc $(out)" "3 $f: authentic but expired: certificate 202603440000000071 of case SQ-2026-0007 was valid until 2029-03-16 (as of 2029-03-17)" "expired the day after"
v "$f" --as-of 2026-03-15
expect_eq "$rc $(out)" "3 $f: authentic but not yet issued on 2026-03-15: certificate 202603440000000071 of case SQ-2026-0007 was registered on 2026-03-16" "before its registration"
# Without --as-of: today (the wall clock).
v "$f"
today=$(out)
v "$f" --as-of "$(date +%F)"
expect_eq "$(out)" "$today" "the as-of date defaults to today"

f="$C/20260344000000006X.pdf"
v "$f" --as-of 2026-05-01
expect_eq "$rc $(out)" "3 $f: authentic but superseded: certificate 20260344000000006X of case SQ-2026-0006 was replaced on 2026-04-17 by certificate 20260444000000024Y (change, case SQ-2026-0101)" "superseded, by which"
v "$f" --as-of 2026-04-16
expect_eq "$rc $(out)" "0 $f: authentic and current (certificate 20260344000000006X of case SQ-2026-0006, in force on 2026-04-16, valid until 2029-03-16; later superseded on 2026-04-17 by certificate 20260444000000024Y; signed by $S)" "current the day before it was superseded"
v "$C/20260444000000024Y.pdf" --as-of 2026-05-01
expect_eq "$rc $(out)" "0 $C/20260444000000024Y.pdf: authentic and current (certificate 20260444000000024Y of case SQ-2026-0101, in force on 2026-05-01, valid until 2029-03-16; signed by $S)" "the certificate that replaced it"

f="$C/202603440000000084.pdf"
v "$f" --as-of 2026-05-01
expect_eq "$rc $(out)" "3 $f: authentic but cancelled: certificate 202603440000000084 of case SQ-2025-0008 was cancelled on 2026-04-17 by cancellation case SQ-2026-0102" "cancelled, when and by which case"
v "$f" --as-of 2026-04-16
expect_eq "$rc $(out)" "0 $f: authentic and current (certificate 202603440000000084 of case SQ-2025-0008, in force on 2026-04-16, valid until 2029-03-16; later cancelled on 2026-04-17 by cancellation case SQ-2026-0102; signed by $S)" "current the day before it was cancelled"

# The other documents: their kind and case; no 'current' for them.
f="$OP/SQ-2026-0019-2026-03-16.pdf"
v "$f" --as-of 2026-05-01
expect_eq "$rc $(out)" "0 $f: authentic (review opinion of case SQ-2026-0019, issued 2026-03-16; signed by $S)" "review opinion"
v "$f" --as-of 2026-03-15
expect_eq "$rc $(out)" "3 $f: authentic but not yet issued on 2026-03-15: the review opinion of case SQ-2026-0019 was issued on 2026-03-16" "review opinion before its date"
f="$OUT/notices/GS-20260316.pdf"
v "$f" --as-of 2026-05-01
expect_eq "$rc $(out)" "0 $f: authentic (public notice GS-20260316 of 9 cases, published 2026-03-16, notice period until 2026-03-30; signed by $S)" "public notice"
f="$OUT/notices/GS-20260401.pdf"
v "$f" --as-of 2026-03-31
expect_eq "$rc $(out)" "3 $f: authentic but not yet issued on 2026-03-31: the public notice GS-20260401 of 2 cases was published on 2026-04-01" "public notice before its date"
f="$OUT/cancellations/SQ-2026-0102.pdf"
v "$f" --as-of 2026-05-01
expect_eq "$rc $(out)" "0 $f: authentic (cancellation notice of case SQ-2026-0102 for certificate 202603440000000084, issued 2026-04-17; signed by $S)" "cancellation notice"
f="$OUT/cancellations/SQ-2026-0043.pdf"
v "$f" --as-of 2026-05-01
expect_eq "$rc $(out)" "0 $f: authentic (cancellation notice of case SQ-2026-0043 for certificate 20251244000000005X, issued 2026-03-16; signed by $S)" "the demo's cancellation notice"

# Files under another document's name: two review opinions swapped, each reported with
# its real case and its recorded name; a certificate saved under a name of one's own.
# Another folder under the recorded name is fine.
mkdir -p "$T/handed" "$T/moved"
cp "$OP/SQ-2026-0019-2026-03-16.pdf" "$T/handed/SQ-2026-0020-2026-03-16.pdf"
cp "$OP/SQ-2026-0020-2026-03-16.pdf" "$T/handed/SQ-2026-0019-2026-03-16.pdf"
v "$T/handed/SQ-2026-0019-2026-03-16.pdf" "$T/handed/SQ-2026-0020-2026-03-16.pdf" --as-of 2026-05-01
expect_eq "$rc $(out)" "3 $T/handed/SQ-2026-0019-2026-03-16.pdf: authentic but misnamed: this is the review opinion of case SQ-2026-0020 (issued 2026-03-16), recorded as 'SQ-2026-0020-2026-03-16.pdf'; 'SQ-2026-0019-2026-03-16.pdf' is the name of the review opinion of case SQ-2026-0019
$T/handed/SQ-2026-0020-2026-03-16.pdf: authentic but misnamed: this is the review opinion of case SQ-2026-0019 (issued 2026-03-16), recorded as 'SQ-2026-0019-2026-03-16.pdf'; 'SQ-2026-0020-2026-03-16.pdf' is the name of the review opinion of case SQ-2026-0020" "swapped review opinions"
cp "$C/202603440000000071.pdf" "$T/handed/证书.pdf"
cp "$C/20260344000000006X.pdf" "$T/handed/202603440000000071.pdf"
v "$T/handed/证书.pdf" --as-of 2026-05-01
expect_eq "$rc $(out)" "3 $T/handed/证书.pdf: authentic but misnamed: this is the certificate 202603440000000071 of case SQ-2026-0007 (in force on 2026-05-01, valid until 2029-03-16), recorded as '202603440000000071.pdf', not '证书.pdf'" "renamed certificate"
v "$T/handed/202603440000000071.pdf" --as-of 2026-05-01
expect_eq "$rc $(out)" "3 $T/handed/202603440000000071.pdf: authentic but misnamed: this is the certificate 20260344000000006X of case SQ-2026-0006 (superseded on 2026-04-17 by certificate 20260444000000024Y), recorded as '20260344000000006X.pdf'; '202603440000000071.pdf' is the name of the certificate 202603440000000071 of case SQ-2026-0007" "superseded certificate under a current one's name"
cp "$OP/SQ-2026-0019-2026-03-16.pdf" "$T/moved/"
v "$T/moved/SQ-2026-0019-2026-03-16.pdf" --as-of 2026-05-01
expect_eq "$rc $(out)" "0 $T/moved/SQ-2026-0019-2026-03-16.pdf: authentic (review opinion of case SQ-2026-0019, issued 2026-03-16; signed by $S)" "another folder, its own name"

# Not the register's: one byte changed, unsigned, signed with the key but not recorded.
python3 -c "
import sys
d = bytearray(open(sys.argv[1], 'rb').read()); d[2000] ^= 0x01
open(sys.argv[2], 'wb').write(d)" "$C/202603440000000071.pdf" "$T/handed/altered.pdf"
v "$T/handed/altered.pdf" --as-of 2026-05-01
expect_eq "$rc $(out)" "3 $T/handed/altered.pdf: altered: the document was changed after it was signed" "one byte changed"
"$HDREG" demo-db --db "$T/u.db" >/dev/null
run "$HDREG" run --db "$T/u.db" --date 2026-03-16 --out "$T/unsigned"
expect_eq "$rc" 1 "unsigned night"
f="$T/unsigned/certificates/202603440000000071.pdf"
v "$f" --as-of 2026-05-01
expect_eq "$rc $(out)" "3 $f: not issued by this register: the document is not signed" "unsigned"
"$HDREG" demo-db --db "$T/o.db" >/dev/null
run "$HDREG" run --db "$T/o.db" --date 2026-03-17 --out "$T/other" --keys "$K"
expect_eq "$rc" 1 "a night of another register with the same key"
f="$T/other/certificates/202603440000000071.pdf"
v "$f" --as-of 2026-05-01
expect_eq "$rc $(out)" "3 $f: not issued by this register: its bytes are not in the register" "signed, but not recorded"

# Several files: a line each, the worst exit.
v "$C/202603440000000071.pdf" "$T/handed/altered.pdf" --as-of 2026-05-01
expect_eq "$rc $(out | cut -d: -f2)" "3  authentic and current (certificate 202603440000000071 of case SQ-2026-0007, in force on 2026-05-01, valid until 2029-03-16; signed by $S)
 altered" "several files"

# Usage and database.
for bad in 2026-02-30 2026-5-1 today; do
  v "$C/202603440000000071.pdf" --as-of "$bad"
  expect_eq "$rc $(out)$(err)" "2 hdreg: verify: --as-of '$bad' is not a valid date YYYY-MM-DD" "bad --as-of $bad"
done
run "$HDREG" verify "$C/202603440000000071.pdf" --keys "$K" --db "$DB" --as-of
expect_eq "$rc $(err)" "2 hdreg: verify: option '--as-of' needs a value (see hdreg verify --help)" "--as-of without a date"
# (how the register is opened is being reworked, issue 13: the exit code and the prefix)
run "$HDREG" verify "$C/202603440000000071.pdf" --keys "$K" --db "$T/none.db"
expect_eq "$rc $(out)$(err | cut -d: -f1-2)" "4 hdreg: verify" "no database"
done_ok
