#!/bin/bash
# evaluate-rectify.sh: the 差评 loop through nginx (modules/evaluate/rectify.c):
# the department's desk (a clerk sees the department's cases only, another
# department's clerk gets 404), lights with their words, the return visit
# with the rectification due on the working-day calendar (across 中秋 and
# 国庆 2026), the rectification (closed on time, the summary masked, the
# rater told by SMS), an appeal upheld by the office (the rating excluded,
# with its reason, audited, the rater told), appeals rejected (back to
# where they came from, due unchanged; no second appeal), two clerks
# acting at once (one wins, the other is told), refused forms keeping what
# was typed, every view valid against the schema, and civicctl purge of the
# raters' phone numbers.
#
# The ratings are made here with SQL (a case's rating is case.c's): a
# letter's 差评 with its rectification case, due dates computed by hand.
# The evaluation's clock is fixed by [evaluate] now.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
find_tool XMLLINT xmllint libxml2-utils
SCHEMA=$top_srcdir/xslt/schema/page.rng
W=$CIVIC_T/work
X=$W/xml
mkdir -p "$X"
ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }

# set_now TIME: the evaluation's clock (the [evaluate] key only), then a reload.
set_now() {
	sed -i "/^\[evaluate\]/,/^\[/ s/^now *=.*/now = $1/" "$CIVIC_T/civic.conf"
	if [ -n "${EVAL_PID:-}" ]; then
		kill -HUP "$EVAL_PID"
		sleep 1.5
	fi
}

ctl import-holidays "$top_srcdir/examples/holidays/2026.txt" >"$W/holidays.log" 2>&1
check_eq "the 2026 holidays are imported" 0 $?
# A Thursday, the day before 中秋 (25-27 September) and a week before 国庆.
set_now '2026-09-24 10:00:00'
civic_program_start evaluate --workers 2
EVAL_PID=$PROGRAM_PID
civic_program_start account --workers 1

PW='rectification 2026'
civic_add_staff "$PW" 50000001 信息办 office 县政府办公室 office
civic_add_staff "$PW" 50000002 公安窗口 gongan 县公安局 clerk
civic_add_staff "$PW" 50000004 公安窗口二 gongan '' clerk
civic_add_staff "$PW" 50000003 医保窗口 yibao 县医疗保障局 clerk
DA=$(sql "SELECT id FROM department WHERE code = 'gongan'")
DB=$(sql "SELECT id FROM department WHERE code = 'yibao'")
OFFICE_ID=$(sql "SELECT id FROM staff WHERE staff_no = '50000001'")
A_ID=$(sql "SELECT id FROM staff WHERE staff_no = '50000002'")

OFFICE=$W/office.jar CA=$W/a.jar CA2=$W/a2.jar CB=$W/b.jar
for x in "$OFFICE 50000001" "$CA 50000002" "$CA2 50000004" "$CB 50000003"; do
	set -- $x
	signin "$1" "$2" "$PW"
	expect_status "staff $2 signs in" 303
done

# mkcase DEPT NO PHONE OPENED VISIT_DUE WARN: a letter's 差评 (level 1,
# reason 5 问题没有解决) with its case in visit; prints the case's id.
mkcase() {
	local phone=NULL
	[ -n "$3" ] && phone="'$3'"
	sql "INSERT INTO eval_rating (kind, once_key, case_id, case_no, department_id, level,
		efficiency, convenience, reason_id, comment, phone, address, rated_at)
		VALUES ('letter', 'letter:$2:handled', NULL, '$2', $1, 1, 1, 2, 5,
		'答复没有解决我的问题', $phone, '192.0.2.7', '$4');
	     INSERT INTO eval_case (rating_id, department_id, state, opened_at, visit_due_at,
		due_at, warn_at) VALUES (LAST_INSERT_ID(), $1, 'visit', '$4', '$5', '$5', '$6');
	     SELECT LAST_INSERT_ID()"
}
c() { sql "SELECT $2 FROM eval_case WHERE id = $1"; }
r() { sql "SELECT $2 FROM eval_rating e JOIN eval_case c ON c.rating_id = e.id WHERE c.id = $1"; }

