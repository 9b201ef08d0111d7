#!/usr/bin/env python3
"""processing_days.py DB FROM TO: the processing time of docs/stats.md recomputed from the
register with nothing of hdreg's code, for tests/e2e/stats.sh and year.sh. For each case
moved into certified, rejected or cancelled on a day FROM..TO: the working days after its
start (the day of its last move rectify -> submitted before the closing, else its
acceptance date, else its application date) up to and including the closing day, from
the holidays table (off 1: a holiday, off 0: a make-up working day; otherwise Monday to
Friday). Prints {"cases", "median", "p90", "min", "max"} as hdreg stats --format json
does: the median the middle value or the mean of the two middle ones, p90 the
ceil(0.9 n)-th smallest value."""
import datetime as dt
import json
import math
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
first, last = sys.argv[2], sys.argv[3]
off = dict(db.execute("SELECT date, off FROM holidays"))


def working(a, b):
    d, e, n = dt.date.fromisoformat(a), dt.date.fromisoformat(b), 0
    while d < e:
        d += dt.timedelta(days=1)
        iso = d.isoformat()
        n += (off[iso] == 0) if iso in off else d.weekday() < 5
    return n


days = []
for case_id, event_id, at, accepted, applied in db.execute(
        "SELECT c.id, e.id, e.at, c.accepted_date, c.applied_date FROM case_events e JOIN cases c "
        "ON c.id = e.case_id WHERE e.to_status IN ('certified', 'rejected', 'cancelled') AND e.at "
        "BETWEEN ? AND ?", (first, last)):
    back = db.execute("SELECT at FROM case_events WHERE case_id = ? AND id < ? AND from_status = "
                      "'rectify' AND to_status = 'submitted' ORDER BY id DESC LIMIT 1",
                      (case_id, event_id)).fetchone()
    days.append(working(back[0] if back else accepted or applied, at))
days.sort()
n = len(days)
out = {"cases": n, "median": None, "p90": None, "min": None, "max": None}
if n:
    med = days[n // 2] if n % 2 else (days[n // 2 - 1] + days[n // 2]) / 2
    out.update(median=int(med) if med == int(med) else med, p90=days[math.ceil(0.9 * n) - 1],
               min=days[0], max=days[-1])
print(json.dumps(out, separators=(",", ":")))
