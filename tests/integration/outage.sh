#!/bin/bash
# outage.sh: the database goes away and comes back.  While it is down every
# page is a quick 503 with an incident id; when it is back the same running
# program (same master, no restart) serves again by itself.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 2
master=$DEMO_PID
JAR=$CIVIC_T/work/jar

http GET /demo/
expect_status "with the database up, GET /demo/ is 200" 200

# A form's tokens from before the outage, to try a write during it.
http GET '/demo/new?format=xml' -c "$JAR"
CSRF=$(tr -d '\n' <"$BODY" | sed -n 's:.*<csrf>\([^<]*\)</csrf>.*:\1:p')
IDEM=$(tr -d '\n' <"$BODY" | sed -n 's:.*<idem>\([^<]*\)</idem>.*:\1:p')
n0=$(sql "SELECT COUNT(*) FROM ${NOTE_TABLE:-demo_note}")

note "stopping MariaDB"
civic_db_stop
check "MariaDB is down" sh -c "! test -S '$CIVIC_T/db/mysqld.sock' || ! '$MARIADB_ADMIN' --defaults-file='$CIVIC_T/db/my.cnf' ping >/dev/null 2>&1"

# Each worker meets the outage; every answer is a 503 within the 2 s
# connect timeout (curl gives up at 5 s).
for i in 1 2 3 4; do
	t0=$(date +%s%N)
	HTTP_TIMEOUT=5 http GET /demo/
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	expect_status "database down: GET /demo/ #$i is 503" 503
	check "database down: the 503 came within 4 s (${ms} ms)" test "$ms" -lt 4000
done
expect_header "the 503 page is HTML" Content-Type '^text/html'
expect_body_contains "the 503 page is the site's page" "示范县"
expect_security_headers "503"

# The incident id on the page is the request id in the program's log.
HTTP_TIMEOUT=5 http GET '/demo/?format=xml'
expect_status "database down: ?format=xml is 503" 503
rid=$(sed -n 's/.*request-id="\([^"]*\)".*/\1/p' "$BODY" | head -n 1)
if [ -n "$rid" ]; then
	pass "the 503 carries an incident id ($rid)"
	check "the incident id is in the program's log" grep -qF -- "$rid" "$CIVIC_T/demo.log"
else
	fail "the 503 carries an incident id (no request-id in $(head -c 300 "$BODY"))"
fi
HTTP_TIMEOUT=5 http GET /demo/
rid=$(grep -oE '\b[0-9a-f]{16}\b' "$BODY" | head -n 1)
check "the HTML 503 shows an incident id" test -n "$rid"
check "the HTML 503's incident id ($rid) is in the log" grep -qF -- "incident $rid" "$CIVIC_T/demo.log"

HTTP_TIMEOUT=5 http POST /demo/new -b "$JAR" --data-urlencode "title=数据库停止时的留言" \
	--data-urlencode "category=其他" --data-urlencode "body=数据库停止的时候提交的一条留言。" \
	--data-urlencode "name=测试人" --data-urlencode "mobile=13800000000" \
	--data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM"
expect_status "database down: POST /demo/new is 503" 503

note "starting MariaDB again on the same datadir and socket"
civic_db_start
recovered=0
for i in $(seq 1 30); do
	HTTP_TIMEOUT=5 http GET /demo/
	if [ "$STATUS" = 200 ]; then
		recovered=1
		break
	fi
	sleep 0.5
done
check "the program serves again once the database is back" test "$recovered" = 1
check "the same master serves (pid $master, no restart)" alive "$master"
check_eq "the master is the one started" "$master" "$DEMO_PID"
ok=0
for i in 1 2 3 4 5 6; do
	http GET /demo/
	[ "$STATUS" = 200 ] && ok=$((ok + 1))
done
check_eq "every worker recovered: 6 of 6 requests are 200" 6 "$ok"
check_eq "the POST during the outage wrote nothing" "$n0" "$(sql "SELECT COUNT(*) FROM ${NOTE_TABLE:-demo_note}")"

# And writing works again (the form's prepared statements were reprepared).
http GET '/demo/new?format=xml' -b "$JAR" -c "$JAR"
CSRF=$(tr -d '\n' <"$BODY" | sed -n 's:.*<csrf>\([^<]*\)</csrf>.*:\1:p')
IDEM=$(tr -d '\n' <"$BODY" | sed -n 's:.*<idem>\([^<]*\)</idem>.*:\1:p')
http POST /demo/new -b "$JAR" --data-urlencode "title=数据库恢复后的留言" \
	--data-urlencode "category=其他" --data-urlencode "body=数据库恢复以后提交的一条留言。" \
	--data-urlencode "name=测试人" --data-urlencode "mobile=13800000000" \
	--data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM"
expect_status "after the outage, POST /demo/new is 303" 303
check_eq "after the outage, the note was written" "$((n0 + 1))" "$(sql "SELECT COUNT(*) FROM ${NOTE_TABLE:-demo_note}")"

finish
