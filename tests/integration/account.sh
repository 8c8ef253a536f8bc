#!/bin/bash
# account.sh: staff accounts through nginx against a private MariaDB: the
# first admin from civicctl, sign-in success and failure, throttling,
# session-bound CSRF, roles and department scope, sign-out and session
# expiry on every host, password change, the audit log and its chain.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 2

ACCOUNT=$top_builddir/civic-account.fcgi
ACCOUNT_SOCK=$CIVIC_T/run/account.sock
"$ACCOUNT" --config "$CIVIC_T/civic.conf" --listen "$ACCOUNT_SOCK" --workers 2 \
	>>"$CIVIC_T/account.log" 2>&1 &
ACCOUNT_PID=$!
wait_for 15 test -S "$ACCOUNT_SOCK" || {
	show_log "$CIVIC_T/account.log" 40
	die "civic-account.fcgi did not start"
}
# Stopped by lib.sh's cleanup with the rest.
CIVIC_PIDS+=("$ACCOUNT_PID")

ADMIN_PW='县长 correct horse battery'
CLERK_PW='clerk password 2026'
ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }

printf '%s\n' "$ADMIN_PW" | ctl add-user --staff-no 10000001 --name 管理员 \
	--department 000 --department-name 县政府办公室 --roles admin \
	>"$CIVIC_T/adduser.log" 2>&1
check_eq "civicctl add-user makes the first admin" 0 $?
printf 'short\n' | ctl add-user --staff-no 10000002 --name x --department 000 \
	--roles admin >/dev/null 2>&1
check_eq "civicctl add-user refuses a password under 12 characters" 1 $?
check_eq "the password is never an argument: no row for the refused one" 0 \
	"$(sql "SELECT COUNT(*) FROM staff WHERE staff_no = '10000002'")"

A=$CIVIC_T/work/admin.jar
C=$CIVIC_T/work/clerk.jar
X=$CIVIC_T/work/other.jar

# ---------------------------------------------------------------- sign-in
http GET /account/
expect_status "a staff page without a session sends to sign-in" 303
expect_header "… with the page to come back to" Location '^/account/signin\?next=%2Faccount%2F$'

signin "$X" 10000001 'wrong password here'
expect_status "a wrong password is 422" 422
expect_body_contains "… with a message" "工号或密码不正确"
expect_body_lacks "… and the password is not sent back" "wrong password here"
cp "$BODY" "$CIVIC_T/work/wrong.html"
signin "$X" 99999999 'wrong password here'
expect_status "an unknown staff number is 422 too" 422
check "… with the same message: existence is not revealed" \
	grep -q "工号或密码不正确" "$BODY"

signin "$X" '张三<b>' 'wrong password here'
expect_status "a staff number that is not digits is 422, not an error" 422
expect_body_contains "… kept and escaped" '张三&lt;b&gt;'

signin "$A" 10000001 "$ADMIN_PW" /account/staff
expect_status "the right password signs in (303)" 303
expect_header "… back to the page asked for" Location '^/account/staff$'
expect_header "… with a session cookie, HttpOnly and SameSite=Strict" Set-Cookie \
	'civic_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict'
signin "$X" 10000001 "$ADMIN_PW" //evil.example/
expect_header "an off-site next= is ignored (no open redirect)" Location '^/account/$'

http GET '/account/?format=xml' -b "$A"
expect_status "signed in, the staff home is 200" 200
expect_body_contains "… and names the member" 'no="10000001"'
expect_body_contains "… with the role" '<role>admin</role>'
ADMIN_CSRF=$(xml csrf)

# ---------------------------------------------------------------- admin
http GET '/account/departments/new?format=xml' -b "$A"
IDEM=$(xml idem)
http POST /account/departments/new -b "$A" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode "code=zwzx" \
	--data-urlencode "name=县政务服务中心" --data-urlencode "phone=028-12345678"
expect_status "the admin creates a department (303)" 303
DEPT_A=$(header Location | sed -n 's:^/account/departments/\([0-9]*\)$:\1:p')
check "… and is sent to it" test -n "$DEPT_A"
http POST /account/departments/new -b "$A" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode "code=zwzx" \
	--data-urlencode "name=县政务服务中心"
