#!/usr/bin/env bash
# Cost of signing (issue 6): the same night over a synthetic database without and with
# --keys, each on a fresh copy, and the verification of every certificate of the signed
# night with one `hdreg verify` process. Prints the cost per document. Run by hand.
#
#   bench/sign_bench.sh               # 40000 cases (about 15000 documents), date 2026-06-30
#   BITS=2048 bench/sign_bench.sh     # with an RSA-2048 key
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-40000}; SEED=${SEED:-1}; DATE=${DATE:-2026-06-30}; WORK=${WORK:-/tmp/hdreg_bench}
scripts/deps
scripts/build build
mkdir -p "$WORK"
HDREG=$(pwd)/build/hdreg
db="$WORK/synthetic-night-$N-$SEED.db"
[ -f "$db" ] || "$HDREG" demo-db --db "$db" --synthetic "$N" --seed "$SEED" >/dev/null
rm -rf "$WORK/sign" && mkdir -p "$WORK/sign"
"$HDREG" keygen --keys "$WORK/sign/keys" --name 广东省健康医疗数据产权登记中心 --bits "${BITS:-3072}" >/dev/null
for mode in plain signed; do
  cp "$db" "$WORK/sign/$mode.db"
  keys=(); [ $mode = signed ] && keys=(--keys "$WORK/sign/keys")
  t0=$(date +%s.%N)
  "$HDREG" run --db "$WORK/sign/$mode.db" --date "$DATE" --out "$WORK/sign/$mode" "${keys[@]}" >/dev/null 2>&1 || true
  t1=$(date +%s.%N)
  docs=$(sqlite3 "$WORK/sign/$mode.db" "SELECT count(*) FROM documents WHERE created_date = '$DATE'")
  bytes=$(sqlite3 "$WORK/sign/$mode.db" "SELECT avg(bytes) FROM documents WHERE created_date = '$DATE' AND kind = 'certificate'")
  printf '%-7s %6d documents in %6.1f s: %.2f ms per document, certificates %.1f KB on average\n' \
    "$mode" "$docs" "$(echo "$t1 - $t0" | bc)" "$(echo "($t1 - $t0) * 1000 / $docs" | bc -l)" "$(echo "$bytes / 1024" | bc -l)"
  eval "wall_$mode=$(echo "$t1 - $t0" | bc)"
  eval "docs_$mode=$docs"
done
printf 'signing: %.2f ms per document (difference of the two nights)\n' \
  "$(echo "($wall_signed - $wall_plain) * 1000 / $docs_signed" | bc -l)"
files=$(ls "$WORK/sign/signed/certificates" | wc -l)
t0=$(date +%s.%N)
(cd "$WORK/sign/signed/certificates" && ls | head -10000 | xargs "$HDREG" verify --keys "$WORK/sign/keys" >/dev/null)
t1=$(date +%s.%N)
n=$(( files < 10000 ? files : 10000 ))
printf 'verification: %d certificates in %.1f s, %.2f ms per certificate (signature and key check, one process)\n' \
  "$n" "$(echo "$t1 - $t0" | bc)" "$(echo "($t1 - $t0) * 1000 / $n" | bc -l)"
