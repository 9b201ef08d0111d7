#!/usr/bin/env bash
# hdreg import of a large file (issue 7): a synthetic register exported as XML (about
# 50 MB at the default 30000 cases) and CSV, and the XML converted to GB18030 with iconv;
# each imported ROUNDS times into a new register. Reports the median wall time, MB/s,
# cases/s and the peak memory (GNU time), and the same for a file a quarter of the size,
# to show that memory does not grow with the file. Also the time of the export.
# Run by hand; prints figures, asserts nothing.
#
#   bench/import_bench.sh                # 30000 cases, 3 rounds
#   N=60000 ROUNDS=5 bench/import_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-30000}; SEED=${SEED:-1}; ROUNDS=${ROUNDS:-3}
WORK=${WORK:-/tmp/hdreg_bench}
scripts/deps
scripts/build build
mkdir -p "$WORK"
HDREG=$(pwd)/build/hdreg

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

files() { # files N: the synthetic register of N cases, exported
  local n=$1 db="$WORK/synthetic-import-$1-$SEED.db"
  [ -f "$db" ] || "$HDREG" demo-db --db "$db" --synthetic "$n" --seed "$SEED" >/dev/null
  for fmt in xml csv; do
    /usr/bin/time -f '%e %M' -o "$WORK/export.time" \
      "$HDREG" export --db "$db" --format $fmt --out "$WORK/cases-$n.$fmt" 2>/dev/null
    read -r wall rss <"$WORK/export.time"
    printf '%7d cases: export %s %6.1f MB in %5.2f s, peak memory %5.1f MiB\n' "$n" $fmt \
      "$(echo "$(stat -c %s "$WORK/cases-$n.$fmt") / 1000000" | bc -l)" "$wall" "$(echo "$rss / 1024" | bc -l)"
  done
  iconv -f UTF-8 -t GB18030 "$WORK/cases-$n.xml" >"$WORK/cases-$n.gb18030.xml"
}

import() { # import N FILE ENCODING
  local n=$1 file=$2 enc=$3 walls="" rss=0
  for r in $(seq "$ROUNDS"); do
    rm -f "$WORK/import.db" "$WORK/import.db-wal" "$WORK/import.db-shm"
    sync
    /usr/bin/time -f '%e %M' -o "$WORK/import.time" \
      "$HDREG" import --db "$WORK/import.db" --create --restore --encoding "$enc" "$file" \
      >"$WORK/import.out" 2>"$WORK/import.err" || { cat "$WORK/import.err"; exit 1; }
    read -r wall m <"$WORK/import.time"
    walls="$walls $wall"
    [ "$m" -gt "$rss" ] && rss=$m
  done
  local med mb
  med=$(echo $walls | tr ' ' '\n' | median)
  mb=$(echo "$(stat -c %s "$file") / 1000000" | bc -l)
  printf '%7d cases: import %-20s %6.1f MB: median %6.2f s (%s), %5.1f MB/s, %6.0f cases/s, peak memory %5.1f MiB\n' \
    "$n" "$(basename "$file") ($enc)" "$mb" "$med" "$(echo $walls | tr ' ' ',')" \
    "$(echo "$mb / $med" | bc -l)" "$(echo "$n / $med" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}

# Floors measured in the same run: libxml2 only parsing the file (no checks, no database),
# and iconv only converting the GB18030 file.
floors() { # floors N
  local n=$1 walls="" w
  for r in $(seq "$ROUNDS"); do
    /usr/bin/time -f '%e' -o "$WORK/floor.time" xmllint --stream --noout "$WORK/cases-$n.xml"
    walls="$walls $(cat "$WORK/floor.time")"
  done
  w=$(echo $walls | tr ' ' '\n' | median)
  printf '%7d cases: floor: xmllint --stream parses cases-%d.xml in %5.2f s (median)\n' "$n" "$n" "$w"
  walls=""
  for r in $(seq "$ROUNDS"); do
    /usr/bin/time -f '%e' -o "$WORK/floor.time" iconv -f GB18030 -t UTF-8 "$WORK/cases-$n.gb18030.xml" -o /dev/null
    walls="$walls $(cat "$WORK/floor.time")"
  done
  w=$(echo $walls | tr ' ' '\n' | median)
  printf '%7d cases: floor: iconv converts cases-%d.gb18030.xml in %5.2f s (median)\n' "$n" "$n" "$w"
}

small=$((N / 4))
for n in "$small" "$N"; do
  files "$n"
  import "$n" "$WORK/cases-$n.xml" UTF-8
  import "$n" "$WORK/cases-$n.csv" UTF-8
  import "$n" "$WORK/cases-$n.gb18030.xml" GB18030
  floors "$n"
done
echo "(on $(nproc) cores; one transaction per file, committed with fsync)"
