# The cases waiting for a person or a deadline (docs/operations.md, "Waiting cases"):
# `hdreg case list --waiting` on the demo register after its night and a later one —
# every line exact, the JSON fields, an overdue supplement deadline (6.1.2 a, 6.2.2 a: the
# last day the 补正通知书 gave), an objection's deadline to explain (6.1.2 d, 6.2.2 c),
# --older-than filtering, waiting_days of hdreg.conf marking the morning report, --quiet,
# hostile grounds escaped on the terminal,
# and the errors with their messages and exit codes.
source "$(dirname "$0")/lib.sh"
set -e
DB=$T/w.db
OUT=$T/out
demo_night
list() { run "$HDREG" case list --waiting --db "$DB" "$@"; }

# --- After the demo night (2026-03-16) ------------------------------------------------
list --date 2026-03-16
expect_eq "$rc:$(err)" "0:" "list: exit, nothing on stderr"
expect_eq "$(out)" "SQ-2026-0048  held  since 2026-03-02  10 working days  —
SQ-2026-0022  held  since 2026-03-16  0 working days  需人工核查 [7.1 d 未提供专业能力证明（人员、认证、评估），需人工核查]
SQ-2026-0032  committee_review  since 2026-02-27  12 working days *  —
SQ-2026-0046  committee_review  since 2026-03-16  0 working days  审核通过
SQ-2026-0018  objection (notice)  since 2026-02-26  13 working days *  objection 2, explanation letter not yet written  汕头市某医疗科技有限公司：主张对部分肿瘤登记数据享有共同持有权
SQ-2026-0040  rectify  since 2026-02-27  12 working days *  supplement by 2026-03-12 (passed)  —
SQ-2026-0028  rectify  since 2026-03-16  0 working days  supplement by 2026-03-30  需补正材料 [7.2 (3) 未提交个人信息保护政策或单独同意材料]
SQ-2026-0029  rectify  since 2026-03-16  0 working days  supplement by 2026-03-30  需补正材料 [7.2 (4) 未提交个人信息保护影响评估报告]
SQ-2026-0036  rectify  since 2026-03-16  0 working days  supplement by 2026-03-30  需补正材料 [7.5 a 未明确数据安全负责人和管理机构，需补正]
SQ-2026-0037  rectify  since 2026-03-16  0 working days  supplement by 2026-03-30  需补正材料 [7.5 b 风险评估报告出具于2024年10月15日，已超过12个月]
SQ-2026-0047  rectify  since 2026-03-16  0 working days  supplement by 2026-03-30  需补正材料 [4.2 涉及人的研究数据未提交伦理审查批件]
SQ-2026-0016  notice  since 2026-02-06  22 working days *  notice GS-20260206 ends 2026-02-27 (ended)  —
SQ-2026-0018  notice  since 2026-02-10  20 working days *  notice GS-20260210 ends 2026-03-02 (ended)  —
SQ-2026-0017  notice  since 2026-03-06  6 working days  notice GS-20260306 ends 2026-03-20  —
SQ-2026-0015  notice  since 2026-03-16  0 working days  notice GS-20260316 ends 2026-03-30  公示
SQ-2026-0021  notice  since 2026-03-16  0 working days  notice GS-20260316 ends 2026-03-30  公示
SQ-2026-0025  notice  since 2026-03-16  0 working days  notice GS-20260316 ends 2026-03-30  公示
SQ-2026-0026  notice  since 2026-03-16  0 working days  notice GS-20260316 ends 2026-03-30  公示
SQ-2026-0027  notice  since 2026-03-16  0 working days  notice GS-20260316 ends 2026-03-30  公示
SQ-2026-0030  notice  since 2026-03-16  0 working days  notice GS-20260316 ends 2026-03-30  公示
SQ-2026-0034  notice  since 2026-03-16  0 working days  notice GS-20260316 ends 2026-03-30  公示
SQ-2026-0035  notice  since 2026-03-16  0 working days  notice GS-20260316 ends 2026-03-30  公示
SQ-2026-0044  notice  since 2026-03-16  0 working days  notice GS-20260316 ends 2026-03-30  公示
23 waiting on 2026-03-16, 5 of them longer than 10 working days (*)" "every waiting case on 2026-03-16"
# The age counts working days after since (Civil Code art. 201): 2026-02-28 is a make-up
# working day, so SQ-2026-0040's ten days to supplement ended on 2026-03-12, not the 13th.
list --date 2026-03-16 --format json
expect_eq "$rc" 0 "json: exit"
expect_eq "$(out | jq -c 'del(.waiting)')" '{"date":"2026-03-16","waiting_days":10,"only_older":false,"count":23,"over_count":5}' "json: head"
expect_eq "$(out | jq -c '.waiting[] | select(.case == "SQ-2026-0040")')" \
  '{"case":"SQ-2026-0040","applicant":"汕头市潮汕中心医院","waits_for":"rectify","status":"rectify","since":"2026-02-27","age_working_days":12,"over":true,"deadline_kind":"supplement","deadline":"2026-03-12","deadline_passed":true,"deadline_error":null,"reason":null,"findings":[],"notice":null,"notice_end":null,"objection":null,"opinion":null}' \
  "json: the overdue supplement deadline"
