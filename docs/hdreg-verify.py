#!/usr/bin/env python3
"""hdreg-verify.py: check hdreg register proofs with Python 3 and the openssl command only.

    hdreg-verify.py --key authority-qr.pub --checkpoints checkpoints.txt [--origin ORIGIN]
                    [--consistency FILE ...] [--document FILE.pdf --proof FILE.proof]

1. Every checkpoint (a C2SP tlog-checkpoint signed note) in the checkpoints file is well
   formed and signed with the Ed25519 key in authority-qr.pub; all have one origin; the
   sizes never decrease.
2. Each checkpoint extends the one before: a consistency proof (RFC 9162 2.1.4) for each
   pair of consecutive checkpoints of different sizes; equal sizes need equal roots.
3. With --document and --proof: the document's SHA-256 is the one recorded in the proof's
   entry, and the inclusion proof (RFC 9162 2.1.3) leads from that entry to the root of a
   checkpoint verified in step 1.
Exit status 0: verified; 1: FAILED (the reason is printed); 2: usage error, unreadable file.
Formats and verdicts: docs/verification.md, section 7 (checkpoints and proofs).
"""
import argparse, base64, datetime, hashlib, json, os, re, subprocess, sys, tempfile


class Failed(Exception):
    """A check did not pass: printed as "FAILED: <reason>", exit status 1."""


class Usage(Exception):
    """Bad arguments or an unreadable file: exit status 2."""


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise Usage(f"cannot read {path}: {e.strerror}")


# ---- The Merkle tree (RFC 6962 2.1, RFC 9162 2.1) --------------------------------------

