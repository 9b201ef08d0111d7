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
expect_eq "$(err)" "hdreg: render: tests/e2e/templates/bad-key.xml:4: no value for {cert.nmae}"
[ ! -e "$T/x.pdf" ] || fail "a failed render left a file"
run "$HDREG" render --db "$T/d.db" --template tests/e2e/templates/invalid.xml --case 6 --out "$T/x.pdf"
expect_eq "$rc" 3 "invalid template"
expect_eq "$(err)" "hdreg: render: tests/e2e/templates/invalid.xml:3:1: Invalid attribute align for element p"
run "$HDREG" render --db "$T/d.db" --template certificate --case 19 --out "$T/x.pdf"
expect_eq "$rc" 3 "no certificate"
expect_eq "$(err)" "hdreg: render: case '19' has no certificate"
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
done_ok