expect_eq "$(out | jq -c '.waiting[] | select(.case == "SQ-2026-0022") | [.waits_for, .age_working_days, .over, .deadline, .findings, .opinion]')" \
  '["held",0,false,null,[{"check":"7.1d-capability","clause":"7.1 d","outcome":"manual","message":"未提供专业能力证明（人员、认证、评估），需人工核查"}],"'"$OUT"'/opinions/SQ-2026-0022-2026-03-16.pdf"]' \
  "json: a held case with the finding that holds it"
expect_eq "$(out | jq -c '[.waiting[] | select(.waits_for == "notice" and .case == "SQ-2026-0017") | .deadline_kind, .deadline, .deadline_passed, .notice]')" \
  '["notice_end","2026-03-20",false,"GS-20260306"]' "json: a notice's end"
expect_eq "$(out | jq -c '[.waiting[] | .waits_for] | group_by(.) | map([.[0], length])')" \
  '[["committee_review",2],["held",2],["notice",12],["objection",1],["rectify",6]]' "json: kinds"

# --older-than N: only those waiting longer; --quiet: no summary line.
list --date 2026-03-16 --older-than 10
expect_eq "$rc $(out | cut -d' ' -f1-3 | tr '\n' '|')" \
  "0 SQ-2026-0032  committee_review|SQ-2026-0018  objection|SQ-2026-0040  rectify|SQ-2026-0016  notice|SQ-2026-0018  notice|5 waiting on|" \
  "--older-than 10: the five over ten working days"
expect_eq "$(out | tail -1)" "5 waiting on 2026-03-16 longer than 10 working days" "--older-than: summary"
list --date 2026-03-16 --older-than 12
expect_eq "$(out)" "SQ-2026-0018  objection (notice)  since 2026-02-26  13 working days *  objection 2, explanation letter not yet written  汕头市某医疗科技有限公司：主张对部分肿瘤登记数据享有共同持有权
SQ-2026-0016  notice  since 2026-02-06  22 working days *  notice GS-20260206 ends 2026-02-27 (ended)  —
SQ-2026-0018  notice  since 2026-02-10  20 working days *  notice GS-20260210 ends 2026-03-02 (ended)  —
3 waiting on 2026-03-16 longer than 12 working days" "--older-than 12: longer than, not as long as"
run "$HDREG" --quiet case list --waiting --db "$DB" --date 2026-03-16 --older-than 12
expect_eq "$(out | wc -l) $(out | tail -1 | cut -c1-12)" "3 SQ-2026-0018" "--quiet: the entries only"
list --date 2026-03-16 --older-than 250 --format json
expect_eq "$(out | jq -c '[.only_older, .count, .waiting_days]')" "[true,0,250]" "--older-than 250: none"

