#!/usr/bin/env python3
"""checkpoint.py DB SIZE DATE KEYDIR: the signed checkpoint (C2SP tlog-checkpoint in a C2SP
signed note, /work/spec/ledger-formats.md) of the tree of the first SIZE entries of the
register DB, signed with KEYDIR/authority-qr.key by `openssl pkeyutl -sign`, as the note
text (followed by the empty line the checkpoints file puts after each note).

For the proof tests (tests/e2e/ledger.sh): hdreg publishes a checkpoint of the whole
register after a night; this makes one of any size, a tree of one entry for instance,
with its own RFC 6962 Merkle tree hash (written from the recursive definition, not from
hdreg or docs/hdreg-verify.py). The origin is the register's setting register_origin.

    python3 tests/tools/checkpoint.py DB SIZE DATE KEYDIR >>checkpoints.txt
"""
import base64, hashlib, os, sqlite3, subprocess, sys, tempfile

db_path, size, date, keys = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
db = sqlite3.connect(db_path)
origin = db.execute("SELECT value FROM settings WHERE key = 'register_origin'").fetchone()[0]
entries = [p.encode() for (p,) in db.execute(
    "SELECT payload FROM ledger WHERE seq <= ? ORDER BY seq", (size,))]
assert len(entries) == size, f"the register has {len(entries)} entries, not {size}"


def mth(d):
    """RFC 6962 2.1: MTH(D[n])."""
    if not d:
        return hashlib.sha256(b"").digest()
    if len(d) == 1:
        return hashlib.sha256(b"\x00" + d[0]).digest()
    k = 1 << ((len(d) - 1).bit_length() - 1)        # the largest power of two < n
    return hashlib.sha256(b"\x01" + mth(d[:k]) + mth(d[k:])).digest()


body = f"{origin}\n{size}\n{base64.b64encode(mth(entries)).decode()}\ndate {date}\n".encode()
der = subprocess.run(["openssl", "pkey", "-in", os.path.join(keys, "authority-qr.key"),
                      "-pubout", "-outform", "DER"], check=True, capture_output=True).stdout
key_id = hashlib.sha256(origin.encode() + b"\n\x01" + der[-32:]).digest()[:4]
with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(tmp, "body"), "wb") as f:
        f.write(body)
    sig = subprocess.run(["openssl", "pkeyutl", "-sign", "-inkey",
                          os.path.join(keys, "authority-qr.key"), "-rawin", "-in",
                          os.path.join(tmp, "body")], check=True, capture_output=True).stdout
sys.stdout.write(body.decode() + "\n\u2014 " + origin + " "
                 + base64.b64encode(key_id + sig).decode() + "\n\n")
