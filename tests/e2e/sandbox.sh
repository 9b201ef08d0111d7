#!/usr/bin/env bash
# Hostile checks and templates (tests/e2e/packs/hostile-c, tests/e2e/templates/hostile-*):
# each costs exactly itself — one error finding naming file:line and the check, or exit 3
# naming the template line — and ends within its budget. The time each takes is measured
# and printed here (read it with ctest -V); it is not asserted, machines are shared.
source "$(dirname "$0")/lib.sh"
P=tests/e2e/packs/hostile-c
"$HDREG" demo-db --db "$T/d.db" >/dev/null

now_ms() { date +%s%3N; }

# Every hostile check at once on one case: exact outcomes, the case held, nothing else
# changed.
run "$HDREG" check --db "$T/d.db" --case 6 --checks $P --format json
expect_eq "$rc" 0 "hostile pack runs"
expect_eq "$(python3 -c "
import json
d = json.load(open('$T/stdout'))
print(d['decision'])
for c in d['checks']:
    m = c['message']
    if c['id'] == 'hc.big_message': m = '%d bytes ending %s' % (len(m.encode()), m[-16:])
    if c['id'].startswith('hc.'): print(c['id'], c['outcome'], m, json.dumps(c['evidence'], ensure_ascii=False))
    elif c['outcome'] not in ('pass', 'n/a'): print('UNEXPECTED', c['id'], c['outcome'])
