#!/bin/bash
# evaluate-case.sh: a handled case's rating (modules/evaluate/case.c)
# through nginx, with the mailbox and the consultation that hand out its
# link: a letter replied by the office and a question answered at the
# desk, each rated once at /evaluate/case/{no}/{token} by the link its
# page and its SMS carry.  The link itself is checked against a signature
# computed here (HMAC-SHA-512-256 of "rate:NO:0" under the site's secret,
# sign.h), so that a link for a number no case has can be made and must be
# the same 404 as a wrong token.  Then: a case not yet handled is refused;
# a kind's indicators are required; a 差评 without its reason or comment
# is refused beside the field with what was typed kept; a 差评 opens a
# rectification case whose return visit is due on the working-day
# calendar, computed here independently from examples/holidays/2026.txt;
# one rating per case however often it is posted; the rating page shows
# nothing of the case's text or its writer; every view fetched is valid
# against xslt/schema/page.rng.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
find_tool XMLLINT xmllint libxml2-utils
command -v python3 >/dev/null 2>&1 || die "python3 not found: install the Debian package python3"
SCHEMA=$top_srcdir/xslt/schema/page.rng
W=$CIVIC_T/work
ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }

# The evaluation's clock: Friday 2026-09-25, 中秋节 and a holiday, a few
# days before 国庆节; a return visit due 6 working days later.  The
# consultation's window stays open at any hour.  Links in SMS begin with
# the site's public address.
NOW='2026-09-25 10:00:00'
VISIT_DAYS=6
PUBLIC=https://www.example.gov.cn
awk -v now="$NOW" -v days="$VISIT_DAYS" -v pub="$PUBLIC" '
	/^[ \t]*\[.*\][ \t]*$/ { s = $0; gsub(/[][ \t]/, "", s) }
	s == "evaluate" && /^now *=/ { print "now = " now; next }
	s == "evaluate" && /^visit_days *=/ { print "visit_days = " days; next }
	s == "site" && /^public_url *=/ { print "public_url = " pub; next }
	{ print }
' "$CIVIC_T/civic.conf" >"$CIVIC_T/civic.conf.new" && mv "$CIVIC_T/civic.conf.new" "$CIVIC_T/civic.conf"
chmod 0600 "$CIVIC_T/civic.conf"
sed -i -e 's/^min_fill_seconds *=.*/min_fill_seconds = 0/' -e 's/^every_day *=.*/every_day = 1/' \
	-e 's/^hours *=.*/hours = 00:00-24:00/' "$CIVIC_T/civic.conf"
ctl import-holidays "$top_srcdir/examples/holidays/2026.txt" >"$W/holidays.log" 2>&1 ||
	die "civicctl import-holidays failed: $(cat "$W/holidays.log")"
civic_program_start account --workers 1
civic_program_start mailbox --workers 1
civic_program_start consult --workers 1
civic_program_start evaluate --workers 1

# token NO: the rating link's token for number NO, computed here (lib.sh).
token() { rate_token "$1"; }
# The case element's state, and the number of ratings of a case.
state() { tr -d '\n' <"$BODY" | sed -n 's:.*<case [^>]*state="\([a-z]*\)".*:\1:p'; }
ratings() { sql "SELECT COUNT(*) FROM eval_rating WHERE kind = '$1' AND case_id = $2"; }

PW='evaluate case 2026 ok'
adduser() { civic_add_staff "$PW" "$@"; }
adduser 50000001 信息办 office 县政府办公室 office
adduser 50000002 水务窗口 shuiwu 县水务局 clerk
adduser 50000003 公安窗口 gongan 县公安局 clerk
DEPT=$(sql "SELECT id FROM department WHERE code = 'shuiwu'")
GONGAN=$(sql "SELECT id FROM department WHERE code = 'gongan'")
CLERK_ID=$(sql "SELECT id FROM staff WHERE staff_no = '50000003'")
# The water office's clerk takes the SMS of a 差评 (a mobile number).
sql "UPDATE staff SET phone = '13900005002' WHERE staff_no = '50000002'"
sql "INSERT INTO consult_area (department_id, listed, sort) VALUES ($GONGAN, 1, 1)"
sql "UPDATE staff SET on_duty = '每天 00:00-24:00' WHERE staff_no = '50000003'"

