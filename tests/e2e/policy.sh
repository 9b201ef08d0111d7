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
bad() { # bad NAME SED EXPECTED-LINES...: every problem of the file, in Chinese, by line
  local name=$1 expr=$2
  shift 2
  sed "$expr" $E >"$T/$name.xml"
  run "$HDREG" policy --from "$T/$name.xml" --out "$T/$name.pdf"
  expect_eq "$rc $(err)" "3 $(printf 'hdreg: policy: %s\n' "$@")" "$name"
  [ ! -e "$T/$name.pdf" ] || fail "$name: a file was written"
}
X=$T/doctype.xml
bad doctype 's|<?xml version="1.0" encoding="UTF-8"?>|<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY a "b">]>|' \
  "$X:1: 机构文件中不允许 DOCTYPE（也就不允许实体）"
X=$T/malformed.xml
bad malformed 's|</phone>|</fone>|' "$X:9: XML 格式错误：结束标签与开始标签不一致"
# Every problem at once, each with its line: a missing, an empty, a repeated and an
# unknown element, response days past the register's 1-30, a date that is none, an
# effective date before the update, a kind that is none, a sharing list out of shape.
X=$T/all.xml
bad all '/<email>/d; s|<phone>0755-86001234</phone>|<phone>  </phone><phone>1</phone>|; s|<response-days>15<|<response-days>45<|; s|<effective>2026-03-01<|<effective>2026-02-01<|; s|<updated>2026-02-20<|<updated>2026-02-30<|; s|<kind>company<|<kind>shop<|; s|<purpose>完成体检项目的检验</purpose>|<purpose></purpose><colour>red</colour>|; /<contact>lab@example.cn<\/contact>/d; s|</address>|</address><fax>1</fax>|' \
  "$X:5: 缺少 <email>（联系邮箱）" \
  "$X:8: <phone>（联系电话）是空的：隐私政策需要它" \
  "$X:8: <phone>（联系电话）重复：第 8 行已有" \
  "$X:9: <institution> 中没有 <fax> 这一项" \
  "$X:11: <response-days>（响应时限）“45”应为 1 至 30 的工作日数" \
  "$X:13: <updated>（更新日期）“2026-02-30”不是日期（应写作 2026-03-01）" \
  "$X:14: <kind>（单位类型）“shop”不是 hospital（医院）、company（公司）、platform（平台）或 unit（其他单位）" \
  "$X:16: <third-party> 缺少 <contact>（第三方联系方式）" \
  "$X:18: <purpose>（共享目的）是空的：隐私政策需要它" \
  "$X:18: <third-party> 中没有 <colour> 这一项（可写 name、purpose、data-items、contact）" \
  "$X: 共 10 个问题，未写出隐私政策"
X=$T/days.xml
bad days 's|<response-days>15<|<response-days>100000000000000000000<|' \
  "$X:12: <response-days>（响应时限）“100000000000000000000”应为 1 至 30 的工作日数" "$X: 共 1 个问题，未写出隐私政策"
X=$T/early.xml
bad early 's|<effective>2026-03-01<|<effective>2026-02-19<|' \
  "$X:13: <effective>（生效日期）2026-02-19 早于 <updated>（更新日期）2026-02-20：政策公布之后才能生效" "$X: 共 1 个问题，未写出隐私政策"
