/* prelude.h: included before anything else in every hdreg source file (the compiler's
 * -include, cmake/Layering.cmake). The C library headers that declare what banned.h
 * bans come first, so that their declarations are read as written; then banned.h, so
 * that no source file, whatever it includes, can call a banned function. */
#ifndef HD_PRELUDE_H
#define HD_PRELUDE_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "banned.h" /* util/banned.h, beside this file */
#endif