# Return visits due three working days after the rating (yellow from the last day).
A1=$(mkcase "$DA" XX20260922-0001 13900001111 '2026-09-22 09:00:00' '2026-09-28 23:59:59' '2026-09-28 00:00:00')
A2=$(mkcase "$DA" XX20260915-0002 13900002222 '2026-09-15 09:00:00' '2026-09-18 23:59:59' '2026-09-18 00:00:00')
A3=$(mkcase "$DA" XX20260921-0003 13900003333 '2026-09-21 09:00:00' '2026-09-24 23:59:59' '2026-09-24 00:00:00')
A4=$(mkcase "$DA" XX20260923-0004 13900004444 '2026-09-23 09:00:00' '2026-09-29 23:59:59' '2026-09-29 00:00:00')
A5=$(mkcase "$DA" XX20260923-0005 13900005555 '2026-09-23 10:00:00' '2026-09-29 23:59:59' '2026-09-29 00:00:00')
A6=$(mkcase "$DA" XX20260923-0006 '' '2026-09-23 11:00:00' '2026-09-29 23:59:59' '2026-09-29 00:00:00')
A7=$(mkcase "$DA" XX20260923-0007 13900007777 '2026-09-23 12:00:00' '2026-09-29 23:59:59' '2026-09-29 00:00:00')
B1=$(mkcase "$DB" XX20260922-0101 13900009999 '2026-09-22 09:00:00' '2026-09-28 23:59:59' '2026-09-28 00:00:00')
check "eight cases made" test -n "$A1" -a -n "$A7" -a -n "$B1"

# valid NAME JAR PATH: the XML of PATH is valid against the schema.
N=0
valid() {
	local sep='?' out
	case $3 in *\?*) sep='&' ;; esac
	http GET "$3${sep}format=xml" -b "$2"
	N=$((N + 1))
	cp "$BODY" "$X/$N.xml"
	if [ "$STATUS" != 200 ]; then
		fail "$1: status $STATUS"
	elif out=$("$XMLLINT" --noout --relaxng "$SCHEMA" "$X/$N.xml" 2>&1); then
		pass "$1"
	else
		fail "$1: $(printf '%s' "$out" | grep -v ' validates$' | head -n 5 | tr '\n' ' ')"
	fi
}
# valid_body NAME: the last body (a refused form's XML) is valid.
valid_body() {
	local out
	N=$((N + 1))
	cp "$BODY" "$X/$N.xml"
	if out=$("$XMLLINT" --noout --relaxng "$SCHEMA" "$X/$N.xml" 2>&1); then
		pass "$1"
	else
		fail "$1: $(printf '%s' "$out" | grep -v ' validates$' | head -n 5 | tr '\n' ' ')"
	fi
}
# cases: the ids of the cases in the last (XML) desk, sorted, on one line.
cases() {
	tr -d '\n' <"$BODY" | grep -o '<case><id>[0-9]*</id>' | grep -o '[0-9]*' | sort -n |
		tr '\n' ' ' | sed 's/ $//'
}
# the case's light in the last desk XML
light_of() {
	tr -d '\n' <"$BODY" | grep -o "<case><id>$1</id>.*" | sed 's:</case>.*::' |
		sed -n 's:.*<light>\([a-z]*\)</light>.*:\1:p'
}

# ---------------------------------------------------------------- desk, scope
http GET '/evaluate/desk?format=xml' -b "$CA"
expect_status "clerk A's desk" 200
check_eq "… lists the department's seven cases, not B's" \
	"$A1 $A2 $A3 $A4 $A5 $A6 $A7" "$(cases)"
valid "the desk (a clerk) is valid" "$CA" /evaluate/desk
http GET "/evaluate/desk?format=xml&department=$DB" -b "$CA"
check_eq "… a clerk's department filter is ignored: still the own department's" \
	"$A1 $A2 $A3 $A4 $A5 $A6 $A7" "$(cases)"
http GET '/evaluate/desk?format=xml' -b "$CB"
check_eq "clerk B's desk lists B's case only" "$B1" "$(cases)"
http GET "/evaluate/desk/$A1" -b "$CB"
expect_status "B's clerk gets 404 on A's case" 404
http GET "/evaluate/desk/$A1/visit" -b "$CB"
expect_status "… and on its action's page" 404
act "$CB" "/evaluate/desk/$B1/visit" 'visit_note=本部门件'
expect_status "(B records a visit of its own case: 303)" 303
form_of "$CB" "/evaluate/desk/$B1"
http POST "/evaluate/desk/$A1/visit" -b "$CB" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode 'visit_note=越权登记'
expect_status "… and can't act on A's case (404)" 404
check_eq "… which is untouched" visit "$(c "$A1" state)"
http GET '/evaluate/desk?format=xml' -b "$OFFICE"
check_eq "the office's desk lists every department's" \
	"$A1 $A2 $A3 $A4 $A5 $A6 $A7 $B1" "$(cases)"
