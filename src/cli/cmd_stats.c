/* cmd_stats.c: `hdreg stats` — the figures of a period (src/stats/, docs/stats.md) as a
 * text table, CSV with a header line, or JSON. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "stats/stats.h"
#include "store/store.h"
#include "util/json.h"
#include "util/date.h"
#include "util/diag.h"

static const char HELP[] =
    "usage: hdreg stats --from DATE --to DATE [--format text|csv|json] [--db FILE]\n"
    "\n"
    "The register's figures for the period DATE to DATE, both days included, as the\n"
    "authority reports them to the data department (docs/stats.md defines each):\n"
    "  cases received in the period (application date) by registration type, procedure,\n"
    "  status at the end of the period, data class and access grade; the review decisions\n"
    "  of the period, and by clause the decisions a finding on it decided; the cases closed\n"
    "  in the period (certified, rejected, cancelled, withdrawn); the processing time of\n"
    "  those the authority decided, in working days on the register's holiday calendar\n"
    "  (median and 90th percentile); the certificates in force at the end of each month.\n"
    "\n"
    "  --from DATE      the first day of the period (YYYY-MM-DD)\n"
    "  --to DATE        the last day of the period (YYYY-MM-DD), not before --from; at\n"
    "                   most 120 months are touched\n"
    "  --format F       text (default), csv (one figure a line: figure,key,value) or json\n"
    "  --db FILE        the register (database), opened read-only\n"
    "\n"
    "Exit: 0 printed; 2 usage (a bad date, --from after --to); 3 a processing time reaches\n"
    "a year without a holiday schedule; 4 database.\n";


/* ---- text --------------------------------------------------------------------------- */

static void group_text(json_object *o, const char *title, const char *group) {
  printf("  %s\n", title);
  json_object_object_foreach(o, k, v) {
    const char *cn = group ? stats_label(group, k) : k;
    if (strcmp(cn, k)) printf("%8d  %-20s%s\n", json_object_get_int(v), k, cn);
    else printf("%8d  %s\n", json_object_get_int(v), k); /* no label: no trailing blanks */
  }
}

static void print_text(json_object *st) {
  json_object *rec = hd_json_get(st, "received"), *dec = hd_json_get(st, "decisions"), *clo = hd_json_get(st, "closed"),
              *pt = hd_json_get(st, "processing_days"), *inf = hd_json_get(st, "in_force");
  printf("登记统计 %s 至 %s（定义见 docs/stats.md）\n\n", json_object_get_string(hd_json_get(st, "from")),
         json_object_get_string(hd_json_get(st, "to")));
  printf("期间收到的案件（申请日期在期间内）：%d\n", json_object_get_int(hd_json_get(rec, "total")));
  group_text(hd_json_get(rec, "type"), "登记类型（5.1）", "type");
  group_text(hd_json_get(rec, "procedure"), "程序（6.1、6.2）", "procedure");
  group_text(hd_json_get(rec, "status"), "期末状态", "status");
  group_text(hd_json_get(rec, "data_class"), "数据类别（4.1.1.3）", "data_class");
  group_text(hd_json_get(rec, "grade"), "数据分级（4.1.2）", NULL);
  printf("\n期间的审核决定（6.1.2 b、6.2.2 b）：%d\n", json_object_get_int(hd_json_get(dec, "total")));
  static const char *const D[] = {"approve", "rectify", "hold", "reject"};
  for (int i = 0; i < 4; i++)
    printf("%8d  %-20s%s\n", json_object_get_int(hd_json_get(dec, D[i])), D[i], stats_label("decision", D[i]));
  json_object *bc = hd_json_get(dec, "by_clause");
  printf("  按条款（以该条款的检查结果为依据的决定数）\n");
  if (!json_object_array_length(bc)) printf("        （无）\n");
  else printf("  %-20s%8s%8s%8s\n", "clause", "reject", "rectify", "hold");
  for (size_t i = 0; i < json_object_array_length(bc); i++) {
    json_object *r = json_object_array_get_idx(bc, i);
    printf("  %-20s%8d%8d%8d\n", json_object_get_string(hd_json_get(r, "clause")),
           json_object_get_int(hd_json_get(r, "reject")), json_object_get_int(hd_json_get(r, "rectify")),
           json_object_get_int(hd_json_get(r, "hold")));
  }
  printf("\n期间办结的案件：%d\n", json_object_get_int(hd_json_get(clo, "total")));
  static const char *const C[] = {"certified", "rejected", "cancelled", "withdrawn"};
  for (int i = 0; i < 4; i++)
    printf("%8d  %-20s%s\n", json_object_get_int(hd_json_get(clo, C[i])), C[i], stats_label("closed", C[i]));
  printf("\n办理时间（工作日，自收到全部材料至办结，不含撤回）：");
  if (json_object_get_int(hd_json_get(pt, "cases")))
    printf("%d 件，中位数 %s，第 90 百分位数 %d，最短 %d，最长 %d\n",
           json_object_get_int(hd_json_get(pt, "cases")), json_object_get_string(hd_json_get(pt, "median")),
           json_object_get_int(hd_json_get(pt, "p90")), json_object_get_int(hd_json_get(pt, "min")),
           json_object_get_int(hd_json_get(pt, "max")));
  else
    printf("期间无办结的案件\n");
  printf("\n各月末有效的证书\n");
  for (size_t i = 0; i < json_object_array_length(inf); i++) {
    json_object *m = json_object_array_get_idx(inf, i);
    printf("  %s  %s%8d\n", json_object_get_string(hd_json_get(m, "month")),
           json_object_get_string(hd_json_get(m, "date")), json_object_get_int(hd_json_get(m, "certificates")));
  }
}

