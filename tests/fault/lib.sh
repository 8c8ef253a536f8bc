# tests/fault/lib.sh: sourced by the fault suites (kill-worker.sh,
# db-restart.sh, commit-drop.sh, sigterm.sh, upload-kill.sh), after the
# integration suites' library, whose stack (private MariaDB, nginx,
# civic-demo.fcgi) they use as it is.  (upload-kill.sh has a load of its
# own, pre-review applications with files, and uses only the stack.)
#
# The load: FAULT_CLIENTS client processes (bash + curl), each posting the
# demo program's note form (POST /demo/new, one note a request, committed
# before the 303) in a loop.  Every note carries a key of its own, unique
# in the run, both as the form's idempotency key and in the note's body.
# A failed post (anything but 303, or no answer) is posted again with the
# SAME key, as a citizen pressing "submit" again does, until it gets its
# 303.  Each client posts from its own loopback addresses (127.C.x.y, one
# a key), so that the route's limit of 30 posts a minute per address
# counts citizens, not the test.
#
# Every answer is recorded (key, attempt, start, status, seconds,
# Location) and fault_check compares the records with the database at the
# end; see doc/fault-tests.md for what it asserts and why.
#
# CIVIC_FAULT_LONG=1 (or `make fault-long`): more clients and a longer run.

. "$(dirname "${BASH_SOURCE[0]}")/../integration/lib.sh"

if [ "${CIVIC_FAULT_LONG:-0}" = 1 ]; then
	FAULT_CLIENTS=${FAULT_CLIENTS:-12}
	FAULT_SECS=${FAULT_SECS:-60}	# how long a scenario's faults go on
else
	FAULT_CLIENTS=${FAULT_CLIENTS:-4}
	FAULT_SECS=${FAULT_SECS:-8}
fi
# A client gives up on one attempt after this (a hang is then status 000,
# which no scenario allows).
FAULT_CURL_TIMEOUT=20
# After the load stops, the clients have this long to get their last keys
# acknowledged; a key still without its 303 then is a failure.
FAULT_SETTLE=30
# The service must answer a write again within this after each fault.
FAULT_RECOVER_MS=5000

F=
F_RUN=
F_CPIDS=()

# urlenc STRING: every byte as %XX (valid in a form body, whatever it is).
urlenc() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g'; }

# fault_setup: the records' directory, the CSRF cookie and token (one for
# every client: the token is derived from the cookie), the form's fields.
fault_setup() {
	F=$CIVIC_T/fault
	mkdir -p "$F"
	F_RUN=$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
	http GET '/demo/new?format=xml' -c "$F/jar"
	local csrf
	csrf=$(xml csrf)
	[ -n "$csrf" ] || die "GET /demo/new gave no CSRF token ($STATUS)"
	F_FORM="csrf=$csrf&title=$(urlenc 故障测试留言)&category=$(urlenc 其他)&name=$(urlenc 测试人)"
	F_FORM="$F_FORM&mobile=13800000000"
	F_BODY=$(urlenc '故障测试留言，编号 ')
	note "fault run $F_RUN: $FAULT_CLIENTS clients, faults for ${FAULT_SECS}s"
}

# fault_post KEY IP RECORDS: posts the note of KEY from IP until it is
# acknowledged (303) or $F/giveup exists; one record line an attempt:
#	KEY ATTEMPT START STATUS SECONDS [LOCATION]
fault_post() {
	local key=$1 ip=$2 rec=$3 a=0 out t0
	while :; do
		a=$((a + 1))
		t0=$EPOCHREALTIME
		out=$("$CURL" -s -o /dev/null --max-time "$FAULT_CURL_TIMEOUT" --interface "$ip" \
			-b "$F/jar" -w '%{http_code} %{time_total} %header{location}' \
			--data-raw "$F_FORM&idem=$key&body=$F_BODY$key" "$BASE/demo/new" 2>/dev/null)
		[ -n "$out" ] || out="000 0"
		printf '%s %s %s %s\n' "$key" "$a" "$t0" "$out" >>"$rec"
		case $out in 303\ *) return 0 ;; esac
		[ -e "$F/giveup" ] && return 1
		sleep 0.2
	done
}

# fault_client C: new keys until $F/stop exists (the key in hand is still
# retried until acknowledged).
fault_client() {
	local c=$1 n=0 key
	while [ ! -e "$F/stop" ]; do
		n=$((n + 1))
		key=$(printf 'f%s-c%02d-%06d' "$F_RUN" "$c" "$n")
		fault_post "$key" "127.$((10 + c)).$((n / 250 % 256)).$((n % 250 + 1))" "$F/answers.$c" ||
			return 0
	done
}

fault_start() {
	local c
	rm -f "$F/stop" "$F/giveup"
	for c in $(seq 1 "$FAULT_CLIENTS"); do
		fault_client "$c" &
		F_CPIDS+=($!)
		CIVIC_PIDS+=($!)
	done
	F_T0=$EPOCHREALTIME
}