valid "the desk (the office, with its department filter) is valid" "$OFFICE" /evaluate/desk
http GET "/evaluate/desk?format=xml&department=$DB" -b "$OFFICE"
check_eq "… filtered by department" "$B1" "$(cases)"
http GET '/evaluate/office/appeals' -b "$CA"
expect_status "a clerk is not the office: no appeals page" 403

# ---------------------------------------------------------------- lights
http GET '/evaluate/desk?format=xml' -b "$CA"
check_eq "a return visit past due is red" red "$(light_of "$A2")"
check_eq "… one due today yellow" yellow "$(light_of "$A3")"
check_eq "… one due next week green" green "$(light_of "$A1")"
http GET '/evaluate/desk?format=xml&light=red' -b "$CA"
check_eq "the light filter finds the red one" "$A2" "$(cases)"
http GET '/evaluate/desk?light=red' -b "$CA"
expect_status "the desk's page" 200
expect_body_contains "… the red light carries its word" 'light-red">已超时'
http GET '/evaluate/desk?light=yellow' -b "$CA"
expect_body_contains "… and the yellow one" 'light-yellow">即将超时'
http GET '/evaluate/desk?state=visit&lang=en' -b "$CA"
expect_status "the desk in English" 200
expect_body_contains "… in English words" 'Awaiting return visit'
expect_body_contains "… with the staff menu" 'eval-staff-menu'

# ---------------------------------------------------------------- the case page
http GET "/evaluate/desk/$A1" -b "$CA"
expect_status "clerk A opens case A1" 200
expect_body_contains "… the rater's phone, to call back" '13900001111'
expect_body_contains "… the reason" '问题没有解决'
expect_body_contains "… the comment" '答复没有解决我的问题'
expect_body_contains "… the case number" 'XX20260922-0001'
expect_body_contains "… the visit form" "desk/$A1/visit"
expect_body_lacks "… and no rectification form yet" "desk/$A1/rectify\""
valid "the case page (visit) is valid" "$CA" "/evaluate/desk/$A1"

# ---------------------------------------------------------------- validation
form_of "$CA" "/evaluate/desk/$A1"
http POST "/evaluate/desk/$A1/visit" -b "$CA" -H 'Accept: application/xml' \
	--data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM" --data-urlencode 'visit_note='
expect_status "an empty visit note is refused" 422
expect_body_contains "… beside its field" '<error field="visit_note" key="v.required"'
valid_body "… the refused page is valid"
check_eq "… nothing changed" visit "$(c "$A1" state)"

# ---------------------------------------------------------------- visit
VISIT='9月24日电话回访，评价人反映答复未说明补办流程，已当面解释。'
act "$CA" "/evaluate/desk/$A1/visit" "visit_note=$VISIT"
expect_status "clerk A records the return visit (303)" 303
expect_header "… back to the case" Location "^/evaluate/desk/$A1\$"
check_eq "… the case is to be rectified" rectify "$(c "$A1" state)"
check_eq "… visited now, by clerk A" "2026-09-24 10:00:00	$A_ID" "$(c "$A1" "visited_at, visited_by")"
# 15 working days from Thursday 24 September: 28-30 Sep (3), 8-9 Oct (5),
# Saturday 10 Oct worked (6), 12-16 Oct (11), 19-22 Oct (15); 中秋 and 国庆 off.
check_eq "… rectification due 15 working days later on the calendar" \
	'2026-10-22 23:59:59' "$(c "$A1" rectify_due_at)"
check_eq "… the current deadline moves to it" '2026-10-22 23:59:59' "$(c "$A1" due_at)"
check_eq "… yellow from the last three working days" '2026-10-20 00:00:00' "$(c "$A1" warn_at)"
check_eq "… audited" 1 \
	"$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'evaluate.visit' AND object_type = 'eval_case' AND object_id = '$A1' AND staff_id = $A_ID")"
http GET "/evaluate/desk/$A1" -b "$CA"
expect_body_contains "… the history shows the visit" '评价人反映答复未说明补办流程'
expect_body_contains "… with the clerk's number" '工号 50000002'
valid "the case page (rectify) is valid" "$CA" "/evaluate/desk/$A1"

# A refused rectification keeps what was typed.
NOTE='重新梳理护照补办流程，在窗口张贴办事指南。'
form_of "$CA" "/evaluate/desk/$A1"
http POST "/evaluate/desk/$A1/rectify" -b "$CA" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode "rectify_note=$NOTE" \
	--data-urlencode 'public_summary='
