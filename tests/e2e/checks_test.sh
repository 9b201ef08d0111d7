# `hdreg checks test`: the shipped fixtures pass with full coverage; wrong fixtures are
# reported both ways with file:line; fixture cases are strict like real ones; an override
# that changes a rule retires the shipped fixtures that expect an outcome of it, and a
# team with fixtures of its own reaches green; the fixtures give the same findings in any
# order and alone.
source "$(dirname "$0")/lib.sh"
set -e
P=tests/e2e/packs
run "$HDREG" checks test
expect_eq "$rc" 0 "shipped fixtures"
expect_eq "$(out)" "coverage: 27 of 27 checks seen passing and not passing
100 fixtures: 100 passed, 0 failed"

run "$HDREG" checks test $P/wrong-fixtures
expect_eq "$rc" 1 "wrong fixtures exit"
expect_eq "$(out)" "$P/wrong-fixtures/tests/wrong.lua:1: fixture 'wrong expectation': check '7.6b-tongfang' gave fail (数据涉及统方（按医生统计处方用药量、耗材用量），不得开展数据产权合规登记), expected pass
$P/wrong-fixtures/tests/wrong.lua:1: fixture 'wrong expectation': expects an outcome of 'no.such', but there is no such check
$P/wrong-fixtures/tests/wrong.lua:2: fixture 'missing expectation': check '7.6a-state-secrets' gave fail (数据涉及国家秘密或国家与公共安全，不得开展数据产权合规登记), expected pass or n/a
coverage: 27 of 27 checks seen passing and not passing
102 fixtures: 100 passed, 2 failed"

# An override of 7.1 b (and of lookback_years) without fixtures of its own: the five
# shipped fixtures that expect an outcome of 7.1 b are retired; 7.1 b is then seen only
# passing, and the report says why; the 7.1 c fixtures still run and fail, because the
# changed parameter changes the shipped 7.1 c too (the one that names its message and
# decision fails on each).
run "$HDREG" checks test $P/override
expect_eq "$rc" 1 "override exit"
expect_eq "$(out)" "$PWD/scripts/checks/tests/subject.lua:49: fixture '7.1c-penalty-lifted-within-3-years-still-counts': check '7.1c-penalties' gave pass (近1年内无涉及数据的行政处罚或刑事责任记录), expected fail
$PWD/scripts/checks/tests/subject.lua:49: fixture '7.1c-penalty-lifted-within-3-years-still-counts': check '7.1c-penalties' said \"近1年内无涉及数据的行政处罚或刑事责任记录\", expected \"近3年内有涉及数据的行政处罚或刑事责任记录\"
$PWD/scripts/checks/tests/subject.lua:49: fixture '7.1c-penalty-lifted-within-3-years-still-counts': decision approve, expected reject
$PWD/scripts/checks/tests/subject.lua:58: fixture '7.1 c: data penalty within 3 years fails': check '7.1c-penalties' gave pass (近1年内无涉及数据的行政处罚或刑事责任记录), expected fail
$PWD/scripts/checks/tests/subject.lua:65: fixture '7.1 c: criminal record within 3 years fails': check '7.1c-penalties' gave pass (近1年内无涉及数据的行政处罚或刑事责任记录), expected fail
retired: 5 fixtures expecting an outcome of '7.1b-credit', which $P/override/7.1b.lua:2 replaces
coverage: 25 of 27 checks seen passing and not passing in the 95 fixtures that ran
  7.1b-credit ($P/override/7.1b.lua:2): never failed, rectified or held (its 5 retired fixtures do not count: add fixtures for the new rule in $P/override/tests/)
  7.1c-penalties ($PWD/scripts/checks/7.1-subject.lua:59): never failed, rectified or held
100 fixtures: 92 passed, 3 failed, 5 retired"

