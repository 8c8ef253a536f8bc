#!/bin/bash
# programs.sh: every program through the web server CIVIC_WEB selects
# (nginx by default; programs-apache.sh runs it through Apache with
# mod_proxy_fcgi, examples/apache/civic-proxy-fcgi.conf, and
# programs-fcgid.sh through Apache with mod_fcgid, civic-fcgid.conf, where
# Apache starts the programs itself), so that each program's mount line
# (ProxyPass, ScriptAlias + FcgidWrapper, location) is exercised, not only
# the demo's.  One script for the three servers, rather than more checks in
# http.sh: http.sh is the demo's HTTP details, this is the mounts.
#
# For each of demo, account, mailbox, consult, prereview, evaluate and
# catalogue: a public page (200, text/html, a word of it, and the body's
# class program-NAME, which only that program's layout writes: the
# request reached the right program and the answer is its HTML, not the
# server's), and one state-changing form POST through its CSRF token whose
# 303 comes with its row already in the database (and the consultation
# page's poll: its 304 must pass the server).  The three programs that
# take files get a multipart POST whose stored bytes are the file's
# (SHA-256 in the database): the mailbox's letter with a picture, the
# pre-review's application, and the catalogue's new entry with an
# attachment by a clerk signed in at the account program.  Then the two
# ways a body is too large for an upload route: a file over CIVIC_MAX_FILE
# in a body within the limits (the core stops reading mid-body), and a
# body over CIVIC_MAX_BODY (refused before it is read); each must be the
# program's own 413 page, not a 500 or 502 from the server in front.
# Under Apache, a client's Proxy: header is gone before the handler runs
# (httpoxy; lib.sh logs the header as the handler saw it); under any
# server, the access log has no 5xx.  nginx's locations are exercised in
# depth by the feature suites, so make check runs only the two Apache
# wrappers; `bash tests/integration/programs.sh` runs it through nginx.
#
# One stack, one worker a program (under mod_fcgid, one a process); form
# times (min_fill_seconds) are 0.  Setup is the minimum the feature suites
# use: the catalogue's fixture, a department with a consultation area, a
# pre-review item with one material, a clerk and an admin.

. "$(dirname "$0")/lib.sh"

T_START=$(date +%s)
civic_stack_up --workers 1
command -v python3 >/dev/null 2>&1 || die "python3 not found: install the Debian package python3"
W=$CIVIC_T/work
ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }

# Before any program but the demo has started (under mod_fcgid Apache
# starts each on its first request): no minimum fill time.  sed -i keeps
# the file's group and mode, which mod_fcgid's programs need as root.
sed -i 's/^min_fill_seconds *=.*/min_fill_seconds = 0/' "$CIVIC_T/civic.conf"
ctl load "$top_srcdir/tests/integration/catalogue-fixture.sql" >"$W/load.log" 2>&1 ||
	die "loading the catalogue fixture failed: $(tail -n 3 "$W/load.log")"
if [ "$CIVIC_WEB" != fcgid ]; then
	for p in account mailbox consult prereview evaluate catalogue; do
		civic_program_start "$p" --workers 1
	done
fi

PW='programs through apache'
civic_add_staff "$PW" 90000001 系统管理员 progadmin 县政府办公室 admin
civic_add_staff "$PW" 80100001 财政信息员 cat-finance "" clerk
sql "INSERT INTO department (code, name) VALUES ('prog-gongan', '县公安局'), ('prog-sp', '县行政审批局')"
GONGAN=$(sql "SELECT id FROM department WHERE code = 'prog-gongan'")
SP=$(sql "SELECT id FROM department WHERE code = 'prog-sp'")
sql "INSERT INTO consult_area (department_id, listed, sort) VALUES ($GONGAN, 1, 1)"
ITEM_CODE=510124000000-XK-0990
sql "INSERT INTO pr_item (code, name, kind, department_id, audience, legal_days, promised_days,
	online, updated_at, version)
	VALUES ('$ITEM_CODE', '食品经营许可（新办）', '行政许可', $SP, 'both', 20, 8, 1, NOW(), 1)"
ITEM=$(sql "SELECT id FROM pr_item WHERE code = '$ITEM_CODE'")
sql "INSERT INTO pr_item_department (item_id, department_id, days) VALUES ($ITEM, $SP, 5)"
sql "INSERT INTO pr_material (item_id, seq, name, form, copies, need)
	VALUES ($ITEM, 1, '食品经营许可申请书', 'original', 1, 'required')"