OFFICE=$W/office.jar CLERK=$W/clerk.jar DESK=$W/desk.jar CITIZEN=$W/citizen.jar
ASKER=$W/asker.jar OTHER=$W/other.jar
for x in "$OFFICE 50000001" "$CLERK 50000002" "$DESK 50000003"; do
	set -- $x
	signin "$1" "$2" "$PW"
	expect_status "staff $2 signs in" 303
done

# ---------------------------------------------------------------- a letter, replied
NAME=赵卫东
MOBILE=13700005678
SUBJECT='自来水连续三天浑浊发黄'
TEXT="我是$NAME，电话$MOBILE。城东小区自来水连续三天浑浊发黄，烧开后有沉淀，请水务部门尽快检查。"
http GET '/mailbox/write?format=xml' -b "$CITIZEN" -c "$CITIZEN"
CSRF=$(xml csrf) IDEM=$(xml idem)
ISSUED=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
SIG=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
http POST /mailbox/write/send -b "$CITIZEN" -c "$CITIZEN" \
	--form-string "csrf=$CSRF" --form-string "idem=$IDEM" --form-string "type=complaint" \
	--form-string "category=4" --form-string "subject=$SUBJECT" --form-string "body=$TEXT" \
	--form-string "name=$NAME" --form-string "mobile=$MOBILE" --form-string "agree=1" \
	--form-string "issued=$ISSUED" --form-string "sig=$SIG"
expect_status "a citizen writes to the mailbox (303)" 303
NO=$(header Location | sed -n 's:^/mailbox/sent/\(MB[0-9]\{8\}-[0-9]\{4,6\}\)$:\1:p')
http GET "/mailbox/sent/$NO" -b "$CITIZEN" -c "$CITIZEN"
CODE=$(grep -o '<strong>[2-9A-HJKMNP-Z]\{10\}</strong>' "$BODY" | sed 's/<[^>]*>//g')
LID=$(sql "SELECT id FROM mailbox_letter WHERE tracking_no = '$NO'")
check "the letter has its number and code" test -n "$NO" -a -n "$CODE" -a -n "$LID"
track() {
	http GET '/mailbox/track?format=xml' -b "$CITIZEN" -c "$CITIZEN"
	http POST /mailbox/track -b "$CITIZEN" -c "$CITIZEN" -H 'Accept: application/xml' \
		--data-urlencode "csrf=$(xml csrf)" --data-urlencode "no=$NO" \
		--data-urlencode "code=$CODE"
}
track
check_eq "before its reply, the letter's page has no rating link" "" "$(eval_link)"
LINK=/evaluate/case/$NO/$(token "$NO")
http GET "$LINK?format=xml" -b "$CITIZEN"
expect_status "the link (made here) of a letter not yet handled answers" 200
check_eq "… that it can be rated once handled" pending "$(state)"
expect_body_lacks "… with no form" '<rating-form'
valid "… the pending case's page is valid"
form_of "$CITIZEN" "$LINK"
http POST "$LINK" -b "$CITIZEN" -H 'Accept: application/xml' --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode level=5 --data-urlencode efficiency=5 \
	--data-urlencode convenience=5
expect_status "… and its rating is refused (422)" 422
expect_body_contains "… saying so" 'evaluate.case.not-handled'
valid "… the refused page is valid"
check_eq "… nothing stored" 0 "$(ratings letter "$LID")"

act "$OFFICE" "/mailbox/office/$LID/accept"
expect_status "the office accepts it (303)" 303
act "$OFFICE" "/mailbox/office/$LID/forward" "department1=$DEPT" "instruction=请核查水质。" \
	limit_days=3
expect_status "… forwards it to the water office (303)" 303
FID=$(sql "SELECT id FROM mailbox_forward WHERE letter_id = $LID")
act "$CLERK" "/mailbox/dept/$FID/draft" "draft=已对城东小区管网冲洗消毒，水质检测合格。" base_state=open
expect_status "… which drafts the reply (303)" 303
act "$OFFICE" "/mailbox/office/$LID/forwards/$FID/review" decision=approve
expect_status "… and the office approves it (303)" 303

track
RATE=$(eval_link)
check_eq "the replied letter's page carries the link, the one made here" "$LINK" "$RATE"
check_eq "the reply's SMS carries it too, with the site's address" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE channel = 'sms' AND recipient = '$MOBILE'
		AND template = 'mailbox.replied' AND params LIKE '%rate=$PUBLIC$RATE%'")"
