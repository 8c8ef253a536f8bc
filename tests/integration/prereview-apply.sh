#!/bin/bash
# prereview-apply.sh: the pre-review's application and its applicant's
# progress page (modules/prereview/apply.c, progress.c) through nginx.
# The suite makes its own departments and item by SQL: an item reviewed
# in parallel by two departments (5 and 8 working days), with a number
# field, a choice field, a required original, a required copy, a
# conditional power of attorney (needed only when an agent applies) and
# an optional plan.  Then: the form shows each material's slot; a bad ID
# check digit, a bad unified social credit code, a missing material, a
# conditional material whose condition holds, a text file named .pdf, a
# file over the bound and the item's own field kinds are refused beside
# their fields with the text kept; an application stores its serial,
# query code (shown once, sent by SMS), reviews due on the working-day
# calendar (computed here from examples/holidays/2026.txt), and its files
# in chunks whose SHA-256 is the file's; a retried POST is the same
# application; the lookup grants the progress page; the applicant
# downloads their own files and nobody else's; after a correction
# (simulated by SQL) the page shows the note and the notice, and the
# replacement resubmits only the marked material, with the deadlines
# moved by the paused working days.  No answer is a 5xx, and every page
# fetched is valid against xslt/schema/page.rng.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
find_tool XMLLINT xmllint libxml2-utils
command -v python3 >/dev/null 2>&1 || die "python3 not found: install the Debian package python3"
SCHEMA=$top_srcdir/xslt/schema/page.rng
W=$CIVIC_T/work
ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }

# The pre-review's clock: Monday 2026-09-21, four days before 中秋节 and
# ten before 国庆节, so that both limits cross holidays.
NOW='2026-09-21 10:00:00'
set_now() {
	awk -v now="$1" '
		/^[ \t]*\[.*\][ \t]*$/ { s = $0; gsub(/[][ \t]/, "", s) }
		s == "prereview" && /^now *=/ { print "now = " now; next }
		s == "prereview" && /^min_fill_seconds *=/ { print "min_fill_seconds = 0"; next }
		{ print }
	' "$CIVIC_T/civic.conf" >"$CIVIC_T/civic.conf.new" && mv "$CIVIC_T/civic.conf.new" "$CIVIC_T/civic.conf"
	chmod 0600 "$CIVIC_T/civic.conf"
}
set_now "$NOW"
ctl import-holidays "$top_srcdir/examples/holidays/2026.txt" >"$W/holidays.log" 2>&1 ||
	die "civicctl import-holidays failed: $(cat "$W/holidays.log")"
civic_program_start evaluate --workers 1
civic_program_start prereview --workers 1
PR_PID=$PROGRAM_PID

# The error of field F in the last (XML) body: its key.
err_key() { tr -d '\n' <"$BODY" | grep -o "<error field=\"$1\" key=\"[^\"]*\"" | sed 's/.*key="//; s/"$//'; }
value_of() { tr -d '\n' <"$BODY" | sed -n "s:.*<value name=\"$1\">\([^<]*\)</value>.*:\1:p"; }

# ---------------------------------------------------------------- the item
sql "INSERT INTO department (code, name) VALUES ('pra-sp', '县行政审批局'), ('pra-sc', '县市场监督管理局')"
DA=$(sql "SELECT id FROM department WHERE code = 'pra-sp'")
DB=$(sql "SELECT id FROM department WHERE code = 'pra-sc'")
CODE=510124000000-XK-0901
sql "INSERT INTO pr_item (code, name, kind, department_id, audience, legal_days, promised_days,
	online, pickup_window, licence, updated_at, version)
	VALUES ('$CODE', '食品经营许可（新办）', '行政许可', $DA, 'both', 20, 8, 1,
	'政务服务中心3号窗口', '食品经营许可证', '2026-09-01 09:00:00', 3),
	('510124000000-XK-0902', '食品经营许可（注销）', '行政许可', $DA, 'both', 20, 5, 0,
	NULL, NULL, '2026-09-01 09:00:00', 1)"
ITEM=$(sql "SELECT id FROM pr_item WHERE code = '$CODE'")
sql "INSERT INTO pr_item_department (item_id, department_id, days) VALUES ($ITEM, $DA, 5), ($ITEM, $DB, 8)"
sql "INSERT INTO pr_field (item_id, seq, label, kind, choices, required, max_len) VALUES
	($ITEM, 1, '经营场所面积（平方米）', 'number', NULL, 1, 20),
	($ITEM, 2, '是否委托代理人办理', 'choice', '是|否', 1, 10),
	($ITEM, 3, '经营项目', 'text', NULL, 0, 100)"
