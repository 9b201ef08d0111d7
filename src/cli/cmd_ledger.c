/* cmd_ledger.c: `hdreg ledger verify|show` — the register's hash chain (clause 5.3.2); `hdreg
 * keygen`, the authority's keys; `hdreg verify`, what a document someone hands in is. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#include "cli/cli.h"
#include "model/certrecord.h"
#include "ledger/chain.h"
#include "ledger/register.h"
#include <openssl/evp.h>
#include "pdf/sign.h"
#include "ledger/ledger.h"
#include "util/fsutil.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/date.h"
#include "util/sha256.h"
#include "store/store.h"
#include "util/diag.h"
#include "util/date.h"
#include <json-c/json.h>

static const char HELP[] =
    "usage: hdreg ledger verify --db FILE [--keys DIR] [--checkpoints FILE]\n"
    "                           [--format text|json]\n"
    "       hdreg ledger show --db FILE [--case ID|NUMBER]\n"
    "       hdreg ledger prove (CERTIFICATE-NUMBER | --entry SEQ) --db FILE --checkpoints FILE\n"
    "                          --keys DIR --out PROOF|-\n"
    "       hdreg ledger consistency OLD NEW --db FILE --out PROOF|-\n"
    "       hdreg ledger adopt --db FILE --date YYYY-MM-DD --by NAME --reason TEXT\n"
    "\n"
    "The register (clause 5.3.2) is a chain of entries: every row hdreg writes to a table\n"
    "that decides a case or is printed on a document (the application as received,\n"
    "findings, decisions, waivers, certificates with their frozen fields, status and\n"
    "validity, numbering, the procedure, documents, imports, ...) is appended as an entry,\n"
    "each entry's hash covering the one before; the entries are also the leaves of a\n"
    "Merkle tree (RFC 6962). Each night with --keys publishes a signed checkpoint (tree\n"
    "size, root hash, date; C2SP tlog-checkpoint) to a file outside the database.\n"
    "  verify       recomputes, in C, every entry's hash and every covered row's entry:\n"
    "               names the first broken entry, and every row changed, inserted or\n"
    "               deleted past hdreg (table, row, what changed, the entry that recorded\n"
    "               it); with --checkpoints (and --keys for authority-qr.pub) also that the\n"
    "               register extends every published checkpoint (not rewritten, not\n"
    "               truncated); with --keys the heads signed in the database too;\n"
    "               --format json: one JSON document on stdout (hdreg(1), CONVENTIONS)\n"
    "  show         lists the entries (of one case), oldest first\n"
    "  prove        writes the inclusion proof of a certificate's document entry against\n"
    "               the newest checkpoint that covers it (docs/hdreg-verify.py checks it),\n"
    "               after checking every checkpoint's signature with --keys\n"
    "               (authority-qr.pub);\n"
    "               --entry: of any entry by its number\n"
    "  consistency  writes the proof that the tree of NEW entries extends that of OLD\n"
    "  adopt        after a change made past hdreg was explained (a repair by hand):\n"
    "               appends an entry saying who accepted it, when and why, then every\n"
    "               changed row as it now stands; verify is intact again and the history\n"
    "               shows it (a broken chain, or entries under a checkpoint, cannot be\n"
    "               adopted)\n"
    "verify, show, prove and consistency only read FILE: it may be write-protected or on a\n"
    "read-only mount, and is never migrated (an older schema is refused). verify first has\n"
    "SQLite check the whole file (PRAGMA quick_check: a damaged page is named). A missing\n"
    "or empty file is not a register.\n"
    "\n"
    "Exit: 0 intact / written, 3 the register was changed, a checkpoint is not extended or\n"
    "the file is damaged (every problem on stderr), 2 usage, 4 database (missing, empty,\n"
    "not a register, another schema version).\n";

/* ledger verify's answer as JSON (hdreg(1), CONVENTIONS): a of an audit that ended in rc. */
static void verify_json(const hd_audit *a, int rc, const char *keys, const char *checkpoints,
                        long long heads, const char *error) {
  json_object *o = json_object_new_object();
  char root[48] = "";
  if (rc == HD_OK) EVP_EncodeBlock((unsigned char *)root, a->chain.root, 32);
  json_object_object_add(o, "intact", json_object_new_boolean(rc == HD_OK));
  json_object_object_add(o, "entries", json_object_new_int64(a->chain.entries));
  json_object_object_add(o, "rows", json_object_new_int64(a->chain.rows));
  json_object_object_add(o, "head", json_object_new_string(a->chain.head));
  json_object_object_add(o, "tree_head", rc == HD_OK ? json_object_new_string(root) : NULL);
  json_object *cp = NULL;
  if (checkpoints) {
    cp = json_object_new_object();
    json_object_object_add(cp, "count", json_object_new_int(a->checkpoints));
    json_object_object_add(cp, "last_date", json_object_new_string(a->last_date));
    json_object_object_add(cp, "last_size", json_object_new_int64(a->last_size));
  }
  json_object_object_add(o, "checkpoints", cp);
  json_object_object_add(o, "signed_heads", keys && rc == HD_OK ? json_object_new_int64(heads) : NULL);
  json_object_object_add(o, "problems", cli_json_lines(a->chain.list.p));
  int more = a->chain.problems - HD_CHAIN_LIST_MAX;
  json_object_object_add(o, "more_problems", json_object_new_int(more > 0 ? more : 0));
  json_object_object_add(o, "error", error && *error ? json_object_new_string(error) : NULL);
  cli_json_print(o);
}

