# A register of schema 6 written by the previous hdreg (the demo after its night of
# 2026-03-16: tests/fixtures/register-v6.sql, made with `sqlite3 DB .dump`) migrates to
# schema 7: its 79 entries keep their hashes; entry 80 says that every row as it stood
# follows, and they follow; the SQL-function triggers are gone; verify is intact; the
# next night runs on it and publishes a checkpoint of the whole tree. Then schema 8
# rebuilds the waivers table; its rows keep their entries; schema 9 rebuilds documents
# (the letters' kinds) the same way and chains the three settings it adds.
source "$(dirname "$0")/lib.sh"
set -e
FIX="$(dirname "$0")/../fixtures/register-v6.sql"
sqlite3 "$T/r.db" <"$FIX"
# A waiver (schema 6 did not chain waivers): schema 7 chains it as it stands, schema 8
# rebuilds the table (renewable waivers) with its rows unchanged, so it stays on the chain.
sqlite3 "$T/r.db" "INSERT INTO waivers VALUES (1, 26, '7.2-2-deidentification', '仅限院内科研', '王法务', '2026-03-01', '2026-12-31')"
expect_eq "$(sqlite3 "$T/r.db" "PRAGMA user_version; SELECT count(*) FROM ledger")" "6
79" "the fixture is schema 6 with 79 entries"
before=$(sqlite3 "$T/r.db" "SELECT group_concat(hash, ' ') FROM (SELECT hash FROM ledger ORDER BY seq)")
rows=$(sqlite3 "$T/r.db" "SELECT (SELECT count(*) FROM settings) + (SELECT count(*) FROM counters) + (SELECT count(*) FROM holidays) + (SELECT count(*) FROM holiday_years) + (SELECT count(*) FROM transitions) + (SELECT count(*) FROM subjects) + (SELECT count(*) FROM subject_records) + (SELECT count(*) FROM resources) + (SELECT count(*) FROM cases) + (SELECT count(*) FROM case_rights) + (SELECT count(*) FROM materials) + (SELECT count(*) FROM objections) + (SELECT count(*) FROM waivers) + (SELECT count(*) FROM findings) + (SELECT count(*) FROM decisions) + (SELECT count(*) FROM certificates) + (SELECT count(*) FROM certificate_fields) + (SELECT count(*) FROM notices) + (SELECT count(*) FROM notice_cases) + (SELECT count(*) FROM case_events) + (SELECT count(*) FROM onsite_questions) + (SELECT count(*) FROM documents) + (SELECT count(*) FROM imports) + (SELECT count(*) FROM privacy_products) + (SELECT count(*) FROM privacy_third_parties)")
# Verification only reads: an older schema is refused, a writing command migrates it.
cp "$T/r.db" "$T/tampered.db"
run "$HDREG" ledger verify --db "$T/r.db"
expect_eq "$rc $(err)" "4 hdreg: ledger verify: '$T/r.db': schema version 6 is older than this hdreg's (14), and verification does not migrate; migrate it first with a command that writes, e.g. hdreg export --db '$T/r.db' --format csv >/dev/null" \
  "verify does not migrate"
"$HDREG" export --db "$T/r.db" --format csv >/dev/null
run "$HDREG" ledger verify --db "$T/r.db"
# Schema 7 adds the setting register_origin, schema 9 three settings, schema 10 four (the
# supervising department, the notice's objection contact), schema 11 fifteen transitions
# (the night's refusal of what was open on a cancelled certificate, its return to review), each chained as it is
# added: 23 rows more than the v6 tables held (schemas 12 to 14 chain nothing).
entries=$((79 + 1 + rows + 1 + 3 + 4 + 15))
expect_eq "$rc $(out | sed -E 's/head [0-9a-f]{64}/head H/; s/tree head [A-Za-z0-9+\/=]{44}/tree head R/')" \
  "0 ledger intact: $entries entries, $((rows + 23)) rows, head H, tree head R" "migrated and intact"
expect_eq "$(sqlite3 "$T/r.db" "PRAGMA user_version")" 14 "schema 14 (7 chains every row; 8 rebuilds waivers, 9 documents, their rows unchanged; 10 adds the documents' settings and certificate_print; 11 transitions; 12 the materials' issuer; 13 expiries and renewal; 14 supervision)"
expect_eq "$(sqlite3 "$T/r.db" "SELECT count(*) FROM certificate_expiries; SELECT count(*) FROM cases WHERE renewal IS NOT NULL")" "0
0" "schema 13 records no expiry and marks no renewal"
# Schema 12 adds materials.issuer_id and chains nothing: a NULL issuer is left out of a
# row's payload (src/store/rowlog.c, LATE_COLUMNS), so every material keeps its entry.
expect_eq "$(sqlite3 "$T/r.db" "SELECT count(*) || ' ' || min(json_array_length(payload, '\$[3]')) || ' ' || max(json_array_length(payload, '\$[3]')) FROM ledger WHERE kind = 'row' AND tbl = 'materials'")" \
  "$(sqlite3 "$T/r.db" "SELECT count(*) FROM materials") 8 8" "schema 12: the materials keep their entries of eight values"
