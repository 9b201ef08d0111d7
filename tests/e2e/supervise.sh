# Registration supervision (5.3.1, issue 17): hdreg supervise records a suspected violation,
# the measures taken, the report to the regulator and the closing, each a row on the chain
# that is never changed; a cancellation on the authority's own motion it leads to (5.1.6 d,
# after an order to rectify) is its step and is carried out by the nights; the signed
# supervision report of the period says all of it. Every refusal with its exact message and
# exit code; an edit and a deletion past hdreg named by ledger verify.
source "$(dirname "$0")/lib.sh"
set -e
DB="$T/p.db"
OUT="$T/out"
demo_night
"$HDREG" keygen --keys "$T/k" --name 广东省健康医疗数据产权登记中心 --bits 2048 >/dev/null
CODE=91440300MA5F7K2X5F # 深圳市鹏城医学检验实验室有限公司, holder of 20251144000000004M
CERT=20251144000000004M
sup() { run "$HDREG" supervise "$@" --db "$DB"; }
found() {
  sup record --number "$1" --subject "${2:-$CODE}" ${3:+--certificate "$3"} --category "${4:-data_security}" \
    --facts "未经数据出境安全评估向境外机构提供检验数据样本" --source "群众举报（来信编号XF-2026-031）" \
    --date "${5:-2026-03-17}" --actor 监督科
}

# ---- a suspected violation ---------------------------------------------------------------
found JD-2026-0001 "$CODE" "$CERT"
expect_eq "$rc $(out)$(err)" "0 supervision JD-2026-0001: suspected violation recorded" "recorded"
expect_eq "$(sql "$DB" "SELECT s.number || ' ' || j.name || ' ' || c.number || ' ' || s.category || ' ' || s.found_date || ' ' || s.recorded_by FROM supervisions s JOIN subjects j ON j.id = s.subject_id JOIN certificates c ON c.id = s.certificate_id")" \
  "JD-2026-0001 深圳市鹏城医学检验实验室有限公司 $CERT data_security 2026-03-17 监督科" "its row"
expect_eq "$(sql "$DB" "SELECT count(*) FROM ledger WHERE tbl = 'supervisions'")" 1 "on the chain"
found JD-2026-0001 "$CODE"
expect_eq "$rc $(err)" "3 hdreg: supervise record: supervision JD-2026-0001 is recorded already (found 2026-03-17): add what was done about it with hdreg supervise record --measure, --reported-to or --close" "a number once"
found JD-2026-0009 91440000000000000X
expect_eq "$rc $(err)" "3 hdreg: supervise record: supervision JD-2026-0009: --subject '91440000000000000X' is not the unified social credit code of a subject of the register" "an unknown subject"
found JD-2026-0009 "$CODE" 20250644000000001R
expect_eq "$rc $(err)" "3 hdreg: supervise record: supervision JD-2026-0009: the subject $CODE holds no right of certificate 20250644000000001R: name a certificate the subject holds, or none" "a certificate of another"
found JD-2026-0009 "$CODE" "" fraud
expect_eq "$rc $(err)" "2 hdreg: supervise record: --category 'fraud' is not one of 5.3.1's: market_supervision, network_security, data_security, public_interest, privacy, trade_secret" "a category 5.3.1 does not name"
sup record --number JD-2026-0009 --subject "$CODE" --category privacy --facts "$(printf 'a\x1b[2Jb')" --source x --date 2026-03-17 --actor 监督科
expect_eq "$rc $(err)" "3 hdreg: supervise record: --facts: control character U+001B at character 2: it is never printed on a document; write the text without it" "a control character"
sup record --number JD-2026-0009 --subject "$CODE" --category privacy --source x --date 2026-03-17 --actor 监督科
expect_eq "$rc $(err)" "2 hdreg: supervise record: a suspected violation needs --category, --facts and --source" "facts required"
sup record --number JD-2026-0001 --measure x --subject "$CODE" --date 2026-03-17 --actor 监督科
expect_eq "$rc $(err)" "2 hdreg: supervise record: --number, --date, --actor and one of --subject (a suspected violation), --measure, --reported-to or --close are required (see hdreg supervise --help)" "one step at a time"
sup record --number JD-2026-0001 --text x --date 2026-03-17 --actor 监督科 --measure y
expect_eq "$rc $(err)" "2 hdreg: supervise record: --text and --reference go with --reported-to" "--text only with a report"
sup record --number JD-2026-0001 --measure x --date 2026-02-30 --actor 监督科
expect_eq "$rc $(err)" "2 hdreg: supervise: --date '2026-02-30' is not a valid date YYYY-MM-DD" "a date that does not exist"
expect_eq "$(sql "$DB" "SELECT count(*) FROM supervisions")" 1 "nothing else recorded"

