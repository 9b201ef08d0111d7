# The letters applicants are owed and opinions that say what to do (docs/procedure.md,
# "Letters"): the exact text of their key parts as pdftotext extracts it — the evidence
# sentence, the deadline, the conclusion of the case's type, the remedies, the addressee —
# for every kind; a check that fails to run holds its case without an opinion.
source "$(dirname "$0")/lib.sh"
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
# text FILE: the PDF's text without white space (pdftotext breaks lines where the layout
# does, and a line may break at the space of "7.1 a"), nor the page footers (a sentence
# may go over to the next page with the signature); poppler must print nothing on stderr.
# has / lacks compare without white space on both sides.
text() {
  pdftotext "$1" "$T/text.txt" 2>"$T/poppler.err" || fail "pdftotext $1"
  [ ! -s "$T/poppler.err" ] || fail "poppler warnings on $1: $(cat "$T/poppler.err")"
  sed -E 's/^\f//; /^第 ?[0-9]+ ?页 ?共 ?[0-9]+ ?页$/d' "$T/text.txt" | tr -d ' \n\f'
}
has() { # has FILE TEXT: the document's text contains TEXT exactly
  local t
  t=$(text "$1")
  case "$t" in *"${2// /}"*) PASSED=$((PASSED + 1)) ;; *) fail "$(basename "$1") lacks: $2
its text: $t" ;; esac
}
lacks() {
  local t
  t=$(text "$1")
  case "$t" in *"${2// /}"*) fail "$(basename "$1") has: $2" ;; *) PASSED=$((PASSED + 1)) ;; esac
}
D=2026-03-16
"$HDREG" demo-db --db "$T/a.db" >/dev/null
# SQ-2026-0025 without its third-party assessment (6.2.2 a): returned for supplement.
sql_adopt "$T/a.db" "UPDATE materials SET present = 0 WHERE kind = 'third_party_assessment' AND case_id = (SELECT id FROM cases WHERE number = 'SQ-2026-0025')"
run "$HDREG" run --db "$T/a.db" --date $D --out "$T/out" --checks "$HERE/packs/errors"
expect_eq "$rc" 1 "run exit"
expect_eq "$(err | grep SQ-2026-0027 | sed "s|$HERE|HERE|")" \
  "hdreg: case SQ-2026-0027: held, no review opinion: a check failed to run: check 'test.broken' (7.1 a): HERE/packs/errors/broken.lua:5: check 'test.broken': case field 'c.applicant.nothing' does not exist" \
  "a check's error goes to the problems"
expect_eq "$(sql "$T/a.db" "SELECT k.status || ' ' || e.reason || ' ' || coalesce(e.document_id, 'none') FROM cases k JOIN case_events e ON e.case_id = k.id WHERE k.number = 'SQ-2026-0027' ORDER BY e.id DESC LIMIT 1")" \
  "held 审核规则运行出错，需人工处理 none" "held, no document"
expect_eq "$(sql "$T/a.db" "SELECT count(*) FROM documents WHERE case_id = (SELECT id FROM cases WHERE number = 'SQ-2026-0027')")" 0 "no opinion, no letter"
expect_eq "$(ls "$T/out/opinions" | grep -c SQ-2026-0027 || true)" 0 "no opinion file"
python3 - "$T/out/run-$D.json" <<'PY' || fail "run report"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["held_check_error"] == 1, r["held_check_error"]
# The letters are in the report's documents, each with its case and file under letters/.
kinds = {}
for d in r["documents"]:
    if d["kind"] in ("certificate", "review_opinion", "notice", "cancellation"):
        continue
    assert d["case"] and d["file"] == "letters/%s-%s-%s.pdf" % (d["case"], d["kind"], r["date"]), d
    kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