# Legal tests name the exact message, the decision and the route: each that differs fails
# the fixture, on a line of its own.
run "$HDREG" checks test $P/fixture-exact
expect_eq "$rc" 1 "exact fixtures exit"
expect_eq "$(out)" "$P/fixture-exact/tests/exact.lua:1: fixture 'wrong message, decision and route': check '7.6b-tongfang' said \"数据涉及统方（按医生统计处方用药量、耗材用量），不得开展数据产权合规登记\", expected \"不对\"
$P/fixture-exact/tests/exact.lua:1: fixture 'wrong message, decision and route': decision reject, expected approve
$P/fixture-exact/tests/exact.lua:1: fixture 'wrong message, decision and route': routed to no other procedure, expected ordinary
coverage: 27 of 27 checks seen passing and not passing
102 fixtures: 101 passed, 1 failed" "exact fixtures"
mkdir -p "$T/msg/tests"
echo 'fixture { name = "x", expect = {}, messages = { ["7.6b-tongfang"] = "不涉及统方数据" } }' >"$T/msg/tests/m.lua"
run "$HDREG" checks test "$T/msg"
expect_eq "$rc:$(err)" "3:hdreg: checks test: $T/msg/tests/m.lua:1: fixture: 'messages' names '7.6b-tongfang', which 'expect' does not (say which outcome the message comes with)" "a message without its outcome"
# Registration types are checked when the pack loads.
run "$HDREG" checks test $P/bad-types
expect_eq "$rc:$(err)" "3:hdreg: checks test: $P/bad-types/types.lua:1: check declaration: 'types': 'licence' is no registration type (first, license, transfer, change, cancel)" "a misspelt type"
# Term lists are parameters: a team's list replaces the shipped one whole; a list holds texts.
run "$HDREG" checks test $P/params-list
expect_eq "$rc:$(out)" "0:coverage: 27 of 27 checks seen passing and not passing
101 fixtures: 101 passed, 0 failed" "a team's term list"
run "$HDREG" checks test $P/params-list-bad
expect_eq "$rc:$(err)" "3:hdreg: checks test: $P/params-list-bad/params.lua:1: params: 'tongfang_terms' must be a list of texts: item 2 is not a text" "a list with a number"
mkdir -p "$T/plt"
echo 'params { tongfang_terms = "统方" }' >"$T/plt/params.lua"
run "$HDREG" checks test "$T/plt"
expect_eq "$rc:$(err)" "3:hdreg: checks test: $T/plt/params.lua:1: params: 'tongfang_terms' is a list of texts (declared at $PWD/scripts/checks/params.lua:3), not a text" "a text for a list"

# A team's stricter 7.1 b on a parameter of its own, with its own fixtures: green.
run "$HDREG" checks test $P/team
expect_eq "$rc" 0 "team exit"
expect_eq "$(out)" "retired: 5 fixtures expecting an outcome of '7.1b-credit', which $P/team/7.1b.lua:3 replaces
coverage: 27 of 27 checks seen passing and not passing in the 98 fixtures that ran
103 fixtures: 98 passed, 0 failed, 5 retired"
# Its fixtures run only with its check: given twice, the later copy retires the
# earlier one's fixtures too.
run "$HDREG" checks test $P/team $P/override
expect_eq "$rc" 1 "team then override exit"
expect_eq "$(out | grep '^retired\|fixtures:')" "retired: 8 fixtures expecting an outcome of '7.1b-credit', which $P/override/7.1b.lua:2 replaces
103 fixtures: 92 passed, 3 failed, 8 retired"

