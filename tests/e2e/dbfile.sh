# The database file itself (issue 13): a missing, zero-byte or schema-0 file is not a
# register — refused with exit 4 by every command but those that make one, with no lock
# or side file left beside it; a file that is not a database is refused; a corrupted page
# is named by `ledger verify` (exit 3) and stops `run` before it writes (exit 4); a
# read-only register in a read-only directory or on a read-only mount is verified and
# shown without anything written there; demo-db and import --create still make one.
source "$(dirname "$0")/lib.sh"
set -e
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
NAME=广东省健康医疗数据产权登记中心
files() { ls -A "$1" | paste -sd' '; } # the names in directory $1, on one line
"$HDREG" keygen --keys "$T/keys" --name "$NAME" --bits 2048 >/dev/null
"$HDREG" demo-db --db "$T/d.db" >/dev/null
run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/out" --keys "$T/keys"
expect_eq "$rc" 1 "the demo night (SQ-2026-0016 refused)"
head=$(sql "$T/d.db" "SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1")
entries=$(sql "$T/d.db" "SELECT count(*) FROM ledger")
# The tree head the night published (with keys) or, here, what verify prints on the
# writable copy: the read-only answers must be the same line.
intact=$("$HDREG" ledger verify --db "$T/d.db")
cert=$T/out/certificates/$(echo "$DEMO_CERTIFICATES" | head -1)
"$HDREG" export --db "$T/d.db" --format xml --out "$T/cases.xml" 2>/dev/null
"$HDREG" ledger show --db "$T/d.db" >"$T/show.expected"
# Every command that opens an existing register, with the prefix its messages carry.
commands() { # commands DB: one "PREFIX|COMMAND..." line each
  cat <<EOF
ledger verify: |ledger verify --db $1
ledger show: |ledger show --db $1
|run --db $1 --date 2026-03-16 --out $(dirname "$1")/out
verify: |verify $cert --keys $T/keys --db $1
|import --db $1 $T/cases.xml
export: |export --db $1 --format csv
check: |check --db $1 --all
case history: |case history --db $1 --case SQ-2026-0001
render: |render --db $1 --template certificate --case SQ-2026-0001 --out $(dirname "$1")/c.pdf
EOF
}

# ---- a path that does not exist -------------------------------------------------------
mkdir "$T/none"
while IFS='|' read -r prefix cmd; do
  run "$HDREG" $cmd
  expect_eq "$rc $(out)$(err)" "4 hdreg: ${prefix}cannot open database '$T/none/r.db': no such file (hdreg import --create or hdreg demo-db makes a new register)" "missing: $cmd"
  if [ "${cmd%% *}" = run ]; then # a failed night too has its report, and only that
    expect_eq "$(files "$T/none/out")" "run-2026-03-16.html run-2026-03-16.json run-latest.html run-latest.json" "missing: run writes its report"
    expect_eq "$(jq -c '[.status, .exit_code, .backlog]' "$T/none/out/run-2026-03-16.json")" '["failed",4,null]' "missing: the report says why"
    rm -r "$T/none/out"
  fi
  expect_eq "$(files "$T/none")" "" "missing: $cmd leaves nothing behind (no r.db, r.db.lock, out)"
done < <(commands "$T/none/r.db")

# ---- a zero-byte file -----------------------------------------------------------------
mkdir "$T/zero"
: >"$T/zero/r.db"
while IFS='|' read -r prefix cmd; do
  run "$HDREG" $cmd
  expect_eq "$rc $(out)$(err)" "4 hdreg: ${prefix}cannot open database '$T/zero/r.db': the file is empty (0 bytes), not a register; restore it from a backup, or remove it and make a new register with hdreg import --create or hdreg demo-db" "zero bytes: $cmd"
  if [ "${cmd%% *}" = run ]; then # a failed night too has its report, and only that
    expect_eq "$(files "$T/zero/out")" "run-2026-03-16.html run-2026-03-16.json run-latest.html run-latest.json" "zero bytes: run writes its report"
    expect_eq "$(jq -c '[.status, .exit_code, .backlog]' "$T/zero/out/run-2026-03-16.json")" '["failed",4,null]' "zero bytes: the report says why"
    rm -r "$T/zero/out"
  fi
  expect_eq "$(files "$T/zero") $(stat -c %s "$T/zero/r.db")" "r.db 0" "zero bytes: $cmd leaves the file empty, and no -wal, -shm, .lock or out"