# ---- its steps --------------------------------------------------------------------------
sup record --number JD-2026-0001 --measure "责令限期整改：30日内停止向境外提供数据并提交整改报告（粤数登监〔2026〕3号）" --date 2026-03-16 --actor 监督科
expect_eq "$rc $(err)" "3 hdreg: supervise record: supervision JD-2026-0001: 2026-03-16 is before 2026-03-17, the day it was found" "not before it was found"
sup record --number JD-2026-0001 --measure "责令限期整改：30日内停止向境外提供数据并提交整改报告（粤数登监〔2026〕3号）" --date 2026-03-18 --actor 监督科
expect_eq "$rc $(out)" "0 supervision JD-2026-0001: measure recorded" "a measure"
sup record --number JD-2026-0001 --reported-to 广东省互联网信息办公室 --text "报告涉嫌违规数据出境情况及已采取的措施" --reference "粤数登报〔2026〕1号" --date 2026-03-17 --actor 监督科
expect_eq "$rc $(err)" "3 hdreg: supervise record: supervision JD-2026-0001: 2026-03-17 is before 2026-03-18, the day of its last step: the record keeps its steps in the order they were taken" "steps in order"
sup record --number JD-2026-0001 --reported-to 广东省互联网信息办公室 --text "报告涉嫌违规数据出境情况及已采取的措施" --reference "粤数登报〔2026〕1号" --date 2026-03-19 --actor 监督科
expect_eq "$rc $(out)" "0 supervision JD-2026-0001: report to the regulator recorded" "the report to the regulator"
sup record --number JD-2026-0002 --measure x --date 2026-03-19 --actor 监督科
expect_eq "$rc $(err)" "3 hdreg: supervise record: supervision JD-2026-0002 is not recorded (hdreg supervise list lists them)" "an unknown supervision"

# ---- the cancellation it leads to (5.1.6 d) ----------------------------------------------
found JD-2026-0002 "$CODE" "" privacy 2026-03-20
cancel() {
  run "$HDREG" case cancel --db "$DB" --certificate "$1" --number "$2" --ground d --date 2026-04-03 \
    --actor 登记机构 --reason 逾期拒不整改 --evidence "other:粤数登监〔2026〕3号" --supervision "$3"
}
cancel "$CERT" SQ-2026-0301 JD-2026-0002
expect_eq "$rc $(err)" "3 hdreg: case cancel: supervision JD-2026-0002 records no measure yet: ground d of 5.1.6 is a refusal to rectify, so the order to rectify is recorded first (hdreg supervise record --measure)" "ground d only after an order to rectify"
cancel 20250644000000001R SQ-2026-0301 JD-2026-0001
expect_eq "$rc $(err)" "3 hdreg: case cancel: supervision JD-2026-0001 is about certificate $CERT, not this one: cancel the certificate it names, or record a supervision of this one" "the certificate it is about"
expect_eq "$(sql "$DB" "SELECT count(*) FROM cases WHERE number = 'SQ-2026-0301'")" 0 "no case left behind"
cancel "$CERT" SQ-2026-0301 JD-2026-0001
expect_eq "$rc $(out | head -1)" "0 case SQ-2026-0301: cancellation of certificate $CERT on the authority's own motion (5.1.6 d) submitted" "the cancellation opened"
expect_eq "$(sql "$DB" "SELECT a.kind || ' ' || a.action_date || ' ' || k.number || ' ' || a.text FROM supervision_actions a JOIN cases k ON k.id = a.case_id")" \
  "cancellation 2026-04-03 SQ-2026-0301 依职权注销登记（5.1.6 d）：逾期拒不整改" "recorded as the supervision's step"
sup record --number JD-2026-0001 --close "证书已注销" --date 2026-04-03 --actor 监督科
expect_eq "$rc $(err)" "3 hdreg: supervise record: supervision JD-2026-0001: its cancellation case SQ-2026-0301 is still submitted: close the supervision once it is decided (6.5)" "not closed while its cancellation is open"
run "$HDREG" run --db "$DB" --date 2026-04-07 --out "$OUT"
run "$HDREG" run --db "$DB" --date 2026-04-22 --out "$OUT"
expect_eq "$(sql "$DB" "SELECT k.status || ' ' || c.status FROM cases k JOIN certificates c ON c.id = k.prior_certificate_id WHERE k.number = 'SQ-2026-0301'")" \
  "cancelled cancelled" "the nights carry it out (6.5 h)"