static int ledger_verify(sqlite3 *db, const char *path, const char *keys, const char *checkpoints,
                         int json, hd_err *err) {
  hd_audit a;
  int rc = register_audit(db, checkpoints, 0, keys, 1, path, &a, err);
  long long heads = 0;
  if (rc == HD_OK && keys) rc = chain_verify_heads(db, keys, &heads, err);
  if (json) verify_json(&a, rc, keys, checkpoints, heads, rc ? err->msg : NULL);
  if (rc == HD_OK && !json) {
    char root[48];
    EVP_EncodeBlock((unsigned char *)root, a.chain.root, 32);
    printf("ledger intact: %lld entries, %lld rows, head %s, tree head %s", a.chain.entries,
           a.chain.rows, a.chain.head[0] ? a.chain.head : "(empty)", root);
    if (checkpoints)
      printf("; extends %d checkpoint%s (last %s, %lld entr%s)", a.checkpoints,
             a.checkpoints == 1 ? "" : "s", a.last_date[0] ? a.last_date : "-", a.last_size,
             a.last_size == 1 ? "y" : "ies");
    if (keys) printf("; %lld signed head%s verified", heads, heads == 1 ? "" : "s");
    putchar('\n');
  } else if (rc != HD_OK && a.chain.list.len) {
    /* Every problem, a line each; the first is err. */
    cli_lines(stderr, "hdreg: ledger verify: ", a.chain.list.p, a.chain.problems - HD_CHAIN_LIST_MAX);
    err->msg[0] = '\0';
  }
  register_audit_free(&a);
  return rc;
}

static int parse_size(const char *s, long long *out) {
  char *end = NULL;
  long long v = strtoll(s, &end, 10);
  if (!*s || !end || *end || v < 0) return -1;
  *out = v;
  return 0;
}

