#!/bin/bash
# mailbox-office.sh: the information office and the departments of the
# mayor's mailbox through nginx against a private MariaDB: the inbox and
# its lights, accept, forward, draft, extension, send back, approve (the
# reply and its SMS), the public version and publication, reject, merge,
# take back and forward again, return, close; department scope, racing
# clerks, repeated forms, roles, and the audit log.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 2
civic_program_start account --workers 2
civic_program_start mailbox --workers 3

ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }
PW='mailbox office password 1'
adduser() { civic_add_staff "$PW" "$@"; }
adduser 30000001 信息办甲 000 县政府办公室 office
adduser 30000002 督查乙 000 县政府办公室 supervisor
adduser 30000003 公安丙 gaj 县公安局 clerk
adduser 30000004 公安丁 gaj 县公安局 clerk
adduser 30000005 卫健戊 wjw 县卫健委 clerk
DA=$(sql "SELECT id FROM department WHERE code = 'gaj'")
DB=$(sql "SELECT id FROM department WHERE code = 'wjw'")

xml() { tr -d '\n' <"$BODY" | sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p"; }

# signin JAR STAFF_NO
signin() {
	http GET '/account/signin?format=xml' -c "$1" -b "$1"
	http POST /account/signin -c "$1" -b "$1" --data-urlencode "csrf=$(xml csrf)" \
		--data-urlencode "staff_no=$2" --data-urlencode "password=$PW"
	[ "$STATUS" = 303 ] || die "staff $2 could not sign in ($STATUS)"
}
O=$CIVIC_T/work/office.jar
S=$CIVIC_T/work/super.jar
CA=$CIVIC_T/work/clerka.jar
CA2=$CIVIC_T/work/clerka2.jar
CB=$CIVIC_T/work/clerkb.jar
signin "$O" 30000001
signin "$S" 30000002
signin "$CA" 30000003
signin "$CA2" 30000004
signin "$CB" 30000005

# form JAR PATH: the page's CSRF token and a fresh idempotency key.
form() {
	http GET "/mailbox$2?format=xml" -b "$1"
	CSRF=$(xml csrf)
	IDEM=$(xml idem)
}
# post JAR PATH [CURL-ARGS...]: the form of PATH's page, posted.
post() {
	local jar=$1 path=$2
	shift 2
	form "$jar" "$path"
	http POST "/mailbox$path" -b "$jar" --data-urlencode "csrf=$CSRF" \
		--data-urlencode "idem=$IDEM" "$@"
}
# letter N SUBJECT TYPE STATE DUE WARN: a letter as a writer left it, id in $LID.
MOBILE=13912345678
letter() {
	sql "INSERT INTO mailbox_letter (tracking_no, query_hash, type, category_id, subject,
		body, name, mobile, email, agree_public, address, state, created_at, accepted_at,
		due_at, warn_at) VALUES ('MB20261123-000$1', UNHEX(SHA2('q$1', 256)), '$3', 3, '$2',
		'我家楼下的工地每天夜里施工，噪音很大，请有关部门处理。联系电话 $MOBILE。', '王小明',
		'$MOBILE', 'wxm@example.com', 1, '192.0.2.1', '$4', NOW() - INTERVAL 3 DAY,
		IF('$4' = 'accepted', NOW(), NULL), $5, $6)"
	LID=$(sql "SELECT id FROM mailbox_letter WHERE tracking_no = 'MB20261123-000$1'")
}
letter 1 工地夜间施工噪音扰民 complaint received "NOW() + INTERVAL 2 DAY" "NOW() + INTERVAL 1 DAY"
L1=$LID
letter 2 广告推销 consult received "NOW() + INTERVAL 2 DAY" "NOW() + INTERVAL 1 DAY"
L2=$LID
letter 3 重复的噪音来信 complaint accepted "NOW() + INTERVAL 2 DAY" "NOW() + INTERVAL 1 DAY"
L3=$LID
letter 4 另一封噪音来信 complaint accepted "NOW() + INTERVAL 2 DAY" "NOW() + INTERVAL 1 DAY"
L4=$LID
letter 5 路灯不亮 help accepted "NOW() + INTERVAL 2 DAY" "NOW() + INTERVAL 1 DAY"
L5=$LID
letter 6 早已超时的来信 consult accepted "NOW() - INTERVAL 1 DAY" "NOW() - INTERVAL 2 DAY"
L6=$LID
letter 7 即将超时的来信 consult accepted "NOW() + INTERVAL 1 DAY" "NOW() - INTERVAL 1 HOUR"
L7=$LID
letter 8 两位办事员同时答复 suggest accepted "NOW() + INTERVAL 2 DAY" "NOW() + INTERVAL 1 DAY"
L8=$LID
sql "INSERT INTO mailbox_attachment (letter_id, name, type, size, data) VALUES
	($L1, '现场照片.pdf', 'application/pdf', 9, '%PDF-1.4\n')"
