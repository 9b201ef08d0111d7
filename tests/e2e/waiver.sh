# Waivers (docs/procedure.md "Waivers"): severity means something — a ban (7.6) is never
# waived, other checks only where they declare waivable = true (5.1.1 "原则上", 7.2 (2)
# "建议"); hdreg waiver add|list|revoke on the register's chain; the waiver printed on
# the review opinion beside the finding it lifts, the conclusion agreeing with the table.
source "$(dirname "$0")/lib.sh"
set -e
P=tests/e2e/packs
D="$T/d.db"
"$HDREG" demo-db --db "$D" >/dev/null
add() { run "$HDREG" waiver add --db "$D" --date 2026-03-12 --expires 2026-12-31 --approver 王法务 "$@"; }

# --- refused when added: exact message, exit 3 (2 for a usage error), nothing written ---
add --case SQ-2026-0039 --check 7.6a-state-secrets --justification 已解密
expect_eq "$rc $(err)" "3 hdreg: waiver add: check '7.6a-state-secrets' cannot be waived: 7.6 a is a ban (severity \"ban\"), and a ban is never waived" "7.6 a: a ban is never waived"
add --case SQ-2026-0038 --check 7.6b-tongfang --justification 已整改
expect_eq "$rc $(err)" "3 hdreg: waiver add: check '7.6b-tongfang' cannot be waived: 7.6 b is a ban (severity \"ban\"), and a ban is never waived" "7.6 b: a ban is never waived"
add --case SQ-2026-0019 --check 7.1b-credit --justification 失信记录已经法院撤销
expect_eq "$rc $(err)" "3 hdreg: waiver add: check '7.1b-credit' cannot be waived: the check does not allow waivers (its declaration at $PWD/scripts/checks/7.1-subject.lua:46 has no waivable = true)" "7.1 b: 没有严重违法失信 is no discretion of the authority"
add --case SQ-2026-9999 --check 5.1.1-first-registration --justification x
expect_eq "$rc $(err)" "3 hdreg: waiver add: case 'SQ-2026-9999' does not exist" "unknown case"
add --case SQ-2026-0045 --check 5.1.1-first-registraton --justification x
expect_eq "$rc $(err)" "3 hdreg: waiver add: check '5.1.1-first-registraton' does not exist (did you mean '5.1.1-first-registration'?)" "unknown check, did you mean"
add --case SQ-2026-0045 --check 9.9-nothing-like-it --justification x
expect_eq "$rc $(err)" "3 hdreg: waiver add: check '9.9-nothing-like-it' does not exist in the check pack" "unknown check"
add --case SQ-2026-0045 --check 5.1.1-first-registration
expect_eq "$rc $(err)" "2 hdreg: waiver add: --justification is required (see hdreg waiver --help)" "missing justification"
add --case SQ-2026-0045 --check 5.1.1-first-registration --justification "  "
expect_eq "$rc $(err)" "2 hdreg: waiver add: --justification is required: why the check is waived (it is printed on the review opinion)" "blank justification"
run "$HDREG" waiver add --db "$D" --date 2026-03-12 --expires 2026-03-11 --approver 王法务 --case SQ-2026-0045 --check 5.1.1-first-registration --justification x
expect_eq "$rc $(err)" "3 hdreg: waiver add: --expires 2026-03-11 is before --date 2026-03-12: a waiver cannot expire before it is approved" "expiry in the past"
run "$HDREG" waiver add --db "$D" --date 2026-03-12 --expires 2026-13-01 --approver 王法务 --case SQ-2026-0045 --check 5.1.1-first-registration --justification x
expect_eq "$rc $(err)" "2 hdreg: waiver add: --expires '2026-13-01' is not a valid date YYYY-MM-DD" "expiry not a date"
add --case SQ-2025-0041 --check 5.1.1-first-registration --justification x
expect_eq "$rc $(err)" "3 hdreg: waiver add: case SQ-2025-0041 is rejected: its procedure has ended, no review is left for a waiver to apply to" "a case whose procedure has ended"
add --case SQ-2026-0039 --check 7.6a-state-secrets --justification x --checks $P/ban-waivable
expect_eq "$rc $(err)" "3 hdreg: waiver add: $P/ban-waivable/ban.lua:2: check declaration: a check of severity \"ban\" cannot be waivable: a ban is never waived" "7.6: a pack cannot declare a ban waivable"
add --case SQ-2026-0045 --check 5.1.1-first-registration --justification x --checks $P/waivable-type
expect_eq "$rc $(err)" "3 hdreg: waiver add: $P/waivable-type/x.lua:2: check declaration: 'waivable' must be true or false" "waivable is true or false"
expect_eq "$(sql "$D" "SELECT count(*) FROM waivers")" 0 "nothing written"

