#!/usr/bin/env python3
"""rechain.py DB: what an attacker with write access to the database (but not the key)
does after editing ledger payloads: recompute every entry's hash from its payload
(hash = SHA-256(hash of the entry before || "\\n" || payload), 64 zeros before the first;
the chain of docs/schema.md), so that the chain holds together again; the trigger
ledger_no_update is dropped for it and made again after (the schema stays hdreg's).
Prints how many entries it rewrote.

    python3 tests/tools/rechain.py DB
"""
import hashlib, sqlite3, sys

db = sqlite3.connect(sys.argv[1])
guard = db.execute("SELECT sql FROM sqlite_master WHERE name = 'ledger_no_update'").fetchone()
db.execute("DROP TRIGGER IF EXISTS ledger_no_update")
prev, changed = "0" * 64, 0
for seq, payload, h in db.execute("SELECT seq, payload, hash FROM ledger ORDER BY seq").fetchall():
    new = hashlib.sha256((prev + "\n" + payload).encode()).hexdigest()
    if h != new:
        db.execute("UPDATE ledger SET hash = ? WHERE seq = ?", (new, seq))
        changed += 1
    prev = new
if guard:
    db.execute(guard[0])
db.commit()
print(changed)
