#!/bin/bash
# db-restart.sh: fault 2.  Under a load of note submissions MariaDB is
# shut down cleanly and started again, and later killed with SIGKILL and
# started again (crash recovery).  While it is down every post is a 503,
# and a fast one (the configured connect timeout is 2 s: no answer may take
# 5 s); once it is back the same workers (no restart) reconnect, prepare
# their statements again and acknowledge writes within 5 s; every
# acknowledged note is stored once, none twice.

. "$(dirname "$0")/lib.sh"

NW=3
DOWN=2		# seconds MariaDB stays down each time
PHASE=$(( FAULT_SECS / 3 > 2 ? FAULT_SECS / 3 : 2 ))
# No recycling (--max-requests) in the long form: the same workers must serve throughout.
civic_stack_up --workers "$NW" --max-requests 1000000
master=$DEMO_PID
w0=$(workers)
fault_setup
fault_start
sleep "$PHASE"

rounds=$(( ${CIVIC_FAULT_LONG:-0} == 1 ? 3 : 1 ))
for r in $(seq 1 "$rounds"); do
	note "round $r: clean shutdown of MariaDB (mariadb-admin shutdown)"
	civic_db_stop
	sleep "$DOWN"
	civic_db_start
	fault_recover "after MariaDB's clean restart (round $r)"
	sleep "$PHASE"

	note "round $r: SIGKILL to mariadbd ($DB_PID)"
	kill -KILL "$DB_PID"
	wait_gone "$DB_PID" 10
	DB_PID=
	sleep "$DOWN"
	civic_db_start
	fault_recover "after mariadbd was killed and started again (round $r)"
done
# From here on every worker must acknowledge writes again.  Which worker
# takes a post is the kernel's choice: on a busy machine one may see none
# in a short phase, so the load goes on (15 s at most) until each has one.
mark=$(wc -c <"$CIVIC_T/demo.log")
# wrote PID: worker PID acknowledged a post since the mark.
wrote() { tail -c +"$((mark + 1))" "$CIVIC_T/demo.log" | grep -q "civic-demo\[$1\].*POST /demo/new 303"; }
all_wrote() {
	local p
	for p in $w0; do wrote "$p" || return 1; done
}
sleep "$PHASE"
stop_at=$((SECONDS + 15))
until all_wrote || [ "$SECONDS" -ge "$stop_at" ]; do
	sleep 1
done
fault_stop

fault_check "303 503" 5000
check "the outages were met: $FC_503 posts answered 503" test "$FC_503" -gt 0
check "the workers saw the connection lost" grep -q 'database connection lost\|cannot connect to the database' "$CIVIC_T/demo.log"
check_eq "the same master serves (pid $master, no restart)" "$master" "$DEMO_PID"
check "the master survived" alive "$master"
check_eq "the same workers serve (no worker restarted)" "$w0" "$(workers)"
nw_ok=0
for p in $w0; do
	if wrote "$p"; then
		nw_ok=$((nw_ok + 1))
	else
		note "worker $p acknowledged no write after the last restart"
	fi
done
check_eq "every worker reconnected and wrote again (its own POST 303 in the log)" "$NW" "$nw_ok"
note "RESULT db-restart: rounds $rounds, 503 $FC_503, slowest 503 $FC_MAXERR_MS ms, keys $FC_KEYS, posts $FC_ATTEMPTS, retried $FC_RETRIED, committed-before-error $FC_LOSTANSWER, recovery $(cut -f2 "$F/recoveries" | tr '\n' ' ')ms"
finish
