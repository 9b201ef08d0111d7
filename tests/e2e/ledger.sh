# The register as evidence (clause 5.3.2, issue 13). Every row of the covered tables is
# an entry of the chain; `hdreg ledger verify` recomputes every entry's hash and every
# row's entry in C and names every change made past hdreg: per covered table an edit (what
# changed, the entry that recorded the row), a deletion and an insertion; entries swapped,
# edited, deleted; two rows' contents swapped; the hash function defined by another
# program; the signed heads deleted, the chain truncated, restored from a backup or
# rewritten consistently: then the signed checkpoints published outside the database
# (C2SP tlog-checkpoint) say so. The night refuses a register changed past hdreg and writes
# nothing; `ledger adopt` accepts an explained change onto the chain (but cannot make a
# rewritten chain extend the checkpoints). Inclusion and consistency proofs, checked by the
# independent verifier docs/hdreg-verify.py: a middle, the first and the last entry of a
# checkpoint, a tree of one entry; a different PDF, a changed root, a missing proof fail.
source "$(dirname "$0")/lib.sh"
set -e
K=$T/keys OUT=$T/out
CP=$OUT/checkpoints.txt
VERIFY=docs/hdreg-verify.py
"$HDREG" keygen --keys "$K" --name 广东省健康医疗数据产权登记中心 >/dev/null
"$HDREG" demo-db --db "$T/d.db" >/dev/null
run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --keys "$K" --out "$OUT"
expect_eq "$rc $(out | tail -1)" "1 checkpoint published: 1852 entries, tree head $(sed -n 3p "$CP"), in $CP" "the demo night (SQ-2026-0016 refused) publishes its checkpoint"
cp "$T/d.db" "$T/night1.db" # the register as the first night left it (a backup)
run "$HDREG" run --db "$T/d.db" --date 2026-04-16 --keys "$K" --out "$OUT"
expect_eq "$rc $(out | head -1)" "1 hdreg run 2026-04-16: 9 certificates issued, 0 verified, 0 restored, 1 held by objection, 2 failed" "the second night: the certificates of the notice"
# root FILE N: the root line of the N-th note in a checkpoints file
root() { awk -v n="$2" '$0 == "hdreg.example/guangdong" { getline; getline; if (++i == n) print }' "$1"; }
lasthash() { sql "$1" "SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1"; }

# ---- intact ---------------------------------------------------------------------------
run "$HDREG" ledger verify --db "$T/d.db" --keys "$K" --checkpoints "$CP"
expect_eq "$rc $(out)$(err)" "0 ledger intact: 2016 entries, 1921 rows, head $(lasthash "$T/d.db"), tree head $(treehead "$T/d.db" "$K"); extends 2 checkpoints (last 2026-04-16, 2015 entries); 2 signed heads verified" "intact after two signed nights"
expect_eq "$(sed -E 's/^(— hdreg.example\/guangdong ).*/\1SIG/' "$CP" | sed "s|$(root "$CP" 1)|ROOT1|; s|$(root "$CP" 2)|ROOT2|")" "hdreg.example/guangdong
1852
ROOT1
date 2026-03-16

— hdreg.example/guangdong SIG

hdreg.example/guangdong
2015
ROOT2
date 2026-04-16

— hdreg.example/guangdong SIG" "the checkpoints file: a signed note a night"
# Recomputed independently: every link and hash of the chain (tests/tools/rechain.py on a
# copy rewrites nothing), and the checkpoints (tests/tools/checkpoint.py: its own RFC 6962
# tree hash, signed with openssl) byte for byte.
cp "$T/d.db" "$T/copy.db"
expect_eq "$(python3 tests/tools/rechain.py "$T/copy.db")" 0 "every hash recomputed by python"
expect_eq "$(python3 tests/tools/checkpoint.py "$T/d.db" 1852 2026-03-16 "$K"; python3 tests/tools/checkpoint.py "$T/d.db" 2015 2026-04-16 "$K")" "$(cat "$CP")" "the checkpoints recomputed by python"
# One case's entries: its rows (application, findings, decision, notice, certificate) and
# its documents (with its acceptance letter) and events in their own words.
run "$HDREG" ledger show --db "$T/d.db" --case SQ-2026-0021
expect_eq "$rc $(out | awk '{print $3}' | LC_ALL=C sort | uniq -c | awk '{printf "%s:%s ", $2, $1}')" "0 2026-03-16:4 2026-04-16:2 case_rights:3 cases:4 certificates:2 decisions:1 findings:27 materials:4 notice_cases:1 " "show one case: its entries"
expect_eq "$(out | grep '  SQ-2026-0021  ' | sed -E 's/^ +//; s/  [0-9a-f]{12}  /  H  /; s/sha256 [0-9a-f]{16}…/sha256 …/' | sed "s|$T|T|")" "940  H  2026-03-16  SQ-2026-0021  review_opinion  T/out/opinions/SQ-2026-0021-2026-03-16.pdf  sha256 …
941  H  2026-03-16  SQ-2026-0021  acceptance  T/out/letters/SQ-2026-0021-acceptance-2026-03-16.pdf  sha256 …
942  H  2026-03-16  SQ-2026-0021  submitted -> approved  hdreg run：审核通过
1677  H  2026-03-16  SQ-2026-0021  approved -> notice  hdreg run：公示
1988  H  2026-04-16  SQ-2026-0021  certificate  T/out/certificates/202604440000000177.pdf  sha256 …
1991  H  2026-04-16  SQ-2026-0021  notice -> certified  hdreg run：公示期满无异议，发证" "show one case: documents and events"
# Nothing in the schema calls an SQL function of hdreg's (another program could define it).
expect_eq "$(sql "$T/d.db" "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%hd_sha256%'")" 0 "no trigger calls hd_sha256"

# ---- a tamper test per covered table ------------------------------------------------------
# The covered tables, as src/store/rowlog.c lists them; four have no row after the nights
# and are tested by an insertion only.
TABLES="settings counters holidays holiday_years transitions revisions subjects subject_records
resources cases case_rights materials objections waivers findings decisions certificates
certificate_fields notices notice_cases case_events onsite_questions documents imports
privacy_products privacy_third_parties waiver_revocations letters certificate_print
certificate_expiries supervisions supervision_actions"
expect_eq "$(sed -n '/HD_ROWLOG_TABLES\[\] = {/,/};/p' src/store/rowlog.c | grep -o '"[a-z_]*"' | tr -d '"' | tr '\n' ' ')" "$(echo $TABLES) " "the covered tables"
expect_eq "$(for t in $TABLES; do [ "$(sql "$T/d.db" "SELECT count(*) FROM $t")" != 0 ] || echo $t; done | tr '\n' ' ')" "waivers onsite_questions imports waiver_revocations letters certificate_expiries supervisions supervision_actions " "covered tables without rows"

