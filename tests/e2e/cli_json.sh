# The conventions scripts rely on (hdreg(1), CONVENTIONS): --format json on check --all,
# verify, ledger verify, import and checks test, with exact fields and the exit status of
# the text form; - for standard input and output; --quiet; the progress line of hdreg run
# on a terminal only, cut to its width, with an ETA from the rate so far.
source "$(dirname "$0")/lib.sh"
set -e
DB="$T/d.db"
OUT="$T/out"
K="$T/keys"
P=tests/e2e/packs
"$HDREG" demo-db --db "$DB" >/dev/null
# py SCRIPT FILE: python3 on the JSON document in FILE (as d).
py() { python3 -c "import json, sys
d = json.load(open(sys.argv[1]))
$1" "${@:2}"; }
keys() { py 'print(" ".join(d.keys()))' "$1"; }

# ---- check --all --------------------------------------------------------------------
run "$HDREG" check --db "$DB" --all
text_rc=$rc
out >"$T/all.txt"
run "$HDREG" check --db "$DB" --all --format json
expect_eq "$rc:$text_rc" "0:0" "check --all: exit as the text form"
out >"$T/all.json"
expect_eq "$(keys "$T/all.json")" "as_of revision cases checks not_checked" "check --all: fields"
expect_eq "$(py 'print(d["as_of"], d["not_checked"], len(d["cases"]), len(d["checks"]))' "$T/all.json")" \
  "None 0 $(sql "$DB" "SELECT count(*) FROM cases") $("$HDREG" check --db "$DB" --all 2>/dev/null | sed -n '/^check /,$p' | tail -n +2 | wc -l)" "check --all: counts"
expect_eq "$(py 'print(" ".join(sorted(set(k for c in d["cases"] for k in c))))' "$T/all.json")" "decision number outcomes" "check --all: a case's fields"
expect_eq "$(py 'print(" ".join(d["checks"][0].keys()))' "$T/all.json")" "id clause pass fail rectify manual n/a error" "check --all: a check's fields"
# The same answer as the text form, case by case and check by check.
expect_eq "$(py '
for c in d["cases"]:
    print(" ".join([c["number"], c["decision"]] + ["%s:%s" % kv for kv in c["outcomes"].items()]))' "$T/all.json")" \
  "$(sed '/^$/,$d' "$T/all.txt")" "check --all: the cases as in the text form"
expect_eq "$(py '
for c in d["checks"]:
    print(c["id"], *[c[k] for k in ("pass", "fail", "rectify", "manual", "n/a", "error")])' "$T/all.json")" \
  "$(sed '1,/^check /d' "$T/all.txt" | tr -s ' ')" "check --all: the counts as in the text form"
run "$HDREG" check --db "$DB" --all --as-of 2026-03-16 --format json
expect_eq "$(out | py 'print(d["as_of"])' /dev/stdin)" "2026-03-16" "check --all --as-of: as_of"
run "$HDREG" check --db "$DB" --all --format yaml
expect_eq "$rc:$(out):$(err)" "2::hdreg: check: --format must be text or json, not 'yaml'" "check --format yaml"

# ---- ledger verify ------------------------------------------------------------------
run "$HDREG" ledger verify --db "$DB" --format json
expect_eq "$rc:$(err)" "0:" "ledger verify json: exit"
out >"$T/lv.json"
expect_eq "$(keys "$T/lv.json")" "intact entries rows head tree_head checkpoints signed_heads problems more_problems error" "ledger verify json: fields"
run "$HDREG" ledger verify --db "$DB"
expect_eq "$(py 'print("ledger intact: %d entries, %d rows, head %s, tree head %s" % (d["entries"], d["rows"], d["head"], d["tree_head"]))' "$T/lv.json")" "$(out)" "ledger verify json: the text form's values"
expect_eq "$(py 'print(d["intact"], d["checkpoints"], d["signed_heads"], d["problems"], d["more_problems"], d["error"])' "$T/lv.json")" \
  "True None None [] 0 None" "ledger verify json: intact"
cp "$DB" "$T/t.db"
hidden "$T/t.db" "UPDATE subjects SET name = 'X' WHERE id = 1"
run "$HDREG" ledger verify --db "$T/t.db"
text_rc=$rc
err | sed 's/^hdreg: ledger verify: //' >"$T/lv-problems.txt"
run "$HDREG" ledger verify --db "$T/t.db" --format json
expect_eq "$rc:$text_rc" "3:3" "ledger verify json, changed register: exit as the text form"
out >"$T/lv.json"
expect_eq "$(py 'print(d["intact"], d["tree_head"], d["more_problems"])' "$T/lv.json")" "False None 0" "ledger verify json: not intact"
expect_eq "$(py 'print("\n".join(d["problems"]))' "$T/lv.json")" "$(cat "$T/lv-problems.txt")" "ledger verify json: the problems of stderr"
expect_eq "$(py 'print(d["error"] == d["problems"][0])' "$T/lv.json")" "True" "ledger verify json: error is the first problem"
run "$HDREG" ledger verify --db "$T/none.db" --format json
expect_eq "$rc:$(out | py 'print(d["intact"], d["entries"], d["error"])' /dev/stdin)" \
  "4:False 0 cannot open database '$T/none.db': no such file (hdreg import --create or hdreg demo-db makes a new register)" "ledger verify json: no register"
run "$HDREG" ledger show --db "$DB" --format json
expect_eq "$rc:$(out):$(err)" "2::hdreg: ledger show: --format is for ledger verify (see hdreg ledger --help)" "ledger show --format"

# ---- verify ---------------------------------------------------------------------------
"$HDREG" keygen --keys "$K" --name 广东省健康医疗数据产权登记中心 >/dev/null
run "$HDREG" run --db "$DB" --date 2026-03-16 --out "$OUT" --keys "$K"
expect_eq "$rc" 1 "the signed demo night"
C="$OUT/certificates/20260344000000006X.pdf"
cp "$C" "$T/altered.pdf"
printf 'x' | dd of="$T/altered.pdf" bs=1 seek=2000 conv=notrunc 2>/dev/null
printf 'not a pdf' >"$T/junk.pdf"
run "$HDREG" verify "$C" "$T/altered.pdf" --keys "$K" --db "$DB" --as-of 2026-03-20
text_rc=$rc
out >"$T/v.txt"
run "$HDREG" verify "$C" "$T/altered.pdf" --keys "$K" --db "$DB" --as-of 2026-03-20 --format json
expect_eq "$rc:$text_rc" "3:3" "verify json: exit as the text form"
out >"$T/v.json"
expect_eq "$(keys "$T/v.json")" "as_of documents" "verify json: fields"
expect_eq "$(py '
for x in d["documents"]: print(" ".join(x.keys()), x["file"], x["status"], x["ok"])' "$T/v.json")" \
  "file status ok answer $C current True
file status ok answer $T/altered.pdf altered False" "verify json: status and ok"
expect_eq "$(py 'print("\n".join("%s: %s" % (x["file"], x["answer"]) for x in d["documents"]))' "$T/v.json")" "$(cat "$T/v.txt")" "verify json: the answers of the text form"
run "$HDREG" verify "$C" --format json
expect_eq "$rc:$(out | py 'print(d["documents"][0]["status"], d["documents"][0]["ok"])' /dev/stdin)" "0:intact True" "verify json without --keys: intact"
run "$HDREG" verify "$T/junk.pdf" --format json
expect_eq "$rc:$(out | py 'x = d["documents"][0]; print(x["status"], x["ok"])' /dev/stdin)" "3:unsigned False" "verify json: not a PDF: unsigned"
run "$HDREG" verify "$T/missing.pdf"
text_rc=$rc
run "$HDREG" verify "$T/missing.pdf" --format json
expect_eq "$rc:$(py 'x = d["documents"][0]; print(x["status"], x["ok"], "hdreg: verify: " + x["answer"] == open(sys.argv[2]).read().strip())' "$T/stdout" "$T/stderr")" \
  "$text_rc:error False True" "verify json: a file that cannot be read is an error, its message the answer"
# The text of a paper certificate's QR code.
pdftoppm -r 150 -png "$C" "$T/qr" 2>/dev/null
qr=$(zbarimg -q --raw "$T"/qr-1.png 2>/dev/null)
run "$HDREG" verify --qr "$qr" --keys "$K"
text=$(out)
run "$HDREG" verify --qr "$qr" --keys "$K" --format json
expect_eq "$rc:$(out | py 'q = d["qr"]; print(" ".join(q.keys()), q["status"], q["ok"], q["certificate"], q["record_sha256"] == sys.argv[2].split(":")[2], "QR code: " + q["answer"] == sys.argv[3])' /dev/stdin "$qr" "$text")" \
  "0:status ok certificate record_sha256 answer authentic True 20260344000000006X True True" "verify --qr json"
run "$HDREG" verify --qr "HDREG1:x:y" --keys "$K" --format json
expect_eq "$rc:$(out | py 'q = d["qr"]; print(q["status"], q["ok"], q["certificate"], q["record_sha256"])' /dev/stdin)" \
  "3:invalid False None None" "verify --qr json: invalid"

# ---- import ---------------------------------------------------------------------------
run "$HDREG" import --db "$DB" --dry-run tests/e2e/import/problems.xml
text_rc=$rc
err | grep '^tests/e2e/import/problems.xml:' >"$T/problems.txt"
run "$HDREG" import --db "$DB" --dry-run --format json tests/e2e/import/problems.xml
expect_eq "$rc:$text_rc" "3:3" "import json: exit as the text form"
out >"$T/i.json"
expect_eq "$(keys "$T/i.json")" "dry_run ok import file encoding bytes cases subjects subjects_known certificates records normalised kept_invalid problems problem_count notes error" "import json: fields"
expect_eq "$(py 'print("\n".join(d["problems"]))' "$T/i.json")" "$(cat "$T/problems.txt")" "import json: the problems of the text form"
expect_eq "$(py 'print(d["dry_run"], d["ok"], d["import"], d["problem_count"], d["error"])' "$T/i.json")" \
  "True False None $(wc -l <"$T/problems.txt") tests/e2e/import/problems.xml: $(wc -l <"$T/problems.txt") problems, nothing imported" "import json: a file with problems"
expect_eq "$(err)" "hdreg: import: tests/e2e/import/problems.xml: $(wc -l <"$T/problems.txt") problems, nothing imported" "import json: stderr has the error only"
run "$HDREG" export --db "$DB" --format xml --out "$T/reg.xml" --quiet
expect_eq "$rc:$(out):$(err)" "0::" "export --quiet"
run "$HDREG" import --db "$T/n.db" --create --restore --dry-run --format json "$T/reg.xml"
expect_eq "$rc:$(err)" "0:" "import json: a clean dry run"
expect_eq "$(out | py 'print(d["dry_run"], d["ok"], d["import"], d["problems"], d["problem_count"], d["error"], d["cases"] == int(sys.argv[2]), d["file"] == sys.argv[3], d["encoding"])' /dev/stdin "$(sql "$DB" 'SELECT count(*) FROM cases')" "$T/reg.xml")" \
  "True True None [] 0 None True True UTF-8" "import json: would import every case"
expect_eq "$(ls "$T/n.db" 2>&1 | grep -c 'No such')" 1 "a dry run with --create leaves no register"
run "$HDREG" import --db "$T/n.db" --create --restore --format json "$T/reg.xml"
expect_eq "$rc:$(out | py 'print(d["dry_run"], d["ok"], d["import"])' /dev/stdin)" "0:False True 1" "import json: an import"

run "$HDREG" import --db "$T/t.db" --dry-run --format json "$T/reg.xml"
expect_eq "$rc:$(out | py 'print(d["ok"], d["cases"], d["error"] == sys.argv[2])' /dev/stdin "$(err | tail -1 | sed 's/^hdreg: //')")" \
  "4:False 0 True" "import json: a register changed past hdreg is refused, the JSON says why"

# ---- checks test ----------------------------------------------------------------------
run "$HDREG" checks test --format json
expect_eq "$rc:$(err)" "0:" "checks test json: exit"
out >"$T/ct.json"
expect_eq "$(keys "$T/ct.json")" "ok fixtures passed failed retired failures coverage seed" "checks test json: fields"
"$HDREG" checks test >"$T/ct.txt"
expect_eq "$(py 'c = d["coverage"]; print("coverage: %d of %d checks seen passing and not passing" % (c["covered"], c["checks"])); print("%d fixtures: %d passed, %d failed" % (d["fixtures"], d["passed"], d["failed"]))' "$T/ct.json")" \
  "$(cat "$T/ct.txt")" "checks test json: the counts of the text form"
expect_eq "$(py 'print(d["ok"], d["retired"], d["failures"], " ".join(d["coverage"].keys()), d["coverage"]["checked"], d["coverage"]["missing"], d["seed"])' "$T/ct.json")" \
  "True 0 [] checked covered checks missing True [] None" "checks test json: all pass"
run "$HDREG" checks test $P/wrong-fixtures
text_rc=$rc
grep "fixture '" "$T/stdout" >"$T/ct-fail.txt"
cp "$T/stdout" "$T/ct-text.txt"
run "$HDREG" checks test $P/wrong-fixtures --format json --shuffle 7
expect_eq "$rc:$text_rc" "1:1" "checks test json, a failing fixture: exit as the text form"
out >"$T/ct.json"
# --shuffle changes the order of the fixtures (its permutation depends on their number):
# the same failures, in whatever order.
expect_eq "$(py 'print("\n".join("%s: fixture %r: %s" % (f["where"], f["fixture"], f["message"]) for f in d["failures"]))' "$T/ct.json" | sed "s/fixture \"\\(.*\\)\":/fixture '\\1':/" | sort)" \
  "$(sort "$T/ct-fail.txt")" "checks test json: the failures of the text form"
