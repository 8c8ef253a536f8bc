#!/bin/bash
# slowloris.sh: fault 5.  Under a load of note submissions, slow clients
# (tests/fault/slowclient.py) hold connections to nginx: some send a
# request header a byte a second and never end it, others send a POST's
# header and then its body a byte a second, and stall.  Asserted: the
# normal posts go on being acknowledged (only 303s, latency bounded:
# p50/p99 without and with the slow clients are printed, the bound is one
# against hangs, not a speed), every acknowledged key stored once; nginx
# cuts every slow connection by its timeouts (client_header_timeout for
# the headers, client_body_timeout after the body's last byte; the values
# are examples/nginx/civic.conf's); no slow request reached the program
# (nginx reads a body whole before it passes it on: a slow client holds
# no worker).  nginx only: CIVIC_WEB=apache is not covered.

. "$(dirname "$0")/lib.sh"

NW=3
BASELINE=3	# seconds of load before the slow clients come
# 100 of each kind: with the normal clients' connections (two a request:
# the client's and the one to the program) they stay below one nginx
# worker's worker_connections (256 in lib.sh's configuration), so that
# what is measured is the timeouts, not nginx running out of connections
# (that is limit_conn's business; see examples/nginx/civic.conf).
SLOW_HEADERS=100
SLOW_BODIES=100
SLOW_TRICKLE=2	# seconds a body trickles before it stalls
SLACK=5		# seconds a cut may come after its timeout (a loaded machine)
MAX_MS=5000	# no normal post slower than this (a hang, not a speed)

if [ "$CIVIC_WEB" != nginx ]; then
	note "skipped: slowloris.sh covers nginx only (CIVIC_WEB=$CIVIC_WEB)"
	exit 77
fi
command -v python3 >/dev/null 2>&1 || die "python3 not found: install the Debian package python3"

civic_stack_up --workers "$NW"
master=$DEMO_PID
w0=$(workers)
conf=$CIVIC_T/nginx/conf/civic.conf
# The timeouts the example sets (server level, in seconds).
to() { sed -n "s/^$1 \([0-9]*\)s;/\1/p" "$conf" | head -n 1; }
HDR_TO=$(to client_header_timeout)
BODY_TO=$(to client_body_timeout)
if [ -z "$HDR_TO" ] || [ -z "$BODY_TO" ]; then
	die "examples/nginx/civic.conf sets no client_header_timeout or client_body_timeout (in s)"
fi
# The short form: one connection a slot, each cut once (the bodies last:
# the trickle, then the timeout), and a margin.  The long form: slots
# connect again when cut, for FAULT_SECS.
first=$(( HDR_TO > SLOW_TRICKLE + BODY_TO ? HDR_TO : SLOW_TRICKLE + BODY_TO ))
if [ "${CIVIC_FAULT_LONG:-0}" = 1 ]; then
	SLOW_SECS=$(( FAULT_SECS > first + SLACK ? FAULT_SECS : first + SLACK ))
else
	SLOW_SECS=$(( first + 3 ))
fi
note "nginx: client_header_timeout ${HDR_TO}s, client_body_timeout ${BODY_TO}s; $SLOW_HEADERS slow headers, $SLOW_BODIES slow bodies for ${SLOW_SECS}s"

fault_setup
fault_start
sleep "$BASELINE"
TS=$EPOCHREALTIME
python3 "$top_srcdir/tests/fault/slowclient.py" 127.0.0.1 "$NGINX_PORT" "$SLOW_HEADERS" \
	"$SLOW_BODIES" "$SLOW_SECS" "$SLOW_TRICKLE" "$F/slow" >"$F/slow.out" 2>&1 &
slow_pid=$!
CIVIC_PIDS+=("$slow_pid")
# While they are there: the program's log must show none of them.
wait_gone "$slow_pid" $((SLOW_SECS + 30))
TE=$EPOCHREALTIME
wait "$slow_pid"
slow_rc=$?
fault_recover "with the slow clients gone"
fault_stop

fault_check "303" "$MAX_MS"
check "the load went on: longest time without an acknowledged write ${FC_GAP_MS} ms < ${MAX_MS} ms" \
	test "$FC_GAP_MS" -lt "$MAX_MS"

# 303 latency in a window of the run (answer times from START to END).
lat() {
	awk -v a="$1" -v b="$2" '$5 == 303 && $1 >= a && $1 < b { print $6 * 1000 }' "$F/records" |
		sort -n | awk '{ v[NR] = $1 } END {
			if (NR == 0) { print "0 0 0 0"; exit }
			printf "%d %d %d %d\n", NR, v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1], v[NR] }'
}
read -r n0 p50_0 p99_0 max0 < <(lat "$F_T0" "$TS")
read -r n1 p50_1 p99_1 max1 < <(lat "$TS" "$TE")
note "303 latency without slow clients: $n0 posts, p50 $p50_0 ms, p99 $p99_0 ms, max $max0 ms"
note "303 latency with $((SLOW_HEADERS + SLOW_BODIES)) slow clients: $n1 posts, p50 $p50_1 ms, p99 $p99_1 ms, max $max1 ms"
check "posts were acknowledged while the slow clients were there ($n1)" test "$n1" -ge "$FAULT_CLIENTS"
check "no acknowledged post took ${MAX_MS} ms or more with the slow clients (max $max1 ms)" \
	test "$max1" -lt "$MAX_MS"

