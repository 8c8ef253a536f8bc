#!/bin/bash
# browser.sh: civic's pages in a real browser.  Debian chromium, driven by
# playwright-core (npm, never a downloaded browser), clicks through the
# mayor's mailbox as its people would: the citizen writes a letter with a
# picture attached and tracks it; staff sign in and out; the office
# forwards it, the clerk replies, the office publishes it, the public list
# and search show it, the citizen reads the reply and rates it.  Each flow
# with JavaScript on and off, at 1280x900 and 375x812; axe-core (WCAG 2.1 A
# and AA) on every page.  The checks are in flows.mjs; this script starts
# the stack (tests/integration/lib.sh) and counts their lines.
#
# npm ci installs playwright-core and axe-core (package-lock.json) into
# tests/browser/node_modules when they are missing there, or, in a build
# outside the source tree (make distcheck, whose source tree is read-only),
# into the private directory.
# The screenshots of every page visited go to CIVIC_SHOTS (default
# tests/browser/shots in the build tree; not committed).  See
# doc/browser-tests.md.

. "$(dirname "$0")/../integration/lib.sh"

HERE=$top_srcdir/tests/browser
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
NODE=${NODE:-}
NPM=${NPM:-}
find_tool CHROMIUM chromium chromium
find_tool NODE node nodejs
find_tool NPM npm npm
# grep without -q: under pipefail, a grep that stops early fails the pipe.
fc-list : family 2>/dev/null | grep -i 'WenQuanYi Micro Hei' >/dev/null ||
	die "no CJK font: install the Debian package fonts-wqy-microhei"

civic_stack_up --workers 1
# A person needs a few seconds to fill the form; this test, one.
sed -i 's/^min_fill_seconds *=.*/min_fill_seconds = 1/' "$CIVIC_T/civic.conf"
civic_program_start mailbox --workers 2
civic_program_start account --workers 1

# playwright-core and axe-core, as package-lock.json pins them: beside
# flows.mjs in a tree built in place; in the private directory otherwise
# (make distcheck's source tree is read-only, and root could write it).
if [ "$top_srcdir" = "$top_builddir" ] && [ -w "$HERE" ]; then
	MODULES_DIR=$HERE
else
	MODULES_DIR=$CIVIC_T/browser
	mkdir -p "$MODULES_DIR"
	cp "$HERE/package.json" "$HERE/package-lock.json" "$MODULES_DIR/" ||
		die "could not copy package.json to $MODULES_DIR"
fi
if [ ! -f "$MODULES_DIR/node_modules/playwright-core/package.json" ] ||
    [ ! -f "$MODULES_DIR/node_modules/axe-core/axe.min.js" ]; then
	note "npm ci in $MODULES_DIR"
	( cd "$MODULES_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "$NPM" ci --no-audit --no-fund \
		--prefer-offline ) >"$CIVIC_T/npm.log" 2>&1 || {
		show_log "$CIVIC_T/npm.log" 30
		die "npm ci failed in $MODULES_DIR (playwright-core, axe-core from the npm registry)"
	}
fi
pass "playwright-core and axe-core installed"
[ "$MODULES_DIR" = "$HERE" ] || cp "$HERE/flows.mjs" "$MODULES_DIR/"

W=$CIVIC_T/work
PW='browser flows 2026'
civic_add_staff "$PW" 30000001 信息办 office 县政府办公室 office
civic_add_staff "$PW" 30000002 市政局 shizheng 县市政公用事业管理局 clerk

SHOTS=${CIVIC_SHOTS:-$top_builddir/tests/browser/shots}
rm -rf "$SHOTS"
mkdir -p "$SHOTS" || die "could not make $SHOTS"
note "screenshots in $SHOTS"

# Its own HOME: Chromium writes its profile and crash reports there.
mkdir -p "$CIVIC_T/home"
HOME=$CIVIC_T/home CHROMIUM=$CHROMIUM CIVIC_SHOTS=$SHOTS CIVIC_STAFF_PW=$PW \
	CIVIC_OFFICE_NO=30000001 CIVIC_CLERK_NO=30000002 \
	timeout 900 "$NODE" "$MODULES_DIR/flows.mjs" "$BASE" >"$W/flows.out" 2>&1
rc=$?
# Every line of flows.mjs is shown; its ok/FAIL lines are counted here.
while IFS= read -r line; do
	case $line in
	"ok - "*) pass "${line#ok - }" ;;
	"FAIL - "*) fail "${line#FAIL - }" ;;
	*) printf '%s\n' "$line" ;;
	esac
done <"$W/flows.out"
check "node flows.mjs exits 0" test "$rc" = 0

finish