expect_header "the same form sent again answers the same (idempotent)" Location \
	"^/account/departments/$DEPT_A\$"
check_eq "… and made no second department" 1 "$(sql "SELECT COUNT(*) FROM department WHERE code = 'zwzx'")"

# Two copies of one form at once meet at the key: both answered with the
# one department, neither told that its code is taken.
http GET '/account/departments/new?format=xml' -b "$A"
TWIN=$(xml idem)
TWINS=()
for i in 1 2; do
	"$CURL" -sS --max-time 10 -o /dev/null -D "$CIVIC_T/work/twin$i.head" -b "$A" \
		--data-urlencode "csrf=$ADMIN_CSRF" --data-urlencode "idem=$TWIN" \
		--data-urlencode "code=twins" --data-urlencode "name=双胞胎部门" \
		"$BASE/account/departments/new" &
	TWINS+=($!)
done
wait "${TWINS[@]}"
check_eq "twin POSTs: both 303 to the same department" 1 \
	"$(grep -hi '^Location:' "$CIVIC_T"/work/twin1.head "$CIVIC_T"/work/twin2.head | sort -u | wc -l)"
check_eq "… and one department" 1 "$(sql "SELECT COUNT(*) FROM department WHERE code = 'twins'")"

# A key used by another program is not this program's: a new department.
D=$CIVIC_T/work/demo.jar
http GET '/demo/new?format=xml' -c "$D"
DEMO_IDEM=$(xml idem)
http POST /demo/new -b "$D" --data-urlencode "csrf=$(xml csrf)" \
	--data-urlencode "idem=$DEMO_IDEM" --data-urlencode "title=一个演示留言" \
	--data-urlencode "category=咨询" --data-urlencode "body=这是一条演示留言的内容。" \
	--data-urlencode "name=李四" --data-urlencode "mobile=13800000009"
expect_status "a demo note is posted" 303
http POST /account/departments/new -b "$A" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "idem=$DEMO_IDEM" \
	--data-urlencode "code=otherkey" --data-urlencode "name=另一程序的键"
expect_status "an idempotency key of another program is no error here (303)" 303

http GET '/account/departments/new?format=xml' -b "$A"
http POST '/account/departments/new?format=xml' -b "$A" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "idem=$(xml idem)" --data-urlencode "code=zwzx" \
	--data-urlencode "name=另一个部门"
expect_status "a department code already taken is 422" 422
expect_body_contains "… beside the code field" '<error field="code" key="v.taken"'
expect_body_contains "… with what was typed kept" '另一个部门'

http GET '/account/departments/new?format=xml' -b "$A"
http POST /account/departments/new -b "$A" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "idem=$(xml idem)" --data-urlencode "code=gaj" \
	--data-urlencode "name=县公安局"
DEPT_B=$(header Location | sed -n 's:^/account/departments/\([0-9]*\)$:\1:p')
check "a second department" test -n "$DEPT_B"

http GET '/account/staff/new?format=xml' -b "$A"
http POST '/account/staff/new?format=xml' -b "$A" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "idem=$(xml idem)" --data-urlencode "staff_no=15240525" \
	--data-urlencode "name=张三" --data-urlencode "department=$DEPT_A" \
	--data-urlencode "password=$CLERK_PW" --data-urlencode "active=1"
expect_status "a staff member without a role is 422" 422
expect_body_contains "… with the roles error" '<error field="roles" key="v.roles"'
http GET '/account/staff/new?format=xml' -b "$A"
http POST '/account/staff/new?format=xml' -b "$A" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "idem=$(xml idem)" --data-urlencode "staff_no=000000000015240525" \
	--data-urlencode "name=张三" --data-urlencode "department=$DEPT_A" \
	--data-urlencode "role_clerk=1" --data-urlencode "password=$CLERK_PW"
