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
done_ok
