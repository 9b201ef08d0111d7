# Every command and subcommand answers -h and --help with its usage on stdout and exit 0;
# an unknown option exits 2 naming the option and the help to see; and every option a
# --help lists is in the man page docs/hdreg.1 (a missing one is named with its command).
source "$(dirname "$0")/lib.sh"
set -e
MAN=docs/hdreg.1
COMMANDS="run publish case waiver demo-db check checks render import export policy fonts ledger
keygen verify calendar uscc config stats version extract supervise help"
# Every command of hdreg (src/cli/main.c, COMMANDS) is here.
expect_eq "$(sed -n '/^static const command COMMANDS/,/};/p' src/cli/main.c | grep -oE '\{"[a-z-]+"' | tr -d '{"' | sort | tr '\n' ' ')" \
  "$(echo $COMMANDS | tr ' ' '\n' | grep -vx help | sort | tr '\n' ' ')" "every command of hdreg"
# The man page as text: \- is -, font changes go.
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$MAN" >"$T/man.txt"

# missing CMD HELPFILE: "CMD: --OPTION" for each option HELPFILE lists that the man page
# does not have.
missing() {
  grep -oE -- '(^|[^a-zA-Z0-9_-])--[a-z][a-z0-9-]*' "$2" | sed -E 's/^[^-]*//' | sort -u |
    while read -r opt; do
      grep -qE -- "(^|[^a-zA-Z0-9_-])$opt([^a-z0-9-]|\$)" "$T/man.txt" || echo "$1: $opt"
    done
}

for cmd in $COMMANDS; do
  for h in -h --help; do
    run "$HDREG" "$cmd" "$h"
    expect_eq "$rc:$(err)" "0:" "hdreg $cmd $h: exit and stderr"
    case $cmd in
      help) first="usage: hdreg <command> [options]" ;;
      *) first=$(out | head -1 | cut -d' ' -f1-3) ;;
    esac
    [ "$cmd" = help ] && expect_eq "$(out | head -1)" "$first" "hdreg help $h" ||
      expect_eq "$first" "usage: hdreg $cmd" "hdreg $cmd $h: usage on stdout"
  done
  run "$HDREG" help "$cmd"
  expect_eq "$rc" 0 "hdreg help $cmd"
  out >"$T/help-$cmd"
  expect_eq "$(missing "$cmd" "$T/help-$cmd")" "" "options of hdreg $cmd --help missing in $MAN"
done
# The same for the top-level usage (hdreg --help), with --quiet and --config.
"$HDREG" --help >"$T/help-top"
expect_eq "$(missing hdreg "$T/help-top")" "" "options of hdreg --help missing in $MAN"
expect_eq "$(grep -c -- '--quiet' "$T/help-top")" 1 "hdreg --help names --quiet"

# Subcommands: their command's help, with -h and --help anywhere among the options.
for sub in "case committee" "case object" "case resolve" "case move" "case answer" "case apply" \
           "case cancel" "case history" "case list" "waiver add" "waiver list" "waiver revoke" \
           "ledger verify" "ledger show" "ledger prove" "ledger consistency" "ledger adopt" \
           "checks test" "calendar import"; do
  cmd=${sub%% *}
  for h in -h --help; do
    run "$HDREG" $sub --db "$T/none.db" "$h"
    expect_eq "$rc:$(err)" "0:" "hdreg $sub $h"
    expect_eq "$(out)" "$(cat "$T/help-$cmd")" "hdreg $sub $h: the help of hdreg $cmd"
  done
done

# The checker finds what is missing: an option the man page does not have is named.
printf 'usage: hdreg frob [--db FILE] [--no-such-option N]\n  --also-missing  x\n' >"$T/help-fake"
expect_eq "$(missing frob "$T/help-fake")" "frob: --also-missing
frob: --no-such-option" "the checker names the missing options"

# Unknown options: exit 2, one line naming the option and the help to see.
bad() { # EXPECTED-STDERR ARGS...
  local want=$1
  shift
  run "$HDREG" "$@"
  expect_eq "$rc:$(out):$(err)" "2::$want" "hdreg $*"
}
for cmd in run publish demo-db check render import export policy fonts keygen verify config; do
  bad "hdreg: $cmd: unknown option '--frob' (see hdreg $cmd --help)" "$cmd" --frob
  bad "hdreg: $cmd: unknown option '-x' (see hdreg $cmd --help)" "$cmd" -x
done
bad "hdreg: run: option '--db' needs a value (see hdreg run --help)" run --date 2026-03-16 --db
bad "hdreg: run: option '--help' takes no value (see hdreg run --help)" run --help=yes
bad "hdreg: case: unknown option '--frob' (see hdreg case --help)" case committee --frob
bad "hdreg: waiver: unknown option '--frob' (see hdreg waiver --help)" waiver list --frob
bad "hdreg: ledger: unknown option '--frob' (see hdreg ledger --help)" ledger verify --frob
bad "hdreg: checks test: unknown option '--frob' (see hdreg checks --help)" checks test --frob
bad "hdreg: calendar import: unknown option '--frob' (see hdreg calendar --help)" calendar import --db x --frob
bad "hdreg: uscc: unknown option '--frob' (see hdreg uscc --help)" uscc --frob
bad "hdreg: version: unknown option '--frob' (see hdreg version --help)" version --frob
bad "hdreg: version: unknown option '--frob' (see hdreg version --help)" --version --frob
bad "hdreg: unknown option '--frob' (see hdreg --help)" --frob
bad "hdreg: help: unknown option '--frob' (see hdreg help --help)" help --frob

