#!/bin/bash
# mailbox-life.sh: the whole life of one letter through nginx, across every
# part of the mayor's mailbox, as the issue tells it: write -> track ->
# accept -> forward -> draft -> extension -> approve -> reply -> publish ->
# public list -> rate (at civic-evaluate.fcgi, by the link the letter's
# page and the reply's SMS carry) -> follow-up; then the demo's mailbox (its lights, its
# search index by civicctl reindex) and civicctl purge.  The parts' own
# suites test each step's refusals; this one proves they meet.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 2
# A person needs a few seconds to fill the form; this test, one.
sed -i 's/^min_fill_seconds *=.*/min_fill_seconds = 1/' "$CIVIC_T/civic.conf"
civic_program_start mailbox --workers 2
civic_program_start account --workers 1
civic_program_start evaluate --workers 1

W=$CIVIC_T/work
ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }
PW='life of a letter 2026'
adduser() { civic_add_staff "$PW" "$@"; }
adduser 30000001 信息办 office 县政府办公室 office
adduser 30000002 市政局 shizheng 县市政公用事业管理局 clerk
adduser 30000003 督查室 office 县政府办公室 supervisor
DEPT=$(sql "SELECT id FROM department WHERE code = 'shizheng'")

OFFICE=$W/office.jar CLERK=$W/clerk.jar SUPER=$W/super.jar CITIZEN=$W/citizen.jar
signin "$OFFICE" 30000001 "$PW"
expect_status "the office signs in" 303
signin "$CLERK" 30000002 "$PW"
expect_status "the department's clerk signs in" 303
signin "$SUPER" 30000003 "$PW"
expect_status "the supervisor signs in" 303

letter() { sql "SELECT $1 FROM mailbox_letter WHERE tracking_no = '$NO'"; }

# ---------------------------------------------------------------- write
NAME=周建华
MOBILE=13700001234
SUBJECT='幸福路井盖破损存在隐患'
BODY_TEXT="幸福路菜市场门口的井盖破损，已经有行人踩空受伤。我是$NAME，电话$MOBILE，请尽快更换井盖。"
http GET '/mailbox/write?format=xml' -b "$CITIZEN" -c "$CITIZEN"
expect_status "the writing form" 200
CSRF=$(xml csrf)
IDEM=$(xml idem)
ISSUED=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
SIG=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
sleep 2
http POST /mailbox/write/send -b "$CITIZEN" -c "$CITIZEN" \
	--form-string "csrf=$CSRF" --form-string "idem=$IDEM" --form-string "type=help" \
	--form-string "category=4" --form-string "subject=$SUBJECT" \
	--form-string "body=$BODY_TEXT" --form-string "name=$NAME" \
	--form-string "mobile=$MOBILE" --form-string "agree=1" \
	--form-string "issued=$ISSUED" --form-string "sig=$SIG"
expect_status "the citizen sends the letter (303)" 303
NO=$(header Location | sed -n 's:^/mailbox/sent/\(MB[0-9]\{8\}-[0-9]\{4,6\}\)$:\1:p')
check "… and is sent to the receipt of its tracking number" test -n "$NO"
http GET "/mailbox/sent/$NO" -b "$CITIZEN" -c "$CITIZEN"
CODE=$(grep -o '<strong>[2-9A-HJKMNP-Z]\{10\}</strong>' "$BODY" | sed 's/<[^>]*>//g')
check "the receipt shows the query code" test -n "$CODE"
ID=$(letter id)

# track [CURL-ARGS...]: the citizen's lookup; the page is in BODY.
track() {
	http GET '/mailbox/track?format=xml' -b "$CITIZEN" -c "$CITIZEN"
	CSRF=$(xml csrf)
	http POST /mailbox/track -b "$CITIZEN" -c "$CITIZEN" --data-urlencode "csrf=$CSRF" \
		--data-urlencode "no=$NO" --data-urlencode "code=$CODE" "$@"
}
track
expect_status "the citizen tracks the letter" 200
expect_body_contains "… which has been received" '已收到'

# ---------------------------------------------------------------- office
http GET /mailbox/office -b "$OFFICE"
expect_status "the office's inbox" 200
expect_body_contains "… lists the new letter" "$NO"
expect_body_contains "… with its light in words" '正常'
act "$OFFICE" "/mailbox/office/$ID/accept"
expect_status "the office accepts it (303)" 303
check_eq "… accepted" accepted "$(letter state)"
act "$OFFICE" "/mailbox/office/$ID/forward" "department1=$DEPT" "instruction=请三日内更换井盖。" \
	limit_days=3
expect_status "the office forwards it to the department (303)" 303
check_eq "… forwarded" forwarded "$(letter state)"
FID=$(sql "SELECT id FROM mailbox_forward WHERE letter_id = $ID")
DUE0=$(sql "SELECT due_at FROM mailbox_forward WHERE id = $FID")
check_eq "… with the due time that three working days give" \
	"$(sql "SELECT due_at FROM mailbox_letter WHERE id = $ID")" "$DUE0"

