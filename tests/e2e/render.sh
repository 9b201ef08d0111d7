# `hdreg render`: the certificate template gives the same bytes as the nightly run;
# template and data errors name file and line.
source "$(dirname "$0")/lib.sh"
set -e
"$HDREG" demo-db --db "$T/d.db" >/dev/null
"$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/out" >/dev/null 2>&1 || true
run "$HDREG" render --db "$T/d.db" --template certificate --case SQ-2026-0006 --out "$T/c6.pdf"
expect_eq "$rc" 0 "render exit"
expect_eq "$(err)" ""
cmp "$T/c6.pdf" "$T/out/certificates/20260344000000006X.pdf" || fail "render and run differ"
PASSED=$((PASSED + 1))
run "$HDREG" render --db "$T/d.db" --template tests/e2e/templates/bad-key.xml --case 6 --out "$T/x.pdf"
expect_eq "$rc" 3 "unknown key"
expect_eq "$(err)" "hdreg: render: tests/e2e/templates/bad-key.xml:4: {cert.nmae} has no value"
[ ! -e "$T/x.pdf" ] || fail "a failed render left a file"
run "$HDREG" render --db "$T/d.db" --template tests/e2e/templates/invalid.xml --case 6 --out "$T/x.pdf"
expect_eq "$rc" 3 "invalid template"
expect_eq "$(err)" "hdreg: render: tests/e2e/templates/invalid.xml:3:1: Invalid attribute align for element p"
run "$HDREG" render --db "$T/d.db" --template certificate --case 19 --out "$T/x.pdf"
expect_eq "$rc" 3 "no certificate"
expect_eq "$(err)" "hdreg: render: case 'SQ-2026-0019' has no certificate"
run "$HDREG" render --db "$T/d.db" --template certificate --case 6
expect_eq "$rc" 2 "usage"

# A long table over pages: head row repeated on every page, no row split, page numbers.
run "$HDREG" render --db "$T/d.db" --template tests/e2e/templates/long-table.xml --case 7 --out "$T/long.pdf"
expect_eq "$rc" 0 "long table"
pages=$(pdfinfo "$T/long.pdf" | sed -n 's/^Pages: *//p')
[ "$pages" -ge 3 ] || fail "long table has $pages pages"
for p in $(seq 1 "$pages"); do
  pdftotext -f "$p" -l "$p" -layout "$T/long.pdf" "$T/p.txt" 2>"$T/poppler"
  expect_eq "$(cat "$T/poppler")" "" "poppler page $p"
  expect_eq "$(grep -c '序号 *权利人 *数据来源' "$T/p.txt")" 1 "head row on page $p"
  # (poppler drops the narrow spaces between CJK characters)
  expect_eq "$(grep -o "第 *$p *页 *共 *$pages *页" "$T/p.txt" | tr -d ' ')" "第${p}页共${pages}页" "page number $p"
done
expect_eq "$(pdftotext "$T/long.pdf" - | grep -c '经授权汇聚的大湾区')" 60 "every row once"
# No line starts with a closing punctuation mark (避头尾), on any page.
expect_eq "$(pdftotext -layout "$T/long.pdf" - | sed 's/^ *//' | grep -c '^[，。、；：！？）》」』】]' || true)" 0 "no forbidden line starts"
qpdf --check "$T/long.pdf" >/dev/null || fail "qpdf long table"

# Expressions: each over a list, if, the Chinese-document helpers (case 9: three holders).
run "$HDREG" render --db "$T/d.db" --template tests/e2e/templates/logic.xml --case 9 --out "$T/logic.pdf"
expect_eq "$rc" 0 "logic template"
expect_eq "$(pdftotext "$T/logic.pdf" - | grep -v '^$' | tr -d '\f')" "权利人一：湛江市南海妇幼保健院
权利人二：广东省医学数据研究院
权利人三：广东粤康医疗大数据有限公司
共有权利人
二〇二六年三月十六日
2026 年 3 月 16 日
一百零五
1,234,567" "each, if and helpers (a quarter em between Han and digits: poppler reads it as a space)"
for t in syntax runtime loop; do
  run "$HDREG" render --db "$T/d.db" --template tests/e2e/templates/expr-$t.xml --case 9 --out "$T/x.pdf"
  expect_eq "$rc" 3 "expression $t"
