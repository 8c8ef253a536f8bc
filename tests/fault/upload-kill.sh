#!/bin/bash
# upload-kill.sh: fault 5.  Pre-review applications with files, each
# worker of civic-prereview.fcgi killed with SIGKILL right after each
# acknowledged application (the issue: "uploads survive a worker being
# killed right after the response").  civic-prereview.fcgi runs 2
# workers on its own item (made here by SQL: one reviewing department,
# two required materials).  Each application sends two PDF files of 300
# to 600 KB (random bytes after the header, so that every file is
# different and spans 2 or 3 chunks of CIVIC_FILE_CHUNK) under a key of
# its own; as soon as its 303 arrives, every worker of the program is
# killed, and the next application waits for the master to have replaced
# them.  A post answered by anything but a 303 is posted again with the
# same key, as a citizen pressing "submit" again does.
#
# Then, for every application acknowledged: it is in the database exactly
# once (one row for its key's serial, as many rows as keys in all), its
# key's idempotency row holding the receipt it was answered, with both
# uploads; each stored file's chunks are numbered 0..n-1, as many as
# CIVIC_FILE_CHUNK makes of its size and as its row says, and add up to
# its size; its SHA-256 (the row's, and that of its chunks put together,
# computed by MariaDB) is the sent file's; downloaded through the progress
# page's file link with the grant cookie the application's answer gave
# its browser, it is byte-identical to the sent file.  A retry with the
# same key answers the same receipt (the same serial) and makes no second
# application or file.  Every post must be a 303 at the first attempt:
# the kills come after the answers, and the next post waits until the
# master has replaced the workers.
#
# 8 applications in make check (about 20 s on two idle cores), 50 with
# CIVIC_FAULT_LONG=1; FAULT_APPS sets the number.

. "$(dirname "$0")/lib.sh"

if [ "${CIVIC_FAULT_LONG:-0}" = 1 ]; then
	N=${FAULT_APPS:-50}
	RETRY=$(seq 1 "$N")
else
	N=${FAULT_APPS:-8}
	# A retry posts the whole form again: three keys (the first, one
	# between, the last) in the short form, every key in the long one.
	RETRY="1 $(((N + 1) / 2)) $N"
fi
NW=2

civic_stack_up --workers 1
W=$CIVIC_T/work
mkdir -p "$W"
# No minimum time to fill the form in: the posts follow the form at once.
awk '
	/^[ \t]*\[.*\][ \t]*$/ { s = $0; gsub(/[][ \t]/, "", s) }
	s == "prereview" && /^min_fill_seconds *=/ { print "min_fill_seconds = 0"; next }
	{ print }
' "$CIVIC_T/civic.conf" >"$CIVIC_T/civic.conf.new" && mv "$CIVIC_T/civic.conf.new" "$CIVIC_T/civic.conf"
chmod 0600 "$CIVIC_T/civic.conf"
civic_program_start prereview --workers "$NW"
PR=$PROGRAM_PID
# The master's live workers.  The kernel's list of its children when it
# has one (lib.sh's children() reads every process's stat file, seconds on
# a busy machine), without the zombies the master has not reaped yet.
pr_children() {
	local p st
	if [ -r "/proc/$PR/task/$PR/children" ]; then
		for p in $(cat "/proc/$PR/task/$PR/children" 2>/dev/null); do
			{ read -r _ _ st _ <"/proc/$p/stat"; } 2>/dev/null && [ "$st" != Z ] && echo "$p"
		done
		return 0
	fi
	children "$PR"
}
pr_workers() { pr_children | sort -n | tr '\n' ' ' | sed 's/ $//'; }
pr_nworkers() { pr_children | wc -l; }
all_workers() { [ "$(pr_nworkers)" -eq "$NW" ]; }
wait_for 10 all_workers || die "civic-prereview.fcgi did not start $NW workers"

# ---------------------------------------------------------------- the item
sql "INSERT INTO department (code, name) VALUES ('fk-sp', '县行政审批局')"
DEPT=$(sql "SELECT id FROM department WHERE code = 'fk-sp'")
CODE=510124000000-XK-0951
sql "INSERT INTO pr_item (code, name, kind, department_id, audience, legal_days, promised_days,
	online, pickup_window, licence, updated_at) VALUES ('$CODE', '食品经营许可（新办）',
	'行政许可', $DEPT, 'person', 20, 5, 1, '3号窗口', '食品经营许可证', NOW())"
ITEM=$(sql "SELECT id FROM pr_item WHERE code = '$CODE'")
sql "INSERT INTO pr_item_department (item_id, department_id, days) VALUES ($ITEM, $DEPT, 5)"
sql "INSERT INTO pr_material (item_id, seq, name, form) VALUES
	($ITEM, 1, '食品经营许可申请书', 'original'), ($ITEM, 2, '经营场所平面图', 'copy')"
PATH_APPLY=/prereview/item/$CODE/apply

# An ID number with its GB 11643 check digit, from its first 17 digits.
idcard() {
	local s=$1 w=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) c=10X98765432 i sum=0
	for i in $(seq 0 16); do
		sum=$((sum + ${s:i:1} * w[i]))
	done
	printf '%s%s\n' "$s" "${c:sum % 11:1}"
}
PID_OK=$(idcard 51012419800101001)

