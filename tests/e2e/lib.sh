# lib.sh: helpers for the shell tests (sourced). Every assertion is exact; the first
# failure prints what was expected and what came, and the test exits 1.
set -u
HDREG=${1:?usage: test.sh PATH-TO-HDREG}
T=$(mktemp -d /tmp/hdreg-test.XXXXXX)
trap 'rm -rf "$T"' EXIT
export HDREG_FAULT=
PASSED=0
# The certificates the demo database gets on its run date 2026-03-16, in file order.
DEMO_CERTIFICATES="20260344000000006X.pdf
202603440000000071.pdf
202603440000000084.pdf
202603440000000097.pdf
20260344000000010C.pdf
20260344000000011F.pdf
20260344000000012J.pdf
20260344000000013M.pdf
20260344000000014Q.pdf"

# sql_adopt DB SQL...: change a register by hand to set up a test, then adopt the change as the
# authority would once it is explained (hdreg ledger adopt): otherwise the next night
# refuses a register changed past hdreg.
sql_adopt() {
  local db=$1
  shift
  sqlite3 "$db" "$@" && "$HDREG" ledger adopt --db "$db" --date 2026-01-01 --by test --reason "test set-up" >/dev/null
}

# hidden DB SQL: change a register past hdreg as a careful attacker would, the triggers
# SQL drops made again after it (tests/tools/hide.py): the schema stays hdreg's.
hidden() {
  python3 "$(dirname "${BASH_SOURCE[0]}")/../tools/hide.py" "$1" "$2"
}

fail() {
  echo "FAIL: $*" >&2
  echo "$PASSED passed, 1 failed"
  exit 1
}

# expect_eq ACTUAL EXPECTED [WHAT]
expect_eq() {
  if [ "$1" != "$2" ]; then
    printf 'FAIL: %s\n--- expected:\n%s\n--- got:\n%s\n' "${3:-value}" "$2" "$1" >&2
    # KEEP_GOING=1 (by hand, while changing a script): show every failure, not the first.
    [ -z "${KEEP_GOING:-}" ] || return 0
    echo "$PASSED passed, 1 failed"
    exit 1
  fi
  PASSED=$((PASSED + 1))
}

# run CMD...: sets $rc, and files $T/stdout, $T/stderr
run() {
  set +e
  "$@" >"$T/stdout" 2>"$T/stderr"
  rc=$?
  set -e
}

out() { cat "$T/stdout"; }
err() { cat "$T/stderr"; }

sql() { sqlite3 -batch -noheader "$1" "$2"; }

done_ok() { echo "$PASSED passed, 0 failed"; }

# treehead DB KEYS: the RFC 6962 head of the whole register, computed by
# tests/tools/checkpoint.py (after a night with keys the register has one entry more than
# its last checkpoint: the count of checkpoints published)
treehead() { python3 tests/tools/checkpoint.py "$1" "$(sqlite3 "$1" "SELECT max(seq) FROM ledger")" 2026-01-01 "$2" | sed -n 3p; }

# demo_night (with DB and OUT set): the demo register after its first night (2026-03-16);
# then intact WHAT asserts that hdreg ledger verify says intact, count TABLE counts rows.
demo_night() {
  "$HDREG" demo-db --db "$DB" >/dev/null
  run "$HDREG" run --db "$DB" --date 2026-03-16 --out "$OUT"
  expect_eq "$rc" 1 "the demo night (SQ-2026-0016's code is refused)"
}
intact() {
  run "$HDREG" ledger verify --db "$DB"
  expect_eq "$rc $(out | cut -d: -f1)" "0 ledger intact" "ledger verify after $1"
}
count() { sql "$DB" "SELECT count(*) FROM $1"; }