AID=$(sql "SELECT id FROM mailbox_attachment WHERE letter_id = $L1")

events() { sql "SELECT COUNT(*) FROM mailbox_event WHERE letter_id = $1 AND kind = '$2'"; }
lstate() { sql "SELECT state FROM mailbox_letter WHERE id = $1"; }
# The row of one letter in the inbox's XML.
inbox_row() { tr -d '\n' <"$BODY" | sed 's:</letter>:</letter>\n:g' | grep "<id>$1</id>"; }

# ---------------------------------------------------------------- who may enter
for p in /office "/office/$L1" "/office/$L1/public" "/office/$L1/file/$AID" /dept \
    "/dept/1" "/office/$L1/accept"; do
	http GET "/mailbox$p"
	expect_status "not signed in, GET $p sends to sign-in" 303
	expect_header "… to the sign-in page" Location '^/account/signin'
done
for p in "/office/$L1/accept" "/office/$L1/forward" "/office/$L1/publish" "/dept/1/draft"; do
	http POST "/mailbox$p" --data-urlencode "idem=AAAAAAAAAAAAAAAAAAAAAA"
	case $STATUS in
	303 | 403) pass "not signed in, POST $p is refused ($STATUS)" ;;
	*) fail "not signed in, POST $p: status $STATUS" ;;
	esac
done
check_eq "… and nothing changed" received "$(lstate "$L1")"
http GET /mailbox/office -b "$CA"
expect_status "a clerk may not open the office inbox (403)" 403
http GET /mailbox/dept -b "$O"
expect_status "the office (no clerk role) may not open a department's list (403)" 403
http GET /mailbox/office -b "$S"
expect_status "a supervisor reads the office inbox" 200
http GET "/mailbox/office/$L1" -b "$S"
expect_status "… and a letter" 200
expect_body_lacks "… without the office's action forms" "/office/$L1/accept"
form "$S" "/office/$L1"
http POST "/mailbox/office/$L1/accept" -b "$S" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM"
expect_status "a supervisor may not act (403)" 403

# ---------------------------------------------------------------- inbox and lights
http GET '/mailbox/office?format=xml' -b "$O"
expect_status "the office inbox" 200
check "a letter past its due time is red" sh -c "printf '%s' '$(inbox_row "$L6")' | grep -q '<light>red</light>'"
check "a letter past its warning time is yellow" sh -c "printf '%s' '$(inbox_row "$L7")' | grep -q '<light>yellow</light>'"
check "a letter in time is green" sh -c "printf '%s' '$(inbox_row "$L1")' | grep -q '<light>green</light>'"
http GET /mailbox/office -b "$O"
expect_body_contains "the inbox shows the red light with its word" '<span class="light light-red">已超时</span>'
expect_body_contains "… the yellow one" '<span class="light light-yellow">即将超时</span>'
expect_body_contains "… the green one" '<span class="light light-green">正常</span>'
expect_body_contains "… the tracking number" 'MB20261123-0001'
http GET '/mailbox/office?state=received&format=xml' -b "$O"
expect_body_contains "filtered by state: received letters" "<id>$L1</id>"
expect_body_lacks "… and no accepted one" "<id>$L6</id>"

