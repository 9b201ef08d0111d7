#!/usr/bin/env bash
# The register as evidence (issue 13): on the synthetic register of N cases after one
# night with keys, the median wall time of `hdreg ledger verify` (every entry's hash, the
# Merkle head, every covered row, the checkpoints) over ROUNDS runs, the database's size
# and how much of it the chain is, the time and size of an inclusion proof and of a
# consistency proof, and the independent verifier's time. With BASE=binary the same
# verify by an older hdreg on its own register, interleaved. Prints figures, asserts
# nothing.
#
#   bench/ledger_bench.sh                     # 100000 cases
#   N=20000 ROUNDS=3 BASE=/tmp/hdreg-old bench/ledger_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}; SEED=${SEED:-1}; DATE=${DATE:-2026-06-30}; ROUNDS=${ROUNDS:-5}
WORK=${WORK:-/tmp/hdreg_ledger_bench}
BASE=${BASE:-}
scripts/deps
scripts/build build
HDREG=$(pwd)/build/hdreg
mkdir -p "$WORK"
[ -f "$WORK/keys/authority-qr.key" ] || "$HDREG" keygen --keys "$WORK/keys" --name 广东省健康医疗数据产权登记中心 --bits 2048 >/dev/null

register() { # register BINARY TAG: a synthetic register after one night
  local bin=$1 tag=$2
  local db="$WORK/$tag.db"
  if [ ! -f "$db" ]; then
    rm -rf "$WORK/$tag-out"
    "$bin" demo-db --db "$db.tmp" --synthetic "$N" --seed "$SEED" >/dev/null
    "$bin" run --db "$db.tmp" --date "$DATE" --out "$WORK/$tag-out" --keys "$WORK/keys" >/dev/null 2>&1 || true
    mv "$db.tmp" "$db"
  fi
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
secs() { /usr/bin/time -f '%e' -o "$WORK/t" "$@" >/dev/null 2>&1 || true; cat "$WORK/t"; }

register "$HDREG" new
[ -z "$BASE" ] || register "$BASE" base
CP="$WORK/new-out/checkpoints.txt"
: >"$WORK/new.times"; : >"$WORK/base.times"
for r in $(seq "$ROUNDS"); do
  secs "$HDREG" ledger verify --db "$WORK/new.db" --keys "$WORK/keys" --checkpoints "$CP" >>"$WORK/new.times"
  [ -z "$BASE" ] || secs "$BASE" ledger verify --db "$WORK/base.db" >>"$WORK/base.times"
done
"$HDREG" ledger verify --db "$WORK/new.db" --keys "$WORK/keys" --checkpoints "$CP" | cut -c1-120
entries=$(sqlite3 "$WORK/new.db" "SELECT count(*) FROM ledger")
echo "register of $N cases after the night of $DATE: $entries entries, database $(($(stat -c %s "$WORK/new.db") / 1048576)) MB, of which the chain $(sqlite3 "$WORK/new.db" "SELECT sum(pgsize) / 1048576 FROM dbstat WHERE name = 'ledger'" 2>/dev/null || echo '?') MB"
echo "ledger verify (new, with checkpoints): median $(median <"$WORK/new.times") s of $ROUNDS: $(tr '\n' ' ' <"$WORK/new.times")"
if [ -n "$BASE" ]; then
  echo "ledger verify (base, its own register): median $(median <"$WORK/base.times") s of $ROUNDS: $(tr '\n' ' ' <"$WORK/base.times")"
  echo "ratio new/base: $(echo "scale=2; $(median <"$WORK/new.times") / $(median <"$WORK/base.times")" | bc -l)"
fi
number=$(sqlite3 "$WORK/new.db" "SELECT c.number FROM certificates c JOIN documents d ON d.certificate_id = c.id AND d.kind = 'certificate' ORDER BY c.id DESC LIMIT 1")
t=$(secs "$HDREG" ledger prove "$number" --db "$WORK/new.db" --checkpoints "$CP" --keys "$WORK/keys" --out "$WORK/cert.proof")
echo "inclusion proof of certificate $number: $(stat -c %s "$WORK/cert.proof") bytes, $t s"
size=$(sed -n 2p "$CP")
t=$(secs "$HDREG" ledger consistency $((size / 3)) "$size" --db "$WORK/new.db" --out "$WORK/c.proof")
echo "consistency proof from $((size / 3)) to $size entries: $(stat -c %s "$WORK/c.proof") bytes, $t s"
pdf=$(sqlite3 "$WORK/new.db" "SELECT path FROM documents WHERE certificate_id = (SELECT id FROM certificates WHERE number = '$number') AND kind = 'certificate'")
t=$(secs python3 docs/hdreg-verify.py --key "$WORK/keys/authority-qr.pub" --checkpoints "$CP" --document "$pdf" --proof "$WORK/cert.proof")
python3 docs/hdreg-verify.py --key "$WORK/keys/authority-qr.pub" --checkpoints "$CP" --document "$pdf" --proof "$WORK/cert.proof" | tail -1
echo "independent verifier: $t s"
echo "(on $(nproc) cores)"
