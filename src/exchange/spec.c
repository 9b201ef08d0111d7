/* spec.c: the exchange format's records and fields (spec.h). The values of each
 * enumeration are the database's CHECK lists (src/store/migrations/0001_initial.sql). */
#include "exchange/spec.h"
#include "model/certfields.h"

#include "model/caseview.h"

#include <string.h>

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define MAXLL 9007199254740991LL /* what every JSON reader keeps exactly */

static const char *const SUBJECT_KINDS[] = {"public_hospital", "private_hospital", "company",
                                            "research", "university", "government",
                                            "social_org", "other", NULL};
static const char *const RECORD_KINDS[] = {"serious_dishonesty", "data_penalty", "criminal", NULL};
static const char *const REG_TYPES[] = {"first", "license", "transfer", "change", "cancel", NULL};
static const char *const PROCEDURES[] = {"ordinary", "simplified", NULL};
static const char *const STATUSES[] = {"submitted", "committee_review", "rectify", "notice",
                                       "held", "approved", "certified", "rejected",
                                       "cancelled", "withdrawn", NULL};
static const char *const GROUNDS[] = {"a", "b", "c", "d", "e", "f", NULL};
static const char *const DATA_CLASSES[] = {"personal_attribute", "health_status",
                                           "medical_application", "medical_payment",
                                           "health_resource", "public_health", NULL};
static const char *const RIGHT_KINDS[] = {"holding", "use", "operation", NULL};
static const char *const OBJECTION_STATUSES[] = {"open", "upheld", "dismissed", "withdrawn", NULL};
static const char *const CERT_STATUSES[] = {"pending", "issued", "superseded", "cancelled", NULL};

#define REQ XF_REQUIRED
#define RES XF_RESOURCE
#define FLAG(n, c) {n, c, X_BOOL, RES, NULL, 0, 1, "0"}

static const xfield SUBJECT[] = {
    {"id", NULL, X_TEXT, REQ | XF_KEY, NULL, 0, 0, NULL},
    {"name", "name", X_TEXT, REQ | XF_NAME, NULL, 0, 0, NULL},
    {"uscc", "uscc", X_USCC, REQ, NULL, 0, 0, NULL},
    {"kind", "kind", X_ENUM, REQ, SUBJECT_KINDS, 0, 0, NULL},
    {"legal-rep", "legal_rep", X_TEXT, XF_NAME, NULL, 0, 0, NULL},
    {"address", "address", X_TEXT, 0, NULL, 0, 0, NULL},
    {"contact-name", "contact_name", X_TEXT, XF_NAME, NULL, 0, 0, NULL},
    {"contact-phone", "contact_phone", X_TEXT, 0, NULL, 0, 0, NULL},
    {"contact-email", "contact_email", X_TEXT, 0, NULL, 0, 0, NULL},
    {"id-doc-valid-until", "id_doc_valid_until", X_DATE, 0, NULL, 0, 0, NULL},
    {"capability-evidence", "capability_evidence", X_TEXT, 0, NULL, 0, 0, NULL},
};

static const xfield SUBJECT_RECORD[] = {
    {"subject", "subject_id", X_SUBJECT, REQ | XF_PARENT, NULL, 0, 0, NULL},
    {"kind", "kind", X_ENUM, REQ, RECORD_KINDS, 0, 0, NULL},
    {"date", "record_date", X_DATE, REQ, NULL, 0, 0, NULL},
    {"authority", "authority", X_TEXT, XF_NAME, NULL, 0, 0, NULL},
    {"description", "description", X_TEXT, REQ, NULL, 0, 0, NULL},
    {"lifted", "lifted_date", X_DATE, 0, NULL, 0, 0, NULL},
};

