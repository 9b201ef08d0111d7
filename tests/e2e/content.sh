# What the certificates and notices print (issue 15), read as a reader would (pdftotext):
# the certificate's registration type, the certificate it replaces or is licensed from and
# the 监制 line of 5.2.2 a, frozen with it (a changed setting changes no certificate issued
# before, and the next certificate prints the new one); the data scale in the units it
# names (decimal GB); the public notice's rows with the clause each is published under
# (6.1.2 d, 6.2.2 c, 6.4 g, 6.5 h), the credit code, rights with holders, source, scale
# and prior certificate, the objection contact from the settings and a closing sentence
# that never promises a certificate for a cancellation; the cancellation notice's number
# (ZX-YYYYMMDD, -2 for the second of a day) and its ground worded as the review opinion
# words it; no ISO date inside Chinese text of any document; one page, qpdf, fonts, no
# poppler warning.
source "$(dirname "$0")/lib.sh"
set -e
"$HDREG" demo-db --db "$T/d.db" >/dev/null
run "$HDREG" run --db "$T/d.db" --date 2026-03-16 --out "$T/out"
expect_eq "$rc $(out | sed -n 1p)" "1 hdreg run 2026-03-16: 9 certificates issued, 0 verified, 0 restored, 1 held by objection, 1 failed" "the demo night"
C=$T/out/certificates
# lines FILE: the layout text, left-trimmed, runs of spaces made two; poppler must be silent.
lines() {
  pdftotext -layout "$1" - 2>"$T/poppler" | sed -E 's/^ +//; s/ {2,}/  /g'
  [ ! -s "$T/poppler" ] || fail "$1: poppler: $(cat "$T/poppler")"
}
# flat FILE: the text in reading order without spaces and line breaks.
flat() { pdftotext "$1" - | tr -d ' \n\f'; }
has() { case "$1" in *"$2"*) PASSED=$((PASSED + 1)) ;; *) fail "$3 lacks '$2'" ;; esac; }
lacks() { case "$1" in *"$2"*) fail "$3 has '$2'" ;; *) PASSED=$((PASSED + 1)) ;; esac; }

# ---- certificates ------------------------------------------------------------------------
SUPERVISED="本证书由广东省政务服务和数据管理局统一监制（指南 5.2.2 a）。"
change=$(lines "$C/20260344000000012J.pdf")
expect_eq "$(echo "$change" | grep -x '（变更登记）')" "（变更登记）" "change: the type under the title"
expect_eq "$(echo "$change" | grep '^原证书编号')" "原证书编号  20250944000000003F（自本证书登记之日起不再有效）" "change: the certificate it replaces (6.4 g)"
expect_eq "$(echo "$change" | grep '监制')" "$SUPERVISED" "change: the 监制 line (5.2.2 a)"
licence=$(lines "$C/20260344000000010C.pdf")
expect_eq "$(echo "$licence" | grep -x '（许可登记）')" "（许可登记）" "licence: the type"
expect_eq "$(echo "$licence" | grep '^许可所据证书编号')" "许可所据证书编号  20250644000000001R" "licence: the certificate it is granted under (5.1.3)"
transfer=$(lines "$C/20260344000000011F.pdf")
expect_eq "$(echo "$transfer" | grep -x '（转让登记）')$(echo "$transfer" | grep '^原证书编号')" "（转让登记）原证书编号  202508440000000027（自本证书登记之日起不再有效）" "transfer: type and replaced certificate"
first=$(lines "$C/20260344000000006X.pdf")
expect_eq "$(echo "$first" | grep -x '（首次登记）')" "（首次登记）" "first: the type"
expect_eq "$(echo "$first" | grep -c '原证书编号\|许可所据证书编号' || true)" 0 "first: no prior certificate"
# Sizes in the units they claim: decimal GB (10^9 bytes), TB (10^12).
bytes=$(sql "$T/d.db" "SELECT r.scale_bytes FROM certificates c JOIN cases k ON k.id = c.case_id JOIN resources r ON r.id = k.resource_id WHERE c.number = '20260344000000010C'")
expect_eq "$(echo "$licence" | grep '^数据规模')" "数据规模  12,860,000 条记录，约 $(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e9 }') GB" "licence: scale in GB of 10^9 bytes"
expect_eq "$bytes" 415001214976 "the licence's resource: 386.50 GiB, 415.00 × 10^9 bytes (hdreg printed 约386.50 GB)"
expect_eq "$(echo "$change" | grep '^数据规模')" "数据规模  1,240,000 条记录，约 21.99 TB" "change: scale in TB of 10^12 bytes"
for f in $DEMO_CERTIFICATES; do
  expect_eq "$(pdfinfo "$C/$f" | sed -n 's/^Pages: *//p') $(lines "$C/$f" | grep -c '监制')" "1 1" "$f: one page, the 监制 line"
  qpdf --check "$C/$f" >/dev/null || fail "qpdf $f"
  expect_eq "$(pdffonts "$C/$f" | tail -n +3 | awk '{print $(NF-4), $(NF-3)}' | sort -u)" "yes yes" "$f: fonts embedded and subset"
