# Compliance checks: the demo cases get the decisions their data implies; hostile and
# broken checks cost exactly themselves; overrides, parameters and waivers.
source "$(dirname "$0")/lib.sh"
set -e
P=tests/e2e/packs
"$HDREG" demo-db --db "$T/d.db" >/dev/null

run "$HDREG" check --db "$T/d.db" --all
expect_eq "$rc" 0 "check --all"
# One line per case, an empty line, then the counts per check.
expect_eq "$(sed '/^$/,$d' "$T/stdout")" "$(cat tests/e2e/expected/demo-decisions.txt)" "demo decisions"
expect_eq "$(sed '1,/^$/d' "$T/stdout")" "$(cat tests/e2e/expected/demo-check-counts.txt)" "counts per check"
expect_eq "$(grep -c '^$' "$T/stdout")" 1 "one empty line"
expect_eq "$(sed -E 's/load [0-9.]+ ms, checks [0-9.]+ ms \([0-9]+ cases\/s for the checks, [0-9]+ cases\/s with loading\)/TIMES/' "$T/stderr")" \
  "hdreg: checked 49 cases with 27 checks: TIMES" "timing line"
# The counts are those of the cases one by one.
for id in $(sql "$T/d.db" "SELECT id FROM cases ORDER BY id"); do
  "$HDREG" check --db "$T/d.db" --case "$id" --format json
  echo
done >"$T/each.json"
python3 - "$T/each.json" "$T/stdout" <<'PY' || fail "counts per check against the cases one by one"
import json, sys
text, docs, at = open(sys.argv[1]).read(), [], 0
while text[at:].strip():
    d, end = json.JSONDecoder().raw_decode(text[at:].lstrip())
    at += len(text[at:]) - len(text[at:].lstrip()) + end
    docs.append(d)
names = ["pass", "fail", "rectify", "manual", "n/a", "error"]
want = {}
for d in docs:
    for c in d["checks"]:
        want.setdefault(c["id"], dict.fromkeys(names, 0))[c["outcome"]] += 1
table = open(sys.argv[2]).read().split("\n\n", 1)[1].splitlines()
assert table[0].split() == ["check"] + names, table[0]
got = {l.split()[0]: dict(zip(names, map(int, l.split()[1:]))) for l in table[1:]}
assert len(docs) == 49 and got == want, (len(docs), got, want)
PY
PASSED=$((PASSED + 1))

# JSON: stable fields, the finding with its evidence.
run "$HDREG" check --db "$T/d.db" --case SQ-2026-0019 --format json
expect_eq "$rc" 0
python3 - "$T/stdout" <<'PY' || fail "json of case 19"
import json, re, sys
d = json.load(open(sys.argv[1]))
assert d["case_id"] == 19 and d["case_number"] == "SQ-2026-0019", d
assert d["as_of"] == "2026-03-02" and d["decision"] == "reject", d
assert re.fullmatch(r"[0-9a-f]{16}", d["pack_revision"]), d["pack_revision"]
f = {c["id"]: c for c in d["checks"]}
assert len(f) == 27, len(f)
c = f["7.1b-credit"]
assert c == {"id": "7.1b-credit", "clause": "7.1 b", "outcome": "fail",
             "message": "近3年内有严重违法失信记录",
             "evidence": [{"field": "applicant.records",
                           "found": "2024-05-20 列入严重违法失信名单（提供虚假材料骗取登记）",
                           "wanted": "近3年内无此类记录"}]}, c
assert f["7.4-cross-border"]["outcome"] == "n/a"
PY
PASSED=$((PASSED + 1))
run "$HDREG" check --db "$T/d.db" --case 19
expect_eq "$(out | head -2 | sed -E 's/规则包 [0-9a-f]{16}/规则包 REV/')" "案件 SQ-2026-0019　核查日期 2026-03-02　规则包 REV
结论：不予登记" "text header"
expect_eq "$(out | grep -A1 '7.1b-credit' | tail -1 | sed 's/^ *//')" "近3年内有严重违法失信记录" "text finding"