assert kinds == {"acceptance": 18, "supplement_request": 6, "refusal": 10}, kinds
assert any(p["case"] == "SQ-2026-0027" and "test.broken" in p["message"] for p in r["problems"])
PY
PASSED=$((PASSED + 1))
# The morning page lists them with the files written, by their Chinese names.
expect_eq "$(grep -o '<a href="letters/SQ-2026-0030-acceptance-2026-03-16.pdf">[^<]*</a></th><td>[^<]*</td><td>[^<]*</td>' "$T/out/run-$D.html")" \
  '<a href="letters/SQ-2026-0030-acceptance-2026-03-16.pdf">letters/SQ-2026-0030-acceptance-2026-03-16.pdf</a></th><td>受理通知书</td><td>SQ-2026-0030</td>' "the morning page's files"
expect_eq "$(grep -o '<td>[^<]*</td><td>SQ-2026-0025</td>' "$T/out/run-$D.html" | sort | tr '\n' ' ')" \
  "<td>合规性审核意见书</td><td>SQ-2026-0025</td> <td>补正通知书</td><td>SQ-2026-0025</td> " "the opinion and the request to supplement"
expect_eq "$(sql "$T/a.db" "SELECT kind || ' ' || count(*) FROM documents WHERE kind NOT IN ('certificate','notice','cancellation','review_opinion') GROUP BY kind ORDER BY kind")" \
  "acceptance 18
refusal 10
supplement_request 6" "letters recorded"
"$HDREG" ledger verify --db "$T/a.db" >/dev/null || fail "ledger verify after the night"
PASSED=$((PASSED + 1))

O=$T/out/opinions; L=$T/out/letters
# The missing material named, the clause of this type only, addressee, deadline.
F=$O/SQ-2026-0025-$D.pdf
has "$F" "广州市珠江中心医院："
has "$F" "6.2.2 a按登记类型提交规定的申请材料需补正未提交《第三方服务机构出具的实质性评估材料》。需补充提交《第三方服务机构出具的实质性评估材料》。"
lacks "$F" "6.1.2 a, 6.2.2 a, 6.3 a"
has "$F" "请你单位于2026年3月30日前（自本意见出具之日起10个工作日内）向本机构补正下列事项"
has "$F" "（1）补充提交《第三方服务机构出具的实质性评估材料》（6.2.2 a；审核发现：未提交《第三方服务机构出具的实质性评估材料》）。"
# A date in the evidence, in Chinese.
has "$O/SQ-2026-0037-$D.pdf" "《重要数据风险评估报告》的出具日期为2024年10月15日，早于2025年3月16日"
# An approved cancellation goes to the cancellation notice.
F=$O/SQ-2026-0044-$D.pdf
has "$F" "经审核，本案结论为：予以注销。注销申请经审核通过，由本机构对外公示；公示期满无异议的，注销登记证书（编号：202508440000000027）并发布注销公告（6.5 h）。"
lacks "$F" "予以登记"
# A refusal: reasons from the evidence and the remedies.
F=$O/SQ-2026-0023-$D.pdf
has "$F" "（1）主体资格证明（营业执照或法人登记证书）有效期至2025年12月31日，已过期（7.1 a）。"
has "$F" "申请人如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法提起行政诉讼。"
lacks "$F" "2025-12-31"
# A simplified first registration approved goes to the notice.
has "$O/SQ-2026-0030-$D.pdf" "申请符合登记条件，由本机构向社会公示；公示期满无异议的，发放健康医疗数据产权登记证书（6.2.2 c）。"

# The review's letters.
F=$L/SQ-2026-0030-acceptance-$D.pdf
has "$F" "受理通知书编号：SQ-2026-0030-SL-20260316"
# Accepted on the case's acceptance date (2026-02-20, as hdreg stats counts it), claiming
# nothing of the materials: whether they are complete is the opinion's to say.
has "$F" "本机构已于2026年2月20日予以受理，并依照《健康医疗数据产权合规登记规则指南》6.2.2 b进行合规性审核（所需申请材料见6.2.2 a）。申请材料是否齐全、有效及审核结果，以本机构出具的合规性审核意见书为准。"
expect_eq "$(sql "$T/a.db" "SELECT accepted_date FROM cases WHERE number = 'SQ-2026-0030'")" 2026-02-20 "the date is the case's acceptance"
F=$L/SQ-2026-0028-supplement_request-$D.pdf
has "$F" "佛山市禅城健康数据科技有限公司："
has "$F" "请于2026年3月30日前（自本通知出具之日起10个工作日内）向本机构补正下列事项："
has "$F" "补充提交《个人信息保护政策》（已签署的个人信息保护政策）；补充提交《敏感个人信息单独同意材料》（7.2 (3)；"
F=$L/SQ-2026-0023-refusal-$D.pdf
has "$F" "本机构决定不予登记。理由如下：（1）主体资格证明（营业执照或法人登记证书）有效期至2025年12月31日，已过期（7.1 a）。申请人如对本决定不服"
expect_eq "$(ls "$L" | grep -c 'SQ-2026-0028-acceptance' || true)" 0 "no acceptance with a request to supplement"

