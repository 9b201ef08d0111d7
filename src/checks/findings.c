/* findings.c: outcomes, findings and decisions of checks.h, and their JSON (json-c). */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "checks/pack_int.h"
#include "util/buf.h"

static const char *const OUT_NAMES[] = {"pass", "fail", "rectify", "manual", "n/a", "error"};
static const char *const OUT_CN[] = {"符合", "不符合", "需补正", "需人工核查", "不适用", "检查出错"};
static const char *const DEC_NAMES[] = {"approve", "rectify", "hold", "reject"};
static const char *const DEC_CN[] = {"予以登记", "补正材料", "暂缓（人工核查）", "不予登记"};

const char *outcome_name(int o) { return o >= 0 && o <= HD_ERROR ? OUT_NAMES[o] : "?"; }
const char *outcome_cn(int o) { return o >= 0 && o <= HD_ERROR ? OUT_CN[o] : "?"; }
const char *decision_name(int d) { return d >= 0 && d <= HD_REJECT ? DEC_NAMES[d] : "?"; }
const char *decision_cn(int d) { return d >= 0 && d <= HD_REJECT ? DEC_CN[d] : "?"; }
int outcome_parse(const char *s) {
  for (int i = 0; i <= HD_ERROR; i++)
    if (s && strcmp(s, OUT_NAMES[i]) == 0) return i;
  return -1;
}

void findings_release(hd_findings *f) {
  if (!f) return;
  for (int i = 0; i < f->n; i++) {
    hd_finding *x = &f->v[i];
    free(x->message);
    free(x->evidence);
    evidence_free(x->ev);
    free(x->waiver);
    waiver_use_free(x->wv);
  }
  free(f->v);
  free(f->waiver_problems);
  f->waiver_problems = NULL;
  f->v = NULL;
  f->n = f->cap = 0;
}

const char *waiver_state_name(int state) {
  static const char *const N[] = {"active", "expired", "revoked", "refused"};
  return state >= HD_WAIVER_ACTIVE && state <= HD_WAIVER_REFUSED ? N[state] : "?";
}

int waiver_state(const char *approved, const char *expires, const char *revoked, hd_date as_of) {
  hd_date d;
  if (approved && hd_date_parse(approved, &d) && hd_date_cmp(as_of, d) < 0) return -1;
  if (revoked && hd_date_parse(revoked, &d) && hd_date_cmp(d, as_of) <= 0) return HD_WAIVER_REVOKED;
  if (!expires || !hd_date_parse(expires, &d) || hd_date_cmp(as_of, d) > 0) return HD_WAIVER_EXPIRED;
  return HD_WAIVER_ACTIVE;
}

void waiver_use_free(hd_waiver_use *w) {
  if (!w) return;
  free(w->approver);
  free(w->approved_date);
  free(w->justification);
  free(w->expires);
  free(w->revoked_date);
  free(w);
}

int findings_decide(const hd_findings *f) {
  int fail = 0, rect = 0, hold = 0;
  for (int i = 0; i < f->n; i++) {
    if (f->v[i].waived) continue;
    switch (f->v[i].outcome) {
    case HD_FAIL: fail = 1; break;
    case HD_RECTIFY: rect = 1; break;
    case HD_MANUAL: case HD_ERROR: hold = 1; break;
    default: break;
    }
  }
  return fail ? HD_REJECT : rect ? HD_RETURN : hold ? HD_HOLD : HD_APPROVE;
}

int findings_add(hd_findings *f, const check *c, int outcome, char *msg, hd_evidence *ev) {
  if (!msg || f->n == f->cap) {
    int cap = f->cap ? f->cap * 2 : 32;
    hd_finding *nv = msg ? realloc(f->v, (size_t)cap * sizeof *nv) : NULL;
    if (!nv) {
      free(msg);
      evidence_free(ev);
      return HD_ENOMEM;
    }
    f->v = nv;
    f->cap = cap;
  }
  hd_finding *x = &f->v[f->n++];
  memset(x, 0, sizeof *x);
  x->check_id = c->id;
  x->title = c->title;
  x->clause = c->clause;
  x->severity = c->severity;
  x->outcome = outcome;
  x->message = msg;
  x->ev = ev;
  return HD_OK;
}

void evidence_free(hd_evidence *e) {
  if (!e) return;
  for (int i = 0; i < e->n; i++)
    for (int k = 0; k < 3; k++) free(e->v[i][k].s);
  free(e);
}