")" "hold
hc.bad_utf8 pass �� ok []
hc.big_message pass 2033 bytes ending （截断，共 300000 字节） []
hc.call_chain error $P/call_chain.lua:6: check 'hc.call_chain': setmetatable: __call must be a function, not a table []
hc.call_loop error $P/call_loop.lua:5: check 'hc.call_loop': attempt to call a table value (local 't') []
hc.call_self error $P/call_self.lua:4: check 'hc.call_self': setmetatable: __call must be a function, not a table []
hc.class pass 5 C(5) true obj nil []
hc.close error $P/close.lua:3: check 'hc.close' stopped: instruction budget (2000000) []
hc.concat error $P/concat.lua:3: check 'hc.concat': table.concat: 1000000000000000 elements (1 to 1000000000000000) are more than the 1048576 one call may walk []
hc.coroutine error $P/coroutine.lua:3: check 'hc.coroutine': undeclared global 'coroutine' []
hc.err_level0 error $P/err_level0.lua:3: check 'hc.err_level0': plain message []
hc.err_nil error $P/err_nil.lua:3: check 'hc.err_nil': error raised without a message (nil) []
hc.err_number error $P/err_number.lua:3: check 'hc.err_number': 42 []
hc.err_table error $P/err_table.lua:3: check 'hc.err_table': error raised with a table value instead of a message []
hc.err_tostring error $P/err_tostring.lua:3: check 'hc.err_tostring': error raised with a table value instead of a message []
hc.evidence_border pass evidence with a border at 2^40 [{\"field\": \"…\", \"found\": \"（证据条目过多，已截断）\", \"wanted\": null}]
hc.field_typo error $P/field_typo.lua:3: check 'hc.field_typo': case field 'c.applicant.nmae' does not exist (did you mean 'name'?) []
hc.find_plain pass nil nil []
hc.gc error $P/gc.lua:3: check 'hc.gc': setmetatable: a metatable with __gc (a finalizer) is not allowed []
hc.gmatch_anchor error $P/gmatch_anchor.lua:3: check 'hc.gmatch_anchor': string.gmatch: pattern '^.-.-b' could take 1e+12 steps on a text of 7000 bytes (at most 1e+08): in gmatch ^ anchors nothing, repeat fewer items or match a shorter text []
hc.gsub_fn error $P/gsub_fn.lua:3: check 'hc.gsub_fn' stopped: instruction budget (2000000) []
hc.gsub_repl error $P/gsub_repl.lua:3: check 'hc.gsub_repl': string.gsub: pattern 'x(y?)' could take 1e+11 steps on a text of 100000 bytes (at most 1e+08): anchor it with ^, repeat fewer items or match a shorter text []
hc.hash_flood error $P/hash_flood.lua:4: check 'hc.hash_flood' stopped: time limit (1000 ms), inside a library function that had to be abandoned []
hc.hash_flood_after pass after SQ-2026-0006 []
hc.insert_len error $P/insert_len.lua:4: check 'hc.insert_len': table.insert: 1000000000000000 elements (1 to 1000000000000000) are more than the 1048576 one call may walk []
hc.len_negative error $P/len_negative.lua:4: check 'hc.len_negative': table.insert: the table's length is negative (-4611686018427387904) []
hc.len_twice error $P/len_twice.lua:6: check 'hc.len_twice': table.remove: 1099511627776 elements (1 to 1099511627776) are more than the 1048576 one call may walk []
hc.list_name error $P/list_name.lua:3: check 'hc.list_name': case field 'c.materials' is a list: index it by number or use ipairs (it has no field 'kind') []
hc.long_set error $P/long_set.lua:4: check 'hc.long_set': string.find: pattern '[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' could take 3.1e+10 steps on a text of 7000 bytes (at most 1e+08): anchor it with ^, repeat fewer items or match a shorter text []
hc.match_literal error $P/match_literal.lua:3: check 'hc.match_literal': string.match: pattern 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' could take 5e+09 steps on a text of 1000000 bytes (at most 1e+08): anchor it with ^, repeat fewer items or match a shorter text []
hc.material_typo error $P/material_typo.lua:3: check 'hc.material_typo': hd.material: 'secruity_assessment' is no kind of material (see docs/checks.md) []
hc.mem_a pass made 30 []
hc.mem_b pass made 40 []
hc.move error $P/move.lua:3: check 'hc.move': table.move: 1000000000000000 elements (1 to 1000000000000000) are more than the 1048576 one call may walk []
hc.nan pass nan [{\"field\": \"x\", \"found\": null, \"wanted\": null}]
hc.no_addresses pass token userdata table function []
hc.pack error $P/pack.lua:3: check 'hc.pack': attempt to call a nil value (field 'pack') []
hc.rawset error $P/rawset.lua:3: check 'hc.rawset': undeclared global 'rawset' []
hc.recursion error $P/recursion.lua:3: check 'hc.recursion': stack overflow []
hc.rep_big error $P/rep_big.lua:3: check 'hc.rep_big': string.rep: the result would be 1000000000000 bytes, and making it takes twice that: more than the memory left of the 64 MB an evaluation may use []
hc.rep_empty pass empty 0 0 []
hc.rep_time error $P/rep_time.lua:3: check 'hc.rep_time' stopped: time limit (1000 ms) []
hc.sort_bad error $P/sort_bad.lua:5: check 'hc.sort_bad': invalid order function for sorting []
hc.sort_big error $P/sort_big.lua:4: check 'hc.sort_big': table.sort: 300000 elements (1 to 300000) are more than the 262144 one call may walk []
hc.sort_long_texts error $P/sort_long_texts.lua:5: check 'hc.sort_long_texts': table.sort: 2000 texts of up to 20971520 bytes could take 4.6e+11 byte comparisons (at most 4e+08): sort shorter texts or give a comparator []
hc.state_counter error $P/state_counter.lua:2: check 'hc.state_counter' keeps state between cases: it changed the file-level 'n' (put back); make it local to the function []
hc.state_env error $P/state_env.lua:1: check 'hc.state_env' keeps state between cases: it changed the file-level '_ENV' (put back); make it local to the function []
hc.state_index_fn error $P/state_index_fn.lua:3: check 'hc.state_index_fn' keeps state between cases: it changed the file-level 'n' (put back); make it local to the function []
hc.state_metatable error $P/state_metatable.lua:4: check 'hc.state_metatable': 'obj' is kept at file level and shared by every case: it cannot be changed while a case is checked (field 'n'); make it local to the function []
hc.state_table error $P/state_table.lua:4: check 'hc.state_table': 'seen' is kept at file level and shared by every case: it cannot be changed while a case is checked (field '1'); make it local to the function []
hc.tostring_loop error $P/tostring_loop.lua:3: check 'hc.tostring_loop' stopped: instruction budget (2000000) []
hc.views pass true 5 5 anonymised,automated_decision,cb_persons,cb_sensitive_persons []
hc.weak error $P/weak.lua:2: check 'hc.weak': setmetatable: a metatable with __mode (a weak table) is not allowed []" "hostile checks"

# Each alone, timed: a stopped check ends within its limit plus a small margin. The
# shipped pack alone is the baseline.
t0=$(now_ms); "$HDREG" check --db "$T/d.db" --case 6 >/dev/null; base=$(( $(now_ms) - t0 ))
echo "time: shipped pack alone on case 6: $base ms"
for f in $P/*.lua; do
  name=$(basename "$f" .lua)
  mkdir -p "$T/one/$name"
  cp "$f" "$T/one/$name/"
  t0=$(now_ms)
  "$HDREG" check --db "$T/d.db" --case 6 --checks "$T/one/$name" --format json >"$T/one.json"
  code=$?
  ms=$(( $(now_ms) - t0 ))
  expect_eq "$code" 0 "$name alone"
  outcome=$(python3 -c "
import json
d = json.load(open('$T/one.json'))
print(' '.join(c['outcome'] for c in d['checks'] if c['id'] == 'hc.$name'))")
  echo "time: hostile-c/$name.lua ($outcome): $ms ms (limit 1000 ms per check; baseline $base ms)"
done

# Over every case (the quick ones: the slow ones would take a second per case): what a
# check keeps at file level is put back after each case, so case 40 sees what case 1
# saw; the shipped checks decide as without the hostile pack.
mkdir -p "$T/quick"
cp $P/*.lua "$T/quick/"
rm "$T/quick/"{hash_flood,rep_time,find_plain,mem_a,mem_b,recursion,big_message,match_literal}.lua
run "$HDREG" check --db "$T/d.db" --all --checks "$T/quick"
expect_eq "$rc" 0 "hostile pack over all cases"
cases() { sed '/^$/,$d' "$T/stdout"; } # the case lines, before the counts per check
expect_eq "$(cases | grep -c 'hc.state_counter:error')" "$(cases | wc -l)" "counter put back on every case"
expect_eq "$(out | grep -E '^hc.state_counter +0 +0 +0 +0 +0 +49$' | wc -l)" 1 "49 errors counted for the counter"
expect_eq "$(cases | sed -E 's/ hc\.[a-z0-9_]+:(error|manual|pass)//g; s/^([^ ]+) hold/\1 ?/')" \
  "$(sed -E 's/^([^ ]+) (approve|hold)/\1 ?/' tests/e2e/expected/demo-decisions.txt)" "other checks unaffected"
all40=$(cases | grep '^SQ-2026-0040 ')
run "$HDREG" check --db "$T/d.db" --case 40 --checks "$T/quick" --format json
expect_eq "$(python3 -c "
import json; d = json.load(open('$T/stdout'))
print(d['case_number'], d['decision'] + ''.join(' %s:%s' % (c['id'], c['outcome']) for c in d['checks']
      if c['outcome'] not in ('pass', 'n/a')))")" "$all40" "case 40 alone as in --all"

# print() reaches a terminal: escape sequences and bad bytes are neutralised, tables are
# written without an address.
run "$HDREG" check --db "$T/d.db" --case 6 --checks tests/e2e/packs/hostile-print
expect_eq "$(out | tail -2)" "检查日志（print）：
?[31mRED�	table	function" "print log"

# A library function's state kept at file level (a gmatch iterator) cannot be put back
# after a case: the pack is refused when it loads, naming the check.
run "$HDREG" check --db "$T/d.db" --case 6 --checks tests/e2e/packs/hostile-iter
expect_eq "$rc" 3 "iterator at file level"
expect_eq "$(err)" "hdreg: check: tests/e2e/packs/hostile-iter/iter.lua:2: check 'hc.iter': 'it' is kept at file level and holds the state of a library function (an iterator such as gmatch's or pairs'): create it inside the function" "iterator named"

# A case too large for the checks' memory (a legacy value of 70 MB) costs only itself.
cp "$T/d.db" "$T/big.db"
sqlite3 "$T/big.db" "UPDATE resources SET source = hex(randomblob(35000000)) WHERE id = (SELECT resource_id FROM cases WHERE id = 6)"
run "$HDREG" check --db "$T/big.db" --all
expect_eq "$rc" 3 "too large a case"
expect_eq "$(err | grep -v 'checked 48 cases')" "hdreg: check: case SQ-2026-0006: the case does not fit in the checks' memory (64 MB): one of its values is too large
hdreg: check: 1 of 49 cases could not be checked (listed above)" "too large a case named"
expect_eq "$(sed '/^$/,$d' "$T/stdout" | grep -v '^SQ-2026-0006 ')" "$(grep -v '^SQ-2026-0006 ' tests/e2e/expected/demo-decisions.txt)" "the other cases decided as without it"
expect_eq "$(grep '^SQ-2026-0006 ' "$T/stdout")" "SQ-2026-0006 not-checked" "its line"
rm -f "$T/big.db"

# The night with hostile checks (the quick ones: a second per case and check would make
# this test long): it finishes, every reviewed case is held with the errors recorded, and
# nothing stays locked. (SQ-2026-0016 fails in the demo with or without them: exit 1.)
mkdir -p "$T/night"
cp $P/gc.lua $P/err_table.lua $P/state_counter.lua $P/sort_big.lua $P/close.lua "$T/night/"
cp "$T/d.db" "$T/n.db"
t0=$(now_ms)
run "$HDREG" run --db "$T/n.db" --date 2026-03-16 --out "$T/out" --checks "$T/night"
echo "time: the night with hostile checks: $(( $(now_ms) - t0 )) ms"
expect_eq "$rc" 1 "night with hostile checks finishes"
expect_eq "$(sqlite3 "$T/n.db" "SELECT count(*) FROM decisions WHERE decision = 'approve'")" 0 \
  "no case approved past an error"
expect_eq "$(sqlite3 "$T/n.db" "SELECT count(DISTINCT case_id) FROM findings WHERE check_id = 'hc.state_counter' AND outcome = 'error' AND message LIKE '%keeps state between cases%'")" \
  "$(sqlite3 "$T/n.db" "SELECT count(DISTINCT case_id) FROM findings")" "the counter error on every case"
run "$HDREG" run --db "$T/n.db" --date 2026-03-16 --out "$T/out" --checks "$T/night"
expect_eq "$rc" 1 "the next night runs (not locked out: exit 4)"

# Template expressions that misbehave: exit 3 with the template line.
for t in each-len each-index assign long-value setmeta each-nested; do
  t0=$(now_ms)
  run "$HDREG" render --db "$T/d.db" --template tests/e2e/templates/hostile-$t.xml --case 9 --out "$T/x.pdf"
  echo "time: templates/hostile-$t.xml: $(( $(now_ms) - t0 )) ms"
  expect_eq "$rc" 3 "template $t"
  echo "$(err)" >>"$T/template-errors"
done
expect_eq "$(cat "$T/template-errors")" "hdreg: render: tests/e2e/templates/hostile-each-len.xml:3: <each in=\"setmetatable({}, {__len = function() error('no length') end})\">: no length
hdreg: render: tests/e2e/templates/hostile-each-index.xml:3: <each> item 1: boom
hdreg: render: tests/e2e/templates/hostile-assign.xml:3: assignment to 'x' in a template expression (expressions only read) (in {(function() x = 1 end)()})
hdreg: render: tests/e2e/templates/hostile-long-value.xml:3: {string.rep('x', 300000)} is 300000 bytes of text, more than the 262144 one value may put into a document
hdreg: render: tests/e2e/templates/hostile-setmeta.xml:3: setmetatable: a metatable with __gc (a finalizer) is not allowed (in {setmetatable({}, {__gc = function() while true do end end}) and 'x'})
hdreg: render: tests/e2e/templates/hostile-each-nested.xml:3: <each> items of this document are more than 200000" "hostile templates"
[ ! -e "$T/x.pdf" ] || fail "a refused template left a file"
done_ok
