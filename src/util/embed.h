/* embed.h: files compiled into the binary by cmake/Embed.cmake (SQL, demo data, font
 * manifest). Each is NUL-terminated; the _len excludes the NUL. */
#ifndef HD_EMBED_H
#define HD_EMBED_H
#include <stddef.h>

extern const unsigned char hd_embed_schema_v1[];
extern const size_t hd_embed_schema_v1_len;
extern const unsigned char hd_embed_schema_v2[];
extern const size_t hd_embed_schema_v2_len;
extern const unsigned char hd_embed_schema_v3[];
extern const size_t hd_embed_schema_v3_len;
extern const unsigned char hd_embed_schema_v4[];
extern const size_t hd_embed_schema_v4_len;
extern const unsigned char hd_embed_schema_v5[];
extern const size_t hd_embed_schema_v5_len;
extern const unsigned char hd_embed_schema_v6[];
extern const size_t hd_embed_schema_v6_len;
extern const unsigned char hd_embed_schema_v7[];
extern const size_t hd_embed_schema_v7_len;
extern const unsigned char hd_embed_schema_v8[];
extern const size_t hd_embed_schema_v8_len;
extern const unsigned char hd_embed_schema_v9[];
extern const size_t hd_embed_schema_v9_len;
extern const unsigned char hd_embed_schema_v10[];
extern const size_t hd_embed_schema_v10_len;
extern const unsigned char hd_embed_schema_v11[];
extern const size_t hd_embed_schema_v11_len;
extern const unsigned char hd_embed_schema_v12[];
extern const size_t hd_embed_schema_v12_len;
extern const unsigned char hd_embed_schema_v13[];
extern const size_t hd_embed_schema_v13_len;
extern const unsigned char hd_embed_schema_v14[];
extern const size_t hd_embed_schema_v14_len;
extern const unsigned char hd_embed_inst_schema[];
extern const size_t hd_embed_inst_schema_len;
extern const unsigned char hd_embed_demo_sql[];
extern const size_t hd_embed_demo_sql_len;
extern const unsigned char hd_embed_tmpl_schema[];
extern const size_t hd_embed_tmpl_schema_len;
extern const unsigned char hd_embed_font_manifest[];
extern const size_t hd_embed_font_manifest_len;

/* The public site's stylesheet and scripts (src/publish/site/). */
extern const unsigned char hd_embed_site_css[];
extern const size_t hd_embed_site_css_len;
extern const unsigned char hd_embed_site_common_js[];
extern const size_t hd_embed_site_common_js_len;
extern const unsigned char hd_embed_site_lookup_js[];
extern const size_t hd_embed_site_lookup_js_len;
extern const unsigned char hd_embed_site_verify_js[];
extern const size_t hd_embed_site_verify_js_len;

#endif
