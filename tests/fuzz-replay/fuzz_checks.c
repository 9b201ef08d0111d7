/* Fuzz harness: loading and running a check file (checks/checks.h) must never crash or
 * hang, whatever the text.
 *
 * Input: parts separated by lines "%%" (fuzz_common.h):
 *   1. a check file, written as DIR/pack/c.lua;
 *   2. optional: DIR/pack/params.lua (if not empty);
 *   3. optional: DIR/pack/tests/_base.lua, and with it
 *   4. optional: DIR/pack/tests/t.lua — then `hdreg checks test` is done on the pack too.
 * The pack is loaded with small limits; if it loads it runs over two cases of the demo
 * register, then over the first again. Nothing is printed.
 * Invariants: a load error has a message starting with the path of a file of the pack
 * (or says there is no check); every finding has a message (empty only if the check gave
 * an empty one: pass("")), an `error` finding's message
 * names "check '" and the pack's directory; the findings' JSON and evidence parse
 * (json-c, valid UTF-8); a case checked again gives the same outcomes when no check
 * erred (what a check keeps at file level is frozen or put back). */
#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "checks/checks.h"
#include "fuzz_common.h"
#include "model/calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const char *detail) {
  fprintf(stderr, "fuzz_checks: %s: %s\n", what, detail ? detail : "(null)");
  abort();
}

static void must_parse(const char *json, const char *what) {
  json_tokener *tok = json_tokener_new();
  if (!tok) abort();
  json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
  json_object *o = json_tokener_parse_ex(tok, json, (int)strlen(json));
  if (!o || json_tokener_get_error(tok) != json_tokener_success) fail(what, json);
  json_object_put(o);
  json_tokener_free(tok);
}

static void check_findings(hd_pack *pk, hd_findings *f, const char *dir) {
  if (f->n != pack_count(pk)) fail("findings", "not one finding per check");
  for (int i = 0; i < f->n; i++) {
    hd_finding *x = &f->v[i];
    /* pass("") is the check's own choice: an empty message is the author's, not hdreg's. */
    const char *xm = finding_message(x);
    if (!xm || (x->outcome == HD_ERROR && !xm[0]))
      fail("a finding without a message", x->check_id);
    if (x->outcome < HD_PASS || x->outcome > HD_ERROR) fail("outcome out of range", x->check_id);
    if (x->outcome == HD_ERROR && (!strstr(xm, "check '") || !strstr(xm, dir)))
      fail("an error finding that names no check or file", xm);
    const char *ev = finding_evidence(x);
    if (!ev) fail("evidence", "out of memory");
    must_parse(ev, "evidence JSON");
  }
  if (f->decision != findings_decide(f)) fail("decision", "not the one of the outcomes");
  char *j = findings_json(19, "SQ-2026-0019", "2026-03-16", f);
  if (!j) fail("findings_json", "out of memory");
  must_parse(j, "findings JSON");
  free(j);
}

static int any_error(const hd_findings *f) {
  for (int i = 0; i < f->n; i++)
    if (f->v[i].outcome == HD_ERROR) return 1;
  return 0;
}

static void put(const char *dir, const char *name, const char *text) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  if (text) fuzz_write(path, text, strlen(text));
  else unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static char dir[128], tdir[160];
  static hd_calendar *cal;
  fuzz_demo *demo = fuzz_demo_get();
  if (!dir[0]) {
    snprintf(dir, sizeof dir, "%s/pack", fuzz_dir());
    snprintf(tdir, sizeof tdir, "%s/tests", dir);
    if (mkdir(dir, 0700) || mkdir(tdir, 0700)) abort();
    hd_err e;
    hd_err_clear(&e);
    if (calendar_load(demo->db, &cal, &e)) fail("calendar", e.msg);
  }
  fuzz_parts p;
  fuzz_split(data, size, &p);
  put(dir, "c.lua", p.v[0]);
  put(dir, "params.lua", p.n > 1 && p.v[1][0] ? p.v[1] : NULL);
  put(tdir, "_base.lua", p.n > 2 ? p.v[2] : NULL);
  put(tdir, "t.lua", p.n > 3 ? p.v[3] : NULL);

  const char *dirs[1] = {dir};
  hd_pack_opts o = {dirs, 1, 100000, 4L << 20, 100};
  hd_pack *pk = NULL;
  hd_err err;
  hd_err_clear(&err);
  int rc = pack_load(&o, &pk, &err);
  if (rc != HD_OK) {
    /* HD_ENOMEM: setting up the state passed its 100 ms deadline (wall clock) on a loaded
     * machine, and the allocator refused from then on: not the file's fault. */
    if (rc != HD_ENOMEM && strncmp(err.msg, dir, strlen(dir)) != 0 &&
        strcmp(err.msg, "no checks declared") != 0)
      fail("a load error that names no file", err.msg);
    fuzz_parts_free(&p);
    return 0;
  }
  hd_findings first, f;
  for (int k = 0; k < 3; k++) {
    hd_err_clear(&err);
    rc = pack_run_view(pk, &demo->v[k % 2], cal, "2026-03-16", &f, &err);
    if (rc != HD_OK) {
      /* Only hdreg's own failures come back as errors: memory, here. */
      if (rc != HD_ENOMEM || !err.msg[0]) fail("pack_run_view", err.msg);
      if (k) findings_release(&first);
      first.n = 0;
      break;
    }
    check_findings(pk, &f, dir);
    (void)pack_log(pk);
    if (k == 0) {
      first = f;
      continue;
    }
    if (k == 2 && !any_error(&first) && !any_error(&f)) {
      for (int i = 0; i < f.n; i++)
        if (f.v[i].outcome != first.v[i].outcome) fail("the same case, another outcome", f.v[i].check_id);
    }
    findings_release(&f);
    if (k == 2) findings_release(&first);
  }
  if (p.n > 2) {
    char *report = NULL, *findings = NULL;
    int failed = 0;
    hd_test_opts topt;
    memset(&topt, 0, sizeof topt);
    hd_err_clear(&err);
    if (pack_test(pk, dirs, 1, cal, &topt, &report, &findings, &failed, &err) == HD_OK) {
      if (!report) fail("pack_test", "no report");
    } else if (!err.msg[0]) {
      fail("pack_test", "an error without a message");
    }
    free(report);
    free(findings);
  }
  pack_free(pk);
  fuzz_parts_free(&p);
  return 0;
}