# Between nights: the committee rejects, an objection and its outcome, an on-site
# verification; the next night writes their letters.
D2=2026-03-17
"$HDREG" case committee --db "$T/a.db" --case SQ-2026-0032 --decision reject --date $D2 --actor 合规委员会 --reason 数据来源的合法性证明不足 >/dev/null
"$HDREG" case object --db "$T/a.db" --case SQ-2026-0030 --date $D2 --objector 张三 --grounds 数据集包含未经授权的第三方数据 >/dev/null
OBJ=$(sql "$T/a.db" "SELECT max(id) FROM objections")
"$HDREG" case move --db "$T/a.db" --case SQ-2026-0022 --to submitted --date $D2 --actor 审核员 --reason 补充核查 >/dev/null
"$HDREG" case move --db "$T/a.db" --case SQ-2026-0022 --to held --date $D2 --actor 审核员 --reason 现场核验 --question 能力证明由谁出具 >/dev/null
Q=$(sql "$T/a.db" "SELECT max(id) FROM onsite_questions")
"$HDREG" case answer --db "$T/a.db" --case SQ-2026-0022 --question "$Q" --answer 广东省数据协会 --date $D2 >/dev/null
"$HDREG" case move --db "$T/a.db" --case SQ-2026-0022 --to approved --date $D2 --actor 审核员 --reason 现场核验无异常 >/dev/null
expect_eq "$(sql "$T/a.db" "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM letters WHERE document_id IS NULL ORDER BY id)")" \
  "committee_opinion refusal objection_explain onsite_record" "queued"
run "$HDREG" run --db "$T/a.db" --date $D2 --out "$T/out" --checks "$HERE/packs/errors"
expect_eq "$(sql "$T/a.db" "SELECT count(*) FROM letters WHERE document_id IS NULL")" 0 "every letter written"
F=$(ls "$L"/SQ-2026-0032-committee_opinion-$D2-*.pdf)
has "$F" "已提交合规委员会审核（6.1.2 c）。合规委员会于2026年3月17日审核，意见为：审核不通过。理由：数据来源的合法性证明不足。"
F=$(ls "$L"/SQ-2026-0032-refusal-$D2-*.pdf)
has "$F" "理由：经合规委员会审核（6.1.2 c），数据来源的合法性证明不足。申请人如对本决定不服"
F=$(ls "$L"/SQ-2026-0030-objection_explain-$D2-*.pdf)
has "$F" "本机构于2026年3月17日收到异议（第${OBJ}号），异议理由：数据集包含未经授权的第三方数据。"
has "$F" "请你单位于2026年3月24日前（自本通知出具之日起5个工作日内）就异议事项向本机构作出书面解释说明"
lacks "$F" "张三"
F=$(ls "$L"/SQ-2026-0022-onsite_record-$D2-*.pdf)
has "$F" "序号询问事项询问日期答复答复日期1能力证明由谁出具2026年3月17日广东省数据协会2026年3月17日"
has "$F" "核验结论：核验完毕，审核通过（2026年3月17日，审核员：现场核验无异常）。"
D3=2026-03-18
"$HDREG" case resolve --db "$T/a.db" --objection "$OBJ" --outcome dismissed --date $D3 --actor 审核员 --reason 异议人未提供证据 >/dev/null
run "$HDREG" run --db "$T/a.db" --date $D3 --out "$T/out" --checks "$HERE/packs/errors"
F=$(ls "$L"/SQ-2026-0030-objection_outcome-$D3-*.pdf)
has "$F" "结果为：异议不成立。理由：异议人未提供证据。公示期满且无其他未处理的异议的，本机构发放登记证书（6.2.2 c）。"
"$HDREG" ledger verify --db "$T/a.db" >/dev/null || fail "ledger verify after the letters"
PASSED=$((PASSED + 1))
# Every letter of the three nights: qpdf finds nothing, poppler warns of nothing, and
# every font is the Song face (or its bold), embedded and subset.
expect_eq "$(ls "$L" | sed -E 's/^SQ-[0-9]+-[0-9]+-([a-z_]+)-.*/\1/' | sort | uniq -c | awk '{printf "%s:%s ", $2, $1}')" \
  "acceptance:18 committee_opinion:1 objection_explain:1 objection_outcome:1 onsite_record:1 refusal:11 supplement_request:6 " "the letters written"