sql "INSERT INTO pr_material (item_id, seq, name, form, copies, need, cond, cond_field, cond_value, note) VALUES
	($ITEM, 1, '食品经营许可申请书', 'original', 1, 'required', NULL, NULL, NULL, '申请人签字或盖章'),
	($ITEM, 2, '营业执照', 'copy', 1, 'required', NULL, NULL, NULL, NULL),
	($ITEM, 3, '授权委托书', 'original', 1, 'conditional', '委托代理人办理的', 2, '是', NULL),
	($ITEM, 4, '经营场所平面图', 'copy', 2, 'optional', NULL, NULL, NULL, NULL)"
MAT() { sql "SELECT id FROM pr_material WHERE item_id = $ITEM AND seq = $1"; }

# ---------------------------------------------------------------- the files
printf '%%PDF-1.4\n%% 申请书\n' >"$W/form.pdf"
head -c 600000 /dev/urandom >>"$W/form.pdf"
printf '\211PNG\r\n\032\n' >"$W/licence.png"
head -c 3000 /dev/urandom >>"$W/licence.png"
printf '\377\330\377\340 plan' >"$W/plan.jpg"
printf '%%PDF-1.4 power of attorney\n' >"$W/attorney.pdf"
printf '%%PDF-1.4 licence, scanned again\n' >"$W/licence2.pdf"
printf '%%PDF-1.4 another\n' >"$W/other.pdf"
printf 'just text, not a PDF\n' >"$W/fake.pdf"
{ printf '%%PDF-1.4\n'; head -c $((5 * 1024 * 1024 + 10)) /dev/zero; } >"$W/huge.pdf"

A=$W/applicant.jar OTHER=$W/other.jar SECOND=$W/second.jar
PATH_APPLY=/prereview/item/$CODE/apply
PID_OK=$(idcard 51012419800101001)
PHONE=13800005678
NAME=李春梅

# form JAR: the application form's keys (CSRF, IDEM, ISSUED, SIG).
form() {
	http GET "$PATH_APPLY?format=xml" -b "$1" -c "$1"
	CSRF=$(xml csrf) IDEM=$(xml idem)
	ISSUED=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
	SIG=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
}
# send JAR CURL-ARGS...: the application with the form's keys, as XML.
send() {
	local jar=$1
	shift
	http POST "$PATH_APPLY" -b "$jar" -c "$jar" -H 'Accept: application/xml' \
		--form-string "csrf=$CSRF" --form-string "idem=$IDEM" \
		--form-string "issued=$ISSUED" --form-string "sig=$SIG" "$@"
}
PERSON=(--form-string applicant_kind=person --form-string "name=$NAME"
	--form-string "phone=$PHONE" --form-string consent=1 --form-string x1=45.5
	--form-string x2=否 --form-string "x3=预包装食品销售")

# ---------------------------------------------------------------- the form
http GET "$PATH_APPLY"
expect_status "the form of an item offering pre-review" 200
for m in 1 2 3 4; do
	expect_body_contains "… a slot for material $m" "id=\"f-m$m\""
done
expect_body_contains "… labelled by the material's name" '<label for="f-m2">营业执照'
expect_body_contains "… saying what it is (copies, original)" '原件；1份；申请人签字或盖章'
expect_body_contains "… a conditional material says its condition" '仅在以下情形需要：委托代理人办理的'
expect_body_contains "… and is marked so, not required" '<label for="f-m3">授权委托书 <span class="opt">（视情形）'
expect_body_contains "… the choice field's options" '<option value="是">是</option>'
expect_body_contains "… a multipart form" 'enctype="multipart/form-data"'
http GET "$PATH_APPLY?format=xml"
valid "… the form's XML is valid"
http GET "/prereview/item/510124000000-XK-0902/apply?format=xml"
expect_status "an item without online pre-review has no form (404)" 404
valid "… the error page is valid"
http GET "/prereview/item/NO-SUCH-ITEM/apply"
expect_status "… nor an unknown item" 404

# ---------------------------------------------------------------- refusals
form "$A"
BAD_ID=${PID_OK:0:17}$(test "${PID_OK:17}" = 1 && echo 2 || echo 1)
send "$A" "${PERSON[@]}" --form-string "id_card=$BAD_ID" -F "m1=@$W/form.pdf" -F "m2=@$W/licence.png"
expect_status "a person with a wrong ID check digit is refused (422)" 422
check_eq "… beside the ID number" v.idcard "$(err_key id_card)"
check_eq "… the name kept" "$NAME" "$(value_of name)"
check_eq "… the ID number kept as typed" "$BAD_ID" "$(value_of id_card)"
valid "… the refused page is valid"

send "$A" --form-string applicant_kind=enterprise --form-string "name=成都蜀味餐饮管理有限公司" \
	--form-string uscc=91350100M000100Y44 --form-string contact=王强 --form-string "phone=$PHONE" \
	--form-string consent=1 --form-string x1=120 --form-string x2=否 \
	-F "m1=@$W/form.pdf" -F "m2=@$W/licence.png"