expect_eq "$(sqlite3 "$T/r.db" "SELECT count(*) || ' ' || min(seq > (SELECT max(seq) FROM ledger) - 15) FROM ledger WHERE kind = 'row' AND tbl = 'transitions' AND json_extract(payload, '\$[3][3]') = 'night' AND json_extract(payload, '\$[3][4]') IN ('5.1.6', '5.1.3')")" \
  "15 1" "schema 11's transitions are on the chain, last"
expect_eq "$(sqlite3 "$T/r.db" "SELECT group_concat(json_extract(payload, '\$[3][0]'), ' ') FROM (SELECT payload FROM ledger WHERE kind = 'row' AND tbl = 'settings' AND seq <= (SELECT max(seq) FROM ledger) - 15 ORDER BY seq DESC LIMIT 4)")" \
  "supervising_department objection_phone objection_cutoff objection_address" "schema 10's settings are on the chain, before schema 11's rows (in key order)"
expect_eq "$(sqlite3 "$T/r.db" "SELECT group_concat(hash, ' ') FROM (SELECT hash FROM ledger WHERE seq <= 79 ORDER BY seq)")" "$before" \
  "the 79 entries of schema 6 keep their hashes"
expect_eq "$(sqlite3 "$T/r.db" "SELECT kind, payload FROM ledger WHERE seq = 80")" \
  'migration|["migration",7,"every row of every covered table as it stood when the register was migrated to schema 7 follows; before, the chain recorded events, documents and imports"]' \
  "entry 80 says what follows"
expect_eq "$(sqlite3 "$T/r.db" "SELECT count(*) FROM ledger WHERE seq > 80 AND kind = 'row'")" "$((rows + 23))" \
  "every row of the covered tables follows"
expect_eq "$(sqlite3 "$T/r.db" "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%hd_sha256%'")" 0 \
  "no trigger calls an SQL function any more"
# The new column is covered like the others: an issuer written past hdreg is named.
cp "$T/r.db" "$T/issuer.db"
sqlite3 "$T/issuer.db" "UPDATE materials SET issuer_id = 1 WHERE id = 2"
run "$HDREG" ledger verify --db "$T/issuer.db"
expect_eq "$rc $(err)" "3 hdreg: ledger verify: materials 2 (case SQ-2025-0001) was changed outside hdreg after entry 482 recorded it: issuer_id null → 1" \
  "schema 12: an issuer set past hdreg is named, column and values"
# The chain of schema 6 is still the chain: recomputed without hdreg, the v6 way.
python3 - "$T/r.db" <<'PY' || fail "the whole chain recomputed with hashlib"
import hashlib, sqlite3, sys
prev = "0" * 64
for seq, payload, h in sqlite3.connect(sys.argv[1]).execute("SELECT seq, payload, hash FROM ledger ORDER BY seq"):
    assert hashlib.sha256((prev + "\n" + payload).encode()).hexdigest() == h, seq
    prev = h
PY
PASSED=$((PASSED + 1))
# A register changed past hdreg 6 is not migrated: that would make the change part of it.
sqlite3 "$T/tampered.db" "DROP TRIGGER case_events_no_update; UPDATE case_events SET reason = '改写' WHERE id = 3"
run "$HDREG" export --db "$T/tampered.db" --format csv
expect_eq "$rc $(err)" "4 hdreg: export: '$T/tampered.db': the register is not as hdreg left it (ledger entry 6 does not match the chain), so it is not migrated to schema 7, which would make that change part of the register; check it with the hdreg that wrote it (hdreg ledger verify)" \
  "a tampered register of schema 6 is not migrated"
expect_eq "$(sqlite3 "$T/tampered.db" "PRAGMA user_version")" 6 "and stays schema 6"
# The next night works on the migrated register and publishes the whole tree.
"$HDREG" keygen --keys "$T/k" --name 广东省健康医疗数据产权登记中心 --bits 2048 >/dev/null
run "$HDREG" run --db "$T/r.db" --date 2026-04-16 --out "$T/out" --keys "$T/k"
expect_eq "$(out | grep -c '^checkpoint published: ')" 1 "a checkpoint after the night"
run "$HDREG" ledger verify --db "$T/r.db" --keys "$T/k" --checkpoints "$T/out/checkpoints.txt"
expect_eq "$rc $(out | sed -E 's/.*; extends/extends/')" "0 extends 1 checkpoint (last 2026-04-16, $(sqlite3 "$T/r.db" "SELECT count(*) - 1 FROM ledger") entries); 1 signed head verified" \
  "the migrated register extends its first checkpoint (the last entry counts it)"
expect_eq "$(sqlite3 "$T/r.db" "SELECT payload FROM ledger WHERE tbl = 'waivers'")" '["row","waivers",1,[1,26,"7.2-2-deidentification","仅限院内科研","王法务","2026-03-01","2026-12-31"]]' \
  "the waiver chained at 7, unchanged by 8"
done_ok