done
run "$HDREG" render --db "$T/d.db" --template tests/e2e/templates/expr-syntax.xml --case 9 --out "$T/x.pdf"
expect_eq "$(err)" "hdreg: render: tests/e2e/templates/expr-syntax.xml:3: unexpected symbol near ')' (in {cert.number +})"
run "$HDREG" render --db "$T/d.db" --template tests/e2e/templates/expr-runtime.xml --case 9 --out "$T/x.pdf"
expect_eq "$(err)" "hdreg: render: tests/e2e/templates/expr-runtime.xml:4: attempt to index a nil value (field 'missing') (in {cert.missing.x})"
run "$HDREG" render --db "$T/d.db" --template tests/e2e/templates/expr-loop.xml --case 9 --out "$T/x.pdf"
expect_eq "$(err)" "hdreg: render: tests/e2e/templates/expr-loop.xml:3: {(function() while true do end end)()} stopped: instruction budget (200000)"
# Images beside the template: a logo as a block and the seal (RGBA) over the signature.
mkdir -p "$T/img"
python3 tests/tools/mkpng.py "$T/img"
cp tests/e2e/templates/image.xml "$T/img/image.xml"
run "$HDREG" render --db "$T/d.db" --template "$T/img/image.xml" --case 6 --out "$T/img1.pdf"
expect_eq "$rc" 0 "images"
expect_eq "$(pdfimages -list "$T/img1.pdf" 2>&1 | tail -n +3 | awk '{print $3, $4, $5, $6}')" "image 120 40 gray
image 240 240 rgb
smask 240 240 gray" "logo, seal and its alpha channel"
"$HDREG" render --db "$T/d.db" --template "$T/img/image.xml" --case 6 --out "$T/img2.pdf"
cmp "$T/img1.pdf" "$T/img2.pdf" || fail "images: same input, different bytes"
[ "$(stat -c %s "$T/img1.pdf")" -lt 20000 ] || fail "images: the seal's alpha channel is not compressed"
qpdf --check "$T/img1.pdf" >/dev/null || fail "qpdf images"
pdftoppm -r 40 -png "$T/img1.pdf" "$T/imgp" 2>"$T/poppler"
expect_eq "$(cat "$T/poppler")" "" "images: poppler"
echo "not a picture" >"$T/img/text.png"
for bad in "missing.png|image: cannot open '$T/img/missing.png': No such file or directory" \
           "../seal.png|image '../seal.png': give a file name beside the template (no '/' at the start, no '..')" \
           "/etc/passwd|image '/etc/passwd': give a file name beside the template (no '/' at the start, no '..')" \
           "text.png|image 'text.png' is not a PNG file" \
           "corrupt.png|image 'corrupt.png': not a PNG image that can be read (IDAT: invalid literal/lengths set)"; do
  src=${bad%%|*}
  sed "s|\"seal.png\"|\"$src\"|" tests/e2e/templates/image.xml >"$T/img/bad.xml"
  run "$HDREG" render --db "$T/d.db" --template "$T/img/bad.xml" --case 6 --out "$T/x.pdf"
  expect_eq "$rc $(err)" "3 hdreg: render: $T/img/bad.xml:9: ${bad#*|}" "image $src"
  [ ! -e "$T/x.pdf" ] || fail "a failed render left a file"
done

# The review opinion and the cancellation notice, from demo data.
run "$HDREG" render --db "$T/d.db" --template review_opinion --case SQ-2026-0031 --as-of 2026-03-16 --out "$T/ro.pdf"
expect_eq "$rc" 0 "review opinion"
pdftotext "$T/ro.pdf" "$T/ro.txt" 2>"$T/poppler"
expect_eq "$(cat "$T/poppler")" "" "review opinion: poppler"
flat=$(tr -d ' \n\f' <"$T/ro.txt")
for want in "健康医疗数据产权合规性审核意见书" "编号：SQ-2026-0031-20260316" "东莞市松山湖基因科技有限公司" \
  "91441900MA51HN6R10" "松山湖人群全基因组测序数据集" "首次登记" "简易程序" "2026年3月16日" \
  "7.3a" "不符合" "未提供人类遗传资源的范围及应用场景说明" "经审核，本案结论为：不予登记。" \
  "本案存在下列不符合登记条件的情形，不予登记（6.2.2b）：" "广东省健康医疗数据产权登记中心2026年3月16日"; do
  case "$flat" in *"$want"*) PASSED=$((PASSED + 1)) ;; *) fail "review opinion lacks '$want'" ;; esac
done
expect_eq "$(pdffonts "$T/ro.pdf" | tail -n +3 | awk '{print $(NF-4), $(NF-3), $(NF-2)}' | sort -u)" "yes yes yes" "review opinion fonts"
expect_eq "$(pdftotext -layout "$T/ro.pdf" - | sed 's/^ *//' | grep -c '^[，。、；：！？）》」』】]' || true)" 0 "review opinion: no forbidden line starts"
qpdf --check "$T/ro.pdf" >/dev/null || fail "qpdf review opinion"