expect_status "an enterprise with a wrong credit code check character is refused (422)" 422
check_eq "… beside the code" v.uscc "$(err_key uscc)"
check_eq "… the code kept" 91350100M000100Y44 "$(value_of uscc)"
check_eq "… the name kept" 成都蜀味餐饮管理有限公司 "$(value_of name)"
valid "… valid"

send "$A" --form-string applicant_kind=enterprise --form-string "name=成都蜀味餐饮管理有限公司" \
	--form-string uscc=91350100M000100Y43 --form-string "phone=$PHONE" \
	--form-string consent=1 --form-string x1=120 --form-string x2=否 \
	-F "m1=@$W/form.pdf" -F "m2=@$W/licence.png"
expect_status "an enterprise without its agent is refused (422)" 422
check_eq "… beside the agent's name" v.required "$(err_key contact)"
check_eq "… the right credit code kept" 91350100M000100Y43 "$(value_of uscc)"

sql "UPDATE pr_item SET audience = 'person' WHERE id = $ITEM"
send "$A" --form-string applicant_kind=enterprise --form-string "name=成都蜀味餐饮管理有限公司" \
	--form-string uscc=91350100M000100Y43 --form-string contact=王强 --form-string "phone=$PHONE" \
	--form-string consent=1 --form-string x1=120 --form-string x2=否 \
	-F "m1=@$W/form.pdf" -F "m2=@$W/licence.png"
expect_status "an item for persons only refuses an enterprise (422)" 422
check_eq "… beside the kind of applicant" prereview.apply.audience "$(err_key applicant_kind)"
sql "UPDATE pr_item SET audience = 'both' WHERE id = $ITEM"

send "$A" "${PERSON[@]}" --form-string "id_card=$PID_OK" -F "m1=@$W/form.pdf"
expect_status "a missing required material is refused (422)" 422
check_eq "… beside its slot" prereview.apply.material-required "$(err_key m2)"
expect_body_contains "… with the message that files must be chosen again" 'prereview.apply.refused'
check_eq "… the text kept" 预包装食品销售 "$(value_of x3)"
valid "… valid"

send "$A" --form-string applicant_kind=person --form-string "name=$NAME" --form-string "phone=$PHONE" \
	--form-string consent=1 --form-string x1=45 --form-string x2=是 \
	--form-string "id_card=$PID_OK" -F "m1=@$W/form.pdf" -F "m2=@$W/licence.png"
expect_status "a conditional material whose condition holds is required (422)" 422
check_eq "… beside its slot" prereview.apply.material-required "$(err_key m3)"
check_eq "… and nothing else" 1 "$(tr -d '\n' <"$BODY" | grep -o '<error ' | wc -l)"

send "$A" "${PERSON[@]}" --form-string "id_card=$PID_OK" -F "m1=@$W/fake.pdf;type=application/pdf" \
	-F "m2=@$W/licence.png"
expect_status "a text file named .pdf is refused (422)" 422
check_eq "… by its content, beside its slot" v.filetype "$(err_key m1)"
valid "… valid"

send "$A" "${PERSON[@]}" --form-string "id_card=$PID_OK" -F "m1=@$W/huge.pdf" \
	-F "m2=@$W/licence.png"
# The core stops reading at a part over CIVIC_MAX_FILE: 413, before the handler.
expect_status "a file over CIVIC_MAX_FILE is refused (413, as the core answers)" 413
valid "… with a valid error page"

send "$A" --form-string applicant_kind=person --form-string "name=$NAME" --form-string "phone=$PHONE" \
	--form-string consent=1 --form-string x1=四十五 --form-string x2=也许 \
	--form-string "id_card=$PID_OK" -F "m1=@$W/form.pdf" -F "m2=@$W/licence.png"
expect_status "the item's own fields are checked by their kinds (422)" 422
check_eq "… a number" prereview.apply.number "$(err_key x1)"
check_eq "… a choice" v.choice "$(err_key x2)"
check_eq "… no application was made by any refusal" 0 "$(sql "SELECT COUNT(*) FROM pr_application")"

# Four files of 3.9 MiB: each within its bound and the body within
# CIVIC_MAX_BODY, together over CIVIC_MAX_APPLICATION_FILES.
for m in 1 2 3 4; do
	{ printf '%%PDF-1.4\n'; head -c $((39 * 1024 * 1024 / 10)) /dev/zero; } >"$W/big$m.pdf"
done
send "$A" "${PERSON[@]/x2=否/x2=是}" --form-string "id_card=$PID_OK" -F "m1=@$W/big1.pdf" \
	-F "m2=@$W/big2.pdf" -F "m3=@$W/big3.pdf" -F "m4=@$W/big4.pdf"
