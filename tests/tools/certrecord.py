#!/usr/bin/env python3
"""Rebuild a certificate's canonical record from the database the way a third party
would from the printed fields (format in src/model/certrecord.h), and print its SHA-256,
verification code and QR payload, one per line.

    certrecord.py DB CERTIFICATE-NUMBER
"""
import hashlib, json, sqlite3, sys

db = sqlite3.connect(sys.argv[1])
rows = db.execute(
    "SELECT f.label, f.value FROM certificate_fields f JOIN certificates c "
    "ON c.id = f.certificate_id WHERE c.number = ? ORDER BY f.position", (sys.argv[2],)).fetchall()
if len(rows) != 11:
    sys.exit(f"certificate {sys.argv[2]}: {len(rows)} fields recorded")
record = json.dumps(dict(rows), ensure_ascii=False, separators=(",", ":")).encode()
digest = hashlib.sha256(record).digest()
alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
bits = int.from_bytes(digest[:10], "big")
chars = [alphabet[(bits >> (75 - 5 * i)) & 31] for i in range(16)]
code = "-".join("".join(chars[i:i + 4]) for i in range(0, 16, 4))
print(digest.hex())
print(code)
print(f"HDREG1:{sys.argv[2]}:{digest.hex().upper()}")