# ---------------------------------------------------------------- department
http GET /mailbox/dept -b "$CLERK"
expect_status "the clerk's list" 200
expect_body_contains "… holds the letter" "$SUBJECT"
act "$CLERK" "/mailbox/dept/$FID/draft" "draft=已安排维修人员更换井盖，并在周边设置警示标志。" \
	base_state=open
expect_status "the clerk drafts a reply (303)" 303
act "$CLERK" "/mailbox/dept/$FID/extension" ext_days=2 "ext_reason=需采购同规格井盖。"
expect_status "… and asks for two more days (303)" 303
check_eq "the due time does not move on asking" "$DUE0" \
	"$(sql "SELECT due_at FROM mailbox_forward WHERE id = $FID")"
act "$OFFICE" "/mailbox/office/$ID/forwards/$FID/extension" decision=approve
expect_status "the office approves the extension (303)" 303
DUE1=$(sql "SELECT due_at FROM mailbox_forward WHERE id = $FID")
check "… and the due time moves later" test "$DUE1" \> "$DUE0"
check_eq "… the letter's with it" "$DUE1" "$(letter due_at)"

# ---------------------------------------------------------------- reply
act "$OFFICE" "/mailbox/office/$ID/forwards/$FID/review" decision=approve
expect_status "the office approves the draft (303)" 303
check_eq "the letter is replied" replied "$(letter state)"
check_eq "… with the department's reply" '已安排维修人员更换井盖，并在周边设置警示标志。' \
	"$(letter reply)"
check_eq "… the writer is told by SMS" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE template = 'mailbox.replied' AND recipient = '$MOBILE'")"
check "… working days taken are counted" test -n "$(letter reply_days)"

# ---------------------------------------------------------------- publish
http GET "/mailbox/office/$ID/public" -b "$OFFICE"
expect_status "the public version's page" 200
expect_body_contains "… shows the original" "$MOBILE"
expect_body_contains "… beside the proposal with the phone and the name masked" \
	'我是***，电话***'
act "$OFFICE" "/mailbox/office/$ID/public" "public_subject=$SUBJECT" \
	"public_body=幸福路菜市场门口的井盖破损，已经有行人踩空受伤。我是***，电话***，请尽快更换井盖。" \
	"public_reply=已安排维修人员更换井盖，并在周边设置警示标志。"
expect_status "the office saves the public version (303)" 303
act "$OFFICE" "/mailbox/office/$ID/publish"
expect_status "… and publishes it (303)" 303
check_eq "the letter is published" 1 "$(letter published)"

http GET /mailbox/
expect_status "the public list" 200
expect_body_contains "… shows the letter" "$SUBJECT"
http GET "/mailbox/?q=$(printf '井盖' | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')"
expect_body_contains "a search for 井盖 finds it" "$SUBJECT"
http GET "/mailbox/l/$ID"
expect_status "its public page" 200
expect_body_contains "… with the reply" '已安排维修人员更换井盖'
for page in "/mailbox/" "/mailbox/l/$ID" "/mailbox/l/$ID?format=xml" /mailbox/feed.atom \
    "/mailbox/open311/v2/requests/$NO.xml" /mailbox/open311/v2/requests.xml; do
	http GET "$page"
	expect_body_lacks "$page: no writer's name" "$NAME"
	expect_body_lacks "$page: no writer's phone" "$MOBILE"
done

# ---------------------------------------------------------------- rate, follow up
track
expect_body_contains "the citizen reads the reply" '已安排维修人员更换井盖'
CSRF=$(grep -o 'name="csrf" value="[^"]*"' "$BODY" | head -n 1 | sed 's/.*value="//; s/"$//')
track -H 'Accept: application/xml'
RATE=$(eval_link)
check "… and the link to rate it" test -n "$RATE"
check "… the same link as the reply's SMS" test "$(sql "SELECT COUNT(*) FROM notify_outbox
	WHERE template = 'mailbox.replied' AND recipient = '$MOBILE'
	AND params LIKE '%$RATE%'")" -ge 1
act "$CITIZEN" "$RATE" level=5 efficiency=5 convenience=4 "comment=处理很快，谢谢。"
expect_status "… rates it 非常满意 (303)" 303
check_eq "… stored, the department the one that replied" "5 5 4 $DEPT" \
	"$(sql "SELECT CONCAT_WS(' ', level, efficiency, convenience, department_id)
		FROM eval_rating WHERE kind = 'letter' AND case_id = $ID")"
track -H 'Accept: application/xml'
check_eq "… and the letter's page shows the rating, with no link" "5:" \
	"$(tr -d '\n' <"$BODY" | grep -o '<evaluation [^>]*>.*</evaluation>' |
		sed -n 's:.*<level>\([0-9]\)</level>.*:\1:p'):$(eval_link)"
track
IDEM=$(grep -o 'name="idem" value="[^"]*"' "$BODY" | tail -n 1 | sed 's/.*value="//; s/"$//')
http POST /mailbox/track/followup -b "$CITIZEN" -c "$CITIZEN" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode "no=$NO" --data-urlencode "code=$CODE" \
	--data-urlencode "question=请问其他路段的井盖会一起排查吗？"
