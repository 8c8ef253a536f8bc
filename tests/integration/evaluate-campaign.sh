#!/bin/bash
# evaluate-campaign.sh: evaluation campaigns (网上评议) and a clerk's rating
# by staff number, through nginx (modules/evaluate/campaign.c, clerk.c,
# verify.c): the office creates a campaign (audited); the public
# questionnaire; the SMS code read from the outbox; a wrong code refused
# with what was typed kept; the rating with its answers; one rating a phone
# a campaign; a department outside the scope and a closed campaign
# refused; a code's expiry, its tries and the hour's codes; the
# per-address rate limit (429, from another loopback address); a 差评
# opening its rectification case; the office's edit of a rated campaign
# (dates yes, departments no); a clerk rated by staff number, once a phone
# a day; no phone on a public page; every view against the schema.  The
# evaluation's clock is fixed by evaluate.now.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
W=$CIVIC_T/work

# set_now TIME: the evaluation's clock, then a reload of the program.
set_now() {
	sed -i "s/^now *=.*/now = $1/" "$CIVIC_T/civic.conf"
	if [ -n "${EVAL_PID:-}" ]; then
		kill -HUP "$EVAL_PID"
		sleep 1.5
	fi
}
set_now '2026-11-24 10:00:00'
civic_program_start evaluate --workers 2
EVAL_PID=$PROGRAM_PID
civic_program_start account --workers 1

PW='evaluation campaign 2026'
adduser() { civic_add_staff "$PW" "$@"; }
adduser 50000001 评议办 office 县政府办公室 office
adduser 50000002 窗口甲 gongan 县公安局 clerk
adduser 50000003 医保窗口 yibao 县医疗保障局 clerk
adduser 50000004 已离岗 gongan '' clerk
adduser 50000005 内勤乙 gongan '' office
adduser 50000006 税务窗口 shuiwu 县税务局 clerk
sql "UPDATE staff SET active = 0 WHERE staff_no = '50000004'"
sql "UPDATE staff SET phone = '13911110002' WHERE staff_no = '50000002'"
GONGAN=$(sql "SELECT id FROM department WHERE code = 'gongan'")
YIBAO=$(sql "SELECT id FROM department WHERE code = 'yibao'")
SHUIWU=$(sql "SELECT id FROM department WHERE code = 'shuiwu'")
CLERK_A=$(sql "SELECT id FROM staff WHERE staff_no = '50000002'")
# The office form's checkbox of a department: d + its place in the list by id.
box() { printf 'd%s' "$(sql "SELECT COUNT(*) FROM department WHERE id < $1")"; }

OFFICE=$W/office.jar CIT=$W/citizen.jar OTHER=$W/other.jar
signin "$OFFICE" 50000001 "$PW"
expect_status "the office signs in" 303

# post JAR PATH FIELD=VALUE...: the form's keys from PATH's page, then the
# POST; XML=1 asks for the answer as XML.
post() {
	local jar=$1 path=$2 kv args=()
	shift 2
	form_of "$jar" "$path"
	for kv in "csrf=$CSRF" "idem=$IDEM" "$@"; do
		args+=(--data-urlencode "$kv")
	done
	[ "${XML:-0}" = 1 ] && args+=(-H 'Accept: application/xml')
	http POST "$path" -b "$jar" -c "$jar" "${args[@]}"
}
# code PHONE: the newest code the outbox holds for PHONE, as its SMS says.
code() {
	sql "SELECT params FROM notify_outbox WHERE template = 'evaluate.code' AND recipient = '$1' ORDER BY id DESC LIMIT 1" |
		grep -o 'code=[0-9]\{6\}' | head -n 1 | cut -d= -f2
}
codes() { sql "SELECT COUNT(*) FROM notify_outbox WHERE template = 'evaluate.code' AND recipient = '$1'"; }
# wrong CODE: a code that is not CODE.
wrong() { if [ "$1" = 000000 ]; then echo 111111; else echo 000000; fi; }
ratings() { sql "SELECT COUNT(*) FROM eval_rating WHERE $1"; }
PUBLIC_PAGES=$W/public-pages
: >"$PUBLIC_PAGES"
keep_public() { cat "$BODY" >>"$PUBLIC_PAGES"; }

