#!/usr/bin/env bash
# The public site (issue 17): `hdreg publish` on the synthetic register of N cases after
# one night with keys — wall time and peak memory of the first publication and of a rerun
# (which writes nothing), the site's size and file count. DB=FILE takes a register already
# made (e.g. bench/ledger_bench.sh's WORK/new.db with its keys and checkpoints). Prints
# figures, asserts nothing.
#
#   bench/publish_bench.sh                  # 100000 cases, date 2026-06-30
#   DB=/tmp/hdreg_ledger_bench/new.db KEYS=/tmp/hdreg_ledger_bench/keys \
#     CP=/tmp/hdreg_ledger_bench/new-out/checkpoints.txt bench/publish_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}; SEED=${SEED:-1}; DATE=${DATE:-2026-06-30}
WORK=${WORK:-/tmp/hdreg_publish_bench}
scripts/deps
scripts/build build
HDREG=$(pwd)/build/hdreg
mkdir -p "$WORK"
DB=${DB:-}; KEYS=${KEYS:-$WORK/keys}; CP=${CP:-$WORK/out/checkpoints.txt}
if [ -z "$DB" ]; then
  DB=$WORK/register.db
  [ -f "$KEYS/authority-qr.key" ] || "$HDREG" keygen --keys "$KEYS" --name 广东省健康医疗数据产权登记中心 --bits 2048 >/dev/null
  if [ ! -f "$DB" ]; then
    "$HDREG" demo-db --db "$DB.tmp" --synthetic "$N" --seed "$SEED" >/dev/null
    "$HDREG" run --db "$DB.tmp" --date "$DATE" --out "$WORK/out" --keys "$KEYS" >/dev/null 2>&1 || true
    mv "$DB.tmp" "$DB"
  fi
fi
rm -rf "$WORK/site"
for pass in first rerun; do
  /usr/bin/time -f '%e %M' -o "$WORK/time" "$HDREG" publish --db "$DB" --out "$WORK/site" --date "$DATE" \
    --keys "$KEYS" --checkpoints "$CP" >"$WORK/summary"
  read -r wall rss <"$WORK/time"
  echo "$pass: $wall s, peak $((rss / 1024)) MB"
  sed 's/^/  /' "$WORK/summary"
done
echo "site: $(find "$WORK/site" -type f | wc -l) files, $(du -sk "$WORK/site" | cut -f1) KB on disk; largest data file $(ls -S "$WORK/site"/data/c | head -1) $(stat -c %s "$WORK/site/data/c/$(ls -S "$WORK/site"/data/c | head -1)") bytes"