done
expect_eq "$(sql "$T/d.db" "SELECT reg_type || ' ' || count(*) || ' ' || count(replaces) FROM certificate_print GROUP BY reg_type ORDER BY reg_type")" \
  "变更登记 1 1
许可登记 1 1
转让登记 1 1
首次登记 6 0" "certificate_print: the lines frozen per certificate"
# The 5.2.1 record is unchanged: the verification code printed is the one of the eleven
# fields (tests/tools/certrecord.py recomputes it from them alone).
code=$(python3 tests/tools/certrecord.py "$T/d.db" 20260344000000012J | sed -n 2p)
expect_eq "$(echo "$change" | grep -o '核验码 [0-9A-Z-]*')" "核验码 $code" "change: the verification code of its 5.2.1 fields"

# Frozen: the setting changed, a certificate issued before renders as issued (same bytes);
# the next night's certificates print the new department.
sql_adopt "$T/d.db" "UPDATE settings SET value = '广东省数据管理局' WHERE key = 'supervising_department'"
"$HDREG" render --db "$T/d.db" --template certificate --case SQ-2026-0012 --out "$T/again.pdf"
cmp "$T/again.pdf" "$C/20260344000000012J.pdf" || fail "rendered again after the setting changed: other bytes"
PASSED=$((PASSED + 1))
run "$HDREG" run --db "$T/d.db" --date 2026-04-16 --out "$T/out"
new=$(sql "$T/d.db" "SELECT number FROM certificates WHERE registration_date = '2026-04-16' ORDER BY id LIMIT 1")
expect_eq "$(lines "$C/$new.pdf" | grep '监制')" "本证书由广东省数据管理局统一监制（指南 5.2.2 a）。" "the next certificate prints the department set now"
expect_eq "$(lines "$C/20260344000000012J.pdf" | grep '监制')" "$SUPERVISED" "the earlier one still prints the one it was issued with"

# ---- the public notice ------------------------------------------------------------------
N=$T/out/notices/GS-20260316.pdf
notice=$(flat "$N")
row() { pdftotext "$N" - | tr -d '\f' | grep -v '^$' | sed -n "/^$1\$/,/^$2\$/p" | sed '$d' | tr -d ' \n'; }
# (pdftotext's reading order goes cell by cell, but may put a cell's last line after the
# next cell: each cell's text is looked for in the row.)
r=$(row SQ-2026-0044 异议方式)
for want in "SQ-2026-0044注销登记《指南》6.5h" "广东粤康医疗大数据有限公司91440100MA59UT8K1E" \
  "粤康区域慢病随访数据集（注销）来源：广州市社区卫生服务中心随访系统" "规模：5,430,000条记录，" "约99.11GB" \
  "数据资源持有权：广东粤康医疗大数据有限公司" "拟注销证书：202508440000000027"; do
  has "$r" "$want" "the cancellation row (clause 6.5 h, credit code, source, scale, holder, the certificate to cancel)"
done
r=$(row SQ-2026-0015 2)
for want in "SQ-2026-0015许可登记《指南》6.2.2c" "深圳市鹏城医学检验实验室有限公司91440300MA5F7K2X5F" \
  "来源：佛山市禅城区医保结算数据（经授权）" "规模：3,900,000条记录，" "约8.05GB" \
  "数据资源持有权：深圳市鹏城医学检验实验室有限公司数据加工使用权：佛山市禅城健康数据科技有限公" \
  "许可所据证书：20251144000000004M"; do
  has "$r" "$want" "the licence row (clause 6.2.2 c, each holder with its rights, the certificate licensed from)"
done
expect_eq "$(echo "$notice" | grep -o '《指南》6.2.2c' | wc -l) $(echo "$notice" | grep -o '《指南》6.5h' | wc -l)" "8 1" "every row's clause"
has "$notice" "异议请于公示期最后一日（2026年3月30日）17:30前，以书面形式向广东省健康医疗数据产权登记中心提出" "notice"
has "$notice" "受理地址：广州市越秀区东风中路305号广东省健康医疗数据产权登记中心登记受理窗口；联系电话：020-83133000。" "notice"
has "$notice" "公示期满无异议或异议不成立的，登记机构对登记申请依法发放登记证书，对注销登记申请依法注销相应的登记证书（《指南》第6.5条h)）。" "notice"
has "$notice" "广东省健康医疗数据产权登记中心2026年3月16日第2页共2页" "notice: signed in the style of its text"
qpdf --check "$N" >/dev/null || fail "qpdf notice"
# The notice of 2026-02-24: the change (6.4 g) and the cancellation of that day.
"$HDREG" render --db "$T/d.db" --template public_notice --notice GS-20260224 --out "$T/gs0224.pdf"
N=$T/gs0224.pdf
r=$(row SQ-2026-0012 2)
for want in "SQ-2026-0012变更登记《指南》6.4g" "广州市珠江中心医院1244010045512873XG" \
  "数据资源持有权、数据加工使用权：广州市珠江中心医院" "原证书：20250944000000003F" "约21.99TB"; do
  has "$r" "$want" "the change row (clause 6.4 g, the certificate it replaces)"