expect_status "a staff number of 18 characters is 422, not a database error" 422
expect_body_contains "… with its own message" '<error field="staff_no" key="account.staff.no_long"'
http GET '/account/staff/new?format=xml' -b "$A"
http POST /account/staff/new -b "$A" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "idem=$(xml idem)" --data-urlencode "staff_no=15240525" \
	--data-urlencode "name=张三" --data-urlencode "department=$DEPT_A" \
	--data-urlencode "role_clerk=1" --data-urlencode "password=$CLERK_PW" \
	--data-urlencode "active=1"
expect_status "the admin creates a clerk (303)" 303
CLERK_ID=$(header Location | sed -n 's:^/account/staff/\([0-9]*\)$:\1:p')
check_eq "… stored with the clerk role in department A" "clerk	$DEPT_A" \
	"$(sql "SELECT roles, department_id FROM staff WHERE staff_no = '15240525'")"
check_eq "… with an Argon2id hash, not the password" 'argon2id' \
	"$(sql "SELECT SUBSTRING(password_hash, 2, 8) FROM staff WHERE staff_no = '15240525'")"

# ---------------------------------------------------------------- outbox
sql "INSERT INTO notify_outbox (channel, recipient, template, lang, params, status, attempts, last_error) VALUES ('sms', '13812345678', 'demo.note.created', 'zh-CN', '', 'failed', 8, 'command exited with status 1')"
http GET '/account/outbox' -b "$A"
expect_status "the admin sees the failed notifications" 200
expect_body_contains "… with the reason" 'command exited with status 1'
expect_body_contains "… and the number in part" '138****78'
expect_body_lacks "… never in full" '13812345678'

# ---------------------------------------------------------------- CSRF
http POST /account/departments/new -b "$A" --data-urlencode "idem=AAAAAAAAAAAAAAAAAAAAAA" \
	--data-urlencode "code=nocsrf" --data-urlencode "name=没有令牌"
expect_status "a POST without the CSRF token is 403" 403
signin "$C" 15240525 "$CLERK_PW"
expect_status "the clerk signs in" 303
http GET '/account/?format=xml' -b "$C"
CLERK_CSRF=$(xml csrf)
check "the clerk's CSRF token differs from the admin's" test "$CLERK_CSRF" != "$ADMIN_CSRF"
http POST /account/departments/new -b "$A" --data-urlencode "csrf=$CLERK_CSRF" \
	--data-urlencode "idem=BBBBBBBBBBBBBBBBBBBBBB" --data-urlencode "code=othertok" \
	--data-urlencode "name=别人的令牌"
expect_status "another session's CSRF token is 403" 403
check_eq "… and nothing was written" 0 \
	"$(sql "SELECT COUNT(*) FROM department WHERE code IN ('nocsrf', 'othertok')")"

# ---------------------------------------------------------------- roles, scope
http GET /account/staff -b "$C"
expect_status "a clerk may not open the admin's staff page (403)" 403
http GET /account/outbox -b "$C"
expect_status "… nor the failed notifications (403)" 403
http GET "/account/department/$DEPT_A?format=xml" -b "$C"
expect_status "a clerk sees their own department" 200
expect_body_contains "… with its members" '15240525'
http GET "/account/department/$DEPT_B" -b "$C"
expect_status "another department's page is 404 for a clerk (not 403)" 404
http GET "/account/department/999999" -b "$C"
expect_status "… exactly as a department that does not exist" 404
http GET "/account/department/$DEPT_B" -b "$A"
expect_status "the admin sees every department" 200
http GET '/account/?format=xml' -b "$C"
expect_body_lacks "the clerk's envelope has no admin role" '<role>admin</role>'

# ---------------------------------------------------------------- password
http POST '/account/password?format=xml' -b "$C" --data-urlencode "csrf=$CLERK_CSRF" \
	--data-urlencode "current=$CLERK_PW" --data-urlencode "new=too short" \
	--data-urlencode "confirm=too short"
expect_status "a new password under 12 characters is 422" 422
http POST '/account/password?format=xml' -b "$C" --data-urlencode "csrf=$CLERK_CSRF" \
	--data-urlencode "current=not my password" --data-urlencode "new=a new clerk password" \
	--data-urlencode "confirm=a new clerk password"
