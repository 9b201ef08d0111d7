/* config.h: where hdreg finds what it reads — the configuration file (hdreg.conf, "key =
 * value" lines), the data folder (templates, the shipped check pack, fonts and their
 * manifest), the environment (HDREG_CONFIG, HDREG_DATA_DIR) and the command line — and
 * `hdreg config`, which prints every effective value and where it came from. The working
 * directory is never searched. Depends on util/ and store/ (the register's settings). */
#ifndef HD_CLI_CONFIG_H
#define HD_CLI_CONFIG_H
#include <stddef.h>

/* The keys of hdreg.conf, in the order `hdreg config` prints them. */
enum cli_key {
  CONF_DATA_DIR,      /* data_dir: templates/, checks/, fonts/ (HDREG_DATA_DIR) */
  CONF_DATABASE,      /* database: the register (--db) */
  CONF_OUTPUT,        /* output: the night's output directory (--out) */
  CONF_KEYS,          /* keys: the signing keys directory (--keys) */
  CONF_CHECKPOINTS,   /* checkpoints: the checkpoints file (--checkpoints) */
  CONF_JOBS,          /* jobs: worker processes of the night (--jobs) */
  CONF_TEMPLATES,     /* templates: the templates directory (--templates) */
  CONF_FONTS,         /* fonts: fonts that win over the system's (--fonts) */
  CONF_FONT_MANIFEST, /* font_manifest: font roles and fallbacks (--font-manifest) */
  CONF_CHECKS,        /* checks: a legal team's directory after the shipped pack (--checks; repeatable) */
  CONF_SITE,          /* site: the public site the night publishes (hdreg run --publish) */
  CONF_WAITING_DAYS,  /* waiting_days: a case waiting longer (working days) is marked (1-250) */
  CONF_N
};

/* In main, once before a command: removes "--config FILE" and "--config=FILE" from argv
 * (before a "--"; *argc is updated) and reads that file, else the one HDREG_CONFIG names,
 * else the default file (the install's sysconfdir/hdreg/hdreg.conf; none for the build
 * tree's binary), which may be missing. Returns HD_EXIT_OK, or an exit code after saying
 * on stderr what is wrong (FILE:LINE for a bad line). */
int cli_config_init(int *argc, char **argv);

/* The value of key (NULL if none): the command line's (cli_conf_option), else
 * HDREG_DATA_DIR's for the data folder and what is in it, else the file's, else the
 * default. For CONF_CHECKS, the first directory. */
const char *cli_conf(int key);
/* A command-line option sets key (for CONF_CHECKS: adds a directory; the file's are then
 * not used). value is kept, not copied. Returns 0, or HD_EXIT_USAGE after saying why
 * (--jobs out of range, more than 15 --checks). */
int cli_conf_option(int key, const char *value);
/* jobs as a number (1 if not set). */
int cli_conf_jobs(void);
/* waiting_days as a number (HD_WAITING_DAYS_DEFAULT of report/waiting.h if not set). */
int cli_conf_waiting_days(void);
/* The check directories in the order they load: the shipped pack (DATA/checks), then
 * the --checks options, else the file's checks lines. Returns how many (at most max). */
int cli_conf_checks(const char **dirs, int max);

/* The shipped check pack directory. */
const char *cli_default_checks_dir(void);
/* A template: name itself if it is a path (has a '/' or ends in .xml), else
 * TEMPLATES/NAME.xml in buf. */
const char *cli_template_path(const char *name, char *buf, size_t size);
/* The font manifest the configuration names, read into *text (caller frees; NULL means
 * the built-in one). Returns 0, or an exit code after saying why. */
int cli_font_manifest(char **text);

/* `hdreg config [KEY] [options]`. */
int cmd_config(int argc, char **argv);

/* Compiled into the binary (datadir_*.c): the installed binary's defaults, or the build
 * tree's, whose data are in the source tree (templates/, scripts/checks/, fonts/) and
 * which reads no configuration file unless told to. */
extern const char *const cli_builtin_data_dir;  /* "" for the build tree */
extern const char *const cli_builtin_templates;
extern const char *const cli_builtin_checks;
extern const char *const cli_builtin_fonts;
extern const char *const cli_builtin_config;    /* "" for the build tree */

#endif