expect_status "files over CIVIC_MAX_APPLICATION_FILES together are refused (422)" 422
for m in 1 2 3 4; do
	check_eq "… beside file $m" prereview.apply.files-total "$(err_key m$m)"
done
valid "… valid"

# The same refusal as HTML: the slots say the files must be chosen again.
http POST "$PATH_APPLY" -b "$A" -c "$A" --form-string "csrf=$CSRF" --form-string "idem=$IDEM" \
	--form-string "issued=$ISSUED" --form-string "sig=$SIG" "${PERSON[@]}" \
	--form-string "id_card=$PID_OK" -F "m1=@$W/form.pdf"
expect_status "the refusal as a page (422)" 422
expect_body_contains "… the error tied to the slot" 'aria-describedby="f-m2-hint f-m2-error f-m2-again"'
expect_body_contains "… which says to choose the file again" '已选择的文件需要重新选择'
expect_body_contains "… the error summary names the material" '营业执照：'

# ---------------------------------------------------------------- a success
form "$A"
FIRST_IDEM=$IDEM
send "$A" "${PERSON[@]}" --form-string "id_card=${PID_OK,,}" --form-string "email=li@example.cn" \
	-F "m1=@$W/form.pdf" -F "m2=@$W/licence.png" -F "m3=@$W/attorney.pdf"
expect_status "a person applies (303)" 303
LOC=$(header Location)
TODAY=$(TZ=Asia/Shanghai date +%Y%m%d)
SERIAL=$(printf '%s' "$LOC" | sed -n "s:^/prereview/sent/\(YS$TODAY-[0-9]\{4\}\)$:\1:p")
check "… to the receipt of serial YSyyyymmdd-NNNN ($LOC)" test -n "$SERIAL"
AID=$(sql "SELECT id FROM pr_application WHERE serial = '$SERIAL'")
http GET "/prereview/sent/$SERIAL?format=xml" -b "$A" -c "$A"
expect_status "the receipt" 200
valid "… valid"
QCODE=$(tr -d '\n' <"$BODY" | sed -n 's:.*<receipt [^>]*code="\([^"]*\)".*:\1:p')
check "… shows the query code" test -n "$QCODE"
expect_body_contains "… and the serial" "serial=\"$SERIAL\""
expect_body_contains "… and, with the code, what was applied for" '<item>食品经营许可（新办）</item>'
http GET "/prereview/sent/$SERIAL" -b "$A" -c "$A"
expect_body_lacks "a second visit does not show the code" "$QCODE"
expect_body_contains "… but the progress link" "/prereview/case/$SERIAL"
http GET "/prereview/sent/$SERIAL?format=xml" -b "$A" -c "$A"
valid "… valid without the code"
for fmt in '' '?format=xml'; do
	http GET "/prereview/sent/$SERIAL$fmt" -b "$A"
	expect_body_lacks "the receipt has no name ($fmt)" "$NAME"
	expect_body_lacks "… no phone ($fmt)" "$PHONE"
	expect_body_lacks "… nor, without the code, what was applied for ($fmt)" '食品经营许可'
done
check_eq "the outbox has the SMS with serial and code" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE channel = 'sms' AND recipient = '$PHONE'
		AND template = 'prereview.received' AND params LIKE '%serial=$SERIAL%'
		AND params LIKE '%code=$QCODE%'")"
check_eq "… and the e-mail" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE channel = 'email' AND recipient = 'li@example.cn'
		AND template = 'prereview.received'")"
check "… whose template the file has" grep -q '^\[prereview.received.zh-CN\]' \
	"$top_srcdir/examples/notify-templates.txt"

check_eq "the application is stored, in review, of the item's version, at the clock's time" \
	"review	1	3	person	${PID_OK^^}	$NOW" \
	"$(sql "SELECT state, round, item_version, applicant_kind, id_number,
		DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') FROM pr_application WHERE id = $AID")"
check_eq "… its fields' values" "45.5|否|预包装食品销售" \
	"$(sql "SELECT GROUP_CONCAT(v.value ORDER BY f.seq SEPARATOR '|') FROM pr_value v
		JOIN pr_field f ON f.id = v.field_id WHERE v.application_id = $AID")"
DUE_A=$(due_after 2026-09-21 5)
DUE_B=$(due_after 2026-09-21 8)
check_eq "one review per department, waiting, due on the working-day calendar" \
	"$DA	waiting	5	$DUE_A