http GET "/mailbox/office/$L1" -b "$O"
expect_status "the office sees the letter" 200
expect_body_contains "… with the writer's mobile" "$MOBILE"
expect_body_contains "… and name" '王小明'
expect_body_contains "… and the accept form" "/office/$L1/accept"
http GET "/mailbox/office/$L1/file/$AID" -b "$O"
expect_status "the attachment downloads" 200
expect_header "… as an attachment" Content-Disposition '^attachment;'
expect_header "… with nosniff" X-Content-Type-Options '^nosniff$'
http GET "/mailbox/office/$L2/file/$AID" -b "$O"
expect_status "… not under another letter (404)" 404

# ---------------------------------------------------------------- accept
post "$O" "/office/$L1/accept"
expect_status "accept (303)" 303
expect_header "… back to the letter" Location "^/mailbox/office/$L1\$"
check_eq "… the letter is accepted" accepted "$(lstate "$L1")"
check_eq "… with a public event" "1	1" "$(sql "SELECT COUNT(*), MAX(public) FROM mailbox_event WHERE letter_id = $L1 AND kind = 'accepted'")"
http POST "/mailbox/office/$L1/accept" -b "$O" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "idem=$IDEM"
expect_status "the same form again answers the same (303)" 303
expect_header "… to the same place" Location "^/mailbox/office/$L1\$"
check_eq "… and records no second event" 1 "$(events "$L1" accepted)"
post "$O" "/office/$L1/accept"
expect_status "accepting an accepted letter (a new form) is refused (422)" 422
expect_body_contains "… with the conflict message" '已有其他人处理'
check_eq "… and no event" 1 "$(events "$L1" accepted)"

# ---------------------------------------------------------------- forward
post "$O" "/office/$L1/forward" --data-urlencode "department1=$DA" \
	--data-urlencode "department2=$DA"
expect_status "one department twice is 422" 422
expect_body_contains "… saying so" '同一个单位只能选一次'
post "$O" "/office/$L1/forward" --data-urlencode "department1=$DA" \
	--data-urlencode "limit_days=61"
expect_status "a limit over 60 days is 422" 422
post "$O" "/office/$L1/forward" --data-urlencode "department1=$DA" \
	--data-urlencode "instruction=请核实并答复来信人。"
expect_status "forward to department A (303)" 303
F1=$(sql "SELECT id FROM mailbox_forward WHERE letter_id = $L1")
check_eq "… one forward, open, with the complaint's 10 days" "open	10	$DA" \
	"$(sql "SELECT state, limit_days, department_id FROM mailbox_forward WHERE id = $F1")"
check_eq "… due after now" 1 "$(sql "SELECT due_at > NOW() AND warn_at <= due_at FROM mailbox_forward WHERE id = $F1")"
check_eq "… the letter forwarded, due when the forward is" "forwarded	1" \
	"$(sql "SELECT l.state, l.due_at = f.due_at FROM mailbox_letter l JOIN mailbox_forward f ON f.letter_id = l.id WHERE l.id = $L1")"
check_eq "… a public event naming the department" "1	县公安局" \
	"$(sql "SELECT public, note FROM mailbox_event WHERE letter_id = $L1 AND kind = 'forwarded'")"
http GET '/mailbox/office?format=xml' -b "$O"
check "… and its light is green" sh -c "printf '%s' '$(inbox_row "$L1")' | grep -q '<light>green</light>'"

# ---------------------------------------------------------------- department scope
http GET "/mailbox/dept/$F1" -b "$CB"
expect_status "a clerk of department B gets 404 for A's forward" 404
http GET "/mailbox/dept/$F1/file/$AID" -b "$CB"
expect_status "… and for its file" 404
http GET "/mailbox/dept?format=xml" -b "$CB"
B_CSRF=$(xml csrf)
expect_body_lacks "… and does not see it in the list" '工地夜间施工噪音扰民'
http POST "/mailbox/dept/$F1/draft" -b "$CB" --data-urlencode "csrf=$B_CSRF" \
	--data-urlencode "idem=$(xml idem)" --data-urlencode "draft=别的单位的答复稿内容" \
	--data-urlencode "base_state=open"
