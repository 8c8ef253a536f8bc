#!/bin/bash
# notify.sh: notifications against a private MariaDB server.
#
# Messages are enqueued as a feature does it (tests/integration/
# notify_enqueue.c, inside civic_db_tx); a rolled-back transaction leaves
# none.  Two `civicctl notify` workers run at once against the file
# transport and every message is delivered exactly once.  --once sends
# what is due and exits; a failing SMS command is retried with backoff
# and ends 'failed' after notify.max_attempts; a template asking for a
# parameter the message lacks fails at once; a row left 'sending' by a
# dead worker is taken over; SIGTERM stops a worker cleanly.

. "$(dirname "$0")/lib.sh"

find_tool MARIADBD mariadbd mariadb-server
find_tool MARIADB_INSTALL_DB mariadb-install-db mariadb-server
find_tool MARIADB_ADMIN mariadb-admin mariadb-client
find_tool MARIADB mariadb mariadb-client
CIVICCTL=$top_builddir/civicctl
ENQUEUE=$top_builddir/tests/integration/notify_enqueue
[ -x "$CIVICCTL" ] || die "$CIVICCTL not built (run make first)"
[ -x "$ENQUEUE" ] || die "$ENQUEUE not built (run make check)"

civic_tmp
civic_db_init
civic_db_start
civic_db_setup
civic_write_config
civic_migrate

OUT=$CIVIC_T/work/notify.out
# notify_conf NAME KEY=VALUE...: civic.conf with a [notify] section
# appended (a later value of a key replaces the example's).
notify_conf() {
	local f=$CIVIC_T/$1.conf kv
	shift
	cp "$CIVIC_T/civic.conf" "$f"
	{
		echo
		echo "[notify]"
		echo "templates = $top_srcdir/examples/notify-templates.txt"
		echo "file = $OUT"
		echo "poll_seconds = 1"
		echo "timeout = 5"
		echo "reclaim_seconds = 60"
		for kv in "$@"; do
			echo "${kv%%=*} = ${kv#*=}"
		done
	} >>"$f"
	chmod 0600 "$f"
}
notify_conf file transport_sms=file transport_email=file
notify_conf fail transport_sms=command "sms_command=/bin/false {phone} {text}" \
	transport_email=none max_attempts=3 backoff_seconds=1
FILE_CONF=$CIVIC_T/file.conf
FAIL_CONF=$CIVIC_T/fail.conf

enqueue() { CIVIC_CONFIG=$FILE_CONF "$ENQUEUE" "$@" 2>>"$CIVIC_T/enqueue.log"; }
count() { sql "SELECT COUNT(*) FROM notify_outbox WHERE $1"; }
# records: the ids of the records in the file, one a line, sorted.
records() { sed -n 's/^=== id=\([0-9]*\) .*/\1/p' "$OUT" 2>/dev/null | sort -n; }

# start_worker CONF LOG: a worker in the background; its pid in WORKER.
WORKER=
start_worker() {
	"$CIVICCTL" --config "$1" notify >>"$2" 2>&1 &
	WORKER=$!
	CIVIC_PIDS+=("$WORKER")
}

# stop_worker NAME PID: SIGTERM; the worker must exit 0 within 10 s.
stop_worker() {
	local rc
	kill -TERM "$2" 2>/dev/null
	if wait_gone "$2" 10; then
		wait "$2"
		rc=$?
		check_eq "$1 stops on SIGTERM with status 0" 0 "$rc"
	else
		fail "$1 still running 10 s after SIGTERM"
	fi
}

# ---------------------------------------------------------------- the command

"$CIVICCTL" notify --help >"$CIVIC_T/help.out" 2>&1
check_eq "civicctl notify --help exits 0" 0 "$?"
check "civicctl --help lists notify" bash -c "'$CIVICCTL' --help | grep -q '^  notify '"
out=$("$CIVICCTL" --config "$FILE_CONF" notify --check 2>&1)
check_eq "notify --check accepts the shipped templates" 0 "$?"
note "$out"
"$CIVICCTL" --config "$CIVIC_T/civic.conf" notify --once >"$CIVIC_T/none.log" 2>&1
check_eq "a worker with no transport refuses to start" 1 "$?"
"$CIVICCTL" --config "$FILE_CONF" notify --bogus >/dev/null 2>&1
check_eq "an unknown option is a usage error" 2 "$?"

# ---------------------------------------------------------------- enqueue

enqueue --rollback sms 13800138000 demo.note.created zh-CN 5 title=回滚
check_eq "notify_enqueue --rollback ran" 0 "$?"
check_eq "a rolled-back transaction leaves no message" 0 "$(count 1)"

