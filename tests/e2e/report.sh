# The run report (docs/operations.md, "The run report"): run-DATE.json and run-DATE.html
# for a successful demo night (exact fields of a few cases with their reasons), for failed
# nights (a broken check file, a busy lock, an output folder that cannot be written: each
# with its status, exit code and error), for the synthetic night of 3000 cases (every case
# that waits for a person is a row of the page, counted against the register), with
# hostile case data escaped, and every page clean for tidy.
source "$(dirname "$0")/lib.sh"
set -e
DATE=2026-03-16
"$HDREG" demo-db --db "$T/a.db" >/dev/null

tidy_clean() { # tidy_clean FILE: no warning, no error
  tidy -q -e "$1" >"$T/tidy" 2>&1 || fail "tidy $1: $(cat "$T/tidy")"
  expect_eq "$(cat "$T/tidy")" "" "tidy $1"
}

# --- A successful night --------------------------------------------------------------
run "$HDREG" run --db "$T/a.db" --date $DATE --out "$T/o"
expect_eq "$rc" 1 "demo night exit (one certificate refused)"
expect_eq "$(cd "$T/o" && ls)" "cancellations
certificates
letters
notices
opinions
run-$DATE.html
run-$DATE.json
run-latest.html
run-latest.json" "output folder"
expect_eq "$(readlink "$T/o/run-latest.json") $(readlink "$T/o/run-latest.html")" \
  "run-$DATE.json run-$DATE.html" "run-latest links"
python3 - "$T/o/run-$DATE.json" "$T/a.db" "$T/o" <<'PY' || fail "demo night report"
import json, sqlite3, sys
r = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
out = sys.argv[3]
def eq(a, b, what):
    if a != b:
        sys.exit(f"{what}:\n expected {b!r}\n got      {a!r}")
eq({k: r[k] for k in ("format", "hdreg", "date", "status", "exit_code", "error", "jobs", "output",
                      "reviewed", "failed", "register_error")},
   {"format": 2, "hdreg": "0.1.0", "date": "2026-03-16", "status": "partial", "exit_code": 1,
    "error": None, "jobs": 1, "output": out, "reviewed": 25, "failed": 1, "register_error": None},
   "head")
eq(type(r["duration_ms"]), int, "duration_ms")
eq(len(r["started"]), 25, "started: " + r["started"])
eq({k: len(v) for k, v in r["cases"].items()},
   {"approve": 9, "rectify": 5, "hold": 1, "reject": 10, "noticed": 9, "certified": 9, "cancelled": 1},
   "cases of each outcome")
eq(r["cases"]["hold"], [{"case": "SQ-2026-0022", "applicant": "河源市万绿湖健康科技有限公司",
   "to": "held", "event_reason": "需人工核查", "opinion": "opinions/SQ-2026-0022-2026-03-16.pdf",
   "reasons": [{"check": "7.1d-capability", "clause": "7.1 d", "outcome": "manual",
                "message": "未提供专业能力证明（人员、认证、评估），需人工核查"}]}], "held case")
r31 = [c for c in r["cases"]["reject"] if c["case"] == "SQ-2026-0031"][0]
eq([(x["clause"], x["outcome"], x["message"]) for x in r31["reasons"]],
   [("7.3 a", "fail", "未明确人类遗传资源的范围及应用场景"),
    ("7.3 b", "fail", "人类遗传资源未经已备案的伦理审查委员会审查")],
   "rejected case: the failed findings decide it (its rectify finding does not)")
r36 = [c for c in r["cases"]["rectify"] if c["case"] == "SQ-2026-0036"][0]
eq(r36["reasons"], [{"check": "7.5a-security-officer", "clause": "7.5 a", "outcome": "rectify",
                     "message": "未明确数据安全负责人和管理机构，需补正"}], "rectify reasons")
eq(r["cases"]["approve"][0]["reasons"], [], "an approved case has no reasons")
eq(r["cases"]["cancelled"], [{"case": "SQ-2026-0043", "applicant": r["cases"]["cancelled"][0]["applicant"],
   "certificate": db.execute("SELECT ce.number FROM cases c JOIN certificates ce ON ce.id = c.prior_certificate_id WHERE c.number = 'SQ-2026-0043'").fetchone()[0],
   "ground": db.execute("SELECT cancel_ground FROM cases WHERE number = 'SQ-2026-0043'").fetchone()[0],
   "path": out + "/cancellations/SQ-2026-0043.pdf", "file": "cancellations/SQ-2026-0043.pdf"}], "cancellation")
rows = db.execute("SELECT kind, path, sha256 FROM documents ORDER BY id").fetchall()
eq([(d["kind"], d["path"], d["sha256"]) for d in r["documents"]], rows, "every document written")
eq(all(d["file"] == d["path"][len(out) + 1:] for d in r["documents"]), True, "relative paths")
eq(r["problems"], [{"step": "certificate", "case": "SQ-2026-0016", "field": "统一社会信用代码", "check": None,
   "message": "field '统一社会信用代码': holder '江门市侨乡康复医院' code '５２４４０７00MJ9K7701X4': full-width character at position 1; use half-width digits and capital letters"}],
   "problems")