$DB	waiting	8	$DUE_B" \
	"$(sql "SELECT department_id, state, days, DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s')
		FROM pr_review WHERE application_id = $AID ORDER BY department_id")"
check_eq "… the application due with the later of them" "$DUE_B" \
	"$(sql "SELECT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s') FROM pr_application WHERE id = $AID")"
check_eq "the event 'submitted'" "submitted	1	1" \
	"$(sql "SELECT kind, round, public FROM pr_event WHERE application_id = $AID")"
check_eq "one upload a material, round 1, latest" "1	1	1	1
2	1	1	1
3	1	1	0
4	1	1	0" \
	"$(sql "SELECT m.seq, u.round, u.latest, u.file_id IS NOT NULL FROM pr_upload u
		JOIN pr_material m ON m.id = u.material_id WHERE u.application_id = $AID ORDER BY m.seq")"
upload_of() { sql "SELECT id FROM pr_upload WHERE application_id = $1 AND material_id = $(MAT "$2") AND latest = 1"; }
file_of() { sql "SELECT file_id FROM pr_upload WHERE id = $1"; }
U1=$(upload_of "$AID" 1) U2=$(upload_of "$AID" 2)
F1=$(file_of "$U1") F2=$(file_of "$U2")
sha() { sha256sum "$1" | cut -d' ' -f1 | tr a-f A-F; }
check_eq "the application form's SHA-256 is the uploaded file's" "$(sha "$W/form.pdf")" \
	"$(sql "SELECT HEX(sha256) FROM stored_file WHERE id = $F1")"
check_eq "… its bytes are in the chunks" "$(stat -c %s "$W/form.pdf")" \
	"$(sql "SELECT SUM(LENGTH(data)) FROM stored_chunk WHERE file_id = $F1")"
check "… a file over 256 KiB in more than one chunk" \
	test "$(sql "SELECT COUNT(*) FROM stored_chunk WHERE file_id = $F1")" -gt 1
check_eq "… each of at most 256 KiB" 262144 \
	"$(sql "SELECT MAX(LENGTH(data)) FROM stored_chunk WHERE file_id = $F1")"
check_eq "the licence's SHA-256 too, its type by content" "$(sha "$W/licence.png")	image/png" \
	"$(sql "SELECT HEX(sha256), type FROM stored_file WHERE id = $F2")"

http POST "$PATH_APPLY" -b "$A" -c "$A" --form-string "csrf=$CSRF" --form-string "idem=$FIRST_IDEM" \
	--form-string "issued=$ISSUED" --form-string "sig=$SIG" "${PERSON[@]}" \
	--form-string "id_card=$PID_OK" -F "m1=@$W/form.pdf" -F "m2=@$W/licence.png"
expect_status "the same POST again (same key) answers 303" 303
check_eq "… with the same receipt" "$LOC" "$(header Location)"
check_eq "… and no second application" 1 "$(sql "SELECT COUNT(*) FROM pr_application")"
check_eq "… nor a second SMS" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE template = 'prereview.received' AND channel = 'sms'")"

# ---------------------------------------------------------------- lookup
http GET "/prereview/case/$SERIAL" -b "$OTHER" -c "$OTHER"
expect_status "another browser is sent to the lookup" 303
check_eq "… with the serial" "/prereview/track?no=$SERIAL" "$(header Location)"
http GET "/prereview/track?no=$SERIAL&format=xml" -b "$OTHER" -c "$OTHER"
expect_status "the lookup form" 200
valid "… valid"
CSRF=$(xml csrf)
WRONG=$(test "${QCODE:0:1}" = A && echo B || echo A)${QCODE:1}
http POST /prereview/track -b "$OTHER" -c "$OTHER" -H 'Accept: application/xml' \
	--data-urlencode "csrf=$CSRF" --data-urlencode "no=$SERIAL" --data-urlencode "code=$WRONG"
expect_status "a wrong code is refused (422)" 422
expect_body_contains "… saying so" 'prereview.track.failed'
expect_body_lacks "… the code not sent back" "$WRONG"
valid "… valid"
http GET "/prereview/case/$SERIAL" -b "$OTHER" -c "$OTHER"
expect_status "… and grants nothing" 303
http POST /prereview/track -b "$OTHER" -c "$OTHER" \
	--data-urlencode "csrf=$CSRF" --data-urlencode "no=$SERIAL" --data-urlencode "code=$QCODE"
expect_status "the right code (303)" 303
check_eq "… to the progress page" "/prereview/case/$SERIAL" "$(header Location)"
expect_header "… granting it to this browser" Set-Cookie "^civic_ys=.*Path=/prereview/case/$SERIAL;.*HttpOnly"

http GET "/prereview/case/$SERIAL?format=xml" -b "$OTHER"
expect_status "the progress page" 200
valid "… valid"
expect_body_contains "… the item" '<item>食品经营许可（新办）</item>'
expect_body_contains "… in review" '<state>review</state>'
expect_body_contains "… with its light" '<light>green</light>'
check_eq "… both departments' reviews" 2 "$(grep -o '<review>' "$BODY" | wc -l)"
expect_body_contains "… the submission in its history" '<kind>submitted</kind>'
expect_body_contains "… the material not needed, without a file" '<material seq="3" marked="0"><name>授权委托书'
http GET "/prereview/case/$SERIAL" -b "$A"
expect_status "the applicant's own browser was granted it when applying" 200
expect_body_contains "… the light as a word" 'light-green'
for fmt in '' '?format=xml'; do
	http GET "/prereview/case/$SERIAL$fmt" -b "$A"
	expect_body_lacks "the progress page has no name ($fmt)" "$NAME"
	expect_body_lacks "… no phone ($fmt)" "$PHONE"
	expect_body_lacks "… no ID number ($fmt)" "${PID_OK:0:14}"
done

# ---------------------------------------------------------------- files
http GET "/prereview/case/$SERIAL/file/$U1" -b "$A"
expect_status "the applicant downloads their file" 200
expect_header "… as an attachment" Content-Disposition '^attachment'
expect_header "… nosniff" X-Content-Type-Options '^nosniff$'
expect_header "… its type by content" Content-Type '^application/pdf'
check "… the same bytes" cmp -s "$BODY" "$W/form.pdf"
http GET "/prereview/case/$SERIAL/file/$U1" -b "$SECOND"
expect_status "… nobody else" 404

# A second application: an enterprise whose agent applies, so that the
# power of attorney is required and kept.
form "$SECOND"
send "$SECOND" --form-string applicant_kind=enterprise --form-string "name=成都蜀味餐饮管理有限公司" \
	--form-string uscc=91350100m000100y43 --form-string contact=王强 --form-string phone=13900001111 \
	--form-string consent=1 --form-string x1=120 --form-string x2=是 \
	-F "m1=@$W/other.pdf" -F "m2=@$W/licence.png" -F "m3=@$W/attorney.pdf" -F "m4=@$W/plan.jpg"
expect_status "an enterprise applies through its agent (303)" 303
SERIAL2=$(header Location | sed 's:.*/::')
AID2=$(sql "SELECT id FROM pr_application WHERE serial = '$SERIAL2'")
check_eq "… its credit code stored in capitals, its agent kept" "enterprise	91350100M000100Y43	王强" \
	"$(sql "SELECT applicant_kind, id_number, contact FROM pr_application WHERE id = $AID2")"
check_eq "… the conditional material kept now that it applies" 4 \
	"$(sql "SELECT COUNT(file_id) FROM pr_upload WHERE application_id = $AID2")"
check "… another serial" test "$SERIAL2" != "$SERIAL"
OU=$(upload_of "$AID2" 1)
http GET "/prereview/case/$SERIAL/file/$OU" -b "$A"
expect_status "another application's upload under one's own serial is 404" 404
http GET "/prereview/case/$SERIAL2/file/$OU" -b "$A"
expect_status "… and under its own serial, not granted, 404" 404
http GET "/prereview/case/$SERIAL2/file/$OU" -b "$SECOND"
expect_status "… which its applicant downloads" 200
check "… the same bytes" cmp -s "$BODY" "$W/other.pdf"

# ---------------------------------------------------------------- a correction
# The review, as the departments' desk would leave it: the approval office
# asks for the licence again (its clerk had not claimed it), the market
# office, whose clerk had claimed it, accepts the form but asks for
# corrections too; one combined notice; the clock paused on Wednesday.
PAUSED='2026-09-23 10:00:00'
RA=$(sql "SELECT id FROM pr_review WHERE application_id = $AID AND department_id = $DA")
RB=$(sql "SELECT id FROM pr_review WHERE application_id = $AID AND department_id = $DB")
NOTE='营业执照复印件不清晰，请重新扫描上传'
NOTICE='一次性告知：1. 营业执照复印件不清晰，请重新扫描上传。'
sql "UPDATE pr_review SET state = 'correction', decided_at = '$PAUSED', decided_round = 1,
	reason = '材料需补正' WHERE id = $RA"
sql "UPDATE pr_review SET state = 'correction', clerk_id = 77, claimed_at = '2026-09-22 09:00:00',
	decided_at = '$PAUSED', decided_round = 1 WHERE id = $RB"
sql "INSERT INTO pr_verdict (upload_id, review_id, verdict, note, staff_id, at) VALUES
	($U2, $RA, 'correction', '$NOTE', 77, '$PAUSED'),
	($U1, $RA, 'accepted', NULL, 77, '$PAUSED'),
	($U1, $RB, 'accepted', NULL, 77, '$PAUSED')"
sql "UPDATE pr_application SET state = 'correction', paused_at = '$PAUSED', notice = '$NOTICE'
	WHERE id = $AID"
sql "INSERT INTO pr_pause (application_id, started_at) VALUES ($AID, '$PAUSED')"
sql "INSERT INTO pr_event (application_id, at, kind, round, department_id, public)
	VALUES ($AID, '$PAUSED', 'correction', 1, NULL, 1)"

# The applicant comes back on Monday 09-28, after 中秋节.
RESUMED='2026-09-28 10:00:00'
stop_pid "$PR_PID"
set_now "$RESUMED"
civic_program_start prereview --workers 1
PR_PID=$PROGRAM_PID

http GET "/prereview/case/$SERIAL?format=xml" -b "$A"
expect_status "the progress page while corrections are awaited" 200
valid "… valid"
expect_body_contains "… the reviewer's note on the material" "$NOTE"
expect_body_contains "… the verdict" 'verdict="correction"'
expect_body_contains "… the combined notice" "<notice>$NOTICE</notice>"
expect_body_contains "… the light says the clock is paused" '<light>paused</light>'
expect_body_contains "… the licence marked" '<material seq="2" marked="1"'
http GET "/prereview/case/$SERIAL" -b "$A"
expect_body_contains "… as a page: the notice" "$NOTICE"
expect_body_contains "… the word for the paused light" '等待补正（暂停计时）'
expect_body_contains "… a slot for the marked material" 'id="f-m2"'
expect_body_lacks "… and none for the others" 'id="f-m1"'

correct() {
	form_of "$A" "/prereview/case/$SERIAL"
	http POST "/prereview/case/$SERIAL/correct" -b "$A" -c "$A" -H 'Accept: application/xml' \
		--form-string "csrf=$CSRF" --form-string "idem=$IDEM" "$@"
}
correct
expect_status "correcting without the marked material is refused (422)" 422
check_eq "… beside its slot" prereview.apply.material-required "$(err_key m2)"
valid "… valid"
correct -F "m1=@$W/other.pdf" -F "m2=@$W/licence2.pdf"
expect_status "replacing a material not marked is refused (422)" 422
check_eq "… beside that one" prereview.correct.not-marked "$(err_key m1)"
check_eq "… nothing changed" "correction	1	2" \
	"$(sql "SELECT a.state, a.round, (SELECT COUNT(*) FROM pr_upload u WHERE u.application_id = a.id
		AND u.file_id IS NOT NULL) FROM pr_application a WHERE a.id = $AID")"
correct -F "m2=@$W/licence2.pdf"
expect_status "replacing the marked material resubmits (303)" 303
check_eq "… back to the progress page" "/prereview/case/$SERIAL?done=resubmitted" "$(header Location)"
CORRECT_IDEM=$IDEM
check_eq "the application is in review again, round 2, not paused, resubmitted now" \
	"review	2	NULL	$RESUMED" \
	"$(sql "SELECT state, round, IFNULL(paused_at, 'NULL'),
		DATE_FORMAT(resubmitted_at, '%Y-%m-%d %H:%i:%s') FROM pr_application WHERE id = $AID")"
check_eq "… the pause closed now" "$RESUMED" \
	"$(sql "SELECT DATE_FORMAT(ended_at, '%Y-%m-%d %H:%i:%s') FROM pr_pause WHERE application_id = $AID")"
check_eq "… only the licence has a new upload, of round 2, the latest" "1	1	1
2	1	0
2	2	1
3	1	1
4	1	1" \
	"$(sql "SELECT m.seq, u.round, u.latest FROM pr_upload u JOIN pr_material m ON m.id = u.material_id
		WHERE u.application_id = $AID ORDER BY m.seq, u.round")"
NU2=$(upload_of "$AID" 2)
check_eq "… holding the new file" "$(sha "$W/licence2.pdf")" \
	"$(sql "SELECT HEX(f.sha256) FROM pr_upload u JOIN stored_file f ON f.id = u.file_id WHERE u.id = $NU2")"
check_eq "… the old file kept" "$F2" "$(file_of "$U2")"
DUE_A2=$(due_after 2026-09-21 5 2026-09-23 2026-09-28)
DUE_B2=$(due_after 2026-09-21 8 2026-09-23 2026-09-28)
check "… (the pause moves the dues later: $DUE_A → $DUE_A2, $DUE_B → $DUE_B2)" \
	test "$DUE_A2" \> "$DUE_A" -a "$DUE_B2" \> "$DUE_B"
check_eq "the reviews go back to work, the claimed one to its clerk, due later by the paused days" \
	"waiting	$DUE_A2
claimed	$DUE_B2" \
	"$(sql "SELECT state, DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s') FROM pr_review
		WHERE application_id = $AID ORDER BY department_id")"
check_eq "… the application due with the later" "$DUE_B2" \
	"$(sql "SELECT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s') FROM pr_application WHERE id = $AID")"
check_eq "… the event 'resubmitted' of round 2" "resubmitted	2	$RESUMED" \
	"$(sql "SELECT kind, round, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') FROM pr_event
		WHERE application_id = $AID ORDER BY id DESC LIMIT 1")"
http GET "/prereview/case/$SERIAL?done=resubmitted&format=xml" -b "$A"
valid "the page after resubmitting is valid"
expect_body_contains "… says so" 'prereview.case.done.resubmitted'
expect_body_lacks "… no notice any more" '<notice>'
expect_body_contains "… both files in the list" "<id>$U2</id>"
http POST "/prereview/case/$SERIAL/correct" -b "$A" -c "$A" --form-string "csrf=$CSRF" \
	--form-string "idem=$CORRECT_IDEM" -F "m2=@$W/licence2.pdf"
expect_status "the same correction again (same key) answers 303" 303
check_eq "… and changes nothing" 5 "$(sql "SELECT COUNT(*) FROM pr_upload WHERE application_id = $AID")"
correct -F "m2=@$W/licence2.pdf"
expect_status "a new correction when none is asked is refused (422)" 422
expect_body_contains "… saying so" 'prereview.correct.not-open'
valid "… valid"
http POST "/prereview/case/$SERIAL2/correct" -b "$A" --form-string "csrf=$CSRF" \
	--form-string "idem=$(cat /proc/sys/kernel/random/uuid)" -F "m2=@$W/licence2.pdf"
expect_status "another's application can't be corrected (404)" 404

# ---------------------------------------------------------------- handled
sql "UPDATE pr_review SET state = 'passed' WHERE application_id = $AID"
sql "UPDATE pr_application SET state = 'passed', decided_at = '$RESUMED' WHERE id = $AID"
http GET "/prereview/case/$SERIAL?format=xml" -b "$A"
valid "a passed application's page is valid"
expect_body_contains "… with the link to rate it" '<evaluation kind="application"'
expect_body_contains "… and where to bring the originals" '<pickup_window>政务服务中心3号窗口</pickup_window>'
RATE=$(eval_link)
check_eq "… the link is the case's own (rating.h)" "/evaluate/case/$SERIAL/$(rate_token "$SERIAL")" "$RATE"
http GET "$RATE?format=xml" -b "$A"
expect_status "the evaluation takes an application's rating" 200
valid "… its page valid"
expect_body_contains "… an application's" 'kind="application"'
expect_body_contains "… answered by the item's department" '<department>县行政审批局</department>'
expect_body_contains "… open to rate" 'state="open"'
expect_body_lacks "… without the applicant's name" "$NAME"
form_of "$A" "$RATE"
http POST "$RATE" -b "$A" -c "$A" --data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM" \
	--data-urlencode level=5 --data-urlencode efficiency=5 --data-urlencode accuracy=4 \
	--data-urlencode convenience=5
expect_status "… rated (303)" 303
check_eq "… one rating, of the application, its department and its item" \
	"application	$DA	$CODE	5" \
	"$(sql "SELECT kind, department_id, item_code, level FROM eval_rating WHERE case_id = $AID")"
http GET "/prereview/case/$SERIAL?format=xml" -b "$A"
valid "… the progress page with the rating is valid"
expect_body_contains "… and shows it" '<rating><level>5</level>'
http GET "/prereview/case/$SERIAL" -b "$A"
expect_body_contains "… as a page: the window" '请带齐以下材料原件到政务服务中心3号窗口办理'
expect_body_contains "… the originals listed" '食品经营许可申请书；原件'
expect_body_lacks "… not the power of attorney, which was not needed" '授权委托书；原件'
sql "UPDATE pr_application SET state = 'completed', completed_at = '$RESUMED' WHERE id = $AID"
http GET "/prereview/case/$SERIAL" -b "$A"
expect_body_contains "a completed one gives the pick-up notice" '您的食品经营许可证已办理完毕，请带齐证件到政务服务中心3号窗口领取'
http GET "/prereview/case/$SERIAL?format=xml&lang=en" -b "$A"
valid "… valid in English too"

# ---------------------------------------------------------------- no 5xx
check_eq "no answer of the pre-review was a 5xx" 0 "$(grep -c 'answered 5[0-9][0-9]' "$CIVIC_T/prereview.log")"
check_eq "… nor of the evaluation" 0 "$(grep -c 'answered 5[0-9][0-9]' "$CIVIC_T/evaluate.log")"
check_eq "… nor any through nginx" 0 \
	"$(grep -c '" 5[0-9][0-9] ' "$CIVIC_T/nginx/logs/access.log" 2>/dev/null || true)"

finish