# --- added: 5.1.1 says 原则上 (in principle), so the authority may lift it ---
add --case SQ-2026-0045 --check 5.1.1-first-registration --justification 基础证书已在外省办理首次登记，经登记机构核实
expect_eq "$rc $(out)" "0 waiver 1: case SQ-2026-0045, check '5.1.1-first-registration', approved 2026-03-12 by 王法务, until 2026-12-31" "5.1.1: waiver added"
add --case SQ-2026-0045 --check 5.1.1-first-registration --justification 再次
expect_eq "$rc $(err)" "3 hdreg: waiver add: case SQ-2026-0045 already has waiver 1 of check '5.1.1-first-registration', in force until 2026-12-31: revoke it first (hdreg waiver revoke --waiver 1)" "one waiver in force at a time"
# 7.6: a team's pack cannot lower a shipped ban — a load error naming the shipped
# declaration and the team's, for the waiver, the review and the night alike.
BAN76B="$PWD/scripts/checks/7.6-bans.lua:$(grep -n 'id = "7.6b-tongfang"' scripts/checks/7.6-bans.lua | cut -d: -f1)"
BAN76B="${BAN76B%:*}:$((${BAN76B##*:} - 1))"
REPLACE="a team's directory cannot replace it (its code could let through what the ban refuses); a ban stays as shipped and is never waived: add a stricter rule as a check of its own, under another id"
LOWERED="$P/waivable-ban/7.6b.lua:4: check declaration: check '7.6b-tongfang' is a ban of 7.6 b (不得开展登记) in the shipped pack, declared at $BAN76B: $REPLACE"
add --case SQ-2026-0038 --check 7.6b-tongfang --justification 团队规则放宽 --checks $P/waivable-ban
expect_eq "$rc $(err)" "3 hdreg: waiver add: $LOWERED" "7.6 b: a team's pack that lowers the ban does not load (waiver add)"
run "$HDREG" check --db "$D" --case SQ-2026-0038 --as-of 2026-03-16 --checks $P/waivable-ban
expect_eq "$rc $(out)$(err)" "3 hdreg: check: $LOWERED" "7.6 b: nor for the review (hdreg check)"
run "$HDREG" run --db "$D" --date 2026-03-16 --out "$T/lowered" --checks $P/waivable-ban
expect_eq "$rc $(err)" "3 hdreg: $LOWERED" "7.6 b: nor for the night"
expect_eq "$(sql "$D" "SELECT status FROM cases WHERE id = 38")" "submitted" "the night did nothing"
add --case SQ-2026-0039 --check 7.6a-state-secrets --justification x --checks $P/ban-lowered
expect_eq "$rc $(err)" "3 hdreg: waiver add: $P/ban-lowered/7.6a.lua:3: check declaration: check '7.6a-state-secrets' is a ban of 7.6 a (不得开展登记) in the shipped pack, declared at $PWD/scripts/checks/7.6-bans.lua:$(grep -n 'id = "7.6a-state-secrets"' scripts/checks/7.6-bans.lua | cut -d: -f1 | awk '{print $1 - 1}'): $REPLACE" "7.6 a: nor one that only declares it waivable"
# Nor one that keeps severity "ban" but whose code lets the case through (applies = false):
# a shipped ban is never replaced.
run "$HDREG" run --db "$D" --date 2026-03-16 --out "$T/inherit" --checks $P/ban-inherit
expect_eq "$rc $(err)" "3 hdreg: $P/ban-inherit/7.6b.lua:5: check declaration: check '7.6b-tongfang' is a ban of 7.6 b (不得开展登记) in the shipped pack, declared at $BAN76B: $REPLACE" "7.6 b: a replacement that keeps severity ban does not load either"
expect_eq "$(sql "$D" "SELECT status FROM cases WHERE id = 38")" "submitted" "the night did nothing"
# A team's stricter rule beside the ban, under its own id and severity "ban": never waived,
# and the case is rejected by both.
add --case SQ-2026-0038 --check 7.6b-tongfang-team --justification 团队规则 --checks $P/ban-stricter
expect_eq "$rc $(err)" "3 hdreg: waiver add: check '7.6b-tongfang-team' cannot be waived: 7.6 b is a ban (severity \"ban\"), and a ban is never waived" "7.6 b: a team's own ban is never waived"
run "$HDREG" check --db "$D" --case SQ-2026-0038 --as-of 2026-03-16 --checks $P/ban-stricter --format json
expect_eq "$(python3 -c "
import json
d = json.load(open('$T/stdout'))
print(d['decision'], *[c['outcome'] for c in d['checks'] if c['id'].startswith('7.6b-')])")" "reject fail fail" "7.6 b: the shipped ban and the team's both reject"
# A waiver of 7.6 b in the register (added under a pack of another data directory, whose
# 7.6 b was no ban): the shipped pack ignores it and says so.
mkdir -p "$T/other"
cp -r scripts/checks "$T/other/checks"
sed -i '/id = "7.6b-tongfang"/,/severity/ s/severity = "ban",/severity = "high", waivable = true,/' "$T/other/checks/7.6-bans.lua"
HDREG_DATA_DIR="$T/other" add --case SQ-2026-0038 --check 7.6b-tongfang --justification 团队规则放宽
expect_eq "$rc" 0 "a waiver of 7.6 b added under another pack"
run "$HDREG" ledger verify --db "$D"
expect_eq "$rc" 0 "ledger intact after the waivers"

