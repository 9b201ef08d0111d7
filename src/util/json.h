/* json.h: reading a JSON object that hdreg made (the run report, the statistics) without
 * checking each step: a missing key or a value of another type reads as absent. Depends
 * on json-c. */
#ifndef HD_JSON_H
#define HD_JSON_H
#include <json-c/json.h>

/* The value of key k of o, or NULL (o NULL or not an object, or no such key). */
json_object *hd_json_get(json_object *o, const char *k);
/* The text of key k, or NULL if it is missing or not a string. */
const char *hd_json_str(json_object *o, const char *k);
/* The number of key k as an int, or 0 if it is missing. */
int hd_json_int(json_object *o, const char *k);

#endif