static const xfield CASE[] = {
    {"number", "number", X_CODE, REQ | XF_KEY, NULL, 0, 0, NULL},
    {"type", "reg_type", X_ENUM, REQ, REG_TYPES, 0, 0, NULL},
    {"procedure", "procedure", X_ENUM, REQ, PROCEDURES, 0, 0, NULL},
    {"status", "status", X_ENUM, 0, STATUSES, 0, 0, "submitted"},
    {"applicant", "applicant_id", X_SUBJECT, REQ, NULL, 0, 0, NULL},
    {"counterparty", "counterparty_id", X_SUBJECT, 0, NULL, 0, 0, NULL},
    {"applied", "applied_date", X_DATE, REQ, NULL, 0, 0, NULL},
    {"accepted", "accepted_date", X_DATE, 0, NULL, 0, 0, NULL},
    {"reviewed", "review_date", X_DATE, 0, NULL, 0, 0, NULL},
    {"committee", "committee_date", X_DATE, 0, NULL, 0, 0, NULL},
    {"notice-start", "notice_start", X_DATE, 0, NULL, 0, 0, NULL},
    {"notice-end", "notice_end", X_DATE, 0, NULL, 0, 0, NULL},
    {"decided", "decided_date", X_DATE, 0, NULL, 0, 0, NULL},
    {"prior-certificate", "prior_certificate_id", X_CERT, 0, NULL, 0, 0, NULL},
    {"cancel-ground", "cancel_ground", X_ENUM, 0, GROUNDS, 0, 0, NULL},
    {"change-description", "change_description", X_TEXT, 0, NULL, 0, 0, NULL},
    {"consideration", "consideration", X_TEXT, 0, NULL, 0, 0, NULL},
    {"renewal", "renewal", X_BOOL, 0, NULL, 0, 1, NULL}, /* schema 13 */
    {"owner", "owner_id", X_SUBJECT, REQ | RES, NULL, 0, 0, NULL},
    {"name", "name", X_TEXT, REQ | RES | XF_NAME, NULL, 0, 0, NULL},
    {"data-class", "data_class", X_ENUM, REQ | RES, DATA_CLASSES, 0, 0, NULL},
    {"grade", "grade", X_INT, REQ | RES, NULL, 1, 5, NULL},
    {"source", "source", X_TEXT, REQ | RES | XF_NAME, NULL, 0, 0, NULL},
    {"purpose", "purpose", X_TEXT, RES, NULL, 0, 0, NULL},
    {"records", "scale_records", X_INT, REQ | RES, NULL, 0, MAXLL, NULL},
    {"bytes", "scale_bytes", X_INT, REQ | RES, NULL, 0, MAXLL, NULL},
    {"field-samples", "field_samples", X_TEXT, RES, NULL, 0, 0, NULL},
    FLAG("personal-info", "personal_info"),
    FLAG("sensitive", "sensitive"),
    FLAG("anonymised", "anonymised"),
    FLAG("deidentified", "deidentified"),
    FLAG("needs-identification", "needs_identification"),
    FLAG("automated-decision", "automated_decision"),
    FLAG("entrusted", "entrusted"),
    FLAG("provided-to-others", "provided_to_others"),
    FLAG("published", "published"),
    FLAG("human-research", "human_research"),
    FLAG("genetic", "genetic"),
    {"genetic-scope", "genetic_scope", X_TEXT, RES, NULL, 0, 0, NULL},
    FLAG("cross-border", "cross_border"),
    {"cb-persons", "cb_persons", X_INT, RES, NULL, 0, MAXLL, "0"},
    {"cb-sensitive-persons", "cb_sensitive_persons", X_INT, RES, NULL, 0, MAXLL, "0"},
    {"cb-destination", "cb_destination", X_TEXT, RES | XF_NAME, NULL, 0, 0, NULL},
    FLAG("cii-operator", "cii_operator"),
    FLAG("important", "important"),
    {"security-officer", "security_officer", X_TEXT, RES | XF_NAME, NULL, 0, 0, NULL},
    FLAG("state-secret", "state_secret"),
    FLAG("tongfang", "tongfang"),
    FLAG("public-product", "public_product"),
};

static const xfield RIGHT[] = {
    {"case", "case_id", X_CASE, REQ | XF_PARENT, NULL, 0, 0, NULL},
    {"kind", "right_kind", X_ENUM, REQ, RIGHT_KINDS, 0, 0, NULL},
    {"holder", "holder_id", X_SUBJECT, REQ, NULL, 0, 0, NULL},
    {"restrictions", "restrictions", X_TEXT, 0, NULL, 0, 0, NULL},
};