sup record --number JD-2026-0001 --close "证书已依职权注销，已向监管部门报告，结案" --date 2026-04-23 --actor 监督科
expect_eq "$rc $(out)" "0 supervision JD-2026-0001: closed" "closed"
sup record --number JD-2026-0001 --measure x --date 2026-04-24 --actor 监督科
expect_eq "$rc $(err)" "3 hdreg: supervise record: supervision JD-2026-0001 was closed on 2026-04-23: record a new supervision for what was found since" "a closed supervision takes no step"

# ---- the list ----------------------------------------------------------------------------
sup list
expect_eq "$rc $(out)" "0 JD-2026-0001  2026-03-17  closed  深圳市鹏城医学检验实验室有限公司 ($CODE)  certificate $CERT  data_security
  facts: 未经数据出境安全评估向境外机构提供检验数据样本
  source: 群众举报（来信编号XF-2026-031） (recorded by 监督科)
  2026-03-18  measure      责令限期整改：30日内停止向境外提供数据并提交整改报告（粤数登监〔2026〕3号） — 监督科
  2026-03-19  report       报告涉嫌违规数据出境情况及已采取的措施 (to 广东省互联网信息办公室, 粤数登报〔2026〕1号) — 监督科
  2026-04-03  cancellation 依职权注销登记（5.1.6 d）：逾期拒不整改 (case SQ-2026-0301: cancelled on 2026-04-22) — 登记机构
  2026-04-23  close        证书已依职权注销，已向监管部门报告，结案 — 监督科
JD-2026-0002  2026-03-20  open  深圳市鹏城医学检验实验室有限公司 ($CODE)  privacy
  facts: 未经数据出境安全评估向境外机构提供检验数据样本
  source: 群众举报（来信编号XF-2026-031） (recorded by 监督科)" "the list"
sup list --open --format json
expect_eq "$rc $(out | python3 -c 'import json, sys; l = json.load(sys.stdin); print(len(l), l[0]["number"], l[0]["status"], l[0]["reported"], l[0]["category_cn"], l[0]["actions"])')" \
  "0 1 JD-2026-0002 open False 侵犯个人隐私 []" "open ones as JSON"
sup list --from 2026-03-18 --to 2026-03-31 --format json
expect_eq "$(out | python3 -c 'import json, sys; print([s["number"] for s in json.load(sys.stdin)])')" "['JD-2026-0002']" "found in a period"

# ---- the supervision report ----------------------------------------------------------------
TODAY=$(date +%F)
TODAY_CN=$(python3 -c 'import sys; y, m, d = sys.argv[1].split("-"); print(f"{int(y)}年{int(m)}月{int(d)}日")' "$TODAY")
sup report --from 2026-01-01 --to 2026-06-30 --out "$T/r.pdf" --keys "$T/k"
sha=$(sha256sum "$T/r.pdf" | cut -d' ' -f1)
expect_eq "$rc $(out)" "0 supervision report 2026-01-01 to 2026-06-30: $T/r.pdf (SHA-256 $sha), signed and recorded in the register" "the report written"
expect_eq "$(sql "$DB" "SELECT kind || ' ' || coalesce(case_id, '-') || ' ' || coalesce(certificate_id, '-') || ' ' || created_date || ' ' || sha256 FROM documents WHERE path = '$T/r.pdf'")" \
  "supervision_report - - $TODAY $sha" "recorded, the day it is issued"
t=$(pdftotext "$T/r.pdf" - | tr -d '\n ')
for want in "健康医疗数据产权登记监督情况报告" "（2026年1月1日至2026年6月30日）" "广东省政务服务和数据管理局：" \
  "本期共发现涉嫌违法违规情形2件，其中已结案1件、办理中1件；已向监管部门报告1件；经依职权注销登记（第5.1.6条），已注销登记证书1件。" \
  "涉嫌违反数据安全方面的法律、法规或规章1" "侵犯个人隐私1" \
  "2026年3月19日向广东省互联网信息办公室报告（粤数登报〔2026〕1号）：报告涉嫌违规数据出境情况及已采取的措施（监督科）" \
  "2026年4月3日依职权注销登记（5.1.6d）：逾期拒不整改，注销申请编号SQ-2026-0301，已于2026年4月22日注销（登记机构）" \
  "2026年4月23日结案：证书已依职权注销，已向监管部门报告，结案（监督科）" "办理状态已结案" "尚未采取措施" \
  "广东省健康医疗数据产权登记中心$TODAY_CN"; do
  case "$t" in *"$want"*) PASSED=$((PASSED + 1)) ;; *) fail "the report says '$want': $t" ;; esac
