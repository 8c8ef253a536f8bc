#!/bin/sh
#
# tests/fuzz/run.sh: builds the libFuzzer targets of this directory with
# clang and runs each for a bounded time from its seed corpus; any crash,
# sanitizer report, leak or failed invariant fails the test.
#
# Run by automake's "make check" with top_srcdir and top_builddir
# (absolute) and CLANG (a path, or empty when configure found none) in the
# environment; by hand, "tests/fuzz/run.sh" from anywhere works too.
# CIVIC_FUZZ_SECONDS sets the time per target (default 10);
# CIVIC_FUZZ_RUNS a number of runs instead (make fuzz-long: 10 million,
# with CIVIC_FUZZ_RENDER_RUNS for the render target, whose transform is
# slow); CIVIC_FUZZ_TARGETS which targets (default all five).  Without clang
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
# The page and render targets (both fuzz_page.c) read the golden pages and
# compile the stylesheets; they link the whole core and its libraries.
CIVIC_GOLDEN_DIR=${CIVIC_GOLDEN_DIR:-$top_srcdir/tests/golden}
CIVIC_XSLT_DIR=${CIVIC_XSLT_DIR:-$top_srcdir/xslt}
export CIVIC_GOLDEN_DIR CIVIC_XSLT_DIR
page_libs=$(pkg-config --cflags --libs libxml-2.0 libxslt libexslt libmariadb libpcre2-8 \
    libsodium 2>/dev/null) || skip "pkg-config does not find the libraries the page target links"

for t in ${CIVIC_FUZZ_TARGETS:-urlenc cookie multipart page render}; do
	# Each target's largest input: a bit past the bound its parser
	# enforces, so that the bound is reached.  The core files a parser's
	# target needs are those of libcivic's parsers and nothing else.
	libs=
	case $t in
	urlenc)		maxlen=16384 ;;
	cookie)		maxlen=12288 ;;
	multipart)	maxlen=32768 ;;
	page | render)	maxlen=8192 ;;
	*)		echo "FAIL: no fuzz target $t"; failed=$((failed + 1)); continue ;;
	esac
	src=$fuzzdir/fuzz_$t.c
	if [ "$t" = page ] || [ "$t" = render ]; then
		# The whole core, compiled once for both (instrumented, not linked
		# with libFuzzer's main: that comes with the target).
		if [ ! -f "$tmp/core/done" ]; then
			mkdir -p "$tmp/core"
			for f in "$core"/*.c; do
				o=$tmp/core/$(basename "$f" .c).o
				# shellcheck disable=SC2086
				"$CLANG" -g -O1 -fsanitize=fuzzer-no-link,address,undefined \
				    -fno-sanitize-recover=undefined -I"$core" $page_libs \
				    -c "$f" -o "$o" >>"$tmp/core.build" 2>&1 || break
			done && touch "$tmp/core/done"
		fi
		set -- "$tmp"/core/*.o
		libs="$page_libs -lfcgi -lm"
		src=$fuzzdir/fuzz_page.c
		[ "$t" = render ] && libs="$libs -DFUZZ_RENDER"
	else
		set -- "$core/arena.c" "$core/err.c" "$core/kv.c" "$core/utf8.c" \
		    "$core/$t.c"
	fi

	# shellcheck disable=SC2086
	if ! "$CLANG" $cflags -I"$core" -o "$tmp/fuzz_$t" "$src" \
	    "$@" $libs >"$tmp/$t.build" 2>&1; then
		cat "$tmp/$t.build"
		echo "FAIL: fuzz_$t: does not build"
		failed=$((failed + 1))
		continue
	fi

	mkdir "$tmp/corpus_$t"
	# The render target shares the page target's seeds.
	seeds=$t
	[ "$t" = render ] && seeds=page
	cp "$fuzzdir/corpus/$seeds/"* "$tmp/corpus_$t/"
	# A bounded time (make check), or a number of runs (make fuzz-long).
	limit=-max_total_time=$seconds
	if [ -n "${CIVIC_FUZZ_RUNS:-}" ]; then
		limit=-runs=$CIVIC_FUZZ_RUNS
		[ "$t" = render ] && limit=-runs=${CIVIC_FUZZ_RENDER_RUNS:-$CIVIC_FUZZ_RUNS}
	fi
	start=$(date +%s)
	if "$tmp/fuzz_$t" "$limit" -max_len="$maxlen" \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$tmp/crash_$t-" "$tmp/corpus_$t" \
	    >"$tmp/$t.log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/$t.log")
		corpus=$(find "$tmp/corpus_$t" -type f | wc -l)
		echo "PASS: fuzz_$t: ${runs:-?} runs in $(( $(date +%s) - start )) s, corpus $corpus inputs"
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