enqueue sms 13800138000 demo.note.created zh-CN 250 title=路灯不亮
check_eq "250 SMS enqueued" 0 "$?"
enqueue email li.si@example.com demo.note.created en 150 "title=Street light"
check_eq "150 e-mails enqueued" 0 "$?"
check_eq "400 pending messages" 400 "$(count "status = 'pending' AND attempts = 0")"
enqueue sms "138 0013 8000" demo.note.created zh-CN 1 title=x
check_eq "a malformed recipient is refused" 1 "$?"
enqueue sms 13800138000 demo.note.created zh-CN 1 $'title=a\nb'
check_eq "a parameter with a line end is refused" 1 "$?"
check_eq "refused messages leave no row" 400 "$(count 1)"

# ---------------------------------------------------------------- two workers

start_worker "$FILE_CONF" "$CIVIC_T/worker1.log"
W1=$WORKER
start_worker "$FILE_CONF" "$CIVIC_T/worker2.log"
W2=$WORKER
all_sent() { [ "$(count "status = 'sent'")" = 400 ]; }
if wait_for 60 all_sent; then
	pass "two workers sent all 400 messages"
else
	fail "two workers sent $(count "status = 'sent'") of 400 messages in 60 s"
	show_log "$CIVIC_T/worker1.log" 20
	show_log "$CIVIC_T/worker2.log" 20
fi
stop_worker "worker 1" "$W1"
stop_worker "worker 2" "$W2"

check_eq "the file has 400 records" 400 "$(records | wc -l)"
check_eq "no message was delivered twice" 0 "$(records | uniq -d | wc -l)"
check_eq "the file's messages are the outbox's" \
	"$(sql "SELECT id FROM notify_outbox ORDER BY id" | tr '\n' ' ')" \
	"$(records | tr '\n' ' ')"
check_eq "every message was claimed once" 400 "$(count "attempts = 1 AND sent_at IS NOT NULL")"
senders=$(sql "SELECT COUNT(DISTINCT SUBSTRING_INDEX(claimed_by, ':', 2)) FROM notify_outbox")
check_eq "both workers sent messages" 2 "$senders"
check "the SMS text is rendered in Chinese" \
	grep -qF '| 您的留言“路灯不亮”已收到，编号7。' "$OUT"
check "the e-mail has its English subject" \
	grep -qF 'subject: Your note has been received (no. 150)' "$OUT"

# ---------------------------------------------------------------- --once

enqueue sms 13900139000 demo.note.created zh-CN 3 title=once
timeout 30 "$CIVICCTL" --config "$FILE_CONF" notify --once >"$CIVIC_T/once.log" 2>&1
check_eq "notify --once exits 0" 0 "$?"
check_eq "notify --once sent what was due" 3 "$(count "status = 'sent' AND recipient = '13900139000'")"
check_eq "the file has 403 records" 403 "$(records | wc -l)"

# A template asking for a value the message lacks fails at once, for good.
CIVIC_CONFIG=$FILE_CONF "$ENQUEUE" sms 13700137000 demo.note.created zh-CN 1 \
	2>>"$CIVIC_T/enqueue.log"
timeout 30 "$CIVICCTL" --config "$FILE_CONF" notify --once >>"$CIVIC_T/once.log" 2>&1
check_eq "a missing parameter fails the message without retry" "failed 1" \
	"$(sql "SELECT status, attempts FROM notify_outbox WHERE recipient = '13700137000'" | tr '\t' ' ')"
err=$(sql "SELECT last_error FROM notify_outbox WHERE recipient = '13700137000'")
case $err in
*"{title}"*) pass "last_error names the missing {title}" ;;
*) fail "last_error is '$err'" ;;
esac

# A worker that died mid-send: its row is taken over after reclaim_seconds;
# one that died in the last attempt is marked failed.  (Times are in the
# county's zone, as the programs' sessions have them.)
enqueue sms 13600136000 demo.note.created zh-CN 2 title=reclaim
sql "SET time_zone = '+08:00';
	UPDATE notify_outbox SET status = 'sending', claimed_by = 'dead:1:x',
	claimed_at = NOW() - INTERVAL 1 HOUR, attempts = 1 WHERE recipient = '13600136000' AND params LIKE 'id=1\n%';
	UPDATE notify_outbox SET status = 'sending', claimed_by = 'dead:1:y',
	claimed_at = NOW() - INTERVAL 1 HOUR, attempts = 8 WHERE recipient = '13600136000' AND params LIKE 'id=2\n%'"
timeout 30 "$CIVICCTL" --config "$FILE_CONF" notify --once >>"$CIVIC_T/once.log" 2>&1
check_eq "an abandoned message is taken over and sent" "sent 2" \
	"$(sql "SELECT status, attempts FROM notify_outbox WHERE recipient = '13600136000' AND params LIKE 'id=1\n%'" | tr '\t' ' ')"