# Fixture cases are strict: what a fixture sets must be a field of a case, of its type.
run "$HDREG" checks test $P/fixture-fields
expect_eq "$rc" 1 "fixture fields exit"
F=$P/fixture-fields/tests/fields.lua
expect_eq "$(out)" "$F:3: fixture 'misspelt field': 'applicant.nmae' is no field of a case (did you mean 'name'?)
$F:4: fixture 'flag given as 1': 'resource.sensitive' is a flag: true or false, not 1
$F:5: fixture 'table for a text': 'applicant.name' is a text, not a table
$F:6: fixture 'text for a whole number': 'resource.grade' is a whole number, not \"3\"
$F:7: fixture 'list written as a record': 'materials' is a list of records { {...}, {...} }, not a table with the key \"kind\"
$F:9: fixture 'misspelt field in a list': 'applicant.records[1].record_dat' is no field of a case (did you mean 'record_date'?)
$F:12: fixture 'text in a list of records': 'objections[1]' is a record (a table of fields), not \"withdrawn\"
$F:13: fixture 'holder of a right': 'rights[1].holder.nam' is no field of a case (did you mean 'name'?)
$F:15: fixture 'case field': 'numbr' is no field of a case (did you mean 'number'?)
$F:16: fixture 'far from every field': 'resource.colour' is no field of a case
$F:17: fixture 'record given as a text': 'prior' is a record (a table of fields), not \"ZS-1\"
coverage: 27 of 27 checks seen passing and not passing
112 fixtures: 101 passed, 11 failed"
# ... and a check reading a field that is none gets the error a real case gives.
run "$HDREG" checks test $P/fixture-strict --only "strict reads" --findings
expect_eq "$rc" 1 "strict reads exit"
expect_eq "$(grep '"check":"strict\.' "$T/stdout")" "{\"fixture\":\"strict reads\",\"where\":\"$P/fixture-strict/tests/strict.lua:1\",\"check\":\"strict.read\",\"outcome\":\"error\",\"message\":\"$P/fixture-strict/strict.lua:6: check 'strict.read': case field 'c.applicant.nmae' does not exist (did you mean 'name'?)\"}
{\"fixture\":\"strict reads\",\"where\":\"$P/fixture-strict/tests/strict.lua:1\",\"check\":\"strict.list\",\"outcome\":\"error\",\"message\":\"$P/fixture-strict/strict.lua:10: check 'strict.list': case field 'c.materials' is a list: index it by number or use ipairs (it has no field 'kind')\"}
{\"fixture\":\"strict reads\",\"where\":\"$P/fixture-strict/tests/strict.lua:1\",\"check\":\"strict.ok\",\"outcome\":\"pass\",\"message\":\"nil nil nil nil nil nil nil nil\"}
{\"fixture\":\"strict reads\",\"where\":\"$P/fixture-strict/tests/strict.lua:1\",\"check\":\"strict.as_of\",\"outcome\":\"error\",\"message\":\"$P/fixture-strict/strict.lua:19: check 'strict.as_of': case field 'c.as_of' does not exist\"}" "strict reads"
expect_eq "$(grep -c '"check":' "$T/stdout")" 31 "one line per check"
expect_eq "$(err)" "$P/fixture-strict/tests/strict.lua:1: fixture 'strict reads': check 'strict.read' gave error ($P/fixture-strict/strict.lua:6: check 'strict.read': case field 'c.applicant.nmae' does not exist (did you mean 'name'?)), expected pass or n/a
$P/fixture-strict/tests/strict.lua:1: fixture 'strict reads': check 'strict.list' gave error ($P/fixture-strict/strict.lua:10: check 'strict.list': case field 'c.materials' is a list: index it by number or use ipairs (it has no field 'kind')), expected pass or n/a
$P/fixture-strict/tests/strict.lua:1: fixture 'strict reads': check 'strict.as_of' gave error ($P/fixture-strict/strict.lua:19: check 'strict.as_of': case field 'c.as_of' does not exist), expected pass or n/a
coverage: not checked (--only)
1 fixture: 0 passed, 1 failed" "report on stderr with --findings"
run "$HDREG" checks test $P/base-fields
expect_eq "$rc" 3 "base fields exit"
expect_eq "$(err)" "hdreg: checks test: $P/base-fields/tests/_base.lua:2: base: 'applicant.adress' is no field of a case (did you mean 'address'?)"
expect_eq "$(out)" "" "nothing on stdout"

# Order: in file order, shuffled with two seeds, and each fixture alone, the findings
# are the same (sorted); the shuffled orders really differ.
run "$HDREG" checks test --findings
expect_eq "$rc" 0 "findings exit"
cp "$T/stdout" "$T/in-order"
expect_eq "$(wc -l <"$T/in-order")" $((100 * 27)) "100 fixtures x 27 checks"
# The table of docs/checks.md "Which checks apply to which registration type" is what the
# pack enforces: a check the table marks — for a type gives 不适用于…登记 in the fixtures of
# that type, and no other does.
python3 - docs/checks.md "$T/in-order" <<'PY' || fail "the table of registration types"
import json, re, sys
doc = open(sys.argv[1]).read()
part = doc.split("## Which checks apply to which registration type", 1)[1].split("\n## ", 1)[0]
types = ["first", "license", "transfer", "change", "cancel"]
cn = dict(zip(types, ["首次登记", "许可登记", "转让登记", "变更登记", "注销登记"]))
table = {}
for line in part.splitlines():
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) != 7 or not cells[0].startswith("`"):
        continue
    assert all(c[0] in "✓—" for c in cells[2:]), line
    for cid in re.findall(r"`([^`]+)`", cells[0]):
        table[cid] = {t: c[0] == "✓" for t, c in zip(types, cells[2:])}
excluded = {t: set() for t in types}
seen = set()
for l in open(sys.argv[2]):
    f = json.loads(l)
    seen.add(f["check"])
    for t in types:
        if f["message"] == "不适用于" + cn[t]:
            excluded[t].add(f["check"])
assert set(table) == seen, (sorted(seen - set(table)), sorted(set(table) - seen))
for cid, row in table.items():
    for t in types:
        assert row[t] == (cid not in excluded[t]), (cid, t, row[t])
PY
PASSED=$((PASSED + 1))
# Messages are Chinese for the reader: no code word (a run of three lower-case letters,
# such as "operation" or "valid") in any message of the shipped checks on any fixture.
expect_eq "$(python3 -c "
import json, re, sys
for l in open(sys.argv[1]):
    f = json.loads(l)
    if f['outcome'] != 'error' and re.search('[a-z_]{3,}', f['message']): print(f['check'], f['message'])" "$T/in-order")" "" "no code words in messages"

order() { python3 -c "
import json, sys
seen = []
for l in open(sys.argv[1]):
    w = json.loads(l)['where']
    if w not in seen: seen.append(w)
print('\n'.join(seen))" "$1"; }
for seed in 1 2; do
  run "$HDREG" checks test --shuffle $seed --findings
  expect_eq "$rc" 0 "shuffled $seed exit"
  expect_eq "$(err)" "fixtures in an order shuffled with seed $seed
coverage: 27 of 27 checks seen passing and not passing
100 fixtures: 100 passed, 0 failed" "shuffled $seed report"
  cp "$T/stdout" "$T/seed$seed"
  [ "$(order "$T/seed$seed")" != "$(order "$T/in-order")" ] || fail "seed $seed kept the file order"
  expect_eq "$(order "$T/seed$seed" | sort)" "$(order "$T/in-order" | sort)" "seed $seed runs every fixture once"
done
[ "$(order "$T/seed1")" != "$(order "$T/seed2")" ] || fail "seeds 1 and 2 gave the same order"
run "$HDREG" checks test --shuffle 2 --findings
expect_eq "$(order "$T/stdout")" "$(order "$T/seed2")" "a seed gives the same order every time"
: >"$T/alone"
for w in $(order "$T/in-order"); do
  run "$HDREG" checks test --only "$w" --findings
  expect_eq "$rc:$(err)" "0:coverage: not checked (--only)
1 fixture: 1 passed, 0 failed" "$w alone"
  cat "$T/stdout" >>"$T/alone"
done
expect_eq "$(sort "$T/seed1")" "$(sort "$T/in-order")" "seed 1 findings"
expect_eq "$(sort "$T/seed2")" "$(sort "$T/in-order")" "seed 2 findings"
expect_eq "$(sort "$T/alone")" "$(sort "$T/in-order")" "findings of each fixture alone"

# --only by name; a name no fixture has; bad option values.
run "$HDREG" checks test --only "7.1 d: no capability evidence needs a human"
expect_eq "$rc:$(out)" "0:coverage: not checked (--only)
1 fixture: 1 passed, 0 failed" "only by name"
run "$HDREG" checks test --only "7.1 d: no such fixture"
expect_eq "$rc:$(err)" "2:hdreg: checks test: --only '7.1 d: no such fixture': no fixture has this name or file:line"
run "$HDREG" checks test --shuffle 12x
expect_eq "$rc:$(err)" "2:hdreg: checks test: --shuffle '12x' is not a seed (a whole number such as 42)"
run "$HDREG" checks test --only
expect_eq "$rc:$(err)" "2:hdreg: checks test: --only needs a value (see hdreg checks --help)"

run "$HDREG" checks test --help
expect_eq "$rc:$(out | head -2)" "0:usage: hdreg checks test [DIR]... [--db FILE] [--shuffle SEED]
                         [--only NAME|FILE:LINE] [--findings]" "checks test --help"
expect_eq "$(out | awk 'length($0) > 80' | wc -l)" 0 "checks test --help fits 80 columns"
run "$HDREG" help checks
expect_eq "$rc:$(out | head -1)" "0:usage: hdreg checks test [DIR]... [--db FILE] [--shuffle SEED]" "help checks"
run "$HDREG" check --help
expect_eq "$(out | awk 'length($0) > 80' | wc -l)" 0 "check --help fits 80 columns"

run "$HDREG" checks test $P/hostile-syntax
expect_eq "$rc" 3 "broken pack"
expect_eq "$(err)" "hdreg: checks test: $P/hostile-syntax/broken.lua:2: ')' expected near 'end'"
run "$HDREG" checks
expect_eq "$rc" 2 "usage"
expect_eq "$(err)" "hdreg: checks: expected 'hdreg checks test [DIR]...' (see hdreg checks --help)"
done_ok