int cmd_ledger(int argc, char **argv) {
  static const struct option OPTS[] = {{"db", required_argument, NULL, 'd'},
                                       {"case", required_argument, NULL, 'c'},
                                       {"keys", required_argument, NULL, 'k'},
                                       {"checkpoints", required_argument, NULL, 'p'},
                                       {"out", required_argument, NULL, 'o'},
                                       {"date", required_argument, NULL, 't'},
                                       {"entry", required_argument, NULL, 'e'},
                                       {"by", required_argument, NULL, 'b'},
                                       {"reason", required_argument, NULL, 'r'},
                                       {"format", required_argument, NULL, 'f'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  int json = 0;
  if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
    fputs(HELP, stdout);
    return HD_EXIT_OK;
  }
  static const char *const ACTIONS[] = {"verify", "show", "prove", "consistency", "adopt"};
  int act = -1;
  for (int i = 0; argc >= 2 && i < 5; i++)
    if (!strcmp(argv[1], ACTIONS[i])) act = i;
  if (act < 0) {
    cli_error("ledger: verify, show, prove, consistency or adopt? (see hdreg ledger --help)");
    return HD_EXIT_USAGE;
  }
  const char *action = argv[1], *db_path = cli_conf(CONF_DATABASE), *case_arg = NULL, *keys = NULL,
             *checkpoints = NULL, *out = NULL, *date = NULL, *by = NULL, *reason = NULL,
             *entry_arg = NULL;
  int c;
  optind = 2;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': db_path = optarg; break;
    case 'c': case_arg = optarg; break;
    case 'k': keys = optarg; break;
    case 'p': checkpoints = optarg; break;
    case 'o': out = optarg; break;
    case 't': date = optarg; break;
    case 'e': entry_arg = optarg; break;
    case 'b': by = optarg; break;
    case 'r': reason = optarg; break;
    case 'f':
      if ((json = cli_format("ledger", optarg)) < 0) return HD_EXIT_USAGE;
      break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      return cli_bad_option("ledger", OPTS, argv);
    }
  }
  if (json && act != 0) {
    cli_error("ledger %s: --format is for ledger verify (see hdreg ledger --help)", action);
    return HD_EXIT_USAGE;
  }
  int want_args = act == 2 ? (entry_arg ? 0 : 1) : act == 3 ? 2 : 0;
  long long old_size = 0, new_size = 0, entry = 0;
  if (!db_path || argc - optind != want_args || (entry_arg && (act != 2 || parse_size(entry_arg, &entry) || !entry)) || ((act == 2 || act == 3) && !out) || (act == 2 && (!checkpoints || !keys)) ||
      (act == 3 && (parse_size(argv[optind], &old_size) || parse_size(argv[optind + 1], &new_size))) ||
      (act == 4 && (!date || !hd_date_parse(date, &(hd_date){0}) || !by || !*by || !reason || !*reason))) {
    static const char *const NEED[] = {
        "--db is required", "--db is required", "a certificate number or --entry SEQ (from 1), --db, --checkpoints, --keys and --out are required",
        "OLD and NEW (tree sizes), --db and --out are required",
        "--db, --date YYYY-MM-DD, --by and --reason are required"};
    cli_error("ledger %s: %s (see hdreg ledger --help)", action, NEED[act]);
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  int rc = act == 4 ? store_open(db_path, HD_STORE_MUST_EXIST, &db, &err)
                    : store_open_readonly(db_path, &db, &err);
  if (rc == HD_OK && act == 0) {
    /* SQLite's own check of the file runs beside the rest: a damaged page is a broken
     * register, whatever else is found. */
    rc = ledger_verify(db, db_path, keys, checkpoints, json, &err);
  } else if (rc == HD_OK && act == 1) {
    long long id = 0;
    char *number = NULL;
    if (case_arg && !(id = cli_find_case(db, case_arg, &number)))
      rc = hd_err_set(&err, HD_EDATA, "case '%s' does not exist", case_arg);
    if (rc == HD_OK) rc = chain_show(db, id, stdout, &err);
    free(number);
  } else if (rc == HD_OK && act == 4) {
    hd_audit a;
    rc = register_adopt(db, date, by, reason, &a, &err);
    if (rc == HD_OK) {
      cli_lines(stdout, "adopted: ", a.chain.list.p, 0);
      printf("%d row%s adopted by %s on %s: %s\n", a.chain.problems, a.chain.problems == 1 ? "" : "s",
             by, date, reason);
    }
    register_audit_free(&a);
  } else if (rc == HD_OK) {
    hd_proof_info info;
    const char *number = entry_arg ? NULL : argv[optind];
    /* --out -: the proof is written to a file of its own, then to standard output; what
     * was written is said on standard error, which does not carry the proof. */
    char spool[4096] = "";
    const char *to = out;
    FILE *say = stdout;
    if (cli_is_stdio(out)) {
      const char *dir = getenv("TMPDIR");
      hd_snprintf(spool, sizeof spool, "%s/hdreg-proof.XXXXXX", dir && *dir ? dir : "/tmp");
      int fd = mkstemp(spool);
      if (fd < 0) {
        rc = hd_err_set(&err, HD_EIO, "cannot make a temporary file for the proof: %s", strerror(errno));
        spool[0] = '\0';
      } else {
        close(fd);
      }
      to = spool;
      say = stderr;
      out = "<stdout>";
    }
    if (rc == HD_OK)
      rc = act == 2 ? register_prove(db, number, entry, checkpoints, keys, to, &info, &err)
                    : register_consistency(db, old_size, new_size, to, &info, &err);
    if (rc == HD_OK && spool[0]) {
      char *proof = NULL;
      size_t plen = 0;
      rc = hd_read_file(spool, (size_t)1 << 24, &proof, &plen, &err);
      if (rc == HD_OK) rc = cli_write_output("-", proof, plen, &err);
      free(proof);
    }
    if (spool[0]) unlink(spool);
    if (rc == HD_OK && cli_quiet) {
      /* written: nothing to say */
    } else if (rc == HD_OK && act == 2)
      fprintf(say, "%s: inclusion proof of %s%s%s%lld%s under the checkpoint of %s (%lld entr%s): "
             "%d hashes, %ld bytes\n", out, number ? "certificate " : "", number ? number : "",
             number ? " (entry " : "entry ", info.seq, number ? ")" : "",
             info.date[0] ? info.date : "-", info.size, info.size == 1 ? "y" : "ies", info.hashes,
             info.bytes);
    else if (rc == HD_OK)
      fprintf(say, "%s: consistency proof from %lld to %lld entries: %d hashes, %ld bytes\n", out,
             old_size, new_size, info.hashes, info.bytes);
  }
  if (rc && json && act == 0 && !db) { /* not a register to audit: the answer says why */
    hd_audit none;
    memset(&none, 0, sizeof none);
    verify_json(&none, rc, keys, checkpoints, 0, err.msg);
  }
  if (rc && err.msg[0]) cli_error("ledger %s: %s", action, err.msg);
  store_close(db);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}