expect_status "a rectification without its public summary is refused" 422
expect_body_contains "… the note typed is kept" "$NOTE"
expect_body_contains "… the summary's field says why" 'id="f-public_summary-error"'
check_eq "… nothing changed" rectify "$(c "$A1" state)"

# ---------------------------------------------------------------- rectify
set_now '2026-10-12 15:00:00'
SUMMARY='已完善补办指引，如有疑问请致电13900001111或联系窗口。'
act "$CA" "/evaluate/desk/$A1/rectify" "rectify_note=$NOTE" "public_summary=$SUMMARY"
expect_status "clerk A records the rectification (303)" 303
check_eq "… rectified, closed now, on time" "rectified	2026-10-12 15:00:00	1" \
	"$(c "$A1" "state, closed_at, on_time")"
check_eq "… the public summary is stored masked" '已完善补办指引，如有疑问请致电***或联系窗口。' \
	"$(c "$A1" public_summary)"
check_eq "… the rater is told by SMS" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE template = 'evaluate.case.rectified' AND recipient = '13900001111'")"
check "… with the (masked) summary" \
	grep -qF '已完善补办指引' <<<"$(sql "SELECT params FROM notify_outbox WHERE template = 'evaluate.case.rectified'")"
check_eq "… audited with the note" 1 \
	"$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'evaluate.rectify' AND object_id = '$A1' AND detail = '$NOTE'")"
http GET "/evaluate/desk/$A1" -b "$CA"
expect_body_contains "… the case page says so" '按期办结'
expect_body_lacks "… and offers no form any more" "action=\"/evaluate/desk/$A1/"
valid "the case page (rectified) is valid" "$CA" "/evaluate/desk/$A1"
act "$CA" "/evaluate/desk/$A1/rectify" "rectify_note=$NOTE" "public_summary=$SUMMARY"
expect_status "a second rectification is refused" 422
expect_body_contains "… as someone having acted first" '已有其他人处理'
http GET '/evaluate/desk?format=xml&state=rectified' -b "$CA"
check_eq "a closed case shows no light" "" "$(light_of "$A1")"

# ---------------------------------------------------------------- appeal upheld
set_now '2026-09-24 11:00:00'
act "$CA" "/evaluate/desk/$A4/appeal" 'appeal_reason='
expect_status "an empty appeal is refused" 422
APPEAL='评价人所述事项不属本部门职责，且评价内容与办理情况明显不符。'
act "$CA" "/evaluate/desk/$A4/appeal" "appeal_reason=$APPEAL"
expect_status "clerk A appeals case A4 before the visit (303)" 303
check_eq "… in appeal" "appeal	2026-09-24 11:00:00	$A_ID" "$(c "$A4" "state, appealed_at, appealed_by")"
http GET '/evaluate/desk?format=xml' -b "$CA"
check_eq "… no light while the office holds it" "" "$(light_of "$A4")"
http GET "/evaluate/desk/$A4" -b "$CA"
expect_body_lacks "… the clerk has no decision form" '/decide'
expect_body_contains "… and is told it waits for the office" '等待县政府办公室审核'
http GET '/evaluate/office/appeals?format=xml' -b "$OFFICE"
expect_status "the office's appeals" 200
check_eq "… list A4" "$A4" "$(cases)"
expect_body_contains "… with the grounds" '不属本部门职责'
valid "the appeals page is valid" "$OFFICE" /evaluate/office/appeals
http GET '/evaluate/office/appeals' -b "$OFFICE"
expect_body_contains "… drawn as a page" '待审核的申诉'
http GET "/evaluate/desk/$A4" -b "$OFFICE"
expect_body_contains "the office's case page has the decision form" "office/appeals/$A4/decide"
valid "the case page (appeal, the office) is valid" "$OFFICE" "/evaluate/desk/$A4"
valid "… and its decision's twin" "$OFFICE" "/evaluate/office/appeals/$A4/decide"
form_of "$CA" "/evaluate/desk/$A4"
http POST "/evaluate/office/appeals/$A4/decide" -b "$CA" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM" --data-urlencode 'decision=uphold' \
	--data-urlencode 'decision_note=想自己批准'