done < <(commands "$T/zero/r.db")
# The commands that make a register do not take an existing file, empty or not.
run "$HDREG" demo-db --db "$T/zero/r.db"
expect_eq "$rc $(err)" "2 hdreg: demo-db: '$T/zero/r.db' already exists; remove it first" "demo-db on an empty file"
run "$HDREG" import --db "$T/zero/r.db" --create "$T/cases.xml"
expect_eq "$rc $(err)" "2 hdreg: import: --create: '$T/zero/r.db' already exists" "import --create on an empty file"
expect_eq "$(files "$T/zero") $(stat -c %s "$T/zero/r.db")" "r.db 0" "still empty"

# ---- an SQLite file that hdreg never made (schema version 0) ----------------------------
mkdir "$T/v0"
sqlite3 "$T/v0/r.db" "CREATE TABLE t(x); DROP TABLE t;"
sum=$(sha256sum <"$T/v0/r.db")
run "$HDREG" ledger verify --db "$T/v0/r.db"
expect_eq "$rc $(err)" "4 hdreg: ledger verify: cannot open database '$T/v0/r.db': an SQLite database, but not a register (schema version 0)" "schema 0: ledger verify"
run "$HDREG" export --db "$T/v0/r.db" --format csv
expect_eq "$rc $(err)" "4 hdreg: export: cannot open database '$T/v0/r.db': an SQLite database, but not a register (schema version 0); hdreg import --create or hdreg demo-db makes a new register" "schema 0: export does not migrate it into a register"
expect_eq "$(sha256sum <"$T/v0/r.db") $(files "$T/v0")" "$sum r.db" "schema 0: the file untouched"

# ---- a file that is not a database ------------------------------------------------------
printf 'not a database, only some text that is long enough to be read as a header\n' >"$T/junk.db"
run "$HDREG" ledger verify --db "$T/junk.db"
expect_eq "$rc $(err)" "4 hdreg: ledger verify: '$T/junk.db': database error: file is not a database" "text file: ledger verify"
run "$HDREG" verify "$cert" --keys "$T/keys" --db "$T/junk.db"
expect_eq "$rc $(err)" "4 hdreg: verify: '$T/junk.db': database error: file is not a database" "text file: verify --db"
run "$HDREG" run --db "$T/junk.db" --date 2026-03-16 --out "$T/junk-out"
expect_eq "$rc $(err)" "4 hdreg: '$T/junk.db': database error: file is not a database" "text file: run"

# ---- a corrupted page -------------------------------------------------------------------
# The root page of cases is an interior b-tree page; the 4-byte child page number of the
# cell at the start of its cell content area is overwritten, the page header left alone,
# so SQLite still opens the file.
mkdir "$T/bad"
cp "$T/d.db" "$T/bad/r.db"
u8() { od -An -tu1 -j"$1" -N1 "$T/bad/r.db" | tr -d ' '; }
u16() { od -An -tu2 --endian=big -j"$1" -N2 "$T/bad/r.db" | tr -d ' '; }
u32() { od -An -tu4 --endian=big -j"$1" -N4 "$T/bad/r.db" | tr -d ' '; }
ps=$(sql "$T/bad/r.db" "PRAGMA page_size")
root=$(sql "$T/bad/r.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'cases'")
base=$(((root - 1) * ps))
[ "$(u8 $base)" = 5 ] || fail "the root page $root of cases is not an interior table page"
ncell=$(u16 $((base + 3))) content=$(u16 $((base + 5))) cell=
for ((i = 0; i < ncell; i++)); do [ "$(u16 $((base + 12 + 2 * i)))" != "$content" ] || cell=$i; done
child=$(u32 $((base + content)))
[ -n "$cell" ] && [ "$(u8 $(((child - 1) * ps)))" = 13 ] || fail "page $root: no cell at $content, or its child $child is not a leaf"
printf '\377\377\377\377' | dd of="$T/bad/r.db" bs=1 seek=$((base + content)) conv=notrunc status=none
rm -f "$T/bad/r.db-wal" "$T/bad/r.db-shm"
sum=$(sha256sum <"$T/bad/r.db")
problems="database file is corrupt: On tree page $root cell $cell: invalid page number -1; Page $child is never used"
run "$HDREG" ledger verify --db "$T/bad/r.db"
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: '$T/bad/r.db': $problems" "corrupted page: ledger verify"
run "$HDREG" run --db "$T/bad/r.db" --date 2026-03-17 --out "$T/bad/out"
expect_eq "$rc $(out)$(err)" "4 hdreg: '$T/bad/r.db': $problems" "corrupted page: run"
expect_eq "$(sha256sum <"$T/bad/r.db") $(files "$T/bad") $(files "$T/bad/out")" \
  "$sum out r.db r.db.lock run-2026-03-17.html run-2026-03-17.json run-latest.html run-latest.json" \
  "corrupted page: run wrote nothing but its report (the file unchanged)"