static const xfield MATERIAL[] = {
    {"case", "case_id", X_CASE, REQ | XF_PARENT, NULL, 0, 0, NULL},
    {"kind", "kind", X_ENUM, REQ, hd_material_kinds, 0, 0, NULL}, /* model/caseview.h */
    {"present", "present", X_BOOL, 0, NULL, 0, 1, "1"},
    {"issued", "issued_date", X_DATE, 0, NULL, 0, 0, NULL},
    {"valid-until", "valid_until", X_DATE, 0, NULL, 0, 0, NULL},
    {"reference", "reference", X_TEXT, 0, NULL, 0, 0, NULL},
    {"note", "note", X_TEXT, 0, NULL, 0, 0, NULL},
    {"issuer", "issuer_id", X_SUBJECT, 0, NULL, 0, 0, NULL}, /* schema 12 */
};

static const xfield OBJECTION[] = {
    {"case", "case_id", X_CASE, REQ | XF_PARENT, NULL, 0, 0, NULL},
    {"filed", "filed_date", X_DATE, REQ, NULL, 0, 0, NULL},
    {"objector", "objector", X_TEXT, REQ | XF_NAME, NULL, 0, 0, NULL},
    {"grounds", "grounds", X_TEXT, REQ, NULL, 0, 0, NULL},
    {"material", "material", X_TEXT, 0, NULL, 0, 0, NULL},
    {"status", "status", X_ENUM, REQ, OBJECTION_STATUSES, 0, 0, NULL},
    {"resolved", "resolved_date", X_DATE, 0, NULL, 0, 0, NULL},
};

static const xfield CERTIFICATE[] = {
    {"case", "case_id", X_CASE, REQ | XF_PARENT, NULL, 0, 0, NULL},
    {"number", "number", X_CODE, REQ | XF_KEY, NULL, 0, 0, NULL},
    {"status", "status", X_ENUM, REQ, CERT_STATUSES, 0, 0, NULL},
    {"registered", "registration_date", X_DATE, REQ, NULL, 0, 0, NULL},
    {"valid-until", "valid_until", X_DATE, REQ, NULL, 0, 0, NULL},
    {"superseded-by", "superseded_by", X_CERT, 0, NULL, 0, 0, NULL},
};

static const xfield CERT_FIELD[] = {
    {"certificate", "certificate_id", X_CERT, REQ | XF_PARENT, NULL, 0, 0, NULL},
    {"position", "position", X_INT, REQ | XF_KEY, NULL, 1, HD_CERT_FIELDS, NULL},
    {"label", "label", X_TEXT, REQ | XF_NAME, NULL, 0, 0, NULL},
    {"value", "value", X_TEXT, REQ, NULL, 0, 0, NULL},
};

const xrecord_spec XSPEC[XR_COUNT] = {
    {"subject", "subjects", NULL, SUBJECT, N(SUBJECT), "subject"},
    {"record", "subject_records", "subject", SUBJECT_RECORD, N(SUBJECT_RECORD), "credit record"},
    {"case", "cases", NULL, CASE, N(CASE), "case"},
    {"right", "case_rights", "case", RIGHT, N(RIGHT), "right"},
    {"material", "materials", "case", MATERIAL, N(MATERIAL), "material"},
    {"objection", "objections", "case", OBJECTION, N(OBJECTION), "objection"},
    {"certificate", "certificates", "case", CERTIFICATE, N(CERTIFICATE), "certificate"},
    {"field", "certificate_fields", "certificate", CERT_FIELD, N(CERT_FIELD), "certificate field"},
};

int xspec_find(const char *name) {
  for (int i = 0; i < XR_COUNT; i++)
    if (!strcmp(XSPEC[i].name, name)) return i;
  return -1;
}

int xspec_field(int r, const char *name) {
  for (int i = 0; i < XSPEC[r].nfields; i++)
    if (!strcmp(XSPEC[r].fields[i].name, name)) return i;
  return -1;
}
