# Type and form (issue 15): the Song font embedded as a CFF subset, clreq typography
# (an e-mail address copied exactly), the signature never alone on a page and no seal
# placeholder, a seal image from the setting, and the template's page size honoured.
source "$(dirname "$0")/lib.sh"
set -e
"$HDREG" demo-db --db "$T/d.db" >/dev/null
"$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/out" >/dev/null 2>&1 || true

# hdreg fonts: each role's fonts in order, with the file and face they resolved to.
run "$HDREG" fonts
expect_eq "$rc" 0 "hdreg fonts"
expect_eq "$(out | sed -n '1p;7p' | awk '{$NF=$NF; print}')" \
  "body 1 Noto Serif CJK SC /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc face 2 OpenType/CFF
heading 1 Noto Serif CJK SC:style=Bold /usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc face 2 OpenType/CFF" \
  "Song body and bold Song heading"
expect_eq "$(out | grep -c ' TrueType$')" 10 "the TrueType chain behind it (body and heading)"
run "$HDREG" fonts --font-manifest /nonexistent
expect_eq "$rc $(err)" "6 hdreg: font manifest: cannot open '/nonexistent': No such file or directory" "manifest missing"

# Every document: Song subset embedded (CID Type 0C, subset, ToUnicode), qpdf clean,
# poppler silent, no seal placeholder.
render() { "$HDREG" render --db "$T/d.db" "$@"; }
render --template review_opinion --case SQ-2026-0031 --as-of 2026-03-16 --out "$T/ro.pdf"
render --template public_notice --notice GS-20260210 --out "$T/gs.pdf"
render --template cancellation --case SQ-2026-0043 --as-of 2026-03-16 --out "$T/cn.pdf"
render --template privacy_policy --institution 1 --out "$T/pp.pdf"
cp "$T/out/certificates/202603440000000097.pdf" "$T/ce.pdf"
for doc in ro gs cn pp ce; do
  pdffonts "$T/$doc.pdf" >"$T/fonts" 2>"$T/poppler"
  expect_eq "$(sed -n 3p "$T/fonts" | sed -E 's/^[A-Z]{6}\+/SUBSET+/' | awk '{print $1, $2, $3, $4, $5, $6, $7, $8}')" \
    "SUBSET+NotoSerifCJKSC CID Type 0C Identity-H yes yes yes" "$doc: the Song subset"
  pdftotext "$T/$doc.pdf" "$T/$doc.txt" 2>>"$T/poppler"
  pdftoppm -r 20 -gray "$T/$doc.pdf" "$T/$doc" 2>>"$T/poppler"
  expect_eq "$(cat "$T/poppler")" "" "$doc: poppler"
  qpdf --check "$T/$doc.pdf" >/dev/null || fail "$doc: qpdf --check"
  expect_eq "$(grep -c '印章' "$T/$doc.txt" || true)" 0 "$doc: no seal placeholder"
done

# The e-mail address is one unbroken, unspaced run: copied exactly, on one line.
expect_eq "$(pdftotext -layout "$T/pp.pdf" - | grep -o '[a-z.-]*@[a-z.-]*' | sed -n 3p)" \
  "privacy@nanyue-hospital.example.cn" "e-mail copied exactly"
expect_eq "$(pdftotext -layout "$T/pp.pdf" - | grep -c 'p r i v\|nanyue-$' || true)" 0 "not letter-spaced, not broken"

# No page holds only the signature: the last page of the three-page opinion has the
# last lines of the text (the refusal's remedies) above the authority's name and date.
expect_eq "$(pdfinfo "$T/ro.pdf" | sed -n 's/^Pages: *//p')" 3 "opinion pages"
expect_eq "$(pdftotext -f 3 -l 3 "$T/ro.pdf" - | grep -v '^$' | tr -d '\f' | sed 's/：[0-9a-f]*$/：REV/')" \
"申请人如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到
本决定书之日起六个月内依法提起行政诉讼。
规则包版本：REV
广东省健康医疗数据产权登记中心
2026年3月16日
第3页共3页" "the opinion's last page: two lines of text with the signature"
for doc in ro gs cn pp; do
  pages=$(pdfinfo "$T/$doc.pdf" | sed -n 's/^Pages: *//p')
  for p in $(seq 1 "$pages"); do
    body=$(pdftotext -f "$p" -l "$p" "$T/$doc.pdf" - | grep -v '^$' | tr -d '\f' |
      grep -v '^第 *[0-9]* *页 *共 *[0-9]* *页$\|^广东省健康医疗数据产权登记中心$\|^二〇二六年[〇一二三四五六七八九十]*月[〇一二三四五六七八九十]*日$\|^2026 *年 *[0-9]* *月 *[0-9]* *日$' | wc -l)
    [ "$body" -gt 0 ] || fail "$doc: page $p has only the signature"
    PASSED=$((PASSED + 1))
  done
done

# A seal image from the setting seal_image: drawn over the name and date.
python3 tests/tools/mkpng.py "$T"
sql_adopt "$T/d.db" "INSERT OR REPLACE INTO settings(key, value) VALUES ('seal_image', '$T/seal.png')"
render --template public_notice --notice GS-20260210 --out "$T/gs-seal.pdf"
expect_eq "$(pdfimages -list "$T/gs-seal.pdf" 2>&1 | tail -n +3 | awk '{print $1, $3, $4, $5, $6}')" "1 image 240 240 rgb
1 smask 240 240 gray" "the seal on the notice's page"
sql_adopt "$T/d.db" "UPDATE settings SET value = '$T/none.png' WHERE key = 'seal_image'"
run "$HDREG" render --db "$T/d.db" --template public_notice --notice GS-20260210 --out "$T/x.pdf"
expect_eq "$rc $(err | sed "s|$T|T|g; s|$PWD/||g")" \
  "3 hdreg: render: the seal (setting seal_image): templates/public_notice.xml:28: image: cannot open 'T/none.png': No such file or directory" \
  "a seal that cannot be read stops the document"

sql_adopt "$T/d.db" "DELETE FROM settings WHERE key = 'seal_image'"

# Page size: A3 (and A3 landscape) lays out and writes A3; the title at the top is there.
for o in portrait landscape; do
  sed "s/size=\"A4\"/size=\"A3\" orientation=\"$o\"/" templates/public_notice.xml >"$T/a3.xml"
  "$HDREG" render --db "$T/d.db" --template "$T/a3.xml" --notice GS-20260210 --out "$T/a3.pdf" 2>"$T/stderr" ||
    fail "A3 $o: $(cat "$T/stderr")"
  want="841.89 x 1190.55 pts (A3)"
  [ "$o" = portrait ] || want="1190.55 x 841.89 pts (A3)"
  expect_eq "$(pdfinfo "$T/a3.pdf" | sed -n 's/^Page size: *//p')" "$want" "A3 $o: page box"
  expect_eq "$(pdftotext "$T/a3.pdf" - | grep -c '^健康医疗数据产权登记公示$')" 1 "A3 $o: the title is on the page"
done
done_ok
