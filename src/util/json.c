/* json.c: reading a JSON object hdreg made (json.h). */
#include "util/json.h"

json_object *hd_json_get(json_object *o, const char *k) {
  json_object *v = NULL;
  return o && json_object_is_type(o, json_type_object) && json_object_object_get_ex(o, k, &v) ? v : NULL;
}

const char *hd_json_str(json_object *o, const char *k) {
  json_object *v = hd_json_get(o, k);
  return v && json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

int hd_json_int(json_object *o, const char *k) {
  json_object *v = hd_json_get(o, k);
  return v ? json_object_get_int(v) : 0;
}