run "$HDREG" render --db "$T/d.db" --template cancellation --case SQ-2026-0043 --as-of 2026-03-16 --out "$T/cn.pdf"
expect_eq "$rc" 0 "cancellation notice"
flat=$(pdftotext "$T/cn.pdf" - | tr -d ' \n\f')
for want in "健康医疗数据产权注销登记公告" "证书编号20251244000000005X" "数据产权权利人汕头市潮汕中心医院" \
  "潮汕地区地中海贫血筛查数据集" "原登记日期2025年12月15日" \
  "公告编号：ZX-20260316" "根据《健康医疗数据产权合规登记规则指南》第5.1.6条a)，即“登记主体主动申请注销或登记主体丧失登记主体资格”的情形" \
  "注销事由5.1.6a)登记主体主动申请注销或登记主体丧失登记主体资格" "注销申请编号SQ-2026-0043" \
  "广东省健康医疗数据产权登记中心2026年3月16日"; do
  case "$flat" in *"$want"*) PASSED=$((PASSED + 1)) ;; *) fail "cancellation lacks '$want': $flat" ;; esac
done
qpdf --check "$T/cn.pdf" >/dev/null || fail "qpdf cancellation"
run "$HDREG" render --db "$T/d.db" --template cancellation --case SQ-2026-0019 --out "$T/x.pdf"
expect_eq "$rc" 3 "cancellation of a case without a prior certificate"
expect_eq "$(err)" "hdreg: render: $PWD/templates/cancellation.xml:13: {case.cancel_ground} has no value"
# The Annex A privacy policy for an institution's product: every placeholder bound.
run "$HDREG" render --db "$T/d.db" --template privacy_policy --institution 3 --out "$T/pp.pdf"
expect_eq "$rc" 0 "privacy policy"
pages=$(pdfinfo "$T/pp.pdf" | sed -n 's/^Pages: *//p')
[ "$pages" -ge 4 ] || fail "privacy policy has only $pages pages"
pdftotext "$T/pp.pdf" "$T/pp.txt" 2>"$T/poppler"
expect_eq "$(cat "$T/poppler")" "" "privacy policy: poppler"
flat=$(tr -d ' \n\f' <"$T/pp.txt")
for want in "𠮷祥体检小程序个人信息保护政策" "欢迎使用𠮷祥体检小程序，𠮷祥健康管理（深圳）有限公司非常重视保护您的个人信息" \
  "深圳某短信服务有限公司" "发送体检报告通知" "您可以通过“我的—隐私设置—撤回同意”撤回您的信息处理授权" \
  "本公司会在15个工作日验证并处理您的请求" "电子邮件privacy@jixiang.example.cn、电话0755-86001234" \
  "本政策于2026年2月20日公布（更新），自2026年3月1日起生效。"; do
  case "$flat" in *"$want"*) PASSED=$((PASSED + 1)) ;; *) fail "privacy policy lacks '$want'" ;; esac
done
expect_eq "$(grep -c '×\|【' "$T/pp.txt" || true)" 0 "no placeholder left"
expect_eq "$(pdftotext -layout "$T/pp.pdf" - | sed 's/^ *//' | grep -c '^[，。、；：！？）》」』】]' || true)" 0 "privacy policy: no forbidden line starts"
qpdf --check "$T/pp.pdf" >/dev/null || fail "qpdf privacy policy"
# The public notice of 2026-02-10: period in working days (Spring Festival skipped).
run "$HDREG" render --db "$T/d.db" --template public_notice --notice GS-20260210 --out "$T/gs.pdf"
expect_eq "$rc" 0 "public notice"
flat=$(pdftotext "$T/gs.pdf" - | tr -d ' \n\f')
for want in "公示编号：GS-20260210" "现将以下2项健康医疗数据产权登记申请予以公示" \
  "公示期：2026年2月10日至2026年3月2日，共10个工作日" "SQ-2026-0006" "SQ-2026-0018" \
  "《指南》6.2.2c" "登记机构依法发放登记证书。广东省健康医疗数据产权登记中心2026年2月10日"; do
  case "$flat" in *"$want"*) PASSED=$((PASSED + 1)) ;; *) fail "public notice lacks '$want'" ;; esac
done
qpdf --check "$T/gs.pdf" >/dev/null || fail "qpdf public notice"
run "$HDREG" render --db "$T/d.db" --template public_notice --notice GS-1 --out "$T/x.pdf"
expect_eq "$(err)" "hdreg: render: notice 'GS-1' does not exist"
run "$HDREG" render --db "$T/d.db" --template privacy_policy --institution 9 --out "$T/x.pdf"
expect_eq "$rc" 3 "unknown institution"
expect_eq "$(err)" "hdreg: render: institution product '9' does not exist"
done_ok