check "… which the template puts in the message" \
	grep -q '{rate}' <(sed -n '/^\[mailbox.replied.zh-CN\]/,/^\[/p' "$top_srcdir/examples/notify-templates.txt")

# ---------------------------------------------------------------- the link
http GET "$RATE?format=xml" -b "$OTHER"
expect_status "anyone with the link sees the rating page" 200
valid "… valid"
check_eq "… the case open for rating" open "$(state)"
expect_body_contains "… a letter's" 'kind="letter"'
expect_body_contains "… answered by the water office" '<department>县水务局</department>'
expect_body_contains "… the form asks efficiency" '<indicator>efficiency</indicator>'
expect_body_contains "… and convenience" '<indicator>convenience</indicator>'
expect_body_lacks "… not the accuracy of a guide" '<indicator>accuracy</indicator>'
expect_body_contains "… and the 差评 reasons" '服务态度不好'
for fmt in '?format=xml' ''; do
	http GET "$RATE$fmt" -b "$OTHER"
	expect_body_lacks "… no writer's name ($fmt)" "$NAME"
	expect_body_lacks "… no writer's phone ($fmt)" "$MOBILE"
	expect_body_lacks "… no subject ($fmt)" "$SUBJECT"
	expect_body_lacks "… no text ($fmt)" '浑浊发黄'
done
expect_body_contains "the HTML page has the form's five levels" 'id="f-level-1"'
expect_body_contains "… as words" '非常不满意'

BAD=/evaluate/case/$NO/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
http GET "$BAD?format=xml"
expect_status "a wrong token is 404" 404
valid "… an error page, valid"
sed -e 's/request-id="[^"]*"//' -e 's/path="[^"]*"//' "$BODY" >"$W/wrong-token.xml"
GHOST=MB20260101-9999
http GET "/evaluate/case/$GHOST/$(token "$GHOST")?format=xml"
expect_status "a right token for a number no letter has is 404" 404
sed -e 's/request-id="[^"]*"//' -e 's/path="[^"]*"//' "$BODY" >"$W/unknown.xml"
check "… the very same answer as a wrong token" cmp -s "$W/wrong-token.xml" "$W/unknown.xml"
http GET "/evaluate/case/XX20260101-0001/$(token XX20260101-0001)"
expect_status "a number of no kind of case is 404" 404
http GET "/evaluate/case/$NO/$(token "${NO%-*}-9999")"
expect_status "another number's token is 404" 404
form_of "$OTHER" "$RATE"
http POST "$BAD" -b "$OTHER" --data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM" \
	--data-urlencode level=5 --data-urlencode efficiency=5 --data-urlencode convenience=5
expect_status "a rating posted to a wrong token is 404" 404

# ---------------------------------------------------------------- refusals
act "$CITIZEN" "$RATE" level=4 convenience=4
expect_status "a letter's rating without its efficiency is refused (422)" 422
expect_body_contains "… beside the field" 'id="f-efficiency-error"'
act "$CITIZEN" "$RATE" level=1 efficiency=2 convenience=1 'comment=管网冲洗后第二天又发黄了'
expect_status "a 差评 without a reason is refused (422)" 422
expect_body_contains "… beside the reason" 'id="f-reason-error"'
expect_body_contains "… saying what to do" '请选择不满意的原因'
expect_body_contains "… with the comment kept" '管网冲洗后第二天又发黄了'
expect_body_contains "… and the level kept" 'id="f-level-1" name="level" value="1" checked'
act "$CITIZEN" "$RATE" level=2 efficiency=2 convenience=1 reason=5
expect_status "a 差评 without a comment is refused (422)" 422
expect_body_contains "… beside the comment" 'id="f-comment-error"'
expect_body_contains "… the reason kept" '<option value="5" selected'
act "$CITIZEN" "$RATE" level=1 efficiency=1 convenience=1 reason=999 'comment=没有解决'
expect_status "a reason that is not offered is refused (422)" 422
LONG=$(printf '水%.0s' $(seq 1 501))
act "$CITIZEN" "$RATE" level=3 efficiency=3 convenience=3 "comment=$LONG"
expect_status "a comment over 500 characters is refused (422)" 422
check_eq "nothing stored by the refusals" 0 "$(ratings letter "$LID")"
http POST "$RATE" -b "$CITIZEN" -H 'Accept: application/xml' --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode level=1
expect_status "a refused form's XML (422)" 422
valid "… is valid"

