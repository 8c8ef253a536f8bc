#!/bin/bash
# diskfull.sh: fault 6.  MariaDB's data directory is on a small
# loop-mounted ext4 filesystem of its own; under a load of note
# submissions a filler file takes every free block.  InnoDB then refuses
# the writes that need its tablespaces to grow, at once, with 1114 ("The
# table ... is full"; it does not wait, as the older engines' "disk full;
# waiting for someone to free space" does): the program logs "database
# storage full" and answers 503 (its page says the service is
# unavailable), never a 500 and never a hang; nothing is half-written
# (each stored note has its SMS in the outbox and its key's answer, every
# acknowledged key is one note); once the filler is removed the same
# workers (no restart) acknowledge writes again within 5 s.
#
# Needs root (mount) and a loop device: otherwise skipped (77) with the
# reason; as root under CIVIC_REQUIRE_ALL=1 a filesystem that cannot be
# made or mounted is a failure.

. "$(dirname "$0")/lib.sh"

NW=3
PHASE=2		# seconds of load before the disk fills, and after it is freed
# The filesystem holds the data directory (what the migrations left) and
# this much more, which the filler takes: room for InnoDB's temporary
# tablespace (ibtmp1, 12 MB, made again at each start) and the first posts.
DF_ROOM_MB=48
# After the filler, InnoDB goes on writing into the free pages its files
# already have; the first refused write must come within this.
DF_FULL_WAIT=40
# How long the disk stays full once writes are refused.
if [ "${CIVIC_FAULT_LONG:-0}" = 1 ]; then
	DF_HOLD=$(( FAULT_SECS / 3 ))
	DF_ROUNDS=3
else
	DF_HOLD=3
	DF_ROUNDS=1
fi

# skip_or_fail REASON: a skip (77), or a failure under CIVIC_REQUIRE_ALL=1.
skip_or_fail() {
	if [ "${CIVIC_REQUIRE_ALL:-0}" = 1 ]; then
		printf 'FAIL - %s (CIVIC_REQUIRE_ALL=1)\n0 passed, 1 failed\n' "$1"
		exit 99
	fi
	note "skipped: $1"
	exit 77
}
if [ "$(id -u)" != 0 ]; then
	note "skipped: mounting a loop filesystem needs root (this runs as $(id -un))"
	exit 77
fi
MKFS=$(command -v mkfs.ext4 2>/dev/null) ||
	skip_or_fail "mkfs.ext4 not found: install the Debian package e2fsprogs"
if ! command -v mount >/dev/null 2>&1 || ! command -v umount >/dev/null 2>&1; then
	skip_or_fail "mount not found: install the Debian package mount"
fi
# A loop mount must work here (a container may have no loop devices).
df_try=$(mktemp -d "${TMPDIR:-/tmp}/civic-df.XXXXXX") || die "mktemp -d failed"
if truncate -s 8M "$df_try/img" && "$MKFS" -q -F "$df_try/img" >"$df_try/out" 2>&1 &&
    mkdir "$df_try/mnt" && mount -o loop "$df_try/img" "$df_try/mnt" >>"$df_try/out" 2>&1; then
	umount "$df_try/mnt"
	rm -rf "$df_try"
else
	why=$(tr '\n' ' ' <"$df_try/out")
	rm -rf "$df_try"
	skip_or_fail "cannot mount a loop filesystem as root: $why"
fi

civic_stack_up --workers "$NW" --max-requests 1000000
master=$DEMO_PID
w0=$(workers)

# The mount goes away in every exit path, after the server that uses it.
DF_MNT=$CIVIC_T/dbfs
df_cleanup() {
	local rc=$? try
	trap - EXIT
	civic_db_stop
	if mountpoint -q "$DF_MNT" 2>/dev/null; then
		for try in 1 2 3 4 5 6 7 8 9 10; do
			umount "$DF_MNT" 2>/dev/null && break
			note "unmount $DF_MNT, try $try: busy"
			sleep 0.3
		done
		mountpoint -q "$DF_MNT" && { note "$DF_MNT busy: lazy unmount"; umount -l "$DF_MNT"; }
	fi
	(exit "$rc")
	civic_cleanup
}
trap df_cleanup EXIT

# The data directory moves to the small filesystem: a clean shutdown, a
# copy, and the server started on it; the workers reconnect by themselves.
civic_db_stop
mb=$(du -sm "$CIVIC_T/db/data" | cut -f1)
truncate -s "$((mb + DF_ROOM_MB))M" "$CIVIC_T/db.img"
"$MKFS" -q -F -m 0 "$CIVIC_T/db.img" || die "mkfs.ext4 failed"
mkdir -p "$DF_MNT"
mount -o loop "$CIVIC_T/db.img" "$DF_MNT" || die "mount -o loop failed (as root)"
cp -a "$CIVIC_T/db/data" "$DF_MNT/data" || die "could not copy the data directory"
rm -rf "$CIVIC_T/db/data"
sed -i "s|^datadir=.*|datadir=$DF_MNT/data|" "$CIVIC_T/db/my.cnf"
civic_db_start
note "data directory on a loop-mounted ext4 of $((mb + DF_ROOM_MB)) MB ($mb MB of data): $(df -h --output=avail "$DF_MNT" | tail -n 1 | tr -d ' ') free"
wait_for 10 sql "SELECT 1" >/dev/null || die "MariaDB does not answer on the small filesystem"

