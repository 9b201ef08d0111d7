/* dockinds.h: the one registry of the procedure's document kinds — the kind the register
 * records (documents.kind), the template it is laid out with (templates/NAME.xml), the
 * folder of the output directory it is written to, and the step of the night that writes
 * it (NULL: not a night's document). The night loads, fingerprints and cleans up after
 * exactly these; a new kind is one row here and its template (since schema 13 the
 * database's documents.kind lists no kinds: this registry does). Pure data. */
#ifndef HD_DOCKINDS_H
#define HD_DOCKINDS_H

enum {
  HD_DOC_CERTIFICATE, HD_DOC_OPINION, HD_DOC_NOTICE, HD_DOC_CANCELLATION, HD_DOC_PRIVACY,
  /* the letters applicants are owed (docs/procedure.md, "Letters") */
  HD_DOC_ACCEPTANCE, HD_DOC_SUPPLEMENT, HD_DOC_REFUSAL, HD_DOC_COMMITTEE, HD_DOC_ONSITE,
  HD_DOC_OBJ_EXPLAIN, HD_DOC_OBJ_OUTCOME,
  HD_DOC_EXTRACT, /* a certificate's entry and history, on request (hdreg extract) */
  HD_DOC_SUPERVISION, /* the period's supervision report, on request (hdreg supervise report) */
  HD_DOC_KINDS
};

typedef struct hd_dockind {
  const char *kind;     /* documents.kind */
  const char *tmpl;     /* templates/TMPL.xml */
  const char *folder;   /* OUT/FOLDER/NAME.pdf; NULL: written where the user says */
  const char *step;     /* the night's step (docs/procedure.md), NULL: not the night's */
  const char *title;    /* the document's name in Chinese (letters: for the file name) */
} hd_dockind;

/* Indexed by the enum above; the night's kinds in the order of its steps' templates. */
extern const hd_dockind HD_DOCKIND[];

/* The row of a documents.kind, or NULL. */
const hd_dockind *dockind_find(const char *kind);

#endif