expect_eq "$(jq -c '[.status, .exit_code, .error.stage]' "$T/bad/out/run-2026-03-17.json")" '["failed",4,"prepare"]' \
  "corrupted page: the report says why"

# ---- read-only: a 0444 file in a 0555 directory, or a read-only mount --------------------
# Tests run as root, whom file modes do not stop: the directory is made read-only by a
# read-only bind mount in a mount namespace of its own (unshare), or the commands run as
# nobody (setpriv). Every mechanism that works here is used; as another user than root,
# the modes alone do.
# A directory whose name a URI must escape, for the immutable fallback.
odd="odd %41?#"
mkdir -p "$T/ro/$odd"
cp "$T/d.db" "$T/ro/r.db"
cp "$T/d.db" "$T/ro/$odd/r.db"
chmod 0444 "$T/ro/r.db" "$T/ro/$odd/r.db"
chmod 0555 "$T/ro" "$T/ro/$odd"
chmod 0755 "$T" # for nobody
sum=$(sha256sum <"$T/ro/r.db")
hdreg_abs=$(realpath "$HDREG")
direct() { "$@"; }
# (cd "$PWD": a working directory inside the mounted one is taken again, on the mount)
ro_mount() { unshare -m sh -c 'mount --bind -o ro "$0" "$0" 2>/dev/null && cd "$PWD" && exec "$@"' "$T/ro" "$@"; }
ro_mount_user() { unshare -rm sh -c 'mount --bind -o ro "$0" "$0" 2>/dev/null && cd "$PWD" && exec "$@"' "$T/ro" "$@"; }
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
probe() { "$@" sh -c '[ -r "$0/r.db" ] && ! touch "$0/probe" 2>/dev/null' "$T/ro" 2>/dev/null; }
ways=""
if [ "$(id -u)" != 0 ]; then
  probe direct && ways="direct"
  probe ro_mount_user && ways="$ways ro_mount_user"
else
  probe ro_mount && ways="ro_mount"
  id nobody >/dev/null 2>&1 && probe as_nobody && as_nobody "$HDREG" version >/dev/null 2>&1 && ways="$ways as_nobody"
fi
[ ! -e "$T/ro/probe" ] || fail "a probe was written into the read-only directory"
if [ -z "$ways" ]; then
  echo "SKIP: read-only verification: neither a read-only bind mount (unshare -m) nor another user (setpriv) works here" >&2
else
  echo "read-only directory by:$ways"