b = r["backlog"]
eq([(w["case"], w["waits_for"], w["since"], w["age_working_days"]) for w in b["waiting"]],
   [("SQ-2026-0048", "held", "2026-03-02", 10), ("SQ-2026-0022", "held", "2026-03-16", 0),
    ("SQ-2026-0032", "committee_review", "2026-02-27", 12), ("SQ-2026-0046", "committee_review", "2026-03-16", 0),
    ("SQ-2026-0018", "objection", "2026-02-26", 13)],
   "waiting for a person, with age in working days")
eq(b["waiting_count"], 5, "waiting count")
eq({k: v["count"] for k, v in b["by_status"].items()},
   {"held": 2, "committee_review": 2, "objection": 1, "rectify": 6}, "backlog by status")
eq(b["by_status"]["rectify"]["ages"], {"0-5": 5, "6-10": 0, "11-20": 1, "21+": 0, "unknown": 0}, "rectify ages")
eq((b["deadlines_until"], b["deadlines"]), ("2026-03-23", [{"kind": "notice_ends", "notice": "GS-20260306",
   "date": "2026-03-20", "cases": 1, "open_objections": 0, "case_numbers": ["SQ-2026-0017"]}]), "deadlines")
PY
PASSED=$((PASSED + 1))
tidy_clean "$T/o/run-$DATE.html"
H=$T/o/run-$DATE.html
expect_eq "$(grep -c '<script' "$H" || true)" 0 "no script"
expect_eq "$(grep -Ec '(src|href)="(https?:)?//' "$H" || true)" 0 "no external resources"
expect_eq "$(grep -o '<h[1-3]' "$H" | uniq | head -3 | tr '\n' ' ')" "<h1 <h2 <h3 " "headings in order"
expect_eq "$(grep -o '<a href="opinions/SQ-2026-0022-2026-03-16.pdf">意见书</a>' "$H" | head -1)" \
  '<a href="opinions/SQ-2026-0022-2026-03-16.pdf">意见书</a>' "held case links its opinion"
expect_eq "$(grep -c '<th scope="row">SQ-2026-0032</th><td>东莞市松山湖基因科技有限公司</td><td class="d">2026-02-27</td><td class="n">12</td>' "$H")" 1 "committee review row"

# The same date again: a report of its own (nothing reviewed), the links moved to it,
# and the first report kept.
sha1=$(sha256sum <"$T/o/run-$DATE.json")
run "$HDREG" run --db "$T/a.db" --date $DATE --out "$T/o"
expect_eq "$(readlink "$T/o/run-latest.json")" "run-$DATE.2.json" "rerun: latest"
expect_eq "$(sha256sum <"$T/o/run-$DATE.json")" "$sha1" "rerun keeps the first report"
expect_eq "$(jq -c '[.reviewed, (.cases.reject | length), (.documents | length), .backlog.waiting_count]' "$T/o/run-$DATE.2.json")" \
  "[0,0,0,5]" "rerun: nothing reviewed or written, the same backlog"

# --- Failed nights -------------------------------------------------------------------
# A broken check file: exit 3, no document, the report says which file and line.
run "$HDREG" run --db "$T/a.db" --date 2026-03-17 --out "$T/o3" --checks tests/e2e/packs/hostile-syntax
expect_eq "$rc" 3 "broken pack exit"
expect_eq "$(cd "$T/o3" && ls)" "run-2026-03-17.html
run-2026-03-17.json
run-latest.html
run-latest.json" "broken pack: only the report"
expect_eq "$(jq -c '[.status, .exit_code, .error, .reviewed, (.cases.approve | length), .backlog.waiting_count]' "$T/o3/run-2026-03-17.json")" \
  '["failed",3,{"stage":"prepare","file":"tests/e2e/packs/hostile-syntax/broken.lua","line":2,"message":"tests/e2e/packs/hostile-syntax/broken.lua:2: '"')'"' expected near '"'end'"'"},0,0,5]' \
  "broken pack report"
tidy_clean "$T/o3/run-2026-03-17.html"
expect_eq "$(grep -o '<div class="s failed" role="status"><strong>运行失败</strong>（退出码 3）<br>原因：tests/e2e/packs/hostile-syntax/broken.lua:2: &#39;)&#39; expected near &#39;end&#39;</div>' "$T/o3/run-2026-03-17.html")" \
  '<div class="s failed" role="status"><strong>运行失败</strong>（退出码 3）<br>原因：tests/e2e/packs/hostile-syntax/broken.lua:2: &#39;)&#39; expected near &#39;end&#39;</div>' "broken pack on the page"