expect_status "a clerk can't decide an appeal" 403
act "$OFFICE" "/evaluate/office/appeals/$A4/decide" 'decision=uphold' 'decision_note='
expect_status "a decision without its note is refused" 422
expect_body_contains "… the choice kept" 'value="uphold" required="required" checked>'
DECISION='经核实，所评事项不属县公安局职责，评价不计入。'
act "$OFFICE" "/evaluate/office/appeals/$A4/decide" 'decision=uphold' "decision_note=$DECISION"
expect_status "the office upholds the appeal (303)" 303
expect_header "… back to the appeals" Location '^/evaluate/office/appeals$'
check_eq "… the case is closed, excluded" "excluded	2026-09-24 11:00:00	$OFFICE_ID" \
	"$(c "$A4" "state, closed_at, decided_by")"
check_eq "… the rating is excluded from every figure, with the reason" \
	"1	2026-09-24 11:00:00	$OFFICE_ID	$DECISION" \
	"$(r "$A4" "e.excluded, e.excluded_at, e.excluded_by, e.excluded_reason")"
check_eq "… the rater is told why" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE template = 'evaluate.case.excluded' AND recipient = '13900004444' AND params LIKE '%不属县公安局职责%'")"
check_eq "… the appeal and the decision are audited" "evaluate.appeal $A_ID
evaluate.appeal.uphold $OFFICE_ID" \
	"$(sql "SELECT action, staff_id FROM audit_log WHERE object_type = 'eval_case' AND object_id = '$A4' ORDER BY id" | tr '\t' ' ')"
http GET "/evaluate/desk/$A4" -b "$CA"
expect_body_contains "… the case page shows the exclusion and its reason" "$DECISION"
expect_body_contains "… in the history" '申诉成立'
valid "the case page (excluded) is valid" "$CA" "/evaluate/desk/$A4"
http GET '/evaluate/office/appeals?format=xml' -b "$OFFICE"
check_eq "… and no appeal waits any more" "" "$(cases)"

# ---------------------------------------------------------------- appeals rejected
act "$CA" "/evaluate/desk/$A5/visit" 'visit_note=已回访，评价人坚持认为办理太慢。'
expect_status "A5: the visit (303)" 303
DUE5=$(c "$A5" due_at)
act "$CA" "/evaluate/desk/$A5/appeal" 'appeal_reason=办理在法定时限内完成，不存在拖延。'
expect_status "A5: appealed after the visit (303)" 303
http GET '/evaluate/office/appeals?format=xml' -b "$OFFICE"
expect_body_contains "… the office sees where a rejection sends it" '<back_to>rectify</back_to>'
act "$OFFICE" "/evaluate/office/appeals/$A5/decide" 'decision=reject' 'decision_note=群众反映的等待时间属实，请整改。'
expect_status "the office rejects it (303)" 303
check_eq "… back to rectify, due as before" "rectify	$DUE5" "$(c "$A5" "state, due_at")"
check_eq "… the rating still counts" 0 "$(r "$A5" e.excluded)"
check_eq "… the rater is not told of a rejection" 0 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE recipient = '13900005555'")"
check_eq "… audited" 1 \
	"$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'evaluate.appeal.reject' AND object_id = '$A5'")"
http GET "/evaluate/desk/$A5" -b "$CA"
expect_body_contains "… the history has the rejection" '申诉驳回'
expect_body_lacks "… and no appeal form any more" "desk/$A5/appeal\""
valid "the case page (rectify after a rejected appeal) is valid" "$CA" "/evaluate/desk/$A5"
act "$CA" "/evaluate/desk/$A5/appeal" 'appeal_reason=再次申诉'
expect_status "a second appeal is refused" 422
expect_body_contains "… once a case" '不能再次申诉'
check_eq "… still to be rectified" rectify "$(c "$A5" state)"

act "$CA" "/evaluate/desk/$A6/appeal" 'appeal_reason=评价人未提供有效信息。'
expect_status "A6: appealed before the visit (303)" 303
act "$OFFICE" "/evaluate/office/appeals/$A6/decide" 'decision=reject' 'decision_note=请先回访。'
expect_status "… rejected (303)" 303
check_eq "… back to the visit, due as before" "visit	2026-09-29 23:59:59" "$(c "$A6" "state, due_at")"
act "$CA" "/evaluate/desk/$A6/visit" 'visit_note=评价人未留电话，无法回访，已查阅办理记录。'
act "$CA" "/evaluate/desk/$A6/rectify" 'rectify_note=完善登记。' 'public_summary=已完善登记流程。'
expect_status "… then visited and rectified (303)" 303
check_eq "… with no phone, no SMS: the outbox holds two so far" 2 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE template LIKE 'evaluate.case.%'")"
# A5 rectified after its due time: late.
set_now '2026-10-23 09:00:00'
act "$CA" "/evaluate/desk/$A5/rectify" 'rectify_note=优化排队叫号。' 'public_summary=已优化排队叫号流程。'
expect_status "A5 rectified after its due time (303)" 303
check_eq "… closed late" 0 "$(c "$A5" on_time)"
http GET "/evaluate/desk/$A5" -b "$CA"
expect_body_contains "… which its page says" '超期办结'

