#!/usr/bin/env python3
"""rechain.py DB: what an attacker with write access to the database (but not the key)
does after editing ledger payloads: recompute every entry's prev_hash and hash from its
payload (hash = SHA-256(prev_hash || "\\n" || payload), 64 zeros before the first; the
chain of docs/schema.md), so that the chain holds together again. The test drops the
ledger_no_update trigger first. Prints how many entries it rewrote.

    python3 tests/tools/rechain.py DB
"""
import hashlib, sqlite3, sys

db = sqlite3.connect(sys.argv[1])
prev, changed = "0" * 64, 0
for seq, payload, link, h in db.execute(
        "SELECT seq, payload, prev_hash, hash FROM ledger ORDER BY seq").fetchall():
    new = hashlib.sha256((prev + "\n" + payload).encode()).hexdigest()
    if link != prev or h != new:
        db.execute("UPDATE ledger SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, new, seq))
        changed += 1
    prev = new
db.commit()
print(changed)
