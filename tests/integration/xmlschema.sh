#!/bin/bash
# xmlschema.sh: every page a program answers with ?format=xml is valid
# against the RELAX NG schema in xslt/schema/ (doc/xml.md describes it).
# The stack runs all the programs on the demonstration county's data
# (sql/demo-data.sql, sql/demo-mailbox.sql, sql/demo-consult.sql,
# sql/demo-prereview.sql, sql/demo-catalogue.sql, the search index by
# civicctl reindex), with one
# member of staff per role; the pre-review's applications are made over
# HTTP (small PDF and PNG files) and moved through every state (review,
# correction with its notice, passed, completed, rejected) by a clerk of
# the item's department through the review's routes; a catalogue entry
# with attachments is made, published and withdrawn by a clerk of a demo
# issuing body through the staff's routes;
# each GET view of each program is fetched as its audience sees it (the
# public, a writer or asker with the query code or the grant, the office, a
# department's clerk, a supervisor, an administrator), together with the
# views a POST answers with (the letter's preview, the tracked letter, the
# similar questions), the error pages (403, 404, 405, 413, 422, 429) and
# English pages.  Each is checked with xmllint --relaxng.  First, the
# validator is shown to refuse documents that break the schema.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
find_tool XMLLINT xmllint libxml2-utils
command -v python3 >/dev/null 2>&1 || die "python3 not found: install the Debian package python3"
SCHEMA=$top_srcdir/xslt/schema/page.rng
# A person needs a few seconds to fill the letter's or the question's
# form; this test, one.  The consultation's window is open at any hour, as
# in the demo (examples/demo/run), so that a question finds the demo clerk.
sed -i -e 's/^min_fill_seconds *=.*/min_fill_seconds = 1/' -e 's/^every_day *=.*/every_day = 1/' \
	-e 's/^hours *=.*/hours = 00:00-24:00/' "$CIVIC_T/civic.conf"
civic_program_start account --workers 1
civic_program_start mailbox --workers 1
civic_program_start consult --workers 1
civic_program_start evaluate --workers 1
civic_program_start prereview --workers 1
civic_program_start catalogue --workers 1

W=$CIVIC_T/work
X=$W/xml
mkdir -p "$X"
ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }

# valid NAME FILE: FILE is valid against the schema (xmllint's complaint if not).
valid() {
	local out
	if out=$("$XMLLINT" --noout --relaxng "$SCHEMA" "$2" 2>&1); then
		pass "$1"
	else
		fail "$1: $(printf '%s' "$out" | grep -v ' validates$' | head -n 5 | tr '\n' ' ')"
	fi
}

# invalid NAME FILE: the schema refuses FILE.
invalid() {
	if "$XMLLINT" --noout --relaxng "$SCHEMA" "$2" >"$W/invalid.out" 2>&1; then
		fail "$1: the schema accepts it"
	else
		pass "$1"
	fi
}

# page STATUS JAR PATH [CURL-OPTIONS...]: GET PATH?format=xml (or with the
# options, e.g. a POST) with the cookies of JAR; the status must be STATUS,
# the body XML, and it must be valid.
N=0
page() {
	local want=$1 jar=$2 path=$3 sep='?' f
	shift 3
	case $path in *\?*) sep='&' ;; esac
	N=$((N + 1))
	f=$X/$N.xml
	if [ "$#" -gt 0 ]; then
		http POST "$path" -b "$jar" -c "$jar" -H 'Accept: application/xml' "$@"
	else
		http GET "$path${sep}format=xml" -b "$jar" -c "$jar"
	fi
	cp "$BODY" "$f"
	if [ "$STATUS" != "$want" ]; then
		fail "$path: expected status $want, got $STATUS ($(head -c 300 "$BODY" | tr '\n' ' '))"
		return
	fi
	case $(header Content-Type) in
	application/xml*) ;;
	*) fail "$path: Content-Type $(header Content-Type), not XML"; return ;;
	esac
	valid "$path ($STATUS) is valid" "$f"
}

# ---------------------------------------------------------------- the data
ctl load "$top_srcdir/sql/demo-mailbox.sql" >"$W/load.log" 2>&1 ||
	die "civicctl load sql/demo-mailbox.sql failed: $(cat "$W/load.log")"

PW='schema of every page 2026'
# adduser STAFF_NO NAME DEPT_CODE ROLES: in a department the demo data made.
adduser() { civic_add_staff "$PW" "$1" "$2" "$3" "" "$4"; }
# The departments are the demo's: the office (1) and housing (5), to which
# letter 3 is forwarded (forward 3).
adduser 40000001 管理员 office admin
adduser 40000002 信息办 office office
adduser 40000003 住建局 zhujian clerk
adduser 40000004 督查室 office supervisor
# The consultation's demo clerks, whom sql/demo-consult.sql puts on duty
# and gives questions: 1004 公安局 (area 2), 1005 医保局, 1006 住建局.
adduser 1004 公安局李强 gongan clerk
adduser 1005 医保局陈静 yibao clerk
adduser 1006 住建局黄磊 zhujian clerk
ctl load "$top_srcdir/sql/demo-consult.sql" >>"$W/load.log" 2>&1 ||
	die "civicctl load sql/demo-consult.sql failed: $(cat "$W/load.log")"
ctl reindex >"$W/reindex.log" 2>&1 || die "civicctl reindex failed: $(cat "$W/reindex.log")"
ADMIN=$W/admin.jar OFFICE=$W/office.jar CLERK=$W/clerk.jar SUPER=$W/super.jar
PUBLIC=$W/public.jar DESK=$W/desk.jar
for who in "ADMIN 40000001" "OFFICE 40000002" "CLERK 40000003" "SUPER 40000004" "DESK 1004"; do
	set -- $who
	signin "${!1}" "$2" "$PW"
	[ "$STATUS" = 303 ] || die "staff $2 cannot sign in (status $STATUS)"
done
STAFF_ID=$(sql "SELECT id FROM staff WHERE staff_no = '40000003'")
NO=MB20261106-0001	# letter 3, replied
CODE=DEMQ234567

# ---------------------------------------------------------------- the validator
# A page as a program makes it, then the same broken three ways.
http GET '/demo/?format=xml'
cp "$BODY" "$W/good.xml"
valid "the schema accepts a real page" "$W/good.xml"
sed 's/<page /<pages /; s:</page>:</pages>:' "$W/good.xml" >"$W/bad-root.xml"
invalid "… and refuses another root element" "$W/bad-root.xml"
sed 's/ view="note-list"/ view="no-such-view"/' "$W/good.xml" >"$W/bad-view.xml"
invalid "… an unknown view" "$W/bad-view.xml"
sed 's:<csrf>[^<]*</csrf>::' "$W/good.xml" >"$W/bad-csrf.xml"
invalid "… a page without its <csrf>" "$W/bad-csrf.xml"
sed 's:<notes>:<notes><surprise/>:' "$W/good.xml" >"$W/bad-child.xml"
invalid "… an element the view does not have" "$W/bad-child.xml"
sed 's/ status="200"//' "$W/good.xml" >"$W/bad-status.xml"
invalid "… and a page without its status" "$W/bad-status.xml"
# A consultation page of records: a demo question's conversation (every
# demo question's query code is DEMQ234567), broken the ways a page of a
# citizen's thread must never be.
ZX_DEMO=ZX20261120-0001	# question 5: open, 公安局, with clerk 1004
http GET '/consult/track?format=xml' -b "$PUBLIC" -c "$PUBLIC"
http POST /consult/track -b "$PUBLIC" -c "$PUBLIC" --data-urlencode "csrf=$(xml csrf)" \
	--data-urlencode "no=$ZX_DEMO" --data-urlencode "code=$CODE"
[ "$STATUS" = 303 ] || die "the demo question $ZX_DEMO cannot be looked up (status $STATUS)"
http GET "/consult/q/$ZX_DEMO?format=xml" -b "$PUBLIC" -c "$PUBLIC"
cp "$BODY" "$W/good-consult.xml"
valid "the schema accepts a consultation page" "$W/good-consult.xml"
sed 's:<kind>question</kind>:<kind>note</kind>:' "$W/good-consult.xml" >"$W/bad-note.xml"
invalid "… and refuses an internal note in the citizen's thread" "$W/bad-note.xml"
sed 's:<state>open</state>:<state>pending</state>:' "$W/good-consult.xml" >"$W/bad-state.xml"
invalid "… a state the consultation does not have" "$W/bad-state.xml"
sed 's:<question><no>:<question><phone>13800000035</phone><no>:' "$W/good-consult.xml" \
	>"$W/bad-phone.xml"
