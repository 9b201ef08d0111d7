#!/usr/bin/env bash
# layering.sh BUILD-DIR: the stages of src/ depend on each other only as
# docs/architecture.md draws it (cmake/Layering.cmake makes one library per folder).
#  1. every #include "STAGE/..." in src/X/ names X itself or a stage X links
#     (BUILD-DIR/stage-deps.txt, written by CMake from the hdreg_stage() calls); a line
#     that does not is named as file:line;
#  2. the build really refuses one: a store source including a procedure header does not
#     compile, the same source including store and util headers does;
#  3. every source file is compiled with util/prelude.h first (banned.h reached).
set -uo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
fail=0; pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

deps=$build/stage-deps.txt
[ -s "$deps" ] || { echo "FAIL: $deps missing"; exit 1; }
stages=$(cut -d: -f1 "$deps" | tr '\n' ' ')
allowed() { # stage dep
  [ "$1" = "$2" ] && return 0
  [ "$1" = cli ] && return 0 # the command line may call any stage
  local line; line=$(grep "^$1:" "$deps") || return 1
  [[ " ${line#*:} " == *" $2 "* ]]
}
against=$(
  for d in $stages cli; do
    grep -nHo '^#include "[a-z]*/' "$src"/src/"$d"/*.[ch] 2>/dev/null | while IFS=: read -r f n inc; do
      to=${inc#\#include \"}; to=${to%/}
      [[ " $stages " == *" $to "* ]] || continue
      allowed "$d" "$to" || echo "${f#"$src"/}:$n: src/$d includes src/$to, which it does not link (stage-deps.txt: $(grep "^$d:" "$deps"))"
    done
  done)
if [ -z "$against" ]; then ok; else bad "includes against the data flow:"; echo "$against"; fi

# The stages listed in CMake are the folders of src/ (a new folder must be a stage).
for d in "$src"/src/*/; do
  d=$(basename "$d")
  [ "$d" = cli ] && continue
  if grep -q "^$d:" "$deps"; then ok; else bad "src/$d is no stage of cmake/Layering.cmake"; fi
done

# A cycle: a stage reaching itself through the links.
reach() { # stage seen...
  local s=$1; shift
  local line; line=$(grep "^$s:" "$deps"); local d
  for d in ${line#*:}; do
    [[ " $* " == *" $d "* ]] && { echo "$* $d"; return; }
    reach "$d" "$@" "$d"
  done
}
cyc=$(for s in $stages; do reach "$s" "$s"; done | head -1)
if [ -z "$cyc" ]; then ok; else bad "cycle between stages: $cyc"; fi

out=$(cmake --build "$build" --target layering_probe_ok 2>&1); rc=$?
if [ $rc -eq 0 ]; then ok; else bad "the probe including store and util headers does not build:"; echo "$out" | tail -5; fi
out=$(cmake --build "$build" --target layering_probe_against 2>&1); rc=$?
if [ $rc -ne 0 ] && grep -q 'procedure/procedure.h: No such file or directory' <<<"$out"; then ok
else bad "a store source including procedure/procedure.h built (rc $rc)"; echo "$out" | tail -5; fi

# The prelude, on every compile line of the build (compile_commands.json).
cc=$build/compile_commands.json
if [ -f "$cc" ]; then
  missing=$(python3 - "$cc" "$src" <<'PY'
import json, sys
src = sys.argv[2] + "/src/"
for e in json.load(open(sys.argv[1])):
    f = e["file"]
    if f.startswith(src) and f.endswith(".c") and "util/prelude.h" not in e["command"]:
        print(f[len(sys.argv[2]) + 1:])
PY
)
  if [ -z "$missing" ]; then ok; else bad "compiled without util/prelude.h (banned.h): $missing"; fi
else bad "$cc missing (CMAKE_EXPORT_COMPILE_COMMANDS)"; fi

# banned.h bans: a call to strcpy does not compile.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '#include <string.h>\nvoid f(char *d);\nvoid f(char *d) { strcpy(d, "x"); }\n' >"$tmp/b.c"
if ! cc -include "$src/src/util/prelude.h" -Werror=implicit-function-declaration -c "$tmp/b.c" -o "$tmp/b.o" 2>"$tmp/err" \
   && grep -q sorry_strcpy_is_banned_in_hdreg "$tmp/err"; then ok; else bad "strcpy compiled with the prelude"; cat "$tmp/err"; fi

echo "layering: $pass passed, $fail failed"
[ $fail -eq 0 ]