check_eq "one abandoned in its last attempt is marked failed" "failed 8" \
	"$(sql "SELECT status, attempts FROM notify_outbox WHERE recipient = '13600136000' AND params LIKE 'id=2\n%'" | tr '\t' ' ')"
# A message a live worker is sending is left alone.
enqueue sms 13500135000 demo.note.created zh-CN 1 title=busy
sql "SET time_zone = '+08:00';
	UPDATE notify_outbox SET status = 'sending', claimed_by = 'alive:1:z', claimed_at = NOW(),
	attempts = 1 WHERE recipient = '13500135000'"
timeout 30 "$CIVICCTL" --config "$FILE_CONF" notify --once >>"$CIVIC_T/once.log" 2>&1
check_eq "a message being sent by a live worker is not taken" "sending alive:1:z" \
	"$(sql "SELECT status, claimed_by FROM notify_outbox WHERE recipient = '13500135000'" | tr '\t' ' ')"
check_eq "the file has 404 records" 404 "$(records | wc -l)"

# ---------------------------------------------------------------- sendmail

# A stand-in for the MTA that keeps its arguments and its input.
cat >"$CIVIC_T/sendmail" <<EOF
#!/bin/sh
{ printf 'ARGS:'; printf ' [%s]' "\$@"; echo; cat; } >"$CIVIC_T/work/mail.\$\$"
EOF
chmod 0755 "$CIVIC_T/sendmail"
notify_conf mail transport_sms=none transport_email=sendmail "sendmail=$CIVIC_T/sendmail" \
	email_from=noreply@example.gov.cn
enqueue email wang.wu@example.com demo.note.created zh-CN 1 title=邮件
timeout 30 "$CIVICCTL" --config "$CIVIC_T/mail.conf" notify --once >"$CIVIC_T/mail.log" 2>&1
check_eq "notify --once with sendmail exits 0" 0 "$?"
check_eq "the e-mail is sent" sent \
	"$(sql "SELECT status FROM notify_outbox WHERE recipient = 'wang.wu@example.com'")"
MAIL=$(ls "$CIVIC_T"/work/mail.* 2>/dev/null | head -n 1)
if [ -n "$MAIL" ]; then
	check_eq "sendmail's arguments" "ARGS: [-i] [-f] [noreply@example.gov.cn] [--] [wang.wu@example.com]" \
		"$(head -n 1 "$MAIL")"
	check "the subject is RFC 2047 UTF-8" grep -q '^Subject: =?UTF-8?B?' "$MAIL"
	subj=$(sed -n 's/^Subject: =?UTF-8?B?\(.*\)?=$/\1/p' "$MAIL" | base64 -d 2>/dev/null)
	check_eq "the subject decodes to the template's" "您的留言已收到（编号1）" "$subj"
	body=$(sed '1,/^$/d' "$MAIL" | base64 -d 2>/dev/null | tr -d '\r')
	case $body in
	*"您的留言“邮件”已收到，编号1。"*) pass "the body decodes to the rendered text" ;;
	*) fail "the body is '$body'" ;;
	esac
	check_eq "the body ends with the base64 text" 2 "$(sed '1,/^$/d' "$MAIL" | wc -l)"
	check "the From header names the site" grep -q '^From: =?UTF-8?B?.* <noreply@example.gov.cn>$' "$MAIL"
else
	fail "sendmail was not run"
fi

# ---------------------------------------------------------------- failures

enqueue sms 13300133000 demo.note.created zh-CN 1 title=fail
start_worker "$FAIL_CONF" "$CIVIC_T/fail.log"
W3=$WORKER
failed() { [ "$(count "recipient = '13300133000' AND status = 'failed'")" = 1 ]; }
if wait_for 30 failed; then
	pass "a failing command ends 'failed'"
else
	fail "the failing message is $(sql "SELECT status, attempts FROM notify_outbox WHERE recipient = '13300133000'")"
fi
check_eq "after notify.max_attempts attempts" 3 \
	"$(sql "SELECT attempts FROM notify_outbox WHERE recipient = '13300133000'")"
err=$(sql "SELECT last_error FROM notify_outbox WHERE recipient = '13300133000'")
case $err in
*"/bin/false: exit status 1"*) pass "last_error says why" ;;
*) fail "last_error is '$err'" ;;
esac
check "each retry was logged" grep -q "attempt 2 failed: /bin/false: exit status 1; next try in 2 s" \
	"$CIVIC_T/fail.log"
check "the final failure was logged" grep -q "failed for good after 3 attempt(s)" "$CIVIC_T/fail.log"
check "no recipient in the log" bash -c "! grep -q 13300133000 '$CIVIC_T/fail.log'"
stop_worker "the failing worker" "$W3"

finish
