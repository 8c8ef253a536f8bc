#!/bin/bash
# sigterm.sh: fault 4.  Under a load of note submissions the master of
# civic-demo.fcgi gets SIGTERM.  Every request it had accepted (a worker
# was serving it, or it waited in the socket's queue) is finished; after
# the signal no new connection is accepted (nginx's connect() fails, a
# 502 that nginx logs as such); then the program exits, with status 0.
# Started again, it acknowledges writes within 5 s, and every
# acknowledged note is stored once.

. "$(dirname "$0")/lib.sh"

NW=3
# A queue on the socket at the moment of the signal is what this tests:
# 12 clients even in the short form (with 4 it is rarely there).
[ "$FAULT_CLIENTS" -ge 12 ] || FAULT_CLIENTS=12
civic_stack_up --workers "$NW"
master=$DEMO_PID
w0=$(workers)
ERRLOG=$CIVIC_T/nginx/logs/error.log
mark=$(wc -c <"$ERRLOG")
fault_setup
fault_start
sleep $(( FAULT_SECS / 2 > 2 ? FAULT_SECS / 2 : 2 ))

note "SIGTERM to the master ($master), workers $w0"
t0=$EPOCHREALTIME
kill -TERM "$master"
wait_gone "$master" 35
ms=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%d", (b - a) * 1000 }')
if alive "$master"; then
	fail "the master did not exit within 35 s of SIGTERM"
else
	wait "$master"
	rc=$?
	check_eq "the master exited with status 0 after draining ($ms ms)" 0 "$rc"
fi
gone_all() { local p; for p in $w0; do alive "$p" && return 1; done; return 0; }
check "the workers are gone" wait_for 5 gone_all
check "the socket is removed" test ! -e "$CIVIC_T/run/demo.sock"
DEMO_PID=
sleep 1
note "starting the program again"
civic_demo_start --workers "$NW"
fault_recover "after SIGTERM and a new start"
sleep 1
fault_stop

# What nginx says about each 502: refused at connect() (not accepted), or
# cut off after the program had the request (which must never happen).
tail -c +"$((mark + 1))" "$ERRLOG" >"$F/nginx-errors"
refused=$(grep -c 'connect() to unix:.* failed' "$F/nginx-errors")
cut=$(grep -E -c 'prematurely closed|reset by peer|upstream timed out|Broken pipe' "$F/nginx-errors")
note "nginx: $refused requests refused at connect(), $cut cut off"
fault_check "303 502" 5000
check "the signal met the load: $FC_502 posts refused while the program was stopped" test "$FC_502" -gt 0
check_eq "no request the program had accepted was cut off (nginx logged none)" 0 "$cut"
[ "$cut" = 0 ] || grep -E 'prematurely closed|reset by peer|upstream timed out|Broken pipe' "$F/nginx-errors" | head -n 5 | sed 's/^/#   /'
check "every 502 was a refused connect() ($FC_502 502s, $refused refused)" test "$FC_502" -le "$refused"
check "the stop took less than the 30 s drain limit ($ms ms)" test "$ms" -lt 30000
note "RESULT sigterm: exit after $ms ms, 502 $FC_502 (refused $refused, cut $cut), keys $FC_KEYS, posts $FC_ATTEMPTS, retried $FC_RETRIED, recovery $(cut -f2 "$F/recoveries" | tr '\n' ' ')ms"
finish