fault_setup
# Notes of 2000 characters (6 KB of UTF-8, kept in the row: two rows a
# page), the key still the body's last word: the free room InnoDB's files
# have when the disk fills is used up in seconds of posts, not minutes.
# Not 3000 (the form's most): a body that long is stored off-page, and
# MariaDB 10.11 then aborts on the full disk ("[FATAL] InnoDB: Error (Out
# of disk space) in rollback"; see doc/fault-tests.md).
F_BODY=$(urlenc "故障测试留言，编号 $(printf '满%.0s' $(seq 1 2000)) ")
fault_start
sleep "$PHASE"

# n503: the 503s recorded so far.
n503() { cat "$F"/answers.* 2>/dev/null | awk '$4 == 503' | wc -l; }
page_ok=0
fill_ms=()
for r in $(seq 1 "$DF_ROUNDS"); do
	note "round $r: filling the data directory's filesystem"
	before=$(n503)
	t0=$EPOCHREALTIME
	# Megabytes, then the last blocks (until ENOSPC each time).
	dd if=/dev/zero of="$DF_MNT/filler" bs=1M status=none 2>/dev/null
	dd if=/dev/zero of="$DF_MNT/filler2" bs=4k status=none 2>/dev/null
	check "round $r: the filesystem is full ($(df --output=avail -k "$DF_MNT" | tail -n 1 | tr -d ' ') KB free)" \
		test "$(df --output=avail -k "$DF_MNT" | tail -n 1)" -lt 1024
	stop_at=$((SECONDS + DF_FULL_WAIT))
	until [ "$(n503)" -gt "$before" ] || [ "$SECONDS" -ge "$stop_at" ]; do
		sleep 0.1
	done
	ms=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%d", (b - a) * 1000 }')
	fill_ms+=("$ms")
	if [ "$(n503)" -gt "$before" ]; then
		pass "round $r: writes refused with 503 ${ms} ms after the disk filled"
	else
		fail "round $r: no 503 within ${DF_FULL_WAIT}s of the disk filling"
	fi
	# What a citizen sees: a 503 page that says so (a key of its own, in
	# the records: its retries below must store it once).
	key=$(printf 'f%s-page-%06d' "$F_RUN" "$r")
	http POST /demo/new --interface "127.9.1.$r" -b "$F/jar" \
		--data-raw "$F_FORM&idem=$key&body=$F_BODY$key"
	printf '%s 1 %s %s 0\n' "$key" "$EPOCHREALTIME" "$STATUS" >>"$F/answers.page"
	if [ "$STATUS" = 503 ] && grep -q '服务暂时不可用\|Service temporarily unavailable' "$BODY"; then
		page_ok=$((page_ok + 1))
	else
		note "round $r: a post while the disk was full: $STATUS $(head -c 200 "$BODY" | tr '\n' ' ')"
	fi
	sleep "$DF_HOLD"
	note "round $r: the filler removed"
	rm -f "$DF_MNT/filler" "$DF_MNT/filler2"
	fault_recover "after space returned (round $r)"
	# The page's key, posted again as a citizen would: acknowledged now
	# (15 s at most, or it is left unacknowledged: a failure below).
	fault_post "$key" "127.9.1.$r" "$F/answers.page" &
	pp=$!
	CIVIC_PIDS+=("$pp")
	wait_gone "$pp" 15 || { touch "$F/giveup"; wait_gone "$pp" 25; rm -f "$F/giveup"; }
	sleep "$PHASE"
done
fault_stop

fault_check "303 503" 5000
check "the disk-full posts were answered 503 ($FC_503), none 500 ($FC_500)" \
	test "$FC_503" -gt 0 -a "$FC_500" -eq 0
check_eq "each round's post while the disk was full: a 503 whose page says the service is unavailable" \
	"$DF_ROUNDS" "$page_ok"
check "the program logged the full storage (\"database storage full (1114\")" \
	grep -q 'database storage full (1114' "$CIVIC_T/demo.log"
check "MariaDB logged it (\"is full\")" grep -q 'is full' "$CIVIC_T/db/error.log"

# Nothing half-written: every note of the run has its one SMS in the outbox
# and its key's stored answer; no key claimed without its answer.
bad=$(sql "SELECT COUNT(*) FROM demo_note n
	WHERE n.body LIKE '故障测试留言，编号 f${F_RUN}-%'
	AND (SELECT COUNT(*) FROM notify_outbox o WHERE o.template = 'demo.note.created'
		AND o.params LIKE CONCAT('%\"id\":\"', n.id, '\"%')) <> 1") || bad=query-failed
check_eq "every stored note has exactly one SMS in the outbox" 0 "$bad"
outbox=$(sql "SELECT COUNT(*) FROM notify_outbox WHERE template = 'demo.note.created'
	AND params LIKE '%故障测试留言%'")
check_eq "as many SMS as notes, none without its note ($outbox)" "$FC_STORED" "$outbox"
bad=$(sql "SELECT COUNT(*) FROM idempotency WHERE program = 'demo'
	AND idem_key LIKE 'f${F_RUN}-%' AND location = ''") || bad=query-failed
check_eq "no key claimed without its answer (location '')" 0 "$bad"

check_eq "the same master serves (pid $master, no restart)" "$master" "$DEMO_PID"
check_eq "the same workers serve (no worker restarted)" "$w0" "$(workers)"
note "RESULT diskfull: rounds $DF_ROUNDS, first 503 after ${fill_ms[*]} ms, 503 $FC_503, slowest 503 $FC_MAXERR_MS ms, keys $FC_KEYS, posts $FC_ATTEMPTS, retried $FC_RETRIED, committed-before-error $FC_LOSTANSWER, recovery $(cut -f2 "$F/recoveries" | tr '\n' ' ')ms"
finish
