/* cmd_ledger.c: `hdreg ledger verify|show` — the register's hash chain (clause 5.3.2). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "ledger/chain.h"
#include "pdf/sign.h"
#include "ledger/ledger.h"
#include "util/fsutil.h"
#include "util/buf.h"
#include "util/sha256.h"
#include "store/store.h"
#include "util/diag.h"

static const char HELP[] =
    "usage: hdreg ledger verify --db FILE [--keys DIR]\n"
    "       hdreg ledger show --db FILE [--case ID|NUMBER]\n"
    "\n"
    "Every event of a case, every document hdreg issues and every file hdreg import\n"
    "brings in is an entry of the ledger, chained by SHA-256: each entry's hash covers the\n"
    "previous entry's hash and the event's, document's or import's row (with the SHA-256\n"
    "of the document's or the imported file's bytes).\n"
    "  verify  has SQLite check the whole file first (PRAGMA quick_check: a damaged\n"
    "          page is named), then walks the chain: every link, every hash,\n"
    "          every entry against the row it records, and every event, document and\n"
    "          import against the chain; prints the entry count and the head hash, or\n"
    "          names the first entry that was edited, deleted, inserted or reordered; with\n"
    "          --keys also every head the nightly run signed (hdreg run --keys), which\n"
    "          must still be in the chain\n"
    "  show    lists the entries (of one case), oldest first\n"
    "Both only read FILE: it may be write-protected or on a read-only mount, and is never\n"
    "migrated (an older schema is refused). A missing or empty file is not a register.\n"
    "\n"
    "Exit: 0 intact, 3 the chain is broken or the file damaged (the message says where),\n"
    "2 usage, 4 database (missing, empty, not a register, another schema version).\n";

int cmd_ledger(int argc, char **argv) {
  static const struct option OPTS[] = {{"db", required_argument, NULL, 'd'},
                                       {"case", required_argument, NULL, 'c'},
                                       {"keys", required_argument, NULL, 'k'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
    fputs(HELP, stdout);
    return HD_EXIT_OK;
  }
  if (argc < 2 || (strcmp(argv[1], "verify") != 0 && strcmp(argv[1], "show") != 0)) {
    cli_error("ledger: verify or show? (see hdreg ledger --help)");
    return HD_EXIT_USAGE;
  }
  const char *action = argv[1], *db_path = NULL, *case_arg = NULL, *keys = NULL;
  int c;
  optind = 2;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': db_path = optarg; break;
    case 'c': case_arg = optarg; break;
    case 'k': keys = optarg; break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      cli_error("ledger: unknown or incomplete option '%s' (see hdreg ledger --help)", argv[optind - 1]);
      return HD_EXIT_USAGE;
    }
  }
  if (!db_path || optind < argc) {
    cli_error("ledger %s: --db is required (see hdreg ledger --help)", action);
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  int rc = store_open_readonly(db_path, &db, &err);
  if (rc == HD_OK && !strcmp(action, "verify")) {
    hd_chain_report rep;
    /* The file first: SQLite's own check, a damaged page is a broken register. */
    if ((rc = store_integrity(db, &err)) == HD_EDATA) hd_err_prefix(&err, "'%s'", db_path);
    if (rc == HD_OK) rc = chain_verify(db, &rep, &err);
    long long heads = 0;
    if (rc == HD_OK && keys) rc = chain_verify_heads(db, keys, &heads, &err);
    if (rc == HD_OK) {
      printf("ledger intact: %lld entries, head %s", rep.entries, rep.head[0] ? rep.head : "(empty)");
      if (keys) printf("; %lld signed head%s verified", heads, heads == 1 ? "" : "s");
      putchar('\n');
    }
  } else if (rc == HD_OK) {
    long long id = 0;
    char *number = NULL;
    if (case_arg && !(id = cli_find_case(db, case_arg, &number)))
      rc = hd_err_set(&err, HD_EDATA, "case '%s' does not exist", case_arg);
    if (rc == HD_OK) rc = chain_show(db, id, stdout, &err);
    free(number);
  }
  if (rc) cli_error("ledger %s: %s", action, err.msg);
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
  while ((c = getopt_long(argc, argv, "", OPTS, NULL)) != -1) {
    switch (c) {
    case 'k': dir = optarg; break;
    case 'n': name = optarg; break;
    case 'y': years = atoi(optarg); break;
    case 'b': bits = atoi(optarg); break;
    case 'h': fputs(KEYGEN_HELP, stdout); return HD_EXIT_OK;
    default:
      cli_error("keygen: unknown or incomplete option '%s' (see hdreg keygen --help)", argv[optind - 1]);
      return HD_EXIT_USAGE;
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
  printf("key and certificate for %s in %s/authority.key and %s/authority.crt\n", name, dir, dir);
  printf("QR code key in %s/authority-qr.key (publish %s/authority-qr.pub)\n", dir, dir);
  return HD_EXIT_OK;
}

static const char VERIFY_HELP[] =
    "usage: hdreg verify FILE.pdf... [--keys DIR] [--db FILE]\n"
    "       hdreg verify --qr TEXT --keys DIR\n"
    "\n"
    "Say what a document someone hands in is. Without --keys, only whether its embedded\n"
    "signature is sound and covers the whole file (intact) or not (altered); with --keys\n"
    "(the register's authority.crt and authority-qr.pub are enough):\n"
    "  authentic and current      signed with this register's key (--keys: its\n"
    "                             authority.crt is enough), unchanged, and with --db a\n"
    "                             certificate still in force\n"
    "  authentic but superseded   a change or transfer replaced it (--db)\n"
    "  authentic but cancelled    cancelled (--db)\n"
    "  not issued by this register  soundly signed, but with another key; or unsigned;\n"
    "                             or (--db) its bytes are not in the register\n"
    "  altered                    changed since it was signed\n"
    "\n"
    "With --qr: the text of a paper certificate's QR code, checked against the register's\n"
    "QR key (DIR/authority-qr.pub) offline: authentic, with the certificate number and\n"
    "the SHA-256 of its record (rebuild it from the printed fields, docs/verification.md),\n"
    "or invalid.\n"
    "\n"
    "The register given with --db is only read: it may be write-protected or on a\n"
    "read-only mount.\n"
    "\n"
    "Exit: 0 authentic and current, 3 anything else, 2 usage, 4 database (missing, empty,\n"
    "not a register, another schema version).\n";

static int verify_one(const char *file, const hd_signer *keys, const char *db_path) {
  hd_err err;
  hd_err_clear(&err);
  char *pdf = NULL, name[256];
  size_t len = 0;
  int verdict, rc = hd_read_file(file, 1u << 28, &pdf, &len, &err);
  if (rc == HD_OK) rc = pdf_verify((const unsigned char *)pdf, len, keys, &verdict, name, sizeof name, &err);
  char sha[65] = "";
  if (rc == HD_OK) hd_sha256_hex(pdf, len, sha);
  free(pdf);
  if (rc) {
    cli_error("verify: %s", err.msg);
    return hd_exit_for(rc);
  }
  const char *say = NULL;
  int ok = 0;
  if (verdict == HD_SIG_ALTERED) say = "altered: the document was changed after it was signed";
  else if (verdict == HD_SIG_NONE) say = "not issued by this register: the document is not signed";
  else if (verdict == HD_SIG_FOREIGN) say = "not issued by this register: signed with another key";
  if (!say && db_path && keys) {
    sqlite3 *db = NULL;
    if ((rc = store_open_readonly(db_path, &db, &err))) {
      cli_error("verify: %s", err.msg);
      return hd_exit_for(rc);
    }
    sqlite3_stmt *st;
    char status[32] = "", kind[32] = "", number[64] = "";
    if (sqlite3_prepare_v2(db, "SELECT d.kind, coalesce(c.status, ''), coalesce(c.number, '') FROM "
                               "documents d LEFT JOIN certificates c ON c.id = d.certificate_id "
                               "WHERE d.sha256 = ?1", -1, &st, NULL) == SQLITE_OK) {
      sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
      if (sqlite3_step(st) == SQLITE_ROW) {
        hd_snprintf(kind, sizeof kind, "%s", (const char *)sqlite3_column_text(st, 0));
        hd_snprintf(status, sizeof status, "%s", (const char *)sqlite3_column_text(st, 1));
        hd_snprintf(number, sizeof number, "%s", (const char *)sqlite3_column_text(st, 2));
      }
      sqlite3_finalize(st);
    }
    store_close(db);
    if (!*kind) say = "not issued by this register: its bytes are not in the register";
    else if (!strcmp(status, "superseded")) say = "authentic but superseded: a change or transfer replaced this certificate";
    else if (!strcmp(status, "cancelled")) say = "authentic but cancelled: this certificate was cancelled";
    if (!say) {
      printf("%s: authentic and current (%s%s%s, signed by %s)\n", file, kind, *number ? " " : "",
             number, name);
      return HD_EXIT_OK;
    }
  }
  if (!say && verdict == HD_SIG_SOUND) {
    /* From the embedded signature alone: sound and covering the file, but whose? */
    printf("%s: intact: the signature of %s covers the whole file; give --keys with the "
           "register's authority.crt to know it is the register's\n", file, name);
    ok = 1;
  } else if (!say) {
    printf("%s: authentic (signed by %s; give --db for its status)\n", file, name);
    ok = 1;
  } else {
    printf("%s: %s\n", file, say);
  }
  return ok ? HD_EXIT_OK : HD_EXIT_DATA;
}
int cmd_verify(int argc, char **argv) {
  static const struct option OPTS[] = {{"keys", required_argument, NULL, 'k'},
                                       {"db", required_argument, NULL, 'd'},
                                       {"qr", required_argument, NULL, 'q'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *keys = NULL, *db_path = NULL, *qr = NULL;
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "", OPTS, NULL)) != -1) {
    switch (c) {
    case 'k': keys = optarg; break;
    case 'd': db_path = optarg; break;
    case 'q': qr = optarg; break;
    case 'h': fputs(VERIFY_HELP, stdout); return HD_EXIT_OK;
    default:
      cli_error("verify: unknown or incomplete option '%s' (see hdreg verify --help)", argv[optind - 1]);
      return HD_EXIT_USAGE;
    }
  }
  if (qr && keys && optind == argc) {
    hd_err qerr;
    hd_err_clear(&qerr);
    if (verify_qr(keys, qr, &qerr)) {
      if (qerr.code == HD_EUSAGE) {
        cli_error("verify: --keys: %s", qerr.msg);
        return HD_EXIT_USAGE;
      }
      printf("QR code: invalid: %s\n", qerr.msg);
      return HD_EXIT_DATA;
    }
    char number[64] = "";
    sscanf(qr + 7, "%63[^:]", number);
    printf("QR code: authentic: certificate %s, record SHA-256 %.64s\n", number,
           qr + 8 + strlen(number));
    return HD_EXIT_OK;
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
  for (int i = optind; i < argc; i++) {
    int x = verify_one(argv[i], signer, db_path);
    if (x == HD_EXIT_USAGE || x == HD_EXIT_DB) {
      worst = x;
      break;
    }
    if (x > worst) worst = x;
  }
  signer_free(signer);
  return worst;
}