# ---------------------------------------------------------------- office
view "the office's campaign list (empty)" "$OFFICE" /evaluate/office/campaigns
view "the new campaign form" "$OFFICE" /evaluate/office/campaigns/new
expect_body_contains "… lists every department" '县税务局'
http GET /evaluate/office/campaigns/new -b "$CIT"
expect_status "the public is sent to sign in" 303

DG=$(box "$GONGAN") DY=$(box "$YIBAO")
TITLE='2026年度部门网上评议'
QUESTIONS=$'办事效率是否满意\n工作人员服务态度是否满意'
XML=1 post "$OFFICE" /evaluate/office/campaigns/new "title=$TITLE" 'intro=请对部门服务作出评价，联系电话13512345678。' \
	starts_on=2026-11-30 ends_on=2026-11-01 "$DG=$GONGAN" "questions=$QUESTIONS"
expect_status "the last day before the first is refused" 422
expect_body_contains "… beside the last day" 'field="ends_on" key="evaluate.campaign.dates"'
expect_body_contains "… the title kept" "$TITLE"
valid "a refused campaign form"
post "$OFFICE" /evaluate/office/campaigns/new "title=$TITLE" starts_on=2026-11-01 ends_on=2026-11-30 \
	"questions=$QUESTIONS"
expect_status "a campaign without departments is refused" 422
expect_body_contains "… with its message" '请至少选择一个部门'
post "$OFFICE" /evaluate/office/campaigns/new "title=$TITLE" starts_on=2026-11-01 ends_on=2026-11-30 \
	"$DG=$GONGAN" "questions=$(printf '问题%s\n' 1 2 3 4 5 6 7 8 9)"
expect_status "nine questions are refused" 422
post "$OFFICE" /evaluate/office/campaigns/new "title=$TITLE" starts_on=2026-11-01 ends_on=2026-11-30 \
	"$DG=$GONGAN" "questions=$(printf '问%.0s' $(seq 1 101))"
expect_status "a question of 101 characters is refused" 422
check_eq "… and nothing was stored" 0 "$(sql "SELECT COUNT(*) FROM eval_campaign")"

post "$OFFICE" /evaluate/office/campaigns/new "title=$TITLE" \
	'intro=请对部门服务作出评价，联系电话13512345678。' starts_on=2026-11-01 ends_on=2026-11-30 \
	"$DG=$GONGAN" "$DY=$YIBAO" "questions=$QUESTIONS"
expect_status "the office creates a campaign (303)" 303
C=$(sql "SELECT id FROM eval_campaign WHERE title = '$TITLE'")
expect_header "… and goes to its page" Location "^/evaluate/office/campaigns/$C\\?done=saved\$"
check_eq "… two departments in scope" "$GONGAN $YIBAO" \
	"$(sql "SELECT department_id FROM eval_campaign_department WHERE campaign_id = '$C' ORDER BY department_id" | tr '\n' ' ' | sed 's/ $//')"
check_eq "… two questions, in order" '1 办事效率是否满意|2 工作人员服务态度是否满意' \
	"$(sql "SELECT CONCAT(no, ' ', text) FROM eval_campaign_question WHERE campaign_id = '$C' ORDER BY no" | paste -sd '|')"
check_eq "… audited" 1 "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'evaluate.campaign.create' AND object_id = '$C' AND staff_id = (SELECT id FROM staff WHERE staff_no = '50000001')")"
view "the campaign's edit form" "$OFFICE" "/evaluate/office/campaigns/$C?done=saved"
expect_body_contains "… says it was saved" 'evaluate.campaign.saved'
expect_body_contains "… with the questions, one a line" '办事效率是否满意'
expect_body_contains "… and its departments ticked" "<value name=\"$DG\">$GONGAN</value>"
view "the office's campaign list" "$OFFICE" /evaluate/office/campaigns
expect_body_contains "… has the campaign" "$TITLE"