# ---------------------------------------------------------------- a 差评
COMMENT='管网冲洗后第二天又发黄了，希望彻底检查。'
form_of "$CITIZEN" "$RATE"
POST_ARGS=(--data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM" --data-urlencode level=1
	--data-urlencode efficiency=2 --data-urlencode convenience=1 --data-urlencode reason=5
	--data-urlencode "comment=$COMMENT")
http POST "$RATE" -b "$CITIZEN" "${POST_ARGS[@]}"
expect_status "the writer's 差评 with reason and comment is taken (303)" 303
expect_header "… back to the link's page with a message" Location "^$RATE\\?done=rated\$"
check_eq "… stored once, for the replying department, with the writer's phone" \
	"1	1	2	1	5	$DEPT	$MOBILE	$NOW" \
	"$(sql "SELECT COUNT(*), level, efficiency, convenience, reason_id, department_id, phone,
		rated_at FROM eval_rating WHERE kind = 'letter' AND case_id = $LID
		AND once_key = 'letter:$LID:handled' AND stage = 'handled'")"
DUE=$(due_after "${NOW%% *}" "$VISIT_DAYS")
check_eq "the hand count of $VISIT_DAYS working days after the Mid-Autumn Friday" \
	'2026-10-10 23:59:59' "$DUE"
check_eq "… a rectification case, its return visit due then" "visit	$DEPT	$NOW	$DUE	$DUE" \
	"$(sql "SELECT c.state, c.department_id, c.opened_at, c.visit_due_at, c.due_at
		FROM eval_case c JOIN eval_rating e ON e.id = c.rating_id
		WHERE e.kind = 'letter' AND e.case_id = $LID")"
check_eq "… and the department's clerk is told by SMS" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE template = 'evaluate.case.opened'
		AND recipient = '13900005002' AND params LIKE '%due=$DUE%'")"
http POST "$RATE" -b "$CITIZEN" "${POST_ARGS[@]}"
expect_status "the same POST again (a retry) gets the same answer (303)" 303
expect_header "… the first one's redirect" Location "^$RATE\\?done=rated\$"
http GET "$RATE?done=rated&format=xml" -b "$CITIZEN"
expect_status "the page after the redirect" 200
valid "… valid"
check_eq "… the case rated" rated "$(state)"
expect_body_contains "… when" "<rated>$NOW</rated>"
expect_body_contains "… the thanks" 'evaluate.case.done'
expect_body_contains "… and the call back promised in $VISIT_DAYS working days" \
	"<callback days=\"$VISIT_DAYS\"/>"
expect_body_lacks "… never the comment" "$COMMENT"
http GET "$RATE?done=rated" -b "$CITIZEN"
expect_body_contains "… in words" "部门将在${VISIT_DAYS}个工作日内与您联系回访"
http GET "$RATE?format=xml" -b "$OTHER"
check_eq "anyone else with the link sees it rated" rated "$(state)"
expect_body_lacks "… without the thanks" 'evaluate.case.done'
expect_body_lacks "… or the form" '<rating-form'
expect_body_lacks "… or the promise" '<callback'

act "$CITIZEN" "$RATE" level=5 efficiency=5 convenience=5
expect_status "a second rating with a fresh form is refused (422)" 422
expect_body_contains "… saying it was rated" '本件已经评价过'
act "$OTHER" "$RATE" level=5 efficiency=5 convenience=5
expect_status "… from another browser too (422)" 422
check_eq "… exactly one rating in the database" 1 "$(ratings letter "$LID")"
check_eq "… and one case" 1 "$(sql "SELECT COUNT(*) FROM eval_case c JOIN eval_rating e
	ON e.id = c.rating_id WHERE e.kind = 'letter' AND e.case_id = $LID")"
track
check_eq "the letter's page shows the rating, no longer the link" "1:" \
	"$(tr -d '\n' <"$BODY" | sed -n 's:.*<evaluation [^>]*>.*<level>\([0-9]\)</level>.*:\1:p'):$(eval_link)"

