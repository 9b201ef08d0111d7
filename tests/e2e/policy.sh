# hdreg policy: an institution's Annex A privacy policy from its own XML file; every
# value bound; a missing, empty or invalid value, or a DOCTYPE, refused with file:line
# and nothing written.
source "$(dirname "$0")/lib.sh"
set -e
E=docs/examples/institution.xml
run "$HDREG" policy --from $E --out "$T/p.pdf"
expect_eq "$rc $(err)" "0 " "example"
expect_eq "$(pdfinfo "$T/p.pdf" | sed -n 's/^Pages: *//p')" 5 "pages"
pdftotext "$T/p.pdf" "$T/p.txt" 2>"$T/poppler"
expect_eq "$(cat "$T/poppler")" "" "poppler"
flat=$(tr -d ' \n\f' <"$T/p.txt")
for want in 吉祥体检小程序个人信息保护政策 吉祥健康管理（深圳）有限公司 privacy@jixiang.example.cn 0755-86001234 \
  深圳市南山区科技园吉祥大厦8楼 "通过“我的-设置-隐私-撤回授权”撤回" 15个工作日 2026年3月1日起生效 2026年2月20日 \
  深圳市某检验实验室有限 lab@example.cn; do
  case "$flat" in *"$want"*) PASSED=$((PASSED + 1)) ;; *) fail "policy lacks '$want'" ;; esac
done
expect_eq "$(grep -c '【\|×××' "$T/p.txt" || true)" 0 "no placeholder left"
qpdf --check "$T/p.pdf" >/dev/null || fail "qpdf"
"$HDREG" policy --from $E --out "$T/p2.pdf"
cmp "$T/p.pdf" "$T/p2.pdf" || fail "same file, different bytes"
bad() { # bad NAME SED EXPECTED
  sed "$2" $E >"$T/$1.xml"
  run "$HDREG" policy --from "$T/$1.xml" --out "$T/$1.pdf"
  expect_eq "$rc $(err)" "3 hdreg: policy: $3" "$1"
  [ ! -e "$T/$1.pdf" ] || fail "$1: a file was written"
}
bad missing '/<email>/d' "$T/missing.xml:5:1: Expecting an element email, got nothing"
bad empty 's|<phone>0755-86001234</phone>|<phone>  </phone>|' "$T/empty.xml:9: <phone> (联系电话) is empty: the privacy policy needs it"
bad date 's|<effective>2026-03-01</effective>|<effective>2026-02-30</effective>|' "$T/date.xml:13:1: Type date doesn't allow value '2026-02-30'"
bad days 's|<response-days>15</response-days>|<response-days>十五</response-days>|' "$T/days.xml:12:1: Type positiveInteger doesn't allow value '十五'"
bad doctype 's|<?xml version="1.0" encoding="UTF-8"?>|<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY a "b">]>|' \
  "$T/doctype.xml:1:1: a DOCTYPE (and with it entities) is not allowed in institution files"
bad party-missing '/<contact>lab@example.cn<\/contact>/d' "$T/party-missing.xml:16: <third-party> lacks <contact> (第三方联系方式)"
bad party-order 's|<purpose>|<colour>red</colour><purpose>|' "$T/party-order.xml:18: <colour> where <third-party> needs <purpose> (共享目的); its elements are name, purpose, data-items, contact, in this order"
bad party-empty 's|<purpose>完成体检项目的检验</purpose>|<purpose></purpose>|' "$T/party-empty.xml:18: <purpose> (共享目的) is empty: the privacy policy needs it"
# --format html: the same text as an accessible web page beside the PDF.
run "$HDREG" policy --from $E --out "$T/h.pdf" --format html
expect_eq "$rc $(err)" "0 " "html"
cmp "$T/p.pdf" "$T/h.pdf" || fail "--format html changed the PDF"
PASSED=$((PASSED + 1))
expect_eq "$(tidy -e -q "$T/h.html" 2>&1; echo "tidy $?")" "tidy 0" "the page is valid HTML (tidy)"
expect_eq "$(grep -c '<html lang="zh-CN">' "$T/h.html") $(grep -o '<h[123]' "$T/h.html" | sort | uniq -c | tr -s ' ' | tr '\n' ';')" \
  "1  1 <h1; 11 <h2; 11 <h3;" "language and heading levels"
expect_eq "$(grep -o '<th scope="col">[^<]*</th>' "$T/h.html" | tr '\n' ' ')" \
  '<th scope="col">第三方名称</th> <th scope="col">共享目的</th> <th scope="col">共享的个人信息</th> <th scope="col">联系方式</th> ' "table head cells"
expect_eq "$(python3 tests/tools/sametext.py "$T/h.html" "$T/p.txt" 第三方名称 除上述情形外)" "same" "the page has the PDF's text"
expect_eq "$(grep -c '【\|×××' "$T/h.html" || true)" 0 "no placeholder left in the page"
# Markup in a value is text, not markup.
sed 's|<product>吉祥体检小程序</product>|<product>吉祥\&lt;script\&gt;alert(1)\&lt;/script\&gt;</product>|' $E >"$T/markup.xml"
run "$HDREG" policy --from "$T/markup.xml" --out "$T/m.pdf" --format html
pdftotext "$T/m.pdf" - | tr -d ' \n\f' | grep -o '吉祥<script>alert(1)</script>' | wc -l >"$T/m.count"
expect_eq "$rc $(grep -c '<script' "$T/m.html") $(grep -o '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/m.html" | wc -l)" \
  "0 0 $(($(cat "$T/m.count") + 1))" "a value with markup is text: in the page as often as in the PDF, and in the title"
# From the register: the demo's product 1.
"$HDREG" demo-db --db "$T/d.db" >/dev/null
run "$HDREG" policy --db "$T/d.db" --institution 1 --out "$T/d.pdf" --format html
expect_eq "$rc $(err)" "0 " "from the register"
pdftotext "$T/d.pdf" "$T/d.txt"
expect_eq "$(python3 tests/tools/sametext.py "$T/d.html" "$T/d.txt" 第三方名称 除上述情形外)" "same" "register: the page has the PDF's text"
run "$HDREG" policy --db "$T/d.db" --institution 99 --out "$T/x.pdf" --format html
expect_eq "$rc $(err)" "3 hdreg: policy: institution product 99 does not exist" "unknown product"
[ ! -e "$T/x.pdf" ] && [ ! -e "$T/x.html" ] || fail "files written for an unknown product"
PASSED=$((PASSED + 1))
run "$HDREG" policy --db "$T/d.db" --institution one --out "$T/x.pdf"
expect_eq "$rc $(err)" "2 hdreg: policy: --institution takes the number of a product (table privacy_products), not 'one'" "--institution one"
run "$HDREG" policy --from $E --db "$T/d.db" --institution 1 --out "$T/x.pdf"
expect_eq "$rc $(err)" "2 hdreg: policy: --out and either --from or --db with --institution are required (see hdreg policy --help)" "--from and --db"
run "$HDREG" policy --from $E --out "$T/x.pdf" --format docx
expect_eq "$rc $(err)" "2 hdreg: policy: --format is pdf or html, not 'docx'" "--format docx"
printf '\xc4\xe3' >"$T/gbk.xml"
run "$HDREG" policy --from "$T/gbk.xml" --out "$T/gbk.pdf"
expect_eq "$rc $(err)" "3 hdreg: policy: $T/gbk.xml: invalid UTF-8 at byte 0" "GBK bytes"
done_ok