expect_status "… and 404 when posting a draft to it" 404
http POST "/mailbox/dept/$F1/return" -b "$CB" --data-urlencode "csrf=$B_CSRF" \
	--data-urlencode "idem=CCCCCCCCCCCCCCCCCCCCCC" --data-urlencode "return_reason=不是我们的"
expect_status "… and when returning it" 404
check_eq "… and nothing changed" "open	1" \
	"$(sql "SELECT state, draft IS NULL FROM mailbox_forward WHERE id = $F1")"

# ---------------------------------------------------------------- draft, extension
http GET /mailbox/dept -b "$CA"
expect_status "clerk A lists the department's letters" 200
expect_body_contains "… with the letter" '工地夜间施工噪音扰民'
expect_body_contains "… and its light" 'light light-green'
http GET "/mailbox/dept/$F1" -b "$CA"
expect_status "clerk A opens the forward" 200
expect_body_contains "… with the writer's contact" "$MOBILE"
post "$CA" "/dept/$F1/draft" --data-urlencode "draft=太短" --data-urlencode "base_state=open"
expect_status "a draft under 10 characters is 422" 422
expect_body_contains "… with the text kept" '太短'
DRAFT1='王先生您好：经核查，该工地已办理夜间施工许可，我局已要求其降低噪音。'
post "$CA" "/dept/$F1/draft" --data-urlencode "draft=$DRAFT1" --data-urlencode "base_state=open"
expect_status "clerk A drafts a reply (303)" 303
check_eq "… the forward is drafted, by clerk A" "drafted	30000003" \
	"$(sql "SELECT f.state, s.staff_no FROM mailbox_forward f JOIN staff s ON s.id = f.drafted_by WHERE f.id = $F1")"
post "$CA" "/dept/$F1/extension" --data-urlencode "ext_days=31" --data-urlencode "ext_reason=需要现场核查"
expect_status "an extension over 30 days is 422" 422
post "$CA" "/dept/$F1/extension" --data-urlencode "ext_days=5" \
	--data-urlencode "ext_reason=需要会同住建部门现场核查"
expect_status "clerk A asks for 5 more days (303)" 303
check_eq "… asked" "asked	5" "$(sql "SELECT ext_state, ext_days FROM mailbox_forward WHERE id = $F1")"
check_eq "… the due date has not moved yet" 0 \
	"$(sql "SELECT extension_days FROM mailbox_forward WHERE id = $F1")"
post "$CA" "/dept/$F1/extension" --data-urlencode "ext_days=3" --data-urlencode "ext_reason=再次申请"
expect_status "asking again while asked is refused (422)" 422
expect_body_contains "… with the conflict message" '已有其他人处理'

# Working days after date $1 up to and including date $2, by the calendar table.
workdays() {
	local d=$1 n=0 k
	while [ "$d" \< "$2" ]; do
		d=$(date -d "$d + 1 day" +%F)
		k=$(sql "SELECT kind FROM calendar_day WHERE day = '$d'")
		if [ "$k" = workday ] || { [ -z "$k" ] && [ "$(date -d "$d" +%u)" -le 5 ]; }; then
			n=$((n + 1))
		fi
	done
	echo "$n"
}
OLD_DUE=$(sql "SELECT DATE(due_at) FROM mailbox_forward WHERE id = $F1")
post "$O" "/office/$L1/forwards/$F1/extension" --data-urlencode "decision=approve"
expect_status "the office grants the extension (303)" 303
NEW_DUE=$(sql "SELECT DATE(due_at) FROM mailbox_forward WHERE id = $F1")
check_eq "… approved, 5 days added" "approved	5" \
	"$(sql "SELECT ext_state, extension_days FROM mailbox_forward WHERE id = $F1")"
