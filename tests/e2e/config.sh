# The configuration file (hdreg.conf), the data folder and hdreg config: every value and
# where it came from, FILE:LINE errors, the command line winning, and a working
# directory that changes nothing (decoy templates/ and scripts/checks/ beside it).
source "$(dirname "$0")/lib.sh"
set -e
SRC=$PWD
unset HDREG_CONFIG HDREG_DATA_DIR
"$HDREG" demo-db --db "$T/d.db" >/dev/null

# The build tree's binary: the source tree's data, no configuration file.
run "$HDREG" config
expect_eq "$rc" 0 "config exit"
expect_eq "$(out)" "# config: no file (the build tree's binary reads one only if told: --config FILE or HDREG_CONFIG)
# data_dir      not set: the source tree's templates, checks and fonts
# database      not set
output        = out  # default
# keys          not set
# checkpoints   not set: OUTPUT/checkpoints.txt with keys
jobs          = 1  # default
templates     = $SRC/templates  # default
fonts         = $SRC/fonts  # default
font_manifest = $SRC/fonts/manifest.txt  # default
# the shipped check pack: $SRC/scripts/checks
# checks        not set: the shipped pack only
# site          not set: the night publishes no site (hdreg publish)
waiting_days  = 10  # default" "build tree defaults"

# A configuration file: every source named.
mkdir -p "$T/data/templates" "$T/data/fonts" "$T/data/checks" "$T/team"
cat >"$T/hdreg.conf" <<EOF
# the night of a test authority
database = $T/d.db

output   =   $T/night
jobs = 2
  # indented comment
checks = $T/team
font_manifest = $SRC/fonts/manifest.txt
EOF
HDREG_DATA_DIR=$T/data run "$HDREG" config --config "$T/hdreg.conf" --out "$T/cmdline"
expect_eq "$rc" 0 "config with a file exit"
expect_eq "$(out | grep -v '^#   ')" "# config: $T/hdreg.conf (command line)
data_dir      = $T/data  # environment HDREG_DATA_DIR
database      = $T/d.db  # $T/hdreg.conf:2
output        = $T/cmdline  # command line
# keys          not set
# checkpoints   not set: OUTPUT/checkpoints.txt with keys
jobs          = 2  # $T/hdreg.conf:5
templates     = $T/data/templates  # environment HDREG_DATA_DIR
fonts         = $T/data/fonts  # environment HDREG_DATA_DIR
font_manifest = $T/data/fonts/manifest.txt  # environment HDREG_DATA_DIR
# the shipped check pack: $T/data/checks
checks        = $T/team  # $T/hdreg.conf:7
# site          not set: the night publishes no site (hdreg publish)
waiting_days  = 10  # default
# the register's settings (table settings of $T/d.db):" "every value with its source"
expect_eq "$(out | grep '^#   authority_name')" "#   authority_name = 广东省健康医疗数据产权登记中心" "the register's settings"
HDREG_CONFIG=$T/hdreg.conf run "$HDREG" config output
expect_eq "$rc $(out)" "0 $T/night" "one key, file from HDREG_CONFIG"
run "$HDREG" config --config="$T/hdreg.conf" config
expect_eq "$rc $(out)" "0 $T/hdreg.conf" "the file in effect"
run "$HDREG" config outptu
expect_eq "$rc $(err)" "2 hdreg: config: unknown key 'outptu' (did you mean 'output'?)" "unknown key asked"

# The night with only the configuration file: no --db, --out, --jobs.
cd "$T"
mkdir -p empty && cd empty
run "$HDREG" run --config "$T/hdreg.conf" --date 2026-03-16
expect_eq "$rc" 1 "night from the configuration (1: the demo's refused case)"
expect_eq "$(ls "$T/night/certificates" | wc -l)" 9 "certificates where the configuration says"
expect_eq "$(ls -A "$T/empty")" "" "nothing in the working directory"
# The command line wins: --db of a missing file.
run "$HDREG" run --config "$T/hdreg.conf" --date 2026-03-16 --db "$T/none.db"
expect_eq "$rc $(err)" "4 hdreg: cannot open database '$T/none.db': no such file (hdreg import --create or hdreg demo-db makes a new register)" "command line wins"
cd "$SRC"

