#!/usr/bin/env bash
# One whole night over a synthetic database (issue 5): review of every submitted case
# with its opinion, the public notice, the certificates whose notice ended, the
# cancellations — with --jobs 1 and --jobs 2, each on a fresh copy of the database.
# Reports wall time, documents per second and peak memory (GNU time), and the same for a
# database a fifth of the size, to show whether memory grows with the number of cases.
# Run by hand; prints figures, asserts nothing.
#
#   bench/night_bench.sh                  # 100000 cases, date 2026-06-30
#   N=20000 JOBS="1 2" bench/night_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}; SEED=${SEED:-1}; DATE=${DATE:-2026-06-30}; JOBS=${JOBS:-"1 2"}
WORK=${WORK:-/tmp/hdreg_bench}
scripts/deps
scripts/build build
mkdir -p "$WORK"
HDREG=$(pwd)/build/hdreg

night() { # night N JOBS -> one line of figures
  local n=$1 jobs=$2 db="$WORK/synthetic-night-$1-$SEED.db"
  [ -f "$db" ] || "$HDREG" demo-db --db "$db" --synthetic "$n" --seed "$SEED" >/dev/null
  rm -rf "$WORK/night" && mkdir -p "$WORK/night"
  cp "$db" "$WORK/night/db"
  sync
  /usr/bin/time -f '%e %M' -o "$WORK/night/time" \
    "$HDREG" run --db "$WORK/night/db" --date "$DATE" --out "$WORK/night/out" --jobs "$jobs" \
    >"$WORK/night/summary" 2>"$WORK/night/stderr" || true
  read -r wall rss <"$WORK/night/time"
  local docs reviewed certs
  docs=$(sqlite3 "$WORK/night/db" "SELECT count(*) FROM documents WHERE created_date = '$DATE'")
  reviewed=$(sed -E -n 's/^reviewed ([0-9]+) cases.*/\1/p' "$WORK/night/summary")
  certs=$(sed -E -n '1s/.*: ([0-9]+) certificates? issued.*/\1/p' "$WORK/night/summary")
  printf '%7d cases, --jobs %d: %7.1f s wall, %6d documents (%s reviewed, %s certificates, %s), %6.1f documents/s, peak memory %6.1f MB\n' \
    "$n" "$jobs" "$wall" "$docs" "$reviewed" "$certs" \
    "$(grep -o 'public notice [^:]*: [0-9]* cases' "$WORK/night/summary" | sed 's/public notice //' | tr '\n' ' ')" \
    "$(echo "$docs / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}

small=$((N / 5))
for j in $JOBS; do night "$small" "$j"; done
for j in $JOBS; do night "$N" "$j"; done
echo "(on $(nproc) cores; documents are written with fsync, one transaction per case)"