# ---------------------------------------------------------------- race
form_of "$CA" "/evaluate/desk/$A7"
CSRF_1=$CSRF IDEM_1=$IDEM
form_of "$CA2" "/evaluate/desk/$A7"
CSRF_2=$CSRF IDEM_2=$IDEM
"$CURL" -sS --max-time 10 -o "$W/race1.body" -w '%{http_code}' -b "$CA" \
	--data-urlencode "csrf=$CSRF_1" --data-urlencode "idem=$IDEM_1" \
	--data-urlencode 'visit_note=甲回访' "$BASE/evaluate/desk/$A7/visit" >"$W/race1.code" &
P1=$!
"$CURL" -sS --max-time 10 -o "$W/race2.body" -w '%{http_code}' -b "$CA2" \
	--data-urlencode "csrf=$CSRF_2" --data-urlencode "idem=$IDEM_2" \
	--data-urlencode 'visit_note=乙回访' "$BASE/evaluate/desk/$A7/visit" >"$W/race2.code" &
P2=$!
wait "$P1" "$P2"
check_eq "two visits at once: one 303, one refused" "303 422" \
	"$(printf '%s\n' "$(cat "$W/race1.code")" "$(cat "$W/race2.code")" | sort | tr '\n' ' ' | sed 's/ $//')"
check "… the loser is told someone acted first" grep -q '已有其他人处理' "$W/race1.body" "$W/race2.body"
check_eq "… one visit recorded" 1 \
	"$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'evaluate.visit' AND object_id = '$A7'")"

# ---------------------------------------------------------------- every view
http GET "/evaluate/desk/$A1" -b "$OFFICE"
expect_status "the office reads any department's case" 200
valid "the desk filtered by state and light is valid" "$CA" '/evaluate/desk?state=visit&light=red'
valid "an English case page is valid" "$CA" "/evaluate/desk/$A2?lang=en"
http GET "/evaluate/desk/$A2?lang=en" -b "$CA"
expect_body_contains "… and drawn in English" 'Record the return visit'

# ---------------------------------------------------------------- purge
# Old ratings: one whose case is closed, one with no case, one whose case is open.
sql "INSERT INTO eval_rating (kind, once_key, level, phone, address, rated_at, department_id)
	VALUES ('clerk', 'old:1', 4, '13900000001', '192.0.2.1', NOW() - INTERVAL 400 DAY, $DA),
	       ('clerk', 'old:2', 1, '13900000002', '192.0.2.2', NOW() - INTERVAL 400 DAY, $DA),
	       ('clerk', 'old:3', 1, '13900000003', '192.0.2.3', NOW() - INTERVAL 400 DAY, $DA)"
sql "INSERT INTO eval_case (rating_id, department_id, state, opened_at, visit_due_at, due_at,
	warn_at, closed_at) SELECT id, $DA, IF(once_key = 'old:2', 'rectified', 'visit'),
	rated_at, rated_at, rated_at, rated_at, IF(once_key = 'old:2', rated_at, NULL)
	FROM eval_rating WHERE once_key IN ('old:2', 'old:3')"
ctl purge --days 365 >"$W/purge.log" 2>&1
check_eq "civicctl purge runs" 0 $?
check "… with the raters' rule" grep -q "phone numbers and addresses of ratings" "$W/purge.log"
check_eq "… the phone and address of an old rating without a case go" "1	" \
	"$(sql "SELECT phone IS NULL, address FROM eval_rating WHERE once_key = 'old:1'")"
check_eq "… and of one whose case is closed" "1	" \
	"$(sql "SELECT phone IS NULL, address FROM eval_rating WHERE once_key = 'old:2'")"
check_eq "… but not of one whose case is still open (the rater is to be told)" \
	"13900000003	192.0.2.3" "$(sql "SELECT phone, address FROM eval_rating WHERE once_key = 'old:3'")"
check_eq "… nor of recent ones" 13900001111 "$(r "$A1" e.phone)"

finish