# 6.1.1: the public-data product applied for under the simplified procedure is routed to
# the ordinary one, not refused; the JSON says so, on the case and on the finding.
run "$HDREG" check --db "$T/d.db" --case SQ-2026-0046 --format json
expect_eq "$(python3 -c "
import json
d = json.load(open('$T/stdout'))
c = [c for c in d['checks'] if c['id'] == '6.1.1-ordinary-procedure'][0]
print(d['decision'], d['route'], c['outcome'], c['route'], c['message'])")" "approve ordinary pass ordinary 公共数据产品应适用普通程序，申请适用了简易程序，转入普通程序审核" "routed"
# Detection beyond the flags, on a real case: the field samples of SQ-2026-0019 name a
# doctor and a prescription volume although the 统方 flag is not set.
cp "$T/d.db" "$T/tf.db"
sqlite3 "$T/tf.db" "UPDATE resources SET field_samples = '门店、开方医生、处方量' WHERE id = 19"
run "$HDREG" check --db "$T/tf.db" --case SQ-2026-0019 --as-of 2027-06-01 --format json
expect_eq "$(python3 -c "
import json
d = json.load(open('$T/stdout'))
c = [c for c in d['checks'] if c['id'] == '7.6b-tongfang'][0]
print(d['decision'], c['outcome'], c['message'], json.dumps(c['evidence'], ensure_ascii=False))")" "hold manual 数据字段示例中出现“开方医生”，数据字段示例中出现“处方量”，疑似按医生统计处方用药量或耗材用量的统方数据，需人工核查 [{\"field\": \"resource.field_samples\", \"found\": \"开方医生\", \"wanted\": \"不涉及统方（医疗机构对医生处方用药量、耗材用量的统计）\"}, {\"field\": \"resource.field_samples\", \"found\": \"处方量\", \"wanted\": \"不涉及统方（医疗机构对医生处方用药量、耗材用量的统计）\"}]" "统方 in the field samples"

# The as-of date decides "近 3 年": four years later the 2024 record no longer counts.
run "$HDREG" check --db "$T/d.db" --case 19 --as-of 2027-06-01 --format json
expect_eq "$(python3 -c "import json,sys; d=json.load(open('$T/stdout')); print(d['decision'], [c['outcome'] for c in d['checks'] if c['id']=='7.1b-credit'][0])")" "approve pass" "as-of date"

# Hostile checks: each costs exactly itself, as an error with file:line; the case is held.
rm -f /tmp/hdreg-pwned
run "$HDREG" check --db "$T/d.db" --case 6 --checks $P/hostile --format json
expect_eq "$rc" 0 "hostile run"
expect_eq "$(python3 -c "
import json
d = json.load(open('$T/stdout'))
print(d['decision'])
for c in d['checks']:
    if c['id'].startswith('hostile.'): print(c['outcome'], c['message'], json.dumps(c['evidence'], ensure_ascii=False))
    elif c['outcome'] not in ('pass', 'n/a'): print('UNEXPECTED', c['id'], c['outcome'])
