#!/usr/bin/env bash
# Document benchmark (issue 4 figures): in-process render times of the templates, taken
# with `hdreg render --repeat` (median of REPEAT renders in one process), plus page counts
# and sizes. Run by hand; prints figures, asserts nothing. Note: repeating one document
# reuses its cached font subsets; bench/cert_bench.sh gives certificates with different
# content each (the nightly figure).
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT=${REPEAT:-21}; WORK=${WORK:-/tmp/hdreg_bench/docs}; N=${N:-20000}; NOTICE=${NOTICE:-2000}
scripts/deps
scripts/build build
rm -rf "$WORK" && mkdir -p "$WORK"
H=${HDREG:-./build/hdreg} # HDREG=/path/to/an/older/build/hdreg for the same figures of another binary
$H demo-db --db "$WORK/demo.db" >/dev/null
$H run --db "$WORK/demo.db" --date 2026-03-16 --out "$WORK/out" >/dev/null 2>&1 || true
one() { # label, args...
  local label=$1; shift
  local line
  line=$($H render --db "$WORK/demo.db" --repeat "$REPEAT" "$@" 2>&1 >/dev/null)
  local out=${*: -1}
  printf '%-28s %s, %s pages\n' "$label" "${line#hdreg: }" "$(pdfinfo "$out" | sed -n 's/^Pages: *//p')"
}
one "certificate" --template certificate --case SQ-2026-0006 --out "$WORK/cert.pdf"
one "review opinion" --template review_opinion --case SQ-2026-0031 --as-of 2026-03-16 --out "$WORK/ro.pdf"
one "cancellation notice" --template cancellation --case SQ-2026-0043 --as-of 2026-03-16 --out "$WORK/cn.pdf"
one "Annex A privacy policy" --template privacy_policy --institution 1 --out "$WORK/pp.pdf"
one "public notice (demo, 2 cases)" --template public_notice --notice GS-20260210 --out "$WORK/gs.pdf"
# A public notice of NOTICE cases from a synthetic database.
$H demo-db --db "$WORK/syn.db" --synthetic "$N" >/dev/null
sqlite3 "$WORK/syn.db" "INSERT OR IGNORE INTO holiday_years(year) VALUES (2025); INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (1, 'GS-BENCH', '2025-06-02', '2025-06-16', 10); INSERT INTO notice_cases(notice_id, case_id) SELECT 1, id FROM cases ORDER BY id LIMIT $NOTICE;"
line=$($H render --db "$WORK/syn.db" --repeat 3 --template public_notice --notice GS-BENCH --out "$WORK/gs2000.pdf" 2>&1 >/dev/null)
printf '%-28s %s, %s pages\n' "public notice ($NOTICE cases)" "${line#hdreg: }" "$(pdfinfo "$WORK/gs2000.pdf" | sed -n 's/^Pages: *//p')"