done
expect_eq "$(qpdf --check "$T/r.pdf" 2>&1 | grep -c 'No syntax or stream encoding errors found') $(pdffonts "$T/r.pdf" 2>&1 | awk 'NR > 2 {print $(NF-4) $(NF-3)}' | sort -u | tr '\n' ' ')$(pdfsig "$T/r.pdf" 2>&1 | grep -c 'Signature is Valid')" \
  "1 yesyes 1" "qpdf clean, fonts embedded, signature valid"
run "$HDREG" verify "$T/r.pdf" --db "$DB" --keys "$T/k"
expect_eq "$rc $(out)" "0 $T/r.pdf: authentic (supervision report, issued $TODAY; signed by 广东省健康医疗数据产权登记中心)" "hdreg verify names it"
sup report --from 2026-01-01 --to 2026-06-30 --out "$T/r.pdf" --keys "$T/k"
expect_eq "$rc $(err)" "5 hdreg: supervise report: '$T/r.pdf' exists already: a document issued on request never replaces a file" "never over a file"
sup report --from 2026-01-01 --to 2999-12-31 --out "$T/r2.pdf" --keys "$T/k"
expect_eq "$rc $(err)" "2 hdreg: supervise report: --to 2999-12-31 is after today, $TODAY: a report covers a period that has ended" "a period that has ended"
sup report --from 2026-07-01 --to 2026-06-30 --out "$T/r2.pdf"
expect_eq "$rc $(err)" "2 hdreg: supervise report: --from 2026-07-01 is after --to 2026-06-30" "from before to"
sup report --from 2025-01-01 --to 2025-12-31 --out "$T/r3.pdf"
expect_eq "$rc $(pdftotext "$T/r3.pdf" - | tr -d '\n ' | grep -o '本期共发现涉嫌违法违规情形0件\|本期未发现涉嫌违法违规情形。\|（未经登记机构签名的副本，不作为登记机构出具的报告）' | tr '\n' ' ')$(sql "$DB" "SELECT count(*) FROM documents WHERE path = '$T/r3.pdf'")" \
  "0 （未经登记机构签名的副本，不作为登记机构出具的报告） 本期共发现涉嫌违法违规情形0件 本期未发现涉嫌违法违规情形。 0" "an empty period, unsigned, not recorded"

# ---- never changed; past hdreg named --------------------------------------------------------
intact "supervision"
run sqlite3 "$DB" "UPDATE supervisions SET facts = 'x' WHERE number = 'JD-2026-0001'"
expect_eq "$rc $(err)" "19 Error: stepping, a supervision record is never changed: add an action (19)" "never changed (trigger)"
run sqlite3 "$DB" "DELETE FROM supervision_actions WHERE kind = 'close'"
expect_eq "$rc $(err)" "19 Error: stepping, a supervision action is never deleted (19)" "never deleted (trigger)"
cp "$DB" "$T/x.db"
sup_entry=$(sql "$DB" "SELECT max(seq) FROM ledger WHERE tbl = 'supervisions' AND ref_id = 1")
act_entry=$(sql "$DB" "SELECT max(seq) FROM ledger WHERE tbl = 'supervision_actions' AND ref_id = 2")
hidden "$T/x.db" "DROP TRIGGER supervisions_no_update; DROP TRIGGER supervision_actions_no_delete; UPDATE supervisions SET category = 'market_supervision' WHERE id = 1; DELETE FROM supervision_actions WHERE id = 2"
run "$HDREG" ledger verify --db "$T/x.db"
expect_eq "$rc $(err)" "3 hdreg: ledger verify: supervisions 1 (JD-2026-0001) was changed outside hdreg after entry $sup_entry recorded it: category \"data_security\" → \"market_supervision\"
hdreg: ledger verify: supervision_actions 2 was deleted outside hdreg: entry $act_entry recorded it" "an edit and a deletion past hdreg named"
run "$HDREG" supervise record --db "$T/x.db" --number JD-2026-0002 --measure x --date 2026-04-24 --actor 监督科
expect_eq "$(sql "$T/x.db" "SELECT count(*) FROM supervision_actions") $rc $(err | tail -1)" "3 4 hdreg: supervise record: the register is not as hdreg left it (above; hdreg ledger verify says the same): nothing was done. Restore the database from a backup, or have the change explained (hdreg ledger adopt)" "nothing recorded in a changed register"
done_ok
