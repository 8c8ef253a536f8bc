#!/bin/bash
# mailbox-citizen.sh: the writer's side of the mayor's mailbox through nginx
# against a private MariaDB: the form, the preview, sending with files, the
# receipt that shows the query code once, tracking, the spam guards (honeypot,
# minimum fill time, signature, rate limits), refused fields and files with
# nothing stored, idempotent resubmission, the rating link of a replied
# letter (the rating itself is civic-evaluate.fcgi's: evaluate-case.sh)
# and the follow-up question, and no personal data on any public page.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 2
civic_program_start mailbox --workers 2
civic_program_start evaluate --workers 1

for i in $(seq 1 50); do
	http GET /mailbox/write
	[ "$STATUS" = 200 ] && break
	sleep 0.2
done
expect_status "the form answers" 200

W=$CIVIC_T/work
J=$W/writer.jar
# xml FIELD: the text of <FIELD> in the last (XML) body.
xml() { tr -d '\n' <"$BODY" | sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p"; }
# attr ELEMENT ATTRIBUTE: an attribute of the first ELEMENT in the last body.
attr() { tr -d '\n' <"$BODY" | sed -n "s:.*<$1 [^>]*$2=\"\([^\"]*\)\".*:\1:p" | head -n 1; }
# visible: the last body without its form controls (hidden fields carry values on).
visible() { sed -e 's/<input[^>]*>//g' "$BODY"; }

NAME=王小明
MOBILE=13912345678
EMAIL=wxm@example.cn
SUBJECT='城南路灯损坏多日'
LETTER='城南路从3号到9号的路灯已经坏了两个星期，晚上行人很不方便，请尽快修理。'
TODAY=$(TZ=Asia/Shanghai date +%Y%m%d)

# Files made here: a real small PDF and PNG, a text file named .pdf, and 6 MB.
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' >"$W/photo.pdf"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82' >"$W/lamp.png"
printf 'just some text, not a PDF\n' >"$W/fake.pdf"
head -c $((6 * 1024 * 1024)) /dev/zero | tr '\0' 'a' | sed '1s/^/%PDF-1.4\n/' >"$W/big.pdf"

# form [JAR]: the form as XML: sets CSRF, ISSUED and SIG (a freshly signed form time).
form() {
	http GET '/mailbox/write?format=xml' -c "${1:-$J}" -b "${1:-$J}"
	CSRF=$(xml csrf)
	ISSUED=$(attr form-time issued)
	SIG=$(attr form-time sig)
}
# new_idem: a fresh idempotency key from a page.
new_idem() { http GET '/mailbox/write?format=xml' -b "$J" -c "$J"; IDEM=$(xml idem); }

# letter_args [KEY=VALUE]: the letter's text fields as --form-string
# arguments in ARGS, with KEY's value replaced (a key twice is a 400).
letter_args() {
	local kv f
	ARGS=()
	for kv in "csrf=$CSRF" "idem=$IDEM" "type=complaint" "category=4" \
	    "subject=$SUBJECT" "body=$LETTER" "name=$NAME" "mobile=$MOBILE" \
	    "email=$EMAIL" "agree=1" "issued=$ISSUED" "sig=$SIG" ${1:+"$1"}; do
		f=${kv%%=*}
		[ -n "${1:-}" ] && [ "$kv" != "$1" ] && [ "$f" = "${1%%=*}" ] && continue
		ARGS+=(--form-string "$kv")
	done
}
# send [CURL-ARGS...]: POST /mailbox/write/send with the letter (and ARGS).
send() { letter_args; http POST /mailbox/write/send -b "$J" -c "$J" "${ARGS[@]}" "$@"; }
# send_with KEY=VALUE: the same with one field changed or added.
send_with() { letter_args "$1"; http POST /mailbox/write/send -b "$J" -c "$J" "${ARGS[@]}"; }
letters() { sql "SELECT COUNT(*) FROM mailbox_letter"; }
files() { sql "SELECT COUNT(*) FROM mailbox_attachment"; }

# ---------------------------------------------------------------- the form
http GET /mailbox/write -c "$J" -b "$J"
expect_status "GET /write is the form" 200
expect_body_contains "… letter types shown by their words" '<option value="complaint">投诉</option>'
expect_body_contains "… the categories the office keeps" '市容设施'
expect_body_contains "… a honeypot out of reach: no tab stop, no autofill" \
	'name="website" tabindex="-1" autocomplete="off"'
expect_body_contains "… labelled to be left empty" '请勿填写此栏'
expect_body_contains "… a signed form time" 'name="sig"'
expect_body_contains "… posted to the preview" 'action="/mailbox/write"'

form
T0=$(date +%s)
check "the form time is signed (43 characters)" test "${#SIG}" = 43

# ---------------------------------------------------------------- preview
http POST /mailbox/write -b "$J" --data-urlencode "csrf=$CSRF" --data-urlencode "type=complaint" \
	--data-urlencode "category=4" --data-urlencode "subject=$SUBJECT" \
	--data-urlencode "body=$LETTER" --data-urlencode "name=$NAME" \
	--data-urlencode "mobile=$MOBILE" --data-urlencode "email=$EMAIL" \
	--data-urlencode "agree=1" --data-urlencode "issued=$ISSUED" --data-urlencode "sig=$SIG"
expect_status "the preview is 200" 200
expect_body_contains "… shows the subject" "$SUBJECT"
expect_body_contains "… and the text as written" "$LETTER"
expect_body_contains "… the type and category as the public would see them" '市容设施'
expect_body_contains "… says the office masks personal data first" '替换为“***”'
expect_body_contains "… and that name, phone and e-mail are never published" '您的姓名、手机号码和电子邮箱不会公开'
check "… shows neither the phone, the name nor the e-mail as text" \
	bash -c "! sed -e 's/<input[^>]*>//g' '$BODY' | grep -qE '$MOBILE|$NAME|$EMAIL'"
expect_body_contains "… the final form carries the values on" "name=\"mobile\" value=\"$MOBILE\""
expect_body_contains "… with three file inputs" 'name="attachment3"'
expect_body_contains "… sent as multipart to /write/send" 'action="/mailbox/write/send"'
expect_body_contains "… and an edit button back to the form" 'formaction="/mailbox/write"'

http POST /mailbox/write -b "$J" --data-urlencode "csrf=$CSRF" --data-urlencode "edit=1" \
	--data-urlencode "type=complaint" --data-urlencode "category=4" \
	--data-urlencode "subject=$SUBJECT" --data-urlencode "body=$LETTER" \
	--data-urlencode "name=$NAME" --data-urlencode "mobile=$MOBILE" \
	--data-urlencode "issued=$ISSUED" --data-urlencode "sig=$SIG"
expect_status "edit again is the form (200)" 200
expect_body_contains "… with the subject kept" "value=\"$SUBJECT\""
expect_body_contains "… and the category chosen" '<option value="4" selected>'

http POST '/mailbox/write?format=xml' -b "$J" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "type=complaint" --data-urlencode "category=4" \
	--data-urlencode "subject=路灯" --data-urlencode "body=太短了" \
	--data-urlencode "name=王" --data-urlencode "mobile=1391234" \
	--data-urlencode "email=not-an-address"
expect_status "a preview with bad fields is 422" 422
for e in 'subject" key="v.short' 'body" key="v.short' 'name" key="v.short' \
    'mobile" key="v.mobile' 'email" key="v.email'; do
	expect_body_contains "… error beside ${e%%\"*}" "<error field=\"$e\""
done
expect_body_contains "… what was typed kept" '<value name="body">太短了</value>'
http POST /mailbox/write -b "$J" --data-urlencode "csrf=$CSRF" --data-urlencode "type=other" \
	--data-urlencode "category=4" --data-urlencode "subject=$SUBJECT" \
	--data-urlencode "body=$LETTER" --data-urlencode "name=$NAME" --data-urlencode "mobile=$MOBILE"
expect_status "a type not in the list is 422" 422
http POST /mailbox/write --data-urlencode "type=complaint"
expect_status "a preview without the CSRF token is 403" 403

# ---------------------------------------------------------------- send
# The minimum fill time (mailbox.min_fill_seconds, 5) counts from the form.
while [ $(( $(date +%s) - T0 )) -lt 6 ]; do sleep 0.5; done
new_idem
FIRST_IDEM=$IDEM
send -F "attachment1=@$W/photo.pdf;type=application/pdf" \
	-F "attachment2=@$W/lamp.png;type=image/png"
expect_status "sending with two files is 303" 303
NO=$(header Location | sed -n "s:^/mailbox/sent/\(MB$TODAY-[0-9]\{4,6\}\)\$:\1:p")
check "… to the receipt of an MBYYYYMMDD-NNNN number of today (Beijing)" test -n "$NO"
expect_header "… the code in a cookie for the receipt only, HttpOnly, SameSite=Strict, 10 minutes" \
	Set-Cookie '^civic_mb_code=[2-9A-HJKMNP-Z]{10}; Path=/mailbox/sent/; Max-Age=600; HttpOnly; SameSite=Strict$'
LOCATION=$(header Location)

check_eq "one letter stored" 1 "$(letters)"
check_eq "… with its two files, typed by content" "application/pdf image/png" \
	"$(sql "SELECT GROUP_CONCAT(type ORDER BY id SEPARATOR ' ') FROM mailbox_attachment")"
check_eq "… the received event, public" "received	1" \
	"$(sql "SELECT kind, public FROM mailbox_event WHERE letter_id = (SELECT id FROM mailbox_letter WHERE tracking_no = '$NO')")"
check_eq "… the writer as typed, agreeing to publication" "$NAME	$MOBILE	$EMAIL	1	received" \
	"$(sql "SELECT name, mobile, email, agree_public, state FROM mailbox_letter WHERE tracking_no = '$NO'")"
SMS=$(sql "SELECT params FROM notify_outbox WHERE channel = 'sms' AND recipient = '$MOBILE' AND template = 'mailbox.received'")
check "an SMS to the mobile with the number" grep -q "$NO" <<<"$SMS"
check_eq "… and an e-mail to the address given" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE channel = 'email' AND recipient = '$EMAIL'")"

# ---------------------------------------------------------------- receipt
http GET "/mailbox/sent/$NO" -b "$J" -c "$J"
expect_status "the receipt is 200" 200
expect_body_contains "… shows the number" "$NO"
CODE=$(grep -o '<strong>[2-9A-HJKMNP-Z]\{10\}</strong>' "$BODY" | sed 's/<[^>]*>//g')
check "… and the query code" test -n "$CODE"
check "… the code the SMS carries" grep -q "$CODE" <<<"$SMS"
check "… which was never in the URL" test "${LOCATION#*$CODE}" = "$LOCATION"
expect_body_contains "… with advice to write both down" '请立即记下查询编号和查询码'
expect_header "… and clears the cookie" Set-Cookie '^civic_mb_code=; Path=/mailbox/sent/; Max-Age=0'
expect_body_lacks "… no name on it" "$NAME"
expect_body_lacks "… no mobile on it" "$MOBILE"
http GET "/mailbox/sent/$NO" -b "$J" -c "$J"
expect_status "a second visit to the receipt is 200" 200
expect_body_lacks "… without the code" "$CODE"
expect_body_contains "… saying it was shown once and sent by SMS" '查询码只显示一次，已通过短信发送到您的手机'
http GET "/mailbox/sent/$NO" -b "civic_mb_code=23456789AB"
expect_body_lacks "a cookie with another code shows no code" '23456789AB'
http GET "/mailbox/sent/MB20000101-0001"
expect_status "an unknown number's receipt is 404" 404

# ---------------------------------------------------------------- idempotency
send -F "attachment1=@$W/photo.pdf;type=application/pdf"
expect_status "the same send again (same key) is 303" 303
expect_header "… to the same receipt" Location "^/mailbox/sent/$NO\$"
expect_no_header "… and sends no code again" Set-Cookie
check_eq "… and stores no second letter" 1 "$(letters)"
check_eq "… nor more files" 2 "$(files)"

# ---------------------------------------------------------------- track
http GET "/mailbox/track?no=$NO" -c "$J" -b "$J"
expect_status "the lookup form is 200" 200
expect_body_contains "… with the number filled in" "value=\"$NO\""
http GET '/mailbox/track?format=xml' -b "$J"
CSRF=$(xml csrf)
# track NO CODE [PATH]: the lookup.
track() {
	http POST "${3:-/mailbox/track}" -b "$J" --data-urlencode "csrf=$CSRF" \
		--data-urlencode "no=$1" --data-urlencode "code=$2"
}
LOWER=$(printf '%s' "$CODE" | tr 'A-Z' 'a-z')
track "$NO" "${LOWER:0:5}-${LOWER:5}"
expect_status "the number and code (typed in lower case, with a dash) show the letter" 200
expect_body_contains "… its subject" "$SUBJECT"
expect_body_contains "… its text" "$LETTER"
expect_body_contains "… its state" '已收到'
expect_body_contains "… its history" '来信已收到'
expect_body_contains "… the names of its files" 'photo.pdf'
expect_body_contains "… its category" '市容设施'
expect_body_lacks "… no rating link before a reply" '/evaluate/case/'
check "… no phone, name or e-mail" bash -c "! grep -qE '$MOBILE|$NAME|$EMAIL' '$BODY'"

WRONG=$(printf '%s' "$CODE" | tr '2-9A-HJKMNP-Z' '3-9A-HJKMNP-Z2')
track "$NO" "$WRONG"
expect_status "a wrong code is 422" 422
expect_body_contains "… with the message" '查询编号或查询码不正确'
expect_body_lacks "… and the code typed is not sent back" "$WRONG"
# The pages differ only in the number typed and the fresh keys.
norm() { sed -e 's/MB[0-9]\{8\}-[0-9]\{4,6\}/NUMBER/g' -e 's/name="idem" value="[^"]*"//g' \
	-e 's/request-id="[^"]*"//g' "$BODY"; }
norm >"$W/wrong-code.html"
track "MB${TODAY}-9999" "$CODE"
expect_status "an unknown number is 422 too" 422
norm >"$W/unknown.html"
check "… with the very same page (no enumeration)" cmp -s "$W/wrong-code.html" "$W/unknown.html"

for i in $(seq 1 12); do
	track "MB${TODAY}-9998" "$CODE"
	[ "$STATUS" = 429 ] && break
done
expect_status "after 10 failed lookups of a number: 429" 429
expect_header "… with the wait" Retry-After '^[0-9]+$'
expect_body_contains "… and a clear message" '操作过于频繁'
track "$NO" "$CODE"
expect_status "another number from the same address is still served" 200

# ---------------------------------------------------------------- spam guards
N_LETTERS=$(letters)
N_FILES=$(files)
new_idem
send_with "website=http://spam.example/"
expect_status "a filled honeypot is refused (422)" 422
expect_body_contains "… with a clear message" '应当留空的栏目被填写了'
expect_body_contains "… the text kept" "$LETTER"
check_eq "… and no letter stored" "$N_LETTERS" "$(letters)"

ISSUED_OK=$ISSUED SIG_OK=$SIG
form
new_idem
send
expect_status "sent right after the form was shown: refused (422)" 422
expect_body_contains "… saying it was too fast" '提交得太快了'
expect_body_contains "… the text kept" "$LETTER"
check_eq "… and no letter stored" "$N_LETTERS" "$(letters)"
ISSUED=$ISSUED_OK
SIG=${SIG_OK:0:42}A
[ "$SIG" = "$SIG_OK" ] && SIG=${SIG_OK:0:42}B
new_idem
send
expect_status "a forged form time is refused (422)" 422
expect_body_contains "… as expired, the text kept" '表单已过期或不完整'
check_eq "… and no letter stored" "$N_LETTERS" "$(letters)"
ISSUED=$((ISSUED_OK - 200000))
new_idem
send
expect_status "an unsigned old form time is refused (422)" 422
SIG=$SIG_OK ISSUED=$ISSUED_OK

# ---------------------------------------------------------------- refused fields and files
for f in 'subject=短' 'body=太短' 'name=王' 'mobile=12345' 'email=a@' 'category=x' 'type=spam'; do
	new_idem
	send_with "$f"
	expect_status "send with ${f%%=*} wrong is 422" 422
	expect_body_contains "… error beside ${f%%=*}" "id=\"f-${f%%=*}-error\""
	if [ "${f%%=*}" = body ]; then
		expect_body_contains "… what was typed kept" '太短'
	else
		expect_body_contains "… the text kept" "$LETTER"
	fi
done
check_eq "… and no letter stored" "$N_LETTERS" "$(letters)"

new_idem
send -F "attachment1=@$W/big.pdf;type=application/pdf"
# The core refuses a file past CIVIC_MAX_FILE while reading the body.
expect_status "a 6 MB file is refused (413)" 413
expect_body_contains "… with the size message" '提交的内容过大'
check_eq "… and nothing stored" "$N_LETTERS $N_FILES" "$(letters) $(files)"
new_idem
send -F "attachment2=@$W/fake.pdf;type=application/pdf"
expect_status "a text file named .pdf is refused (422)" 422
expect_body_contains "… as not PDF, JPEG or PNG" '仅支持 PDF、JPEG、PNG 格式的文件'
check_eq "… and nothing stored" "$N_LETTERS $N_FILES" "$(letters) $(files)"

http GET /mailbox/write/send
expect_status "the send address opened directly is a page" 200
expect_body_contains "… that leads to the form" '没有可以预览的来信'

# ---------------------------------------------------------------- a second letter
new_idem
send
expect_status "a second letter is sent" 303
NO2=$(header Location | sed -n 's:^/mailbox/sent/::p')
check_eq "… its number is the next one" \
	"MB$TODAY-$(printf '%04d' $((10#${NO##*-} + 1)))" "$NO2"
http GET "/mailbox/sent/$NO2" -b "$J" -c "$J"
CODE2=$(grep -o '<strong>[2-9A-HJKMNP-Z]\{10\}</strong>' "$BODY" | sed 's/<[^>]*>//g')
check "… with its own code" test -n "$CODE2" -a "$CODE2" != "$CODE"

# ---------------------------------------------------------------- rate and follow up
followup() {
	new_idem
	http POST /mailbox/track/followup -b "$J" --data-urlencode "csrf=$CSRF" \
		--data-urlencode "idem=$IDEM" --data-urlencode "no=$1" --data-urlencode "code=$2" \
		--data-urlencode "question=$3"
}
http GET '/mailbox/write?format=xml' -b "$J"
CSRF=$(xml csrf)

track "$NO2" "$CODE2" '/mailbox/track?format=xml'
check_eq "a letter not yet replied has no rating link" "" "$(eval_link)"

sql "UPDATE mailbox_letter SET state = 'replied', reply = '路灯已于本周修复，感谢您的监督。', replied_at = NOW() WHERE tracking_no = '$NO'"
track "$NO" "$CODE"
expect_status "a replied letter shows" 200
expect_body_contains "… with the reply" '路灯已于本周修复'
expect_body_contains "… the link to rate it" "href=\"/evaluate/case/$NO/"
expect_body_contains "… in words" '去评价'
expect_body_contains "… and the follow-up form" 'action="/mailbox/track/followup"'
check "… the forms carry the number and code in hidden fields" \
	grep -q "name=\"code\" value=\"$CODE\"" "$BODY"
track "$NO" "$CODE" '/mailbox/track?format=xml'
RATE=$(eval_link)
check "… the link in the XML's <evaluation>" test -n "$RATE"
track "$NO2" "$CODE2" '/mailbox/track?format=xml'
check "… another letter's link would be another" test "$(eval_link)" != "$RATE"

http GET "${RATE%/*}/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" -b "$J"
expect_status "the link with a wrong token is 404" 404
act "$J" "$RATE" level=9 efficiency=4 convenience=4
expect_status "a level not among the five is 422" 422
expect_body_contains "… beside the level, the form again" 'id="f-level"'
act "$J" "$RATE" level=4 efficiency=4 convenience=5 "comment=修得很及时"
expect_status "the rating is saved (303)" 303
expect_header "… back to the link's page with a message" Location \
	"^$RATE\\?done=rated\$"
check_eq "… stored" "4	4	5	修得很及时" \
	"$(sql "SELECT e.level, e.efficiency, e.convenience, e.comment FROM eval_rating e
		JOIN mailbox_letter l ON l.id = e.case_id AND e.kind = 'letter'
		WHERE l.tracking_no = '$NO'")"
http GET "$RATE?done=rated" -b "$J"
expect_body_contains "the page after the redirect thanks the writer" '感谢您的评价'
act "$J" "$RATE" level=1 efficiency=1 convenience=1 reason=1 'comment=再评一次试试看'
expect_status "a second rating is refused (422)" 422
expect_body_contains "… with a clear message" '本件已经评价过'
check_eq "… the first stands, alone" "1 4" \
	"$(sql "SELECT CONCAT(COUNT(*), ' ', MAX(e.level)) FROM eval_rating e
		JOIN mailbox_letter l ON l.id = e.case_id AND e.kind = 'letter'
		WHERE l.tracking_no = '$NO'")"

followup "$NO" "$CODE" '太短'
expect_status "a follow-up under 10 characters is 422" 422
expect_body_contains "… with the text kept" '太短'
followup "$NO" "$CODE" '请问以后路灯坏了应该打哪个电话报修？'
expect_status "the follow-up question is saved (303)" 303
expect_header "… back to the lookup with a message" Location "^/mailbox/track\\?no=$NO&done=followup\$"
check_eq "… stored with its public event" "请问以后路灯坏了应该打哪个电话报修？	1" \
	"$(sql "SELECT l.followup, COUNT(e.id) FROM mailbox_letter l JOIN mailbox_event e ON e.letter_id = l.id AND e.kind = 'followup' AND e.public = 1 WHERE l.tracking_no = '$NO' GROUP BY l.id")"
followup "$NO" "$CODE" '还有一个问题想再问一下可以吗？'
expect_status "a second follow-up is refused (422)" 422
expect_body_contains "… with a clear message" '这封来信已经追问过'

sql "UPDATE mailbox_letter SET followup_reply = '请拨打12345热线报修。', followup_reply_at = NOW() WHERE tracking_no = '$NO'"
track "$NO" "$CODE"
expect_body_contains "the follow-up's answer shows" '请拨打12345热线报修'
expect_body_contains "… the rating given" '满意'
expect_body_contains "… and when" '评价时间'
expect_body_lacks "… and no more link to rate" '/evaluate/case/'

# ---------------------------------------------------------------- no personal data
for p in "/mailbox/write?format=xml" "/mailbox/track?format=xml&no=$NO" \
    "/mailbox/sent/$NO?format=xml"; do
	http GET "$p" -b "$J"
	check "$p: no name, mobile or e-mail in the XML" \
		bash -c "! grep -qE '$MOBILE|$NAME|$EMAIL' '$BODY'"
done
track "$NO" "$CODE" '/mailbox/track?format=xml'
expect_status "the letter as XML" 200
check "… has no name, mobile or e-mail" bash -c "! grep -qE '$MOBILE|$NAME|$EMAIL' '$BODY'"
expect_body_contains "… but the letter" "<subject>$SUBJECT</subject>"

# ---------------------------------------------------------------- send rate limit
for i in $(seq 1 40); do
	http POST /mailbox/write/send -b "$J" --data-urlencode "csrf=$CSRF" \
		--data-urlencode "idem=ratelimit$(printf '%014d' "$i")"
	[ "$STATUS" = 429 ] && break
done
expect_status "sends from one address past the limit are 429" 429
expect_body_contains "… with a clear message" '操作过于频繁'

finish