# tamper NAME SQL PROBLEM...: on a copy of the register, with every protective trigger of
# the tables dropped (whoever has the file can), SQL applied: verify exits 3 and names
# exactly these problems, in this order.
tamper() {
  local name=$1 sql=$2 drops
  shift 2
  cp "$T/d.db" "$T/x.db"
  drops=$(sql "$T/x.db" "SELECT group_concat('DROP TRIGGER ' || name || ';', ' ') FROM sqlite_master WHERE type = 'trigger' AND tbl_name NOT IN ('ledger', 'ledger_heads')")
  hidden "$T/x.db" "$drops $sql" || fail "$name: the SQL failed"
  run "$HDREG" ledger verify --db "$T/x.db"
  expect_eq "$rc $(out)$(err)" "3 $(printf 'hdreg: ledger verify: %s\n' "$@")" "$name"
}
# entry_of TABLE KEY [DB]: the entry that last recorded the row (KEY as the chain writes
# it) in DB (the register): by ref_id for a table keyed by its rowid, else by the start of
# the payload.
entry_of() {
  case $2 in
    [0-9]*) sql "${3:-$T/d.db}" "SELECT max(seq) FROM ledger WHERE tbl = '$1' AND ref_id = $2" ;;
    *) sql "${3:-$T/d.db}" "SELECT max(seq) FROM ledger WHERE tbl = '$1' AND substr(payload, 1, length('[\"row\",\"$1\",$2,')) = '[\"row\",\"$1\",$2,'" ;;
  esac
}
# row TABLE KEY WHERE DESC SET CHANGE: the row WHERE selects, named "TABLE KEY DESC", is
# edited with SET (verify says CHANGE), then deleted.
row() {
  local n
  n=$(entry_of "$1" "$2")
  tamper "edit $1" "UPDATE $1 SET $5 WHERE $3" "$1 $2$4 was changed outside hdreg after entry $n recorded it: $6"
  tamper "delete $1" "DELETE FROM $1 WHERE $3" "$1 $2$4 was deleted outside hdreg: entry $n recorded it"
  EDITED="$EDITED $1"
}
# insert TABLE SQL KEY DESC: SQL inserts the row named "TABLE KEY DESC".
insert() {
  tamper "insert $1" "$2" "$1 $3$4 is not on the chain: it was inserted outside hdreg"
  INSERTED="$INSERTED $1"
}
EDITED="holiday_years notice_cases" INSERTED= # (the first two: by hand below)
# copy TABLE ID [SET]: SQL inserting a copy of row ID (SET applied) under the next id.
copy() { echo "CREATE TEMP TABLE c AS SELECT * FROM $1 WHERE id = $2; UPDATE c SET id = (SELECT max(id) + 1 FROM $1)${3:+, $3}; INSERT INTO $1 SELECT * FROM c;"; }
REV=$(sql "$T/d.db" "SELECT revision FROM revisions WHERE kind = 'checks'")
ZERO=$(printf '%064d' 0)

row settings '"authority_name"' "key = 'authority_name'" "" "value = '某某中心'" 'value "广东省健康医疗数据产权登记中心" → "某某中心"'
# A counter set back: the hint says what it would do.
row counters '"certificate_serial"' "name = 'certificate_serial'" "" "value = 5" 'value 23 → 5 (a counter set back: hdreg would give out numbers already given)'
row holidays '"2026-04-06"' "date = '2026-04-06'" "" "off = 0" 'off 1 → 0'
# holiday_years and notice_cases are all key: an edit is a row gone and another come.
tamper "edit holiday_years" "UPDATE holiday_years SET year = 2027 WHERE year = 2026" \
  "holiday_years 2027 is not on the chain: it was inserted outside hdreg" \
  "holiday_years 2026 was deleted outside hdreg: entry $(entry_of holiday_years 2026) recorded it"
tamper "delete holiday_years" "DELETE FROM holiday_years WHERE year = 2026" \
  "holiday_years 2026 was deleted outside hdreg: entry $(entry_of holiday_years 2026) recorded it"
row transitions '["simplified","held","approved","person"]' "flow = 'simplified' AND from_status = 'held' AND to_status = 'approved'" "" "clause = '6.9'" 'clause "6.2.2 b" → "6.9"'
row revisions 1 "id = 1" "" "revision = '0000000000000000'" "revision \"$REV\" → \"0000000000000000\""
row subjects 16 "id = 16" "" "name = '某某医院'" 'name "韶关市丹霞医药科技有限公司" → "某某医院"'
# A serious-dishonesty record (check 7.1 b) lifted.
row subject_records 1 "id = 1" "" "lifted_date = '2025-01-01'" 'lifted_date null → "2025-01-01"'
row resources 1 "id = 1" "" "grade = 1" 'grade 3 → 1'
row cases 19 "id = 19" " (SQ-2026-0019)" "status = 'approved'" 'status "rejected" → "approved"'
row case_rights 2 "id = 2" " (case SQ-2025-0001)" "restrictions = NULL" 'restrictions "仅限科研用途，不得对外提供" → null'
row materials 1 "id = 1" " (case SQ-2025-0001)" "present = 0" 'present 1 → 0'
row objections 2 "id = 2" " (case SQ-2026-0018)" "status = 'dismissed', resolved_date = '2026-03-01'" 'status "open" → "dismissed", resolved_date null → "2026-03-01"'
# A finding's outcome, a decision's check-pack revision.
row findings 14 "id = 14" " (case SQ-2026-0019)" "outcome = 'pass'" 'outcome "fail" → "pass"'
row decisions 1 "id = 1" " (case SQ-2026-0019)" "pack_revision = '0000000000000000'" "pack_revision \"$REV\" → \"0000000000000000\""
# A cancelled certificate made current; another's validity; a frozen 5.2.1 field.
row certificates 5 "id = 5" " (20251244000000005X)" "status = 'issued'" 'status "cancelled" → "issued"'
tamper "edit certificates: valid_until" "UPDATE certificates SET valid_until = '2099-03-16' WHERE id = 6" \
  "certificates 6 (20260344000000006X) was changed outside hdreg after entry $(entry_of certificates 6) recorded it: valid_until \"2029-03-16\" → \"2099-03-16\""
row certificate_fields '[6,2]' "certificate_id = 6 AND position = 2" " (certificate 20260344000000006X)" "value = '某某医院'" 'value "𠮷祥健康管理（深圳）有限公司" → "某某医院"'
# The supervising department printed on a certificate (5.2.2 a), frozen with it (schema 10).
row certificate_print 6 "certificate_id = 6" " (certificate 20260344000000006X)" "supervisor = '某某局'" 'supervisor "广东省政务服务和数据管理局" → "某某局"'
row notices 15 "id = 15" " (GS-20260316)" "end_date = '2026-03-17'" 'end_date "2026-03-30" → "2026-03-17"'
tamper "edit notice_cases" "UPDATE notice_cases SET case_id = 19 WHERE notice_id = 1 AND case_id = 1" \
  "notice_cases [1,19] (case SQ-2026-0019) is not on the chain: it was inserted outside hdreg" \
  "notice_cases [1,1] (case SQ-2025-0001) was deleted outside hdreg: entry $(entry_of notice_cases '[1,1]') recorded it"
