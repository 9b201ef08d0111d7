#!/usr/bin/env python3
"""hide.py DB SQL: change a register the way a careful attacker with the file would: run
SQL (which may drop the triggers in its way), then make every trigger it dropped again
with its own text, so that the schema is exactly as hdreg left it and only the rows and
entries tell. Python's sqlite3, no hdreg.

    python3 tests/tools/hide.py DB "DROP TRIGGER x; UPDATE ..."
"""
import sqlite3, sys

db = sqlite3.connect(sys.argv[1], isolation_level=None)
before = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
db.executescript(sys.argv[2])
now = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
for name, sql in before:
    if name not in now:
        db.execute(sql)
db.close()