# ---------------------------------------------------------------- public
view "the public campaign list" "$CIT" /evaluate/campaigns
expect_body_contains "… lists the open campaign" "$TITLE"
keep_public
view "the questionnaire" "$CIT" "/evaluate/campaign/$C"
expect_body_contains "… with the departments in scope" '县医疗保障局'
expect_body_lacks "… and no other" '县税务局'
expect_body_contains "… with its questions" '<question no="2">工作人员服务态度是否满意</question>'
expect_body_lacks "… the introduction's phone masked" '13512345678'
keep_public
http GET "/evaluate/campaign/$C" -b "$CIT"
expect_status "… as HTML (200)" 200
expect_body_contains "… with a field for each question" 'name="q2"'
expect_body_contains "… the code button posts to /code" "formaction=\"/evaluate/campaign/$C/code\""
http GET /evaluate/campaign/999999
expect_status "an unknown campaign: 404" 404

P1=13800000001
COMMENT='窗口人员解答耐心，办理很快'
ANSWERS=("department=$GONGAN" level=4 q1=5 q2=4 "comment=$COMMENT")
XML=1 post "$CIT" "/evaluate/campaign/$C/code" "${ANSWERS[@]}" "phone=$P1"
expect_status "the code is asked for: 200" 200
expect_body_contains "… the questionnaire again, saying so" 'key="evaluate.code.sent"'
expect_body_contains "… the comment kept" "$COMMENT"
expect_body_contains "… the answer kept" '<value name="q1">5</value>'
valid "the questionnaire after the code"
CODE1=$(code "$P1")
check "… the SMS is in the outbox with a six-digit code" test -n "$CODE1"
check_eq "… one" 1 "$(codes "$P1")"
check_eq "… good for code_minutes" '2026-11-24 10:10:00' \
	"$(sql "SELECT expires_at FROM eval_verify WHERE purpose = 'campaign:$C' ORDER BY id DESC LIMIT 1")"
http GET "/evaluate/campaign/$C/code" -b "$CIT"
expect_status "the code step's GET twin is the questionnaire" 200

post "$CIT" "/evaluate/campaign/$C" "${ANSWERS[@]}" "phone=$P1" "code=$(wrong "$CODE1")"
expect_status "a wrong code is refused (422)" 422
expect_body_contains "… beside the code" '验证码不正确'
expect_body_contains "… the comment kept" "$COMMENT"
check_eq "… its try counted" 1 "$(sql "SELECT MAX(attempts) FROM eval_verify WHERE purpose = 'campaign:$C'")"
check_eq "… nothing recorded" 0 "$(ratings "campaign_id = $C")"
post "$CIT" "/evaluate/campaign/$C" "department=$GONGAN" level=4 q1=5 "phone=$P1" "code=$CODE1"
expect_status "a question left unanswered is refused (422)" 422
expect_body_contains "… beside it" '请对这一项作出评价'
XML=1 post "$CIT" "/evaluate/campaign/$C" "${ANSWERS[@]}" "phone=$P1" "code=$(wrong "$CODE1")"
valid "a refused rating"

post "$CIT" "/evaluate/campaign/$C" "${ANSWERS[@]}" "phone=$P1" "code=$CODE1"
expect_status "the right code records the rating (303)" 303
expect_header "… back to the campaign" Location "^/evaluate/campaign/$C\\?done=rated\$"
check_eq "… one rating of the campaign" 1 "$(ratings "campaign_id = $C")"
check_eq "… of the department, level 4, with the phone" "campaign $GONGAN 4 $P1" \
	"$(sql "SELECT CONCAT_WS(' ', kind, department_id, level, phone) FROM eval_rating WHERE campaign_id = $C")"
check "… its once_key the phone's keyed hash" \
	test -n "$(sql "SELECT id FROM eval_rating WHERE campaign_id = $C AND once_key REGEXP '^campaign:$C:[0-9a-f]{64}\$'")"
