#!/usr/bin/env python3
"""Tests for docs/hdreg-verify.py (python3 unittest, standard library and openssl only).

The trees, audit paths and consistency proofs here come from a separate, deliberately
naive implementation written straight from the recursive definitions of RFC 6962 2.1
(MTH, PATH, PROOF/SUBPROOF), not from the iterative RFC 9162 verification algorithms the
verifier uses; checkpoints are signed with fresh Ed25519 keys by `openssl pkeyutl -sign`,
and proof files are written in the binary layout of the ledger formats spec.

    python3 tests/tools/test_hdreg_verify.py
"""
import base64, hashlib, importlib.util, json, os, shutil, subprocess, sys, tempfile, unittest

TORN = "the last checkpoint is incomplete: the file ends inside it (a write torn by a crash or a full disk)"

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VERIFIER = os.path.join(ROOT, "docs", "hdreg-verify.py")
ORIGIN = "hdreg.example/guangdong"

sys.dont_write_bytecode = True     # no __pycache__ next to docs/hdreg-verify.py
spec = importlib.util.spec_from_file_location("hdreg_verify", VERIFIER)
hv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hv)


# ---- RFC 6962 2.1, as written there --------------------------------------------------

def sha256(b):
    return hashlib.sha256(b).digest()


def k_for(n):
    """k: the largest power of two smaller than n."""
    return 1 << ((n - 1).bit_length() - 1)


def mth(d):
    if len(d) == 0:
        return sha256(b"")
    if len(d) == 1:
        return sha256(b"\x00" + d[0])
    k = k_for(len(d))
    return sha256(b"\x01" + mth(d[:k]) + mth(d[k:]))


def path(m, d):
    if len(d) <= 1:
        return []
    k = k_for(len(d))
    if m < k:
        return path(m, d[:k]) + [mth(d[k:])]
    return path(m - k, d[k:]) + [mth(d[:k])]


def subproof(m, d, b):
    n = len(d)
    if m == n:
        return [] if b else [mth(d)]
    k = k_for(n)
    if m <= k:
        return subproof(m, d[:k], b) + [mth(d[k:])]
    return subproof(m - k, d[k:], False) + [mth(d[:k])]


def proof(m, d):
    return subproof(m, d, True)


# ---- Register entries, proof files, checkpoints -------------------------------------------

def doc_bytes(i):
    return f"%PDF-1.7 document {i}\n".encode()


def entry(i):
    """Entry i: a document entry for document i, legacy form for even i, row form for odd."""
    row = [i + 1, "certificate", 7, 3, None, f"/srv/hdreg/out/doc-{i}.pdf",
           hashlib.sha256(doc_bytes(i)).hexdigest(), len(doc_bytes(i)), "2026-03-16"]
    payload = ["document"] + row if i % 2 == 0 else ["row", "documents", i + 1, row]
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


def leaves(n):
    return [entry(i) for i in range(n)]


def inclusion_file(size, index, payload, hashes):
    return (b"HDIP1" + size.to_bytes(8, "big") + index.to_bytes(8, "big")
            + len(payload).to_bytes(2, "big") + payload + bytes([len(hashes)]) + b"".join(hashes))


def consistency_file(old, new, hashes):
    return (b"HDCP1" + old.to_bytes(8, "big") + new.to_bytes(8, "big")
            + bytes([len(hashes)]) + b"".join(hashes))


class VerifierTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="hdreg-verify-test.")
        cls.keys = {}
        for name in ("authority", "other"):
            priv = os.path.join(cls.dir, name + ".key")
            pub = os.path.join(cls.dir, name + ".pub")
            subprocess.run(["openssl", "genpkey", "-algorithm", "ed25519", "-out", priv], check=True)
            subprocess.run(["openssl", "pkey", "-in", priv, "-pubout", "-out", pub], check=True)
            der = subprocess.run(["openssl", "pkey", "-in", priv, "-pubout", "-outform", "DER"],
                                 check=True, capture_output=True).stdout
            cls.keys[name] = (priv, pub, der[-32:])
        cls.key = cls.keys["authority"][1]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def file(self, name, data):
        p = os.path.join(self.dir, name)
        with open(p, "wb") as f:
            f.write(data)
        return p

    def sign(self, body, signer="authority", name=ORIGIN):
        priv, _, raw = self.keys[signer]
        b, s = self.file("body.tmp", body), os.path.join(self.dir, "sig.tmp")
        subprocess.run(["openssl", "pkeyutl", "-sign", "-inkey", priv, "-rawin", "-in", b,
                        "-out", s], check=True)
        with open(s, "rb") as f:
            sig = f.read()
        key_id = hashlib.sha256(name.encode() + b"\n\x01" + raw).digest()[:4]
        return f"\u2014 {name} {base64.b64encode(key_id + sig).decode()}\n"

    def note(self, size, root, date, signers=("authority",), origin=ORIGIN):
        body = f"{origin}\n{size}\n{base64.b64encode(root).decode()}\ndate {date}\n".encode()
        return body.decode() + "\n" + "".join(self.sign(body, s, origin) for s in signers)

    def checkpoints(self, sizes, d=None, name="checkpoints.txt"):
        """A checkpoints file for these sizes of the tree of leaves d, dated 2026-03-01, ..."""
        d = d or leaves(max(sizes))
        text = "".join(self.note(n, mth(d[:n]), f"2026-03-{i + 1:02d}") + "\n"
                       for i, n in enumerate(sizes))
        return self.file(name, text.encode())

    def consistency(self, old, new, d=None):
        d = d or leaves(new)
        return self.file(f"c-{old}-{new}.proof", consistency_file(old, new, proof(old, d[:new])))

    def prove(self, n, i, d=None):
        d = d or leaves(n)
        return (self.file(f"doc-{i}.pdf", doc_bytes(i)),
                self.file(f"e-{i}-{n}.proof", inclusion_file(n, i, d[i], path(i, d))))

    def run_verifier(self, *args, key=None):
        done = subprocess.run([sys.executable, VERIFIER, "--key", key or self.key] + list(args),
                              capture_output=True, text=True)
        return done.returncode, done.stdout, done.stderr

    def assertVerdict(self, rc, last, *args, **kw):
        code, out, err = self.run_verifier(*args, **kw)
        lines = out.splitlines()
        self.assertEqual((code, lines[-1] if lines else err.strip()), (rc, last), out + err)
        self.assertNotIn("Traceback", err)
        return out

    # ---- The tree itself --------------------------------------------------------------

    def test_known_answers(self):
        # RFC 6962 2.1: MTH({}) = SHA-256() (the empty string).
        self.assertEqual(mth([]).hex(),
                         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        # Leaf hashes, worked out with hashlib: hashlib.sha256(b"\x00" + P).hexdigest()
        #   P = b""       -> 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d
        #   P = b"\x00"   -> 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7
        #   P = b"hello"  -> 8a2a5c9b768827de5a9552c38a044c66959c68f6d2f21b5260af54d2f87db827
        for p, h in [(b"", "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
                     (b"\x00", "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
                     (b"hello", "8a2a5c9b768827de5a9552c38a044c66959c68f6d2f21b5260af54d2f87db827")]:
            self.assertEqual(hv.leaf_hash(p).hex(), h)
            self.assertEqual(mth([p]).hex(), h)
        # The roots of the certificate-transparency project's RFC 6962 test vectors.
        ct = [b"", b"\x00", b"\x10", b"\x20\x21", b"\x30\x31", b"\x40\x41\x42\x43",
              bytes(range(0x50, 0x58)), bytes(range(0x60, 0x70))]
        roots = ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                 "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                 "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                 "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                 "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                 "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                 "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                 "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"]
        for n in range(1, 9):
            self.assertEqual(mth(ct[:n]).hex(), roots[n - 1])
        # A node hash is SHA-256(0x01 || left || right).
        self.assertEqual(hv.node_hash(b"a" * 32, b"b" * 32), sha256(b"\x01" + b"a" * 32 + b"b" * 32))

    def test_signed_note_known_answer(self):
        # The example key and note of Go's golang.org/x/mod/sumdb/note documentation:
        # verifier key PeterNeumann+c74f20a3+ARpc2QcU... (0x01 || Ed25519 key), and a note
        # signed with it. The key ID and the pure Ed25519 signature check as C2SP says.
        raw = base64.b64decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")[1:]
        der = bytes.fromhex("302a300506032b6570032100") + raw
        pub = self.file("peter.pub", b"-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(der)
                        + b"\n-----END PUBLIC KEY-----\n")
        self.assertEqual(hv.read_key(pub), raw)
        self.assertEqual(hv.key_id("PeterNeumann", raw).hex(), "c74f20a3")
        blob = base64.b64decode("x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2p"
                                "ZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=")
        self.assertEqual(blob[:4], hv.key_id("PeterNeumann", raw))
        body = self.file("peter.body", b"If you think cryptography is the answer to your problem,\n"
                                       b"then you don't know what your problem is.\n")
        sig = self.file("peter.sig", blob[4:])
        verify = ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub, "-rawin", "-in", body,
                  "-sigfile", sig]
        self.assertEqual(subprocess.run(verify, capture_output=True).returncode, 0)
        self.file("peter.sig", blob[4:-1] + bytes([blob[-1] ^ 1]))
        self.assertNotEqual(subprocess.run(verify, capture_output=True).returncode, 0)

    def test_inclusion_every_leaf_small_trees(self):
        for n in range(1, 18):
            d = leaves(n)
            for m in range(n):
                p = path(m, d)
                self.assertEqual(hv.inclusion_length(m, n), len(p), (m, n))
                self.assertEqual(hv.root_from_inclusion(m, n, hv.leaf_hash(d[m]), p), mth(d), (m, n))
                if m + 1 < n:    # another leaf's hash does not lead to the root
                    self.assertNotEqual(hv.root_from_inclusion(m, n, hv.leaf_hash(d[m + 1]), p), mth(d))
                for j in range(len(p)):   # neither does a path with one hash changed
                    bad = p[:j] + [sha256(p[j])] + p[j + 1:]
                    self.assertNotEqual(hv.root_from_inclusion(m, n, hv.leaf_hash(d[m]), bad), mth(d))
            self.assertIsNone(hv.root_from_inclusion(n, n, hv.leaf_hash(d[0]), path(0, d)))

    def test_inclusion_large_tree(self):
        d = leaves(1000)
        for m in (0, 1, 499, 500, 511, 512, 998, 999):
            p = path(m, d)
            self.assertEqual(hv.inclusion_length(m, 1000), len(p))
            self.assertEqual(hv.root_from_inclusion(m, 1000, hv.leaf_hash(d[m]), p), mth(d))
            # too short or too long a path fails RFC 9162's own checks (sn must end at 0)
            self.assertNotEqual(hv.root_from_inclusion(m, 1000, hv.leaf_hash(d[m]), p[:-1]), mth(d))
            self.assertIsNone(hv.root_from_inclusion(m, 1000, hv.leaf_hash(d[m]), p + [p[0]]))

    def test_consistency_all_pairs_to_17(self):
        d = leaves(17)
        for n in range(1, 18):
            for m in range(1, n):
                p, r1, r2 = proof(m, d[:n]), mth(d[:m]), mth(d[:n])
                self.assertEqual(hv.consistency_length(m, n), len(p), (m, n))
                self.assertTrue(hv.consistent(m, n, r1, r2, p), (m, n))
                self.assertFalse(hv.consistent(m, n, r2, r2, p), (m, n))
                self.assertFalse(hv.consistent(m, n, r1, r1, p), (m, n))
                self.assertFalse(hv.consistent(m, n, r1, r2, p[:-1]), (m, n))
                self.assertFalse(hv.consistent(m, n, r1, r2, p + [r1]), (m, n))
                for j in range(len(p)):
                    bad = p[:j] + [sha256(p[j])] + p[j + 1:]
                    self.assertFalse(hv.consistent(m, n, r1, r2, bad), (m, n, j))
                # a tree that rewrote its first entry is not an extension of the old one
                forged = [b"rewritten"] + d[1:n]
                self.assertFalse(hv.consistent(m, n, r1, mth(forged), proof(m, forged)), (m, n))

    def test_consistency_larger(self):
        d = leaves(1000)
        for m, n in [(1, 1000), (7, 1000), (500, 1000), (512, 1000), (999, 1000), (100, 777),
                     (256, 257), (255, 256)]:
            p = proof(m, d[:n])
            self.assertEqual(hv.consistency_length(m, n), len(p))
            self.assertTrue(hv.consistent(m, n, mth(d[:m]), mth(d[:n]), p), (m, n))
            self.assertFalse(hv.consistent(m, n, mth(d[:m + 1]), mth(d[:n]), p), (m, n))

    # ---- The command line ----------------------------------------------------------------

    def test_document_in_trees(self):
        for n in (1, 2, 3, 7, 8, 1000):
            d = leaves(n)
            cps = self.checkpoints([n], d)
            for i in sorted({0, n // 2, n - 1}):
                doc, prf = self.prove(n, i, d)
                out = self.assertVerdict(
                    0, f"OK: doc-{i}.pdf (certificate) is entry {i + 1} of the register, under "
                       f"checkpoint 2026-03-01 ({n} entr{'y' if n == 1 else 'ies'}); 1 checkpoint",
                    "--checkpoints", cps, "--document", doc, "--proof", prf)
                self.assertNotIn("warning", out)

    def test_full_run_output(self):
        d = leaves(40)
        cps = self.checkpoints([12, 40, 40], d)
        doc, prf = self.prove(40, 33, d)
        code, out, err = self.run_verifier("--checkpoints", cps, "--origin", ORIGIN, "--consistency",
                                           self.consistency(12, 40, d), "--document", doc,
                                           "--proof", prf)
        self.assertEqual(code, 0, out + err)
        c = os.path.join(self.dir, "c-12-40.proof")
        r12, r40 = base64.b64encode(mth(d[:12])).decode(), base64.b64encode(mth(d)).decode()
        lines = [f"signature: checkpoint 2026-03-01 (12 entries) is signed by {self.key}, root {r12}",
                 f"signature: checkpoint 2026-03-02 (40 entries) is signed by {self.key}, root {r40}",
                 f"signature: checkpoint 2026-03-03 (40 entries) is signed by {self.key}, root {r40}",
                 f"growth: checkpoint 2026-03-02 (40 entries) extends checkpoint 2026-03-01 (12 entries): {c}",
                 "growth: checkpoint 2026-03-03 (40 entries) is checkpoint 2026-03-02 (40 entries) again: same root",
                 f"document: {doc} has the SHA-256 recorded in entry 34 (certificate)",
                 f"inclusion: {prf} leads from entry 34 to the root of checkpoint 2026-03-03 (40 entries)",
                 "OK: doc-33.pdf (certificate) is entry 34 of the register, under checkpoint 2026-03-03 "
                 "(40 entries); 3 checkpoints, each extends the one before"]
        self.assertEqual(out.splitlines(), lines)

    def test_chain_1_to_17(self):
        d = leaves(17)
        proofs = [self.consistency(n, n + 1, d) for n in range(1, 17)]
        self.assertVerdict(0, "OK: the register of hdreg.example/guangdong is at checkpoint 2026-03-17 "
                              "(17 entries); 17 checkpoints, each extends the one before",
                           "--checkpoints", self.checkpoints(range(1, 18), d), "--consistency", *proofs)

    def test_chain_with_gaps_and_extra_proofs(self):
        d = leaves(1000)
        cps = self.checkpoints([3, 7, 7, 512, 1000], d)
        given = [self.consistency(3, 7, d), self.consistency(7, 512, d), self.consistency(512, 1000, d),
                 self.consistency(8, 1000, d)]   # one more than needed: not used
        self.assertVerdict(0, "OK: the register of hdreg.example/guangdong is at checkpoint 2026-03-05 "
                              "(1000 entries); 5 checkpoints, each extends the one before",
                           "--checkpoints", cps, "--consistency", *given)

    def test_growth_from_empty(self):
        out = self.assertVerdict(0, "OK: the register of hdreg.example/guangdong is at checkpoint 2026-03-03 "
                                    "(3 entries); 3 checkpoints, each extends the one before",
                                 "--checkpoints", self.checkpoints([0, 0, 3]))
        self.assertIn("growth: checkpoint 2026-03-02 (0 entries) is empty, every register extends it\n", out)

    def test_missing_consistency_proof(self):
        d = leaves(8)
        self.assertVerdict(1, "FAILED: no consistency proof from 7 to 8 entries",
                           "--checkpoints", self.checkpoints([3, 7, 8], d),
                           "--consistency", self.consistency(3, 7, d))

    def test_register_rewritten(self):
        old, new = leaves(8), [b"rewritten"] + leaves(12)[1:]
        text = (self.note(8, mth(old), "2026-03-01") + "\n" + self.note(12, mth(new), "2026-03-02") + "\n")
        c = self.file("c-8-12.proof", consistency_file(8, 12, proof(8, new)))
        self.assertVerdict(1, f"FAILED: {c} does not prove that checkpoint 2026-03-02 (12 entries) "
                              "extends checkpoint 2026-03-01 (8 entries)",
                           "--checkpoints", self.file("rewritten.txt", text.encode()), "--consistency", c)

    def test_same_size_different_root(self):
        text = (self.note(8, mth(leaves(8)), "2026-03-01") + "\n"
                + self.note(8, mth(leaves(9)[1:]), "2026-03-02") + "\n")
        self.assertVerdict(1, "FAILED: checkpoint 2026-03-01 (8 entries) and checkpoint 2026-03-02 "
                              "(8 entries) have different roots",
                           "--checkpoints", self.file("fork.txt", text.encode()))

    def test_decreasing_size(self):
        self.assertVerdict(1, "FAILED: checkpoint 2026-03-02 (7 entries) has fewer entries than "
                              "checkpoint 2026-03-01 (8 entries) before it",
                           "--checkpoints", self.checkpoints([8, 7]))

    def test_tampered_root(self):
        d = leaves(8)
        root = bytearray(mth(d))
        root[0] ^= 1
        cps = self.file("tampered-root.txt", (self.note(8, bytes(root), "2026-03-01") + "\n").encode())
        doc, prf = self.prove(8, 5, d)
        self.assertVerdict(1, f"FAILED: {prf} does not lead to the root of checkpoint 2026-03-01 (8 entries)",
                           "--checkpoints", cps, "--document", doc, "--proof", prf)

    def test_tampered_path_hash(self):
        d = leaves(7)
        p = path(3, d)
        p[1] = sha256(p[1])
        prf = self.file("tampered-path.proof", inclusion_file(7, 3, d[3], p))
        self.assertVerdict(1, f"FAILED: {prf} does not lead to the root of checkpoint 2026-03-01 (7 entries)",
                           "--checkpoints", self.checkpoints([7], d), "--document",
                           self.file("doc-3.pdf", doc_bytes(3)), "--proof", prf)

    def test_wrong_leaf_index(self):
        d = leaves(8)
        cps, doc = self.checkpoints([8], d), self.file("doc-3.pdf", doc_bytes(3))
        prf = self.file("wrong-index.proof", inclusion_file(8, 4, d[3], path(3, d)))
        self.assertVerdict(1, f"FAILED: {prf} does not lead to the root of checkpoint 2026-03-01 (8 entries)",
                           "--checkpoints", cps, "--document", doc, "--proof", prf)
        # In a tree of 7, entry 6 has a path of 2 hashes, entry 5 one of 3.
        d = leaves(7)
        prf = self.file("wrong-index.proof", inclusion_file(7, 5, d[6], path(6, d)))
        self.assertVerdict(1, f"FAILED: {prf} has 2 path hashes; a proof for index 5 of 7 entries has 3",
                           "--checkpoints", self.checkpoints([7], d), "--document",
                           self.file("doc-6.pdf", doc_bytes(6)), "--proof", prf)
        prf = self.file("outside.proof", inclusion_file(7, 7, d[6], path(6, d)))
        self.assertVerdict(1, f"FAILED: {prf}: entry index 7 is outside a tree of 7 entries",
                           "--checkpoints", self.checkpoints([7], d), "--document",
                           self.file("doc-6.pdf", doc_bytes(6)), "--proof", prf)

    def test_malformed_proof_files(self):
        d = leaves(8)
        cps, doc = self.checkpoints([8], d), self.file("doc-2.pdf", doc_bytes(2))
        good = inclusion_file(8, 2, d[2], path(2, d))
        for data, reason in [
                (good[:-10], "is truncated ({} bytes, ends inside hash 3 of 3)".format(len(good) - 10)),
                (good[:12], "is truncated (12 bytes, ends inside tree_size)"),
                (b"", "is truncated (0 bytes, ends inside the magic)"),
                (b"HDCP1" + good[5:], "is not an hdreg inclusion proof (it does not start with HDIP1)"),
                (good + b"\x00", "has 1 bytes after its last hash"),
                (inclusion_file(8, 2, d[2], path(2, d)[:2]), "has 2 path hashes; a proof for index 2 "
                                                             "of 8 entries has 3")]:
            prf = self.file("bad.proof", data)
            self.assertVerdict(1, f"FAILED: {prf} {reason}",
                               "--checkpoints", cps, "--document", doc, "--proof", prf)
        cps = self.checkpoints([5, 8], d)
        good = consistency_file(5, 8, proof(5, d))
        for data, reason in [
                (good[:-1], "is truncated ({} bytes, ends inside hash 4 of 4)".format(len(good) - 1)),
                (b"HDIP1" + good[5:], "is not an hdreg consistency proof (it does not start with HDCP1)"),
                (good + b"xy", "has 2 bytes after its last hash"),
                (consistency_file(5, 8, proof(5, d) + [mth(d)]), "has 5 hashes; a proof from 5 to 8 "
                                                                  "entries has 4"),
                (consistency_file(8, 5, []), "goes from 8 down to 5 entries")]:
            c = self.file("bad-c.proof", data)
            self.assertVerdict(1, f"FAILED: {c} {reason}", "--checkpoints", cps, "--consistency", c)

    def test_document_bytes_differ(self):
        d = leaves(8)
        _, prf = self.prove(8, 4, d)
        doc = self.file("doc-4.pdf", doc_bytes(4) + b" ")
        digest = hashlib.sha256(doc_bytes(4) + b" ").hexdigest()
        self.assertVerdict(1, f"FAILED: {doc} is not the document of entry 5: its SHA-256 is {digest}, "
                              f"the entry records {hashlib.sha256(doc_bytes(4)).hexdigest()}",
                           "--checkpoints", self.checkpoints([8], d), "--document", doc, "--proof", prf)

    def test_entry_not_a_document(self):
        for payload in (b'["event",12,3,"2026-03-16","submitted","accepted","clerk","",null]',
                        b'["row","documents",4,null]',
                        b'["row","cases",4,[4,"SQ-2026-0004"]]',
                        b'not json', b'\xff\xfe'):
            d = leaves(4) + [payload] + leaves(6)[5:]
            prf = self.file("other.proof", inclusion_file(6, 4, payload, path(4, d)))
            self.assertVerdict(1, "FAILED: the proof's entry is not a document",
                               "--checkpoints", self.checkpoints([6], d), "--document",
                               self.file("doc-4.pdf", doc_bytes(4)), "--proof", prf)

    def test_proof_for_no_checkpoint(self):
        d = leaves(9)
        doc, prf = self.prove(9, 4, d)
        self.assertVerdict(1, f"FAILED: {prf} is for a tree of 9 entries; no checkpoint has that size",
                           "--checkpoints", self.checkpoints([8], d), "--document", doc, "--proof", prf)

    def test_renamed_document_warns(self):
        d = leaves(3)
        _, prf = self.prove(3, 1, d)
        doc = self.file("renamed.pdf", doc_bytes(1))
        out = self.assertVerdict(0, "OK: renamed.pdf (certificate) is entry 2 of the register, under "
                                    "checkpoint 2026-03-01 (3 entries); 1 checkpoint",
                                 "--checkpoints", self.checkpoints([3], d), "--document", doc, "--proof", prf)
        self.assertIn(f"warning: {doc} was recorded as /srv/hdreg/out/doc-1.pdf\n", out)

    def test_bad_signature(self):
        text = self.note(8, mth(leaves(8)), "2026-03-01")
        sig = bytearray(base64.b64decode(text.split(" ")[-1]))
        sig[10] ^= 0x40
        bad = text.rsplit(" ", 1)[0] + " " + base64.b64encode(bytes(sig)).decode() + "\n\n"
        self.assertVerdict(1, f"FAILED: checkpoint #1 (line 1): the signature does not verify with {self.key}",
                           "--checkpoints", self.file("bad-sig.txt", bad.encode()))
        # the body changed after signing: 8 entries signed, 9 shown
        edited = text.replace("\n8\n", "\n9\n", 1) + "\n"
        self.assertVerdict(1, f"FAILED: checkpoint #1 (line 1): the signature does not verify with {self.key}",
                           "--checkpoints", self.file("edited.txt", edited.encode()))

    def test_other_key(self):
        d = leaves(8)
        text = self.note(8, mth(d), "2026-03-01", signers=("other",)) + "\n"
        self.assertVerdict(1, f"FAILED: checkpoint #1 (line 1) is not signed by the key in {self.key}",
                           "--checkpoints", self.file("other.txt", text.encode()))
        # the other key's signature is ignored when the authority's is there too
        text = self.note(8, mth(d), "2026-03-01", signers=("other", "authority")) + "\n"
        self.assertVerdict(0, "OK: the register of hdreg.example/guangdong is at checkpoint 2026-03-01 "
                              "(8 entries); 1 checkpoint",
                           "--checkpoints", self.file("both.txt", text.encode()))
        # verified with the other key, the authority's checkpoints fail
        self.assertVerdict(1, "FAILED: checkpoint #1 (line 1) is not signed by the key in "
                              f"{self.keys['other'][1]}",
                           "--checkpoints", self.checkpoints([8], d), key=self.keys["other"][1])

    def test_origin(self):
        d = leaves(8)
        self.assertVerdict(1, "FAILED: checkpoint #1 (line 1) is for hdreg.example/guangdong, not hdreg.example/hainan",
                           "--checkpoints", self.checkpoints([8], d), "--origin", "hdreg.example/hainan")
        text = (self.note(3, mth(d[:3]), "2026-03-01") + "\n"
                + self.note(8, mth(d), "2026-03-02", origin="hdreg.example/hainan") + "\n")
        self.assertVerdict(1, "FAILED: checkpoint #2 (line 8) is for hdreg.example/hainan, not hdreg.example/guangdong",
                           "--checkpoints", self.file("two-origins.txt", text.encode()))

    def test_malformed_checkpoints(self):
        note = self.note(8, mth(leaves(8)), "2026-03-01")
        bad_sig = note.rsplit(" ", 1)[0] + " AAAA"
        p = os.path.join(self.dir, "checkpoints.bad")
        for text, reason in [
                ("", f"{p} holds no checkpoint"),
                (note.rstrip("\n"), f"{p} line 1: {TORN}"),
                (note[:-9], f"{p} line 1: {TORN}"),
                (note + "\n" + note[:-30], f"{p} line 8: {TORN}"),
                (note.split("\n\n")[0] + "\n\n", f"{p} line 1: {TORN}"),
                (note + "\n" + note.split("\n\n")[0] + "\n", f"{p} line 8: {TORN}"),
                (note + "\n\n", f"{p} line 8: an empty line where a checkpoint should start"),
                (note.replace("\u2014 ", "-- ") + "\n",
                 f"{p} line 6: expected a signature line (— name signature)"),
                (bad_sig + "\n\n", f"checkpoint #1 (line 1): malformed signature line {bad_sig.splitlines()[-1]!r}"),
                ("hdreg.example/guangdong\n8\n\n" + note.split("\n\n")[1] + "\n",
                 "checkpoint #1 (line 1) has 2 body lines, not origin, size and root"),
                (note.replace("\n8\n", "\n08\n") + "\n",
                 "checkpoint #1 (line 1): the size line '08' is not a decimal number"),
                (note.replace("\n8\n", "\n18446744073709551616\n") + "\n",
                 "checkpoint #1 (line 1): the size line '18446744073709551616' is not a decimal number"),
                (note.replace("=\n", "\n", 1) + "\n", "checkpoint #1 (line 1): the root line "
                 f"{base64.b64encode(mth(leaves(8))).decode()[:-1]!r} is not 32 bytes in base64"),
                (note.replace("\n8\n", "\n0\n") + "\n",
                 "checkpoint #1 (line 1) has 0 entries, but its root is not that of the empty tree"),
                (note.replace("date 2026-03-01", "date 16.3.2026") + "\n",
                 "checkpoint #1 (line 1): the date line 'date 16.3.2026' is not date YYYY-MM-DD"),
                (note.replace("date 2026-03-01", "date 2026-02-30") + "\n",
                 "checkpoint #1 (line 1): the date line 'date 2026-02-30' is not date YYYY-MM-DD"),
                (note.replace("\n", "\r\n") + "\r\n", f"{p} line 1 has a control character (Windows line ends?)"),
                (note.replace("date", "date\t"), f"{p} line 4 has a control character"),
                (b"\xff\n", f"{p} is not UTF-8 text")]:
            self.file("checkpoints.bad", text if isinstance(text, bytes) else text.encode())
            self.assertVerdict(1, "FAILED: " + reason, "--checkpoints", p)
        # the final empty line may be missing; extension lines other than date are allowed
        self.assertVerdict(0, "OK: the register of hdreg.example/guangdong is at checkpoint 2026-03-01 "
                              "(8 entries); 1 checkpoint", "--checkpoints", self.file("no-end.txt", note.encode()))
        # a checkpoint without a date line is named by its place in the file
        body = f"{ORIGIN}\n0\n{base64.b64encode(mth([])).decode()}\nrun nightly\n".encode()
        text = body.decode() + "\n" + self.sign(body) + "\n"
        self.assertVerdict(0, "OK: the register of hdreg.example/guangdong is at checkpoint #1 "
                              "(0 entries); 1 checkpoint", "--checkpoints", self.file("empty.txt", text.encode()))

    def test_usage_errors(self):
        cps = self.checkpoints([8])
        code, _, err = self.run_verifier("--checkpoints", os.path.join(self.dir, "nonexistent.txt"))
        self.assertEqual(code, 2)
        self.assertIn("cannot read", err)
        code, _, err = self.run_verifier("--checkpoints", cps, "--document", cps)
        self.assertEqual(code, 2)
        self.assertIn("--document needs its --proof", err)
        code, _, err = self.run_verifier("--checkpoints", cps, key=cps)
        self.assertEqual(code, 2)
        self.assertIn("is not an Ed25519 public key", err)
        self.assertEqual(subprocess.run([sys.executable, VERIFIER], capture_output=True).returncode, 2)


if __name__ == "__main__":
    unittest.main()