check_eq "… the due date moved by exactly 5 working days" 5 "$(workdays "$OLD_DUE" "$NEW_DUE")"
check_eq "… still at the day's end" "23:59:59" "$(sql "SELECT TIME(due_at) FROM mailbox_forward WHERE id = $F1")"
check_eq "… and the letter's due date with it" 1 \
	"$(sql "SELECT l.due_at = f.due_at FROM mailbox_letter l JOIN mailbox_forward f ON f.letter_id = l.id WHERE f.id = $F1")"

# ---------------------------------------------------------------- review
post "$O" "/office/$L1/forwards/$F1/review" --data-urlencode "decision=sendback"
expect_status "sending back without a note is 422" 422
expect_body_contains "… beside the note" 'id="f-sendback_note-error"'
post "$O" "/office/$L1/forwards/$F1/review" --data-urlencode "decision=sendback" \
	--data-urlencode "sendback_note=请写明整改期限。"
expect_status "the office sends the draft back (303)" 303
check_eq "… open again, with the note" "open	请写明整改期限。" \
	"$(sql "SELECT state, sendback_note FROM mailbox_forward WHERE id = $F1")"
DRAFT2="$DRAFT1该工地须于本月底前完成降噪整改。"
http GET "/mailbox/dept/$F1" -b "$CA"
expect_body_contains "clerk A sees the office's note" '请写明整改期限。'
post "$CA" "/dept/$F1/draft" --data-urlencode "draft=$DRAFT2" --data-urlencode "base_state=open" \
	--data-urlencode "base_at=$(sql "SELECT drafted_at FROM mailbox_forward WHERE id = $F1")"
expect_status "clerk A drafts again (303)" 303
check_eq "… drafted" drafted "$(sql "SELECT state FROM mailbox_forward WHERE id = $F1")"

# Two approvals of the same draft at once (two forms, two keys): one wins.
form "$O" "/office/$L1"
K1=$IDEM
form "$O" "/office/$L1"
K2=$IDEM
RACE=()
for k in 1 2; do
	key=K$k
	"$CURL" -sS --max-time 10 -o "$CIVIC_T/work/race$k.body" -w '%{http_code}' -b "$O" \
		--data-urlencode "csrf=$CSRF" --data-urlencode "idem=${!key}" \
		--data-urlencode "decision=approve" \
		"$BASE/mailbox/office/$L1/forwards/$F1/review" >"$CIVIC_T/work/race$k.code" &
	RACE+=($!)
done
wait "${RACE[@]}"
CODES=$(printf '%s\n' "$(cat "$CIVIC_T/work/race1.code")" "$(cat "$CIVIC_T/work/race2.code")" | sort | tr '\n' ' ')
check_eq "two approvals at once: one 303, one refused" "303 422 " "$CODES"
check "… the loser is told someone acted first" grep -q '已有其他人处理' \
	"$CIVIC_T/work/race1.body" "$CIVIC_T/work/race2.body"
check_eq "… one reply event" 1 "$(events "$L1" replied)"
check_eq "… the letter replied with the draft, by department A" "replied	$DA	1" \
	"$(sql "SELECT state, reply_department_id, reply = '$DRAFT2' FROM mailbox_letter WHERE id = $L1")"
check_eq "… reply_days and replied_at set" 1 \
	"$(sql "SELECT reply_days >= 0 AND replied_at IS NOT NULL FROM mailbox_letter WHERE id = $L1")"
check_eq "… the forward approved" approved "$(sql "SELECT state FROM mailbox_forward WHERE id = $F1")"
check_eq "… the writer gets the mailbox.replied SMS" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE channel = 'sms' AND recipient = '$MOBILE' AND template = 'mailbox.replied' AND params LIKE '%MB20261123-0001%'")"