")" "hold
error $P/hostile/badreturn.lua:1: check 'hostile.badreturn' returned string instead of pass(...), fail(...), rectify(...), manual(...) or na(...) []
manual 证据字段由元方法提供 [{\"field\": null, \"found\": null, \"wanted\": null}]
error $P/hostile/io.lua:2: check 'hostile.io': undeclared global 'io' []
error $P/hostile/load.lua:2: check 'hostile.load': undeclared global 'load' []
error $P/hostile/loop.lua:2: check 'hostile.loop' stopped: instruction budget (2000000) []
error $P/hostile/many.lua:3: check 'hostile.many': more than 1000 outcomes made in one check run []
error $P/hostile/memory.lua:1: check 'hostile.memory' stopped: memory limit (64 MB) []
error $P/hostile/modify.lua:2: check 'hostile.modify': attempt to modify read-only table (field 'state_secret') []
error $P/hostile/os.lua:2: check 'hostile.os': undeclared global 'os' []
error $P/hostile/pattern.lua:4: check 'hostile.pattern': string.find: pattern '.-.-.-.-b' could take 6.4e+21 steps on a text of 20000 bytes (at most 1e+08): anchor it with ^, repeat fewer items or match a shorter text []
pass 37999 2001 2000 15 2 []
error $P/hostile/pattern.lua:18: check 'hostile.longset': string.find: pattern '[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' could take 2e+10 steps on a text of 200000 bytes (at most 1e+08): anchor it with ^, repeat fewer items or match a shorter text []
error $P/hostile/runtime.lua:4: check 'hostile.runtime': attempt to index a nil value (local 'x') []
error $P/hostile/stale.lua:2: check 'hostile.stale1' keeps state between cases: it changed the file-level 'kept' (put back); make it local to the function []
error $P/hostile/stale.lua:4: check 'hostile.stale2' returned nil instead of pass(...), fail(...), rectify(...), manual(...) or na(...) []
error $P/hostile/swallow.lua:3: check 'hostile.swallow' stopped: instruction budget (2000000) []" "hostile checks"
[ ! -e /tmp/hdreg-pwned ] || fail "a check ran a command"
# The same hostile pack over all cases: every shipped outcome unchanged.
run "$HDREG" check --db "$T/d.db" --all --checks $P/hostile
expect_eq "$(sed '/^$/,$d' "$T/stdout" | sed -E 's/ hostile\.[a-z0-9]+:(error|manual|pass)//g; s/^([^ ]+) hold/\1 ?/' )" \
  "$(sed -E 's/^([^ ]+) (approve|hold)/\1 ?/' tests/e2e/expected/demo-decisions.txt)" "other checks unaffected"

# A syntax error in a pack stops before any case, naming file and line.
run "$HDREG" check --db "$T/d.db" --case 6 --checks $P/hostile-syntax
expect_eq "$rc" 3 "syntax error exit"
expect_eq "$(err)" "hdreg: check: $P/hostile-syntax/broken.lua:2: ')' expected near 'end'"

# A legal team's override: parameter and replaced check, new pack revision.
base_rev=$("$HDREG" check --db "$T/d.db" --case 19 --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['pack_revision'])")
run "$HDREG" check --db "$T/d.db" --case 19 --checks $P/override --format json
expect_eq "$(python3 -c "
import json
d = json.load(open('$T/stdout'))
c = [c for c in d['checks'] if c['id'] == '7.1b-credit'][0]
print(d['decision'], c['outcome'], c['message'], d['pack_revision'] != '$base_rev')")" "approve pass 近1年内无严重违法失信记录 True" "override"
# A team's own parameter (declare_params), and a later directory that changes it.
run "$HDREG" check --db "$T/d.db" --case 19 --checks $P/team --format json
expect_eq "$rc:$(python3 -c "
import json
d = json.load(open('$T/stdout'))
c = [c for c in d['checks'] if c['id'] == '7.1b-credit'][0]
print(d['decision'], c['outcome'], c['message'])")" "0:reject fail 近5年内有严重违法失信记录" "team parameter"
run "$HDREG" check --db "$T/d.db" --case 19 --checks $P/team --checks $P/team-later --format json
expect_eq "$rc:$(python3 -c "
import json
d = json.load(open('$T/stdout'))
c = [c for c in d['checks'] if c['id'] == '7.1b-credit'][0]
print(d['decision'], c['outcome'], c['message'])")" "0:approve pass 近1年内无严重违法失信记录" "team parameter changed later"
run "$HDREG" check --db "$T/d.db" --case 19 --checks $P/team-later
expect_eq "$rc:$(err)" "3:hdreg: check: $P/team-later/params.lua:2: params: unknown parameter 'credit_lookback_years' (a parameter of your own is declared with declare_params { credit_lookback_years = ... })" "team parameter without the team"
run "$HDREG" check --db "$T/d.db" --case 19 --checks $P/badparams
expect_eq "$rc" 3 "bad params exit"
expect_eq "$(err)" "hdreg: check: $P/badparams/params.lua:1: params: unknown parameter 'lookback_yaers' (did you mean 'lookback_years'?)"
run "$HDREG" check --db "$T/d.db" --case 19 --checks $P/params-new
expect_eq "$rc" 3 "new parameter by params exit"
expect_eq "$(err)" "hdreg: check: $P/params-new/params.lua:2: params: unknown parameter 'our_threshold' (a parameter of your own is declared with declare_params { our_threshold = ... })"
run "$HDREG" check --db "$T/d.db" --case 19 --checks $P/params-twice
expect_eq "$rc" 3 "parameter declared twice exit"
expect_eq "$(err)" "hdreg: check: $P/params-twice/params.lua:2: declare_params: parameter 'lookback_years' is already declared at $PWD/scripts/checks/params.lua:3 (to change its value write params { lookback_years = ... })"
run "$HDREG" check --db "$T/d.db" --case 19 --checks $P/params-type
expect_eq "$rc" 3 "parameter of another type exit"
expect_eq "$(err)" "hdreg: check: $P/params-type/params.lua:2: params: 'lookback_years' is a number (declared at $PWD/scripts/checks/params.lua:3), not a text"

# Waivers (docs/procedure.md "Waivers"; hdreg waiver in tests/e2e/waiver.sh): a valid one
# neutralises the outcome of a check that allows waivers (7.2 (2) advises); an expired one
# is reported, not applied; one of a check that allows none (7.1 b) is ignored and said.
sqlite3 "$T/d.db" "INSERT INTO waivers(case_id, check_id, justification, approver, approved_date, expires) VALUES (26, '7.2-2-deidentification', '仅限院内科研，已签署保密协议', '王法务', '2026-02-20', '2026-12-31')"
run "$HDREG" check --db "$T/d.db" --case 26 --format json
expect_eq "$(python3 -c "
import json
d = json.load(open('$T/stdout'))
c = [c for c in d['checks'] if c['id'] == '7.2-2-deidentification'][0]
print(d['decision'], c['outcome'], c['waived'], c['waiver'], c['waiver_state'])")" "approve pass False 已豁免 王法务（仅限院内科研，已签署保密协议），有效期至2026年12月31日 active" "valid waiver"
run "$HDREG" check --db "$T/d.db" --case 26 --as-of 2027-01-05 --format json
expect_eq "$(python3 -c "
import json
d = json.load(open('$T/stdout'))
c = [c for c in d['checks'] if c['id'] == '7.2-2-deidentification'][0]
print(d['decision'], c['outcome'], c['waived'], c['waiver'], c['waiver_state'])")" "approve pass False 豁免已过期 王法务（仅限院内科研，已签署保密协议），有效期至2026年12月31日 expired" "expired waiver"
sqlite3 "$T/d.db" "INSERT INTO waivers(case_id, check_id, justification, approver, approved_date, expires) VALUES (19, '7.1b-credit', '失信记录已经法院撤销', '王法务', '2026-03-01', '2026-12-31')"
run "$HDREG" check --db "$T/d.db" --case 19 --format json
expect_eq "$(python3 -c "
import json
d = json.load(open('$T/stdout'))
c = [c for c in d['checks'] if c['id'] == '7.1b-credit'][0]
print(d['decision'], c['outcome'], c['waived'], c['waiver'], c['waiver_state'])")" "reject fail False 豁免无效（该项检查不允许豁免） 王法务（失信记录已经法院撤销） refused" "waiver of a check that allows none"
expect_eq "$(err)" "hdreg: check: case SQ-2026-0019: waiver 2 of check '7.1b-credit' ignored: the check does not allow waivers (its declaration at $PWD/scripts/checks/7.1-subject.lua:46 has no waivable = true)" "said on stderr"

# Bytecode is refused: text chunks only.
run "$HDREG" check --db "$T/d.db" --case 6 --checks $P/bytecode
expect_eq "$rc" 3 "bytecode exit"
expect_eq "$(err)" "hdreg: check: $P/bytecode/compiled.lua: attempt to load a binary chunk (mode is 't')"

# The C helpers, through a check (case 23 has an expired and a valid business licence:
# the valid one wins).
run "$HDREG" check --db "$T/d.db" --case 23 --as-of 2026-03-16 --checks $P/helpers --format json
expect_eq "$(python3 -c "
import json
for c in json.load(open('$T/stdout'))['checks']:
    if c['id'].startswith('helpers.'): print(c['id'], c['outcome'], c['message'])")" \
"helpers.dates pass 2026-03-16 2025-10-16 2026-03-02 2026-03-01 59 2 true false false
helpers.uscc pass true false 第18位校验码是“B”，应为“9” / check character (position 18) is 'B', should be '9'
helpers.material pass business_license valid missing
helpers.calendar2027 error $P/helpers/helpers.lua:29: check 'helpers.calendar2027': no holiday schedule for 2027: the period cannot be computed" "helpers"

# Months and years at month ends and in leap years (Civil Code art. 202), and the 年月日 form.
run "$HDREG" check --db "$T/d.db" --case 6 --checks $P/months --format json
expect_eq "$rc" 0 "months exit"
expect_eq "$(python3 -c "
import json
for c in json.load(open('$T/stdout'))['checks']:
    if c['id'].startswith('months.'): print(c['id'], c['outcome']); print(c['message'])")" \
"months.add pass
add_months(2026-01-31, 1) = 2026-02-28
add_months(2024-01-31, 1) = 2024-02-29
add_months(2026-01-31, 2) = 2026-03-31
add_months(2026-03-31, -1) = 2026-02-28
add_months(2026-08-31, 1) = 2026-09-30
add_months(2024-02-29, 12) = 2025-02-28
add_months(2024-02-29, 48) = 2028-02-29
add_months(2000-01-31, 1) = 2000-02-29
add_months(2100-01-31, 1) = 2100-02-28
add_months(2026-12-15, 1) = 2027-01-15
add_months(2026-01-15, -1) = 2025-12-15
add_months(2026-03-16, -12) = 2025-03-16
add_months(2026-05-31, 0) = 2026-05-31
add_months(2026-02-30, 1) = error: '2026-02-30' is not a date YYYY-MM-DD
add_months(9999-12-31, 1) = error: hd.add_months: year 10000 out of range
months.between pass
months_between(2026-01-31, 2026-02-28) = 1
months_between(2026-01-31, 2026-02-27) = 0
months_between(2026-01-30, 2026-02-28) = 1
months_between(2026-01-29, 2026-02-28) = 1
months_between(2024-01-30, 2024-02-28) = 0
months_between(2024-01-30, 2024-02-29) = 1
months_between(2026-03-31, 2026-04-30) = 1
months_between(2025-03-16, 2026-03-16) = 12
months_between(2025-03-17, 2026-03-16) = 11
months_between(2026-02-28, 2026-01-30) = -1
months_between(2026-03-16, 2026-03-16) = 0
years_between(2024-02-29, 2025-02-28) = 1
years_between(2024-02-29, 2025-02-27) = 0
years_between(2023-03-17, 2026-03-16) = 2
years_between(2026-03-16, 2023-03-17) = -2
months.cn pass
date_cn(2026-03-16) = 2026年3月16日
date_cn(2026-12-01) = 2026年12月1日
date_cn(2024-02-29) = 2024年2月29日
date_cn(2026-02-29) = error: '2026-02-29' is not a date YYYY-MM-DD" "month helpers"

# print() goes to the check log, shown after the findings.
run "$HDREG" check --db "$T/d.db" --case 6 --checks $P/print
expect_eq "$(out | tail -2)" "检查日志（print）：
申请人	𠮷祥健康管理（深圳）有限公司" "check log"

run "$HDREG" check --db "$T/d.db" --case SQ-9999
expect_eq "$rc" 3 "missing case"
expect_eq "$(err)" "hdreg: check: case 'SQ-9999' does not exist"
done_ok