# The files: a PDF header, then 300 to 600 KB of random bytes.
for i in $(seq 1 "$N"); do
	for m in 1 2; do
		{ printf '%%PDF-1.4\n%% application %d material %d\n' "$i" "$m"
		  head -c $((300000 + RANDOM * 9)) /dev/urandom; } >"$W/a$i-m$m.pdf"
	done
done

# The form's keys (CSRF token, the signed time it was issued), once: every
# application's browser gets the same CSRF cookie from the shared jar.
http GET "$PATH_APPLY?format=xml" -c "$W/form.jar"
expect_status "the application form" 200
CSRF=$(xml csrf)
ISSUED=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
SIG=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
[ -n "$CSRF" ] && [ -n "$ISSUED" ] && [ -n "$SIG" ] || die "the form gave no CSRF token or form time"
RUN=$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')

# post I KEY: application I under KEY from its own loopback address (the
# route allows 30 an hour per address) with its own cookie jar (which
# receives the grant of its progress page); prints "STATUS LOCATION".
post() {
	local i=$1 key=$2
	cp "$W/form.jar" "$W/a$i.jar" 2>/dev/null || true
	"$CURL" -s -o "$W/a$i.body" --max-time 30 --interface "127.21.0.$i" \
		-b "$W/a$i.jar" -c "$W/a$i.jar" -w '%{http_code} %header{location}' \
		--form-string "csrf=$CSRF" --form-string "idem=$key" \
		--form-string "issued=$ISSUED" --form-string "sig=$SIG" \
		--form-string applicant_kind=person --form-string "name=故障测试$i" \
		--form-string "phone=1380001$(printf %04d "$i")" --form-string consent=1 \
		--form-string "id_card=$PID_OK" \
		-F "m1=@$W/a$i-m1.pdf;type=application/pdf" -F "m2=@$W/a$i-m2.pdf;type=application/pdf" \
		"$BASE$PATH_APPLY" 2>/dev/null || true
}

