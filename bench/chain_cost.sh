#!/usr/bin/env bash
# What the register's chain costs a night (issue 13: "the night no more than 10 % slower"):
# the same night over the same synthetic database with this tree's hdreg and with a copy
# of it that chains nothing — a worktree of HEAD in which rowlog_attach installs no
# triggers and tail_append returns before hashing and inserting when NOCHAIN is set
# (src/store/rowlog.c) — alternated ROUNDS times, medians and ratios printed. Everything
# else (reviews, letters, notices, certificates, fsync) is the same code, so the ratio is
# the chain's share. Run by hand on a quiet machine; prints figures, asserts nothing.
#
#   N=20000 ROUNDS=5 bench/chain_cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-20000}; SEED=${SEED:-1}; ROUNDS=${ROUNDS:-5}; DATE=${DATE:-2026-06-30}
WORK=${WORK:-/tmp/hdreg_chain_cost}
scripts/deps
scripts/build build
mkdir -p "$WORK"
NEW=$(pwd)/build/hdreg
TREE="$WORK/nochain"
rm -rf "$TREE"; git worktree prune
git worktree add --detach "$TREE" HEAD >/dev/null
python3 - "$TREE/src/store/rowlog.c" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
a = 'for (int i = 0; i < HD_ROWLOG_NTABLES; i++) {\n    static const char *const WHEN[3]'
b = '  char hash[65];\n  if (!(EVP'
assert a in s and b in s, "rowlog.c changed: update bench/chain_cost.sh"
s = s.replace(a, 'for (int i = 0; i < (getenv("NOCHAIN") ? 0 : HD_ROWLOG_NTABLES); i++) {\n    static const char *const WHEN[3]', 1)
s = s.replace(b, '  char hash[65];\n  if (getenv("NOCHAIN")) { t->seq++; return HD_OK; }\n  if (!(EVP', 1)
open(p, "w").write("#include <stdlib.h>\n" + s)
PY
(cd "$TREE" && scripts/build build)
OLD="$TREE/build/hdreg"
db="$WORK/synthetic-$N-$SEED.db"
[ -f "$db" ] || "$NEW" demo-db --db "$db" --synthetic "$N" --seed "$SEED" >/dev/null
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
: >"$WORK/times"
for r in $(seq 1 "$ROUNDS"); do
  for v in chain nochain; do
    rm -rf "$WORK/night" && mkdir -p "$WORK/night" && cp "$db" "$WORK/night/db" && sync
    if [ $v = chain ]; then bin=$NEW; env=(); else bin=$OLD; env=(NOCHAIN=1); fi
    /usr/bin/time -f '%e %U' -o "$WORK/t" env "${env[@]}" "$bin" run --db "$WORK/night/db" \
      --date "$DATE" --out "$WORK/night/out" --jobs 1 >/dev/null 2>&1 || true
    read -r wall user <"$WORK/t"
    entries=$(sqlite3 "$WORK/night/db" "SELECT count(*) FROM ledger")
    echo "$v $wall $user" >>"$WORK/times"
    printf 'round %d %-8s %7.2f s wall %7.2f s user, %d chain entries\n' "$r" "$v" "$wall" "$user" "$entries"
  done
done
for k in 2 3; do
  c=$(awk -v k=$k '$1 == "chain" {print $k}' "$WORK/times" | median)
  n=$(awk -v k=$k '$1 == "nochain" {print $k}' "$WORK/times" | median)
  printf '%s: median with the chain %.2f s, without %.2f s, ratio %.3f\n' \
    "$([ $k = 2 ] && echo wall || echo user CPU)" "$c" "$n" "$(echo "$c / $n" | bc -l)"
done
git worktree remove --force "$TREE"
