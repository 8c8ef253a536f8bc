#!/bin/bash
# commit-drop.sh: fault 3.  civic-demo.fcgi reaches MariaDB through
# dbproxy.py, which breaks the connection at every fourth COMMIT: after
# the server committed (the answer is lost), the same with the next
# reconnections refused for 0.6 s (so the client gets a 503 and retries
# with the same key), or before the COMMIT reached the server (rolled
# back).  Whatever the program or the client then retries, no key is ever
# stored twice and every 303 for a key points at its one note.

. "$(dirname "$0")/lib.sh"

find_tool PYTHON3 python3 python3
NW=3
civic_stack_up --workers 2

# The proxy, and the program again with its database socket behind it.
PROXY_SOCK=$CIVIC_T/db/proxy.sock
PROXY_LOG=$CIVIC_T/proxy.log
: >"$PROXY_LOG"
"$PYTHON3" "$top_srcdir/tests/fault/dbproxy.py" "$PROXY_SOCK" "$CIVIC_T/db/mysqld.sock" \
	"$PROXY_LOG" 4 >>"$CIVIC_T/proxy.out" 2>&1 &
CIVIC_PIDS+=($!)
wait_for 10 test -S "$PROXY_SOCK" || { show_log "$CIVIC_T/proxy.out"; die "dbproxy.py did not start"; }
sed "s|^socket = .*|socket = $PROXY_SOCK|" "$CIVIC_T/civic.conf" >"$CIVIC_T/civic-proxy.conf"
chmod 0600 "$CIVIC_T/civic-proxy.conf"
grep -q "^socket = $PROXY_SOCK\$" "$CIVIC_T/civic-proxy.conf" || die "could not point civic-proxy.conf at the proxy"
civic_demo_stop
civic_demo_start --workers "$NW" --max-requests 1000000 --config "$CIVIC_T/civic-proxy.conf"
for i in $(seq 1 50); do
	http GET /demo/
	[ "$STATUS" = 200 ] && break
	sleep 0.2
done
expect_status "the program serves through the proxy" 200
master=$DEMO_PID
w0=$(workers)

fault_setup
fault_start
sleep "$FAULT_SECS"
fault_recover "with COMMITs breaking"
fault_stop

drops=$(grep -c '^drop ' "$PROXY_LOG")
after=$(grep -c ' after$' "$PROXY_LOG")
blackout=$(grep -c ' blackout$' "$PROXY_LOG")
before=$(grep -c ' before$' "$PROXY_LOG")
note "COMMITs broken: $drops (after the commit $after, after the commit with reconnection refused $blackout, before the commit $before)"
retries=$(grep -c 'transaction attempt 1: database' "$CIVIC_T/demo.log")
note "transactions the program began again itself: $retries"

fault_check "303 503" 5000
check "COMMITs were broken after the server committed ($after, and $blackout with reconnection refused)" \
	test "$after" -ge 2 -a "$blackout" -ge 2
check "COMMITs were broken before the server saw them ($before)" test "$before" -ge 2
check "the program began the transactions again itself ($retries times)" test "$retries" -ge 1
check "clients retried keys whose COMMIT was lost ($FC_RETRIED keys retried, $FC_503 503s)" \
	test "$FC_RETRIED" -ge 1
check_eq "the same workers serve (reconnected, not restarted)" "$w0" "$(workers)"
check "the master survived" alive "$master"
note "RESULT commit-drop: broken COMMITs $drops (after $after, blackout $blackout, before $before), program's own retries $retries, 503 $FC_503, keys $FC_KEYS, posts $FC_ATTEMPTS, retried $FC_RETRIED, committed-before-error $FC_LOSTANSWER"
finish
