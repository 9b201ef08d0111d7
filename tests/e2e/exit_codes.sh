# Every documented exit code, with its exact message.
source "$(dirname "$0")/lib.sh"
set -e
"$HDREG" demo-db --db "$T/d.db" >/dev/null

# 0: a date with nothing due.
run "$HDREG" run --db "$T/d.db" --date 2026-01-05 --out "$T/o0"
expect_eq "$rc" 0 "exit 0"
expect_eq "$(out | sed -E 's/pack [0-9a-f]{16}/pack REV/')" "hdreg run 2026-01-05: 0 certificates issued, 0 verified, 0 restored, 0 held by objection, 0 failed
reviewed 0 cases with check pack REV: 0 approve, 0 rectify, 0 hold, 0 reject"
expect_eq "$(err)" ""
run "$HDREG" version
expect_eq "$rc" 0 "version exit"
expect_eq "$(out | head -1)" "hdreg 0.1.0" "version: the first line (the rest: cli_help.sh)"

# 1: the run finished but a case was refused.
run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/o1"
expect_eq "$rc" 1 "exit 1"
expect_eq "$(err | wc -l)" 1 "one refused case"

# 7: the run finished and nothing failed, but cases wait for a human: case SQ-2026-0018's
# notice ended with an objection open, SQ-2026-0022 was held for a manual check.
run "$HDREG" run --db "$T/d.db" --date 2026-03-17 --out "$T/o1"
expect_eq "$rc" 1 "still exit 1: the refused case is still due"
"$HDREG" case move --db "$T/d.db" --case SQ-2026-0016 --to withdrawn --date 2026-03-17 \
  --actor 登记机构 --reason 申请人撤回 >/dev/null
run "$HDREG" run --db "$T/d.db" --date 2026-03-18 --out "$T/o1"
expect_eq "$rc" 7 "exit 7: held for a human"
expect_eq "$(out | head -1)" "hdreg run 2026-03-18: 0 certificates issued, 0 verified, 0 restored, 1 held by objection, 0 failed" "held summary"

# 2: usage.
run "$HDREG"
expect_eq "$rc" 2 "no command"
expect_eq "$(err | head -1)" "usage: hdreg <command> [options]"
run "$HDREG" frob
expect_eq "$rc" 2 "unknown command"
expect_eq "$(err)" "hdreg: unknown command 'frob' (try 'hdreg help')"
run "$HDREG" run --db "$T/d.db"
expect_eq "$rc" 2 "missing --date"
expect_eq "$(err)" "hdreg: run: --db and --date are required (see hdreg run --help)"
run "$HDREG" run --db "$T/d.db" --date 2026-02-30
expect_eq "$rc" 2 "impossible date"
expect_eq "$(err)" "hdreg: run: --date '2026-02-30' is not a valid date YYYY-MM-DD"
run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --colour
expect_eq "$rc" 2 "unknown option"
expect_eq "$(err)" "hdreg: run: unknown option '--colour' (see hdreg run --help)"

# 3: invalid input value.
run "$HDREG" uscc 91350100M000100Y43 91350203M0001QAY9B
expect_eq "$rc" 3 "uscc exit"
expect_eq "$(out)" "91350100M000100Y43: valid
91350203M0001QAY9B: invalid: check character (position 18) is 'B', should be '9'"

# 3: a broken check pack stops the run before anything is written.
run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/o3" --checks tests/e2e/packs/hostile-syntax
expect_eq "$rc" 3 "broken pack"
expect_eq "$(err)" "hdreg: tests/e2e/packs/hostile-syntax/broken.lua:2: ')' expected near 'end'"
expect_eq "$(ls "$T/o3")" "run-2026-03-16.html
run-2026-03-16.json
run-latest.html
run-latest.json" "a run with a broken pack writes its report and no document"

# 4: database.
run "$HDREG" run --db "$T/none.db" --date 2026-03-16 --out "$T/o4"
expect_eq "$rc" 4 "missing database"
expect_eq "$(err)" "hdreg: cannot open database '$T/none.db': no such file (hdreg import --create or hdreg demo-db makes a new register)"
[ ! -e "$T/none.db" ] || fail "a missing database must not be created by run"
printf 'not a database, only some text that is long enough to be read as a header\n' >"$T/junk.db"
run "$HDREG" run --db "$T/junk.db" --date 2026-03-16 --out "$T/o4"
expect_eq "$rc" 4 "not a database"
expect_eq "$(err)" "hdreg: '$T/junk.db': database error: file is not a database"
cp "$T/d.db" "$T/new.db"
sqlite3 "$T/new.db" "PRAGMA user_version = 15"
run "$HDREG" run --db "$T/new.db" --date 2026-03-16 --out "$T/o4"
expect_eq "$rc" 4 "newer schema"
expect_eq "$(err)" "hdreg: '$T/new.db': schema version 15 is newer than this hdreg supports (14)"

# 75: a second run on the same database while one holds the lock (busy: try again later).
flock "$T/d.db.lock" sleep 3 &
holder=$!
sleep 0.5
run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/o4b"
expect_eq "$rc" 75 "locked database"
expect_eq "$(err)" "hdreg: another hdreg run or import is working on '$T/d.db' (lock '$T/d.db.lock'); try again when it has finished"
wait $holder
# The same register by another name (a symbolic link) is the same lock.
ln -s "$T/d.db" "$T/link.db"
flock "$T/d.db.lock" sleep 3 &
holder=$!
sleep 0.5
run "$HDREG" run --db "$T/link.db" --date 2026-03-16 --out "$T/o4c"
expect_eq "$rc $(err)" "75 hdreg: another hdreg run or import is working on '$T/link.db' (lock '$T/d.db.lock'); try again when it has finished" "locked through a symbolic link"
wait $holder
expect_eq "$(ls "$T" | grep -c '^link.db.lock$' || true)" 0 "no lock file of the link's name"

# 5: output directory.
touch "$T/file"
run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/file"
expect_eq "$rc" 5 "output under a file"
expect_eq "$(err | sed -n 1,2p)" "hdreg: '$T/file' is not a directory
hdreg: run: the run report cannot be written into '$T/file': '$T/file' is not a directory; it follows on stderr"
expect_eq "$(err | sed -n 3p | jq -c '[.status, .exit_code, .error.message]')" "[\"failed\",5,\"'$T/file' is not a directory\"]" \
  "output under a file: the report on stderr"

# 6: fonts.
printf 'body  No Such Family\n' >"$T/manifest"
run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/o6" --font-manifest "$T/manifest"
expect_eq "$rc" 6 "missing font"
expect_eq "$(err)" "hdreg: font 'No Such Family' not found (install it, e.g. the Debian fonts-* package, or put a TrueType or OpenType/CFF file in the fonts/ directory)"

# 70: internal error (injected).
HDREG_FAULT=internal run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/o70"
expect_eq "$rc" 70 "internal"
expect_eq "$(err)" "hdreg: injected internal error"
done_ok