run "$HDREG" waiver list --db "$D" --as-of 2026-03-16
expect_eq "$rc $(out)" "0 waiver 2  SQ-2026-0038  7.6b-tongfang  ignored  approved 2026-03-12 by 王法务  expires 2026-12-31  团队规则放宽  (7.6 b is a ban (severity \"ban\"), and a ban is never waived)
waiver 1  SQ-2026-0045  5.1.1-first-registration  active  approved 2026-03-12 by 王法务  expires 2026-12-31  基础证书已在外省办理首次登记，经登记机构核实" "list, as of a date"
run "$HDREG" waiver list --db "$D" --case SQ-2026-0045 --as-of 2026-03-11
expect_eq "$(out)" "waiver 1  SQ-2026-0045  5.1.1-first-registration  pending  approved 2026-03-12 by 王法务  expires 2026-12-31  基础证书已在外省办理首次登记，经登记机构核实" "list before the approval"

# --- the decision: 5.1.1 lifted; 7.6 b not, said by check and by the night ---
run "$HDREG" check --db "$D" --case SQ-2026-0045 --as-of 2026-03-16 --format json
expect_eq "$(python3 -c "
import json
d = json.load(open('$T/stdout'))
c = [c for c in d['checks'] if c['id'] == '5.1.1-first-registration'][0]
print(d['decision'], c['outcome'], c['waived'], c['waiver_id'], c['waiver_state'])")" "rectify fail True 1 active" "5.1.1: the waived finding leaves the decision"
run "$HDREG" check --db "$D" --case SQ-2026-0045 --as-of 2026-03-11 --format json
expect_eq "$(python3 -c "import json; print(json.load(open('$T/stdout'))['decision'])")" "reject" "5.1.1: before its approval the waiver does not exist"
run "$HDREG" check --db "$D" --case SQ-2026-0038 --as-of 2026-03-16
expect_eq "$rc $(err)" "0 hdreg: check: case SQ-2026-0038: waiver 2 of check '7.6b-tongfang' ignored: 7.6 b is a ban (severity \"ban\"), and a ban is never waived" "7.6 b: a waiver in the register is ignored and said"
expect_eq "$(sed -n 2p "$T/stdout")" "结论：不予登记" "7.6 b: still rejected"

run "$HDREG" run --db "$D" --date 2026-03-16 --out "$T/out"
expect_eq "$rc" 1 "the night (one demo case refused, as without waivers)"
expect_eq "$(grep waiver "$T/stderr")" "hdreg: case SQ-2026-0038: waiver 2 of check '7.6b-tongfang' ignored: 7.6 b is a ban (severity \"ban\"), and a ban is never waived" "7.6 b: the night says it"
expect_eq "$(python3 -c "
import json
d = json.load(open('$T/out/run-2026-03-16.json'))
print([p['message'] for p in d['problems'] if p['case'] == 'SQ-2026-0038'])")" "['waiver 2 of check \\'7.6b-tongfang\\' ignored: 7.6 b is a ban (severity \"ban\"), and a ban is never waived']" "in the night's report"
expect_eq "$(sql "$D" "SELECT number || ' ' || status FROM cases WHERE id IN (38, 45) ORDER BY id")" "SQ-2026-0038 rejected
SQ-2026-0045 rectify" "7.6 b rejected; 5.1.1 waived, the case still asked to supplement (5.1.4: no consideration stated)"