# --version: the shape, line by line, and the values that can be known here.
run "$HDREG" --version
expect_eq "$rc:$(err)" "0:" "--version exit"
out >"$T/version"
run "$HDREG" version
expect_eq "$(out)" "$(cat "$T/version")" "hdreg version = hdreg --version"
expect_eq "$(sed -n 1p "$T/version")" "hdreg $(sed -n 's/^project(hdreg VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)" "version line"
# The commit built from: this checkout's HEAD, or one before it when the binary was built
# before the last commit (ctest does not rebuild); "unknown" outside a git checkout.
line=$(sed -n 2p "$T/version")
if git rev-parse --git-dir >/dev/null 2>&1; then
  c=$(echo "$line" | sed -nE 's/^commit ([0-9a-f]{40})(-dirty)?$/\1/p')
  [ -n "$c" ] && git merge-base --is-ancestor "$c" HEAD || fail "commit line: '$line', HEAD is $(git rev-parse HEAD)"
else
  [ "$line" = "commit unknown" ] || fail "commit line: '$line' outside a git checkout"
fi
PASSED=$((PASSED + 1))
# What the build compiles in (cmake/Commit.cmake): "unknown" for a tree that is not the
# top of a git checkout (a release tarball, also one unpacked inside another checkout).
mkdir -p "$T/tarball/src"
cmake -DSRC="$T/tarball" -DOUT="$T/commit.h" -P cmake/Commit.cmake
expect_eq "$(cat "$T/commit.h")" '#define HDREG_COMMIT "unknown"' "Commit.cmake outside a checkout"
cmake -DSRC="$PWD/src" -DOUT="$T/commit2.h" -P cmake/Commit.cmake
expect_eq "$(cat "$T/commit2.h")" '#define HDREG_COMMIT "unknown"' "Commit.cmake in a folder of a checkout"
if git rev-parse --git-dir >/dev/null 2>&1; then
  cmake -DSRC="$PWD" -DOUT="$T/commit3.h" -P cmake/Commit.cmake
  expect_eq "$(sed -E 's/-dirty"$/"/' "$T/commit3.h")" "#define HDREG_COMMIT \"$(git rev-parse HEAD)\"" "Commit.cmake in the checkout: HEAD"
fi
expect_eq "$(sed -n '3,14p' "$T/version" | cut -d' ' -f1-2)" "library sqlite
library lua
library libharu
library harfbuzz
library fontconfig
library libunibreak
library openssl
library json-c
library libxml2
library qrencode
library zlib
library libpng" "the libraries, in order"
expect_eq "$(sed -n '3,14p' "$T/version" | grep -cvE '^library [a-z0-9-]+ [0-9]+\.[0-9]+(\.[0-9]+)?$')" 0 "library VERSION"
expect_eq "$(sed -n 3p "$T/version")" "library sqlite $(sqlite3 :memory: 'select sqlite_version()')" "the running SQLite"
# The fonts: exactly what hdreg fonts resolves, each role's own fonts, with the file's hash.
expect_eq "$(sed -n '15,$p' "$T/version" | grep -cvE '^font (body|heading) [0-9]+ /[^ ]+ face [0-9]+ sha256 [0-9a-f]{64} version .+$')" 0 "font lines"
expect_eq "$(sed -n '15,$p' "$T/version" | cut -d' ' -f2-4,6)" \
  "$("$HDREG" fonts | grep -v '(body)' | awk '{print $1, $2, $(NF-3), $(NF-1)}')" "the fonts of hdreg fonts"
f=$(sed -n 15p "$T/version" | cut -d' ' -f4)
expect_eq "$(sed -n 15p "$T/version" | cut -d' ' -f8)" "$(sha256sum "$f" | cut -d' ' -f1)" "the SHA-256 of $f"
# A manifest that cannot be resolved: the rest printed, exit 6.
printf 'body  No Such Font Family\n' >"$T/bad-manifest"
run "$HDREG" --version --config /dev/null
expect_eq "$rc" 0 "--config /dev/null"
printf 'font_manifest = %s\n' "$T/bad-manifest" >"$T/bad.conf"
run "$HDREG" --config "$T/bad.conf" --version
expect_eq "$rc:$(out | wc -l):$(err)" "6:14:hdreg: version: font 'No Such Font Family' not found (install it, e.g. the Debian fonts-* package, or put a TrueType or OpenType/CFF file in the fonts/ directory)" "an unresolvable manifest"
done_ok
