# The register's hash chain (clause 5.3.2): intact after a night; each way of tampering
# with plain SQL — editing an event, deleting, reordering or editing a ledger entry,
# inserting a document or an event outside hdreg — is named by `hdreg ledger verify`;
# a schema-v3 database gets its events and documents chained when it is migrated.
source "$(dirname "$0")/lib.sh"
set -e
"$HDREG" demo-db --db "$T/d.db" >/dev/null
run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/out"
expect_eq "$rc" 1 "the demo night (SQ-2026-0016 refused)"
run "$HDREG" ledger verify --db "$T/d.db"
expect_eq "$rc" 0 "intact"
head=$(sqlite3 "$T/d.db" "SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1")
expect_eq "$(out)" "ledger intact: 79 entries, head $head" "43 events and 36 documents"
# The chain is what the triggers say: recompute the first two hashes independently.
python3 - "$T/d.db" <<'PY' || fail "hash chain recomputed"
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
prev = "0" * 64
for seq, payload, link, h in db.execute("SELECT seq, payload, prev_hash, hash FROM ledger ORDER BY seq"):
    assert link == prev, seq
    assert hashlib.sha256((prev + "\n" + payload).encode()).hexdigest() == h, seq
    prev = h
PY
PASSED=$((PASSED + 1))
run "$HDREG" ledger show --db "$T/d.db" --case SQ-2026-0021
expect_eq "$(out | sed -E 's/^ +//; s/  [0-9a-f]{12}  /  H  /; s/sha256 [0-9a-f]{16}…/sha256 …/' | sed "s|$T|T|")" "5  H  2026-03-16  SQ-2026-0021  review_opinion  T/out/opinions/SQ-2026-0021-2026-03-16.pdf  sha256 …
6  H  2026-03-16  SQ-2026-0021  submitted -> approved  hdreg run：审核通过
53  H  2026-03-16  SQ-2026-0021  approved -> notice  hdreg run：公示" "show one case"

tamper() { # tamper NAME SQL EXPECTED-MESSAGE
  cp "$T/d.db" "$T/$1.db"
  sqlite3 "$T/$1.db" "$2"
  run "$HDREG" ledger verify --db "$T/$1.db"
  expect_eq "$rc $(err)" "3 hdreg: ledger verify: $3" "$1"
}
tamper edit-event "DROP TRIGGER case_events_no_update; UPDATE case_events SET reason = '改写' WHERE id = 5" \
  "ledger entry 10: event 5 (case SQ-2026-0023) was edited after it was recorded: now [\"event\",5,23,\"2026-03-16\",\"submitted\",\"rejected\",\"hdreg run\",\"改写\",5], recorded [\"event\",5,23,\"2026-03-16\",\"submitted\",\"rejected\",\"hdreg run\",\"不予登记\",5]"
tamper edit-document "DROP TRIGGER documents_no_update; UPDATE documents SET sha256 = '$(printf '%064d' 1)' WHERE id = 3" \
  "ledger entry 5: document 3 ($T/out/opinions/SQ-2026-0021-2026-03-16.pdf) was edited after it was recorded: now [\"document\",3,\"review_opinion\",21,null,null,\"$T/out/opinions/SQ-2026-0021-2026-03-16.pdf\",\"$(printf '%064d' 1)\",$(sqlite3 "$T/d.db" "SELECT bytes FROM documents WHERE id = 3"),\"2026-03-16\"], recorded [\"document\",3,\"review_opinion\",21,null,null,\"$T/out/opinions/SQ-2026-0021-2026-03-16.pdf\",\"$(sqlite3 "$T/d.db" "SELECT sha256 FROM documents WHERE id = 3")\",$(sqlite3 "$T/d.db" "SELECT bytes FROM documents WHERE id = 3"),\"2026-03-16\"]"
tamper delete-entry "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE seq = 10" \
  "ledger entry 10 is missing (deleted)"
tamper delete-last "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE seq = 79" \
  "event 43 (case SQ-2026-0043) is not in the ledger: it was added outside hdreg, or its entry, the last, was deleted"
tamper reorder "DROP TRIGGER ledger_no_update; UPDATE ledger SET seq = 1007 WHERE seq = 7; UPDATE ledger SET seq = 7 WHERE seq = 8; UPDATE ledger SET seq = 8 WHERE seq = 1007" \
  "ledger entry 7 (event 4 (case SQ-2026-0022)): its link to entry 6 is broken (an entry was changed, inserted or moved there)"
tamper edit-hash "DROP TRIGGER ledger_no_update; UPDATE ledger SET hash = '$(printf '%064d' 2)' WHERE seq = 20" \
  "ledger entry 20 (event 10 (case SQ-2026-0028)) was edited: its hash does not match its content"
tamper insert-document "DROP TRIGGER ledger_document; INSERT INTO documents(kind, path, sha256, bytes, created_date) VALUES ('notice', '/x.pdf', '$(printf '%064d' 0)', 5, '2026-03-17')" \
  "document 37 (/x.pdf) is not in the ledger: it was added outside hdreg, or its entry, the last, was deleted"
# Without hdreg's hash function (the sqlite3 shell) no event can be added at all.
expect_eq "$(sqlite3 "$T/d.db" "INSERT INTO documents(kind, path, sha256, bytes, created_date) VALUES ('notice', '/y.pdf', '$(printf '%064d' 0)', 5, '2026-03-17')" 2>&1)" \
  "Error: in prepare, no such function: hd_sha256" "shell insert"

# A database of schema v3 (no ledger) is chained when hdreg opens it to write; verify
# only reads, so it does not migrate and says how to.
cp "$T/d.db" "$T/v3.db"
sqlite3 "$T/v3.db" "DROP TABLE ledger_heads; DROP TABLE ledger; DROP TRIGGER ledger_document; DROP TRIGGER ledger_event; DROP TRIGGER documents_no_update;
  DROP TRIGGER documents_no_delete; DROP TABLE imports; ALTER TABLE cases DROP COLUMN import_id; DROP INDEX subjects_uscc;
  PRAGMA user_version = 3;"
run "$HDREG" ledger verify --db "$T/v3.db"
expect_eq "$rc $(out)$(err)" "4 hdreg: ledger verify: '$T/v3.db': schema version 3 is older than this hdreg's ($(sqlite3 "$T/d.db" "PRAGMA user_version")), and verification does not migrate; migrate it first with a command that writes, e.g. hdreg export --db '$T/v3.db' --format csv >/dev/null" "v3 not migrated by verify"
"$HDREG" export --db "$T/v3.db" --format csv >/dev/null
run "$HDREG" ledger verify --db "$T/v3.db"
expect_eq "$rc $(out)" "0 ledger intact: 79 entries, head $(sqlite3 "$T/v3.db" "SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1")" "v3 migrated and chained"
done_ok
