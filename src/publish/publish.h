/* publish.h: the register in public (issue 17) — `hdreg publish`, a static site in Chinese
 * that any web server or a file:// URL serves, with no server code: the public notices,
 * certificate lookup by number with each certificate's standing on the publication date
 * and its history, the lists of cancelled and superseded certificates, the figures of
 * the last twelve months as a chart (stats.html, src/stats/), the published
 * checkpoints and public keys, and a page that checks a PDF's SHA-256 in the browser
 * (WebCrypto) against the register. Reads the register through store, model
 * (certfields), ledger (a document's standing) and stats; json-c for the data files. Publishes
 * nothing of natural persons (legal representatives, contacts, objectors) and no field
 * the register's setting publish_withhold names (docs/operations.md, "The public site"). */
#ifndef HD_PUBLISH_H
#define HD_PUBLISH_H
#include <sqlite3.h>

#include "util/diag.h"

typedef struct hd_publish_opts {
  const char *date;        /* the publication date, valid YYYY-MM-DD: standing as of it */
  const char *out_dir;     /* the site folder (made if missing) */
  const char *keys_dir;    /* NULL: no keys; else its authority-qr.pub and authority.crt */
  const char *checkpoints; /* NULL: none; else the signed checkpoints file (may be missing) */
} hd_publish_opts;

typedef struct hd_publish_report {
  int certificates;        /* certificates on the site */
  int current, superseded, cancelled, expired;
  int notices;             /* notices on the site, of which still open */
  int notices_open;
  int documents;           /* documents whose SHA-256 the verification page knows */
  int checkpoints;         /* checkpoints copied */
  int files;               /* files of the site */
  int written;             /* of them written this time (new or changed) */
  int removed;             /* data files of an earlier publication no longer part of it */
  unsigned long long bytes; /* the site's size */
} hd_publish_report;

/* Write the site for o->date into o->out_dir. Every file is written atomically, and only
 * when its bytes differ from what is there: publishing the same register on the same date
 * again writes nothing. The site depends only on the register, the date, the keys'
 * public files and the checkpoints file. HD_EDATA for a publish_withhold naming what is
 * not a 5.2.1 label (or the number, which the lookup needs), HD_EDB, HD_EIO (naming the
 * file), HD_ENOMEM. */
int publish_site(sqlite3 *db, const hd_publish_opts *o, hd_publish_report *rep, hd_err *err);

#endif