# Two clerks drafting the same forward at once: one wins.
post "$O" "/office/$L8/forward" --data-urlencode "department1=$DA"
F8=$(sql "SELECT id FROM mailbox_forward WHERE letter_id = $L8")
form "$CA" "/dept/$F8"
C1=$CSRF
I1=$IDEM
form "$CA2" "/dept/$F8"
C2=$CSRF
I2=$IDEM
"$CURL" -sS --max-time 10 -o "$CIVIC_T/work/d1.body" -w '%{http_code}' -b "$CA" \
	--data-urlencode "csrf=$C1" --data-urlencode "idem=$I1" --data-urlencode "base_state=open" \
	--data-urlencode "draft=第一位办事员的答复稿内容。" "$BASE/mailbox/dept/$F8/draft" \
	>"$CIVIC_T/work/d1.code" &
RACE=($!)
"$CURL" -sS --max-time 10 -o "$CIVIC_T/work/d2.body" -w '%{http_code}' -b "$CA2" \
	--data-urlencode "csrf=$C2" --data-urlencode "idem=$I2" --data-urlencode "base_state=open" \
	--data-urlencode "draft=第二位办事员的答复稿内容。" "$BASE/mailbox/dept/$F8/draft" \
	>"$CIVIC_T/work/d2.code" &
RACE+=($!)
wait "${RACE[@]}"
CODES=$(printf '%s\n' "$(cat "$CIVIC_T/work/d1.code")" "$(cat "$CIVIC_T/work/d2.code")" | sort | tr '\n' ' ')
check_eq "two clerks drafting at once: one 303, one refused" "303 422 " "$CODES"
check_eq "… one drafted event" 1 "$(events "$L8" drafted)"
WINNER=$(sql "SELECT s.staff_no FROM mailbox_forward f JOIN staff s ON s.id = f.drafted_by WHERE f.id = $F8")
case $WINNER in
30000003) WANT='第一位办事员的答复稿内容。' ;;
*) WANT='第二位办事员的答复稿内容。' ;;
esac
check_eq "… the draft is the winner's" "$WANT" "$(sql "SELECT draft FROM mailbox_forward WHERE id = $F8")"

# ---------------------------------------------------------------- public version
post "$O" "/office/$L1/publish"
expect_status "publishing before a public version is saved is refused (422)" 422
expect_body_contains "… saying why" '请先编辑并保存公开版本'
http GET "/mailbox/office/$L1/public" -b "$O"
expect_status "the public version page" 200
expect_body_contains "… original and public version side by side" 'class="compare"'
expect_body_contains "… the original column" '原文（不公开）'
expect_body_contains "… the public version column" 'name="public_body"'
expect_body_contains "… proposed, not yet saved" '尚未保存'
expect_body_contains "… with the reply" '降噪整改'
http GET "/mailbox/office/$L1/public" -b "$CA"
expect_status "a clerk may not open it (403)" 403
post "$O" "/office/$L1/public" --data-urlencode "public_subject=短" \
	--data-urlencode "public_body=工地夜间施工噪音很大。" --data-urlencode "public_reply=已处理。"
expect_status "a public subject under 5 characters is 422" 422
expect_body_contains "… what was typed is kept" '工地夜间施工噪音很大。'
post "$O" "/office/$L1/public" --data-urlencode "public_subject=工地夜间施工噪音扰民" \
	--data-urlencode "public_body=我家楼下的工地每天夜里施工，噪音很大。联系电话 ***。" \
	--data-urlencode "public_reply=经核查，该工地须于本月底前完成降噪整改。"
expect_status "the office saves the public version (303)" 303
expect_header "… back to it" Location "^/mailbox/office/$L1/public\$"
check_eq "… stored" "工地夜间施工噪音扰民" "$(sql "SELECT public_subject FROM mailbox_letter WHERE id = $L1")"
post "$O" "/office/$L6/public" --data-urlencode "public_subject=还没有答复的来信" \
	--data-urlencode "public_body=这封来信还没有答复呢。" --data-urlencode "public_reply=无"