def leaf_hash(entry):
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def split(n):
    """k, the largest power of two smaller than n (n > 1): the tree of n leaves splits there."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def inclusion_length(m, n):
    """How many hashes PATH(m, D[n]) has (RFC 6962 2.1.1), following its recursion."""
    if n <= 1:
        return 0
    k = split(n)
    return 1 + (inclusion_length(m, k) if m < k else inclusion_length(m - k, n - k))


def consistency_length(m, n, whole=True):
    """How many hashes SUBPROOF(m, D[n], whole) has (RFC 6962 2.1.2), for 0 < m <= n."""
    if m == n:
        return 0 if whole else 1
    k = split(n)
    if m <= k:
        return 1 + consistency_length(m, k, whole)
    return 1 + consistency_length(m - k, n - k, False)


def root_from_inclusion(index, size, leaf, path):
    """RFC 9162 2.1.3.2 step by step: the root the path leads to, None where the RFC fails."""
    if index >= size:                                  # 1.
        return None
    fn, sn = index, size - 1                           # 2.
    r = leaf                                           # 3.
    for p in path:                                     # 4.
        if sn == 0:                                    # 4a.
            return None
        if fn & 1 or fn == sn:                         # 4b.
            r = node_hash(p, r)                        # 4b.i.
            if not fn & 1:                             # 4b.ii.
                while not fn & 1 and fn != 0:
                    fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)                        # otherwise
        fn, sn = fn >> 1, sn >> 1                      # 4c.
    return r if sn == 0 else None                      # 5. (the caller compares r and the root)


def consistent(first, second, first_hash, second_hash, path):
    """RFC 9162 2.1.4.2 step by step, for 0 < first < second."""
    if not path:                                       # 1.
        return False
    if first & (first - 1) == 0:                       # 2. first is a power of two
        path = [first_hash] + path
    fn, sn = first - 1, second - 1                     # 3.
    while fn & 1:                                      # 4.
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]                                  # 5.
    for c in path[1:]:                                 # 6.
        if sn == 0:                                    # 6a.
            return False
        if fn & 1 or fn == sn:                         # 6b.
            fr = node_hash(c, fr)                      # 6b.i.
            sr = node_hash(c, sr)                      # 6b.ii.
            if not fn & 1:                             # 6b.iii.
                while not fn & 1 and fn != 0:
                    fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)                      # otherwise
        fn, sn = fn >> 1, sn >> 1                      # 6c.
    return fr == first_hash and sr == second_hash and sn == 0   # 7.


# ---- Proof files: big-endian integers, hashes of 32 bytes --------------------------------

class Reader:
    """Reads a proof file field by field; running out of bytes is a failure that says where."""

    def __init__(self, name, data, magic, what):
        self.name, self.data, self.pos = name, data, 0
        if self.take(5, "the magic") != magic:
            raise Failed(f"{name} is not an hdreg {what} (it does not start with {magic.decode()})")

    def take(self, n, what):
        if self.pos + n > len(self.data):
            raise Failed(f"{self.name} is truncated ({len(self.data)} bytes, ends inside {what})")
        self.pos += n
        return self.data[self.pos - n:self.pos]

    def uint(self, n, what):
        return int.from_bytes(self.take(n, what), "big")

    def hashes(self):
        """count (1 byte), count hashes, and then the end of the file."""
        count = self.uint(1, "the hash count")
        path = [self.take(32, f"hash {i + 1} of {count}") for i in range(count)]
        if self.pos != len(self.data):
            raise Failed(f"{self.name} has {len(self.data) - self.pos} bytes after its last hash")
        return path


def read_inclusion(name):
    """HDIP1, tree_size u64, leaf_index u64, entry_len u16, entry, count u8, audit path."""
    r = Reader(name, read(name), b"HDIP1", "inclusion proof")
    size, index = r.uint(8, "tree_size"), r.uint(8, "leaf_index")
    entry = r.take(r.uint(2, "entry_len"), "the entry")
    path = r.hashes()
    if index >= size:
        raise Failed(f"{name}: entry index {index} is outside a tree of {size} entries")
    if len(path) != inclusion_length(index, size):
        raise Failed(f"{name} has {len(path)} path hashes; a proof for index {index} of "
                     f"{size} entries has {inclusion_length(index, size)}")
    return size, index, entry, path


def read_consistency(name):
    """HDCP1, old_size u64, new_size u64, count u8, consistency path."""
    r = Reader(name, read(name), b"HDCP1", "consistency proof")
    old, new = r.uint(8, "old_size"), r.uint(8, "new_size")
    path = r.hashes()
    if old > new:
        raise Failed(f"{name} goes from {old} down to {new} entries")
    want = consistency_length(old, new) if 0 < old < new else 0   # nothing to prove otherwise
    if len(path) != want:
        raise Failed(f"{name} has {len(path)} hashes; a proof from {old} to {new} entries "
                     f"has {want}")
    return old, new, path


# ---- Checkpoints: C2SP tlog-checkpoint bodies in C2SP signed notes -----------------------

def b64(text):
    """Standard base64 (with padding) decoded; b"" if it is not that."""
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        return b""


def read_key(path):
    """authority-qr.pub: a PEM SubjectPublicKeyInfo (44 bytes of DER); the raw key is its end."""
    m = re.search(rb"-----BEGIN PUBLIC KEY-----(.*?)-----END PUBLIC KEY-----", read(path), re.S)
    der = b64(b"".join(m.group(1).split())) if m else b""
    if len(der) != 44 or der[:12] != bytes.fromhex("302a300506032b6570032100"):  # Ed25519 SPKI
        raise Usage(f"{path} is not an Ed25519 public key (PEM)")
    return der[12:]


def key_id(name, raw_key):
    """C2SP signed-note key ID of an Ed25519 key: SHA-256(name || "\n" || 0x01 || key)[:4]."""
    return hashlib.sha256(name.encode() + b"\n\x01" + raw_key).digest()[:4]


TORN = "the last checkpoint is incomplete: the file ends inside it (a write torn by a crash or a full disk)"


def last_note_line(data):
    """The line the file's last note starts on: line 1, or the line after the empty line
    that follows a signature line (a note's own empty line follows its body)."""
    start, after_sig = 1, False
    for number, line in enumerate(data.split(b"\n"), 1):
        if not line and after_sig:
            start = number + 1
        after_sig = line.startswith("\u2014 ".encode())
    return start


def split_notes(name, text):
    """The file is: note, empty line, note, empty line, ...; a note is its body lines, an
    empty line and its signature lines. Returns [(line number, body lines, signature lines)]."""
    if not text:
        raise Failed(f"{name} holds no checkpoint")
    if not text.endswith("\n"):
        raise Failed(f"{name} line {last_note_line(text.encode())}: {TORN}")
    notes, body, sigs, start = [], [], None, 1
    for number, line in enumerate(text[:-1].split("\n"), 1):
        if re.search(r"[\x00-\x1f]", line):          # signed notes have no control characters
            raise Failed(f"{name} line {number} has a control character"
                         + (" (Windows line ends?)" if line.endswith("\r") else ""))
        if sigs is None and line:                     # a body line
            body.append(line)
        elif sigs is None:                            # the empty line after the body
            if not body:
                raise Failed(f"{name} line {number}: an empty line where a checkpoint should start")
            sigs = []
        elif line.startswith("\u2014 "):              # a signature line: EM DASH, space
            sigs.append(line)
        elif line == "" and sigs:                     # the empty line after the note
            notes.append((start, body, sigs))
            body, sigs, start = [], None, number + 1
        else:
            raise Failed(f"{name} line {number}: expected a signature line (— name signature)")
    if sigs:                                          # the last empty line may be missing
        notes.append((start, body, sigs))
    elif body or sigs is not None:
        raise Failed(f"{name} line {start}: {TORN}")
    return notes


def is_date(text):
    try:
        return bool(re.fullmatch(r"(19|[2-9][0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}", text)   # 1900 on, as hdreg
                    and datetime.date.fromisoformat(text))
    except ValueError:                                # e.g. 2026-02-30
        return False


def check_note(label, body, sigs, origin, raw_key, key_file, tmp):
    """One note: its body lines, then its signature. Returns (origin, size, root, date)."""
    if len(body) < 3:
        raise Failed(f"{label} has {len(body)} body lines, not origin, size and root")
    note_origin, size, root_b64 = body[:3]
    if " " in note_origin:
        raise Failed(f"{label}: the origin {note_origin!r} has a space")
    if origin is not None and note_origin != origin:
        raise Failed(f"{label} is for {note_origin}, not {origin}")
    if not re.fullmatch(r"0|[1-9][0-9]{0,18}", size) or int(size) >= 2 ** 63:   # as hdreg reads it
        raise Failed(f"{label}: the size line {size!r} is not a decimal number")
    root = b64(root_b64)
    if len(root) != 32 or base64.b64encode(root).decode() != root_b64:
        raise Failed(f"{label}: the root line {root_b64!r} is not 32 bytes in base64")
    if int(size) == 0 and root != hashlib.sha256(b"").digest():
        raise Failed(f"{label} has 0 entries, but its root is not that of the empty tree")
    dates = [line[5:] for line in body[3:] if line.startswith("date ")]   # extension lines
    date = dates[0] if dates else None
    if date is not None and not is_date(date):
        raise Failed(f"{label}: the date line 'date {date}' is not date YYYY-MM-DD")
    # Signature lines are "— <key name> <base64(key_id || signature)>". The authority's has
    # the origin as key name, and the key_id of its key; lines of other keys are ignored.
    ours = []
    for line in sigs:
        words = line[2:].split(" ")
        blob = b64(words[1]) if len(words) == 2 else b""
        if len(blob) < 5:
            raise Failed(f"{label}: malformed signature line {line!r}")
        if words[0] == note_origin and blob[:4] == key_id(note_origin, raw_key):
            ours.append(blob[4:])
    if not ours:
        raise Failed(f"{label} is not signed by the key in {key_file}")
    # The signed message is the body exactly: from the origin through the "\n" of its last line.
    files = {name: os.path.join(tmp, name) for name in ("body", "sig", "key.pem")}
    with open(files["body"], "wb") as f:
        f.write(("\n".join(body) + "\n").encode())
    for signature in ours:                            # each signature of the key must verify
        with open(files["sig"], "wb") as f:
            f.write(signature)
        try:
            done = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey",
                                   files["key.pem"], "-rawin", "-in", files["body"],
                                   "-sigfile", files["sig"]], capture_output=True)
        except OSError as e:
            raise Usage(f"cannot run openssl: {e.strerror}")
        if len(signature) != 64 or done.returncode != 0:
            raise Failed(f"{label}: the signature does not verify with {key_file}")
    return note_origin, int(size), root, date