check_eq "… the number not in the key" 0 "$(ratings "once_key LIKE '%$P1%'")"
check_eq "… the answers to both questions" '1:5 2:4' \
	"$(sql "SELECT CONCAT(a.question_no, ':', a.level) FROM eval_answer a JOIN eval_rating e ON e.id = a.rating_id WHERE e.campaign_id = $C ORDER BY question_no" | tr '\n' ' ' | sed 's/ $//')"
check_eq "… the code spent" 1 "$(sql "SELECT COUNT(*) FROM eval_verify WHERE purpose = 'campaign:$C' AND used_at IS NOT NULL")"
check_eq "… no case for a good rating" 0 "$(sql "SELECT COUNT(*) FROM eval_case")"
view "the questionnaire after rating" "$CIT" "/evaluate/campaign/$C?done=rated"
expect_body_contains "… thanks" 'evaluate.campaign.thanks'
keep_public

# One rating a phone a campaign, even with a new code.
post "$CIT" "/evaluate/campaign/$C/code" "phone=$P1"
expect_status "the same phone asks a new code (200)" 200
post "$OTHER" "/evaluate/campaign/$C" "department=$YIBAO" level=5 q1=5 q2=5 "phone=$P1" "code=$(code "$P1")"
expect_status "the same phone again in the same campaign is refused (422)" 422
expect_body_contains "… with a clear message" '已经参加过本次评议'
check_eq "… one row only" 1 "$(ratings "campaign_id = $C")"

# A second phone, a 差评: reason and comment required, then a case.
P2=13800000002
post "$OTHER" "/evaluate/campaign/$C/code" "phone=$P2"
CODE2=$(code "$P2")
post "$OTHER" "/evaluate/campaign/$C" "department=$GONGAN" level=1 q1=1 q2=2 "phone=$P2" "code=$CODE2"
expect_status "a 差评 without a reason is refused (422)" 422
expect_body_contains "… beside the reason" '请选择不满意的原因'
check_eq "… before the code is tried" 0 "$(sql "SELECT MAX(attempts) FROM eval_verify WHERE purpose = 'campaign:$C' AND used_at IS NULL")"
post "$OTHER" "/evaluate/campaign/$C" "department=$GONGAN" level=1 q1=1 q2=2 reason=1 \
	'comment=排队两个小时没人管' "phone=$P2" "code=$CODE2"
expect_status "a second phone rates (303)" 303
check_eq "… two ratings" 2 "$(ratings "campaign_id = $C")"
R2=$(sql "SELECT id FROM eval_rating WHERE campaign_id = $C AND phone = '$P2'")
check_eq "… the 差评 opens a rectification case of the department" "visit $GONGAN" \
	"$(sql "SELECT CONCAT_WS(' ', state, department_id) FROM eval_case WHERE rating_id = '$R2'")"
check_eq "… and the department's clerk is told" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE template = 'evaluate.case.opened' AND recipient = '13911110002'")"

# A department outside the campaign.
P3=13800000003
post "$OTHER" "/evaluate/campaign/$C/code" "phone=$P3"
post "$OTHER" "/evaluate/campaign/$C" "department=$SHUIWU" level=5 q1=5 q2=5 "phone=$P3" "code=$(code "$P3")"
expect_status "a department outside the scope is refused (422)" 422
expect_body_contains "… beside the department" '请从参加本次评议的部门中选择'
check_eq "… nothing recorded" 0 "$(ratings "phone = '$P3'")"
post "$OTHER" "/evaluate/campaign/$C" "department=$YIBAO" level=5 q1=5 q2=5 "phone=$P3" "code=$(code "$P3")"
expect_status "… the code still good for a department in scope (303)" 303

# ---------------------------------------------------------------- closed
post "$OFFICE" /evaluate/office/campaigns/new 'title=2026年第三季度评议' starts_on=2026-10-01 \
	ends_on=2026-10-31 "$DG=$GONGAN"
