#!/bin/bash
# kill-worker.sh: fault 1.  Under a load of note submissions, a random
# worker of civic-demo.fcgi is killed with SIGKILL every second.  Only the
# request a killed worker was serving may fail (nginx: 502), so there are
# at most as many 502s as kills; every other post is a 303; the master
# replaces each worker; every acknowledged note is stored once, and a
# retried one (same key) is never stored twice.

. "$(dirname "$0")/lib.sh"

NW=4
civic_stack_up --workers "$NW"
master=$DEMO_PID
fault_setup
fault_start
sleep 1

kills=0
killed=
for i in $(seq 1 "$FAULT_SECS"); do
	sleep 1
	mapfile -t ws < <(children "$DEMO_PID")
	[ "${#ws[@]}" -gt 0 ] || continue
	v=${ws[RANDOM % ${#ws[@]}]}
	if kill -KILL "$v" 2>/dev/null; then
		kills=$((kills + 1))
		killed="$killed $v"
	fi
done
note "$kills workers killed:$killed"
fault_recover "after the last SIGKILL"
sleep 1
fault_stop

fault_check "303 502" 5000
check "a worker was killed every second ($kills kills in ${FAULT_SECS}s)" \
	test "$kills" -ge $((FAULT_SECS - 1))
check "at most one 502 a kill (the killed worker's request): $FC_502 502s, $kills kills" \
	test "$FC_502" -le "$kills"
check "the load went on between kills: longest time without an acknowledged write ${FC_GAP_MS} ms < ${FAULT_RECOVER_MS} ms" \
	test "$FC_GAP_MS" -lt "$FAULT_RECOVER_MS"
replaced() {
	local p
	[ "$(nworkers)" -eq "$NW" ] || return 1
	for p in $killed; do
		alive "$p" && return 1
	done
	return 0
}
check "every killed worker is gone and $NW workers serve again" wait_for 5 replaced
check_eq "the master is the one started (pid $master)" "$master" "$DEMO_PID"
check "the master survived" alive "$master"
note "RESULT kill-worker: kills $kills, 502 $FC_502, keys $FC_KEYS, posts $FC_ATTEMPTS, retried $FC_RETRIED, committed-before-error $FC_LOSTANSWER, longest gap $FC_GAP_MS ms, recovery $(cut -f2 "$F/recoveries" | tr '\n' ' ')ms"
finish