# Bad lines: FILE:LINE, exit 3, nothing run.
bad() { # bad CONTENT EXPECTED-STDERR WHAT
  printf '%s\n' "$1" >"$T/bad.conf"
  run "$HDREG" run --config "$T/bad.conf" --date 2026-03-16
  expect_eq "$rc $(err)" "3 hdreg: $T/bad.conf:$2" "$3"
}
bad "# x
databse = /x" "2: unknown key 'databse' (did you mean 'database'?)" "misspelt key"
bad "frobnicate = 1" "1: unknown key 'frobnicate' (see hdreg config --help)" "unknown key"
bad "authority_name = 某登记中心" "1: 'authority_name' is a setting of the register (table settings, on the chain; docs/schema.md), not of this file" "register setting"
bad "notice_working_day = 5" "1: unknown key 'notice_working_day' (did you mean 'notice_working_days'?)" "misspelt register setting"
bad "jobs = 65" "1: jobs '65' must be a number from 1 to 64" "jobs range"
bad "jobs = two" "1: jobs 'two' must be a number from 1 to 64" "jobs not a number"
bad "output = out" "1: output 'out' must be an absolute path (what runs does not depend on the working directory)" "relative path"
bad "database = /a
database = /b" "2: database is already set at $T/bad.conf:1" "twice"
bad "output" "1: expected 'key = value' (or a # comment)" "no ="
bad "= /x" "1: a key is missing before '='" "no key"
bad "keys =" "1: keys has no value" "no value"
# A missing file named on the command line or in HDREG_CONFIG is an error.
run "$HDREG" run --config "$T/none.conf" --date 2026-03-16
expect_eq "$rc $(err)" "3 hdreg: cannot read the configuration file '$T/none.conf' (command line): No such file or directory" "missing --config"
HDREG_CONFIG=$T/none.conf run "$HDREG" uscc 91440101MA59TUR123
expect_eq "$rc $(err)" "3 hdreg: cannot read the configuration file '$T/none.conf' (environment HDREG_CONFIG): No such file or directory" "missing HDREG_CONFIG"
run "$HDREG" run --date 2026-03-16 --config
expect_eq "$rc $(err)" "2 hdreg: --config needs a file" "--config without a file"

# The working directory changes nothing: decoys that would break the night if read.
mkdir -p "$T/decoy/templates" "$T/decoy/scripts/checks" "$T/decoy/fonts"
for t in certificate review_opinion public_notice cancellation; do
  echo '<document>broken' >"$T/decoy/templates/$t.xml"
done
echo 'error("decoy check loaded")' >"$T/decoy/scripts/checks/0-decoy.lua"
echo 'body  No Such Family' >"$T/decoy/fonts/manifest.txt"
"$HDREG" demo-db --db "$T/e.db" >/dev/null
(cd "$T/decoy" && "$HDREG" run --db "$T/e.db" --date 2026-03-16 --out "$T/od" >"$T/decoy.out" 2>&1) || rc=$?
expect_eq "$rc" 1 "night beside decoys (1: the demo's refused case)"
expect_eq "$(ls "$T/od/certificates" | wc -l)" 9 "certificates beside decoys"

# HDREG_DATA_DIR is the data folder: an empty one is named, a copy works.
HDREG_DATA_DIR=$T/data run "$HDREG" run --db "$T/e.db" --date 2026-03-17 --out "$T/od"
expect_eq "$rc $(err)" "6 hdreg: font manifest: cannot open '$T/data/fonts/manifest.txt': No such file or directory" "empty data folder"
cp "$SRC/fonts/manifest.txt" "$T/data/fonts/"
HDREG_DATA_DIR=$T/data run "$HDREG" run --db "$T/e.db" --date 2026-03-17 --out "$T/od"
expect_eq "$rc $(err)" "3 hdreg: cannot open '$T/data/templates/certificate.xml': No such file or directory" "data folder without templates"
cp "$SRC"/templates/*.xml "$SRC"/templates/*.rng "$T/data/templates/"
cp -r "$SRC"/scripts/checks/. "$T/data/checks/"
HDREG_DATA_DIR=$T/data run "$HDREG" check --db "$T/e.db" --case 6 --format json
expect_eq "$rc" 0 "check with a copied data folder"
cp "$T/stdout" "$T/check-copy.json"
run "$HDREG" check --db "$T/e.db" --case 6 --format json
expect_eq "$(out)" "$(cat "$T/check-copy.json")" "the copy decides as the source tree does"
# --templates wins over the data folder.
HDREG_DATA_DIR=$T/empty run "$HDREG" render --db "$T/e.db" --template certificate --case 6 \
  --templates "$SRC/templates" --fonts "$SRC/fonts" --out "$T/c.pdf"
expect_eq "$rc $(err)" "6 hdreg: font manifest: cannot open '$T/empty/fonts/manifest.txt': No such file or directory" "manifest still from the data folder"
HDREG_DATA_DIR=$T/data run "$HDREG" render --db "$T/e.db" --template certificate --case 6 \
  --templates "$T/empty" --out "$T/c.pdf"
expect_eq "$rc $(err)" "3 hdreg: render: cannot open '$T/empty/certificate.xml': No such file or directory" "--templates wins"

echo "$PASSED passed"