# A busy lock: the register is left alone (another run works on it).
flock "$T/a.db.lock" sleep 3 &
holder=$!
sleep 0.5
run "$HDREG" run --db "$T/a.db" --date 2026-03-17 --out "$T/o4"
wait $holder
expect_eq "$rc" 75 "busy lock exit"
expect_eq "$(jq -c '[.status, .exit_code, .error, .cases, .backlog, .register_error]' "$T/o4/run-2026-03-17.json")" \
  '["failed",75,{"stage":"lock","message":"another hdreg run or import is working on '"'$T/a.db'"' (lock '"'$T/a.db.lock'"'); try again when it has finished"},null,null,"the register was not read: another run holds its lock, or it cannot be used"]' \
  "busy lock report"
tidy_clean "$T/o4/run-2026-03-17.html"

# An output folder that cannot be written: the report goes to stderr, exit 5.
touch "$T/file"
run "$HDREG" run --db "$T/a.db" --date 2026-03-17 --out "$T/file/o"
expect_eq "$rc" 5 "unwritable output exit"
expect_eq "$(err | sed -n 1,2p)" "hdreg: cannot create directory '$T/file/o': Not a directory
hdreg: run: the run report cannot be written into '$T/file/o': cannot create directory '$T/file/o': Not a directory; it follows on stderr" \
  "unwritable output: stderr"
expect_eq "$(err | sed -n 3p | jq -c '[.format, .status, .exit_code, .error.stage, .error.message, .backlog.waiting_count]')" \
  "[2,\"failed\",5,\"prepare\",\"cannot create directory '$T/file/o': Not a directory\",5]" "unwritable output: the report on stderr"
expect_eq "$(err | wc -l)" 3 "unwritable output: nothing else on stderr"

# --- Hostile case data, escaped --------------------------------------------------------
"$HDREG" demo-db --db "$T/h.db" >/dev/null
sql_adopt "$T/h.db" "UPDATE subjects SET name = '<script>alert(\"x\")</script>&amp;'' onload=x ' || char(1) || char(8238) || '医院' WHERE id = (SELECT applicant_id FROM cases WHERE number = 'SQ-2026-0022')"
run "$HDREG" run --db "$T/h.db" --date $DATE --out "$T/oh"
H=$T/oh/run-$DATE.html
tidy_clean "$H"
expect_eq "$(grep -c '<script' "$H" || true)" 0 "hostile: no script element"
expect_eq "$(grep -o '<th scope="row">SQ-2026-0022</th><td>[^<]*</td>' "$H" | head -1)" \
  '<th scope="row">SQ-2026-0022</th><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;&#39; onload=x [U+0001][U+202E]医院</td>' \
  "hostile applicant escaped"
expect_eq "$(jq -r '.backlog.waiting[] | select(.case == "SQ-2026-0022") | .waits_for' "$T/oh/run-$DATE.json")" "held" \
  "hostile applicant: held (its opinion cannot be printed)"

# --- The synthetic night of 3000 cases: every case waiting for a person is on the page --
"$HDREG" demo-db --db "$T/s.db" --synthetic 3000 --seed 1 >/dev/null
run "$HDREG" run --db "$T/s.db" --date 2026-06-30 --out "$T/os" --jobs 2
# Exit 0: nothing of this night waits (the 462 waited before it); the page says they do.
expect_eq "$rc" 0 "synthetic night exit"
H=$T/os/run-2026-06-30.html
tidy_clean "$H"
# The rows of the section "需要人工处理", table by table: case numbers against the register.
section() { sed -n "/<h3>$1/,/<\/table>/p" "$H" | grep -o '<tr><th scope="row">[^<]*</th>' | sed 's/.*row">//; s/<.*//' | sort; }
expect_eq "$(section '暂缓（人工核查）的案件')" "$(sql "$T/s.db" "SELECT number FROM cases WHERE status = 'held' ORDER BY number")" "held rows"
expect_eq "$(section '待合规委员会审议')" "$(sql "$T/s.db" "SELECT number FROM cases WHERE status = 'committee_review' ORDER BY number")" "committee rows"
expect_eq "$(section '未结的异议')" "$(sql "$T/s.db" "SELECT c.number FROM objections o JOIN cases c ON c.id = o.case_id WHERE o.status = 'open' ORDER BY c.number")" "objection rows"
expect_eq "$(sql "$T/s.db" "SELECT count(*) FROM cases WHERE status IN ('held', 'committee_review')")" 462 "462 cases wait"
expect_eq "$(section '暂缓（人工核查）的案件' | wc -l) $(section '待合规委员会审议' | wc -l)" "231 231" "all 462 on the page"
expect_eq "$(jq '.backlog.waiting_count' "$T/os/run-2026-06-30.json")" 693 "waiting: 462 cases and 231 open objections"
done_ok
