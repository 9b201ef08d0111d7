/* certfields.h: the one table of a certificate's fields — clause 5.2.1's eleven, in the
 * guideline's order — with the label the record and the register keep, the name the
 * certificate template binds (cert.KEY) and the record version that brought the field in.
 * Numbering, rendering, the canonical record (certrecord.h), the frozen rows of
 * certificate_fields, the export and the demo register all derive from it. Pure data;
 * depends on nothing.
 *
 * Versions: a certificate's record is the fields of its version, in table order. Version 1
 * is the eleven fields of 5.2.1. A new field is one row here with since = the next version
 * (and HD_CERT_RECORD_VERSION raised); certificates frozen under an older version keep
 * their fields, their record and their QR prefix (HDREG<version>), so they stay readable
 * and verifiable. */
#ifndef HD_CERTFIELDS_H
#define HD_CERTFIELDS_H

/* Index of a field by purpose; HD_CERT_FIELDS is the number of fields of the current
 * version (the table has exactly one row per name: a static assertion says so). */
enum {
  HD_CF_NUMBER, HD_CF_HOLDER, HD_CF_USCC, HD_CF_RIGHTS, HD_CF_LIMITS, HD_CF_NAME,
  HD_CF_SOURCE, HD_CF_SCALE, HD_CF_AUTHORITY, HD_CF_DATE, HD_CF_VALIDITY,
  HD_CERT_FIELDS
};

#define HD_CERT_RECORD_VERSION 1 /* the version new certificates are frozen under */

typedef struct hd_certfield {
  const char *label;     /* the 5.2.1 label: certificate_fields.label, the record's key */
  const char *key;       /* the template's name for it: cert.number, cert.holder, ... */
  const char *prior_key; /* the same field of the certificate a case refers to */
  int since;             /* the record version that brought the field in */
} hd_certfield;

extern const hd_certfield HD_CERT_FIELD[];

/* Number of fields of record version v (0 if v is not a version). */
int certfields_count(int version);
/* The record version whose fields are exactly labels[0..n-1] in table order (a
 * certificate's frozen rows), or 0 if none is. */
int certfields_version_of(const char *const *labels, int n);
/* Index of the field with this label, or -1. */
int certfields_find(const char *label);

#endif