expect_eq "$(py 'print(d["ok"], d["failed"], d["seed"], " ".join(d["failures"][0].keys()))' "$T/ct.json")" \
  "False $(sed -n 's/.* passed, \([0-9]*\) failed$/\1/p' "$T/ct-text.txt") 7 where fixture message" "checks test json: failed"
run "$HDREG" checks test --only nothing-of-that-name --format json
expect_eq "$rc:$(out)" "2:" "checks test json: --only matching nothing is a usage error"
run "$HDREG" checks test --findings --format json
expect_eq "$rc:$(err)" "2:hdreg: checks test: --findings or --format json, not both (see hdreg checks --help)" "--findings and --format json"

# ---- - for standard input and output ----------------------------------------------------
run "$HDREG" import --db "$T/s.db" --create --restore - <"$T/reg.xml"
expect_eq "$rc:$(err)" "0:" "import -"
expect_eq "$(out | grep -o 'from <stdin> (UTF-8, [0-9]* bytes)')" "from <stdin> (UTF-8, $(wc -c <"$T/reg.xml") bytes)" "import -: named <stdin>"
expect_eq "$(sql "$T/s.db" "SELECT file || ' ' || sha256 FROM imports")" "<stdin> $(sha256sum "$T/reg.xml" | cut -d' ' -f1)" "import -: the register records <stdin> and the bytes' SHA-256"
"$HDREG" export --db "$T/s.db" --format xml >"$T/s1.xml"
"$HDREG" export --db "$T/n.db" --format xml >"$T/n1.xml"
cmp -s "$T/s1.xml" "$T/n1.xml" || fail "import - and import FILE give different registers"
PASSED=$((PASSED + 1))
printf '<hdreg-cases version="1">\n<subject id="A"><name></name></subject>\n</hdreg-cases>\n' >"$T/bad.xml"
run "$HDREG" import --db "$DB" --dry-run - <"$T/bad.xml"
expect_eq "$rc:$(err | tail -1)" "3:hdreg: import: <stdin>: $(err | grep -c '^<stdin>:') problem$([ "$(err | grep -c '^<stdin>:')" = 1 ] || echo s), nothing imported" "import - with problems: exit 3, named <stdin>"
expect_eq "$(err | grep -c '^<stdin>:')" "$(err | grep -c '^<stdin>:[0-9]')" "import -: problems name <stdin>:LINE"
[ "$(err | grep -c '^<stdin>:')" -gt 0 ] || fail "import -: no problem named <stdin>"
PASSED=$((PASSED + 1))
run "$HDREG" export --db "$DB" --format csv --out -
expect_eq "$rc:$(err)" "0:" "export --out -"
out >"$T/dash.csv"
"$HDREG" export --db "$DB" --format csv >"$T/plain.csv"
cmp -s "$T/dash.csv" "$T/plain.csv" || fail "export --out - differs from stdout"
PASSED=$((PASSED + 1))
[ ! -e ./- ] || fail "export --out - made a file named -"
PASSED=$((PASSED + 1))
run "$HDREG" render --db "$DB" --template certificate --case SQ-2026-0006 --out -
expect_eq "$rc:$(err)" "0:" "render --out -"
out >"$T/r-dash.pdf"
"$HDREG" render --db "$DB" --template certificate --case SQ-2026-0006 --out "$T/r-file.pdf"
cmp -s "$T/r-dash.pdf" "$T/r-file.pdf" || fail "render --out - differs from --out FILE"
PASSED=$((PASSED + 1))
run "$HDREG" policy --from docs/examples/institution.xml --out -
expect_eq "$rc:$(err)" "0:" "policy --out -"
out >"$T/p-dash.pdf"
"$HDREG" policy --from docs/examples/institution.xml --out "$T/p-file.pdf"
cmp -s "$T/p-dash.pdf" "$T/p-file.pdf" || fail "policy --out - differs from --out FILE"
PASSED=$((PASSED + 1))
run "$HDREG" policy --from - --out "$T/p-stdin.pdf" <docs/examples/institution.xml
expect_eq "$rc:$(out):$(err)" "0::" "policy --from -"
cmp -s "$T/p-stdin.pdf" "$T/p-file.pdf" || fail "policy --from - differs from --from FILE"
PASSED=$((PASSED + 1))
sed 's|<email>[^<]*</email>|<email></email>|' docs/examples/institution.xml >"$T/inst-bad.xml"
run "$HDREG" policy --from - --out "$T/p-bad.pdf" <"$T/inst-bad.xml"
expect_eq "$rc:$(err | sed -n 1p | cut -d: -f1-4)" "3:hdreg: policy: <stdin>:$(grep -n '<email>' "$T/inst-bad.xml" | cut -d: -f1)" "policy --from -: problems name <stdin>:LINE"
[ ! -e "$T/p-bad.pdf" ] || fail "policy --from - with a problem wrote a PDF"
PASSED=$((PASSED + 1))
run "$HDREG" policy --from docs/examples/institution.xml --out - --format html
expect_eq "$rc:$(out):$(err)" "2::hdreg: policy: --format html writes FILE.html beside FILE.pdf: give --out a file, not -" "policy --out - --format html"
run "$HDREG" verify - --keys "$K" --db "$DB" --as-of 2026-03-20 <"$C"
expect_eq "$rc:$(out)" "0:-: $(sed -n 1p "$T/v.txt" | sed 's/^[^:]*: //')" "verify -: the answer of the file"
run "$HDREG" verify - --format json <"$T/altered.pdf"
expect_eq "$rc:$(out | py 'x = d["documents"][0]; print(x["file"], x["status"])' /dev/stdin)" "3:- altered" "verify - json"
"$HDREG" demo-db --db "$T/c.db" >/dev/null
run "$HDREG" calendar import --db "$T/c.db" - <tests/e2e/holidays/test-2027.json
expect_eq "$rc:$(err):$(out | sed 's/.*from //')" "0::<stdin>" "calendar import -"
expect_eq "$(sql "$T/c.db" "SELECT count(*) FROM holidays WHERE date LIKE '2027-%'")" \
  "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["days"]))' tests/e2e/holidays/test-2027.json)" "calendar import -: the days"