static json_object *evidence_value(const hd_evalue *v) {
  switch (v->type) {
  case EV_BOOL: return json_object_new_boolean((json_bool)v->i);
  case EV_INT: return json_object_new_int64(v->i);
  case EV_REAL: return json_object_new_double(v->r);
  case EV_TEXT: return json_object_new_string(v->s);
  default: return NULL;
  }
}

static json_object *evidence_object(const hd_evidence *e) {
  static const char *const K[] = {"field", "found", "wanted"};
  json_object *a = json_object_new_array();
  for (int i = 0; e && i < e->n; i++) {
    json_object *o = json_object_new_object();
    for (int k = 0; k < 3; k++) json_object_object_add(o, K[k], evidence_value(&e->v[i][k]));
    json_object_array_add(a, o);
  }
  if (e && e->truncated) {
    json_object *o = json_object_new_object();
    json_object_object_add(o, "field", json_object_new_string("…"));
    json_object_object_add(o, "found", json_object_new_string("（证据条目过多，已截断）"));
    json_object_object_add(o, "wanted", NULL);
    json_object_array_add(a, o);
  }
  return a;
}

const char *finding_message(hd_finding *x) {
  if (!x->message_raw) return x->message;
  char *c = sbx_clip_total(x->message, x->message_len, HD_MESSAGE_MAX, x->message_total);
  if (!c) return NULL;
  free(x->message);
  x->message = c;
  x->message_raw = 0;
  return c;
}

const char *finding_evidence(hd_finding *x) {
  if (x->evidence) return x->evidence;
  if (!x->ev) return "[]";
  json_object *a = evidence_object(x->ev);
  char *t = hd_strdup(json_object_to_json_string_ext(a, JSON_C_TO_STRING_PLAIN |
                                                          JSON_C_TO_STRING_NOSLASHESCAPE));
  json_object_put(a);
  x->evidence = t; /* kept: made once */
  return t;
}

char *findings_json(long long case_id, const char *case_number, const char *as_of,
                    const hd_findings *f) {
  json_object *o = json_object_new_object(), *list = json_object_new_array();
  json_object_object_add(o, "case_id", json_object_new_int64(case_id));
  json_object_object_add(o, "case_number", json_object_new_string(case_number ? case_number : ""));
  json_object_object_add(o, "as_of", json_object_new_string(as_of));
  json_object_object_add(o, "decision", json_object_new_string(decision_name(f->decision)));
  json_object_object_add(o, "pack_revision", json_object_new_string(f->revision));
  if (f->route) json_object_object_add(o, "route", json_object_new_string(f->route));
  for (int i = 0; i < f->n; i++) {
    hd_finding *x = &f->v[i];
    const char *msg = finding_message(x);
    json_object *c = json_object_new_object();
    json_object_object_add(c, "id", json_object_new_string(x->check_id));
    json_object_object_add(c, "clause", json_object_new_string(x->clause));
    json_object_object_add(c, "outcome", json_object_new_string(outcome_name(x->outcome)));
    json_object_object_add(c, "message", json_object_new_string(msg ? msg : ""));
    json_object_object_add(c, "evidence", evidence_object(x->ev));
    if (x->route) json_object_object_add(c, "route", json_object_new_string(x->route));
    if (x->waiver) {
      json_object_object_add(c, "waived", json_object_new_boolean(x->waived));
      json_object_object_add(c, "waiver", json_object_new_string(x->waiver));
      if (x->wv) {
        json_object_object_add(c, "waiver_id", json_object_new_int64(x->wv->id));
        json_object_object_add(c, "waiver_state",
                               json_object_new_string(waiver_state_name(x->wv->state)));
      }
    }
    json_object_array_add(list, c);
  }
  json_object_object_add(o, "checks", list);
  if (f->waiver_problems) {
    json_object *wp = json_object_new_array();
    for (const char *p = f->waiver_problems, *nl; (nl = strchr(p, '\n')); p = nl + 1)
      json_object_array_add(wp, json_object_new_string_len(p, (int)(nl - p)));
    json_object_object_add(o, "waiver_problems", wp);
  }
  const char *text = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
                                                          JSON_C_TO_STRING_NOSLASHESCAPE);
  size_t n = strlen(text);
  char *out = malloc(n + 2);
  if (out) {
    memcpy(out, text, n);
    out[n] = '\n';
    out[n + 1] = '\0';
  }
  json_object_put(o);
  return out;
}