expect_status "the office creates a past campaign (303)" 303
OLD=$(sql "SELECT id FROM eval_campaign WHERE title = '2026年第三季度评议'")
view "a closed campaign's page" "$CIT" "/evaluate/campaign/$OLD"
expect_body_contains "… says closed" '<state>closed</state>'
expect_body_lacks "… without the questionnaire" '<rating-form'
http GET "/evaluate/campaign/$OLD" -b "$CIT"
expect_body_contains "… in words" '本次评议已于2026-10-31结束'
post "$CIT" "/evaluate/campaign/$OLD/code" "phone=13800000009"
expect_status "a closed campaign sends no code (422)" 422
check_eq "… none sent" 0 "$(codes 13800000009)"
post "$CIT" "/evaluate/campaign/$OLD" "department=$GONGAN" level=5 phone=13800000009 code=123456
expect_status "a closed campaign refuses a rating (422)" 422
expect_body_contains "… saying it is not open" '不在评议时间内'
check_eq "… nothing recorded" 0 "$(ratings "campaign_id = $OLD")"
view "the public list with a past campaign" "$CIT" /evaluate/campaigns
check "… under the past ones" grep -q '<past>.*2026年第三季度评议.*</past>' <(tr -d '\n' <"$BODY")

# ---------------------------------------------------------------- code rules
P4=13800000004
post "$CIT" "/evaluate/campaign/$C/code" "phone=$P4"
CODE4=$(code "$P4")
set_now '2026-11-24 10:10:01'
post "$CIT" "/evaluate/campaign/$C" "${ANSWERS[@]}" "phone=$P4" "code=$CODE4"
expect_status "an expired code is refused (422)" 422
check_eq "… nothing recorded" 0 "$(ratings "phone = '$P4'")"

P5=13800000005
post "$CIT" "/evaluate/campaign/$C/code" "phone=$P5"
CODE5=$(code "$P5")
for i in 1 2 3 4 5; do
	post "$CIT" "/evaluate/campaign/$C" "${ANSWERS[@]}" "phone=$P5" "code=$(wrong "$CODE5")"
done
expect_status "five wrong tries (422)" 422
check_eq "… counted" 5 "$(sql "SELECT attempts FROM eval_verify WHERE purpose = 'campaign:$C' ORDER BY id DESC LIMIT 1")"
post "$CIT" "/evaluate/campaign/$C" "${ANSWERS[@]}" "phone=$P5" "code=$CODE5"
expect_status "… then even the right code is refused (422)" 422
check_eq "… nothing recorded" 0 "$(ratings "phone = '$P5'")"

P6=13800000006
for i in 1 2 3 4 5; do
	post "$CIT" "/evaluate/campaign/$C/code" "phone=$P6"
done
expect_status "five codes in an hour (200)" 200
XML=1 post "$CIT" "/evaluate/campaign/$C/code" "phone=$P6"
expect_status "a sixth is refused (422)" 422
expect_body_contains "… beside the phone" 'field="phone" key="evaluate.code.toomany"'
check_eq "… five sent" 5 "$(codes "$P6")"

# The address's limit: 20 code posts an hour, from another address.
JAR9=$W/nine.jar
form_of "$JAR9" "/evaluate/campaign/$C"
n429=0
for i in $(seq 1 21); do
	http POST "/evaluate/campaign/$C/code" --interface 127.0.0.9 -b "$JAR9" -c "$JAR9" \
		--data-urlencode "csrf=$CSRF" --data-urlencode "phone=1390000$(printf '%04d' "$i")"
	[ "$STATUS" = 429 ] && n429=$((n429 + 1))
done
expect_status "the 21st code post from one address: 429" 429
check_eq "… only that one" 1 "$n429"
expect_header "… with Retry-After" Retry-After '^[0-9]+$'
post "$CIT" "/evaluate/campaign/$C/code" "phone=13800000007"
expect_status "… while another address is served (200)" 200
form_of "$JAR9" "/evaluate/campaign/$C"
n429=0
for i in $(seq 1 31); do
	http POST "/evaluate/campaign/$C" --interface 127.0.0.10 -b "$JAR9" -c "$JAR9" \
		--data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM" \
		--data-urlencode "phone=13800000008" --data-urlencode "code=123456"
	[ "$STATUS" = 429 ] && n429=$((n429 + 1))
