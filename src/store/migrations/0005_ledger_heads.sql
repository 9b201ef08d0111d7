-- hdreg schema v5: the chain head signed after each run (clause 5.3.2). With the signed
-- heads, even a whole chain rewritten consistently by someone with the database but
-- without the authority's key is found: a signed head would no longer be in it.
CREATE TABLE ledger_heads (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,              -- the run date
  seq       INTEGER NOT NULL,           -- the last entry at that time
  head      TEXT NOT NULL CHECK (length(head) = 64),
  signature TEXT NOT NULL               -- Ed25519 over "HDREG-LEDGER:seq:head", Crockford base32
);
CREATE TRIGGER ledger_heads_no_update BEFORE UPDATE ON ledger_heads
BEGIN
  SELECT RAISE(ABORT, 'signed heads are never changed');
END;
CREATE TRIGGER ledger_heads_no_delete BEFORE DELETE ON ledger_heads
BEGIN
  SELECT RAISE(ABORT, 'signed heads are never deleted');
END;