# fault_stop: no new keys; waits for the clients to get their last ones
# acknowledged (FAULT_SETTLE seconds at most, then they give up).
fault_stop() {
	local p i=0
	touch "$F/stop"
	F_T1=$EPOCHREALTIME
	while :; do
		for p in "${F_CPIDS[@]}"; do
			alive "$p" && break
			p=
		done
		[ -z "$p" ] && break
		i=$((i + 1))
		if [ "$i" -eq $((FAULT_SETTLE * 10)) ]; then
			note "clients still retrying after ${FAULT_SETTLE}s: giving up"
			touch "$F/giveup"
		fi
		sleep 0.1
	done
	wait "${F_CPIDS[@]}" 2>/dev/null
	F_CPIDS=()
}

# fault_recover WHAT: the time until a write is acknowledged again, with a
# key of its own retried every 0.1 s (its records are checked with the
# rest); must be under FAULT_RECOVER_MS.
FAULT_PROBES=0
fault_recover() {
	local what=$1 key t0 ms out ip
	FAULT_PROBES=$((FAULT_PROBES + 1))
	key=$(printf 'f%s-probe-%04d' "$F_RUN" "$FAULT_PROBES")
	ip=127.9.0.$FAULT_PROBES
	t0=$EPOCHREALTIME
	ms=
	while :; do
		out=$("$CURL" -s -o /dev/null --max-time 10 --interface "$ip" -b "$F/jar" \
			-w '%{http_code} %{time_total} %header{location}' \
			--data-raw "$F_FORM&idem=$key&body=$F_BODY$key" "$BASE/demo/new" 2>/dev/null)
		[ -n "$out" ] || out="000 0"
		printf '%s %s %s %s\n' "$key" 1 "$t0" "$out" >>"$F/answers.probe"
		case $out in 303\ *)
			ms=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%d", (b - a) * 1000 }')
			break ;;
		esac
		if awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { exit !(b - a > 15) }'; then
			break
		fi
		sleep 0.1
	done
	if [ -n "$ms" ]; then
		note "recovery $what: a write acknowledged after $ms ms"
		check "$what: a write is acknowledged again within ${FAULT_RECOVER_MS} ms ($ms ms)" \
			test "$ms" -le "$FAULT_RECOVER_MS"
	else
		fail "$what: no write acknowledged within 15 s"
	fi
	printf '%s\t%s\n' "$what" "${ms:-none}" >>"$F/recoveries"
}

# fault_dump: the notes of this run (note id, key) and their stored answers
# (key, Location), from the database.
fault_dump() {
	# The key is the body's last word (diskfull.sh puts words before it).
	sql "SELECT id, SUBSTRING_INDEX(body, ' ', -1) FROM demo_note
		WHERE body LIKE '故障测试留言，编号 %'
		AND SUBSTRING_INDEX(body, ' ', -1) LIKE 'f${F_RUN}-%'" >"$F/notes" ||
		fail "could not read the notes from the database"
	sql "SELECT idem_key, location FROM idempotency
		WHERE program = 'demo' AND idem_key LIKE 'f${F_RUN}-%'" >"$F/idem" ||
		fail "could not read the idempotency keys from the database"
}