check_eq "the slow clients ran (exit status)" 0 "$slow_rc"
[ "$slow_rc" = 0 ] || sed 's/^/#   /' "$F/slow.out" | head -n 20
# KIND N START END LAST_SENT SENT HOW [STATUS]
awk -v H="$HDR_TO" -v B="$BODY_TO" -v S="$SLACK" -v SECS="$SLOW_SECS" '
	{ n[$1]++ }
	$7 == "connect" { refused++; next }
	$7 == "cut" {
		cut[$1]++
		# The header timeout runs from the connection, the body one
		# from the last byte read.
		age = $1 == "H" ? $4 - $3 : $4 - $5
		to = $1 == "H" ? H : B
		if (age < to - 1 || age > to + S) { printf "BAD %s cut after %.1f s (timeout %d s): %s\n", $1, age, to, $0 }
		if ($1 == "H" && age > hmax) hmax = age
		if ($1 == "B" && age > bmax) bmax = age
		if ($8 != "") answered[$8]++
		next
	}
	$7 == "ours" {
		ours++
		# Still open at the end: must be younger than its timeout.
		age = $1 == "H" ? $4 - $3 : $4 - $5
		to = $1 == "H" ? H : B
		if (age > to + S) printf "BAD %s open %.1f s past its timeout (%d s): %s\n", $1, age, to, $0
		next
	}
	{ printf "BAD line %s\n", $0 }
	END {
		printf "SL_H=%d\nSL_B=%d\nSL_HCUT=%d\nSL_BCUT=%d\nSL_REFUSED=%d\n", n["H"], n["B"], cut["H"], cut["B"], refused
		printf "SL_HMAX=%.1f\nSL_BMAX=%.1f\nSL_OURS=%d\n", hmax, bmax, ours
		for (s in answered) printf "SL_ANSWERED_%s=%d\n", s, answered[s]
	}' "$F/slow" >"$F/slow.check"
SL_H=0 SL_B=0 SL_HCUT=0 SL_BCUT=0 SL_REFUSED=0 SL_HMAX=0 SL_BMAX=0 SL_OURS=0
# shellcheck disable=SC1090
. <(grep -E '^SL_[A-Z0-9_]+=[0-9.]+$' "$F/slow.check")
if grep -q '^BAD' "$F/slow.check"; then
	fail "slow connections cut by their timeouts: $(grep -c '^BAD' "$F/slow.check") problems"
	grep '^BAD' "$F/slow.check" | head -n 10 | sed 's/^/#   /'
else
	pass "every slow connection cut by nginx within ${SLACK} s of its timeout (header ${HDR_TO} s from the connection, body ${BODY_TO} s from its last byte), none left open past it"
fi
check "every slow header cut at least once ($SL_HCUT cuts, $SLOW_HEADERS connections)" test "$SL_HCUT" -ge "$SLOW_HEADERS"
check "every slow body cut at least once ($SL_BCUT cuts, $SLOW_BODIES connections)" test "$SL_BCUT" -ge "$SLOW_BODIES"
check_eq "nginx accepted every slow connection (none refused: no connection shortage)" 0 "$SL_REFUSED"
answers=$(grep '^SL_ANSWERED_' "$F/slow.check" | tr '\n' ' ')
[ -n "$answers" ] && note "answers nginx sent before cutting: $answers"
n408=$(grep -c '" 408 ' "$CIVIC_T/nginx/logs/access.log")
# A connection the client closed at the end may have timed out at nginx
# in the same instant: a 408 too.
check "nginx logged each cut as a timeout: $n408 408s, $((SL_HCUT + SL_BCUT)) cuts, $SL_OURS closed at the end" \
	test "$n408" -ge "$((SL_HCUT + SL_BCUT))" -a "$n408" -le "$((SL_HCUT + SL_BCUT + SL_OURS))"
check "no slow request reached the program (no /demo/slow in its log)" \
	sh -c "! grep -q '/slow' '$CIVIC_T/demo.log'"
check_eq "the same workers serve" "$w0" "$(workers)"
check_eq "the same master serves (pid $master)" "$master" "$DEMO_PID"
note "RESULT slowloris: $SL_H slow-header and $SL_B slow-body connections ($SL_HCUT and $SL_BCUT cut, the longest after ${SL_HMAX} s and ${SL_BMAX} s), 303 p50/p99 without ${p50_0}/${p99_0} ms, with ${p50_1}/${p99_1} ms (max $max1 ms), keys $FC_KEYS, posts $FC_ATTEMPTS, longest gap $FC_GAP_MS ms, recovery $(cut -f2 "$F/recoveries" | tr '\n' ' ')ms"
finish