# --- the opinion prints the waiver beside the finding; the conclusion agrees ---
PDF="$T/out/opinions/SQ-2026-0045-2026-03-16.pdf"
pdftotext "$PDF" "$T/op.txt" 2>"$T/poppler"
expect_eq "$(cat "$T/poppler")" "" "poppler prints no warnings"
TXT=$(tr -d ' \n' <"$T/op.txt")
expect_eq "$(pdftotext -layout "$PDF" - | grep -E '^ *5\.1\.1 ' | sed 's/^ *//' | tr -s ' ')" "5.1.1 未办理首次登记的，不得 已豁免 未关联有效的登记证书，不得办理许可登记。" "the finding's conclusion: waived"
expect_eq "$(echo "$TXT" | grep -o '豁免：[^。]*。[^。]*。')" "豁免：本项审核结论为“不符合”，经王法务于2026年3月12日批准豁免，理由：基础证书已在外省办理首次登记，经登记机构核实；有效期至2026年12月31日。本项不计入审核结论。" "the waiver beside it: approver, date, justification, expiry"
expect_eq "$(echo "$TXT" | grep -o '三、审核结论.*重新计入审核。')" "三、审核结论经审核，本案结论为：补正材料。上表中有1项经登记机构依其权限豁免，豁免的批准人、日期、理由和有效期见该项下方；豁免期满或被撤销后，该项重新计入审核。" "the conclusion says what was waived"
expect_eq "$(echo "$TXT" | grep -c '不予登记\|不得开展' || true)" 0 "no ban or refusal above the conclusion"
pdftoppm -r 80 -png -f 1 -l 1 "$PDF" "$T/op" 2>"$T/poppler"
expect_eq "$(cat "$T/poppler")$(ls "$T" | grep -c '^op-1.png$')" "1" "page rendered, no warnings"
PDF="$T/out/opinions/SQ-2026-0038-2026-03-16.pdf"
expect_eq "$(pdftotext "$PDF" - | tr -d ' \n' | grep -c '豁免')" 0 "a refused waiver is not on the applicant's opinion"

# --- revoked: from its date on; a review as of an earlier date still sees it ---
run "$HDREG" waiver revoke --db "$D" --waiver 1 --date 2026-03-20 --by 李审核 --reason 外省证书经核实已注销
expect_eq "$rc $(out)" "0 waiver 1 of case SQ-2026-0045 revoked on 2026-03-20 by 李审核" "revoked"
run "$HDREG" waiver revoke --db "$D" --waiver 1 --date 2026-03-21 --by 李审核 --reason 再次
expect_eq "$rc $(err)" "3 hdreg: waiver revoke: waiver 1 is already revoked (on 2026-03-20 by 李审核)" "revoked twice"
run "$HDREG" waiver revoke --db "$D" --waiver 99 --date 2026-03-21 --by 李审核 --reason x
expect_eq "$rc $(err)" "3 hdreg: waiver revoke: waiver 99 does not exist (hdreg waiver list shows the waivers)" "unknown waiver"
run "$HDREG" waiver revoke --db "$D" --waiver 2 --date 2026-03-01 --by 李审核 --reason x
expect_eq "$rc $(err)" "3 hdreg: waiver revoke: --date 2026-03-01 is before waiver 2 was approved (2026-03-12)" "revoked before approved"
run "$HDREG" waiver revoke --db "$D" --waiver 2 --date 2026-03-21 --by 李审核
expect_eq "$rc $(err)" "2 hdreg: waiver revoke: --reason is required (see hdreg waiver --help)" "revoke without a reason"
run "$HDREG" waiver list --db "$D" --case SQ-2026-0045 --as-of 2026-03-25
expect_eq "$(out)" "waiver 1  SQ-2026-0045  5.1.1-first-registration  revoked  approved 2026-03-12 by 王法务  expires 2026-12-31  基础证书已在外省办理首次登记，经登记机构核实  revoked 2026-03-20 by 李审核: 外省证书经核实已注销" "list: revoked"
for day in 2026-03-19:rectify 2026-03-20:reject; do
  run "$HDREG" check --db "$D" --case SQ-2026-0045 --as-of "${day%:*}" --format json
  expect_eq "$(python3 -c "import json; print(json.load(open('$T/stdout'))['decision'])")" "${day#*:}" "as of ${day%:*}"