def describe(cp):
    return f"checkpoint {cp['date'] or '#' + str(cp['n'])} ({cp['size']} entr{'y' if cp['size'] == 1 else 'ies'})"


# ---- The three steps ---------------------------------------------------------------------

def verify_checkpoints(args):
    raw_key = read_key(args.key)
    data = read(args.checkpoints)
    if data and not data.endswith(b"\n"):            # cut short, maybe inside a character
        raise Failed(f"{args.checkpoints} line {last_note_line(data)}: {TORN}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Failed(f"{args.checkpoints} is not UTF-8 text")
    origin, cps = args.origin, []
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "key.pem"), "wb") as f:
            f.write(read(args.key))                   # openssl reads the bytes read_key read
        for n, (line, body, sigs) in enumerate(split_notes(args.checkpoints, text), 1):
            label = f"checkpoint #{n} (line {line})"
            origin, size, root, date = check_note(label, body, sigs, origin, raw_key, args.key, tmp)
            cp = dict(n=n, size=size, root=root, date=date)
            if cps and size < cps[-1]["size"]:
                raise Failed(f"{describe(cp)} has fewer entries than {describe(cps[-1])} before it")
            cps.append(cp)
            print(f"signature: {describe(cp)} is signed by {args.key}, root "
                  f"{base64.b64encode(root).decode()}")
    return origin, cps