# The files: a small PNG (the letter's picture), a PDF over one 256 KiB
# chunk of the file store (the application), a PDF (the catalogue's).
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82' >"$W/lamp.png"
{ printf '%%PDF-1.4\n%% 申请书\n'; head -c 400000 /dev/urandom; } >"$W/form.pdf"
{ printf '%%PDF-1.4\n1 0 obj << >> endobj\n'; head -c 3000 /dev/urandom; printf '\ntrailer << >>\n%%%%EOF\n'; } >"$W/plan.pdf"
sha() { sha256sum "$1" | cut -d' ' -f1 | tr a-f A-F; }

# page NAME PATH VIEW WORD [JAR]: PATH is program NAME's HTML page of view
# VIEW, with WORD on it and the programs' security headers.
page() {
	http GET "$2" ${5:+-b "$5" -c "$5"}
	expect_status "$1: GET $2 is 200" 200
	expect_header "… text/html" Content-Type '^text/html; *charset=utf-8$'
	expect_body_contains "… civic-$1.fcgi's page ($3), not the server's" \
		"<body class=\"program-$1 view-$3\">"
	expect_body_contains "… says '$4'" "$4"
	expect_header "… with the programs' CSP" Content-Security-Policy "form-action 'self'"
}
# keys JAR PATH: CSRF, IDEM, ISSUED and SIG of PATH's form (as XML).
keys() {
	form_of "$1" "$2"
	ISSUED=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
	SIG=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
}
# The path of the last answer's Location.
location() { header Location | sed -E 's|^https?://[^/]*||'; }

# ---------------------------------------------------------------- demo
J=$W/demo.jar
page demo /demo/ note-list 示范县 "$J"
keys "$J" /demo/new
http POST /demo/new -b "$J" --data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM" \
	--data-urlencode "title=经由网页服务器的测试留言" --data-urlencode "category=建议" \
	--data-urlencode "body=这是一条经由网页服务器提交的测试留言。" --data-urlencode "name=测试" \
	--data-urlencode "mobile=13800000000"
expect_status "demo: POST /demo/new is 303" 303
ID=$(location | sed -n 's:^/demo/m/\([0-9]*\)$:\1:p')
check_eq "… the note is stored when the 303 comes" "经由网页服务器的测试留言" \
	"$(sql "SELECT title FROM demo_note WHERE id = '${ID:-0}'")"

# ---------------------------------------------------------------- account
ADMIN=$W/admin.jar CLERK=$W/clerk.jar
page account /account/signin signin 工号 "$ADMIN"
signin "$ADMIN" 90000001 "$PW"
expect_status "account: sign-in (POST with its CSRF token) is 303" 303
check_eq "… the session is stored when the 303 comes" 1 \
	"$(sql "SELECT COUNT(*) FROM staff_session s JOIN staff m ON m.id = s.staff_id
		WHERE m.staff_no = '90000001'")"
act "$ADMIN" /account/departments/new code=progwww name=县网站管理中心
expect_status "account: the admin's new department is 303" 303
check_eq "… stored when the 303 comes, where it points" "县网站管理中心" \
	"$(sql "SELECT name FROM department WHERE id = '$(location | sed -n 's:^/account/departments/::p')'")"
form_of "$ADMIN" /account/departments/new
http POST /account/departments/new -b "$ADMIN" --data-urlencode "idem=$IDEM" \
	--data-urlencode code=progbad --data-urlencode name=没有令牌的部门
expect_status "… without the CSRF token: 403" 403
check_eq "… and nothing stored" 0 "$(sql "SELECT COUNT(*) FROM department WHERE code = 'progbad'")"

# ---------------------------------------------------------------- mailbox
J=$W/writer.jar
page mailbox /mailbox/ public-list 来信 "$J"
page mailbox /mailbox/write write 写信 "$J"
# httpoxy: Apache's configurations remove a client's Proxy: header before
# the handler runs (lib.sh's access log shows the header as it was then).
if [ "$CIVIC_WEB" != nginx ]; then
	http GET '/mailbox/?httpoxy=1' -H 'Proxy: http://proxy.invalid:3128/'
	expect_status "mailbox: a request with a Proxy: header is served" 200
	check "… without the header (RequestHeader unset Proxy applied)" grep -q \
		'"GET /mailbox/?httpoxy=1 HTTP/1.1" 200 [0-9]* [0-9]* "-"$' "$CIVIC_T/apache/logs/access.log"
fi
keys "$J" /mailbox/write
MOBILE=13912345678
http POST /mailbox/write/send -b "$J" -c "$J" --form-string "csrf=$CSRF" \
	--form-string "idem=$IDEM" --form-string type=complaint --form-string category=4 \
	--form-string "subject=城南路灯损坏多日" \
	--form-string "body=城南路从3号到9号的路灯已经坏了两个星期，晚上行人很不方便，请尽快修理。" \
	--form-string name=王小明 --form-string "mobile=$MOBILE" --form-string agree=1 \
	--form-string "issued=$ISSUED" --form-string "sig=$SIG" \
	-F "attachment1=@$W/lamp.png;type=image/png"
