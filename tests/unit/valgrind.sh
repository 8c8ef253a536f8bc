#!/bin/sh
#
# tests/unit/valgrind.sh: every unit test (the programs named in
# UNIT_TESTS, from the build tree) again under valgrind's memcheck: any
# invalid read or write, use of uninitialised memory, or leak (definitely
# or indirectly lost) fails the test.  The unit tests drive the core's
# parsers, validators, arena, XSLT rendering and search code directly, so
# this is the release build's (no sanitizers) memory check; the sanitized
# build (configure --enable-sanitizers, as tools/check's make check) does
# the same for the whole suite with AddressSanitizer, whose programs
# valgrind cannot run: that build does not list this test.
#
# Environment: top_builddir, UNIT_TESTS (from make check), and the
# variables the unit tests read (CIVIC_XSLT_DIR, CIVIC_GOLDEN_DIR).
# Without valgrind the test is skipped (77), unless CIVIC_REQUIRE_ALL=1,
# where it is an error (99).

set -u
top_builddir=${top_builddir:-$PWD}
tests=${UNIT_TESTS:-}
VALGRIND=${VALGRIND:-valgrind}

if ! command -v "$VALGRIND" >/dev/null 2>&1; then
	if [ "${CIVIC_REQUIRE_ALL:-0}" = 1 ]; then
		echo "valgrind: not installed (Debian package valgrind), and CIVIC_REQUIRE_ALL=1: failing" >&2
		exit 99
	fi
	echo "valgrind: SKIP: not installed (apt-get install valgrind)"
	exit 77
fi
[ -n "$tests" ] || { echo "FAIL - UNIT_TESTS is empty"; exit 1; }

log=$(mktemp "${TMPDIR:-/tmp}/civic-valgrind.XXXXXX") || exit 1
trap 'rm -f "$log"' EXIT
passed=0 failed=0
for t in $tests; do
	start=$(date +%s)
	# --error-exitcode makes memcheck's findings the exit status; the
	# leak kinds that count are the real ones (a pointer to the block
	# nowhere, or only from such a block), not "still reachable" globals.
	"$VALGRIND" -q --error-exitcode=3 --leak-check=full \
	    --show-leak-kinds=definite,indirect \
	    --errors-for-leak-kinds=definite,indirect \
	    "$top_builddir/$t" >"$log" 2>&1
	st=$?
	if [ "$st" = 0 ]; then
		passed=$((passed + 1))
		echo "ok - $t under valgrind: no errors, no leaks ($(( $(date +%s) - start )) s)"
	else
		failed=$((failed + 1))
		echo "FAIL - $t under valgrind (exit $st: 3 is memcheck's finding, else the test's own failure):"
		grep -E '^==[0-9]+==' "$log" | head -80 | sed 's/^/#   /'
		tail -5 "$log" | sed 's/^/#   /'
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