run "$HDREG" calendar import --db "$T/c.db" - <tests/e2e/holidays/bad-date.json
expect_eq "$rc:$(err | cut -d: -f1-3)" "3:hdreg: calendar: <stdin>" "calendar import -: errors name <stdin>"

# ---- --quiet ------------------------------------------------------------------------
run "$HDREG" demo-db --db "$T/q.db" --quiet
expect_eq "$rc:$(out):$(err)" "0::" "demo-db --quiet"
run "$HDREG" run --db "$T/q.db" --date 2026-03-16 --out "$T/qout"
expect_eq "$rc" 1 "run without --quiet"
err >"$T/q-loud.err"
[ -n "$(out)" ] || fail "run prints a summary"
"$HDREG" demo-db --db "$T/q2.db" >/dev/null
run "$HDREG" --quiet run --db "$T/q2.db" --date 2026-03-16 --out "$T/qout2"
expect_eq "$rc:$(out)" "1:" "run --quiet: the same exit, no summary"
expect_eq "$(err | sed "s|$T/q2.db|DB|g; s|$T/qout2|OUT|g")" "$(sed "s|$T/q.db|DB|g; s|$T/qout|OUT|g" "$T/q-loud.err")" "run --quiet: the same errors"
[ -s "$T/qout2/run-2026-03-16.json" ] || fail "run --quiet: no run report"
PASSED=$((PASSED + 1))
run "$HDREG" check --db "$DB" --all --quiet
expect_eq "$rc:$(err)" "0:" "check --all --quiet: no timing line"
expect_eq "$(out)" "$(cat "$T/all.txt")" "check --all --quiet: the results"
run "$HDREG" import --db "$T/q3.db" --create --restore --quiet "$T/reg.xml"
expect_eq "$rc:$(out):$(err)" "0::" "import --quiet"
run "$HDREG" import --db "$DB" --dry-run --quiet tests/e2e/import/problems.xml
expect_eq "$rc:$(err | grep -c '^tests/e2e/import/problems.xml:')" "3:$(wc -l <"$T/problems.txt")" "import --quiet: problems are still said"
run "$HDREG" ledger verify --db "$DB" --quiet
expect_eq "$rc:$(out | cut -d: -f1)" "0:ledger intact" "ledger verify --quiet: the result"
run "$HDREG" uscc 91440101MA59XXXXXX --quiet
expect_eq "$rc:$(out | cut -d: -f2)" "3: invalid" "uscc --quiet: the result"

