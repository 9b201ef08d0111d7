#!/usr/bin/env bash
# Certificate benchmark over a synthetic database, with the fastest peer (ReportLab,
# ../shared/bench/peers) measured in the same run so the ratio is not skewed by a busy
# machine. Run by hand; prints figures, asserts nothing.
#
#   bench/cert_bench.sh                       # 100000 cases, 3 rounds
#   N=20000 ROUNDS=5 DATE=2025-04-15 PEERS=0 bench/cert_bench.sh
#
# Per round: a fresh copy of the database, `hdreg run --date DATE` (every certificate due
# on DATE: number allocation, layout, hb-subset, PDF, SHA-256, atomic write with fsync,
# ledger rows). With REVIEW=0 (default) the copy's cases awaiting review are set aside
# first, so that the figure is the certificates' alone; REVIEW=1 keeps the whole night
# (the review of those cases and their findings are then part of the wall time). Reported: wall ms per certificate (whole run / certificates), render ms
# per certificate (layout + fonts + PDF, from hdreg's own summary), median PDF size.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}; SEED=${SEED:-1}; ROUNDS=${ROUNDS:-3}; DATE=${DATE:-2025-04-15}
WORK=${WORK:-/tmp/hdreg_bench}; PEERS=${PEERS:-1}; REVIEW=${REVIEW:-0}
PEER_DIR=${PEER_DIR:-$(pwd)/../shared/bench/peers}
scripts/deps
scripts/build build
mkdir -p "$WORK"
HDREG=${HDREG:-$(pwd)/build/hdreg} # HDREG=/path/to/an/older/build/hdreg: the same figures for another binary (before/after)

db="$WORK/synthetic-$N-$SEED.db"
if [ ! -f "$db" ]; then
  t0=$(date +%s.%N)
  "$HDREG" demo-db --db "$db" --synthetic "$N" --seed "$SEED" >/dev/null
  t1=$(date +%s.%N)
  printf 'synthetic database: %d cases in %.1f s (%s, %s)\n' "$N" "$(echo "$t1 - $t0" | bc)" \
    "$db" "$(du -h "$db" | cut -f1)"
fi

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

walls=(); renders=(); count=0
for r in $(seq 1 "$ROUNDS"); do
  rm -rf "$WORK/round" && mkdir -p "$WORK/round"
  cp "$db" "$WORK/round/db"
  if [ "$REVIEW" = 0 ]; then
    # A status changes only through its event (the register's triggers), and a change made
    # past hdreg must be adopted before the next night will run.
    sqlite3 "$WORK/round/db" "INSERT INTO case_events(case_id, at, from_status, to_status, actor, reason)
      SELECT c.id, '2025-01-01', c.status, 'withdrawn', 'bench', 'set aside for the certificate benchmark'
        FROM cases c JOIN transitions t ON t.flow = CASE WHEN c.reg_type = 'cancel' THEN 'cancel' ELSE c.procedure END
         AND t.from_status = c.status AND t.to_status = 'withdrawn'
       WHERE c.status IN ('submitted', 'authority_review', 'committee_review');
      UPDATE cases SET status = 'withdrawn' WHERE status IN ('submitted', 'authority_review', 'committee_review')"
    "$HDREG" ledger adopt --db "$WORK/round/db" --date 2025-01-01 --by bench --reason "benchmark set-up" >/dev/null
  fi
  t0=$(date +%s.%N)
  "$HDREG" run --db "$WORK/round/db" --date "$DATE" --out "$WORK/round/out" >"$WORK/round/summary" 2>"$WORK/round/stderr" || true
  t1=$(date +%s.%N)
  count=$(sed -E -n '1s/.*: ([0-9]+) certificates? issued.*/\1/p' "$WORK/round/summary")
  failed=$(sed -E -n '1s/.* ([0-9]+) failed$/\1/p' "$WORK/round/summary")
  render=$(sed -E -n '2s/.*\(([0-9.]+) ms and.*/\1/p' "$WORK/round/summary")
  [ -n "$count" ] && [ "$count" -gt 0 ] || { echo "no certificates issued: $(cat "$WORK/round/summary" "$WORK/round/stderr")"; exit 1; }
  wall=$(echo "($t1 - $t0) * 1000 / $count" | bc -l)
  walls+=("$wall"); renders+=("$render")
  printf 'round %d: %d certificates (%s failed), %.2f ms/certificate wall, %.2f ms render\n' \
    "$r" "$count" "$failed" "$wall" "$render"
done
size_med=$(find "$WORK/round/out/certificates" -name '*.pdf' -printf '%s\n' | median)
size_max=$(find "$WORK/round/out/certificates" -name '*.pdf' -printf '%s\n' | sort -n | tail -1)
wall_med=$(printf '%s\n' "${walls[@]}" | median)
render_med=$(printf '%s\n' "${renders[@]}" | median)
echo
printf 'hdreg: %d certificates per round, median of %d rounds: %.2f ms/certificate wall (%.0f/s), %.2f ms render; PDF size median %.1f KB, max %.1f KB\n' \
  "$count" "$ROUNDS" "$wall_med" "$(echo "1000 / $wall_med" | bc -l)" "$render_med" \
  "$(echo "$size_med / 1024" | bc -l)" "$(echo "$size_max / 1024" | bc -l)"

if [ "$PEERS" = 1 ]; then
  if [ ! -d "$PEER_DIR" ]; then echo "peers not found at $PEER_DIR (set PEER_DIR)"; exit 0; fi
  TOOLS=rl N=200 ROUNDS="$ROUNDS" WORK="$WORK/peers" bash "$PEER_DIR/run.sh" >"$WORK/peers.log" 2>&1
  rl=$(python3 -c "
import json, statistics
r = json.load(open('$WORK/peers/results.json'))['rl_batch']
print(statistics.median(x['wall_s'] / r['spec']['n'] * 1000 for x in r['runs']))")
  rl_size=$(python3 -c "
import json; print(json.load(open('$WORK/peers/results.json'))['rl_batch']['check']['mean_size'] / 1024)")
  printf 'ReportLab (same run, in-process batch of 200, median of %d): %.2f ms/document, %.1f KB\n' \
    "$ROUNDS" "$rl" "$rl_size"
  printf 'ratio hdreg/ReportLab: %.2f (wall, with database, hashing and fsync), %.2f (render only)\n' \
    "$(echo "$wall_med / $rl" | bc -l)" "$(echo "$render_med / $rl" | bc -l)"
fi