tamper "delete notice_cases" "DELETE FROM notice_cases WHERE notice_id = 1 AND case_id = 1" \
  "notice_cases [1,1] (case SQ-2025-0001) was deleted outside hdreg: entry $(entry_of notice_cases '[1,1]') recorded it"
row case_events 5 "id = 5" " (case SQ-2026-0023)" "reason = '改写'" 'reason "不予登记" → "改写"'
row documents 3 "id = 3" " (case SQ-2026-0019)" "sha256 = '$ZERO'" "sha256 \"$(sql "$T/d.db" "SELECT sha256 FROM documents WHERE id = 3")\" → \"$ZERO\""
row privacy_products 1 "id = 1" "" "response_days = 30" 'response_days 15 → 30'
row privacy_third_parties 1 "id = 1" "" "name = '某公司'" 'name "广东某支付科技有限公司" → "某公司"'

insert settings "INSERT INTO settings VALUES ('extra', 'x')" '"extra"' ""
insert counters "INSERT INTO counters VALUES ('notice_serial', 1)" '"notice_serial"' ""
insert holidays "INSERT INTO holidays VALUES ('2026-12-25', 1, '圣诞节')" '"2026-12-25"' ""
insert holiday_years "INSERT INTO holiday_years VALUES (2027)" 2027 ""
# A transition that would let a rejected case be approved (see the night below).
insert transitions "INSERT INTO transitions VALUES ('simplified', 'rejected', 'approved', 'person', '6.2.2 b', '复核通过')" '["simplified","rejected","approved","person"]' ""
insert revisions "INSERT INTO revisions VALUES (3, 'checks', '0000000000000000', '2026-04-16')" 3 ""
insert subjects "$(copy subjects 16 "name = '某某医院'")" 28 ""
insert subject_records "$(copy subject_records 1)" 5 ""
insert resources "$(copy resources 1)" 50 ""
insert cases "$(copy cases 19 "number = 'SQ-2026-0999'")" 50 " (SQ-2026-0999)"
insert case_rights "$(copy case_rights 2 "holder_id = 2")" 137 " (case SQ-2025-0001)"
insert materials "$(copy materials 1)" 319 " (case SQ-2025-0001)"
insert objections "$(copy objections 2)" 3 " (case SQ-2026-0018)"
# A waiver of the credit check for a case it rejected.
insert waivers "INSERT INTO waivers VALUES (1, 19, '7.1b-credit', '已核实', '审核员', '2026-03-15', '2027-03-15')" 1 " (case SQ-2026-0019)"
insert findings "$(copy findings 14 "outcome = 'pass'")" 676 " (case SQ-2026-0019)"
insert decisions "$(copy decisions 1 "decision = 'approve', as_of = '2026-03-17'")" 26 " (case SQ-2026-0019)"
insert certificates "$(copy certificates 6 "number = '20260344000000099X', case_id = 19")" 24 " (20260344000000099X)"
insert certificate_fields "INSERT INTO certificate_fields VALUES (24, 1, '证书编号', '20260344000000099X')" '[24,1]' "$(n=$(sql "$T/d.db" "SELECT number FROM certificates WHERE id = 24"); [ -n "$n" ] && echo " (certificate $n)")"
insert certificate_print "INSERT INTO certificate_print VALUES (24, '首次登记', NULL, '某某局', NULL)" 24 "$(n=$(sql "$T/d.db" "SELECT number FROM certificates WHERE id = 24"); [ -n "$n" ] && echo " (certificate $n)")"
insert notices "$(copy notices 1 "number = 'GS-20990101'")" 16 " (GS-20990101)"
insert notice_cases "INSERT INTO notice_cases VALUES (1, 19)" '[1,19]' " (case SQ-2026-0019)"
insert case_events "$(copy case_events 5)" 54 " (case SQ-2026-0023)"
insert onsite_questions "INSERT INTO onsite_questions VALUES (1, 22, '2026-03-17', '数据存放在哪里？', NULL, NULL)" 1 " (case SQ-2026-0022)"
insert documents "$(copy documents 3 "path = '/x.pdf'")" $(($(sql "$T/d.db" "SELECT max(id) FROM documents") + 1)) " (case SQ-2026-0019)"
insert imports "INSERT INTO imports VALUES (1, '2026-03-22', 'x.csv', '$ZERO', 'csv', 'UTF-8', 1, 0, 0, 0, 0)" 1 ""
insert privacy_products "$(copy privacy_products 1)" 4 ""
insert privacy_third_parties "$(copy privacy_third_parties 1)" 5 ""
insert waiver_revocations "INSERT INTO waiver_revocations VALUES (1, 1, '2026-03-18', '审核员', '已核实')" 1 ""
insert letters "INSERT INTO letters VALUES (1, 22, 'onsite_record', '2026-03-17', NULL, NULL, NULL, NULL)" 1 " (case SQ-2026-0022)"
# A certificate recorded as expired (v13) that no night recorded.
insert certificate_expiries "INSERT INTO certificate_expiries VALUES (6, '2026-03-17', '2026-03-17')" 6 " (certificate $(sql "$T/d.db" "SELECT number FROM certificates WHERE id = 6"))"
# A suspected violation (v14, 5.3.1) and a measure no one recorded (e2e/supervise edits and
# deletes recorded ones).
insert supervisions "INSERT INTO supervisions VALUES (1, 'JD-2026-0001', 16, NULL, 'privacy', '事实', '来源', '2026-03-17', '监督科')" 1 " (JD-2026-0001)"
tamper "insert supervision_actions" "INSERT INTO supervisions VALUES (1, 'JD-2026-0001', 16, NULL, 'privacy', '事实', '来源', '2026-03-17', '监督科'); INSERT INTO supervision_actions VALUES (1, 1, 'close', '2026-03-18', '无违法事实', NULL, NULL, NULL, '监督科')" \
  "supervisions 1 (JD-2026-0001) is not on the chain: it was inserted outside hdreg" \
  "supervision_actions 1 is not on the chain: it was inserted outside hdreg"