expect_status "a letter not yet replied has no public version (422)" 422
expect_body_contains "… saying why" '信件答复后，才能编辑公开版本和公开'
check_eq "… nothing stored" 1 "$(sql "SELECT public_subject IS NULL FROM mailbox_letter WHERE id = $L6")"
http GET "/mailbox/office/$L1/public" -b "$O"
expect_body_contains "… shown as saved" '已保存的公开版本'
post "$O" "/office/$L1/publish"
expect_status "publish (303)" 303
check_eq "… published, with its time" "1	1" \
	"$(sql "SELECT published, published_at IS NOT NULL FROM mailbox_letter WHERE id = $L1")"
check_eq "… a public event" "1" "$(sql "SELECT MAX(public) FROM mailbox_event WHERE letter_id = $L1 AND kind = 'published'")"
post "$O" "/office/$L1/unpublish"
expect_status "unpublish (303)" 303
check_eq "… not published" "0" "$(sql "SELECT published FROM mailbox_letter WHERE id = $L1")"
check_eq "… an event" 1 "$(events "$L1" unpublished)"
post "$O" "/office/$L1/publish"
expect_status "publish again (303)" 303
check_eq "… published" "1" "$(sql "SELECT published FROM mailbox_letter WHERE id = $L1")"
check_eq "… two published events" 2 "$(events "$L1" published)"

# ---------------------------------------------------------------- close
post "$O" "/office/$L1/close"
expect_status "close (303)" 303
check_eq "… closed" closed "$(lstate "$L1")"
check_eq "… a public event" 1 "$(sql "SELECT COUNT(*) FROM mailbox_event WHERE letter_id = $L1 AND kind = 'closed' AND public = 1")"

# ---------------------------------------------------------------- reject
post "$O" "/office/$L2/reject" --data-urlencode "reason=999"
expect_status "an unknown reason is 422" 422
expect_body_contains "… beside the field" 'id="f-reason-error"'
post "$O" "/office/$L2/reject" --data-urlencode "reason=4" \
	--data-urlencode "reject_note=如有其他诉求请重新来信。"
expect_status "reject with a reason (303)" 303
check_eq "… rejected, reason and note stored" "rejected	4	如有其他诉求请重新来信。" \
	"$(sql "SELECT state, reject_reason_id, reject_note FROM mailbox_letter WHERE id = $L2")"
check_eq "… the writer gets the mailbox.rejected SMS" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE channel = 'sms' AND recipient = '$MOBILE' AND template = 'mailbox.rejected' AND params LIKE '%reason=广告或与政务无关的内容%'")"
check_eq "… and the e-mail" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE channel = 'email' AND template = 'mailbox.rejected'")"
check_eq "… a public event with the reason" "1	1" \
	"$(sql "SELECT public, note LIKE '广告或与政务无关的内容%' FROM mailbox_event WHERE letter_id = $L2 AND kind = 'rejected'")"
post "$O" "/office/$L2/reject" --data-urlencode "reason=4"
expect_status "rejecting it again is refused (422)" 422
expect_body_contains "… with the conflict message" '已有其他人处理'
check_eq "… one event only" 1 "$(events "$L2" rejected)"

# ---------------------------------------------------------------- merge
post "$O" "/office/$L3/merge" --data-urlencode "into=MB20261123-0099"
expect_status "merging into a letter that does not exist is 422" 422
expect_body_contains "… saying so" '找不到这个编号的来信'
post "$O" "/office/$L3/merge" --data-urlencode "into=MB20261123-0002"
expect_status "… or into a rejected one" 422
post "$O" "/office/$L3/merge" --data-urlencode "into=MB20261123-0004"
expect_status "merge into an open letter (303)" 303
check_eq "… merged into it" "merged	$L4" \
	"$(sql "SELECT state, merged_into FROM mailbox_letter WHERE id = $L3")"
check_eq "… both histories say so" "1 1" "$(events "$L3" merged) $(events "$L4" merged)"

# ---------------------------------------------------------------- take back, return
post "$O" "/office/$L5/forward" --data-urlencode "department1=$DA" \
	--data-urlencode "department2=$DB" --data-urlencode "limit_days=4"