/* ---- csv ---------------------------------------------------------------------------- */

/* One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
static void csv_field(const char *s) {
  if (!strpbrk(s, ",\"\r\n")) {
    fputs(s, stdout);
    return;
  }
  putchar('"');
  for (; *s; s++) {
    if (*s == '"') putchar('"');
    putchar(*s);
  }
  putchar('"');
}

static void csv_row(const char *figure, const char *key, json_object *v) {
  csv_field(figure);
  putchar(',');
  csv_field(key);
  putchar(',');
  if (v) fputs(json_object_get_string(v), stdout);
  putchar('\n');
}

static void csv_group(const char *figure, json_object *o) {
  json_object_object_foreach(o, k, v) csv_row(figure, k, v);
}

static void print_csv(json_object *st) {
  json_object *rec = hd_json_get(st, "received"), *dec = hd_json_get(st, "decisions");
  puts("figure,key,value");
  csv_row("period", "from", hd_json_get(st, "from"));
  csv_row("period", "to", hd_json_get(st, "to"));
  csv_row("received", "total", hd_json_get(rec, "total"));
  csv_group("type", hd_json_get(rec, "type"));
  csv_group("procedure", hd_json_get(rec, "procedure"));
  csv_group("status", hd_json_get(rec, "status"));
  csv_group("data_class", hd_json_get(rec, "data_class"));
  csv_group("grade", hd_json_get(rec, "grade"));
  static const char *const D[] = {"total", "approve", "rectify", "hold", "reject"};
  for (int i = 0; i < 5; i++) csv_row("decisions", D[i], hd_json_get(dec, D[i]));
  json_object *bc = hd_json_get(dec, "by_clause");
  static const char *const K[] = {"reject", "rectify", "hold"};
  for (int k = 0; k < 3; k++) {
    char fig[32];
    hd_snprintf(fig, sizeof fig, "clause_%s", K[k]);
    for (size_t i = 0; i < json_object_array_length(bc); i++) {
      json_object *r = json_object_array_get_idx(bc, i);
      if (json_object_get_int(hd_json_get(r, K[k])))
        csv_row(fig, json_object_get_string(hd_json_get(r, "clause")), hd_json_get(r, K[k]));
    }
  }
  csv_group("closed", hd_json_get(st, "closed"));
  csv_group("processing_days", hd_json_get(st, "processing_days"));
  json_object *inf = hd_json_get(st, "in_force");
  for (size_t i = 0; i < json_object_array_length(inf); i++) {
    json_object *m = json_object_array_get_idx(inf, i);
    csv_row("in_force", json_object_get_string(hd_json_get(m, "month")), hd_json_get(m, "certificates"));
  }
}

int cmd_stats(int argc, char **argv) {
  static const struct option OPTS[] = {{"from", required_argument, NULL, 'f'},
                                       {"to", required_argument, NULL, 't'},
                                       {"format", required_argument, NULL, 'F'},
                                       {"db", required_argument, NULL, 'd'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *from = NULL, *to = NULL, *format = "text";
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'f': from = optarg; break;
    case 't': to = optarg; break;
    case 'F': format = optarg; break;
    case 'd': cli_conf_option(CONF_DATABASE, optarg); break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      return cli_bad_option("stats", OPTS, argv);
    }
  }
  if (optind < argc) {
    cli_error("stats: unexpected argument '%s' (see hdreg stats --help)", argv[optind]);
    return HD_EXIT_USAGE;
  }
  if (!from || !to) {
    cli_error("stats: which period? give --from DATE and --to DATE (see hdreg stats --help)");
    return HD_EXIT_USAGE;
  }
  hd_date f, t;
  if (!hd_date_parse(from, &f)) {
    cli_error("stats: --from '%s' is not a valid date YYYY-MM-DD", from);
    return HD_EXIT_USAGE;
  }
  if (!hd_date_parse(to, &t)) {
    cli_error("stats: --to '%s' is not a valid date YYYY-MM-DD", to);
    return HD_EXIT_USAGE;
  }
  if (hd_date_cmp(f, t) > 0) {
    cli_error("stats: --from %s is after --to %s", from, to);
    return HD_EXIT_USAGE;
  }
  if (strcmp(format, "text") && strcmp(format, "csv") && strcmp(format, "json")) {
    cli_error("stats: --format '%s' is not one of text, csv, json", format);
    return HD_EXIT_USAGE;
  }
  const char *db_path = cli_conf(CONF_DATABASE);
  if (!db_path) {
    cli_error("stats: which register? give --db FILE or set database in hdreg.conf");
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  if (store_open_readonly(db_path, &db, &err)) {
    cli_error("stats: %s", err.msg);
    return hd_exit_for(err.code);
  }
  json_object *st = NULL;
  int rc = stats_compute(db, from, to, &st, &err);
  store_close(db);
  if (rc) {
    cli_error("stats: %s", err.msg);
    return hd_exit_for(rc);
  }
  if (!strcmp(format, "json"))
    printf("%s\n", json_object_to_json_string_ext(st, JSON_C_TO_STRING_PRETTY |
                                                          JSON_C_TO_STRING_SPACED |
                                                          JSON_C_TO_STRING_NOSLASHESCAPE));
  else if (!strcmp(format, "csv"))
    print_csv(st);
  else
    print_text(st);
  json_object_put(st);
  if (fflush(stdout) || ferror(stdout)) {
    cli_error("stats: cannot write the figures to standard output");
    return HD_EXIT_OUTPUT;
  }
  return HD_EXIT_OK;
}