X=$T/nokind.xml
bad nokind '/<kind>/d' "$X:5: 缺少 <kind>（单位类型）" "$X: 共 1 个问题，未写出隐私政策"
# Headings: every numbered section, h2 and h3 (the outline of the PDF the same).
run "$HDREG" policy --from $E --out "$T/hd.pdf" --format html
HEADS="一、适用范围|二、信息收集范围|2.1 您在用户注册与登录时所提交的信息|2.2 您在接受我们的医疗服务所提交的信息|2.3 下单与支付信息|2.4 客服、反馈及其他功能|2.5 运营和程序安全维护信息|2.6 从第三方合作伙伴获取的信息|三、信息共享、委托处理及披露|3.1 共享|3.2 委托处理|3.3 披露|3.4 共享、公开披露个人信息时事先征得授权同意的例外|四、信息安全|五、未成年人保护|六、您的个人信息权益|七、我们可能向您发送的信息|与服务有关的公告|八、存储信息的地点和期限|8.1 存储信息的地点|8.2 存储信息的期限|九、个人信息保护政策的更新|十、与我们联系|十一、本政策时效|"
expect_eq "$(grep -o '<h[23][^>]*>[^<]*' "$T/hd.html" | sed 's/^<h[23]>//' | tr '\n' '|')" "$HEADS" "the HTML's headings"
expect_eq "$(grep -o '<h[23]' "$T/hd.html" | sort | uniq -c | tr -s ' ' | tr '\n' ';')" " 11 <h2; 13 <h3;" "heading levels"
expect_eq "$(qpdf --json --json-key=outlines "$T/hd.pdf" | python3 -c '
import json, sys
def walk(items, depth):
    for o in items:
        print(("  " * depth) + o["title"]); walk(o["kids"], depth + 1)
walk(json.load(sys.stdin)["outlines"], 0)' | sed 's/^  /-/' | tr '\n' '|' | sed 's/-//g')" "$HEADS" "the PDF's outline"
expect_eq "$(qpdf --json --json-key=outlines "$T/hd.pdf" | python3 -c '
import json, sys; print(" ".join(str(len(o["kids"])) for o in json.load(sys.stdin)["outlines"]))')" "0 6 4 0 0 0 1 2 0 0 0" "outline: sub-sections under their sections"
# The important passages: in the Bold face (pdftohtml names the font of each run) and
# underlined; in the page, strong.important.
pdftohtml -xml -i -stdout "$T/hd.pdf" >"$T/hd.xml" 2>/dev/null
tag=$(pdffonts "$T/hd.pdf" | sed -n 's/^\([A-Z]*\)+NotoSerifCJKSC-Bold .*/\1/p')
boldfont=$(grep -o "<fontspec id=\"[0-9]*\" size=\"16\" family=\"$tag+NotoSerifCJKSC\"" "$T/hd.xml" | sed 's/.*id="\([0-9]*\)".*/\1/' | tr '\n' ' ')
[ -n "$tag" ] && [ -n "$boldfont" ] || fail "no run of the text's size in the Bold face"
PASSED=$((PASSED + 1))
pdffonts "$T/hd.pdf" | grep -c 'NotoSerifCJKSC-Bold' >"$T/nb"
expect_eq "$(cat "$T/nb")" 1 "pdffonts: the Bold face"
bold=$(for f in $boldfont; do grep "font=\"$f\"" "$T/hd.xml"; done | sed 's/<[^>]*>//g' | tr -d ' \n')
for want in 如您不同意本政策中的任何条款 即意味着您知晓且同意本政策 如果您是未满十四周岁的未成年人 则无法完成用账号注册 \
  14周岁以下儿童的个人信息等个人敏感信息 不必事先征得您的授权同意 也不可能始终保证信息百分之百的安全 \
  直接导致您个人信息泄露的范围内承担责任 某些业务功能无法实现 即表示同意接受修订的本个人信息保护政策的约束; do
  case "$bold" in *"$want"*) PASSED=$((PASSED + 1)) ;; *) fail "not in the Bold face: '$want'" ;; esac
done
expect_eq "$(grep -o '<strong class="important">' "$T/hd.html" | wc -l)" 11 "the page's important passages"
# A company's policy: no 本院, no 就诊人, no WeChat; 本公司 where the annex says 本院.
expect_eq "$(grep -c '本院\|就诊人\|微信' "$T/p.txt" || true) $(tr -d ' \n\f' <"$T/p.txt" | grep -o '本公司会在15个工作日验证并处理您的请求\|向您说明本公司会如何收集\|“我的-个人信息”详情页\|本产品（或服务）账号有安全保护功能' | wc -l)" "0 5" "a company's policy"
# A hospital: the annex's own names; a platform with its own menu and account.
sed 's|<kind>company</kind>|<kind>hospital</kind>|' $E >"$T/hosp.xml"
"$HDREG" policy --from "$T/hosp.xml" --out "$T/hosp.pdf"
expect_eq "$(pdftotext "$T/hosp.pdf" - | tr -d ' \n\f' | grep -o '本院会在15个工作日\|“患者管理-就诊人管理”详情页\|账号及微信账号均有安全保护功能' | sort | uniq -c | tr -s ' ' | tr '\n' ';')" \
  " 2 “患者管理-就诊人管理”详情页; 1 本院会在15个工作日; 1 账号及微信账号均有安全保护功能;" "a hospital's policy"
