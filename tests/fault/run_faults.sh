# Injected failures during the run: a full disk, a database failure before commit, and
# a process killed right after a number was allocated. Each time: no partial file, the
# other cases go on, the exit code says so, and the next run finishes the job with the
# same numbers (never reused, never skipped).
source "$(dirname "$(dirname "$0")")/e2e/lib.sh"
set -e
DATE=2026-03-16
ALL=$DEMO_CERTIFICATES

# Full disk while writing the second certificate.
"$HDREG" demo-db --db "$T/w.db" >/dev/null
HDREG_FAULT=write:2 run "$HDREG" run --db "$T/w.db" --date $DATE --out "$T/w"
expect_eq "$rc" 1 "write fault exit"
expect_eq "$(out | head -1)" "hdreg run $DATE: 9 certificates issued, 0 verified, 0 restored, 1 held by objection, 2 failed"
expect_eq "$(err | head -1)" "hdreg: case SQ-2026-0007: cannot write '$T/w/certificates/202603440000000071.pdf': No space left on device (injected fault)"
expect_eq "$(ls -A "$T/w/certificates" | grep -c -v '\.pdf$' || true)" 0 "no temporary files left"
[ ! -e "$T/w/certificates/202603440000000071.pdf" ] || fail "a failed certificate left a file"
expect_eq "$(sql "$T/w.db" "SELECT status FROM certificates WHERE number = '202603440000000071'")" pending
run "$HDREG" run --db "$T/w.db" --date $DATE --out "$T/w"
expect_eq "$(out | head -1)" "hdreg run $DATE: 1 certificate issued, 9 verified, 0 restored, 1 held by objection, 1 failed" "after write fault"
expect_eq "$(ls "$T/w/certificates")" "$ALL" "write fault: all certificates, same numbers"

# Database failure before the first document's commit.
"$HDREG" demo-db --db "$T/c.db" >/dev/null
HDREG_FAULT=commit:1 run "$HDREG" run --db "$T/c.db" --date $DATE --out "$T/c"
expect_eq "$rc" 1 "commit fault exit"
expect_eq "$(err | head -1)" "hdreg: case SQ-2026-0006: database error: disk I/O error (injected fault)"
[ ! -e "$T/c/certificates/20260344000000006X.pdf" ] || fail "an unrecorded certificate was left"
expect_eq "$(sql "$T/c.db" "SELECT count(*) FROM documents WHERE certificate_id = 6")" 0
run "$HDREG" run --db "$T/c.db" --date $DATE --out "$T/c"
expect_eq "$(out | head -1)" "hdreg run $DATE: 1 certificate issued, 9 verified, 0 restored, 1 held by objection, 1 failed" "after commit fault"
expect_eq "$(ls "$T/c/certificates")" "$ALL" "commit fault: all certificates"

# Killed after the third number was committed, before its document.
"$HDREG" demo-db --db "$T/k.db" >/dev/null
HDREG_FAULT=crash-after-allocate:3 run "$HDREG" run --db "$T/k.db" --date $DATE --out "$T/k"
expect_eq "$rc" 137 "killed"
expect_eq "$(ls "$T/k/certificates")" "20260344000000006X.pdf
202603440000000071.pdf" "two certificates before the kill"
expect_eq "$(sql "$T/k.db" "SELECT number || ' ' || status FROM certificates WHERE id > 5 ORDER BY id")" \
  "20260344000000006X issued
202603440000000071 issued
202603440000000084 pending" "the third number is kept"
run "$HDREG" run --db "$T/k.db" --date $DATE --out "$T/k"
expect_eq "$rc" 1 "after the kill"
expect_eq "$(out | head -1)" "hdreg run $DATE: 8 certificates issued, 2 verified, 0 restored, 1 held by objection, 1 failed"
expect_eq "$(ls "$T/k/certificates")" "$ALL" "kill: all certificates, no number skipped or reused"
expect_eq "$(sql "$T/k.db" "SELECT count(*) || ' ' || count(DISTINCT number) FROM certificates")" "15 15"

# Determinism across the three recoveries: the same bytes as an undisturbed run.
"$HDREG" demo-db --db "$T/ok.db" >/dev/null
run "$HDREG" run --db "$T/ok.db" --date $DATE --out "$T/ok"
for n in $ALL; do
  for d in w c k; do
    cmp -s "$T/ok/certificates/$n" "$T/$d/certificates/$n" || fail "$d/$n differs from the undisturbed run"
    PASSED=$((PASSED + 1))
  done
done
done_ok
