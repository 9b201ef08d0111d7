# The night's checkpoint written whole or not at all (docs/verification.md, "Checkpoints"):
# killed with half its note written, or the disk full, the night leaves checkpoints.txt as
# it was (the new file is written beside it and renamed over it), and the rerun publishes.
# A torn file, as an append in place killed mid-write left it (an older hdreg, a copy cut
# short), is named by file:line — by hdreg ledger verify, by the night and by the
# independent verifier — with its exact message and exit code; removed from that line on,
# the file is whole again and the night publishes.
source "$(dirname "$(dirname "$0")")/e2e/lib.sh"
set -e
K=$T/keys OUT=$T/out DB=$T/d.db
CP=$OUT/checkpoints.txt
VERIFY=docs/hdreg-verify.py
"$HDREG" keygen --keys "$K" --name 广东省健康医疗数据产权登记中心 >/dev/null
"$HDREG" demo-db --db "$DB" >/dev/null
run "$HDREG" run --db "$DB" --date 2026-03-16 --keys "$K" --out "$OUT"
expect_eq "$rc $(out | tail -1 | cut -d' ' -f1-4)" "1 checkpoint published: 1852 entries," "the first night publishes"
cp "$CP" "$T/first.txt"
counted() { sql "$DB" "SELECT value FROM counters WHERE name = 'checkpoints_published'"; }

# ---- killed with half the note written: the file as it was -----------------------------
HDREG_FAULT=crash-mid-checkpoint run "$HDREG" run --db "$DB" --date 2026-04-16 --keys "$K" --out "$OUT"
expect_eq "$rc" 137 "killed while writing the checkpoint"
expect_eq "$(cmp "$T/first.txt" "$CP" && echo same) $(counted)" "same 1" "the checkpoints file as it was, the count too"
expect_eq "$(ls "$OUT" | grep -c '^checkpoints.txt.tmp.')" 1 "what was written is a temporary beside it"
run "$HDREG" ledger verify --db "$DB" --keys "$K" --checkpoints "$CP"
expect_eq "$rc $(out | sed 's/.*; extends/extends/')$(err)" "0 extends 1 checkpoint (last 2026-03-16, 1852 entries); 1 signed head verified" "the file reads whole"

# ---- the disk full: an error naming the file, nothing changed -------------------------
HDREG_FAULT=checkpoint-disk-full run "$HDREG" run --db "$DB" --date 2026-04-16 --keys "$K" --out "$OUT"
expect_eq "$rc $(err | grep checkpoint)" "5 hdreg: run: the night's checkpoint: cannot write '$CP': No space left on device (injected fault)" "the disk full: exit 5, the file named"
expect_eq "$(cmp "$T/first.txt" "$CP" && echo same) $(counted) $(ls "$OUT" | grep -c '^checkpoints.txt.tmp.' || true)" "same 1 0" "the file as it was, no temporary left (the killed night's removed too)"

# ---- the rerun publishes --------------------------------------------------------------
run "$HDREG" run --db "$DB" --date 2026-04-16 --keys "$K" --out "$OUT"
expect_eq "$(out | tail -1 | cut -d' ' -f1-4) $(counted)" "checkpoint published: 2015 entries, 2" "the rerun publishes the second checkpoint"
run "$HDREG" ledger verify --db "$DB" --keys "$K" --checkpoints "$CP"
expect_eq "$rc $(out | sed 's/.*; extends/extends/')$(err)" "0 extends 2 checkpoints (last 2026-04-16, 2015 entries); 2 signed heads verified" "intact, two checkpoints"

# ---- a torn file: the third night's note cut short where an append in place died -------
# (killed after the note and before its count: crash-after-checkpoint; then the note cut)
run "$HDREG" case apply --db "$DB" --certificate 20260344000000006X --type change --number F-2026-0001 \
  --date 2026-04-17 --description 数据规模更新
expect_eq "$rc" 0 "something new for the third night"
HDREG_FAULT=crash-after-checkpoint run "$HDREG" run --db "$DB" --date 2026-04-17 --keys "$K" --out "$OUT"
expect_eq "$rc $(counted) $(grep -c '^date ' "$CP")" "137 2 3" "killed after the third note, before its count"
TORN="the last checkpoint is incomplete: the file ends inside it (a write torn by a crash or a full disk)"
for cut in 40 120 122 130; do # in its signature, in the dash of its signature line, before it, in its body
  head -c -$cut "$CP" >"$T/torn.txt"
  run "$HDREG" ledger verify --db "$DB" --keys "$K" --checkpoints "$T/torn.txt"
  expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: $T/torn.txt:15: $TORN; remove it from line 15 on, or restore the file from the published copy" "verify: a note torn $cut bytes before its end"
  run python3 $VERIFY --key "$K/authority-qr.pub" --checkpoints "$T/torn.txt"
  expect_eq "$rc $(out)$(err)" "1 FAILED: $T/torn.txt line 15: $TORN" "the independent verifier: a note torn $cut bytes before its end"
done
head -n 18 "$CP" >"$T/torn-lines.txt" # cut at a line's end: its body whole, no signature
run "$HDREG" ledger verify --db "$DB" --keys "$K" --checkpoints "$T/torn-lines.txt"
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: $T/torn-lines.txt:15: $TORN; remove it from line 15 on, or restore the file from the published copy" "verify: a note without its signature lines"
run python3 $VERIFY --key "$K/authority-qr.pub" --checkpoints "$T/torn-lines.txt"
expect_eq "$rc $(out)$(err)" "1 FAILED: $T/torn-lines.txt line 15: $TORN" "the verifier: a note without its signature lines"
cp "$T/torn.txt" "$CP"
cp "$CP" "$T/torn-before.txt"
run "$HDREG" run --db "$DB" --date 2026-04-17 --keys "$K" --out "$OUT"
expect_eq "$rc $(err)" "4 hdreg: run: $CP:15: $TORN; remove it from line 15 on, or restore the file from the published copy
hdreg: run: the register is not as hdreg left it (above; hdreg ledger verify says the same): nothing was done. Restore the database from a backup, or have the change explained (hdreg ledger adopt)" "the night refuses a torn file, naming it"
expect_eq "$(cmp "$T/torn-before.txt" "$CP" && echo same) $(counted)" "same 2" "refused: nothing written"
# The torn note was never counted: removed from line 15 on, the file is whole, and the
# night publishes its checkpoint again.
head -n 14 "$T/torn-before.txt" >"$CP"
run "$HDREG" run --db "$DB" --date 2026-04-17 --keys "$K" --out "$OUT"
expect_eq "$(out | tail -1 | cut -d' ' -f1-2) $(counted) $(grep -c '^date ' "$CP")" "checkpoint published: 3 3" "the torn note removed: the night publishes"
run "$HDREG" ledger verify --db "$DB" --keys "$K" --checkpoints "$CP"
expect_eq "$rc $(out | sed 's/.*; extends/extends/;s/, [0-9]* entries)/)/')$(err)" "0 extends 3 checkpoints (last 2026-04-17); 3 signed heads verified" "intact, three checkpoints"
done_ok