INSERTED="$INSERTED supervision_actions"
lines() { echo $* | tr ' ' '\n' | LC_ALL=C sort | tr '\n' ' '; }
expect_eq "$(lines $EDITED)" "$(lines $(echo $TABLES | tr ' ' '\n' | grep -vx -e waivers -e onsite_questions -e imports -e waiver_revocations -e letters -e certificate_expiries -e supervisions -e supervision_actions))" "an edit and a deletion for every covered table with rows"
expect_eq "$(lines $INSERTED)" "$(lines $TABLES)" "an insertion for every covered table"

# ---- the chain itself: entries swapped, edited, deleted; two rows' contents swapped ------
tamper "two entries swapped" "DROP TRIGGER ledger_no_update; UPDATE ledger SET seq = -7 WHERE seq = 7; UPDATE ledger SET seq = 7 WHERE seq = 8; UPDATE ledger SET seq = 8 WHERE seq = -7" \
  "ledger entry 7: its hash does not match its content and the entry before it (an entry was changed, inserted or moved there)"
n=$(entry_of case_events 5)
tamper "an entry's payload edited" "DROP TRIGGER ledger_no_update; UPDATE ledger SET payload = replace(payload, '不予登记', '改写') WHERE seq = $n" \
  "ledger entry $n: its hash does not match its content and the entry before it (an entry was changed, inserted or moved there)"
tamper "an entry's hash edited" "DROP TRIGGER ledger_no_update; UPDATE ledger SET hash = '$ZERO' WHERE seq = 20" \
  "ledger entry 20: its hash does not match its content and the entry before it (an entry was changed, inserted or moved there)"
tamper "an entry deleted" "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE seq = 10" "ledger entry 10 is missing (deleted)"
tamper "entries deleted" "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE seq BETWEEN 10 AND 12" "ledger entries 10 to 12 are missing (deleted)"
tamper "an entry appended" "INSERT INTO ledger(seq, kind, tbl, ref_id, payload, hash) VALUES (2017, 'row', 'settings', 0, '[\"row\",\"settings\",\"extra\",[\"extra\",\"x\"]]', '$ZERO'); INSERT INTO settings VALUES ('extra', 'x')" \
  "ledger entry 2017: its hash does not match its content and the entry before it (an entry was changed, inserted or moved there)"
# Two documents of SQ-2026-0019 (its review opinion and its acceptance letter) swapped in
# the register: two edits.
d() { sql "$T/d.db" "SELECT $1 FROM documents WHERE id = $2"; }
tamper "two rows' contents swapped" "CREATE TEMP TABLE s AS SELECT id, sha256, bytes FROM documents WHERE id IN (1, 2); UPDATE documents SET (sha256, bytes) = (SELECT sha256, bytes FROM s WHERE s.id = 3 - documents.id) WHERE id IN (1, 2)" \
  "documents 1 (case SQ-2026-0019) was changed outside hdreg after entry $(entry_of documents 1) recorded it: sha256 \"$(d sha256 1)\" → \"$(d sha256 2)\", bytes $(d bytes 1) → $(d bytes 2)" \
  "documents 2 (case SQ-2026-0019) was changed outside hdreg after entry $(entry_of documents 2) recorded it: sha256 \"$(d sha256 2)\" → \"$(d sha256 1)\", bytes $(d bytes 2) → $(d bytes 1)"

# ---- the hash function defined by another program ------------------------------------------
# Python's sqlite3 defines hd_sha256, as the old (schema 6) triggers needed, and writes an
# event "through the normal triggers" (a legal one: case_events_legal and
# cases_status_by_event hold), the case's new status and a document: all named.
cp "$T/d.db" "$T/py.db"
python3 - "$T/py.db" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.create_function("hd_sha256", 1, lambda s: hashlib.sha256(s.encode()).hexdigest())
db.execute("INSERT INTO case_events(case_id, at, from_status, to_status, actor, reason) "
           "SELECT id, '2026-04-17', 'held', 'approved', '审核员', '人工审核通过' FROM cases WHERE number = 'SQ-2026-0022'")
db.execute("UPDATE cases SET status = 'approved' WHERE number = 'SQ-2026-0022'")
db.execute("INSERT INTO documents(kind, path, sha256, bytes, created_date) "
           "VALUES ('notice', '/x.pdf', hd_sha256('x'), 5, '2026-04-17')")
db.commit()
PY
run "$HDREG" ledger verify --db "$T/py.db"
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: cases 22 (SQ-2026-0022) was changed outside hdreg after entry $(entry_of cases 22) recorded it: status \"held\" → \"approved\"
hdreg: ledger verify: case_events 54 (case SQ-2026-0022) is not on the chain: it was inserted outside hdreg
hdreg: ledger verify: documents 81 is not on the chain: it was inserted outside hdreg" "rows written by another program with hdreg's hash function"

# ---- heads deleted; the chain truncated, restored from a backup, rewritten ------------------
NOTE2="the checkpoint of 2026-04-16 published ($CP:8): entries were removed"
# The signed heads deleted, then the last six entries: the rows they recorded are named
# (the last counts the checkpoints published);
# with the checkpoints, also that entries were removed.
cp "$T/d.db" "$T/tr.db"
hidden "$T/tr.db" "DROP TRIGGER ledger_heads_no_delete; DELETE FROM ledger_heads; DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE seq > 2010"
TRUNCATED="hdreg: ledger verify: counters \"checkpoints_published\" was changed outside hdreg after entry 1853 recorded it: value 1 → 2
hdreg: ledger verify: cases 35 (SQ-2026-0035) was changed outside hdreg after entry $(entry_of cases 35 "$T/tr.db") recorded it: status \"notice\" → \"certified\", decided_date null → \"2026-04-16\"
hdreg: ledger verify: certificates 23 (20260444000000023U) was changed outside hdreg after entry $(entry_of certificates 23 "$T/tr.db") recorded it: status \"pending\" → \"issued\"
hdreg: ledger verify: case_events 52 (case SQ-2026-0034) is not on the chain: it was inserted outside hdreg
hdreg: ledger verify: case_events 53 (case SQ-2026-0035) is not on the chain: it was inserted outside hdreg
hdreg: ledger verify: documents 80 (case SQ-2026-0035) is not on the chain: it was inserted outside hdreg"
run "$HDREG" ledger verify --db "$T/tr.db" --keys "$K"
expect_eq "$rc $(out)$(err)" "3 $TRUNCATED" "truncated, heads deleted: the rows no longer on the chain"
run "$HDREG" ledger verify --db "$T/tr.db" --keys "$K" --checkpoints "$CP"
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: the register has 2010 entries, fewer than the 2015 $NOTE2
$TRUNCATED" "truncated: the checkpoint says entries were removed"
# Truncated consistently: the backup of the first night put back. Only the checkpoints tell.
run "$HDREG" ledger verify --db "$T/night1.db" --keys "$K"
expect_eq "$rc $(out)$(err)" "0 ledger intact: 1853 entries, 1786 rows, head $(lasthash "$T/night1.db"), tree head $(treehead "$T/night1.db" "$K"); 1 signed head verified" "the backup is intact in itself"
run "$HDREG" ledger verify --db "$T/night1.db" --keys "$K" --checkpoints "$CP"
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: the register has 1853 entries, fewer than the 2015 $NOTE2" "the backup: entries were removed"
# Rewritten consistently by someone without the key (tests/e2e/sign.sh does it with the
# heads in place): the finding of case SQ-2026-0019 made a pass, in its row and in its
# entry, every later hash recomputed, the signed heads deleted. Verify without the
# checkpoints says intact, exit 0: the documented limit.
cp "$T/d.db" "$T/rw.db"
n=$(entry_of findings 14)
hidden "$T/rw.db" "DROP TRIGGER ledger_heads_no_delete; DELETE FROM ledger_heads; DROP TRIGGER ledger_no_update;
  UPDATE findings SET outcome = 'pass' WHERE id = 14; UPDATE ledger SET payload = replace(payload, '\"fail\"', '\"pass\"') WHERE seq = $n"