fi
for way in $ways; do
  run $way "$HDREG" ledger verify --db "$T/ro/r.db"
  expect_eq "$rc $(out)$(err)" "0 $intact" "read-only ($way): ledger verify"
  run $way "$HDREG" ledger show --db "$T/ro/r.db"
  expect_eq "$rc $(err)" "0 " "read-only ($way): ledger show"
  expect_eq "$(out)" "$(cat "$T/show.expected")" "read-only ($way): ledger show lists the entries"
  run $way "$HDREG" verify "$cert" --keys "$T/keys" --db "$T/ro/r.db" --as-of 2026-04-01
  expect_eq "$rc $(out)$(err)" "0 $cert: authentic and current (certificate 20260344000000006X of case SQ-2026-0006, in force on 2026-04-01, valid until 2029-03-16; signed by $NAME)" "read-only ($way): verify --db"
  run $way "$HDREG" run --db "$T/ro/r.db" --date 2026-03-17 --out "$T/ro-out"
  case $way in ro_mount*) why="Read-only file system" ;; *) why="Permission denied" ;; esac
  expect_eq "$rc $(err | head -1)" "4 hdreg: cannot open lock file '$T/ro/r.db.lock': $why" "read-only ($way): run refuses"
  # Its report: into the output folder if that user may write it, else on stderr.
  if [ -e "$T/ro-out/run-2026-03-17.json" ]; then rep=$(jq -c '[.status, .exit_code, .error.stage]' "$T/ro-out/run-2026-03-17.json"); rm -rf "$T/ro-out"
  else rep=$(err | sed -n 3p | jq -c '[.status, .exit_code, .error.stage]'); fi
  expect_eq "$rep" '["failed",4,"lock"]' "read-only ($way): the run's report says why"
  run $way "$HDREG" ledger verify --db "$T/ro/$odd/r.db"
  expect_eq "$rc $(out)$(err)" "0 $intact" "read-only ($way): a path with %, ? and #"
  cd "$T/ro/$odd"
  run $way "$hdreg_abs" ledger verify --db r.db
  cd - >/dev/null
  expect_eq "$rc $(out)$(err)" "0 $intact" "read-only ($way): a relative path"
  expect_eq "$(sha256sum <"$T/ro/r.db") $(files "$T/ro") $(stat -c %a "$T/ro/r.db") $(files "$T/ro/$odd")" \
    "$sum $odd r.db 444 r.db" "read-only ($way): nothing written there"
done
# A -wal file beside it with changes not yet in the database: readable with its -shm
# file; without it (and no way to make one) refused rather than read without them.
for way in $ways; do
  chmod -R u+w "$T/ro"
  rm -rf "$T/ro"/*
  cp "$T/d.db" "$T/live.db"
  python3 - "$T/live.db" "$T/ro" <<'EOF'
import shutil, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA wal_autocheckpoint = 0")
# a row of a table outside the chain (signed heads are checked with --keys only), so
# that the verdict without --keys is the one of the copy without the -wal
db.execute("INSERT INTO ledger_heads(at, seq, head, signature) VALUES ('2026-01-01', 1, ?, 'x')", ("0" * 64,))
db.commit()
for suffix in ("", "-wal", "-shm"):
    shutil.copy(sys.argv[1] + suffix, sys.argv[2] + "/r.db" + suffix)
EOF
  chmod 0444 "$T/ro"/*
  chmod 0555 "$T/ro"
  run $way "$HDREG" ledger verify --db "$T/ro/r.db"
  expect_eq "$rc $(out)$(err)" "0 $intact" "read-only ($way): with -wal and -shm"
  chmod 0755 "$T/ro"
  rm "$T/ro/r.db-shm"
  chmod 0555 "$T/ro"
  run $way "$HDREG" ledger verify --db "$T/ro/r.db"
  expect_eq "$rc $(out)$(err)" "4 hdreg: ledger verify: cannot read database '$T/ro/r.db': its write-ahead log '$T/ro/r.db-wal' holds changes that cannot be read without write access to the directory; copy both files to a directory that can be written" "read-only ($way): -wal without -shm"
  expect_eq "$(files "$T/ro")" "r.db r.db-wal" "read-only ($way): nothing written"
done

# ---- the commands that make a register still do -----------------------------------------
mkdir "$T/new"
run "$HDREG" demo-db --db "$T/new/demo.db"
expect_eq "$rc $(out)$(err)" "0 created $T/new/demo.db with the demo data" "demo-db makes a register"
iconv -f UTF-8 -t GBK tests/e2e/import/rare.xml >"$T/rare-gbk.xml"
run "$HDREG" import --db "$T/new/imp.db" --create --date 2026-03-20 --encoding GBK "$T/rare-gbk.xml"
expect_eq "$rc $(out)$(err)" "0 import 1: imported 1 case, 1 subject (0 already in the register), 0 certificates and 2 other records from $T/rare-gbk.xml (GBK, 977 bytes)" "import --create makes a register"
for db in demo imp; do
  run "$HDREG" ledger verify --db "$T/new/$db.db"
  expect_eq "$rc" 0 "the new register $db.db verifies"
done
done_ok