expect_status "forward to two departments (303)" 303
check_eq "… two open forwards of 4 days" "2" \
	"$(sql "SELECT COUNT(*) FROM mailbox_forward WHERE letter_id = $L5 AND state = 'open' AND limit_days = 4")"
FA=$(sql "SELECT id FROM mailbox_forward WHERE letter_id = $L5 AND department_id = $DA")
FB=$(sql "SELECT id FROM mailbox_forward WHERE letter_id = $L5 AND department_id = $DB")
post "$O" "/office/$L5/forward" --data-urlencode "department1=$DA"
expect_status "forwarding again to a department that has it is 422" 422
post "$O" "/office/$L5/forwards/$FA/withdraw"
expect_status "take back A's forward (303)" 303
check_eq "… withdrawn, the letter still forwarded (B has it)" "withdrawn	forwarded" \
	"$(sql "SELECT f.state, l.state FROM mailbox_forward f JOIN mailbox_letter l ON l.id = f.letter_id WHERE f.id = $FA")"
post "$O" "/office/$L5/forwards/$FA/withdraw"
expect_status "taking it back twice is refused (422)" 422
post "$O" "/office/$L5/forward" --data-urlencode "department1=$DA"
expect_status "forward to A again (303)" 303
FA2=$(sql "SELECT id FROM mailbox_forward WHERE letter_id = $L5 AND department_id = $DA AND state = 'open'")
check "… a new open forward" test -n "$FA2"
post "$O" "/office/$L1/forwards/$FB/withdraw"
expect_status "a forward under another letter's path is 404" 404
post "$CB" "/dept/$FB/return" --data-urlencode "return_reason=路灯归城管局管理"
expect_status "clerk B returns a misrouted letter (303)" 303
check_eq "… returned with the reason; the letter still forwarded (A has it)" \
	"returned	路灯归城管局管理	forwarded" \
	"$(sql "SELECT f.state, f.return_reason, l.state FROM mailbox_forward f JOIN mailbox_letter l ON l.id = f.letter_id WHERE f.id = $FB")"
post "$CA" "/dept/$FA2/return" --data-urlencode "return_reason=也不是公安局的职责"
expect_status "clerk A returns it too (303)" 303
check_eq "… no department left: the letter is the office's again" accepted "$(lstate "$L5")"
check_eq "… with the office's deadline running" 1 \
	"$(sql "SELECT due_at > NOW() FROM mailbox_letter WHERE id = $L5")"
check_eq "… two returned events" 2 "$(events "$L5" returned)"
http GET "/mailbox/office/$L5" -b "$O"
expect_body_contains "the office sees the return reason" '路灯归城管局管理'

# ---------------------------------------------------------------- pages, XML, audit
for p in "$O /office" "$O /office/$L1" "$O /office/$L5" "$O /office/$L1/public" "$CA /dept" \
    "$CA /dept/$F1" "$CA /dept/$F8" "$CB /dept?state=returned"; do
	set -- $p
	case $2 in
	*\?*) http GET "/mailbox$2&lang=en" -b "$1" ;;
	*) http GET "/mailbox$2?lang=en" -b "$1" ;;
	esac
	expect_status "GET $2 in English" 200
	expect_body_lacks "… every text translated" '>mailbox.'
	http GET "/mailbox$2" -b "$1"
	expect_body_lacks "… and in Chinese" '>mailbox.'
done

http GET "/mailbox/office/$L1?format=xml" -b "$O"
expect_status "the letter page as XML" 200
expect_body_contains "… with its forwards" "<forward><id>$F1</id>"
for a in accept forward draft extension.ask extension.approve review.sendback review.approve \
    public.save publish unpublish close reject merge withdraw return; do
	check "audit log has mailbox.$a" test "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'mailbox.$a'")" -ge 1
done
ctl audit-verify >"$CIVIC_T/verify.log" 2>&1
check_eq "the audit chain is intact" 0 $?

finish
