# Hostile and broken data in due cases: GBK bytes, a 10 MB field, a character no font
# has, an empty field, a control character, an approved case without rights. Each is
# refused with its case, field and reason; no number is spent on it; the other cases are
# issued, and the others approved go into the public notice.
source "$(dirname "$(dirname "$0")")/e2e/lib.sh"
set -e
DATE=2026-03-16
"$HDREG" demo-db --db "$T/b.db" >/dev/null
# Written past hdreg, as a legacy system would, and adopted onto the chain (otherwise the
# night refuses the register, see tests/e2e/ledger.sh).
sql_adopt "$T/b.db" "$(cat <<'SQL'
UPDATE resources SET name = CAST(X'C4E3BAC3CAFDBEDD' AS TEXT) WHERE id = 6;      -- GBK "你好数据"
UPDATE resources SET source = replace(hex(zeroblob(1747627)), '0', '数') WHERE id = 7;
UPDATE subjects SET name = '广东省' || char(201552) || '医学数据研究院' WHERE id = 13;
UPDATE resources SET source = '' WHERE id = 8;
UPDATE resources SET name = '南海妇幼' || char(9) || '孕产妇数据集' WHERE id = 14;
DELETE FROM case_rights WHERE case_id = 15;
SQL
)"
expect_eq "$(sql "$T/b.db" "SELECT length(CAST(source AS BLOB)) FROM resources WHERE id = 7")" 10485762 "10 MB field"
run "$HDREG" run --db "$T/b.db" --date $DATE --out "$T/o"
expect_eq "$rc" 1 "exit"
expect_eq "$(out | head -1)" "hdreg run $DATE: 4 certificates issued, 0 verified, 0 restored, 1 held by objection, 7 failed"
expect_eq "$(err)" "hdreg: case SQ-2026-0015: not put into the public notice: field '权利类别': no right is registered (clause 5.1.2)
hdreg: case SQ-2026-0006: field '数据产权名称': invalid UTF-8 at byte 0
hdreg: case SQ-2026-0007: field '数据来源': value has 3495254 characters, at most 1000 fit on a certificate
hdreg: case SQ-2025-0008: field '数据来源': value is empty
hdreg: case SQ-2026-0009: field '数据产权权利人': character U+31350 ($(printf '\xf0\xb1\x8d\x90')) at character 15 cannot be printed by any configured font
hdreg: case SQ-2026-0014: field '数据产权名称': control character U+0009 at character 5
hdreg: case SQ-2026-0016: field '统一社会信用代码': holder '江门市侨乡康复医院' code '５２４４０７00MJ9K7701X4': full-width character at position 1; use half-width digits and capital letters"
# Refused cases spend no number: the four issued ones are serials 6-9.
expect_eq "$(ls "$T/o/certificates")" "20260344000000006X.pdf
202603440000000071.pdf
202603440000000084.pdf
202603440000000097.pdf"
expect_eq "$(sql "$T/b.db" "SELECT group_concat(case_id) FROM (SELECT case_id FROM certificates WHERE id > 5 ORDER BY id)")" "10,11,12,13"
expect_eq "$(sql "$T/b.db" "SELECT value FROM counters")" 9 "counter"
done_ok