# ---- the progress line ----------------------------------------------------------------
"$HDREG" demo-db --db "$T/p.db" --synthetic 600 >/dev/null
cp "$T/p.db" "$T/p2.db"
cp "$T/p.db" "$T/p3.db"
cp "$T/p.db" "$T/p4.db"
# A pipe, as cron and a log see it: no progress line, nothing but the errors.
"$HDREG" run --db "$T/p.db" --date 2026-06-30 --out "$T/pp" 2>&1 >/dev/null | cat >"$T/pipe.err"
expect_eq "$(grep -c 'ETA\|cases  done' "$T/pipe.err")$(tr -cd '\r' <"$T/pipe.err" | wc -c)" "00" "no progress line into a pipe"
# A terminal (script gives the run one), $COLUMNS wide.
COLUMNS=60 script -qec "$HDREG run --db $T/p2.db --date 2026-06-30 --out $T/pt" /dev/null >"$T/tty.out" </dev/null
tr '\r' '\n' <"$T/tty.out" | grep -a -E '^(review|certificates) (\[[#.]+\] )?[0-9]+/' >"$T/lines"
expect_eq "$(grep -c '^review .* done in ' "$T/lines"):$(grep -c '^certificates .* done in ' "$T/lines")" "1:1" "a progress line per step, ending in done"
expect_eq "$(awk 'length($0) != 59' "$T/lines" | wc -l)" 0 "every progress line is the width - 1 (60 columns)"
expect_eq "$(grep -c -E '^(review|certificates) \[[#.]+\] [0-9]+/[0-9]+ cases  (ETA --|[0-9]+/s  ETA [0-9]+m[0-5][0-9]s|done in [0-9]+\.[0-9]s) *$' "$T/lines")" \
  "$(wc -l <"$T/lines")" "the shape of a progress line"
