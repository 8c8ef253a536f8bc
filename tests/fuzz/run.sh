#!/bin/sh
#
# tests/fuzz/run.sh: builds the libFuzzer targets of this directory with
# clang and runs each for a bounded time from its seed corpus; any crash,
# sanitizer report, leak or failed invariant fails the test.
#
# Run by automake's "make check" with top_srcdir and top_builddir
# (absolute) and CLANG (a path, or empty when configure found none) in the
# environment; by hand, "tests/fuzz/run.sh" from anywhere works too.
# CIVIC_FUZZ_SECONDS sets the time per target (default 10).  Without clang
# the test is skipped (77), unless CIVIC_REQUIRE_ALL=1, as the project's
# full test command sets, where a missing fuzzer is an error (99).
#
# The source tree is never written (make distcheck makes it read-only):
# the targets are built and the corpora copied into a temporary directory.
# A crashing input is kept in $top_builddir/tests/fuzz/ for reproduction.

set -u

here=$(cd "$(dirname "$0")" && pwd)
top_srcdir=${top_srcdir:-$(cd "$here/../.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
# Unset (a run by hand): look for clang; set but empty: configure found none.
CLANG=${CLANG-$(command -v clang 2>/dev/null)}
seconds=${CIVIC_FUZZ_SECONDS:-10}
core=$top_srcdir/modules/core
fuzzdir=$top_srcdir/tests/fuzz

skip() {
	if [ "${CIVIC_REQUIRE_ALL:-0}" = 1 ]; then
		echo "fuzz: $1, and CIVIC_REQUIRE_ALL=1: failing" >&2
		exit 99
	fi
	echo "fuzz: SKIP: $1"
	exit 77
}

if [ -z "$CLANG" ] || ! command -v "$CLANG" >/dev/null 2>&1; then
	skip "no clang (configure found none; apt-get install clang libclang-rt-14-dev, then re-run configure)"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/civic-fuzz.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# Split on purpose where used: these are several words.
cflags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"

# clang without its runtime libraries cannot link a fuzzer: say so.
cat >"$tmp/probe.c" <<'PROBE'
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }
PROBE
# shellcheck disable=SC2086
if ! "$CLANG" $cflags "$tmp/probe.c" -o "$tmp/probe" >"$tmp/probe.log" 2>&1; then
	cat "$tmp/probe.log" >&2
	skip "$CLANG cannot build libFuzzer targets (apt-get install libclang-rt-14-dev)"
fi

passed=0
failed=0
for t in urlenc cookie multipart; do
	# Each target's largest input: a bit past the bound its parser
	# enforces, so that the bound is reached.  The core files it needs
	# are those of libcivic's parsers and nothing else.
	case $t in
	urlenc)		maxlen=16384 ;;
	cookie)		maxlen=12288 ;;
	multipart)	maxlen=32768 ;;
	esac
	set -- "$core/arena.c" "$core/err.c" "$core/kv.c" "$core/utf8.c" \
	    "$core/$t.c"

	# shellcheck disable=SC2086
	if ! "$CLANG" $cflags -I"$core" -o "$tmp/fuzz_$t" "$fuzzdir/fuzz_$t.c" \
	    "$@" >"$tmp/$t.build" 2>&1; then
		cat "$tmp/$t.build"
		echo "FAIL: fuzz_$t: does not build"
		failed=$((failed + 1))
		continue
	fi

	mkdir "$tmp/corpus_$t"
	cp "$fuzzdir/corpus/$t/"* "$tmp/corpus_$t/"
	if "$tmp/fuzz_$t" -max_total_time="$seconds" -max_len="$maxlen" \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$tmp/crash_$t-" "$tmp/corpus_$t" \
	    >"$tmp/$t.log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/$t.log")
		echo "PASS: fuzz_$t: ${runs:-?} runs in ${seconds}s"
		passed=$((passed + 1))
	else
		tail -n 60 "$tmp/$t.log"
		mkdir -p "$top_builddir/tests/fuzz"
		for c in "$tmp/crash_$t-"*; do
			[ -f "$c" ] || continue
			cp "$c" "$top_builddir/tests/fuzz/" &&
			    echo "fuzz_$t: input kept in $top_builddir/tests/fuzz/${c##*/}"
		done
		echo "FAIL: fuzz_$t"
		failed=$((failed + 1))
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