static const char KEYGEN_HELP[] =
    "usage: hdreg keygen --keys DIR --name AUTHORITY [--years N] [--bits 2048|3072]\n"
    "\n"
    "Make the authority's signing key DIR/authority.key (RSA, 3072 bits unless --bits\n"
    "2048: that signs about four times faster; PEM, mode 0600) and a\n"
    "self-signed certificate DIR/authority.crt for AUTHORITY, valid N years (default 10),\n"
    "and the Ed25519 key that signs the QR codes of paper certificates,\n"
    "DIR/authority-qr.key (0600) with its public key DIR/authority-qr.pub.\n"
    "An existing key is never overwritten. To use a key and certificate from elsewhere, put\n"
    "them there as PEM under these names. Keys belong in a directory of their own, never\n"
    "in the database: hdreg run --keys DIR signs every document with them.\n"
    "\n"
    "Exit: 0 made, 2 usage or a key already there, 5 the directory cannot be written.\n";

int cmd_keygen(int argc, char **argv) {
  static const struct option OPTS[] = {{"keys", required_argument, NULL, 'k'},
                                       {"name", required_argument, NULL, 'n'},
                                       {"years", required_argument, NULL, 'y'},
                                       {"bits", required_argument, NULL, 'b'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *dir = NULL, *name = NULL;
  int years = 10, bits = 3072, c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'k': dir = optarg; break;
    case 'n': name = optarg; break;
    case 'y': years = atoi(optarg); break;
    case 'b': bits = atoi(optarg); break;
    case 'h': fputs(KEYGEN_HELP, stdout); return HD_EXIT_OK;
    default:
      return cli_bad_option("keygen", OPTS, argv);
    }
  }
  if (!dir || !name || !*name || years < 1 || years > 50 || optind < argc ||
      (bits != 2048 && bits != 3072)) {
    cli_error("keygen: --keys and --name are required, --years from 1 to 50, --bits 2048 or "
              "3072 (see hdreg keygen --help)");
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  int rc = hd_mkdirs(dir, &err);
  if (rc == HD_OK) rc = sign_keygen(dir, name, years, bits, &err);
  if (rc) {
    cli_error("keygen: %s", err.msg);
    return hd_exit_for(rc);
  }
  if (cli_quiet) return HD_EXIT_OK;
  printf("key and certificate for %s in %s/authority.key and %s/authority.crt\n", name, dir, dir);
  printf("QR code key in %s/authority-qr.key (publish %s/authority-qr.pub)\n", dir, dir);
  return HD_EXIT_OK;
}

static const char VERIFY_HELP[] =
    "usage: hdreg verify FILE.pdf... [--keys DIR] [--db FILE] [--as-of DATE]\n"
    "                    [--format text|json]\n"
    "       hdreg verify --qr TEXT --keys DIR [--format text|json]\n"
    "\n"
    "Say what a document someone hands in is, one line per file: FILE: ANSWER. FILE - is\n"
    "standard input. --format json: one JSON document with the file, a one-word status\n"
    "and the answer of each (hdreg(1), CONVENTIONS).\n"
    "Without --keys, only whether its embedded signature is sound and covers the whole file\n"
    "(intact) or not (altered). With --keys (the register's authority.crt is enough),\n"
    "whether this register signed it. With --db as well, which document it is (found by its\n"
    "bytes): its kind and case, and for a certificate whether it is in force on DATE\n"
    "(--as-of DATE, default today). The answers:\n"
    "\n"
    "  authentic and current (certificate N of case C, in force on DATE, valid until V;\n"
    "    signed by S)\n"
    "      a certificate in force on DATE. If it was superseded or cancelled after DATE,\n"
    "      \"; later superseded on D by certificate M\" or \"; later cancelled on D by\n"
    "      cancellation case C2\" comes before \"; signed by\"\n"
    "  authentic (review opinion of case C, issued D; signed by S)\n"
    "  authentic (public notice N of K cases, published D, notice period until E;\n"
    "    signed by S)\n"
    "  authentic (cancellation notice of case C for certificate N, issued D; signed by S)\n"
    "      a document that is not a certificate, issued on or before DATE\n"
    "  authentic but superseded: certificate N of case C was replaced on D by certificate M\n"
    "    (change|transfer, case C2)\n"
    "  authentic but cancelled: certificate N of case C was cancelled on D by cancellation\n"
    "    case C2\n"
    "  authentic but expired: certificate N of case C was valid until V (as of DATE)\n"
    "  authentic but not yet issued on DATE: certificate N of case C was registered on D\n"
    "      (a document that is not a certificate: \"the review opinion of case C was issued\n"
    "      on D\", \"the public notice N of K cases was published on D\", ...)\n"
    "  authentic but not in force: certificate N of case C is 'STATUS' in the register\n"
    "  authentic but misnamed: this is the KIND... (STANDING), recorded as 'NAME'; 'FILE' is\n"
    "    the name of the KIND... (or: recorded as 'NAME', not 'FILE')\n"
    "      the file has the bytes of a document the register recorded under another name,\n"
    "      so whoever goes by the file's name is misled (two review opinions swapped).\n"
    "      Only the names are compared, not the folders: documents are copied and moved to\n"
    "      other folders legitimately. STANDING is \"in force on DATE, valid until V\",\n"
    "      \"issued D\", \"superseded on D by certificate M\", \"cancelled on D\", \"expired:\n"
    "      valid until V\", \"not yet issued on DATE\" or \"not in force\"\n"
    "  not issued by this register: signed with another key\n"
    "  not issued by this register: the document is not signed\n"
    "  not issued by this register: its bytes are not in the register    (--db)\n"
    "  altered: the document was changed after it was signed\n"
    "  intact: the signature of S covers the whole file; give --keys ...  (no --keys)\n"
    "  authentic (signed by S; give --db for its status)                  (no --db)\n"
    "\n"
    "A certificate is superseded from the day the certificate that replaced it was\n"
    "registered, cancelled from the day its cancellation was carried out, and expired after\n"
    "the last day of its validity; before its registration date it is not yet issued.\n"
    "\n"
    "With --qr: the text of a paper certificate's QR code, checked against the register's\n"
    "QR key (DIR/authority-qr.pub) offline: authentic, with the certificate number and\n"
    "the SHA-256 of its record (rebuild it from the printed fields, docs/verification.md),\n"
    "or invalid. TEXT is the code itself (HDREG1:...) or the lookup address a QR code of a\n"
    "register with lookup_base_url holds (BASE?n=NUMBER#HDREG1:...): its one n= must name\n"
    "the certificate of its code.\n"
    "\n"
    "The register given with --db is only read: it may be write-protected or on a\n"
    "read-only mount.\n"
    "\n"
    "Exit: 0 authentic and current (a certificate), authentic (another document), intact,\n"
    "or authentic without --db, each under its own name; 3 anything else; 2 usage (also an\n"
    "--as-of that is not a date YYYY-MM-DD); 4 database.\n";

/* A value the register should have but does not: "?". */
#define OR_Q(s) (*(s) ? (s) : "?")

/* "certificate N of case C", "review opinion of case C", ... into out. */
static void doc_what(const hd_doc_info *d, char *out, size_t size) {
  if (!strcmp(d->kind, "certificate"))
    hd_snprintf(out, size, "certificate %s of case %s", OR_Q(d->cert_number),
                OR_Q(*d->cert_case ? d->cert_case : d->case_number));
  else if (!strcmp(d->kind, "review_opinion"))
    hd_snprintf(out, size, "review opinion of case %s", OR_Q(d->case_number));
  else if (!strcmp(d->kind, "notice"))
    hd_snprintf(out, size, "public notice %s of %lld case%s", OR_Q(d->notice_number),
                d->notice_cases, d->notice_cases == 1 ? "" : "s");
  else if (!strcmp(d->kind, "cancellation"))
    hd_snprintf(out, size, "cancellation notice of case %s for certificate %s",
                OR_Q(d->case_number), OR_Q(d->cert_number));
  else {
    char kind[sizeof d->kind];
    hd_snprintf(kind, sizeof kind, "%s", d->kind);
    for (char *p = kind; *p; p++)
      if (*p == '_') *p = ' ';
    hd_snprintf(out, size, "%s%s%s", kind, *d->case_number ? " of case " : "", d->case_number);
  }
}

/* When a document that is not a certificate came out: "issued D", or a notice's dates. */
static void doc_when(const hd_doc_info *d, char *out, size_t size) {
  if (!strcmp(d->kind, "notice"))
    hd_snprintf(out, size, "published %s, notice period until %s", OR_Q(d->notice_published),
                OR_Q(d->notice_end));
  else
    hd_snprintf(out, size, "issued %s", d->created);
}

/* The answer for a document of the register (after "FILE: "), and in *brief the same
 * in a few words for the misnamed answer. */
static void doc_answer(const hd_doc_info *d, hd_doc_standing standing, const char *as_of,
                       const char *signer, char *out, size_t size, char *brief, size_t bsize) {
  char what[512], when[256], later[256] = "";
  doc_what(d, what, sizeof what);
  doc_when(d, when, sizeof when);
  int cert = !strcmp(d->kind, "certificate");
  switch (standing) {
  case HD_DOC_AUTHENTIC:
    if (!cert) {
      hd_snprintf(out, size, "authentic (%s, %s; signed by %s)", what, when, signer);
      hd_snprintf(brief, bsize, "%s", when);
      break;
    }
    if (!strcmp(d->cert_status, "superseded"))
      hd_snprintf(later, sizeof later, "; later superseded on %s by certificate %s",
                  d->superseded_date, d->superseded_by);
    else if (!strcmp(d->cert_status, "cancelled"))
      hd_snprintf(later, sizeof later, "; later cancelled on %s by cancellation case %s",
                  d->cancel_date, OR_Q(d->cancel_case));
    hd_snprintf(out, size, "authentic and current (%s, in force on %s, valid until %s%s; "
                "signed by %s)", what, as_of, d->valid_until, later, signer);
    hd_snprintf(brief, bsize, "in force on %s, valid until %s", as_of, d->valid_until);
    break;
  case HD_DOC_NOT_YET:
    if (cert)
      hd_snprintf(out, size, "authentic but not yet issued on %s: %s was registered on %s",
                  as_of, what, d->registered);
    else
      hd_snprintf(out, size, "authentic but not yet issued on %s: the %s was %s on %s", as_of,
                  what, !strcmp(d->kind, "notice") ? "published" : "issued",
                  !strcmp(d->kind, "notice") ? d->notice_published : d->created);
    hd_snprintf(brief, bsize, "not yet issued on %s", as_of);
    break;
  case HD_DOC_SUPERSEDED:
    if (*d->superseded_by) {
      hd_snprintf(out, size, "authentic but superseded: %s was replaced on %s by certificate "
                  "%s (%s%scase %s)", what, d->superseded_date, d->superseded_by,
                  d->superseded_type, *d->superseded_type ? ", " : "", OR_Q(d->superseded_case));
      hd_snprintf(brief, bsize, "superseded on %s by certificate %s", d->superseded_date,
                  d->superseded_by);
    } else {
      hd_snprintf(out, size, "authentic but superseded: %s was replaced (the register does "
                  "not say by which certificate)", what);
      hd_snprintf(brief, bsize, "superseded");
    }
    break;
  case HD_DOC_CANCELLED:
    if (*d->cancel_case) {
      hd_snprintf(out, size, "authentic but cancelled: %s was cancelled on %s by cancellation "
                  "case %s", what, OR_Q(d->cancel_date), d->cancel_case);
      hd_snprintf(brief, bsize, "cancelled on %s", OR_Q(d->cancel_date));
    } else {
      hd_snprintf(out, size, "authentic but cancelled: %s was cancelled (the register records "
                  "no cancellation case)", what);
      hd_snprintf(brief, bsize, "cancelled");
    }
    break;
  case HD_DOC_EXPIRED:
    hd_snprintf(out, size, "authentic but expired: %s was valid until %s (as of %s)", what,
                d->valid_until, as_of);
    hd_snprintf(brief, bsize, "expired: valid until %s", d->valid_until);
    break;
  case HD_DOC_NOT_IN_FORCE:
    if (*d->cert_status)
      hd_snprintf(out, size, "authentic but not in force: %s is '%s' in the register", what,
                  d->cert_status);
    else
      hd_snprintf(out, size, "authentic but not in force: the register holds no certificate "
                  "for this certificate document");
    hd_snprintf(brief, bsize, "not in force");
    break;
  }
}
#undef OR_Q

/* What the register knows of the bytes with SHA-256 sha of file: the line to print
 * into out; 1 if that is a clean answer (exit 0), 0 if not, or -(exit code) on an error
 * (printed). */
static int verify_in_register(const char *file, const char *sha, const char *signer,
                              const char *db_path, const char *as_of, char *out, size_t size,
                              const char **status) {
  static const char *const STANDING[] = {[HD_DOC_AUTHENTIC] = "authentic",
                                         [HD_DOC_NOT_YET] = "not-yet-issued",
                                         [HD_DOC_SUPERSEDED] = "superseded",
                                         [HD_DOC_CANCELLED] = "cancelled",
                                         [HD_DOC_EXPIRED] = "expired",
                                         [HD_DOC_NOT_IN_FORCE] = "not-in-force"};
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  int rc;
  if ((rc = store_open_readonly(db_path, &db, &err))) {
    cli_error("verify: %s", err.msg);
    return -hd_exit_for(rc);
  }
  const char *name = ledger_basename(file);
  hd_doc_info *d = malloc(sizeof *d), *other = malloc(sizeof *other);
  int clean = 0;
  if (!d || !other) rc = hd_err_set(&err, HD_ENOMEM, "out of memory");
  if (!rc) rc = ledger_document_lookup(db, sha, name, d, &err);
  const char *recorded = !rc && d->id ? ledger_basename(d->path) : NULL;
  /* Standard input has no name to mislead by. */
  int misnamed = recorded && strcmp(recorded, name) != 0 && !cli_is_stdio(file);
  if (!rc && misnamed) rc = ledger_document_named(db, name, other, &err);
  store_close(db);
  if (rc) {
    cli_error("verify: %s", err.msg);
    clean = -hd_exit_for(rc);
  } else if (!d->id) {
    hd_snprintf(out, size, "not issued by this register: its bytes are not in the register");
    *status = "unknown";
  } else {
    char answer[2048], brief[512];
    hd_doc_standing standing = ledger_document_standing(d, as_of);
    doc_answer(d, standing, as_of, signer, answer, sizeof answer, brief, sizeof brief);
    if (!misnamed) {
      hd_snprintf(out, size, "%s", answer);
      clean = standing == HD_DOC_AUTHENTIC;
      *status = standing == HD_DOC_AUTHENTIC && !strcmp(d->kind, "certificate") ? "current"
                                                                               : STANDING[standing];
    } else {
      *status = "misnamed";
      char what[512], theirs[512] = "";
      doc_what(d, what, sizeof what);
      if (other->id) doc_what(other, theirs, sizeof theirs);
      if (other->id)
        hd_snprintf(out, size, "authentic but misnamed: this is the %s (%s), recorded as '%s'; "
                    "'%s' is the name of the %s", what, brief, recorded, name, theirs);
      else
        hd_snprintf(out, size, "authentic but misnamed: this is the %s (%s), recorded as '%s', "
                    "not '%s'", what, brief, recorded, name);
    }
  }
  free(d);
  free(other);
  return clean;
}

/* What file is: the answer into line and its one-word status (hdreg(1), CONVENTIONS);
 * returns the exit code for it. An error is said on stderr, status "error" and line the
 * message. file "-" is standard input. */
static int verify_one(const char *file, const hd_signer *keys, const char *db_path,
                      const char *as_of, char *line, size_t size, const char **status) {
  hd_err err;
  hd_err_clear(&err);
  char *pdf = NULL, name[256];
  size_t len = 0;
  *status = "error";
  int verdict, rc = cli_read_input(file, 1u << 28, &pdf, &len, &err);
  if (rc == HD_OK) rc = pdf_verify((const unsigned char *)pdf, len, keys, &verdict, name, sizeof name, &err);
  char sha[65] = "";
  if (rc == HD_OK) hd_sha256_hex(pdf, len, sha);
  free(pdf);
  if (rc) {
    cli_error("verify: %s", err.msg);
    hd_snprintf(line, size, "%s", err.msg);
    return hd_exit_for(rc);
  }
  const char *say = NULL;
  int ok = 0;
  if (verdict == HD_SIG_ALTERED) {
    say = "altered: the document was changed after it was signed";
    *status = "altered";
  } else if (verdict == HD_SIG_NONE) {
    say = "not issued by this register: the document is not signed";
    *status = "unsigned";
  } else if (verdict == HD_SIG_FOREIGN) {
    say = "not issued by this register: signed with another key";
    *status = "foreign";
  }
  if (!say && db_path && keys) {
    int clean = verify_in_register(file, sha, name, db_path, as_of, line, size, status);
    if (clean < 0) {
      *status = "error";
      hd_snprintf(line, size, "%s", cli_last_error());
      return -clean;
    }
    return clean ? HD_EXIT_OK : HD_EXIT_DATA;
  }
  if (!say && verdict == HD_SIG_SOUND) {
    /* From the embedded signature alone: sound and covering the file, but whose? */
    hd_snprintf(line, size, "intact: the signature of %s covers the whole file; give --keys "
                "with the register's authority.crt to know it is the register's", name);
    *status = "intact";
    ok = 1;
  } else if (!say) {
    hd_snprintf(line, size, "authentic (signed by %s; give --db for its status)", name);
    *status = "authentic";
    ok = 1;
  } else {
    hd_snprintf(line, size, "%s", say);
  }
  return ok ? HD_EXIT_OK : HD_EXIT_DATA;
}

int cmd_verify(int argc, char **argv) {
  static const struct option OPTS[] = {{"keys", required_argument, NULL, 'k'},
                                       {"db", required_argument, NULL, 'd'},
                                       {"qr", required_argument, NULL, 'q'},
                                       {"as-of", required_argument, NULL, 'a'},
                                       {"format", required_argument, NULL, 'f'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *keys = NULL, *db_path = NULL, *qr = NULL, *as_of = NULL;
  int c, json = 0;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'k': keys = optarg; break;
    case 'd': db_path = optarg; break;
    case 'q': qr = optarg; break;
    case 'a': as_of = optarg; break;
    case 'f':
      if ((json = cli_format("verify", optarg)) < 0) return HD_EXIT_USAGE;
      break;
    case 'h': fputs(VERIFY_HELP, stdout); return HD_EXIT_OK;
    default:
      return cli_bad_option("verify", OPTS, argv);
    }
  }
  hd_date day;
  char today[11];
  if (as_of && !hd_date_parse(as_of, &day)) {
    cli_error("verify: --as-of '%s' is not a valid date YYYY-MM-DD", as_of);
    return HD_EXIT_USAGE;
  }
  if (!as_of) {
    hd_date_iso(hd_today(), today);
    as_of = today;
  }
  if (qr && keys && optind == argc) {
    hd_err qerr;
    hd_err_clear(&qerr);
    char number[64] = "", answer[HD_ERR_MAX + 64];
    /* the payload, also of a QR that points to the public lookup (BASE?n=N#PAYLOAD) */
    const char *scanned = qr;
    int valid = !certrecord_qr_payload(scanned, &qr, &qerr) && !verify_qr(keys, qr, &qerr);
    if (!valid && qerr.code == HD_EUSAGE) {
      cli_error("verify: --keys: %s", qerr.msg);
      return HD_EXIT_USAGE;
    }
    if (valid) {
      sscanf(qr + 7, "%63[^:]", number);
      hd_snprintf(answer, sizeof answer, "authentic: certificate %s, record SHA-256 %.64s",
                  number, qr + 8 + strlen(number));
    } else {
      hd_snprintf(answer, sizeof answer, "invalid: %s", qerr.msg);
    }
    if (json) {
      json_object *o = json_object_new_object(), *q = json_object_new_object();
      json_object_object_add(q, "status", json_object_new_string(valid ? "authentic" : "invalid"));
      json_object_object_add(q, "ok", json_object_new_boolean(valid));
      json_object_object_add(q, "certificate", valid ? json_object_new_string(number) : NULL);
      json_object_object_add(q, "record_sha256", valid ? json_object_new_string_len(qr + 8 + strlen(number), 64) : NULL);
      json_object_object_add(q, "answer", json_object_new_string(answer));
      json_object_object_add(o, "qr", q);
      cli_json_print(o);
    } else {
      printf("QR code: %s\n", answer);
    }
    return valid ? HD_EXIT_OK : HD_EXIT_DATA;
  }
  if (optind >= argc) {
    cli_error("verify: which FILE.pdf? (see hdreg verify --help)");
    return HD_EXIT_USAGE;
  }
  hd_signer *signer = NULL;
  hd_err kerr;
  hd_err_clear(&kerr);
  if (keys && signer_load_public(keys, &signer, &kerr)) {
    cli_error("verify: --keys: %s", kerr.msg);
    return HD_EXIT_USAGE;
  }
  int worst = HD_EXIT_OK;
  json_object *docs = json ? json_object_new_array() : NULL;
  for (int i = optind; i < argc; i++) {
    char line[4096 + 2 * 4400];
    const char *status = "error";
    int x = verify_one(argv[i], signer, db_path, as_of, line, sizeof line, &status);
    if (json) {
      json_object *d = json_object_new_object();
      json_object_object_add(d, "file", json_object_new_string(argv[i]));
      json_object_object_add(d, "status", json_object_new_string(status));
      json_object_object_add(d, "ok", json_object_new_boolean(x == HD_EXIT_OK));
      json_object_object_add(d, "answer", json_object_new_string(line));
      json_object_array_add(docs, d);
    } else if (strcmp(status, "error") != 0) {
      printf("%s: %s\n", argv[i], line);
    }
    if (x == HD_EXIT_USAGE || x == HD_EXIT_DB) {
      worst = x;
      break;
    }
    if (x > worst) worst = x;
  }
  if (json) {
    json_object *o = json_object_new_object();
    json_object_object_add(o, "as_of", json_object_new_string(as_of));
    json_object_object_add(o, "documents", docs);
    cli_json_print(o);
  }
  signer_free(signer);
  return worst;
}