expect_eq "$(python3 tests/tools/rechain.py "$T/rw.db")" "$((2016 - n + 1))" "the chain rewritten from entry $n"
run "$HDREG" ledger verify --db "$T/rw.db" --keys "$K"
expect_eq "$rc $(out | sed -E 's|tree head [A-Za-z0-9+/]{43}=|tree head B64|')$(err)" "0 ledger intact: 2016 entries, 1921 rows, head $(lasthash "$T/rw.db"), tree head B64; 0 signed heads verified" "rewritten, heads deleted: intact without the checkpoints"
REWRITTEN="the register does not extend the checkpoint of 2026-03-16 ($CP:1): its first 1852 entries are not the ones published: one or more of entries 1 to 1852 were rewritten"
run "$HDREG" ledger verify --db "$T/rw.db" --keys "$K" --checkpoints "$CP"
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: $REWRITTEN" "rewritten: the checkpoint catches it"

# ---- the night refuses a register changed past hdreg ----------------------------------
# The transition that lets a rejected case be approved is inserted. A person's command
# that would use it refuses, as the night does: it names the row, exits 4 and writes
# nothing: no document, no entry, no head, no checkpoint.
cp -a "$OUT" "$T/out-t"
cp "$T/d.db" "$T/t.db"
sqlite3 "$T/t.db" "INSERT INTO transitions VALUES ('simplified', 'rejected', 'approved', 'person', '6.2.2 b', '复核通过')"
run "$HDREG" case move --db "$T/t.db" --case SQ-2026-0019 --to approved --date 2026-04-17 --actor 审核员 --reason 复核通过
expect_eq "$rc $(out)$(err)" "4 hdreg: case move: transitions [\"simplified\",\"rejected\",\"approved\",\"person\"] is not on the chain: it was inserted outside hdreg
hdreg: case move: the register is not as hdreg left it (above; hdreg ledger verify says the same): nothing was done. Restore the database from a backup, or have the change explained (hdreg ledger adopt)" "the rogue transition: a person's move is refused too"
state() { (cd "$T/out-t" && find . -type f ! -name 'run-*' | sort | xargs sha256sum); sql "$1" "SELECT count(*) FROM ledger; SELECT count(*) FROM ledger_heads; SELECT count(*) FROM documents; SELECT count(*) FROM notices"; }
before=$(state "$T/t.db")
cpsum=$(sha256sum <"$T/out-t/checkpoints.txt")
RUN_REFUSED="hdreg: run: the register is not as hdreg left it (above; hdreg ledger verify says the same): nothing was done. Restore the database from a backup, or have the change explained (hdreg ledger adopt)"
run "$HDREG" run --db "$T/t.db" --date 2026-04-17 --keys "$K" --out "$T/out-t"
expect_eq "$rc $(out)$(err)" "4 hdreg: run: transitions [\"simplified\",\"rejected\",\"approved\",\"person\"] is not on the chain: it was inserted outside hdreg
$RUN_REFUSED" "the night refuses a register with a row inserted past hdreg"
expect_eq "$(state "$T/t.db")" "$before" "refused: no document, no entry, no head, no notice"
expect_eq "$(sha256sum <"$T/out-t/checkpoints.txt")" "$cpsum" "refused: the checkpoints file unchanged"
# A chain rewritten consistently: the checkpoint the night checks first.
run "$HDREG" run --db "$T/rw.db" --date 2026-04-17 --keys "$K" --out "$T/out-t"
expect_eq "$rc $(out)$(err)" "4 hdreg: run: $(echo "$REWRITTEN" | sed "s|$CP|$T/out-t/checkpoints.txt|")
$RUN_REFUSED" "the night refuses a rewritten chain"
# A broken chain.
cp "$T/d.db" "$T/sw.db"
hidden "$T/sw.db" "DROP TRIGGER ledger_no_update; UPDATE ledger SET seq = -7 WHERE seq = 7; UPDATE ledger SET seq = 7 WHERE seq = 8; UPDATE ledger SET seq = 8 WHERE seq = -7"
run "$HDREG" run --db "$T/sw.db" --date 2026-04-17 --out "$T/out-t"
expect_eq "$rc $(out)$(err)" "4 hdreg: run: ledger entry 7: its hash does not match its content and the entry before it (an entry was changed, inserted or moved there)
$RUN_REFUSED" "the night refuses a broken chain"
expect_eq "$(state "$T/t.db")$(sha256sum <"$T/out-t/checkpoints.txt")" "$before$cpsum" "refused nights wrote nothing"
# The checkpoints file removed, emptied or cut back to its first note: the night would
# start the published history anew; the register counts what it published.
cp "$T/d.db" "$T/f4.db"
mkdir -p "$T/f4"
f4state() { sql "$T/f4.db" "SELECT count(*) FROM ledger; SELECT count(*) FROM documents"; }
f4before=$(f4state)
for how in removed emptied cut; do
  case $how in
    removed) rm -f "$T/f4/cp.txt"; held="holds 0 checkpoints" ;;
    emptied) : >"$T/f4/cp.txt"; held="holds 0 checkpoints" ;;
    cut) sed -n 1,6p "$CP" >"$T/f4/cp.txt"; held="holds 1 checkpoint" ;;
  esac
  run "$HDREG" run --db "$T/f4.db" --date 2026-04-17 --keys "$K" --out "$T/f4" --checkpoints "$T/f4/cp.txt"
  expect_eq "$rc $(out)$(err)" "4 hdreg: run: '$T/f4/cp.txt' $held, but this register has published 2: the file was removed or cut back; restore it from the published copy (hdreg ledger verify --checkpoints checks it)
