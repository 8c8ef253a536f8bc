#!/bin/bash
# workers.sh: the process model.  A killed worker is replaced, a worker is
# recycled after --max-requests, SIGHUP replaces the workers without a
# failed request, SIGTERM stops the master and its socket, and the program
# also serves a socket it inherits on standard input (spawn-fcgi).

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 2

workers() { children "$DEMO_PID" | sort -n | tr '\n' ' ' | sed 's/ $//'; }
nworkers() { children "$DEMO_PID" | wc -l; }
two_workers() { [ "$(nworkers)" -eq 2 ]; }
# requests N: N sequential GET /demo/; prints how many were not 200.
requests() {
	local i bad=0
	for i in $(seq 1 "$1"); do
		http GET /demo/
		[ "$STATUS" = 200 ] || bad=$((bad + 1))
	done
	echo "$bad"
}
two_new_workers() {	# none of the pids in $1 is a worker, and there are 2
	local p
	[ "$(nworkers)" -eq 2 ] || return 1
	for p in $1; do
		children "$DEMO_PID" | grep -qx "$p" && return 1
	done
	return 0
}

wait_for 10 two_workers
w0=$(workers)
check_eq "--workers 2 forks two workers" 2 "$(nworkers)"

# ------------------------------------------------------------ SIGKILL

victim=${w0%% *}
note "SIGKILL worker $victim"
kill -KILL "$victim"
replaced() { [ "$(nworkers)" -eq 2 ] && ! children "$DEMO_PID" | grep -qx "$victim"; }
check "a worker killed with SIGKILL is replaced" wait_for 10 replaced
check "the master survives a worker's death" alive "$DEMO_PID"
check_eq "after the SIGKILL, 10 requests are 200" 0 "$(requests 10)"

# ------------------------------------------------------------ SIGHUP

w1=$(workers)
note "SIGHUP to the master ($DEMO_PID); workers $w1"
kill -HUP "$DEMO_PID"
check_eq "while reloading, 20 requests are 200" 0 "$(requests 20)"
check "SIGHUP replaces both workers" wait_for 15 two_new_workers "$w1"
check "the master survives SIGHUP" alive "$DEMO_PID"
check_eq "after SIGHUP, 10 requests are 200" 0 "$(requests 10)"

# ------------------------------------------------------------ SIGTERM

# Requests in flight when SIGTERM comes are finished (drained), not cut.
w2=$(workers)
inflight=$CIVIC_T/work/inflight
cpids=()
for i in 1 2 3 4 5 6; do
	"$CURL" -s --max-time 10 -o /dev/null -w '%{http_code}\n' "$BASE/demo/" >"$inflight.$i" &
	cpids+=($!)
done
note "SIGTERM to the master ($DEMO_PID)"
kill -TERM "$DEMO_PID"
wait_gone "$DEMO_PID" 15
check "SIGTERM stops the master within 15 s" test "$(alive "$DEMO_PID" && echo up || echo gone)" = gone
wait "${cpids[@]}"
bad=0
for i in 1 2 3 4 5 6; do
	case $(cat "$inflight.$i") in
	200 | 502) ;;	# served, or refused after the socket closed
	*) bad=$((bad + 1)) ;;
	esac
done
check_eq "no request in flight at SIGTERM was cut off" 0 "$bad"
gone_all() { local p; for p in $w2; do alive "$p" && return 1; done; return 0; }
check "the workers are gone after SIGTERM" wait_for 5 gone_all
http GET /demo/
expect_status "after SIGTERM the socket accepts nothing (nginx: 502)" 502
DEMO_PID=

# ------------------------------------------------------------ recycling

civic_demo_start --workers 2 --max-requests 5
wait_for 10 two_workers
w3=$(workers)
note "--max-requests 5, workers $w3"
check_eq "with --max-requests 5, 20 requests are 200" 0 "$(requests 20)"
wait_for 5 two_workers
w4=$(workers)
recycled=0
for p in $w3; do
	children "$DEMO_PID" | grep -qx "$p" || recycled=$((recycled + 1))
done
check "after 20 requests the workers were recycled ($w3 -> $w4)" test "$recycled" -ge 1
check_eq "two workers after recycling" 2 "$(nworkers)"
check "the master survives recycling" alive "$DEMO_PID"
civic_demo_stop

# ------------------------------------------------------------ inherited socket

# spawn-fcgi makes the socket and execs the program with it as standard
# input (no --listen); nginx's server "spawned.test" passes /demo/ to it.
SPAWN_FCGI=${SPAWN_FCGI:-}
find_tool SPAWN_FCGI spawn-fcgi spawn-fcgi
sock=$CIVIC_T/spawned/demo.sock
sargs=(-s "$sock" -M 0660 -n)
[ "$(id -u)" = 0 ] && sargs+=(-G www-data)
"$SPAWN_FCGI" "${sargs[@]}" -- "$DEMO" --config "$CIVIC_T/civic.conf" --workers 2 \
	>>"$CIVIC_T/spawned.log" 2>&1 &
spid=$!
CIVIC_PIDS+=("$spid")
if wait_for 10 test -S "$sock"; then
	pass "spawn-fcgi made the socket"
else
	show_log "$CIVIC_T/spawned.log"
	fail "spawn-fcgi made the socket"
fi
ok=0
for i in $(seq 1 30); do
	http GET /demo/ -H 'Host: spawned.test'
	[ "$STATUS" = 200 ] && { ok=1; break; }
	sleep 0.2
done
check "the program serves the socket it inherits (via nginx)" test "$ok" = 1
expect_body_contains "the inherited-socket page is the rendered list" "示范县"
check "spawn-fcgi runs the program itself (-n execs it)" \
	grep -q 'civic-demo' "/proc/$spid/cmdline"
http GET /demo/
expect_status "the --listen program is still stopped (only the spawned one serves)" 502
kill -TERM "$spid"
check "SIGTERM stops the spawned program within 15 s" wait_gone "$spid" 15

finish
