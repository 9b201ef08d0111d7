# `hdreg checks test`: the shipped fixtures pass with full coverage; wrong fixtures are
# reported both ways with file:line; an override that changes a rule breaks the shipped
# fixtures it contradicts, and the coverage report says which checks lost a side.
source "$(dirname "$0")/lib.sh"
set -e
P=tests/e2e/packs
run "$HDREG" checks test
expect_eq "$rc" 0 "shipped fixtures"
expect_eq "$(out)" "coverage: 24 of 24 checks seen passing and not passing
41 fixtures: 41 passed, 0 failed"

run "$HDREG" checks test $P/wrong-fixtures
expect_eq "$rc" 1 "wrong fixtures exit"
expect_eq "$(out)" "$P/wrong-fixtures/tests/wrong.lua:1: fixture 'wrong expectation': check '7.6b-tongfang' gave fail (数据涉及统方（按医生统计处方用药量、耗材用量），不得开展数据产权合规登记), expected pass
$P/wrong-fixtures/tests/wrong.lua:1: fixture 'wrong expectation': expects an outcome of 'no.such', but there is no such check
$P/wrong-fixtures/tests/wrong.lua:2: fixture 'missing expectation': check '7.6a-state-secrets' gave fail (数据涉及国家秘密或国家与公共安全，不得开展数据产权合规登记), expected pass or n/a
coverage: 24 of 24 checks seen passing and not passing
43 fixtures: 41 passed, 2 failed"

run "$HDREG" checks test $P/override
expect_eq "$rc" 1 "override exit"
expect_eq "$(out | tail -4)" "coverage: 22 of 24 checks seen passing and not passing
  7.1b-credit ($P/override/7.1b.lua:2): never failed, rectified or held
  7.1c-penalties (scripts/checks/7.1-subject.lua:50): never failed, rectified or held
41 fixtures: 38 passed, 3 failed"

run "$HDREG" checks test $P/hostile-syntax
expect_eq "$rc" 3 "broken pack"
expect_eq "$(err)" "hdreg: checks test: $P/hostile-syntax/broken.lua:2: ')' expected near 'end'"
run "$HDREG" checks
expect_eq "$rc" 2 "usage"
expect_eq "$(err)" "hdreg: checks: expected 'hdreg checks test [DIR]...' (see hdreg checks --help)"
done_ok