expect_status "a wrong current password is 422" 422
expect_body_contains "… beside the field" '<error field="current" key="account.password.wrong"'
C2=$CIVIC_T/work/clerk2.jar
signin "$C2" 15240525 "$CLERK_PW"
http POST '/account/password?format=xml' -b "$C" --data-urlencode "csrf=$CLERK_CSRF" \
	--data-urlencode "current=$CLERK_PW" --data-urlencode "new=a new clerk password" \
	--data-urlencode "confirm=a new clerk password"
expect_status "the clerk changes the password" 200
expect_body_contains "… and is told" 'account.password.changed'
http GET /account/ -b "$C2"
expect_status "the clerk's other session ended with the password change" 303
signin "$C2" 15240525 'a new clerk password'
expect_status "the new password signs in" 303

# ---------------------------------------------------------------- sign-out, expiry
http POST /account/signout -b "$C" -c "$C" --data-urlencode "csrf=$CLERK_CSRF"
expect_status "sign-out (303)" 303
expect_header "… clears the cookie" Set-Cookie 'civic_session=; .*Max-Age=0'
OLD=$(sql "SELECT COUNT(*) FROM staff_session s JOIN staff st ON st.id = s.staff_id WHERE st.staff_no = '15240525'")
check_eq "… deletes the session row (only the other session remains)" 1 "$OLD"
http GET /account/ -b "$C2"
expect_status "a live session still works" 200
sql "UPDATE staff_session SET last_seen_at = last_seen_at - INTERVAL 2 HOUR"
http GET /account/ -b "$C2"
expect_status "a session idle past session_idle is dead" 303
http GET /account/ -b "$A"
expect_status "… the admin's too" 303

# ---------------------------------------------------------------- throttling
# The clerk's account has had no failure yet: five are answered, the sixth
# attempt is not even checked.
T=$CIVIC_T/work/t.jar
for i in 1 2 3 4 5; do
	signin "$T" 15240525 "wrong password $i"
	expect_status "failure $i on one account is 422" 422
done
signin "$T" 15240525 'a new clerk password'
expect_status "the sixth attempt is throttled (429), even with the right password" 429
check "… with Retry-After" test -n "$(header Retry-After)"

# ---------------------------------------------------------------- audit
check "sign-ins, failures and changes are in the audit log" test \
	"$(sql "SELECT COUNT(DISTINCT action) FROM audit_log WHERE action IN ('signin', 'signin.fail', 'signout', 'department.create', 'staff.create', 'password.change')")" = 6
ctl audit-verify >"$CIVIC_T/verify.log" 2>&1
check_eq "civicctl audit-verify finds the chain intact" 0 $?
sql "UPDATE audit_log SET detail = 'tampered' WHERE action = 'department.create' LIMIT 1"
ctl audit-verify >"$CIVIC_T/verify.log" 2>&1
check_eq "… and broken after a row was changed" 1 $?
check "… naming the row" grep -q "BROKEN at row" "$CIVIC_T/verify.log"

# ---------------------------------------------------------------- retention
sql "UPDATE demo_note SET created_at = NOW() - INTERVAL 2000 DAY WHERE id = 1"
sql "UPDATE staff_session SET expires_at = NOW() - INTERVAL 3 DAY"
ctl purge >"$CIVIC_T/purge.log" 2>&1
check_eq "civicctl purge runs" 0 $?
check_eq "… removes the personal data of an old note" "		" \
	"$(sql "SELECT name, mobile, IFNULL(idcard, '') FROM demo_note WHERE id = 1")"
check_eq "… keeps the note itself" 1 "$(sql "SELECT COUNT(*) FROM demo_note WHERE id = 1 AND title <> ''")"
check "… and leaves a recent note alone" test -n "$(sql "SELECT name FROM demo_note WHERE id = 2")"
check_eq "… and deletes expired sessions" 0 "$(sql "SELECT COUNT(*) FROM staff_session")"
ctl purge --days 0 >/dev/null 2>&1
check_eq "civicctl purge --days 0 is a usage error" 2 $?

finish
