# The Debian package as an authority's IT department uses it: scripts/package builds it,
# apt-get installs it, the night runs from /usr/bin/hdreg as user hdreg with the shipped
# /etc/hdreg/hdreg.conf and nothing else — no option but --date, no environment, in a
# directory of decoys (templates/, scripts/checks/, fonts/ that would break it), with the
# source and build trees hidden (a tmpfs over them in a mount namespace of its own) — and
# its documents are the build tree's, byte for byte. The units pass systemd-analyze
# verify. apt-get purge removes it again. Needs root (CI runs as root); skipped (77)
# otherwise.
source "$(dirname "$0")/lib.sh"
set -e
SRC=$PWD
BUILD=$(cd "$(dirname "$HDREG")" && pwd)
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "SKIP: installing a package needs root and apt-get"
  exit 77
fi
for p in /usr/bin/hdreg /etc/hdreg /var/lib/hdreg /usr/share/hdreg; do
  if [ -e "$p" ]; then
    echo "FAIL: $p exists already: this test installs hdreg, runs a night in /var/lib/hdreg and purges the package" >&2
    exit 1
  fi
done
unset HDREG_CONFIG HDREG_DATA_DIR
cleanup() {
  rm -rf /var/lib/hdreg/register.db /var/lib/hdreg/register.db-wal /var/lib/hdreg/register.db-shm \
    /var/lib/hdreg/register.db.lock /var/lib/hdreg/out/* /var/lib/hdreg/.cache
  rm -f /etc/hdreg/keys/authority*
  if dpkg-query -W -f='${Status}' hdreg 2>/dev/null | grep -q "ok installed\|config-files"; then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq -o DPkg::Lock::Timeout=120 hdreg >/dev/null 2>&1 || true
  fi
  rm -rf "$T"
}
trap cleanup EXIT
t0=$(date +%s)

# Build and install.
run "$SRC/scripts/package" "$BUILD/package-build"
expect_eq "$rc $(err)" "0 " "scripts/package"
deb=$(out)
expect_eq "$deb" "$BUILD/package-build/package/hdreg_0.1.0_amd64.deb" "the package's path"
echo "package: $(stat -c %s "$deb") bytes, built in $(( $(date +%s) - t0 )) s"
run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=120 "$deb"
expect_eq "$rc" 0 "apt-get install: $(err)"
expect_eq "$(dpkg-query -W -f='${Status} ${Version}' hdreg)" "install ok installed 0.1.0" "installed"

# Where things went.
for f in /usr/bin/hdreg /usr/share/hdreg/templates/certificate.xml /usr/share/hdreg/checks/params.lua \
         /usr/share/hdreg/checks/tests/subject.lua /usr/share/hdreg/fonts/manifest.txt \
         /usr/share/man/man1/hdreg.1.gz /usr/share/doc/hdreg/operations.md \
         /usr/share/doc/hdreg/hdreg-verify.py /usr/share/doc/hdreg/copyright /etc/hdreg/hdreg.conf \
         /etc/hdreg/alert.conf /usr/lib/systemd/system/hdreg-night.service \
         /usr/lib/systemd/system/hdreg-night.timer /usr/lib/systemd/system/hdreg-alert@.service \
         /usr/lib/sysusers.d/hdreg.conf /usr/lib/tmpfiles.d/hdreg.conf /usr/libexec/hdreg/hdreg-alert; do
  [ -f "$f" ] || fail "$f is not installed"
done
expect_eq "$(cat /var/lib/dpkg/info/hdreg.conffiles)" "/etc/hdreg/hdreg.conf
/etc/hdreg/alert.conf" "conffiles"
expect_eq "$(id -un hdreg) $(id -gn hdreg) $(getent passwd hdreg | cut -d: -f6,7)" \
  "hdreg hdreg /var/lib/hdreg:/usr/sbin/nologin" "the hdreg system user"
expect_eq "$(stat -c '%U:%G %a' /var/lib/hdreg /var/lib/hdreg/out /etc/hdreg/keys)" "hdreg:hdreg 750
hdreg:hdreg 750
root:hdreg 750" "state and keys directories"
grep -q "$SRC" /usr/bin/hdreg && fail "/usr/bin/hdreg has the source tree's path compiled in"
cmp -s "$SRC/templates/certificate.xml" /usr/share/hdreg/templates/certificate.xml || fail "templates differ"
run /usr/bin/hdreg config
expect_eq "$(out | grep -v '^#   ')" "# config: /etc/hdreg/hdreg.conf (default)
data_dir      = /usr/share/hdreg  # default
database      = /var/lib/hdreg/register.db  # /etc/hdreg/hdreg.conf:11
output        = /var/lib/hdreg/out  # /etc/hdreg/hdreg.conf:15
keys          = /etc/hdreg/keys  # /etc/hdreg/hdreg.conf:21
# checkpoints   not set: OUTPUT/checkpoints.txt with keys
jobs          = 1  # default
templates     = /usr/share/hdreg/templates  # default
fonts         = /usr/share/hdreg/fonts  # default
font_manifest = /usr/share/hdreg/fonts/manifest.txt  # default
# the shipped check pack: /usr/share/hdreg/checks
# checks        not set: the shipped pack only
# site          not set: the night publishes no site (hdreg publish)
waiting_days  = 10  # default
# the register's settings: cannot open database '/var/lib/hdreg/register.db': no such file (hdreg import --create or hdreg demo-db makes a new register)" "the installed configuration"

# The units, with the binary, the user and the man page they name in place.
run systemd-analyze verify hdreg-night.service hdreg-night.timer hdreg-alert@hdreg-night.service.service
expect_eq "$rc $(out)$(err)" "0 " "systemd-analyze verify"
run systemd-analyze security --offline=yes --threshold=20 /usr/lib/systemd/system/hdreg-night.service
expect_eq "$rc" 0 "systemd-analyze security: $(tail -1 "$T/stdout")"
echo "systemd-analyze security: $(tail -1 "$T/stdout")"

# The keys as docs/operations.md makes them: by root, readable by the hdreg group.
"$HDREG" keygen --keys /etc/hdreg/keys --name 广东省健康医疗数据产权登记中心 --bits 2048 >/dev/null
chgrp hdreg /etc/hdreg/keys/authority.key /etc/hdreg/keys/authority-qr.key
chmod 0640 /etc/hdreg/keys/authority.key /etc/hdreg/keys/authority-qr.key

# The build tree's night, the reference: at the same paths (the register records each
# document's path, so that the ledger and its checkpoint can be the same too), then
# moved away.
"$HDREG" demo-db --db "$T/demo.db" >/dev/null
cp "$T/demo.db" /var/lib/hdreg/register.db
run "$HDREG" run --db /var/lib/hdreg/register.db --date 2026-03-16 --out /var/lib/hdreg/out \
  --keys /etc/hdreg/keys
expect_eq "$rc" 1 "the build tree's night (1: the demo's refused case)"
mkdir "$T/ref"
mv /var/lib/hdreg/out/* "$T/ref/"
mv /var/lib/hdreg/register.db "$T/ref.db"
rm -f /var/lib/hdreg/register.db.lock
# The summary without the output directory and the timing.
summary() { sed -e "s|$1|OUT|g" -e 's/([0-9.]* ms and [0-9.]* KB per certificate)/(TIME)/' "$2"; }
summary /var/lib/hdreg/out "$T/stdout" >"$T/ref.out"
cp "$T/stderr" "$T/ref.err"

# The installed night: user hdreg, the shipped configuration, decoys in the working
# directory, the source and build trees hidden.
install -o hdreg -g hdreg -m 0640 "$T/demo.db" /var/lib/hdreg/register.db
chmod 0755 "$T"
mkdir -p "$T/night/templates" "$T/night/scripts/checks" "$T/night/fonts" "$T/night/checks"
for t in certificate review_opinion public_notice cancellation; do
  echo '<document>broken' >"$T/night/templates/$t.xml"
done
echo 'error("decoy check loaded")' >"$T/night/scripts/checks/0-decoy.lua"
cp "$T/night/scripts/checks/0-decoy.lua" "$T/night/checks/"
echo 'body  No Such Family' >"$T/night/fonts/manifest.txt"
install -d -o hdreg -g hdreg "$T/cache"
hide="mount -t tmpfs -o size=1m hdreg-test-hidden $SRC"
case "$BUILD/" in "$SRC"/*) ;; *) hide="$hide && mount -t tmpfs -o size=1m hdreg-test-hidden $BUILD" ;; esac
set +e
unshare -m sh -c "$hide && cd $T/night && [ ! -e $SRC/templates ] && [ ! -e $HDREG ] &&
  exec runuser -u hdreg -- env -i PATH=/usr/bin:/bin XDG_CACHE_HOME=$T/cache /usr/bin/hdreg run --date 2026-03-16" \
  >"$T/stdout" 2>"$T/stderr"
rc=$?
set -e
expect_eq "$rc" 1 "the installed night (1: the demo's refused case): $(err)"
expect_eq "$(err)" "$(cat "$T/ref.err")" "the same refused case"
expect_eq "$(summary /var/lib/hdreg/out "$T/stdout")" "$(cat "$T/ref.out")" "the same summary"

# The same documents, byte for byte, and nothing else.
expect_eq "$(cd /var/lib/hdreg/out && find certificates opinions letters notices cancellations -type f | sort)" \
  "$(cd "$T/ref" && find certificates opinions letters notices cancellations -type f | sort)" "the same files"
n=0
for f in $(cd "$T/ref" && find certificates opinions letters notices cancellations -type f); do
  cmp -s "$T/ref/$f" "/var/lib/hdreg/out/$f" || fail "$f differs between the build tree's and the installed night"
  n=$((n + 1))
done
expect_eq "$n" 71 "documents compared"
cmp -s "$T/ref/checkpoints.txt" /var/lib/hdreg/out/checkpoints.txt || fail "checkpoints differ"
expect_eq "$(stat -c %U /var/lib/hdreg/out/certificates/20260344000000006X.pdf)" hdreg "written by hdreg"
expect_eq "$(ls -A "$T/night" | sort | tr '\n' ' ')" "checks fonts scripts templates " "nothing written in the working directory"
run /usr/bin/hdreg ledger verify --keys /etc/hdreg/keys --checkpoints /var/lib/hdreg/out/checkpoints.txt
expect_eq "$rc" 0 "ledger verify of the installed night: $(err)"
run /usr/bin/hdreg checks test
expect_eq "$rc $(tail -1 "$T/stdout")" "0 $(cd "$SRC" && "$HDREG" checks test | tail -1)" "the shipped checks' fixtures"

# Purge: everything of the package goes; the directories postinst made go when empty.
rm -rf /var/lib/hdreg/register.db* /var/lib/hdreg/out/* /etc/hdreg/keys/authority*
run env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq -o DPkg::Lock::Timeout=120 hdreg
expect_eq "$rc" 0 "apt-get purge: $(err)"
for p in /usr/bin/hdreg /usr/share/hdreg /etc/hdreg /usr/lib/systemd/system/hdreg-night.service /var/lib/hdreg; do
  [ ! -e "$p" ] || fail "$p is left after purge"
done
echo "time: $(( $(date +%s) - t0 )) s"
echo "$PASSED passed"