# ---------------------------------------------------------------- a question, answered
QNAME=钱丽华
QPHONE=13700006789
QSUBJECT='护照到期换发能加急吗'
http GET '/consult/ask?format=xml' -b "$ASKER" -c "$ASKER"
CSRF=$(xml csrf) IDEM=$(xml idem)
ISSUED=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
SIG=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
http POST /consult/ask -b "$ASKER" -c "$ASKER" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode "area=$GONGAN" \
	--data-urlencode "subject=$QSUBJECT" \
	--data-urlencode "body=我叫$QNAME，护照下月到期，出差急用，换发能加急吗？" \
	--data-urlencode "phone=$QPHONE" --data-urlencode "name=$QNAME" \
	--data-urlencode "issued=$ISSUED" --data-urlencode "sig=$SIG"
expect_status "a citizen asks a question (303)" 303
QNO=$(header Location | sed -n 's:^/consult/q/\(ZX[0-9]\{8\}-[0-9]\{4,6\}\)$:\1:p')
QID=$(sql "SELECT id FROM consult_question WHERE tracking_no = '$QNO'")
http GET "/consult/q/$QNO?format=xml" -b "$ASKER"
check_eq "before the answer, the question's page has no rating link" "" "$(eval_link)"
act "$DESK" "/consult/desk/q/$QID/answer" 'body=可以加急，请携带出差证明到出入境窗口办理，5个工作日办结。'
expect_status "the clerk answers (303)" 303
http GET "/consult/q/$QNO?format=xml" -b "$ASKER"
QRATE=$(eval_link)
check_eq "the answered question's page carries its link" "/evaluate/case/$QNO/$(token "$QNO")" \
	"$QRATE"
check_eq "… and the answer's SMS" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE recipient = '$QPHONE'
		AND template = 'consult.answered' AND params LIKE '%rate=$PUBLIC$QRATE%'")"
http GET "$QRATE?format=xml" -b "$ASKER"
expect_status "the question's rating page" 200
valid "… valid"
expect_body_contains "… a question's" 'kind="question"'
expect_body_contains "… asking efficiency, accuracy and convenience" \
	'<indicator>efficiency</indicator><indicator>accuracy</indicator><indicator>convenience</indicator>'
for fmt in '?format=xml' ''; do
	http GET "$QRATE$fmt" -b "$ASKER"
	expect_body_lacks "… no asker's name ($fmt)" "$QNAME"
	expect_body_lacks "… no asker's phone ($fmt)" "$QPHONE"
	expect_body_lacks "… no subject ($fmt)" "$QSUBJECT"
done
act "$ASKER" "$QRATE" level=4 efficiency=5 convenience=4
expect_status "a question's rating without the accuracy is refused (422)" 422
expect_body_contains "… beside the field" 'id="f-accuracy-error"'
act "$ASKER" "$QRATE" level=4 efficiency=5 accuracy=4 convenience=3 'comment=答复清楚'
expect_status "the asker rates the answer (303)" 303
check_eq "… stored for the area and the clerk who answered" \
	"4	5	4	3	答复清楚	$GONGAN	$CLERK_ID	$QNO" \
	"$(sql "SELECT level, efficiency, accuracy, convenience, comment, department_id, staff_id,
		case_no FROM eval_rating WHERE kind = 'question' AND case_id = $QID")"
check_eq "… a 好评 opens no case" 0 "$(sql "SELECT COUNT(*) FROM eval_case c JOIN eval_rating e
	ON e.id = c.rating_id WHERE e.kind = 'question' AND e.case_id = $QID")"
http GET "$QRATE?done=rated&format=xml" -b "$ASKER"
check_eq "… the page thanks, rated" rated "$(state)"
expect_body_lacks "… without a call back" '<callback'
act "$ASKER" "$QRATE" level=1 efficiency=1 accuracy=1 convenience=1 reason=2 'comment=再来一次'
expect_status "… once only (422)" 422
check_eq "… one rating" 1 "$(ratings question "$QID")"
http GET "/consult/desk/q/$QID?format=xml" -b "$DESK"
check_eq "the clerk's desk shows the rating, never the link" "4:" \
	"$(tr -d '\n' <"$BODY" | sed -n 's:.*<evaluation [^>]*>.*<level>\([0-9]\)</level>.*:\1:p'):$(eval_link)"

# ---------------------------------------------------------------- English
http GET "$QRATE?lang=en" -b "$OTHER"
expect_status "the page in English" 200
expect_body_contains "… says it was rated" 'This case has been rated'

finish
