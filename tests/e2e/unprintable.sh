# Values that cannot be printed (issue 12). hdreg import refuses names with control
# characters, bidi controls and invisible format characters, and names too long for their
# place, by line, column (in characters), code point and kind. A case already in the
# register whose documents cannot print a value is still decided (findings, decision) and
# held for a person, with the field named by its label, on stderr and in the run report;
# the other cases go on, a rerun of the date changes nothing, later nights do not stop on
# it, and once a person has corrected the value and sent it back it is reviewed again.
# A CJK Ext-B name prints with the HanaMin fallback fonts.
source "$(dirname "$0")/lib.sh"
set -e
DATE=2026-03-16

# ---- import: names ---------------------------------------------------------------------
python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
rows = ['@subject,id,name,uscc,kind,legal-rep,contact-name',
        '@case,number,type,procedure,applicant,applied,owner,name,data-class,grade,source,records,bytes',
        '@right,case,kind,holder,restrictions',
        'subject,H1,广州市\u202e越秀医院,1244010445512873XA,public_hospital,张三\u2066,李四',
        'subject,H2,深圳市\u200d南山医院,91440300MA5H2Q7T5B,company,王\ufeff五,赵\u200b六',
        'subject,H3,珠海\t横琴医院,52440700MJ9K7701X4,public_hospital,,\u0085钱七',
        'case,HZ-2026-0009,first,simplified,H1,2026-02-10,H1,门诊\u2060数据,health_status,2,院内\u200e系统,10,100',
        'case,HZ-2026-0010,first,simplified,H1,2026-02-10,H1,' + '长' * 201 + ',health_status,2,院内,10,100',
        'right,HZ-2026-0010,holding,H1,仅限\u202a科研',
        'case,HZ-2026-0011,first,simplified,H1,2026-02-10,H1,' + '长' * 200 + ',health_status,2,院内,10,100']
open(t + '/names.csv', 'w', encoding='utf-8').write('\n'.join(rows) + '\n')
open(t + '/names.xml', 'w', encoding='utf-8').write('''<?xml version="1.0" encoding="UTF-8"?>
<hdreg-cases version="1">
  <subject id="H1">
    <name>广州市\u2067堃喆医院</name>
    <uscc>1244010445512873XA</uscc>
    <kind>public_hospital</kind>
    <address>广州市\u202e越秀区</address>
  </subject>
</hdreg-cases>
''')
PY
run "$HDREG" import --db "$T/i.db" --create "$T/names.csv"
expect_eq "$rc" 3 "import of names that cannot be printed: exit"
expect_eq "$(err)" "$T/names.csv:4:12: name: bidi control U+202E (RIGHT-TO-LEFT OVERRIDE) at character 4: not allowed in a name
$T/names.csv:4:56: legal-rep: bidi control U+2066 (LEFT-TO-RIGHT ISOLATE) at character 3: not allowed in a name
$T/names.csv:5:12: name: invisible format character U+200D (ZERO WIDTH JOINER) at character 4: not allowed in a name
$T/names.csv:5:48: legal-rep: invisible format character U+FEFF (ZERO WIDTH NO-BREAK SPACE) at character 2: not allowed in a name
$T/names.csv:5:52: contact-name: invisible format character U+200B (ZERO WIDTH SPACE) at character 2: not allowed in a name
$T/names.csv:6:12: name: control character U+0009 at character 3: not allowed in a name
$T/names.csv:6:56: contact-name: control character U+0085 at character 1
$T/names.csv:7:53: name: invisible format character U+2060 (WORD JOINER) at character 3: not allowed in a name
$T/names.csv:7:75: source: bidi control U+200E (LEFT-TO-RIGHT MARK) at character 3: not allowed in a name
$T/names.csv:8:53: name: 201 characters, at most 200 (a name must fit in its place on the documents that print it)
$T/names.csv:9:31: restrictions: bidi control U+202A (LEFT-TO-RIGHT EMBEDDING) at character 3
hdreg: import: $T/names.csv: 11 problems, nothing imported" "import of names that cannot be printed: problems"
[ ! -e "$T/i.db" ] || fail "a refused --create import left a register"
PASSED=$((PASSED + 1))
run "$HDREG" import --db "$T/i.db" --create "$T/names.xml"
expect_eq "$rc $(err)" "3 $T/names.xml:4: name: bidi control U+2067 (RIGHT-TO-LEFT ISOLATE) at character 4: not allowed in a name
$T/names.xml:7: address: bidi control U+202E (RIGHT-TO-LEFT OVERRIDE) at character 4
hdreg: import: $T/names.xml: 2 problems, nothing imported" "XML: a bidi isolate in a name, an override in an address"
# The same names written plainly are imported; 200 characters is not too long.
python3 - "$T" <<'PY'
import re, sys
t = sys.argv[1]
s = open(t + '/names.csv', encoding='utf-8').read()
s = re.sub('[\u202e\u2066\u200d\ufeff\u200b\t\u0085\u2060\u200e\u202a]', '', s).replace('长' * 201, '长' * 199)
open(t + '/plain.csv', 'w', encoding='utf-8').write(s)
PY
run "$HDREG" import --db "$T/i.db" --create "$T/plain.csv"
expect_eq "$rc $(err)" "0 " "the same names without the invisible characters"
expect_eq "$(sql "$T/i.db" "SELECT max(length(name)) FROM resources")" 200 "a 200-character name"