done
expect_status "the 31st rating post from one address: 429" 429
check_eq "… only that one" 1 "$n429"

# ---------------------------------------------------------------- office edit
post "$OFFICE" "/evaluate/office/campaigns/$C" "title=$TITLE" starts_on=2026-11-01 ends_on=2026-11-30 \
	"$DG=$GONGAN" "questions=$QUESTIONS"
expect_status "a rated campaign's departments can't change (422)" 422
expect_body_contains "… saying why" '本次评议已有评价'
post "$OFFICE" "/evaluate/office/campaigns/$C" "title=$TITLE" starts_on=2026-11-01 ends_on=2026-11-30 \
	"$DG=$GONGAN" "$DY=$YIBAO" 'questions=办事效率是否满意'
expect_status "… nor its questions (422)" 422
check_eq "… both kept" '2 2' "$(sql "SELECT (SELECT COUNT(*) FROM eval_campaign_department WHERE campaign_id = $C), (SELECT COUNT(*) FROM eval_campaign_question WHERE campaign_id = $C)" | tr '\t' ' ')"
post "$OFFICE" "/evaluate/office/campaigns/$C" "title=$TITLE" starts_on=2026-11-01 ends_on=2026-12-15 \
	"$DY=$YIBAO" "$DG=$GONGAN" "questions=$QUESTIONS"
expect_status "… its dates may move (303)" 303
check_eq "… moved" 2026-12-15 "$(sql "SELECT ends_on FROM eval_campaign WHERE id = $C")"
check_eq "… audited" 1 "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'evaluate.campaign.update' AND object_id = '$C'")"
post "$OFFICE" "/evaluate/office/campaigns/$OLD" 'title=2026年第三季度评议' starts_on=2026-10-01 \
	ends_on=2026-10-31 "$DY=$YIBAO" 'questions=窗口服务是否满意'
expect_status "an unrated campaign's departments and questions may change (303)" 303
check_eq "… changed" "$YIBAO 1" "$(sql "SELECT (SELECT GROUP_CONCAT(department_id) FROM eval_campaign_department WHERE campaign_id = $OLD), (SELECT COUNT(*) FROM eval_campaign_question WHERE campaign_id = $OLD)" | tr '\t' ' ')"
LONGQ=$(for i in 1 2 3 4 5 6 7 8; do printf '第%s问' "$i"; printf '长%.0s' $(seq 1 97); printf '\n'; done)
post "$OFFICE" "/evaluate/office/campaigns/$OLD" 'title=2026年第三季度评议' starts_on=2026-10-01 \
	ends_on=2026-10-31 "$DY=$YIBAO" "questions=$LONGQ"
expect_status "eight questions of 100 characters (303)" 303
check_eq "… stored whole" 800 "$(sql "SELECT SUM(CHAR_LENGTH(text)) FROM eval_campaign_question WHERE campaign_id = $OLD")"
view "… the edit form" "$OFFICE" "/evaluate/office/campaigns/$OLD"
expect_body_contains "… shows the eighth whole" "第8问$(printf '长%.0s' $(seq 1 97))<"
http GET /evaluate/office/campaigns/999999 -b "$OFFICE"
expect_status "an unknown campaign's edit: 404" 404
CLERKJAR=$W/clerk.jar
signin "$CLERKJAR" 50000002 "$PW"
http GET /evaluate/office/campaigns -b "$CLERKJAR"
expect_status "a clerk may not run campaigns (403)" 403

