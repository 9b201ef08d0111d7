/* datadir.c: the data folder and configuration file compiled into one binary: built
 * twice, for the install prefix (the packaged /usr/bin/hdreg) and for the build tree
 * (its data are the source tree's; it reads no configuration file unless told to). */
#include "cli/config.h"

const char *const cli_builtin_data_dir = HDREG_BUILTIN_DATA_DIR;
const char *const cli_builtin_templates = HDREG_BUILTIN_TEMPLATES;
const char *const cli_builtin_checks = HDREG_BUILTIN_CHECKS;
const char *const cli_builtin_fonts = HDREG_BUILTIN_FONTS;
const char *const cli_builtin_config = HDREG_BUILTIN_CONFIG;