done
# A notice of cancellations only: no certificate is promised.
sql_adopt "$T/d.db" "INSERT INTO notices(number, published_date, end_date, working_days) VALUES ('GS-20260417', '2026-04-17', '2026-05-06', 10); INSERT INTO notice_cases SELECT (SELECT id FROM notices WHERE number = 'GS-20260417'), id FROM cases WHERE number = 'SQ-2026-0044'"
"$HDREG" render --db "$T/d.db" --template public_notice --notice GS-20260417 --out "$T/gsc.pdf"
only=$(flat "$T/gsc.pdf")
has "$only" "公示期满无异议或异议不成立的，登记机构依法注销相应的登记证书（《指南》第6.5条h)）。" "cancellations-only notice"
lacks "$only" "发放登记证书" "cancellations-only notice"
has "$(flat "$T/gs0224.pdf")" "登记机构对登记申请依法发放登记证书，对注销登记申请依法注销相应的登记证书" "a notice with both"
"$HDREG" render --db "$T/d.db" --template public_notice --notice GS-20260210 --out "$T/gs0210.pdf"
has "$(flat "$T/gs0210.pdf")" "公示期满无异议或异议不成立的，登记机构依法发放登记证书。广东" "a notice of registrations only"

# ---- the cancellation notice ------------------------------------------------------------
X=$T/out/cancellations/SQ-2026-0043.pdf
cancel=$(flat "$X")
has "$cancel" "公告编号：ZX-20260316" "cancellation notice"
has "$cancel" "根据《健康医疗数据产权合规登记规则指南》第5.1.6条a)，即“登记主体主动申请注销或登记主体丧失登记主体资格”的情形，经审核并公示期满无异议（第6.5条h)），对下列健康医疗数据产权登记予以注销：" "cancellation notice"
# The ground as the review opinion of the same case words it.
"$HDREG" render --db "$T/d.db" --template review_opinion --case SQ-2026-0043 --out "$T/op43.pdf"
ground=$(flat "$T/op43.pdf" | grep -o '注销事由：5.1.6a)[^（]*' | sed 's/^注销事由：//')
expect_eq "$ground" "5.1.6a)登记主体主动申请注销或登记主体丧失登记主体资格" "the opinion's wording"
has "$cancel" "注销事由${ground}注销申请编号" "cancellation notice: the opinion's wording"
has "$cancel" "广东省健康医疗数据产权登记中心2026年3月16日" "cancellation notice: dated in the style of its text"
# Rendered again, it is the one published: the same number, date and bytes.
"$HDREG" render --db "$T/d.db" --template cancellation --case SQ-2026-0043 --out "$T/again43.pdf"
cmp "$T/again43.pdf" "$X" || fail "the cancellation notice rendered again differs"
PASSED=$((PASSED + 1))
# A second one of the same day is -2.
"$HDREG" render --db "$T/d.db" --template cancellation --case SQ-2026-0044 --as-of 2026-03-16 --out "$T/c44.pdf"
has "$(flat "$T/c44.pdf")" "公告编号：ZX-20260316-2" "the second cancellation notice of a day"
has "$(flat "$T/c44.pdf")" "注销事由5.1.6c)因人民法院、仲裁委员会的生效法律文书等导致原权利主体的数据相关权利丧失" "ground c"
qpdf --check "$X" >/dev/null || fail "qpdf cancellation"

# ---- no ISO date inside Chinese text, in any document of the two nights ---------------
for f in "$T"/out/*/*.pdf "$T"/*.pdf; do
  pdftotext -layout "$f" - 2>/dev/null | perl -CS -ne 'print "'"$f"': $_" if /\p{Han}[ （(：:]?\d{4}-\d{2}-\d{2}|\d{4}-\d{2}-\d{2}[ ）)]?\p{Han}/'
done >"$T/iso"
expect_eq "$(cat "$T/iso")" "" "no ISO date beside Chinese text"
expect_eq "$(ls "$T"/out/*/*.pdf | wc -l)" "$(sql "$T/d.db" "SELECT count(*) FROM documents")" "every document looked at"
done_ok