# ---------------------------------------------------------------- clerk
view "the staff number form" "$CIT" /evaluate/clerk
keep_public
http GET '/evaluate/clerk?no=50000002' -b "$CIT"
expect_status "a staff number leads to the clerk (303)" 303
expect_header "… at /clerk/NO" Location '^/evaluate/clerk/50000002$'
view "an unknown number" "$CIT" '/evaluate/clerk?no=59999999'
expect_body_contains "… is said so" 'evaluate.staffno.unknown'
view "the clerk's card" "$CIT" /evaluate/clerk/50000002
expect_body_contains "… with the department" '县公安局'
expect_body_lacks "… without the name" '窗口甲'
expect_body_contains "… and the clerk's indicators" '<indicator>attitude</indicator>'
keep_public
form_of "$CIT" /evaluate/clerk/50000002
for no in 50000004 50000005 59999999; do
	http GET "/evaluate/clerk/$no" -b "$CIT"
	expect_status "no card for $no (inactive, not a clerk, unknown): 404" 404
	http POST "/evaluate/clerk/$no/code" -b "$CIT" -c "$CIT" --data-urlencode "csrf=$CSRF" \
		--data-urlencode phone=13700000001
	expect_status "… and no code (404)" 404
done
check_eq "… none sent" 0 "$(codes 13700000001)"

P7=13700000007
XML=1 post "$CIT" /evaluate/clerk/50000002/code level=5 attitude=5 professionalism=4 "phone=$P7"
expect_status "a code for rating the clerk (200)" 200
expect_body_contains "… kept what was chosen" '<value name="professionalism">4</value>'
valid "the clerk's form after the code"
CODE7=$(code "$P7")
post "$CIT" /evaluate/clerk/50000002 level=5 attitude=5 professionalism=4 "phone=$P7" "code=$(wrong "$CODE7")"
expect_status "a wrong code is refused (422)" 422
XML=1 post "$CIT" /evaluate/clerk/50000002 level=5 attitude=5 "phone=$P7" "code=$CODE7"
expect_status "professionalism is required (422)" 422
valid "a refused clerk rating"
post "$CIT" /evaluate/clerk/50000002 level=5 attitude=5 professionalism=4 "phone=$P7" "code=$CODE7"
expect_status "the clerk is rated (303)" 303
expect_header "… back to the card" Location '^/evaluate/clerk/50000002\?done=rated$'
check_eq "… one rating of the clerk, in their department" "clerk $CLERK_A $GONGAN 5 5 4" \
	"$(sql "SELECT CONCAT_WS(' ', kind, staff_id, department_id, level, attitude, professionalism) FROM eval_rating WHERE kind = 'clerk'")"
check "… once a day: the key ends with the date" \
	test -n "$(sql "SELECT id FROM eval_rating WHERE kind = 'clerk' AND once_key REGEXP '^clerk:$CLERK_A:[0-9a-f]{64}:2026-11-24\$'")"
view "the card after rating" "$CIT" '/evaluate/clerk/50000002?done=rated'
expect_body_contains "… thanks" 'evaluate.staffno.thanks'
keep_public
post "$CIT" /evaluate/clerk/50000002/code "phone=$P7"
post "$CIT" /evaluate/clerk/50000002 level=3 attitude=3 professionalism=3 "phone=$P7" "code=$(code "$P7")"
expect_status "the same phone the same day is refused (422)" 422
expect_body_contains "… saying once a day" '今天已经评价过'
check_eq "… one rating" 1 "$(ratings "kind = 'clerk'")"
set_now '2026-11-25 09:00:00'
post "$CIT" /evaluate/clerk/50000002/code "phone=$P7"
post "$CIT" /evaluate/clerk/50000002 level=3 attitude=3 professionalism=3 "phone=$P7" "code=$(code "$P7")"
expect_status "… the next day it may rate again (303)" 303
check_eq "… two ratings" 2 "$(ratings "kind = 'clerk'")"

# ---------------------------------------------------------------- privacy
for p in $P1 $P2 $P3 $P7 13911110002 13512345678; do
	if grep -qF "$p" "$PUBLIC_PAGES"; then
		fail "a public page shows the phone $p"
	else
		pass "no public page shows the phone $p"
	fi
done
for path in /evaluate/campaigns "/evaluate/campaign/$C" /evaluate/clerk/50000002; do
	http GET "$path"
	expect_status "$path renders as HTML (200)" 200
	expect_body_lacks "… without a phone" "$P1"
done
http GET "/evaluate/campaign/$C?lang=en"
expect_body_contains "the questionnaire in English" 'Send me a code'

finish