sed 's|<kind>company</kind>|<kind>platform</kind><menu>个人中心-资料</menu><account>支付宝账号</account>|' $E >"$T/plat.xml"
"$HDREG" policy --from "$T/plat.xml" --out "$T/plat.pdf"
expect_eq "$(pdftotext "$T/plat.pdf" - | tr -d ' \n\f' | grep -o '本平台会在15个工作日\|“个人中心-资料”详情页\|账号及支付宝账号均有安全保护功能' | sort | uniq -c | tr -s ' ' | tr '\n' ';')" \
  " 2 “个人中心-资料”详情页; 1 本平台会在15个工作日; 1 账号及支付宝账号均有安全保护功能;" "a platform's policy"
# GBK and GB18030 twins of the example: the same PDF and page as the UTF-8 file.
for enc in GBK GB18030; do
  iconv -f UTF-8 -t $enc $E | sed "s/encoding=\"UTF-8\"/encoding=\"$enc\"/" >"$T/$enc.xml"
  run "$HDREG" policy --from "$T/$enc.xml" --out "$T/$enc.pdf" --format html
  expect_eq "$rc $(err)" "0 " "$enc file"
  cmp "$T/$enc.pdf" "$T/hd.pdf" && cmp "$T/$enc.html" "$T/hd.html" || fail "$enc: not the UTF-8 file's output"
  PASSED=$((PASSED + 1))
done
iconv -f UTF-8 -t GBK $E >"$T/undeclared.xml"
run "$HDREG" policy --from "$T/undeclared.xml" --out "$T/u.pdf" --encoding gbk
expect_eq "$rc $(err)" "0 " "GBK without a declaration, --encoding gbk"
cmp "$T/u.pdf" "$T/hd.pdf" || fail "--encoding gbk: not the UTF-8 file's output"
PASSED=$((PASSED + 1))
run "$HDREG" policy --from "$T/undeclared.xml" --out "$T/u2.pdf"
expect_eq "$rc $(err)" "3 hdreg: policy: $T/undeclared.xml:6: 第 278 字节起不是有效的 UTF-8（GBK 或 GB18030 的文件请在 XML 声明中写明，如 <?xml version=\"1.0\" encoding=\"GBK\"?>，或用 --encoding GBK）
hdreg: policy: $T/undeclared.xml: 共 1 个问题，未写出隐私政策" "GBK bytes, undeclared"
printf '<?xml version="1.0" encoding="GBK"?>\n<institution>\n<name>\x81\x20</name>\n</institution>\n' >"$T/badgbk.xml"
run "$HDREG" policy --from "$T/badgbk.xml" --out "$T/bg.pdf"
expect_eq "$rc $(err)" "3 hdreg: policy: $T/badgbk.xml:3: 第 7 个字处的字节 81 不是有效的 GBK
hdreg: policy: $T/badgbk.xml: 共 1 个问题，未写出隐私政策" "invalid GBK bytes"
# --format html: the same text as an accessible web page beside the PDF.
run "$HDREG" policy --from $E --out "$T/h.pdf" --format html
expect_eq "$rc $(err)" "0 " "html"
cmp "$T/p.pdf" "$T/h.pdf" || fail "--format html changed the PDF"
PASSED=$((PASSED + 1))
expect_eq "$(tidy -e -q "$T/h.html" 2>&1; echo "tidy $?")" "tidy 0" "the page is valid HTML (tidy)"
expect_eq "$(grep -c '<html lang="zh-CN">' "$T/h.html") $(grep -o '<h[123]' "$T/h.html" | sort | uniq -c | tr -s ' ' | tr '\n' ';')" \
  "1  1 <h1; 11 <h2; 13 <h3;" "language and heading levels"
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
done_ok