def verify_growth(args, cps):
    proofs = {}                                       # (old size, new size) -> [(file, path)]
    for name in args.consistency:
        old, new, path = read_consistency(name)
        proofs.setdefault((old, new), []).append((name, path))
    if len(cps) == 1:
        print("growth: one checkpoint, nothing to prove")
    for a, b in zip(cps, cps[1:]):
        if a["size"] == b["size"]:
            if a["root"] != b["root"]:
                raise Failed(f"{describe(a)} and {describe(b)} have different roots")
            print(f"growth: {describe(b)} is {describe(a)} again: same root")
        elif a["size"] == 0:
            print(f"growth: {describe(a)} is empty, every register extends it")
        elif (a["size"], b["size"]) not in proofs:
            raise Failed(f"no consistency proof from {a['size']} to {b['size']} entries")
        else:
            for name, path in proofs[a["size"], b["size"]]:
                if not consistent(a["size"], b["size"], a["root"], b["root"], path):
                    raise Failed(f"{name} does not prove that {describe(b)} extends {describe(a)}")
                print(f"growth: {describe(b)} extends {describe(a)}: {name}")


def verify_included(args, cps, size, index, entry, path):
    """The proof leads from the entry to the root of a verified checkpoint of its size."""
    matching = [cp for cp in cps if cp["size"] == size]
    if not matching:
        raise Failed(f"{args.proof} is for a tree of {size} entries; no checkpoint has that size")
    cp = matching[-1]
    if root_from_inclusion(index, size, leaf_hash(entry), path) != cp["root"]:
        raise Failed(f"{args.proof} does not lead to the root of {describe(cp)}")
    print(f"inclusion: {args.proof} leads from entry {index + 1} to the root of {describe(cp)}")
    return cp