expect_status "… and asks one follow-up question (303)" 303
check_eq "… stored" '请问其他路段的井盖会一起排查吗？' "$(letter followup)"
act "$OFFICE" "/mailbox/office/$ID/followup" "followup_reply=已安排对全县主干道井盖进行排查。"
expect_status "the office answers the follow-up (303)" 303
track
expect_body_contains "the citizen reads the answer" '已安排对全县主干道井盖进行排查'
check_eq "the history the citizen sees" \
	"received accepted forwarded replied published followup followup_replied" \
	"$(sql "SELECT GROUP_CONCAT(kind ORDER BY id SEPARATOR ' ') FROM mailbox_event WHERE letter_id = $ID AND public = 1")"

# ---------------------------------------------------------------- supervision
http GET "/mailbox/stats?format=xml" -b "$SUPER"
expect_status "the supervisor's statistics" 200
expect_body_contains "… count the department's reply" '县市政公用事业管理局'
check_eq "every staff action is in the audit log" 0 \
	"$(ctl audit-verify >/dev/null 2>&1; echo $?)"
check "… the forward and the publication among them" test \
	"$(sql "SELECT COUNT(*) FROM audit_log WHERE object_id = '$ID' OR object_id = '$NO'")" -ge 5

# ---------------------------------------------------------------- the office's lists
http GET /mailbox/office/lists -b "$OFFICE"
expect_status "the office's lists of categories and reasons" 200
expect_body_contains "… the categories" '户籍办理'
expect_body_contains "… the rejection reasons" '重复来信'
act "$OFFICE" /mailbox/office/categories/new name=农业农村 sort=85
expect_status "the office adds a category (303)" 303
CID=$(sql "SELECT id FROM mailbox_category WHERE name = '农业农村' AND active = 1")
check "… stored, in use" test -n "$CID"
http GET /mailbox/write
expect_body_contains "… and the writing form offers it" '农业农村'
act "$OFFICE" /mailbox/office/categories/new name=农业农村
expect_status "a second category of the same name is refused (422)" 422
expect_body_contains "… beside the name" 'id="f-name-error"'
act "$OFFICE" "/mailbox/office/categories/$CID" name=农业农村 sort=85
expect_status "the office retires it (303)" 303
check_eq "… kept, not in use" 0 "$(sql "SELECT active FROM mailbox_category WHERE id = $CID")"
http GET /mailbox/write
expect_body_lacks "… and the writing form no longer offers it" '农业农村'
act "$OFFICE" /mailbox/office/reasons/new code=spam-sms name=短信群发广告 sort=45
expect_status "the office adds a rejection reason (303)" 303
http GET "/mailbox/office/$ID?format=xml" -b "$OFFICE"
expect_body_contains "… which the rejection form is offered" '短信群发广告'
check_eq "… both changes in the audit log" 2 \
	"$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'mailbox.list.create'")"
http GET /mailbox/office/lists -b "$CLERK"
expect_status "a clerk may not keep the lists (403)" 403

# ---------------------------------------------------------------- the demo's mailbox
# Loaded after this test's letter: the clerk's department above has a code
# of its own, so that the demo's departments (fixed ids) all go in.
ctl load "$top_srcdir/sql/demo-mailbox.sql" >"$W/demo.log" 2>&1
check_eq "the demo's mailbox loads" 0 $?
ctl reindex >"$W/reindex.log" 2>&1
check_eq "civicctl reindex indexes the published letters" 0 $?
check "… and says how many" grep -q 'mailbox: [0-9]* documents' "$W/reindex.log"
ctl reindex mailbox >"$W/reindex.log" 2>&1
check_eq "civicctl reindex mailbox rebuilds that index alone" 0 $?
ctl reindex nosuch >"$W/reindex.log" 2>&1
check_eq "civicctl reindex of an unknown index is a usage error" 2 $?
check "… which names the indexes there are" grep -q 'one of: mailbox' "$W/reindex.log"
http GET "/mailbox/?q=%E8%B7%AF%E7%81%AF"
expect_body_contains "the demo's 路灯 letter is found by search" '老旧小区路灯损坏两周未修'
http GET /mailbox/office -b "$OFFICE"
for w in 正常 即将超时 已超时; do
	expect_body_contains "the demo's inbox shows the light $w" "$w"
done

# ---------------------------------------------------------------- purge
sql "UPDATE mailbox_letter SET created_at = NOW() - INTERVAL 400 DAY WHERE id = $ID" >/dev/null
ctl purge --days 365 >"$W/purge.log" 2>&1
check_eq "civicctl purge runs" 0 $?
check_eq "… and removes the writer's name, phone and address of the old letter" "		" \
	"$(letter "name, mobile, address")"
check_eq "… its text giving way to the public version" \
	'幸福路菜市场门口的井盖破损，已经有行人踩空受伤。我是***，电话***，请尽快更换井盖。' "$(letter body)"

finish