expect_status "mailbox: a letter with a picture (multipart) is 303" 303
NO=$(location | sed -n 's:^/mailbox/sent/\(MB[0-9]\{8\}-[0-9]\{4,6\}\)$:\1:p')
check "… to its receipt ($(location))" test -n "$NO"
check_eq "… the letter is stored when the 303 comes" "$MOBILE" \
	"$(sql "SELECT mobile FROM mailbox_letter WHERE tracking_no = '$NO'")"
check_eq "… its picture's bytes as sent (SHA-256, size)" "$(sha "$W/lamp.png")	$(stat -c %s "$W/lamp.png")" \
	"$(sql "SELECT UPPER(SHA2(a.data, 256)), a.size FROM mailbox_attachment a
		JOIN mailbox_letter l ON l.id = a.letter_id WHERE l.tracking_no = '$NO'")"

# ---------------------------------------------------------------- evaluate
# The letter replied (as the office would), then rated by its link.
page evaluate /evaluate/ home 评价 "$J"
sql "UPDATE mailbox_letter SET state = 'replied', reply = '路灯已修复。', replied_at = NOW()
	WHERE tracking_no = '$NO'"
RATE=/evaluate/case/$NO/$(rate_token "$NO")
page evaluate "$RATE" case 满意 "$J"
act "$J" "$RATE" level=4 efficiency=4 convenience=5 comment=修得很及时
expect_status "evaluate: the letter's rating is 303" 303
check_eq "… stored when the 303 comes" "4	修得很及时" \
	"$(sql "SELECT e.level, e.comment FROM eval_rating e JOIN mailbox_letter l
		ON l.id = e.case_id AND e.kind = 'letter' WHERE l.tracking_no = '$NO'")"

# ---------------------------------------------------------------- consult
J=$W/asker.jar
page consult /consult/ home 咨询 "$J"
page consult /consult/ask ask 县公安局 "$J"
keys "$J" /consult/ask
http POST /consult/ask -b "$J" -c "$J" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode "area=$GONGAN" \
	--data-urlencode "subject=护照办理需要多久" \
	--data-urlencode "body=下个月要出国，护照办理需要多久？可以加急吗？" \
	--data-urlencode "phone=13700002468" --data-urlencode "issued=$ISSUED" \
	--data-urlencode "sig=$SIG"
expect_status "consult: a question is 303" 303
QNO=$(location | sed -n 's:^/consult/q/\(ZX[0-9]\{8\}-[0-9]\{4,6\}\)$:\1:p')
check "… to its page ($(location))" test -n "$QNO"
check_eq "… stored when the 303 comes" "护照办理需要多久" \
	"$(sql "SELECT subject FROM consult_question WHERE tracking_no = '$QNO'")"
# The page's polling: the program's 304 passes the server unchanged.
http GET "/consult/q/$QNO/poll" -b "$J"
expect_status "consult: the question's poll is 200" 200
ETAG=$(header ETag)
check "… with an ETag" test -n "$ETAG"
http GET "/consult/q/$QNO/poll" -b "$J" -H "If-None-Match: $ETAG"
expect_status "… and 304 when nothing is new" 304

# ---------------------------------------------------------------- prereview
J=$W/applicant.jar
APPLY=/prereview/item/$ITEM_CODE/apply
page prereview /prereview/ guide-home 办事 "$J"
page prereview "$APPLY" apply 食品经营许可申请书 "$J"
keys "$J" "$APPLY"
http POST "$APPLY" -b "$J" -c "$J" --form-string "csrf=$CSRF" --form-string "idem=$IDEM" \
	--form-string "issued=$ISSUED" --form-string "sig=$SIG" \
	--form-string applicant_kind=person --form-string name=李春梅 \
	--form-string phone=13800005678 --form-string consent=1 \
	--form-string "id_card=$(idcard 51012419800101001)" -F "m1=@$W/form.pdf"
expect_status "prereview: an application with its file (multipart) is 303" 303
SERIAL=$(location | sed -n 's:^/prereview/sent/\(YS[0-9]\{8\}-[0-9]\{4\}\)$:\1:p')
check "… to its receipt ($(location))" test -n "$SERIAL"
check_eq "… stored when the 303 comes, its file's bytes as sent (SHA-256, size)" \
	"$(sha "$W/form.pdf")	$(stat -c %s "$W/form.pdf")	$(stat -c %s "$W/form.pdf")" \
	"$(sql "SELECT HEX(f.sha256), f.size, (SELECT SUM(LENGTH(c.data)) FROM stored_chunk c
		WHERE c.file_id = f.id) FROM pr_application a JOIN pr_upload u ON u.application_id = a.id
		JOIN stored_file f ON f.id = u.file_id WHERE a.serial = '$SERIAL'")"