invalid "… the asker's phone on the asker's page" "$W/bad-phone.xml"
sed 's:<no>[^<]*</no>::' "$W/good-consult.xml" >"$W/bad-no.xml"
invalid "… a question without its number" "$W/bad-no.xml"
sed 's/ program="consult"/ program="mailbox"/' "$W/good-consult.xml" >"$W/bad-program.xml"
invalid "… and a consultation view under another program" "$W/bad-program.xml"

# ---------------------------------------------------------------- demo
page 200 "$PUBLIC" /demo/
page 200 "$PUBLIC" '/demo/?after=3'
page 200 "$PUBLIC" /demo/new
page 200 "$PUBLIC" /demo/m/1
page 200 "$PUBLIC" '/demo/m/1?lang=en'
page 404 "$PUBLIC" /demo/m/999999
page 404 "$PUBLIC" /demo/nowhere
http GET '/demo/new?format=xml' -b "$PUBLIC" -c "$PUBLIC"
CSRF=$(xml csrf) IDEM=$(xml idem)
page 422 "$PUBLIC" /demo/new --data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM" \
	--data-urlencode 'title=abc' --data-urlencode 'category=x'
page 405 "$PUBLIC" /demo/m/1 --data-urlencode "csrf=$CSRF"
# A note with a file: its page names the attachment.
printf '%%PDF-1.4\n%%%%EOF\n' >"$W/note.pdf"
http POST /demo/new -b "$PUBLIC" -c "$PUBLIC" -F "csrf=$CSRF" -F "idem=$IDEM" \
	-F 'title=路灯不亮请修理' -F 'category=求助' -F 'body=小区门口的路灯坏了一个星期。' \
	-F 'name=王五' -F 'mobile=13800000099' -F "attachment=@$W/note.pdf;type=application/pdf"
[ "$STATUS" = 303 ] || die "the demo note with a file was not accepted (status $STATUS)"
page 200 "$PUBLIC" "$(header Location)"
check "… and names its attachment" grep -q '<attachment name="note.pdf"' "$X/$N.xml"
page 403 "$PUBLIC" /demo/new --data-urlencode 'csrf=wrong' --data-urlencode "idem=$IDEM"

# ---------------------------------------------------------------- account
page 200 "$PUBLIC" /account/signin
page 200 "$PUBLIC" '/account/signin?next=/mailbox/office'
CSRF=$(xml csrf)
page 422 "$PUBLIC" /account/signin --data-urlencode "csrf=$CSRF" \
	--data-urlencode 'staff_no=40000001' --data-urlencode 'password=not the password'
for jar in "$ADMIN" "$OFFICE" "$CLERK" "$SUPER"; do
	page 200 "$jar" /account/
done
page 200 "$CLERK" /account/password
page 200 "$ADMIN" /account/departments
page 200 "$ADMIN" /account/departments/new
page 200 "$ADMIN" /account/departments/5
page 200 "$ADMIN" /account/staff
page 200 "$ADMIN" /account/staff/new
page 200 "$ADMIN" "/account/staff/$STAFF_ID"
page 200 "$ADMIN" /account/audit
page 200 "$SUPER" /account/audit
page 200 "$ADMIN" /account/outbox
page 200 "$CLERK" /account/department/5
page 404 "$CLERK" /account/department/1
page 403 "$CLERK" /account/departments
http GET '/account/departments/new?format=xml' -b "$ADMIN" -c "$ADMIN"
CSRF=$(xml csrf) IDEM=$(xml idem)
page 422 "$ADMIN" /account/departments/new --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode 'code=!' --data-urlencode 'name='

# ---------------------------------------------------------------- mailbox: the public
page 200 "$PUBLIC" /mailbox/
page 200 "$PUBLIC" '/mailbox/?q=%E8%B7%AF%E7%81%AF'
page 200 "$PUBLIC" '/mailbox/?lang=en'
page 200 "$PUBLIC" /mailbox/l/1
page 404 "$PUBLIC" /mailbox/l/999999

# ---------------------------------------------------------------- mailbox: the writer
page 200 "$PUBLIC" /mailbox/write
page 200 "$PUBLIC" /mailbox/write/send
page 200 "$PUBLIC" "/mailbox/sent/$NO"
page 200 "$PUBLIC" /mailbox/track
page 200 "$PUBLIC" "/mailbox/track?no=$NO&done=followup"
page 200 "$PUBLIC" /mailbox/track/followup
http GET '/mailbox/track?format=xml' -b "$PUBLIC" -c "$PUBLIC"
CSRF=$(xml csrf)
page 200 "$PUBLIC" /mailbox/track --data-urlencode "csrf=$CSRF" --data-urlencode "no=$NO" \
	--data-urlencode "code=$CODE"
# The replied letter's link to its rating, for the evaluation's pages below.
RATE=$(tr -d '\n' <"$X/$N.xml" | grep -o '<evaluation [^>]*href="[^"]*"' |
	sed 's/.*href="//; s/"$//')
check "… the replied letter carries its rating link" test -n "$RATE"
page 200 "$PUBLIC" /mailbox/write --data-urlencode "csrf=$CSRF" --data-urlencode 'type=help' \
	--data-urlencode 'category=4' --data-urlencode 'subject=小区门口路灯不亮' \
	--data-urlencode 'body=小区门口的路灯坏了一个星期，晚上出门很不方便，请尽快修理。' \
	--data-urlencode 'name=王五' --data-urlencode 'mobile=13800000099' \
	--data-urlencode 'agree=1'
page 422 "$PUBLIC" /mailbox/write --data-urlencode "csrf=$CSRF" --data-urlencode 'type=help'
# A letter sent with a file: its receipt with the query code, the writer's
# view of it with the attachment, and (below) the office's.
http GET '/mailbox/write?format=xml' -b "$PUBLIC" -c "$PUBLIC"
CSRF=$(xml csrf) IDEM=$(xml idem)
ISSUED=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
SIG=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
sleep 2
LETTER=(--form-string "csrf=$CSRF" --form-string "idem=$IDEM" --form-string 'type=help'
	--form-string 'category=4' --form-string 'subject=小区门口路灯不亮'
	--form-string 'body=小区门口的路灯坏了一个星期，晚上出门很不方便，请尽快修理。'
	--form-string 'name=王五' --form-string 'agree=1'
	--form-string "issued=$ISSUED" --form-string "sig=$SIG")
page 422 "$PUBLIC" /mailbox/write/send "${LETTER[@]}" --form-string 'mobile=123'
http POST /mailbox/write/send -b "$PUBLIC" -c "$PUBLIC" "${LETTER[@]}" \
	--form-string 'mobile=13800000099' \
	-F "attachment1=@$W/note.pdf;type=application/pdf"