# An ETA is the cases left at the rate shown (rounded), never made up: none before a rate.
expect_eq "$(python3 -c '
import re, sys
bad = 0
for l in open(sys.argv[1]):
    m = re.search(r" (\d+)/(\d+) cases  (\d+)/s  ETA (\d+)m(\d+)s", l)
    if m:
        done, total, rate, eta = int(m[1]), int(m[2]), int(m[3]), int(m[4]) * 60 + int(m[5])
        lo, hi = (total - done) / (rate + 0.5), (total - done) / max(rate - 0.5, 0.01)
        bad += not (lo - 0.5 <= eta <= hi + 0.5)
    if re.search(r" 0/\d+ cases .*ETA \d", l): bad += 1
print(bad)' "$T/lines")" 0 "every ETA follows from the rate shown"
# The terminal's own width wins over $COLUMNS; a narrow one cuts the line.
COLUMNS=200 script -qec "stty cols 30; $HDREG run --db $T/p3.db --date 2026-06-30 --out $T/pt3" /dev/null >"$T/tty3.out" </dev/null
tr '\r' '\n' <"$T/tty3.out" | grep -a -E '^(review|certificates) (\[[#.]+\] )?[0-9]+/' >"$T/lines3"
[ -s "$T/lines3" ] || fail "no progress line on a 30-column terminal"
expect_eq "$(awk 'length($0) != 29' "$T/lines3" | wc -l)" 0 "a 30-column terminal: lines of 29"
# --quiet: no progress line on a terminal either.
COLUMNS=60 script -qec "$HDREG run --quiet --db $T/p4.db --date 2026-06-30 --out $T/pt4" /dev/null >"$T/tty4.out" </dev/null
expect_eq "$(grep -a -c 'ETA\|done in' "$T/tty4.out")" 0 "run --quiet: no progress line"
done_ok
