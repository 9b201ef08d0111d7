# Layout regressions: every template rendered from the demo data, each page as a
# grey image at 30 dpi, compared with the committed references in tests/e2e/reference
# (at most 0.5% of pixels may differ by more than 64 grey levels). After an intended
# layout change, look at the new pages and refresh the references with
#   HDREG_UPDATE_REFS=1 bash tests/e2e/pages.sh build/hdreg build/tests/pgmdiff
source "$(dirname "$0")/lib.sh"
set -e
PGMDIFF=${2:?usage: pages.sh HDREG PGMDIFF}
REF=tests/e2e/reference
"$HDREG" demo-db --db "$T/d.db" >/dev/null
"$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/out" >/dev/null 2>&1 || true
"$HDREG" render --db "$T/d.db" --template certificate --case SQ-2026-0009 --out "$T/certificate.pdf"
"$HDREG" render --db "$T/d.db" --template review_opinion --case SQ-2026-0031 --as-of 2026-03-16 --out "$T/review_opinion.pdf"
"$HDREG" render --db "$T/d.db" --template cancellation --case SQ-2026-0043 --as-of 2026-03-16 --out "$T/cancellation.pdf"
"$HDREG" render --db "$T/d.db" --template public_notice --notice GS-20260210 --out "$T/public_notice.pdf"
"$HDREG" render --db "$T/d.db" --template privacy_policy --institution 3 --out "$T/privacy_policy.pdf"
# The letters (docs/procedure.md "Letters"): the review's of the demo night, and those of
# a committee's refusal, an objection and its outcome and an on-site verification, which
# the next nights write.
L=$T/out/letters
"$HDREG" case committee --db "$T/d.db" --case SQ-2026-0032 --decision reject --date 2026-03-17 --actor 合规委员会 --reason 数据来源的合法性证明不足 >/dev/null
"$HDREG" case object --db "$T/d.db" --case SQ-2026-0030 --date 2026-03-17 --objector 张三 --grounds 数据集包含未经授权的第三方数据 >/dev/null
"$HDREG" case move --db "$T/d.db" --case SQ-2026-0022 --to submitted --date 2026-03-17 --actor 审核员 --reason 补充核查 >/dev/null
"$HDREG" case move --db "$T/d.db" --case SQ-2026-0022 --to held --date 2026-03-17 --actor 审核员 --reason 现场核验 --question 能力证明由谁出具 >/dev/null
"$HDREG" case answer --db "$T/d.db" --case SQ-2026-0022 --question "$(sqlite3 "$T/d.db" "SELECT max(id) FROM onsite_questions")" --answer 广东省数据协会 --date 2026-03-17 >/dev/null
"$HDREG" case move --db "$T/d.db" --case SQ-2026-0022 --to approved --date 2026-03-17 --actor 审核员 --reason 现场核验无异常 >/dev/null
"$HDREG" run --db "$T/d.db" --date 2026-03-17 --out "$T/out" >/dev/null 2>&1 || true
"$HDREG" case resolve --db "$T/d.db" --objection "$(sqlite3 "$T/d.db" "SELECT max(id) FROM objections")" --outcome dismissed --date 2026-03-18 --actor 审核员 --reason 异议人未提供证据 >/dev/null
"$HDREG" run --db "$T/d.db" --date 2026-03-18 --out "$T/out" >/dev/null 2>&1 || true
cp "$L/SQ-2026-0030-acceptance-2026-03-16.pdf" "$T/acceptance.pdf"
cp "$L/SQ-2026-0028-supplement_request-2026-03-16.pdf" "$T/supplement_request.pdf"
cp "$L/SQ-2026-0023-refusal-2026-03-16.pdf" "$T/refusal.pdf"
cp "$L"/SQ-2026-0032-committee_opinion-2026-03-17-*.pdf "$T/committee_opinion.pdf"
cp "$L"/SQ-2026-0022-onsite_record-2026-03-17-*.pdf "$T/onsite_record.pdf"
cp "$L"/SQ-2026-0030-objection_explain-2026-03-17-*.pdf "$T/objection_explain.pdf"
cp "$L"/SQ-2026-0030-objection_outcome-2026-03-18-*.pdf "$T/objection_outcome.pdf"
for doc in certificate review_opinion cancellation public_notice privacy_policy acceptance \
           supplement_request refusal committee_opinion onsite_record objection_explain \
           objection_outcome; do
  pdftoppm -r 30 -gray "$T/$doc.pdf" "$T/$doc" 2>"$T/poppler"
  expect_eq "$(cat "$T/poppler")" "" "$doc: poppler"
  for page in "$T/$doc"-*.pgm; do
    name=$(basename "$page")
    if [ "${HDREG_UPDATE_REFS:-0}" = 1 ]; then
      cp "$page" "$REF/$name"
      continue
    fi
    [ -f "$REF/$name" ] || fail "no reference for $name (HDREG_UPDATE_REFS=1 creates it)"
    set +e
    result=$("$PGMDIFF" "$page" "$REF/$name")
    prc=$?
    set -e
    [ $prc -eq 0 ] || fail "$name differs from its reference: $result"
    PASSED=$((PASSED + 1))
  done
  expect_eq "$(ls "$T/$doc"-*.pgm | wc -l)" "$(ls "$REF/$doc"-*.pgm | wc -l)" "$doc: page count"
  # 避头尾 on the extracted lines: none starts with a closing mark, none ends with an
  # opening one.
  pdftotext -layout "$T/$doc.pdf" "$T/$doc.txt"
  expect_eq "$(sed 's/^ *//' "$T/$doc.txt" | grep -c '^[，。、；：！？）》」』】”’]' || true)" 0 "$doc: no line starts with a closing mark"
  expect_eq "$(sed 's/ *$//' "$T/$doc.txt" | grep -c '[（《「『【“‘]$' || true)" 0 "$doc: no line ends with an opening mark"
done
done_ok
