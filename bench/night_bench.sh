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
#   BASE=/tmp/hdreg-old bench/night_bench.sh   # also an older binary, interleaved, with
#                                               # the ratio new/old of the wall times
#   KEYS=1 bench/night_bench.sh           # sign documents and publish the checkpoint
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}; SEED=${SEED:-1}; DATE=${DATE:-2026-06-30}; JOBS=${JOBS:-"1 2"}
WORK=${WORK:-/tmp/hdreg_bench}
scripts/deps
scripts/build build
mkdir -p "$WORK"
HDREG=$(pwd)/build/hdreg
BASE=${BASE:-}
KEYARGS=()
if [ -n "${KEYS:-}" ]; then
  [ -f "$WORK/keys/authority-qr.key" ] || "$HDREG" keygen --keys "$WORK/keys" --name 广东省健康医疗数据产权登记中心 --bits 2048 >/dev/null
  KEYARGS=(--keys "$WORK/keys" --checkpoints "$WORK/night/checkpoints.txt")
fi

night() { # night N JOBS [BINARY] -> one line of figures; the wall time in $WALL
  local n=$1 jobs=$2 bin=${3:-$HDREG} tag=new
  [ "$bin" = "$HDREG" ] || tag=base
  local db="$WORK/synthetic-night-$1-$SEED-$tag.db"
  [ -f "$db" ] || "$bin" demo-db --db "$db" --synthetic "$n" --seed "$SEED" >/dev/null
  rm -rf "$WORK/night" && mkdir -p "$WORK/night"
  cp "$db" "$WORK/night/db"
  sync
  /usr/bin/time -f '%e %M' -o "$WORK/night/time" \
    "$bin" run --db "$WORK/night/db" --date "$DATE" --out "$WORK/night/out" --jobs "$jobs" "${KEYARGS[@]}" \
    >"$WORK/night/summary" 2>"$WORK/night/stderr" || true
  # GNU time puts "Command exited with non-zero status N" first when the run failed.
  read -r wall rss < <(tail -n 1 "$WORK/night/time")
  local status
  status=$(sed -n 's/^Command exited with non-zero status //p' "$WORK/night/time")
  WALL=$wall
  local docs reviewed certs
  docs=$(sqlite3 "$WORK/night/db" "SELECT count(*) FROM documents WHERE created_date = '$DATE'")
  reviewed=$(sed -E -n 's/^reviewed ([0-9]+) cases.*/\1/p' "$WORK/night/summary")
  certs=$(sed -E -n '1s/.*: ([0-9]+) certificates? issued.*/\1/p' "$WORK/night/summary")
  printf '%-4s %7d cases, --jobs %d: %7.1f s wall, %6d documents (%s reviewed, %s certificates, %s), %6.1f documents/s, peak memory %6.1f MB%s\n' \
    "$tag" "$n" "$jobs" "$wall" "$docs" "$reviewed" "$certs" \
    "$(grep -o 'public notice [^:]*: [0-9]* cases' "$WORK/night/summary" | sed 's/public notice //' | tr '\n' ' ')" \
    "$(echo "$docs / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)" \
    "${status:+, EXIT $status: $(head -c 300 "$WORK/night/stderr")}"
}

small=$((N / 5))
for size in "$small" "$N"; do
  for j in $JOBS; do
    night "$size" "$j"
    if [ -n "$BASE" ]; then
      new=$WALL
      night "$size" "$j" "$BASE"
      echo "     ratio new/base: $(echo "scale=3; $new / $WALL" | bc -l)"
    fi
  done
done
echo "(on $(nproc) cores; documents are written with fsync, one transaction per case)"
