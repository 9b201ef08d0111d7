/* spec.h: the exchange format of registration cases — one table of record types and
 * their fields that the XML and CSV readers, the validation, the database insert and the
 * exporters all follow (docs/import.md documents it; templates/cases.rng is its schema).
 *
 * Records: subject (with its credit/penalty records), case (with its data resource,
 * rights, materials, objections and certificate with the certificate's printed fields).
 * In XML a child record sits inside its parent; in CSV it names its parent in a column. */
#ifndef HD_SPEC_H
#define HD_SPEC_H
#include <stddef.h>

typedef enum xkind {
  X_TEXT,     /* free text, trimmed, no control characters but tab and newline, no bidi
                 control or invisible format character (util/charclass.h) */
  X_CODE,     /* a number (case, certificate): full-width folded, [0-9A-Za-z-_/.] */
  X_DATE,     /* YYYY-MM-DD, a day that exists */
  X_INT,      /* decimal, lo..hi */
  X_BOOL,     /* 0/1 (true/false accepted) */
  X_ENUM,     /* one of values */
  X_USCC,     /* unified social credit code (GB 32100) */
  X_SUBJECT,  /* a subject's id in the file */
  X_CASE,     /* a case's number (CSV child records) */
  X_CERT      /* a certificate's number, in the file or the register */
} xkind;

enum {
  XF_REQUIRED = 1,   /* must be given and not empty */
  XF_KEY = 2,        /* the record's key: an attribute in XML */
  XF_PARENT = 4,     /* names the parent record: implied by nesting in XML */
  XF_RESOURCE = 8,   /* a field of the case's data resource: inside <resource> in XML */
  XF_NAME = 16       /* X_TEXT that names someone or something and is printed as a name:
                        also no tab, at most HD_NAME_MAX_CHARS characters */
};

typedef struct xfield {
  const char *name;          /* XML element / attribute, CSV column */
  const char *column;        /* SQL column of the record's table (or resources) */
  xkind kind;
  unsigned flags;
  const char *const *values; /* X_ENUM, NULL-terminated */
  long long lo, hi;          /* X_INT */
  const char *dflt;          /* stored when absent (NULL: NULL) */
} xfield;

typedef struct xrecord_spec {
  const char *name;          /* XML element, CSV record type */
  const char *table;
  const char *parent;        /* parent record type, NULL for top level */
  const xfield *fields;
  int nfields;
  const char *label;         /* for messages */
} xrecord_spec;

enum { XR_SUBJECT, XR_SUBJECT_RECORD, XR_CASE, XR_RIGHT, XR_MATERIAL, XR_OBJECTION,
       XR_CERTIFICATE, XR_CERT_FIELD, XR_COUNT };

extern const xrecord_spec XSPEC[XR_COUNT];

/* The record type named name, or -1. */
int xspec_find(const char *name);
/* The field named name in record type r, or -1. */
int xspec_field(int r, const char *name);

/* The longest value any field may have, in bytes. */
#define X_MAX_VALUE 65536

#endif