# ---- the night: a register with names a legacy system wrote straight into SQLite -------
"$HDREG" demo-db --db "$T/plain.db" >/dev/null
"$HDREG" demo-db --db "$T/r.db" >/dev/null
# Submitted cases, each with an applicant of its own: SQ-2026-0019 (subject 16) a name of
# 5002 characters, -0020 (17) a right-to-left override, -0021 (18) a zero width joiner,
# -0022 (19) CJK Ext-H U+31350 that no font has, -0023 (20) 𪚥 U+2A6A5 (HanaMinA has it);
# SQ-2026-0024's data source a left-to-right isolate. Written with sqlite3 and adopted onto
# the chain as the authority would once the change is explained (the night refuses a
# register changed past hdreg, see tests/e2e/ledger.sh).
sql_adopt "$T/r.db" "$(cat <<'SQL'
UPDATE subjects SET name = '韶关' || replace(hex(zeroblob(2499)), '00', '丹霞') || '公司' WHERE id = 16;
UPDATE subjects SET name = '清远市' || char(0x202E) || '北江数据服务有限公司' WHERE id = 17;
UPDATE subjects SET name = '茂名市南方' || char(0x200D) || '医疗信息有限公司' WHERE id = 18;
UPDATE subjects SET name = '河源市万绿湖' || char(0x31350) || '健康科技有限公司' WHERE id = 19;
UPDATE subjects SET name = '阳江市' || char(0x2A6A5) || '漠阳江医院' WHERE id = 20;
UPDATE resources SET source = '院内' || char(0x2066) || '满意度调查' WHERE id = (SELECT resource_id FROM cases WHERE number = 'SQ-2026-0024');
SQL
)"
run "$HDREG" run --db "$T/plain.db" --date $DATE --out "$T/po"
prc=$rc
run "$HDREG" run --db "$T/r.db" --date $DATE --out "$T/o"
expect_eq "$rc $prc" "1 1" "exit: 1 as for the unchanged register (its SQ-2026-0016 fails), not a crash"
HELD="hdreg: case SQ-2026-0019: held, its review opinion cannot be printed: field '申请主体': 5002 characters, at most 200 fit in its place
hdreg: case SQ-2026-0020: held, its review opinion cannot be printed: field '申请主体': character U+202E (RIGHT-TO-LEFT OVERRIDE, a bidi control) at character 4 cannot be printed
hdreg: case SQ-2026-0021: held, its review opinion cannot be printed: field '申请主体': character U+200D (ZERO WIDTH JOINER, an invisible format character) at character 6 cannot be printed
hdreg: case SQ-2026-0022: held, its review opinion cannot be printed: field '申请主体': character U+31350 ($(printf '\xf0\xb1\x8d\x90')) at character 7 cannot be printed by any configured font
hdreg: case SQ-2026-0024: held, its review opinion cannot be printed: field '数据来源': character U+2066 (LEFT-TO-RIGHT ISOLATE, a bidi control) at character 3 cannot be printed"
expect_eq "$(err)" "$HELD
hdreg: case SQ-2026-0016: field '统一社会信用代码': holder '江门市侨乡康复医院' code '５２４４０７00MJ9K7701X4': full-width character at position 1; use half-width digits and capital letters" "stderr: each held case with its field"
expect_eq "$(out | sed -n 3,4p)" "reviewed 25 cases with check pack $(out | sed -n 3p | sed -E 's/.*check pack ([0-9a-f]+).*/\1/'): 9 approve, 5 rectify, 1 hold, 10 reject
held 5 cases for a person: the review opinion cannot be printed (see stderr)" "summary"
# The run report: the count and each problem.
expect_eq "$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print(r["held_unprintable"])
for p in r["problems"]: print(p["case"] + ": " + p["message"])' "$T/o/run-$DATE.json")" "5
$(echo "$HELD" | sed 's/^hdreg: case //')
SQ-2026-0016: field '统一社会信用代码': holder '江门市侨乡康复医院' code '５２４４０７00MJ9K7701X4': full-width character at position 1; use half-width digits and capital letters" "run report JSON"
# Decided, recorded and held: one decision each, the hold as an event, no opinion.
HELDCASES="'SQ-2026-0019','SQ-2026-0020','SQ-2026-0021','SQ-2026-0022','SQ-2026-0024'"
expect_eq "$(sql "$T/r.db" "SELECT c.number, c.status, (SELECT count(*) FROM decisions d WHERE d.case_id = c.id AND d.as_of = '$DATE'), (SELECT count(*) FROM findings f WHERE f.case_id = c.id) > 0, e.actor, e.reason, (SELECT count(*) FROM documents x WHERE x.case_id = c.id) FROM cases c JOIN case_events e ON e.case_id = c.id WHERE c.number IN ($HELDCASES) ORDER BY c.number")" \
"SQ-2026-0019|held|1|1|hdreg run|审核意见书无法打印，需人工处理|0
SQ-2026-0020|held|1|1|hdreg run|审核意见书无法打印，需人工处理|0
SQ-2026-0021|held|1|1|hdreg run|审核意见书无法打印，需人工处理|0
SQ-2026-0022|held|1|1|hdreg run|审核意见书无法打印，需人工处理|0
SQ-2026-0024|held|1|1|hdreg run|审核意见书无法打印，需人工处理|0" "held cases: decided, recorded, no document"
expect_eq "$(ls "$T/o/opinions" | grep -c 'SQ-2026-00\(19\|2[0124]\)-')" 0 "no opinion file for a held case"
# Every other case exactly as in the night of the unchanged register.
OTHERS="SELECT number, status, (SELECT group_concat(reason) FROM case_events e WHERE e.case_id = c.id) FROM cases c WHERE number NOT IN ($HELDCASES) ORDER BY number"
expect_eq "$(sql "$T/r.db" "$OTHERS")" "$(sql "$T/plain.db" "$OTHERS")" "the other cases are unaffected"
expect_eq "$(ls "$T/o/certificates")" "$DEMO_CERTIFICATES" "certificates issued as every night"
# 𪚥 (CJK Ext-B) in SQ-2026-0023's applicant: printed with HanaMinA, extracted back.
OP="$T/o/opinions/SQ-2026-0023-$DATE.pdf"
expect_eq "$(pdffonts "$OP" 2>&1 | awk 'NR > 2 {sub(/^[A-Z]+\+/, "", $1); NF -= 2; print}')" "NotoSerifCJKSC CID Type 0C Identity-H yes yes yes
NotoSerifCJKSC-Bold CID Type 0C Identity-H yes yes yes
HanaMinA CID TrueType Identity-H yes yes yes" "Ext-B: the HanaMinA subset embedded beside the Song faces"
pdftotext "$OP" "$T/op.txt" 2>"$T/poppler"
expect_eq "$(cat "$T/poppler")$(grep -o '阳江市.漠阳江医院' "$T/op.txt")" "阳江市$(printf '\xf0\xaa\x9a\xa5')漠阳江医院
阳江市$(printf '\xf0\xaa\x9a\xa5')漠阳江医院" "Ext-B: the name extracted back (addressee and table), poppler silent"