for f in "$L"/*.pdf; do
  qpdf --check "$f" >/dev/null 2>&1 || fail "qpdf --check $(basename "$f")"
  pdffonts "$f" >"$T/fonts" 2>"$T/poppler.err"
  expect_eq "$(cat "$T/poppler.err")$(tail -n +3 "$T/fonts" | awk '{print $1 ~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z][+]NotoSerifCJKSC(-Bold)?$/, $(NF-4), $(NF-3)}' | sort -u)" \
    "1 yes yes" "$(basename "$f"): Song, embedded, subset"
done
# A refusal by the compliance committee states its basis, 6.1.2 c, whoever signs as its
# actor (the event leaves committee_review), not the review's 6.1.2 b.
"$HDREG" demo-db --db "$T/cm.db" >/dev/null
run "$HDREG" run --db "$T/cm.db" --date 2026-03-16 --out "$T/cm"
"$HDREG" case committee --db "$T/cm.db" --case SQ-2026-0032 --decision reject --date 2026-03-17 \
  --actor 委员会 --reason 数据来源不明 >/dev/null
run "$HDREG" run --db "$T/cm.db" --date 2026-03-17 --out "$T/cm"
TXT=$(pdftotext "$T/cm/letters/SQ-2026-0032-refusal-2026-03-17-2.pdf" - | tr -d ' \n')
expect_eq "$(echo "$TXT" | grep -o '经审核（[^）]*），本机构决定不予登记。理由：[^。]*。')" \
  "经审核（6.1.2c），本机构决定不予登记。理由：经合规委员会审核（6.1.2c），数据来源不明。" "the committee's refusal: 6.1.2 c"
# A verification refused with a question unanswered (6.6 i): the record says so, not 核验完毕.
"$HDREG" case move --db "$T/cm.db" --case SQ-2026-0048 --to held --date 2026-03-18 --actor 审核员 \
  --reason 现场核验 --question 数据由谁采集 --question 数据存放在哪里 >/dev/null
Q=$(sql "$T/cm.db" "SELECT max(id) FROM onsite_questions")
"$HDREG" case answer --db "$T/cm.db" --case SQ-2026-0048 --question "$Q" --answer 本院服务器 --date 2026-03-18 >/dev/null
"$HDREG" case move --db "$T/cm.db" --case SQ-2026-0048 --to rejected --date 2026-03-19 --actor 审核员 \
  --reason 未说明数据采集主体 >/dev/null
run "$HDREG" run --db "$T/cm.db" --date 2026-03-19 --out "$T/cm"
TXT=$(pdftotext "$(ls "$T"/cm/letters/SQ-2026-0048-onsite_record-2026-03-19-*.pdf)" - | tr -d ' \n')
expect_eq "$(echo "$TXT" | grep -o '核验结论：[^。]*。')" \
  "核验结论：询问事项1项未获答复，核验未能完成；不予登记，不予登记决定书另行送达（2026年3月19日，审核员：未说明数据采集主体）。" \
  "6.6 i the record of a verification refused with a question unanswered"
done_ok