# ---------------------------------------------------------------- catalogue
page catalogue /catalogue/ browse-home 政府信息公开 "$W/public.jar"
signin "$CLERK" 80100001 "$PW"
expect_status "catalogue: the clerk signs in at /account/" 303
page catalogue /catalogue/staff/new ced-form 文号 "$CLERK"
keys "$CLERK" /catalogue/staff/new
ENTRY=(title=关于2026年度财政资金绩效评价的通知 body=801 written_on=2026-12-01
	category=21 theme=201 genre=8 'keywords=绩效评价 财政资金'
	summary=部署年度绩效评价工作。 'content=各单位：现就2026年度财政资金绩效评价工作通知如下。'
	disclosure=active validity=valid 'doc_no=郫财发〔2026〕90号')
args=()
for kv in "csrf=$CSRF" "idem=$IDEM" "${ENTRY[@]}"; do args+=(--form-string "$kv"); done
http POST /catalogue/staff/new -b "$CLERK" -c "$CLERK" "${args[@]}" \
	-F "a1=@$W/plan.pdf;type=application/pdf" --form-string a1_title=评价方案
expect_status "catalogue: a new entry with an attachment (multipart) is 303" 303
EID=$(location | sed -n 's:^/catalogue/staff/e/\([0-9]*\)?done=saved$:\1:p')
check "… to its form ($(location))" test -n "$EID"
check_eq "… stored when the 303 comes, its attachment's bytes as sent (SHA-256, size)" \
	"郫财发〔2026〕90号	$(sha "$W/plan.pdf")	$(stat -c %s "$W/plan.pdf")" \
	"$(sql "SELECT e.doc_no, HEX(f.sha256), f.size FROM cat_entry e JOIN cat_attachment a
		ON a.entry_id = e.id JOIN stored_file f ON f.id = a.file_id WHERE e.id = '${EID:-0}'")"

# ---------------------------------------------------------------- too large
# A file over CIVIC_MAX_FILE (5 MiB) in a body within every limit: the
# core stops reading at that part.  Then a body over CIVIC_MAX_BODY
# (16 MiB), within the server's 17 MiB (LimitRequestBody,
# FcgidMaxRequestLen, client_max_body_size): refused before it is read.
# Either way the program's 413 page, and nothing stored.
J=$W/applicant.jar
N0=$(sql "SELECT COUNT(*) FROM pr_application")
{ printf '%%PDF-1.4\n'; head -c $((6 * 1024 * 1024)) /dev/zero; } >"$W/huge.pdf"
keys "$J" "$APPLY"
HTTP_TIMEOUT=30 http POST "$APPLY" -b "$J" --form-string "csrf=$CSRF" \
	--form-string "idem=$IDEM" --form-string "issued=$ISSUED" --form-string "sig=$SIG" \
	--form-string applicant_kind=person --form-string name=李春梅 \
	--form-string phone=13800005678 --form-string consent=1 \
	--form-string "id_card=$(idcard 51012419800101001)" -F "m1=@$W/huge.pdf"
expect_status "prereview: a 6 MiB file is 413" 413
expect_body_contains "… the program's page" '<body class="program-prereview'
rm -f "$W/huge.pdf"
head -c $((16 * 1024 * 1024 + 1)) /dev/zero >"$W/big.bin"
keys "$J" "$APPLY"
HTTP_TIMEOUT=30 http POST "$APPLY" -b "$J" -H 'Expect:' \
	-H 'Content-Type: multipart/form-data; boundary=civicboundary' --data-binary "@$W/big.bin"
expect_status "prereview: a body of 16 MiB + 1 is 413" 413
expect_body_contains "… the program's page" '<body class="program-prereview'
rm -f "$W/big.bin"
check_eq "… and no application stored by either" "$N0" "$(sql "SELECT COUNT(*) FROM pr_application")"

# ---------------------------------------------------------------- the log
LOG=$CIVIC_T/nginx/logs/access.log
[ "$CIVIC_WEB" = nginx ] || LOG=$CIVIC_T/apache/logs/access.log
check "$CIVIC_WEB's access log has this suite's answers" test "$(grep -c '" 303 ' "$LOG")" -ge 8
check_eq "… and no 5xx among them" "" "$(grep '" 5[0-9][0-9] ' "$LOG" | head -n 3)"

note "$CIVIC_WEB: $(( $(date +%s) - T_START )) s"
finish
