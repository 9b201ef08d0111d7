/* banned.h: functions hdreg does not use (after git's banned.h). Included last by every
 * hdreg source file through util/buf.h. */
#ifndef HD_BANNED_H
#define HD_BANNED_H
#define HD_BANNED(f) sorry_##f##_is_banned_in_hdreg
#undef strcpy
#define strcpy(a, b) HD_BANNED(strcpy)
#undef strcat
#define strcat(a, b) HD_BANNED(strcat)
#undef strncpy
#define strncpy(a, b, c) HD_BANNED(strncpy)
#undef sprintf
#define sprintf(...) HD_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) HD_BANNED(vsprintf)
#undef strtok
#define strtok(a, b) HD_BANNED(strtok)
#undef gmtime
#define gmtime(t) HD_BANNED(gmtime)
#undef localtime
#define localtime(t) HD_BANNED(localtime)
#undef asctime
#define asctime(t) HD_BANNED(asctime)
#undef ctime
#define ctime(t) HD_BANNED(ctime)
#endif