# ---------------------------------------------------------------- the load
kills=0 posts=0 errors=0 unreplaced=0 t0=$EPOCHREALTIME
declare -A KEY LOC
for i in $(seq 1 "$N"); do
	KEY[$i]=$(printf 'uk%s-%04d-%s' "$RUN" "$i" "$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')")
	a=0
	while :; do
		a=$((a + 1))
		posts=$((posts + 1))
		out=$(post "$i" "${KEY[$i]}")
		st=${out%% *}
		[ "$st" = 303 ] && break
		errors=$((errors + 1))
		note "application $i, attempt $a: $out"
		[ "$a" -ge 5 ] && break
		sleep 0.2
	done
	LOC[$i]=${out#* }
	[ "$st" = 303 ] || { fail "application $i: no 303 in $a attempts (last: $out)"; continue; }
	# Right after the answer: every worker, SIGKILL.
	ws=$(pr_workers)
	for v in $ws; do
		kill -KILL "$v" 2>/dev/null && kills=$((kills + 1))
	done
	replaced() {
		local p
		all_workers || return 1
		for p in $ws; do
			alive "$p" && return 1
		done
		return 0
	}
	wait_for 10 replaced || unreplaced=$((unreplaced + 1))
done
secs=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')

check_eq "every application was acknowledged (303) and its workers killed right after" "" \
	"$(for i in $(seq 1 "$N"); do case ${LOC[$i]} in /prereview/sent/YS*) ;; *) echo "$i" ;; esac; done)"
check "all $NW workers killed after each of the $N answers ($kills kills)" test "$kills" -ge $((N * NW))
check_eq "the master replaced them every time" 0 "$unreplaced"
check "the master is alive" alive "$PR"
check_eq "no answer but 303 (the kills came after the answers)" 0 "$errors"

# ---------------------------------------------------------------- the database
# What was sent, as the queries below print it (one query for all: the
# client's start-up is what costs on a busy machine).  A file's chunks:
# CIVIC_FILE_CHUNK bytes each but the last (modules/core/limits.h).
CHUNK=$(sed -n 's/^#define CIVIC_FILE_CHUNK[ \t]*(\([0-9]*\)u \* \([0-9]*\)u).*/\1 * \2/p' \
	"$top_srcdir/modules/core/limits.h")
CHUNK=$((CHUNK))
[ "$CHUNK" -gt 0 ] || die "no CIVIC_FILE_CHUNK in modules/core/limits.h"
SER=()
: >"$W/want.files"
: >"$W/want.keys"
for i in $(seq 1 "$N"); do
	SER[$i]=${LOC[$i]#/prereview/sent/}
	printf '%s\t%s\n' "${KEY[$i]}" "${LOC[$i]}" >>"$W/want.keys"
	for m in 1 2; do
		f=$W/a$i-m$m.pdf
		size=$(stat -c %s "$f")
		sha=$(sha256sum "$f" | cut -d' ' -f1 | tr a-f A-F)
		n=$(((size + CHUNK - 1) / CHUNK))
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t0\t%s\t%s\t%s\n' "${SER[$i]}" "故障测试$i" "$m" \
			"$size" "$sha" "$n" "$n" $((n - 1)) "$size" "$sha" >>"$W/want.files"
	done
done
sort -o "$W/want.files" "$W/want.files"
sort -o "$W/want.keys" "$W/want.keys"
check_eq "as many applications as keys acknowledged" "$N" \
	"$(sql "SELECT COUNT(*) FROM pr_application WHERE item_id = $ITEM")"
sql "SELECT idem_key, location FROM idempotency WHERE program = 'prereview'
	AND idem_key LIKE 'uk$RUN-%'" | sort >"$W/got.keys"
check_eq "each key's idempotency row holds the receipt its answer named" "" \
	"$(diff "$W/want.keys" "$W/got.keys")"
# Every upload with a file of the item's applications: the application
# (serial, name), the material, the file's size and SHA-256 and number of
# chunks as its row says them; its chunks' count, first and last numbers,
# total bytes and the SHA-256 of their bytes put together in order.
sql "SET SESSION group_concat_max_len = 16777216;
	SELECT a.serial, a.name, mt.seq, f.size, HEX(f.sha256), f.chunks, COUNT(c.seq), MIN(c.seq),
	MAX(c.seq), SUM(LENGTH(c.data)),
	UPPER(SHA2(GROUP_CONCAT(c.data ORDER BY c.seq SEPARATOR ''), 256))
	FROM pr_application a JOIN pr_upload u ON u.application_id = a.id
	JOIN pr_material mt ON mt.id = u.material_id JOIN stored_file f ON f.id = u.file_id
	LEFT JOIN stored_chunk c ON c.file_id = f.id
	WHERE a.item_id = $ITEM GROUP BY u.id" | sort >"$W/got.files"
check_eq "each application stored once, with its two files whole: chunks 0..n-1 of CIVIC_FILE_CHUNK ($(grep -c . "$W/want.files") files, $(awk -F'\t' '{ n += $6 } END { print n }' "$W/want.files") chunks), adding up to the size, the SHA-256 of the row and of the chunks the sent file's" \
	"" "$(diff "$W/want.files" "$W/got.files")"
check "… each file in more than one chunk" awk -F'\t' '$6 < 2 { exit 1 }' "$W/want.files"

# ---------------------------------------------------------------- downloads
bad=
for i in $(seq 1 "$N"); do
	s=${SER[$i]}
	http GET "/prereview/case/$s?format=xml" -b "$W/a$i.jar"
	if [ "$STATUS" != 200 ]; then
		bad="$bad $i:progress($STATUS)"
		continue
	fi
	for m in 1 2; do
		up=$(tr -d '\n' <"$BODY" | grep -o "<material seq=\"$m\" [^>]*upload=\"[0-9]*\"" |
			sed 's/.*upload="//; s/"$//')
		if [ -z "$up" ]; then
			bad="$bad $i.m$m:no-link"
			continue
		fi
		"$CURL" -s -o "$W/got-$i-$m" -w '%{http_code}' -b "$W/a$i.jar" \
			"$BASE/prereview/case/$s/file/$up" >"$W/got-$i-$m.st" 2>/dev/null || true
		[ "$(cat "$W/got-$i-$m.st")" = 200 ] && cmp -s "$W/got-$i-$m" "$W/a$i-m$m.pdf" ||
			bad="$bad $i.m$m:download($(cat "$W/got-$i-$m.st"))"
	done
done
check_eq "every file downloads byte-identical through the progress page's link (the grant cookie of its browser)" \
	"" "$bad"

# ---------------------------------------------------------------- retries
bad=
for i in $(printf '%s\n' $RETRY | sort -un); do
	out=$(post "$i" "${KEY[$i]}")
	[ "$out" = "303 ${LOC[$i]}" ] || bad="$bad $i:($out)"
done
check_eq "a retry with the same key answers the same receipt (the same serial; keys $(echo $RETRY))" "" "$bad"
check_eq "… and makes no second application" "$N" \
	"$(sql "SELECT COUNT(*) FROM pr_application WHERE item_id = $ITEM")"
check_eq "… nor a second upload or file" "$((N * 2)) $((N * 2))" \
	"$(sql "SELECT COUNT(*), COUNT(DISTINCT u.file_id) FROM pr_upload u
		JOIN pr_application a ON a.id = u.application_id WHERE a.item_id = $ITEM" | tr '\t' ' ')"
check "no worker died of anything but the kills (no crash logged)" \
	sh -c "! grep -qiE 'segfault|abort|assert' '$CIVIC_T/prereview.log'"

bytes=$(cat "$W"/a*-m*.pdf | wc -c)
note "RESULT upload-kill: applications $N, posts $posts, non-303 $errors, kills $kills (all $NW workers after each answer), files $((N * 2)) of $((bytes / N / 2 / 1000)) KB on average, chunks $(sql "SELECT COUNT(*) FROM stored_chunk c JOIN pr_upload u ON u.file_id = c.file_id JOIN pr_application a ON a.id = u.application_id WHERE a.item_id = $ITEM"), ${secs}s"
finish