# ---- the same date again: nothing changes ------------------------------------------------
state() { sqlite3 "$T/r.db" "SELECT * FROM cases; SELECT * FROM case_events; SELECT * FROM decisions; SELECT * FROM findings; SELECT * FROM documents;" | sha256sum; }
before=$(state)
run "$HDREG" run --db "$T/r.db" --date $DATE --out "$T/o"
expect_eq "$rc $(out | sed -n 2p)" "1 reviewed 0 cases with check pack $(out | sed -n 2p | sed -E 's/.*check pack ([0-9a-f]+).*/\1/'): 0 approve, 0 rectify, 0 hold, 0 reject" "rerun: nothing to review"
expect_eq "$(state)" "$before" "rerun of the date: the register unchanged"
# The next night does not review a held case again, and does not stop on it.
run "$HDREG" run --db "$T/r.db" --date 2026-03-17 --out "$T/o"
expect_eq "$rc $(err | grep -c 'held, its review opinion')" "1 0" "next night: the held cases wait for a person"
expect_eq "$(sql "$T/r.db" "SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.number IN ($HELDCASES) AND e.at > '$DATE'")" 0 "next night: no event for a held case"

# ---- a person corrects the name and sends the case back: reviewed, with its opinion ------
# (by hand, in sqlite3, and adopted: hdreg has no command to edit a subject)
sql_adopt "$T/r.db" "UPDATE subjects SET name = '清远市北江数据服务有限公司' WHERE id = 17"
run "$HDREG" case move --db "$T/r.db" --case SQ-2026-0020 --to submitted --date 2026-03-17 --actor 审核员 --reason 申请主体名称已更正
expect_eq "$rc" 0 "held -> submitted by a person"
run "$HDREG" run --db "$T/r.db" --date 2026-03-18 --out "$T/o"
expect_eq "$(sql "$T/r.db" "SELECT status FROM cases WHERE number = 'SQ-2026-0020'") $(ls "$T/o/opinions" | grep -c '^SQ-2026-0020-2026-03-18.pdf$')" "rejected 1" "reviewed again, opinion written"
pdftotext "$T/o/opinions/SQ-2026-0020-2026-03-18.pdf" - | grep -q '清远市北江数据服务有限公司' || fail "the corrected name in the opinion"
PASSED=$((PASSED + 1))
done_ok