done
# Renewed after the revocation: a new waiver, the old one kept.
run "$HDREG" waiver add --db "$D" --date 2026-03-25 --expires 2026-06-30 --approver 王法务 --case SQ-2026-0045 --check 5.1.1-first-registration --justification 重新核实
expect_eq "$rc $(out)" "0 waiver 3: case SQ-2026-0045, check '5.1.1-first-registration', approved 2026-03-25 by 王法务, until 2026-06-30" "renewed"

# --- never dated back over a review already decided (hdreg check --as-of repeats it) ---
# SQ-2026-0045 and SQ-2026-0038 were last reviewed by the night of 2026-03-16.
before=$("$HDREG" check --db "$D" --case SQ-2026-0045 --as-of 2026-03-16 --format json | python3 -c "import json, sys; print(json.load(sys.stdin)['decision'])")
expect_eq "$before" rectify "as of the night: what the night decided"
entries=$(sql "$D" "SELECT count(*) FROM ledger")
run "$HDREG" waiver add --db "$D" --date 2026-03-16 --expires 2026-06-30 --approver 王法务 --case SQ-2026-0045 --check 7.2-2-deidentification --justification 补记
expect_eq "$rc $(err)" "3 hdreg: waiver add: case SQ-2026-0045 was last reviewed on 2026-03-16: a waiver approved on 2026-03-16 would change what that review decided (hdreg check --as-of 2026-03-16 would no longer say it); date it after 2026-03-16" \
  "a waiver dated on the day of the last review"
run "$HDREG" waiver revoke --db "$D" --waiver 2 --date 2026-03-14 --by 李审核 --reason 补记
expect_eq "$rc $(err)" "3 hdreg: waiver revoke: case SQ-2026-0038 was last reviewed on 2026-03-16: a waiver revoked on 2026-03-14 would change what that review decided (hdreg check --as-of 2026-03-16 would no longer say it); date it after 2026-03-16" \
  "a revocation dated before the last review"
expect_eq "$(sql "$D" "SELECT count(*) FROM ledger")" "$entries" "nothing written"
run "$HDREG" check --db "$D" --case SQ-2026-0045 --as-of 2026-03-16 --format json
expect_eq "$(python3 -c "import json; print(json.load(open('$T/stdout'))['decision'])")" "$before" "as of the night: the same after the refusals"
run "$HDREG" waiver revoke --db "$D" --waiver 2 --date 2026-03-17 --by 李审核 --reason 禁止性情形不得豁免
expect_eq "$rc $(out)" "0 waiver 2 of case SQ-2026-0038 revoked on 2026-03-17 by 李审核" "revoked the day after the review"

# --- on the chain: intact, and a tampered waiver or revocation named ---
run "$HDREG" ledger verify --db "$D"
expect_eq "$rc" 0 "ledger intact after revoke and renewal"
cp "$D" "$T/t.db"
sqlite3 "$T/t.db" "UPDATE waivers SET expires = '2099-12-31' WHERE id = 3"
run "$HDREG" ledger verify --db "$T/t.db"
expect_eq "$rc $(err)" "3 hdreg: ledger verify: waivers 3 (case SQ-2026-0045) was changed outside hdreg after entry $(sql "$D" "SELECT max(seq) FROM ledger WHERE tbl = 'waivers'") recorded it: expires \"2026-06-30\" → \"2099-12-31\"" "a tampered waiver named"
run "$HDREG" waiver add --db "$T/t.db" --date 2026-03-25 --expires 2026-06-30 --approver 王法务 --case SQ-2026-0026 --check 7.2-2-deidentification --justification x
expect_eq "$rc" 4 "a tampered register takes no waiver"
cp "$D" "$T/t.db"
python3 - "$T/t.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TRIGGER waiver_revocations_no_delete")
db.execute("DELETE FROM waiver_revocations")
db.commit()
PY
run "$HDREG" ledger verify --db "$T/t.db"
expect_eq "$rc" 3 "a deleted revocation"
expect_eq "$(grep -c "waiver_revocations 1" "$T/stderr")" 1 "named"
done_ok