def verify_entry(args, cps):
    """--proof alone: any entry (hdreg ledger prove --entry SEQ), shown as it is."""
    size, index, entry, path = read_inclusion(args.proof)
    print(f"entry {index + 1}: {entry.decode('utf-8', 'replace')}")
    cp = verify_included(args, cps, size, index, entry, path)
    return f"entry {index + 1} is in the register, under {describe(cp)}"


def verify_document(args, cps):
    size, index, entry, path = read_inclusion(args.proof)
    data = read(args.document)
    try:
        e = json.loads(entry.decode("utf-8"))
    except ValueError:                                # not UTF-8, or not JSON
        e = None
    # ["document", id, kind, case_id, certificate_id, notice_id, path, sha256, bytes, created_date]
    # ["row", "documents", KEY, [id, kind, case_id, certificate_id, notice_id, path, sha256, ...]]
    if isinstance(e, list) and len(e) == 10 and e[0] == "document":
        row = e[1:]
    elif isinstance(e, list) and len(e) == 4 and e[:2] == ["row", "documents"] \
            and isinstance(e[3], list) and len(e[3]) == 9:
        row = e[3]
    else:                                             # another kind, or a deleted row (null)
        row = [None] * 9
    kind, recorded, sha = row[1], row[5], row[6]
    if not all(isinstance(v, str) for v in (kind, recorded, sha)):
        print(f"document: entry {index + 1} is {entry[:72].decode('utf-8', 'replace')}")
        raise Failed("the proof's entry is not a document")
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha:
        raise Failed(f"{args.document} is not the document of entry {index + 1}: its SHA-256 is "
                     f"{digest}, the entry records {sha}")
    print(f"document: {args.document} has the SHA-256 recorded in entry {index + 1} ({kind})")
    if os.path.basename(args.document) != recorded.split("/")[-1]:
        print(f"warning: {args.document} was recorded as {recorded}")
    cp = verify_included(args, cps, size, index, entry, path)
    return (f"{os.path.basename(args.document)} ({kind}) is entry {index + 1} of the register, "
            f"under {describe(cp)}")


def main(argv):
    ap = argparse.ArgumentParser(description="Check hdreg checkpoints and proofs "
                                 "(docs/verification.md, section 7).")
    ap.add_argument("--key", required=True, metavar="PUB", help="the authority's authority-qr.pub")
    ap.add_argument("--checkpoints", required=True, metavar="FILE",
                    help="the published checkpoints file")
    ap.add_argument("--origin", help="the origin every checkpoint must have")
    ap.add_argument("--consistency", nargs="+", action="extend", default=[], metavar="FILE",
                    help="consistency proofs (hdreg ledger consistency OLD NEW)")
    ap.add_argument("--document", metavar="FILE",
                    help="the document file, e.g. a certificate's PDF")
    ap.add_argument("--proof", metavar="FILE", help="its inclusion proof (hdreg ledger prove); "
                    "alone, the proof of any entry (hdreg ledger prove --entry SEQ)")
    args = ap.parse_args(argv)
    if args.document is not None and args.proof is None:
        ap.error("--document needs its --proof")
    try:
        origin, cps = verify_checkpoints(args)
        verify_growth(args, cps)
        if args.document:
            what = verify_document(args, cps)
        elif args.proof:
            what = verify_entry(args, cps)
        else:
            what = f"the register of {origin} is at {describe(cps[-1])}"
    except Usage as e:
        print(f"{ap.prog}: error: {e}", file=sys.stderr)
        return 2
    except Failed as e:
        print(f"FAILED: {e}")
        return 1
    grown = f"{len(cps)} checkpoints, each extends the one before" if len(cps) > 1 \
        else "1 checkpoint"
    print(f"OK: {what}; {grown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