# fault_check "ALLOWED STATUSES" [MAX_MS]: the records against the
# database (see doc/fault-tests.md).  Sets FC_<status> (counts), FC_KEYS,
# FC_ATTEMPTS, FC_STORED, FC_RETRIED, FC_LOSTANSWER, FC_MAXERR_MS (the
# slowest answer that was not a 303), FC_GAP_MS (the longest time without
# an acknowledged write while the load ran), FC_P50_MS, FC_P99_MS, FC_MAX_MS.
fault_check() {
	local allowed=$1 maxms=${2:-} v
	fault_dump
	# In the order the answers came.
	cat "$F"/answers.* 2>/dev/null | awk '{ printf "%.6f %s\n", $3 + $5, $0 }' | sort -g >"$F/records"
	awk -v allowed="$allowed" -v T0="$F_T0" -v T1="$F_T1" '
	BEGIN { split(allowed, a, " "); for (i in a) okst[a[i]] = 1; prev = T0 }
	FILENAME == ARGV[1] { nid[$2]++; id[$2] = $1; next }
	FILENAME == ARGV[2] { iloc[$1] = $2; next }
	{
		t = $1; key = $2; st = $5; ms = $6 * 1000; loc = $7
		if (!(key in seen)) { seen[key] = 1; nkeys++ }
		attempts++; count[st]++
		if ($3 > 1) retried[key] = 1
		if (st == 303) {
			acked[key] = 1
			if ((key in aloc) && aloc[key] != loc) bad_loc[key] = aloc[key] " then " loc
			aloc[key] = loc
			if ((key in id) && id[key] + 0 > maxid) maxid = id[key] + 0
			if (t >= T0 && t <= T1) { if (t - prev > gap) gap = t - prev; prev = t }
			print ms >ARGV[3] ".ms"
		} else {
			if (ms > maxerr) maxerr = ms
			# A note already acknowledged with a higher id: this key
			# note, if stored, was inserted before this error answer.
			if ($3 == 1) maxid_at_err[key] = maxid
		}
		if (!(st in okst)) { unexpected[st]++; if (!(st in ex)) ex[st] = $0 }
	}
	END {
		for (k in nid) {
			if (!(k in seen)) { printf "BAD orphan note %s (id %s): its key was never sent\n", k, id[k]; continue }
			if (nid[k] > 1) printf "BAD twice %s: stored %d times\n", k, nid[k]
		}
		for (k in seen) {
			if (!(k in acked)) { printf "BAD unacked %s: never acknowledged\n", k; continue }
			if (!(k in nid)) { printf "BAD lost %s: acknowledged (%s) but not stored\n", k, aloc[k]; continue }
			want = "/demo/m/" id[k]
			if (aloc[k] != want) printf "BAD location %s: answered %s, the note is %s\n", k, aloc[k], want
			if (!(k in iloc)) printf "BAD idem %s: no idempotency row\n", k
			else if (iloc[k] != want) printf "BAD idem %s: stored answer %s, the note is %s\n", k, iloc[k], want
			if ((k in maxid_at_err) && id[k] + 0 < maxid_at_err[k]) lostanswer++
		}
		for (k in bad_loc) printf "BAD changed %s: 303 to %s\n", k, bad_loc[k]
		for (s in unexpected) printf "BAD status %s: %d answers, e.g. %s\n", s, unexpected[s], ex[s]
		if (T1 - prev > gap) gap = T1 - prev
		printf "FC_KEYS=%d\nFC_ATTEMPTS=%d\nFC_STORED=%d\nFC_RETRIED=%d\nFC_LOSTANSWER=%d\n", nkeys, attempts, length(nid), length(retried), lostanswer
		printf "FC_MAXERR_MS=%d\nFC_GAP_MS=%d\n", maxerr, gap * 1000
		for (s in count) printf "FC_%s=%d\n", s, count[s]
	}' "$F/notes" "$F/idem" "$F/records" >"$F/check" 2>&1
	sort -n "$F/records.ms" 2>/dev/null | awk '{ v[NR] = $1 } END {
		printf "FC_P50_MS=%d\nFC_P99_MS=%d\nFC_MAX_MS=%d\n", v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1], v[NR] }' \
		>>"$F/check"
	for v in 000 303 400 403 422 429 500 502 503 504; do
		printf -v "FC_$v" 0
	done
	# shellcheck disable=SC1090
	. <(grep -E '^FC_[A-Z0-9_]+=[0-9]+$' "$F/check")
	if grep -q '^BAD' "$F/check"; then
		fail "records against the database: $(grep -c '^BAD' "$F/check") problems"
		grep '^BAD' "$F/check" | head -n 20 | sed 's/^/#   /'
		grep -v '^BAD\|^FC_' "$F/check" | head -n 5 | sed 's/^/#   /'
	else
		pass "records against the database: every acknowledged key stored once, with the answer it was given; none twice, none lost"
	fi
	check "the load ran ($FC_KEYS keys, $FC_ATTEMPTS posts)" test "$FC_KEYS" -ge "$FAULT_CLIENTS"
	check_eq "every key sent was acknowledged and is one note ($FC_STORED notes, $FC_KEYS keys)" \
		"$FC_KEYS" "$FC_STORED"
	check "only statuses $allowed were answered" sh -c "! grep -q '^BAD status' '$F/check'"
	if [ -n "$maxms" ]; then
		check "no failed answer took longer than $maxms ms (slowest $FC_MAXERR_MS ms)" \
			test "$FC_MAXERR_MS" -le "$maxms"
	fi
	fault_figures
}

# One line of figures, for doc/fault-tests.md and for the eye.
fault_figures() {
	local s line="keys $FC_KEYS, posts $FC_ATTEMPTS:"
	for s in 303 502 503 500 000; do
		[ "$(eval echo "\$FC_$s")" != 0 ] && line="$line $s×$(eval echo "\$FC_$s")"
	done
	note "figures: $line; retried keys $FC_RETRIED (of which committed before their error answer: $FC_LOSTANSWER);" \
		"303 latency p50 ${FC_P50_MS} ms p99 ${FC_P99_MS} ms max ${FC_MAX_MS} ms;" \
		"slowest error ${FC_MAXERR_MS} ms; longest time without an acknowledged write ${FC_GAP_MS} ms"
}

# The program's workers, sorted, on one line.
workers() { children "$DEMO_PID" | sort -n | tr '\n' ' ' | sed 's/ $//'; }
nworkers() { children "$DEMO_PID" | wc -l; }
