#!/bin/bash
# systemd.sh: the units in examples/systemd/ pass `systemd-analyze verify`,
# and say what doc/operator.md and examples/systemd/README.md promise
# (socket activation on /run/civic/NAME.sock for www-data, user civic,
# the hardening).
#
# `systemd-analyze verify` also checks that every ExecStart= program exists
# and is executable; the programs are not installed on a build machine, so
# exactly one message is forgiven: "Command P is not executable: No such
# file or directory" for P one of the installed paths the units name
# (/usr/libexec/civic/civic-*.fcgi, /usr/sbin/civicctl), and only while P
# is really absent.  Any other output of verify is a failure.  A unit with a
# deliberate mistake proves that the filter lets real problems through.
#
# No systemd-analyze (Debian package systemd): skip (77), or a hard error
# (99) with CIVIC_REQUIRE_ALL=1.  Needs no root and no running systemd.

set -u
set -o pipefail
export LC_ALL=C.UTF-8
PATH=$PATH:/usr/sbin:/sbin:/usr/bin:/bin

top_srcdir=$(cd "${top_srcdir:-$(dirname "$0")/../..}" && pwd)
UNITS=$top_srcdir/examples/systemd
SA=${SYSTEMD_ANALYZE:-$(command -v systemd-analyze 2>/dev/null || true)}

if [ -z "$SA" ] || [ ! -x "$SA" ]; then
	echo "# systemd-analyze not found: install the Debian package systemd"
	if [ "${CIVIC_REQUIRE_ALL:-0}" = 1 ]; then
		echo "FAIL - systemd-analyze is required (CIVIC_REQUIRE_ALL=1)"
		exit 99
	fi
	exit 77
fi

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); printf 'ok - %s\n' "$1"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL - %s\n' "$*"; }

T=$(mktemp -d "${TMPDIR:-/tmp}/civic-systemd.XXXXXX") || { echo "FAIL - mktemp"; exit 99; }
trap 'rm -rf "$T"' EXIT

# The programs the units start, as installed by make install --prefix=/usr.
INSTALLED="/usr/libexec/civic/civic-demo.fcgi /usr/libexec/civic/civic-account.fcgi
	/usr/libexec/civic/civic-mailbox.fcgi /usr/libexec/civic/civic-consult.fcgi \
	/usr/libexec/civic/civic-evaluate.fcgi /usr/libexec/civic/civic-prereview.fcgi \
	/usr/libexec/civic/civic-catalogue.fcgi \
	/usr/sbin/civicctl"

# forgivable LINE: the line is the one message about an absent program.
forgivable() {
	local p
	for p in $INSTALLED; do
		[ -e "$p" ] && continue
		case $1 in
		*": Command $p is not executable: No such file or directory") return 0 ;;
		esac
	done
	return 1
}

# verify UNIT-FILE: prints what verify said that is not forgivable;
# returns 0 when that is nothing.
verify() {
	local out line left=0
	# --man=no: Documentation= names file: URLs, not man pages.
	"$SA" verify --man=no "$1" >"$T/out" 2>&1
	while IFS= read -r line; do
		[ -z "$line" ] && continue
		if forgivable "$line"; then
			continue
		fi
		printf '#   %s\n' "$line"
		left=1
	done <"$T/out"
	return "$left"
}

# ------------------------------------------------------------ verify

units=(civic-demo.socket civic-demo.service civic-account.socket civic-account.service
	civic-mailbox.socket civic-mailbox.service civic-consult.socket civic-consult.service \
	civic-evaluate.socket civic-evaluate.service civic-prereview.socket civic-prereview.service
	civic-catalogue.socket civic-catalogue.service
	civic-notify.service)
for u in "${units[@]}"; do
	if [ ! -f "$UNITS/$u" ]; then
		fail "examples/systemd/$u exists"
		continue
	fi
	# verify finds a unit's dependencies (the socket of a service) in the
	# directory of the file it is given: a copy of the whole directory.
	mkdir -p "$T/u"
	cp "$UNITS"/civic-*.socket "$UNITS"/civic-*.service "$T/u/"
	if verify "$T/u/$u"; then
		pass "systemd-analyze verify $u"
	else
		fail "systemd-analyze verify $u (its messages are above)"
	fi
done

# The filter lets a real mistake through: an unknown key, and a program
# that does not exist under a path that is not one of ours.
sed -e 's|^ExecStart=/usr/libexec/civic/|ExecStart=/nonexistent/civic/|' \
	-e 's|^\[Service\]$|[Service]\nRestartt=always|' "$UNITS/civic-demo.service" >"$T/u/civic-broken.service"
if verify "$T/u/civic-broken.service" >"$T/broken.msg" 2>&1; then
	fail "verify finds the mistakes of a broken unit (it said nothing)"
elif grep -q 'Restartt' "$T/broken.msg" && grep -q '/nonexistent/civic/' "$T/broken.msg"; then
	pass "verify finds the mistakes of a broken unit (the filter hides nothing else)"
else
	fail "verify finds both mistakes of a broken unit: $(tr '\n' ' ' <"$T/broken.msg")"
fi

# ------------------------------------------------------------ what they say

# has UNIT KEY=VALUE...: each line is in the unit, exactly.
has() {
	local u=$1 kv missing=
	shift
	for kv in "$@"; do
		grep -qxF -- "$kv" "$UNITS/$u" || missing="$missing $kv"
	done
	if [ -z "$missing" ]; then
		pass "$u has $*"
	else
		fail "$u lacks:$missing"
	fi
}

hardening=(User=civic Group=civic ProtectSystem=strict ProtectHome=yes PrivateTmp=yes
	PrivateDevices=yes 'CapabilityBoundingSet=' 'ExecReload=/bin/kill -HUP $MAINPID'
	Restart=on-failure)
for n in demo account mailbox consult evaluate prereview catalogue; do
	has "civic-$n.socket" "ListenStream=/run/civic/$n.sock" SocketMode=0660 SocketGroup=www-data
	has "civic-$n.service" "ExecStart=/usr/libexec/civic/civic-$n.fcgi --config /etc/civic/civic.conf" \
		"Requires=civic-$n.socket" NoNewPrivileges=yes RestrictAddressFamilies=AF_UNIX "${hardening[@]}"
	# The program must reach /run/mysqld/mysqld.sock: no directive may hide /run.
	if grep -Eq '^(InaccessiblePaths|TemporaryFileSystem)=.*(/run( |$)|/run/mysqld)' "$UNITS/civic-$n.service"; then
		fail "civic-$n.service hides the MariaDB socket /run/mysqld/"
	else
		pass "civic-$n.service leaves /run/mysqld/mysqld.sock reachable"
	fi
done
has civic-notify.service "ExecStart=/usr/sbin/civicctl --config /etc/civic/civic.conf notify" \
	RestrictAddressFamilies=AF_UNIX "${hardening[@]}"
# Postfix's postdrop is set-gid: NoNewPrivileges=yes would break sendmail.
has civic-notify.service NoNewPrivileges=no ReadWritePaths=-/var/spool/postfix/maildrop

printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
[ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