# --- An objection and a later night, with waiting_days = 5 ----------------------------
printf '# test\nwaiting_days = 5\n' >"$T/hdreg.conf"
run "$HDREG" --config "$T/hdreg.conf" config waiting_days
expect_eq "$rc $(out)" "0 5" "hdreg config waiting_days"
run "$HDREG" --config "$T/hdreg.conf" config
expect_eq "$(out | grep '^waiting_days')" "waiting_days  = 5  # $T/hdreg.conf:2" "hdreg config: where it comes from"
run "$HDREG" config
expect_eq "$(out | grep '^waiting_days')" "waiting_days  = 10  # default" "hdreg config: the default"
run "$HDREG" case object --db "$DB" --case SQ-2026-0021 --date 2026-03-17 --objector 某市人民医院 --grounds 数据来源授权存疑
expect_eq "$rc $(out)" "0 objection 3 filed against case SQ-2026-0021" "an objection"
run "$HDREG" --config "$T/hdreg.conf" run --db "$DB" --date 2026-03-17 --out "$OUT"
expect_eq "$rc" 1 "night of 2026-03-17 (SQ-2026-0016 still refused)"
R=$OUT/run-2026-03-17.json
H=$OUT/run-2026-03-17.html
expect_eq "$(jq -c '.backlog | [.waiting_count, .waiting_days, .over_count, [.waiting[] | [.case, .waits_for, .age_working_days, .over, .deadline]]]' "$R")" \
  '[6,5,3,[["SQ-2026-0048","held",11,true,null],["SQ-2026-0022","held",1,false,null],["SQ-2026-0032","committee_review",13,true,null],["SQ-2026-0046","committee_review",1,false,null],["SQ-2026-0018","objection",14,true,null],["SQ-2026-0021","objection",0,false,"2026-03-24"]]]' \
  "report: the waiting cases, three longer than waiting_days"
expect_eq "$(jq -c '.backlog.deadlines[1:]' "$R")" '[{"kind":"objection_reply_ends","case":"SQ-2026-0021","date":"2026-03-24","objection":3}]' \
  "report: the deadline to explain among the deadlines"
expect_eq "$(jq -c '[.backlog.rectify[] | [.case, .deadline, .deadline_passed]]' "$R")" \
  '[["SQ-2026-0040","2026-03-12",true],["SQ-2026-0028","2026-03-30",false],["SQ-2026-0029","2026-03-30",false],["SQ-2026-0036","2026-03-30",false],["SQ-2026-0037","2026-03-30",false],["SQ-2026-0047","2026-03-30",false]]' \
  "report: the supplement deadlines"
# The page: the rows longer than waiting_days marked, the overdue supplement marked.
expect_eq "$(grep -o '<th scope="row">SQ-2026-00[0-9]*</th><td>[^<]*</td><td class="d">[^<]*</td><td class="n">[0-9]*</td><td><strong class="o">已超过 5 个工作日</strong>' "$H" | sed 's/<\/th>.*//; s/.*>//' | tr '\n' ' ')" \
  "SQ-2026-0048 SQ-2026-0032 SQ-2026-0018 " "page: the three marked"
expect_eq "$(grep -c '已超过 5 个工作日' "$H")" 3 "page: no other mark"
expect_eq "$(grep -o '<th scope="row">SQ-2026-0040</th><td>[^<]*</td><td class="d">2026-02-27</td><td class="n">13</td><td class="d">2026-03-12 <strong class="o">已逾期</strong></td>' "$H" | wc -l)" 1 \
  "page: the overdue supplement"
expect_eq "$(grep -o '（申请人说明期限 2026-03-24）' "$H")" "（申请人说明期限 2026-03-24）" "page: the deadline to explain"
expect_eq "$(grep -o '<th scope="row">SQ-2026-0021</th><td class="d">2026-03-24</td><td>异议 3 的申请人说明（6.1.2 d、6.2.2 c）</td>' "$H" | wc -l)" 1 "page: among the deadlines"
tidy -q -e "$H" >"$T/tidy" 2>&1 || fail "tidy: $(cat "$T/tidy")"
PASSED=$((PASSED + 1))

# A week later the deadline to explain has passed; the list takes waiting_days too.
run "$HDREG" --config "$T/hdreg.conf" case list --waiting --db "$DB" --date 2026-03-25
expect_eq "$(out | grep '^SQ-2026-0021  objection')" \
  "SQ-2026-0021  objection (notice)  since 2026-03-17  6 working days *  objection 3, explanation by 2026-03-24 (passed)  某市人民医院：数据来源授权存疑" \
  "the deadline to explain passed"