$RUN_REFUSED" "the checkpoints file $how: the night refuses"
done
expect_eq "$(f4state)" "$f4before" "the checkpoints file cut back: nothing written"
run "$HDREG" ledger verify --db "$T/f4.db" --keys "$K" --checkpoints "$T/f4/cp.txt"
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: '$T/f4/cp.txt' holds 1 checkpoint, but this register has published 2: the file was removed or cut back; restore it from the published copy (hdreg ledger verify --checkpoints checks it)" "verify: a checkpoints file cut back"
cp "$CP" "$T/f4/cp.txt"
run "$HDREG" run --db "$T/f4.db" --date 2026-04-17 --keys "$K" --out "$T/f4" --checkpoints "$T/f4/cp.txt"
expect_eq "$rc $(out | tail -1 | sed -E 's|tree head [A-Za-z0-9+/]{43}=|tree head B64|')" "1 checkpoint: nothing new since the last one (2015 entries, 2026-04-16), in $T/f4/cp.txt" "the file restored: the night runs (and has nothing new to publish)"
# The same note appended twice (a rerun, a copy concatenated) is one checkpoint published:
# counted once, the night publishes its next one as the third, and the file without the
# repeated note is whole.
cp "$T/d.db" "$T/k.db"
mkdir -p "$T/k"
{ cat "$CP"; sed -n 8,14p "$CP"; } >"$T/k/cp.txt"
expect_eq "$(grep -c '^date ' "$T/k/cp.txt")" 3 "three notes, the last two the same"
run "$HDREG" ledger verify --db "$T/k.db" --keys "$K" --checkpoints "$T/k/cp.txt"
expect_eq "$rc $(out | sed 's/.*; extends/extends/')$(err)" "0 extends 2 checkpoints (last 2026-04-16, 2015 entries); 2 signed heads verified" "a repeated note counts once"
run "$HDREG" case apply --db "$T/k.db" --certificate 20260344000000006X --type change --number K-2026-0001 \
  --date 2026-04-17 --description 数据规模更新
expect_eq "$rc" 0 "something new for the night"
run "$HDREG" run --db "$T/k.db" --date 2026-04-17 --keys "$K" --out "$T/k" --checkpoints "$T/k/cp.txt"
expect_eq "$(out | tail -1 | cut -d' ' -f1-2) $(sql "$T/k.db" "SELECT value FROM counters WHERE name = 'checkpoints_published'")" "checkpoint published: 3" "the next note is the third checkpoint published"
{ sed -n 1,14p "$T/k/cp.txt"; sed -n '22,$p' "$T/k/cp.txt"; } >"$T/k/once.txt"
run "$HDREG" ledger verify --db "$T/k.db" --keys "$K" --checkpoints "$T/k/once.txt"
expect_eq "$rc $(out | sed 's/.*; extends/extends/;s/, [0-9]* entries)/)/')$(err)" "0 extends 3 checkpoints (last 2026-04-17); 3 signed heads verified" "the file without the repeated note is whole"