[ "$STATUS" = 303 ] || die "the letter with a file was not sent (status $STATUS)"
NEW_NO=$(header Location)
NEW_NO=${NEW_NO##*/}
page 200 "$PUBLIC" "/mailbox/sent/$NEW_NO"
NEW_CODE=$(tr -d '\n' <"$X/$N.xml" | sed -n 's:.*<receipt [^>]*code="\([^"]*\)".*:\1:p')
check "… the receipt shows the query code" test -n "$NEW_CODE"
page 200 "$PUBLIC" /mailbox/track --data-urlencode "csrf=$CSRF" --data-urlencode "no=$NEW_NO" \
	--data-urlencode "code=$NEW_CODE"
check "… and the writer's view lists the file" grep -q '<attachment><name>note.pdf</name>' "$X/$N.xml"
NEW_ID=$(sql "SELECT id FROM mailbox_letter WHERE tracking_no = '$NEW_NO'")

# ---------------------------------------------------------------- mailbox: the office
page 200 "$OFFICE" /mailbox/office
page 200 "$OFFICE" '/mailbox/office?state=forwarded'
for id in 1 2 3 4 5 6 7 8 9 10 11 12; do
	page 200 "$OFFICE" "/mailbox/office/$id"
done
page 200 "$OFFICE" /mailbox/office/3/forward
page 200 "$OFFICE" /mailbox/office/1/public
page 200 "$OFFICE" /mailbox/office/3/forwards/3/review
page 200 "$OFFICE" "/mailbox/office/$NEW_ID"
check "… the office's view lists the file" grep -q '<attachment>' "$X/$N.xml"
page 404 "$OFFICE" /mailbox/office/999999
page 200 "$OFFICE" /mailbox/office/lists
page 200 "$OFFICE" /mailbox/office/categories/new
page 200 "$OFFICE" /mailbox/office/categories/4
page 200 "$OFFICE" /mailbox/office/reasons/1

# ---------------------------------------------------------------- mailbox: the department
page 200 "$CLERK" /mailbox/dept
page 200 "$CLERK" /mailbox/dept/3
page 200 "$CLERK" /mailbox/dept/3/draft
page 200 "$CLERK" /mailbox/dept/3/extension
page 404 "$CLERK" /mailbox/dept/1

# ---------------------------------------------------------------- mailbox: supervision
page 200 "$SUPER" /mailbox/supervise
page 200 "$SUPER" /mailbox/supervise/3
page 200 "$SUPER" /mailbox/supervise/3/urge
page 200 "$SUPER" /mailbox/stats
page 403 "$CLERK" /mailbox/stats

# ---------------------------------------------------------------- consult: the public
# The demo's questions (sql/demo-consult.sql): 1 (closed) to 3 published,
# 4 queued in 交通运输局's area, 5 open with clerk 1004 of 公安局.
page 200 "$PUBLIC" /consult/
page 200 "$PUBLIC" '/consult/?lang=en'
page 200 "$PUBLIC" /consult/ask
page 200 "$PUBLIC" '/consult/ask?area=2'
page 200 "$PUBLIC" /consult/ask/similar
ZX_CSRF=$(xml csrf) ZX_IDEM=$(xml idem)
ZX_ISSUED=$(tr -d '\n' <"$X/$N.xml" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
ZX_SIG=$(tr -d '\n' <"$X/$N.xml" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
page 200 "$PUBLIC" /consult/ask/similar --data-urlencode "csrf=$ZX_CSRF" \
	--data-urlencode 'area=2' --data-urlencode 'subject=身份证丢失了怎么补办' \
	--data-urlencode 'phone=1380000' --data-urlencode "issued=$ZX_ISSUED" \
	--data-urlencode "sig=$ZX_SIG"
check "… the similar questions after the button list a published answer" \
	grep -q '<similar><answer>' "$X/$N.xml"
page 200 "$PUBLIC" '/consult/suggest?q=%E8%BA%AB%E4%BB%BD%E8%AF%81%E8%A1%A5%E5%8A%9E'
check "… as the suggestions as one types do" grep -q '<similar><answer>' "$X/$N.xml"
page 200 "$PUBLIC" /consult/suggest
page 422 "$PUBLIC" /consult/ask --data-urlencode "csrf=$ZX_CSRF" --data-urlencode "idem=r$ZX_IDEM" \
	--data-urlencode 'subject=abc'
page 200 "$PUBLIC" /consult/track
page 200 "$PUBLIC" "/consult/track?no=$ZX_DEMO"
page 422 "$PUBLIC" /consult/track --data-urlencode "csrf=$ZX_CSRF" --data-urlencode "no=$ZX_DEMO" \
	--data-urlencode 'code=WRONGCODE2'
page 200 "$PUBLIC" /consult/answers
page 200 "$PUBLIC" '/consult/answers?q=%E5%85%AC%E7%A7%AF%E9%87%91'
page 200 "$PUBLIC" '/consult/answers?area=3'
page 200 "$PUBLIC" '/consult/answers?q=%21%21'
page 200 "$PUBLIC" /consult/answers/1
page 404 "$PUBLIC" /consult/answers/4
page 405 "$PUBLIC" /consult/answers/1 --data-urlencode "csrf=$ZX_CSRF"

# ---------------------------------------------------------------- consult: the asker
# A question asked now: assigned at once to clerk 1004, on duty all day;
# the answer is a redirect to its page, which this browser is granted.
page 200 "$PUBLIC" "/consult/q/$ZX_DEMO"
page 200 "$PUBLIC" "/consult/q/$ZX_DEMO?done=followup"
page 200 "$PUBLIC" "/consult/q/$ZX_DEMO/poll"
page 200 "$PUBLIC" "/consult/q/$ZX_DEMO/poll?after=0"
sleep 1
http POST /consult/ask -b "$PUBLIC" -c "$PUBLIC" --data-urlencode "csrf=$ZX_CSRF" \
	--data-urlencode "idem=$ZX_IDEM" --data-urlencode 'area=2' \
	--data-urlencode 'subject=护照加急怎么办理' \
	--data-urlencode 'body=下个月出国，护照能不能加急办理？需要什么材料？' \
	--data-urlencode 'phone=13800000099' --data-urlencode 'name=王五' \
	--data-urlencode "issued=$ZX_ISSUED" --data-urlencode "sig=$ZX_SIG"
[ "$STATUS" = 303 ] || die "the question was not taken (status $STATUS: $(head -c 300 "$BODY"))"
ZX_NO=$(header Location)
ZX_NO=${ZX_NO##*/}
ZX_ID=$(sql "SELECT id FROM consult_question WHERE tracking_no = '$ZX_NO'")
page 200 "$PUBLIC" "/consult/q/$ZX_NO"
check "… its first showing has the query code" grep -q '<receipt code="' "$X/$N.xml"
check "… and the clerk who has it" grep -q '<staff_no>1004</staff_no>' "$X/$N.xml"
page 200 "$PUBLIC" "/consult/q/$ZX_NO"
page 200 "$PUBLIC" "/consult/q/$ZX_NO/followup"
page 200 "$PUBLIC" "/consult/q/$ZX_NO/poll"
page 422 "$PUBLIC" "/consult/q/$ZX_NO/followup" --data-urlencode "csrf=$ZX_CSRF" \
	--data-urlencode "idem=x$ZX_IDEM" --data-urlencode 'body=x'

# ---------------------------------------------------------------- consult: the desk
page 200 "$DESK" /consult/desk
check "… the clerk has the new question" grep -q "<no>$ZX_NO</no>" "$X/$N.xml"
page 200 "$DESK" /consult/desk/duty
page 200 "$DESK" "/consult/desk/q/$ZX_ID"
page 200 "$DESK" "/consult/desk/q/$ZX_ID?canned=1"
for verb in claim answer phone note transfer dispatch close; do
	page 200 "$DESK" "/consult/desk/q/$ZX_ID/$verb"
done
for id in 1 5; do
	page 200 "$DESK" "/consult/desk/q/$id"
done
page 200 "$OFFICE" /consult/desk/q/3
page 200 "$SUPER" /consult/desk/q/2
page 404 "$DESK" /consult/desk/q/3
http GET "/consult/desk/q/1?format=xml" -b "$DESK" -c "$DESK"
page 422 "$DESK" /consult/desk/q/1/close --data-urlencode "csrf=$(xml csrf)" \
	--data-urlencode "idem=$(xml idem)"
page 200 "$DESK" /consult/desk/canned
page 200 "$DESK" /consult/desk/canned/1/delete
page 200 "$DESK" /consult/desk/area
page 200 "$OFFICE" /consult/desk

# ---------------------------------------------------------------- consult: the office, supervision
page 200 "$OFFICE" /consult/office
page 200 "$SUPER" /consult/office
page 200 "$OFFICE" /consult/office/q/2/publish
page 200 "$OFFICE" /consult/office/q/1/unpublish
page 200 "$OFFICE" "/consult/office/q/$ZX_ID/publish"
http GET "/consult/office/q/$ZX_ID/publish?format=xml" -b "$OFFICE" -c "$OFFICE"
page 422 "$OFFICE" "/consult/office/q/$ZX_ID/publish" --data-urlencode "csrf=$(xml csrf)" \
	--data-urlencode "idem=$(xml idem)" --data-urlencode 'public_subject=ab'
page 200 "$SUPER" /consult/supervise
page 200 "$SUPER" '/consult/supervise?department=2&light=green&rating=5&from=2026-01-01'
page 200 "$OFFICE" /consult/supervise
page 200 "$SUPER" /consult/supervise/figures
page 200 "$SUPER" '/consult/supervise/figures?from=2026-01-01&to=2026-12-31&lang=en'
page 403 "$DESK" /consult/supervise
page 404 "$DESK" /consult/nowhere

# ---------------------------------------------------------------- evaluate: a case's rating
# Letter 3's link (replied, not rated in the demo): the form, a refused
# rating, a wrong token, the rating, the page after it; a letter not yet
# handled by a link signed here as the site signs it (sign.h); the demo's
# rated cases on the pages of the office and the desk above.
# token NO: the rating link's token for number NO, computed here (lib.sh).
token() { rate_token "$1"; }
page 200 "$PUBLIC" "$RATE"
check "… the form of a letter's rating" grep -q '<rating-form kind="letter">' "$X/$N.xml"
EV_CSRF=$(xml csrf) EV_IDEM=$(xml idem)
page 422 "$PUBLIC" "$RATE" --data-urlencode "csrf=$EV_CSRF" --data-urlencode "idem=$EV_IDEM" \
	--data-urlencode 'level=1' --data-urlencode 'efficiency=1' --data-urlencode 'convenience=2'
page 404 "$PUBLIC" "${RATE%/*}/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
http POST "$RATE" -b "$PUBLIC" -c "$PUBLIC" --data-urlencode "csrf=$EV_CSRF" \
	--data-urlencode "idem=$EV_IDEM" --data-urlencode 'level=1' --data-urlencode 'efficiency=1' \
	--data-urlencode 'convenience=2' --data-urlencode 'reason=5' \
	--data-urlencode 'comment=路灯修好后第二天又不亮了。'
[ "$STATUS" = 303 ] || die "letter 3 could not be rated (status $STATUS: $(head -c 300 "$BODY"))"
page 200 "$PUBLIC" "$(header Location)"
check "… the page after a 差评 promises the call back" grep -q '<callback days="' "$X/$N.xml"
page 200 "$PUBLIC" "$RATE"
page 200 "$PUBLIC" "/evaluate/case/$NEW_NO/$(token "$NEW_NO")"
check "… a letter not handled yet: pending" grep -q 'state="pending"' "$X/$N.xml"
page 200 "$PUBLIC" "/evaluate/case/$ZX_DEMO/$(token "$ZX_DEMO")?lang=en"
page 404 "$PUBLIC" "/evaluate/case/MB20200101-0001/$(token MB20200101-0001)"
page 200 "$OFFICE" /mailbox/office/3
check "… the office's page of the letter shows its rating" grep -q '<evaluation [^>]*><rating>' \
	"$X/$N.xml"
# The evaluation's other pages, on its demo data (sql/demo-evaluate.sql:
# an open campaign, ratings of the demo's clerks, 差评 in every state).
ctl load "$top_srcdir/sql/demo-evaluate.sql" >>"$W/load.log" 2>&1 ||
	die "civicctl load sql/demo-evaluate.sql failed: $(cat "$W/load.log")"
EV_CAMPAIGN=$(sql "SELECT MIN(id) FROM eval_campaign WHERE CURDATE() BETWEEN starts_on AND ends_on")
EV_CASE=$(sql "SELECT MIN(id) FROM eval_case WHERE department_id = 2")
page 200 "$PUBLIC" /evaluate/
page 200 "$PUBLIC" /evaluate/results
page 200 "$PUBLIC" '/evaluate/results?lang=en&from=2026-01-01&to=2026-12-31'
page 200 "$PUBLIC" /evaluate/campaigns
page 200 "$PUBLIC" "/evaluate/campaign/$EV_CAMPAIGN"
EV_CSRF=$(xml csrf)
page 422 "$PUBLIC" "/evaluate/campaign/$EV_CAMPAIGN/code" --data-urlencode "csrf=$EV_CSRF" \
	--data-urlencode 'phone=123' --data-urlencode 'comment=窗口服务好。'
page 200 "$PUBLIC" "/evaluate/campaign/$EV_CAMPAIGN/code" --data-urlencode "csrf=$EV_CSRF" \
	--data-urlencode 'phone=13800000077' --data-urlencode 'level=4'
page 200 "$PUBLIC" /evaluate/clerk
page 200 "$PUBLIC" /evaluate/clerk/1004
page 404 "$PUBLIC" /evaluate/clerk/99999999
page 200 "$OFFICE" /evaluate/office/campaigns
page 200 "$OFFICE" /evaluate/office/campaigns/new
page 200 "$OFFICE" "/evaluate/office/campaigns/$EV_CAMPAIGN"
page 200 "$DESK" /evaluate/desk
page 200 "$DESK" "/evaluate/desk/$EV_CASE"
page 404 "$CLERK" "/evaluate/desk/$EV_CASE"
page 200 "$OFFICE" /evaluate/office/appeals
page 200 "$SUPER" /evaluate/supervise
page 200 "$SUPER" '/evaluate/supervise?by=clerk'
page 200 "$SUPER" /evaluate/supervise/ratings
page 403 "$CLERK" /evaluate/supervise

# ---------------------------------------------------------------- prereview: the guide
# The demo's service guide (sql/demo-prereview.sql, after demo-mailbox.sql's
# departments), indexed for the search as the demo does it.
ctl load "$top_srcdir/sql/demo-prereview.sql" >>"$W/load.log" 2>&1 ||
	die "civicctl load sql/demo-prereview.sql failed: $(cat "$W/load.log")"
ctl reindex prereview >>"$W/reindex.log" 2>&1 ||
	die "civicctl reindex prereview failed: $(cat "$W/reindex.log")"
# An item taking applications for persons, reviewed by its own department
# alone (a decision settles the application), without sub-items; a major
# item with sub-items and one of these; a theme and a department of entries.
PR_ITEM=$(sql "SELECT MIN(i.id) FROM pr_item i WHERE i.online = 1 AND i.active = 1
	AND i.audience IN ('person', 'both') AND i.parent_id IS NULL
	AND NOT EXISTS (SELECT 1 FROM pr_item s WHERE s.parent_id = i.id AND s.active = 1)
	AND (SELECT COUNT(*) FROM pr_item_department d WHERE d.item_id = i.id
		AND d.department_id <> i.department_id) = 0")
[ -n "$PR_ITEM" ] && [ "$PR_ITEM" != NULL ] || die "the pre-review demo has no item for persons"
PR_CODE=$(sql "SELECT code FROM pr_item WHERE id = $PR_ITEM")
PR_DEPT=$(sql "SELECT department_id FROM pr_item WHERE id = $PR_ITEM")
PR_DEPT_CODE=$(sql "SELECT code FROM department WHERE id = $PR_DEPT")
PR_MAJOR=$(sql "SELECT MIN(parent_id) FROM pr_item WHERE parent_id IS NOT NULL AND active = 1")
PR_MAJOR_CODE=$(sql "SELECT code FROM pr_item WHERE id = $PR_MAJOR")
PR_SUB_CODE=$(sql "SELECT MIN(code) FROM pr_item WHERE parent_id = $PR_MAJOR AND active = 1")
PR_THEME=$(sql "SELECT MIN(theme_id) FROM pr_item WHERE active = 1 AND parent_id IS NULL")
PR_OTHER_DEPT_ITEM=$(sql "SELECT MIN(id) FROM pr_item WHERE department_id <> $PR_DEPT")
page 200 "$PUBLIC" /prereview/
page 200 "$PUBLIC" '/prereview/?lang=en'
page 200 "$PUBLIC" /prereview/items
page 200 "$PUBLIC" "/prereview/items?dept=$PR_DEPT"
page 200 "$PUBLIC" '/prereview/items?audience=enterprise'
page 200 "$PUBLIC" "/prereview/items?theme=$PR_THEME&audience=person"
page 200 "$PUBLIC" '/prereview/items?q=%E8%AE%B8%E5%8F%AF'	# 许可
check "… a search says what it searched" grep -q '<search ' "$X/$N.xml"
page 200 "$PUBLIC" '/prereview/items?q=%21%21'
page 200 "$PUBLIC" '/prereview/items?after=3&lang=en'
page 400 "$PUBLIC" '/prereview/items?dept=abc'
page 200 "$PUBLIC" "/prereview/item/$PR_CODE"
page 200 "$PUBLIC" "/prereview/item/$PR_MAJOR_CODE"
check "… a major item lists its sub-items" grep -q '<subitems>' "$X/$N.xml"
page 200 "$PUBLIC" "/prereview/item/$PR_SUB_CODE?lang=en"
check "… a sub-item names its major item" grep -q '<parent_code>' "$X/$N.xml"
page 404 "$PUBLIC" /prereview/item/510124000000-XK-9999

# ---------------------------------------------------------------- prereview: the applicant
# idcard17 DIGITS: a resident ID number with its GB 11643 check digit.
idcard17() {
	python3 - "$1" <<'EOF'
import sys
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
s = sys.argv[1]
print(s + "10X98765432"[sum(int(c) * x for c, x in zip(s, w)) % 11])
EOF
}
printf '%%PDF-1.4\n%% pre-review material\n%%%%EOF\n' >"$W/pr.pdf"
{ printf '\211PNG\r\n\032\n'; head -c 200 /dev/zero; } >"$W/pr.png"
# The item's own fields, each with a value of its kind (a choice's first).
PR_FIELDS=()
while IFS=$'\t' read -r seq kind choices; do
	case $kind in
	number) v=12 ;;
	date) v=2026-11-02 ;;
	choice) v=${choices%%|*} ;;
	*) v=自用 ;;
	esac
	PR_FIELDS+=(--form-string "x$seq=$v")
done < <(sql "SELECT seq, kind, IFNULL(choices, '') FROM pr_field WHERE item_id = $PR_ITEM ORDER BY seq")
# A file for every material (one whose condition does not hold is ignored).
PR_FILES=()
for seq in $(sql "SELECT seq FROM pr_material WHERE item_id = $PR_ITEM ORDER BY seq"); do
	if [ $((seq % 2)) = 1 ]; then
		PR_FILES+=(-F "m$seq=@$W/pr.pdf;type=application/pdf")
	else
		PR_FILES+=(-F "m$seq=@$W/pr.png;type=image/png")
	fi
done
PR_APPLY=/prereview/item/$PR_CODE/apply
PR_NAMES=(- 张春梅 李建国 王秀英 赵志强 陈丽华)
# pr_form JAR: the application form's keys, after the form's minimum time.
pr_form() {
	http GET "$PR_APPLY?format=xml" -b "$1" -c "$1"
	PR_CSRF=$(xml csrf) PR_IDEM=$(xml idem)
	PR_ISSUED=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
	PR_SIG=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
	sleep 2
}
# pr_apply JAR N: application N (a person), sent; PR_SERIAL and PR_ID.
pr_apply() {
	pr_form "$1"
	http POST "$PR_APPLY" -b "$1" -c "$1" --form-string "csrf=$PR_CSRF" \
		--form-string "idem=$PR_IDEM" --form-string "issued=$PR_ISSUED" \
		--form-string "sig=$PR_SIG" --form-string applicant_kind=person \
		--form-string "name=${PR_NAMES[$2]}" --form-string "phone=1380000710$2" \
		--form-string consent=1 --form-string "id_card=$(idcard17 "5101241980010100$2")" \
		"${PR_FIELDS[@]}" "${PR_FILES[@]}"
	[ "$STATUS" = 303 ] || die "pre-review application $2 was not taken (status $STATUS: $(head -c 400 "$BODY"))"
	PR_SERIAL=$(header Location)
	PR_SERIAL=${PR_SERIAL##*/}
	PR_ID=$(sql "SELECT id FROM pr_application WHERE serial = '$PR_SERIAL'")
}
page 200 "$PUBLIC" "$PR_APPLY"
page 200 "$PUBLIC" "$PR_APPLY?lang=en"
pr_form "$PUBLIC"
page 422 "$PUBLIC" "$PR_APPLY" --form-string "csrf=$PR_CSRF" --form-string "idem=$PR_IDEM" \
	--form-string "issued=$PR_ISSUED" --form-string "sig=$PR_SIG" \
	--form-string applicant_kind=person --form-string 'name=王' --form-string 'phone=123' \
	--form-string 'id_card=510124198001010010' "${PR_FIELDS[@]}"
check "… the refused application says what is wrong" grep -q '<error field=' "$X/$N.xml"
PR_JAR=()
for i in 1 2 3 4 5; do
	PR_JAR[$i]=$W/pr-applicant-$i.jar
	pr_apply "${PR_JAR[$i]}" "$i"
	PR_SER[$i]=$PR_SERIAL PR_APP[$i]=$PR_ID
	if [ "$i" = 1 ]; then
		page 200 "${PR_JAR[$i]}" "/prereview/sent/$PR_SERIAL"
		check "… the receipt shows the query code once" grep -q '<receipt [^>]*code="' "$X/$N.xml"
		PR_QCODE=$(tr -d '\n' <"$X/$N.xml" | sed -n 's:.*<receipt [^>]*code="\([^"]*\)".*:\1:p')
		page 200 "${PR_JAR[$i]}" "/prereview/sent/$PR_SERIAL?lang=en"
	fi
done
page 200 "$PUBLIC" /prereview/track
page 200 "$PUBLIC" "/prereview/track?no=${PR_SER[1]}"
PR_CSRF=$(xml csrf)
page 422 "$PUBLIC" /prereview/track --data-urlencode "csrf=$PR_CSRF" \
	--data-urlencode "no=${PR_SER[1]}" --data-urlencode 'code=WRONGCODE9'
http POST /prereview/track -b "$PUBLIC" -c "$PUBLIC" --data-urlencode "csrf=$PR_CSRF" \
	--data-urlencode "no=${PR_SER[1]}" --data-urlencode "code=$PR_QCODE"
[ "$STATUS" = 303 ] || die "the pre-review lookup did not grant the page (status $STATUS)"
page 200 "$PUBLIC" "/prereview/case/${PR_SER[1]}"
check "… the progress page in review" grep -q '<state>review</state>' "$X/$N.xml"
page 200 "${PR_JAR[1]}" "/prereview/case/${PR_SER[1]}?lang=en"
cp "$X/$N.xml" "$W/good-prereview.xml"

# ---------------------------------------------------------------- prereview: the departments
PR_CLERK=$W/pr-clerk.jar PR_CLERK2=$W/pr-clerk2.jar
adduser 40000011 预审科员 "$PR_DEPT_CODE" clerk
signin "$PR_CLERK" 40000011 "$PW"
[ "$STATUS" = 303 ] || die "the pre-review clerk cannot sign in (status $STATUS)"
# A clerk of another department (住建局's clerk above, unless the item is
# 住建局's: then 公安局's) for the 404s.
PR_OTHER_CLERK=$CLERK
[ "$PR_DEPT_CODE" = zhujian ] && PR_OTHER_CLERK=$DESK
# pr_decide APP FIELD=VALUE...: the clerk claims APP and decides, every
# material with a file given VERDICT (the first argument, v1=… for all).
pr_verdicts() {
	local v=$1 seq out=()
	for seq in $(sql "SELECT m.seq FROM pr_upload u JOIN pr_material m ON m.id = u.material_id
		WHERE u.application_id = $2 AND u.latest = 1 AND u.file_id IS NOT NULL ORDER BY m.seq"); do
		out+=("v$seq=$v")
		[ "$v" = correction ] && out+=("n$seq=材料$seq不清晰，请重新扫描上传")
	done
	printf '%s\n' "${out[@]}"
}
pr_claim() {
	act "$PR_CLERK" "/prereview/review/$1/claim"
	[ "$STATUS" = 303 ] || die "application $1 could not be claimed (status $STATUS)"
}
pr_decide() {
	local app=$1 verdict=$2 v
	shift 2
	mapfile -t v < <(pr_verdicts "$verdict" "$app")
	act "$PR_CLERK" "/prereview/review/$app/decide" "${v[@]}" "$@"
	[ "$STATUS" = 303 ] || die "application $app could not be decided (status $STATUS: $(head -c 400 "$BODY"))"
}
page 200 "$PR_CLERK" "/prereview/review/${PR_APP[1]}"
check "… waiting, the claim form" grep -q '<state>waiting</state>' "$X/$N.xml"
page 200 "$OFFICE" "/prereview/review/${PR_APP[1]}"
page 200 "$SUPER" "/prereview/review/${PR_APP[1]}?lang=en"
page 404 "$PR_OTHER_CLERK" "/prereview/review/${PR_APP[1]}"
page 404 "$PR_CLERK" /prereview/review/999999
for i in 2 3 4 5; do pr_claim "${PR_APP[$i]}"; done
page 200 "$PR_CLERK" "/prereview/review/${PR_APP[2]}"
check "… claimed, the verdict form" grep -q '<state>claimed</state>' "$X/$N.xml"
page 200 "$PR_CLERK" "/prereview/review/${PR_APP[2]}/decide"
page 200 "$PR_CLERK" "/prereview/review/${PR_APP[2]}/extension"
page 200 "$OFFICE" "/prereview/review/${PR_APP[2]}/extension/decide?department=$PR_DEPT"
page 200 "$PR_CLERK" "/prereview/review/${PR_APP[2]}/claim"
form_of "$PR_CLERK" "/prereview/review/${PR_APP[2]}/decide"
page 422 "$PR_CLERK" "/prereview/review/${PR_APP[2]}/decide" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode decision=rejected
check "… a refused decision says what is wrong" grep -q '<error field=' "$X/$N.xml"
# Application 2: a correction (the one notice), 3: passed, 4: completed, 5: rejected.
pr_decide "${PR_APP[2]}" correction decision=correction
pr_decide "${PR_APP[3]}" accepted decision=passed
pr_decide "${PR_APP[4]}" accepted decision=passed
act "$PR_CLERK" "/prereview/review/${PR_APP[4]}/complete"
[ "$STATUS" = 303 ] || die "application ${PR_APP[4]} could not be completed (status $STATUS)"
pr_decide "${PR_APP[5]}" accepted decision=rejected 'reason=申请人不符合受理条件。'
check_eq "the pre-review's applications are in every state" \
	"review correction passed completed rejected" \
	"$(for i in 1 2 3 4 5; do sql "SELECT state FROM pr_application WHERE id = ${PR_APP[$i]}"; done |
		tr '\n' ' ' | sed 's/ $//')"
for i in 2 3 4 5; do
	page 200 "${PR_JAR[$i]}" "/prereview/case/${PR_SER[$i]}"
done
check "… the rejected one's reason" grep -q '<reject_reason>' "$X/$N.xml"
page 200 "${PR_JAR[2]}" "/prereview/case/${PR_SER[2]}/correct"
check "… the correction's notice" grep -q '<notice>' "$X/$N.xml"
PR_CSRF=$(xml csrf) PR_IDEM=$(xml idem)
page 422 "${PR_JAR[2]}" "/prereview/case/${PR_SER[2]}/correct" --form-string "csrf=$PR_CSRF" \
	--form-string "idem=$PR_IDEM"
page 200 "${PR_JAR[3]}" "/prereview/case/${PR_SER[3]}?lang=en"
http GET "/prereview/case/${PR_SER[3]}?format=xml" -b "$PUBLIC"
check_eq "… the progress page without the grant is the lookup's redirect" 303 "$STATUS"
for i in 3 4 5; do page 200 "$PR_CLERK" "/prereview/review/${PR_APP[$i]}"; done
page 200 "$PR_CLERK" /prereview/desk
page 200 "$PR_CLERK" '/prereview/desk?show=mine&light=green'
page 200 "$OFFICE" /prereview/desk
page 200 "$OFFICE" "/prereview/desk?department=$PR_DEPT&show=waiting&lang=en"
page 400 "$PR_CLERK" '/prereview/desk?show=everything'
page 200 "$OFFICE" /prereview/board
page 200 "$SUPER" "/prereview/board?department=$PR_DEPT&light=green"
page 200 "$SUPER" "/prereview/review/${PR_APP[1]}/urge?department=$PR_DEPT"
page 403 "$PR_CLERK" /prereview/board

# ---------------------------------------------------------------- prereview: the items
# A version made through the form: the item's form sent back as it is.
page 200 "$OFFICE" /prereview/staff/items
page 200 "$OFFICE" '/prereview/staff/items?after=30&lang=en'
page 200 "$OFFICE" /prereview/staff/items/new
page 200 "$OFFICE" "/prereview/staff/item/$PR_ITEM"
# pr_values FILE: the form's values, CSRF token and key of a page, as
# curl's arguments in PR_EDIT.
pr_values() {
	local kv
	PR_EDIT=()
	while IFS= read -r -d '' kv; do
		PR_EDIT+=(--form-string "$kv")
	done < <(python3 - "$1" <<'EOF'
import sys, xml.etree.ElementTree as ET
t = ET.parse(sys.argv[1]).getroot()
for v in t.iter("value"):
    sys.stdout.write("%s=%s\0" % (v.get("name"), v.text or ""))
for k in ("csrf", "idem"):
    e = t.find(".//" + k)
    sys.stdout.write("%s=%s\0" % (k, e.text))
EOF
)
}
pr_values "$X/$N.xml"
http POST "/prereview/staff/item/$PR_ITEM" -b "$OFFICE" -c "$OFFICE" "${PR_EDIT[@]/#promised_days=*/promised_days=1}"
[ "$STATUS" = 303 ] || die "the pre-review item could not be saved (status $STATUS: $(head -c 400 "$BODY"))"
PR_V=$(sql "SELECT MAX(version) FROM pr_item_version WHERE item_id = $PR_ITEM")
page 200 "$OFFICE" "/prereview/staff/item/$PR_ITEM?done=saved"
pr_values "$X/$N.xml"
page 200 "$OFFICE" "/prereview/staff/item/$PR_ITEM/versions"
page 200 "$OFFICE" "/prereview/staff/item/$PR_ITEM/version/$PR_V"
page 422 "$OFFICE" "/prereview/staff/item/$PR_ITEM" "${PR_EDIT[@]/#code=*/code=bad code}"
page 200 "$PR_CLERK" /prereview/staff/items
page 200 "$PR_CLERK" /prereview/staff/items/new
page 200 "$PR_CLERK" "/prereview/staff/item/$PR_ITEM"
page 200 "$PR_CLERK" "/prereview/staff/item/$PR_ITEM/versions?lang=en"
page 200 "$PR_CLERK" "/prereview/staff/item/$PR_ITEM/version/$PR_V"
page 404 "$PR_CLERK" "/prereview/staff/item/$PR_OTHER_DEPT_ITEM"
page 404 "$OFFICE" "/prereview/staff/item/$PR_ITEM/version/99999"
page 403 "$SUPER" /prereview/staff/items

# A pre-review page broken the ways an applicant's page must never be.
valid "the schema accepts a pre-review progress page" "$W/good-prereview.xml"
sed 's:<state>review</state>:<state>pending</state>:' "$W/good-prereview.xml" >"$W/bad-pr-state.xml"
invalid "… and refuses a state the pre-review does not have" "$W/bad-pr-state.xml"
sed 's:<application>:<application><phone>13800007101</phone>:' "$W/good-prereview.xml" \
	>"$W/bad-pr-phone.xml"
invalid "… the applicant's phone on the applicant's page" "$W/bad-pr-phone.xml"
sed 's:<application>:<application><id_number>510124198001010011</id_number>:' \
	"$W/good-prereview.xml" >"$W/bad-pr-id.xml"
invalid "… the applicant's ID number on it" "$W/bad-pr-id.xml"
sed 's:<serial>[^<]*</serial>::' "$W/good-prereview.xml" >"$W/bad-pr-serial.xml"
invalid "… an application without its serial" "$W/bad-pr-serial.xml"

# ---------------------------------------------------------------- catalogue: the public
# The demo's disclosure catalogue (sql/demo-catalogue.sql, after the
# mailbox's and the pre-review's departments, as examples/demo/run loads
# it), indexed; an entry of each kind found by plain SQL.
ctl load "$top_srcdir/sql/demo-catalogue.sql" >>"$W/load.log" 2>&1 ||
	die "civicctl load sql/demo-catalogue.sql failed: $(tail -n 5 "$W/load.log")"
ctl reindex catalogue >>"$W/reindex.log" 2>&1 ||
	die "civicctl reindex catalogue failed: $(cat "$W/reindex.log")"
# cat_one WHERE: the smallest id of an entry (e) where WHERE holds.
cat_one() { sql "SELECT MIN(e.id) FROM cat_entry e WHERE $1"; }
CAT_PUB="e.state = 'published' AND e.disclosure <> 'none'"
CE_ACTIVE=$(cat_one "$CAT_PUB AND e.disclosure = 'active' AND e.validity = 'valid'")
CE_REQUEST=$(cat_one "$CAT_PUB AND e.disclosure = 'request'")
CE_WITHDRAWN=$(cat_one "e.state = 'withdrawn' AND e.disclosure <> 'none'")
CE_REPEALED=$(cat_one "$CAT_PUB AND e.validity = 'repealed'")
CE_AMENDED=$(cat_one "$CAT_PUB AND e.validity = 'amended'")
CE_NONE=$(cat_one "e.state = 'published' AND e.disclosure = 'none'")
CE_DRAFT=$(cat_one "e.state = 'draft'")
CE_INTERP=$(cat_one "$CAT_PUB AND EXISTS (SELECT 1 FROM cat_entry_link l WHERE l.entry_id = e.id AND l.kind = 'interprets')")
CE_POLICY=$(sql "SELECT related_id FROM cat_entry_link WHERE entry_id = $CE_INTERP AND kind = 'interprets'")
CE_JOINT=$(cat_one "$CAT_PUB AND EXISTS (SELECT 1 FROM cat_entry_body b WHERE b.entry_id = e.id)")
CE_ATT=$(cat_one "$CAT_PUB AND e.disclosure = 'active' AND EXISTS (SELECT 1 FROM cat_attachment a WHERE a.entry_id = e.id)")
for v in CE_ACTIVE CE_REQUEST CE_WITHDRAWN CE_REPEALED CE_AMENDED CE_NONE CE_DRAFT CE_INTERP \
    CE_POLICY CE_JOINT; do
	[ -n "${!v}" ] && [ "${!v}" != NULL ] || die "sql/demo-catalogue.sql has no entry for $v"
done
CAT_THEME=$(sql "SELECT MIN(e.theme_id) FROM cat_entry e WHERE $CAT_PUB")
CAT_GENRE=$(sql "SELECT MIN(e.genre_id) FROM cat_entry e WHERE $CAT_PUB")
CAT_LEAF=$(sql "SELECT MIN(e.category_id) FROM cat_entry e WHERE $CAT_PUB")
page 200 "$PUBLIC" /catalogue/
page 200 "$PUBLIC" '/catalogue/?lang=en'
page 200 "$PUBLIC" /catalogue/list
CAT_NEXT=$(tr -d '\n' <"$X/$N.xml" | sed -n 's:.*<pager next="\([^"]*\)".*:\1:p')
[ -n "$CAT_NEXT" ] || fail "the catalogue's list has no next page (225 entries)"
page 200 "$PUBLIC" "/catalogue/list?after=$CAT_NEXT"
page 200 "$PUBLIC" "/catalogue/list?after=$CAT_NEXT&lang=en"
page 200 "$PUBLIC" /catalogue/list?category=4
page 200 "$PUBLIC" "/catalogue/list?category=$CAT_LEAF"
page 200 "$PUBLIC" /catalogue/list?body=21
page 200 "$PUBLIC" "/catalogue/list?theme=$CAT_THEME"
page 200 "$PUBLIC" "/catalogue/list?genre=$CAT_GENRE"
page 200 "$PUBLIC" /catalogue/list?year=2025
page 200 "$PUBLIC" /catalogue/list?validity=repealed
page 200 "$PUBLIC" '/catalogue/list?q=%E9%A2%84%E7%AE%97'	# 预算
check "… the search finds entries" grep -q '<entry>' "$X/$N.xml"
page 200 "$PUBLIC" '/catalogue/list?q=%E9%A2%84%E7%AE%97&body=21&year=2026&validity=valid'
page 200 "$PUBLIC" '/catalogue/list?q=zzzzqqqq'
page 200 "$PUBLIC" '/catalogue/list?year=2199'
page 400 "$PUBLIC" '/catalogue/list?category=abc'
page 400 "$PUBLIC" '/catalogue/list?after=garbage'
for e in "$CE_ACTIVE" "$CE_REQUEST" "$CE_WITHDRAWN" "$CE_REPEALED" "$CE_AMENDED" "$CE_INTERP" \
    "$CE_POLICY" "$CE_JOINT"; do
	page 200 "$PUBLIC" "/catalogue/e/$e"
done
page 200 "$PUBLIC" "/catalogue/e/$CE_REQUEST?lang=en"
page 200 "$PUBLIC" "/catalogue/e/$CE_WITHDRAWN?lang=en"
cp "$X/$N.xml" "$W/good-cat-withdrawn.xml"
page 200 "$PUBLIC" "/catalogue/e/$CE_REQUEST"
cp "$X/$N.xml" "$W/good-cat-request.xml"
page 200 "$PUBLIC" "/catalogue/e/$CE_ACTIVE"
cp "$X/$N.xml" "$W/good-cat-entry.xml"
page 404 "$PUBLIC" "/catalogue/e/$CE_NONE"
page 404 "$PUBLIC" "/catalogue/e/$CE_DRAFT"
page 404 "$PUBLIC" /catalogue/e/999999
page 200 "$PUBLIC" /catalogue/report
page 200 "$PUBLIC" /catalogue/report?year=2024
page 200 "$PUBLIC" /catalogue/report?year=2025
page 200 "$PUBLIC" '/catalogue/report?year=2026&lang=en'
page 400 "$PUBLIC" /catalogue/report?year=abc
page 405 "$PUBLIC" "/catalogue/e/$CE_ACTIVE" --data-urlencode "csrf=$CSRF"

# ---------------------------------------------------------------- catalogue: the staff
# A clerk of a demo issuing body (县财政局, department 21 of
# sql/demo-catalogue.sql) makes an entry with a PDF and a .docx, has a form
# refused, edits it, publishes it (its public page then has attachments),
# withdraws it; the office looks at every body's entries and the trees.
adduser 40000021 财政信息员 caizheng clerk
CAT_CLERK=$W/cat-clerk.jar
signin "$CAT_CLERK" 40000021 "$PW"
[ "$STATUS" = 303 ] || die "the catalogue's clerk cannot sign in (status $STATUS)"
printf '%%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%%%EOF\n' >"$W/cat.pdf"
python3 - "$W/cat.docx" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>')
EOF
CAT_FORM=(--form-string title=关于2026年度县级财政资金绩效评价的通知 --form-string body=21
	--form-string written_on=2026-12-01 --form-string "category=$CAT_LEAF"
	--form-string "theme=$CAT_THEME" --form-string "genre=$CAT_GENRE"
	--form-string 'keywords=绩效评价 财政资金' --form-string summary=部署年度绩效评价工作。
	--form-string 'content=各单位：现就2026年度财政资金绩效评价工作通知如下。'
	--form-string disclosure=active --form-string validity=valid)
page 200 "$CAT_CLERK" /catalogue/staff/entries
page 200 "$CAT_CLERK" '/catalogue/staff/entries?state=draft&lang=en'
page 200 "$OFFICE" /catalogue/staff/entries
page 200 "$OFFICE" '/catalogue/staff/entries?body=21&state=published&q=%E9%A2%84%E7%AE%97'
page 200 "$CAT_CLERK" /catalogue/staff/new
page 200 "$CAT_CLERK" '/catalogue/staff/new?lang=en'
form_of "$CAT_CLERK" /catalogue/staff/new
page 422 "$CAT_CLERK" /catalogue/staff/new --form-string "csrf=$CSRF" --form-string "idem=$IDEM" \
	"${CAT_FORM[@]}" --form-string 'doc_no=郫财发[2026]1号' -F "a1=@$W/cat.pdf;type=application/pdf"
check "… the refused form says what is wrong" grep -q '<error field="doc_no"' "$X/$N.xml"
http POST /catalogue/staff/new -b "$CAT_CLERK" -c "$CAT_CLERK" --form-string "csrf=$CSRF" \
	--form-string "idem=$IDEM" "${CAT_FORM[@]}" -F "a1=@$W/cat.pdf;type=application/pdf" \
	--form-string a1_title=评价方案 -F "a2=@$W/cat.docx"
[ "$STATUS" = 303 ] || die "the catalogue's entry was not made (status $STATUS: $(head -c 400 "$BODY"))"
CE_NEW=$(header Location | sed -n 's:^/catalogue/staff/e/\([0-9]*\)?.*:\1:p')
page 200 "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW?done=saved"
check "… the form lists its attachments" grep -q '<attachment>' "$X/$N.xml"
form_of "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW"
page 422 "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW" --form-string "csrf=$CSRF" \
	--form-string "idem=$IDEM" "${CAT_FORM[@]}" --form-string version=0
http POST "/catalogue/staff/e/$CE_NEW" -b "$CAT_CLERK" -c "$CAT_CLERK" --form-string "csrf=$CSRF" \
	--form-string "idem=$IDEM" "${CAT_FORM[@]/#summary=*/summary=部署年度绩效评价及结果运用。}" \
	--form-string version=1
[ "$STATUS" = 303 ] || die "the catalogue's entry was not edited (status $STATUS: $(head -c 400 "$BODY"))"
page 200 "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW?lang=en"
page 200 "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW/publish"
act "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW/publish"
[ "$STATUS" = 303 ] || die "the catalogue's entry was not published (status $STATUS)"
form_of "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW/publish"
page 422 "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW/publish" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM"
page 200 "$PUBLIC" "/catalogue/e/$CE_NEW"
check "… the public page has the attachments" grep -q '<attachment>' "$X/$N.xml"
cp "$X/$N.xml" "$W/good-cat-att.xml"
page 200 "$PUBLIC" "/catalogue/e/$CE_NEW?lang=en"
[ "$CE_ATT" != NULL ] && page 200 "$PUBLIC" "/catalogue/e/$CE_ATT"
page 200 "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW/withdraw"
form_of "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW/withdraw"
page 422 "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW/withdraw" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode reason=
act "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW/withdraw" reason=通知内容需调整，另行发布。
[ "$STATUS" = 303 ] || die "the catalogue's entry was not withdrawn (status $STATUS)"
page 200 "$PUBLIC" "/catalogue/e/$CE_NEW"
check "… withdrawn, with the reason" grep -q '通知内容需调整' "$X/$N.xml"
page 200 "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW/history"
page 200 "$OFFICE" "/catalogue/staff/e/$CE_NEW/history?lang=en"
for v in $(sql "SELECT id FROM cat_entry_version WHERE entry_id = $CE_NEW ORDER BY id"); do
	page 200 "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW/v/$v"
done
page 200 "$OFFICE" "/catalogue/staff/e/$CE_ACTIVE"
page 200 "$OFFICE" "/catalogue/staff/e/$CE_DRAFT"
page 404 "$CLERK" "/catalogue/staff/e/$CE_NEW"
page 404 "$CAT_CLERK" "/catalogue/staff/e/$CE_NEW/v/999999"
page 403 "$SUPER" /catalogue/staff/entries
# The office's trees and bodies, a refused node, a clerk refused.
CAT_THEME_TOP=$(sql "SELECT MIN(id) FROM cat_theme WHERE parent_id IS NULL")
page 200 "$OFFICE" /catalogue/staff/categories
page 200 "$OFFICE" '/catalogue/staff/categories?lang=en'
page 200 "$OFFICE" /catalogue/staff/category/4
page 200 "$OFFICE" "/catalogue/staff/category/$CAT_LEAF?lang=en"
page 200 "$OFFICE" /catalogue/staff/themes
page 200 "$OFFICE" "/catalogue/staff/theme/$CAT_THEME_TOP"
page 200 "$OFFICE" "/catalogue/staff/theme/$CAT_THEME?lang=en"
page 200 "$OFFICE" /catalogue/staff/bodies
page 200 "$OFFICE" /catalogue/staff/body/21
page 200 "$OFFICE" '/catalogue/staff/body/1?lang=en'
form_of "$OFFICE" /catalogue/staff/categories
page 422 "$OFFICE" /catalogue/staff/categories --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode parent=4 --data-urlencode code=0599 \
	--data-urlencode name=错位的类目
act "$OFFICE" /catalogue/staff/themes parent="$CAT_THEME_TOP" \
	code="$(sql "SELECT code FROM cat_theme WHERE id = $CAT_THEME_TOP")99" name=测试主题
[ "$STATUS" = 303 ] || die "the office could not add a theme (status $STATUS: $(head -c 300 "$BODY"))"
page 200 "$OFFICE" "$(header Location)"
form_of "$OFFICE" /catalogue/staff/body/21
page 422 "$OFFICE" /catalogue/staff/body/21 --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode stamp=00000000000000000000000000000000 \
	--data-urlencode org_code=abc
page 403 "$CAT_CLERK" /catalogue/staff/categories

# Catalogue pages broken the ways a public entry page must never be.
valid "the schema accepts a catalogue entry with attachments" "$W/good-cat-att.xml"
sed 's:<disclosure>active</disclosure>:<disclosure>none</disclosure>:' "$W/good-cat-entry.xml" \
	>"$W/bad-cat-none.xml"
invalid "… and refuses a 不予公开 entry on the public page" "$W/bad-cat-none.xml"
sed 's:<disclosure>request</disclosure>:<disclosure>request</disclosure><paragraphs><p>全文</p></paragraphs>:' \
	"$W/good-cat-request.xml" >"$W/bad-cat-request.xml"
invalid "… the text of an entry disclosed on request" "$W/bad-cat-request.xml"
sed 's:<state>withdrawn</state>:<state>draft</state>:' "$W/good-cat-withdrawn.xml" >"$W/bad-cat-draft.xml"
invalid "… a draft" "$W/bad-cat-draft.xml"
sed 's:<disclosure>active</disclosure>:<disclosure>active</disclosure><creator>财政信息员</creator>:' \
	"$W/good-cat-entry.xml" >"$W/bad-cat-staff.xml"
invalid "… the name of the staff member who made it" "$W/bad-cat-staff.xml"
sed 's:<index_no>[^<]*</index_no>::' "$W/good-cat-entry.xml" >"$W/bad-cat-index.xml"
invalid "… an entry without its index number" "$W/bad-cat-index.xml"
sed 's/ program="catalogue"/ program="prereview"/' "$W/good-cat-entry.xml" >"$W/bad-cat-program.xml"
invalid "… and a catalogue view under another program" "$W/bad-cat-program.xml"
for f in bad-cat-none bad-cat-request bad-cat-draft bad-cat-staff bad-cat-index bad-cat-program; do
	cmp -s "$W/$f.xml" "$W/good-cat-entry.xml" || cmp -s "$W/$f.xml" "$W/good-cat-request.xml" ||
		cmp -s "$W/$f.xml" "$W/good-cat-withdrawn.xml" && fail "$f: the sed changed nothing"
done

# ---------------------------------------------------------------- limits
# A body larger than the program takes (the web server lets it through).
head -c 3000000 /dev/zero | tr '\0' 'a' >"$W/big"
page 413 "$PUBLIC" /mailbox/track --data-urlencode "csrf=$CSRF" --data-urlencode "no@$W/big"
# The demo takes 30 notes a minute from one address: the 31st try is refused.
# The minute is a fixed window of the clock (ratelimit.c): the tries start
# in its first half, so that all 31 fall in one window however slow the
# machine.
while [ $(( $(date +%s) % 60 )) -ge 30 ]; do sleep 1; done
http GET '/demo/new?format=xml' -b "$PUBLIC" -c "$PUBLIC"
CSRF=$(xml csrf)
for i in $(seq 1 30); do
	http POST /demo/new -b "$PUBLIC" -c "$PUBLIC" --data-urlencode "csrf=$CSRF" \
		--data-urlencode "idem=ratelimit-try-$i-aaaaaaaa"
done
page 429 "$PUBLIC" /demo/new --data-urlencode "csrf=$CSRF" \
	--data-urlencode 'idem=ratelimit-try-31-aaaaaaaa'

# Every view the schema describes was among the pages: none is left untried.
schema_views=$(grep -ho 'name="view"><value>[^<]*' "$top_srcdir"/xslt/schema/*.rng |
	sed 's/.*<value>//' | sort -u | tr '\n' ' ')
seen_views=$(grep -ho '<page [^>]* view="[^"]*"' "$X"/*.xml | sed 's/.* view="//; s/"$//' |
	sort -u | tr '\n' ' ')
check_eq "every view of the schema was fetched and validated" "$schema_views" "$seen_views"
note "$N pages checked"
finish