expect_eq "$(out | tail -1)" "24 waiting on 2026-03-25, 24 of them longer than 5 working days (*)" "waiting_days of hdreg.conf"

# Hostile grounds never reach the register: refused when filed (docs/procedure.md, "Between
# nights"); register text that holds such characters all the same (an older register) is
# printed as code points by the list (src/cli/cmd_case_list.c).
run "$HDREG" case object --db "$DB" --case SQ-2026-0025 --date 2026-03-25 --objector 某人 --grounds $'红\e[31m\u202e字'
expect_eq "$rc $(out)$(err)" "3 hdreg: case object: --grounds: control character U+001B at character 2: it is never printed on a document; write the text without it" "a hostile objection is refused"
run "$HDREG" case object --db "$DB" --case SQ-2026-0025 --date 2026-03-25 --objector 某人 --grounds 红字
expect_eq "$rc $(out)" "0 objection 4 filed against case SQ-2026-0025" "the objection, written plainly"
sqlite3 "$DB" "UPDATE objections SET grounds = '红' || char(27) || '[31m' || char(8238) || '字' WHERE id = 4"
run "$HDREG" ledger adopt --db "$DB" --date 2026-03-25 --by 信息科 --reason 旧系统迁移的异议原文
expect_eq "$rc" 0 "the old text adopted onto the chain"
list --date 2026-03-25
expect_eq "$(out | grep '^SQ-2026-0025  objection')" \
  "SQ-2026-0025  objection (notice)  since 2026-03-25  0 working days  objection 4, explanation letter not yet written  某人：红[U+001B][31m[U+202E]字" \
  "hostile grounds escaped"

# A date in a year without a holiday schedule (2027): no age is guessed; --older-than
# keeps them (they may be as old); a deadline inside 2026 is still known.
list --date 2027-01-04 --older-than 5
expect_eq "$(out | sed -n '1p;/^SQ-2026-0040/p;$p')" "SQ-2026-0048  held  since 2026-03-02  age unknown (a year without a holiday schedule)  —
SQ-2026-0040  rectify  since 2026-02-27  age unknown (a year without a holiday schedule)  supplement by 2026-03-12 (passed)  —
25 waiting on 2027-01-04 longer than 5 working days, 25 of unknown age (a year without a holiday schedule)" "2027: ages unknown"
list --date 2027-01-04 --format json
expect_eq "$(out | jq -c '[.over_count, (.waiting[] | select(.case == "SQ-2026-0040") | [.age_working_days, .over, .deadline, .deadline_passed])]')" \
  '[0,[null,null,"2026-03-12",true]]' "2027: json"

# --- Errors ---------------------------------------------------------------------------
list --date 2026-02-30
expect_eq "$rc $(err)" "2 hdreg: case list: --date '2026-02-30' is not a valid date YYYY-MM-DD" "bad date"
list --older-than x1
expect_eq "$rc $(err)" "2 hdreg: case list: --older-than 'x1' must be a number of working days from 0 to 250" "bad number"
list --older-than 251
expect_eq "$rc $(err)" "2 hdreg: case list: --older-than '251' must be a number of working days from 0 to 250" "number too large"
list --format xml
expect_eq "$rc $(err)" "2 hdreg: case list: --format must be text or json, not 'xml'" "bad format"
list --olderthan 3
expect_eq "$rc $(err)" "2 hdreg: case: unknown option '--olderthan' (see hdreg case --help)" "unknown option"
run "$HDREG" case list --db "$DB"
expect_eq "$rc $(err)" "2 hdreg: case list: one of --waiting (the cases waiting for a person or a deadline) and --expiring (the certificates whose validity ends soon) is required (see hdreg case --help)" "no --waiting"
run "$HDREG" case list --waiting --db "$T/none.db"
expect_eq "$rc $(err)" "4 hdreg: case list: cannot open database '$T/none.db': no such file (hdreg import --create or hdreg demo-db makes a new register)" "no register"
printf 'waiting_days = 0\n' >"$T/bad.conf"
run "$HDREG" --config "$T/bad.conf" case list --waiting --db "$DB"
expect_eq "$rc $(err)" "3 hdreg: $T/bad.conf:1: waiting_days '0' must be a number of working days from 1 to 250" "bad waiting_days"
done_ok