# ---- ledger adopt -----------------------------------------------------------------------
# Once explained, the authority adopts the change: an entry saying who, when and why, then
# the row as it stands. Intact again, the published checkpoints still extended; the next
# night runs and publishes its checkpoint.
run "$HDREG" ledger adopt --db "$T/t.db" --date 2026-04-17 --by 张三 --reason 程序修订经委员会批准
expect_eq "$rc $(out)$(err)" "0 adopted: transitions [\"simplified\",\"rejected\",\"approved\",\"person\"] is not on the chain: it was inserted outside hdreg
1 row adopted by 张三 on 2026-04-17: 程序修订经委员会批准" "adopt"
expect_eq "$("$HDREG" ledger show --db "$T/t.db" | tail -2 | sed -E 's/^ +//; s/  [0-9a-f]{12}  /  H  /')" "2017  H  2026-04-17  adopted by 张三: 程序修订经委员会批准 (1 row changed past hdreg follows)
2018  H  transitions [\"simplified\",\"rejected\",\"approved\",\"person\"]  [\"simplified\",\"rejected\",\"approved\",\"person\",\"6.2.2 b\",\"复核通过\"]" "ledger show: the adopt entry and the adopted row"
# Now part of the register's procedure, the move a person makes is recorded.
run "$HDREG" case move --db "$T/t.db" --case SQ-2026-0019 --to approved --date 2026-04-17 --actor 审核员 --reason 复核通过
expect_eq "$rc $(out)$(err)" "0 case SQ-2026-0019: move recorded" "after adopting, the move is made"
run "$HDREG" ledger verify --db "$T/t.db" --keys "$K" --checkpoints "$T/out-t/checkpoints.txt"
expect_eq "$rc $(out)$(err)" "0 ledger intact: 2020 entries, 1923 rows, head $(lasthash "$T/t.db"), tree head $("$HDREG" ledger verify --db "$T/t.db" | sed 's/.*tree head //'); extends 2 checkpoints (last 2026-04-16, 2015 entries); 2 signed heads verified" "adopted: intact"
run "$HDREG" run --db "$T/t.db" --date 2026-04-17 --keys "$K" --out "$T/out-t"
expect_eq "$rc $(out | grep -e '^public notice' -e '^checkpoint' | sed -E 's|tree head [A-Za-z0-9+/]{43}=|tree head B64|')" "1 public notice GS-20260417: 1 case, open until 2026-05-06
checkpoint published: 2025 entries, tree head B64, in $T/out-t/checkpoints.txt" "the next night runs (the approved case goes into a notice)"
# Adopting cannot make a rewritten chain extend the checkpoints: it has nothing to adopt,
# and a row edited on top is adopted, the checkpoint still not extended.
run "$HDREG" ledger adopt --db "$T/rw.db" --date 2026-04-17 --by 张三 --reason 无
expect_eq "$rc $(out)$(err)" "0 0 rows adopted by 张三 on 2026-04-17: 无" "adopt on a rewritten chain: nothing to adopt"
sqlite3 "$T/rw.db" "UPDATE subjects SET name = '某某医院' WHERE id = 1"
run "$HDREG" ledger adopt --db "$T/rw.db" --date 2026-04-17 --by 张三 --reason 更名
expect_eq "$rc $(out | tail -1)" "0 1 row adopted by 张三 on 2026-04-17: 更名" "a row edited on the rewritten chain adopted"
run "$HDREG" ledger verify --db "$T/rw.db" --keys "$K" --checkpoints "$CP"
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: $REWRITTEN" "adopted or not, the rewritten chain does not extend the checkpoint"
# A broken chain cannot be adopted.
run "$HDREG" ledger adopt --db "$T/sw.db" --date 2026-04-17 --by 张三 --reason 无
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger adopt: ledger entry 7: its hash does not match its content and the entry before it (an entry was changed, inserted or moved there)" "a broken chain is not adopted"

# ---- proofs, checked by the independent verifier ---------------------------------------
NUM=202603440000000097
PDF=$OUT/certificates/$NUM.pdf
doc_entry() { sql "$1" "SELECT seq FROM ledger WHERE tbl = 'documents' AND ref_id = (SELECT d.id FROM documents d JOIN certificates c ON c.id = d.certificate_id WHERE d.kind = 'certificate' AND c.number = '$NUM')"; }
# entry_bytes DB SEQ: the length of the entry's payload (a proof file is 23 bytes of header,
# the payload, 1 byte of count and 32 a hash: HDIP1, tree size, index, payload length)
entry_bytes() { sql "$1" "SELECT length(CAST(payload AS BLOB)) FROM ledger WHERE seq = $2"; }
n=$(doc_entry "$T/d.db")
# A middle entry: the certificate issued on the first night, under the newest checkpoint.
run "$HDREG" ledger prove $NUM --db "$T/d.db" --checkpoints "$CP" --keys "$K" --out "$T/p.proof"
expect_eq "$rc $(out)$(err)" "0 $T/p.proof: inclusion proof of certificate $NUM (entry $n) under the checkpoint of 2026-04-16 (2015 entries): 11 hashes, $((23 + $(entry_bytes "$T/d.db" $n) + 1 + 32 * 11)) bytes" "prove"
expect_eq "$(($(stat -c %s "$T/p.proof") < 1024))" 1 "a proof is under 1 KB"
run "$HDREG" ledger consistency 1852 2015 --db "$T/d.db" --out "$T/c.proof"
expect_eq "$rc $(out)$(err)" "0 $T/c.proof: consistency proof from 1852 to 2015 entries: 10 hashes, 342 bytes" "consistency"
# --out -: the same proofs on standard output, what was written said on standard error.
run "$HDREG" ledger prove $NUM --db "$T/d.db" --checkpoints "$CP" --keys "$K" --out -
expect_eq "$rc $(cmp "$T/stdout" "$T/p.proof" && echo same) $(err)" "0 same <stdout>: inclusion proof of certificate $NUM (entry $n) under the checkpoint of 2026-04-16 (2015 entries): 11 hashes, $(stat -c %s "$T/p.proof") bytes" "prove --out -"
run "$HDREG" ledger consistency 1852 2015 --db "$T/d.db" --out - --quiet
expect_eq "$rc $(cmp "$T/stdout" "$T/c.proof" && echo same)$(err)" "0 same" "consistency --out - --quiet"
expect_eq "$(ls "${TMPDIR:-/tmp}" | grep -c '^hdreg-proof\.' || true)" 0 "no spool file left"
run python3 $VERIFY --key "$K/authority-qr.pub" --checkpoints "$CP" --consistency "$T/c.proof" --document "$PDF" --proof "$T/p.proof"
expect_eq "$rc $(out | tail -1)$(err)" "0 OK: $NUM.pdf (certificate) is entry $n of the register, under checkpoint 2026-04-16 (2015 entries); 2 checkpoints, each extends the one before" "the verifier: a middle entry"
# Another certificate's PDF with this proof; one byte of a published root changed; the
# consistency proof left out.
other=$OUT/certificates/20260344000000006X.pdf
run python3 $VERIFY --key "$K/authority-qr.pub" --checkpoints "$CP" --consistency "$T/c.proof" --document "$other" --proof "$T/p.proof"
expect_eq "$rc $(out | tail -1)$(err)" "1 FAILED: $other is not the document of entry $n: its SHA-256 is $(sha256sum "$other" | cut -d' ' -f1), the entry records $(sha256sum "$PDF" | cut -d' ' -f1)" "the verifier: a different PDF"
r=$(root "$CP" 1)
sed "3s|^.|$([ "${r:0:1}" = A ] && echo B || echo A)|" "$CP" >"$T/bad-root.txt"
expect_eq "$(cmp -l "$CP" "$T/bad-root.txt" | wc -l)" 1 "one byte of the first root changed"
run python3 $VERIFY --key "$K/authority-qr.pub" --checkpoints "$T/bad-root.txt" --consistency "$T/c.proof" --document "$PDF" --proof "$T/p.proof"
expect_eq "$rc $(out | tail -1)$(err)" "1 FAILED: checkpoint #1 (line 1): the signature does not verify with $K/authority-qr.pub" "the verifier: a changed root"
run "$HDREG" ledger verify --db "$T/d.db" --keys "$K" --checkpoints "$T/bad-root.txt"
expect_eq "$rc $(out)$(err)" "3 hdreg: ledger verify: $T/bad-root.txt:1: the checkpoint of 2026-03-16 does not carry the register's signature (authority-qr.pub)" "hdreg: a changed root"
# hdreg makes no proof against a note it did not sign, nor without the key to check.
run "$HDREG" ledger prove $NUM --db "$T/d.db" --checkpoints "$T/bad-root.txt" --keys "$K" --out "$T/bad.proof"
expect_eq "$rc $(out)$(err)$([ -e "$T/bad.proof" ] || echo ' no file')" "3 hdreg: ledger prove: $T/bad-root.txt:1: the checkpoint of 2026-03-16 does not carry the register's signature (authority-qr.pub) no file" "prove: a checkpoint not signed"
run "$HDREG" ledger prove $NUM --db "$T/d.db" --checkpoints "$CP" --out "$T/bad.proof"
expect_eq "$rc $(out)$(err)" "2 hdreg: ledger prove: a certificate number or --entry SEQ (from 1), --db, --checkpoints, --keys and --out are required (see hdreg ledger --help)" "prove: --keys required"
run python3 $VERIFY --key "$K/authority-qr.pub" --checkpoints "$CP" --document "$PDF" --proof "$T/p.proof"
expect_eq "$rc $(out | tail -1)$(err)" "1 FAILED: no consistency proof from 1852 to 2015 entries" "the verifier: the consistency proof missing"
# The file's framing, which no signature covers: hdreg and the verifier refuse the same
# files (and accept the same: the last empty line may be missing).
head -c -1 "$CP" >"$T/f-last.txt"
head -c -2 "$CP" >"$T/f-cut.txt"
sed '6a\\' "$CP" >"$T/f-blank.txt"
{ echo; cat "$CP"; } >"$T/f-lead.txt"
sed 's/$/\r/' "$CP" >"$T/f-crlf.txt"
for f in last cut blank lead crlf; do
  run "$HDREG" ledger verify --db "$T/d.db" --keys "$K" --checkpoints "$T/f-$f.txt"
  c="$rc $(out | sed 's/.*; extends/extends/')$(err)"
  run python3 $VERIFY --key "$K/authority-qr.pub" --checkpoints "$T/f-$f.txt" --consistency "$T/c.proof" --document "$PDF" --proof "$T/p.proof"
  echo "$c | $rc $(out | tail -1)$(err)" >>"$T/framing"
done
expect_eq "$(sed "s|$T/||g" "$T/framing")" "0 extends 2 checkpoints (last 2026-04-16, 2015 entries); 2 signed heads verified | 0 OK: $NUM.pdf (certificate) is entry $n of the register, under checkpoint 2026-04-16 (2015 entries); 2 checkpoints, each extends the one before
3 hdreg: ledger verify: f-cut.txt:8: the last checkpoint is incomplete: the file ends inside it (a write torn by a crash or a full disk); remove it from line 8 on, or restore the file from the published copy | 1 FAILED: f-cut.txt line 8: the last checkpoint is incomplete: the file ends inside it (a write torn by a crash or a full disk)
3 hdreg: ledger verify: f-blank.txt:8: an empty line where a checkpoint should start | 1 FAILED: f-blank.txt line 8: an empty line where a checkpoint should start
3 hdreg: ledger verify: f-lead.txt:1: an empty line where a checkpoint should start | 1 FAILED: f-lead.txt line 1: an empty line where a checkpoint should start
3 hdreg: ledger verify: f-crlf.txt:1: a control character (Windows line ends?) | 1 FAILED: f-crlf.txt line 1 has a control character (Windows line ends?)" "the checkpoints file's framing: the same verdict from hdreg and the verifier"

# The first and the last entry of a checkpoint: registers made from the first night's
# backup with the certificate's document entry moved to the start or the end of the chain
# and every hash recomputed (tests/tools/rechain.py), the heads dropped; the same night run
# again on them publishes a checkpoint of the whole register (and writes nothing else).
# The count of checkpoints published goes too (its entry is the backup's last: 1853), as
# the new register has published none.
# move DB SEQ TO: entry SEQ becomes entry TO (1 or the last), the others keep their order.
move() {
  if [ "$3" = 1 ]; then shift_sql="UPDATE ledger SET seq = 1 - seq WHERE seq < 0 AND -seq < $2"
  else shift_sql="UPDATE ledger SET seq = -seq - 1 WHERE seq < 0 AND -seq > $2"; fi
  hidden "$1" "DROP TRIGGER ledger_heads_no_delete; DELETE FROM ledger_heads; DROP TRIGGER ledger_no_update;
    DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE seq = 1853 AND tbl = 'counters';
    DELETE FROM counters WHERE name = 'checkpoints_published';
    UPDATE ledger SET seq = -seq; UPDATE ledger SET seq = $3 WHERE seq = -$2; $shift_sql; UPDATE ledger SET seq = -seq WHERE seq < 0"
  python3 tests/tools/rechain.py "$1" >/dev/null
}
n=$(doc_entry "$T/night1.db")
for at in first last; do
  cp "$T/night1.db" "$T/$at.db"
  move "$T/$at.db" "$n" "$([ $at = first ] && echo 1 || echo 1852)"
  expect_eq "$(doc_entry "$T/$at.db")" "$([ $at = first ] && echo 1 || echo 1852)" "$at: the document entry moved"
  run "$HDREG" run --db "$T/$at.db" --date 2026-03-16 --keys "$K" --out "$OUT" --checkpoints "$T/$at.txt"
  expect_eq "$rc $(out | tail -1 | sed -E 's|tree head [A-Za-z0-9+/]{43}=|tree head B64|')" "1 checkpoint published: 1852 entries, tree head B64, in $T/$at.txt" "$at: the night run again publishes a checkpoint"
  run "$HDREG" ledger prove $NUM --db "$T/$at.db" --checkpoints "$T/$at.txt" --keys "$K" --out "$T/$at.proof"
  expect_eq "$rc $(out | sed 's/: [0-9]* hashes.*//')" "0 $T/$at.proof: inclusion proof of certificate $NUM (entry $(doc_entry "$T/$at.db")) under the checkpoint of 2026-03-16 (1852 entries)" "$at: prove"
  run python3 $VERIFY --key "$K/authority-qr.pub" --checkpoints "$T/$at.txt" --document "$PDF" --proof "$T/$at.proof"
  expect_eq "$rc $(out | tail -1)$(err)" "0 OK: $NUM.pdf (certificate) is entry $(doc_entry "$T/$at.db") of the register, under checkpoint 2026-03-16 (1852 entries); 1 checkpoint" "the verifier: the $at entry"
done
# A tree of one entry: a checkpoint of the first entry of that register, made and signed
# by tests/tools/checkpoint.py (hdreg publishes whole registers only); hdreg reads it as it
# reads its own. Then a checkpoints file growing from the tree of one to the whole
# register, with the consistency proof from 1 to 1852.
python3 tests/tools/checkpoint.py "$T/first.db" 1 2026-03-15 "$K" >"$T/one.txt"
run "$HDREG" ledger verify --db "$T/first.db" --keys "$K" --checkpoints "$T/one.txt"
expect_eq "$rc $(out | sed 's/.*; extends/extends/')$(err)" "0 extends 1 checkpoint (last 2026-03-15, 1 entry); 1 signed head verified" "hdreg reads a checkpoint of one entry"
run "$HDREG" ledger prove $NUM --db "$T/first.db" --checkpoints "$T/one.txt" --keys "$K" --out "$T/one.proof"
expect_eq "$rc $(out)$(err)" "0 $T/one.proof: inclusion proof of certificate $NUM (entry 1) under the checkpoint of 2026-03-15 (1 entry): 0 hashes, $((23 + $(entry_bytes "$T/first.db" 1) + 1)) bytes" "prove: a tree of one entry"
run python3 $VERIFY --key "$K/authority-qr.pub" --checkpoints "$T/one.txt" --document "$PDF" --proof "$T/one.proof"
expect_eq "$rc $(out | tail -1)$(err)" "0 OK: $NUM.pdf (certificate) is entry 1 of the register, under checkpoint 2026-03-15 (1 entry); 1 checkpoint" "the verifier: a tree of one entry"
cat "$T/one.txt" "$T/first.txt" >"$T/grown.txt"
run "$HDREG" ledger consistency 1 1852 --db "$T/first.db" --out "$T/c1.proof"
expect_eq "$rc $(out)$(err)" "0 $T/c1.proof: consistency proof from 1 to 1852 entries: 11 hashes, 374 bytes" "consistency from a tree of one"
run python3 $VERIFY --key "$K/authority-qr.pub" --checkpoints "$T/grown.txt" --consistency "$T/c1.proof" --document "$PDF" --proof "$T/first.proof"
expect_eq "$rc $(out | tail -1)$(err)" "0 OK: $NUM.pdf (certificate) is entry 1 of the register, under checkpoint 2026-03-16 (1852 entries); 2 checkpoints, each extends the one before" "the verifier: grown from a tree of one"
done_ok
