#!/bin/bash
# prereview-life.sh: one application's whole life through every part of
# civic-prereview.fcgi, over HTTP through nginx, as the issue tells it:
# the office imports an item reviewed in parallel by two departments
# (civicctl import-items); a citizen finds it in the guide by a
# two-character word, reads its page, applies with two files and gets a
# serial number and query code (by SMS too); both departments' clerks
# claim it from their desks, and each marks the same material with a
# different problem; only when both have decided does ONE notice go out,
# listing both problems, and the clock pauses (the supervisor's board
# shows the case as paused); the citizen, back with the number and code,
# sees both problems, replaces that one file and resubmits; the review
# deadlines move by exactly the working days the clock stood still
# (counted here from examples/holidays/2026.txt); both departments pass
# it; the citizen is told which originals to bring to which window; the
# item's department completes it and the pick-up notice goes out; the
# citizen rates it at civic-evaluate.fcgi.  The messages are rendered by
# `civicctl notify --once` with the file transport, from the shipped
# templates; the audit chain holds; `civicctl purge` then removes the
# applicant's personal data and files and keeps the figures.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
find_tool XMLLINT xmllint libxml2-utils
command -v python3 >/dev/null 2>&1 || die "python3 not found: install the Debian package python3"
SCHEMA=$top_srcdir/xslt/schema/page.rng
W=$CIVIC_T/work
ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }

# set_now TIME: the pre-review's clock (and the evaluation's), no minimum fill time.
set_now() {
	awk -v now="$1" '
		/^[ \t]*\[.*\][ \t]*$/ { s = $0; gsub(/[][ \t]/, "", s) }
		(s == "prereview" || s == "evaluate") && /^now *=/ { print "now = " now; next }
		s == "prereview" && /^min_fill_seconds *=/ { print "min_fill_seconds = 0"; next }
		{ print }
	' "$CIVIC_T/civic.conf" >"$CIVIC_T/civic.conf.new" && mv "$CIVIC_T/civic.conf.new" "$CIVIC_T/civic.conf"
	chmod 0600 "$CIVIC_T/civic.conf"
}
# restart_prereview: the program again, reading the configuration anew.
restart_prereview() {
	stop_pid "$PR_PID"
	civic_program_start prereview --workers 1
	PR_PID=$PROGRAM_PID
}
# Thursday 2026-09-24, the day before 中秋节 (a holiday, then 国庆节 from
# 10-01 to 10-08 with 09-28 and 10-10 worked): the limits cross both.
T0='2026-09-24 10:00:00'
set_now "$T0"
ctl import-holidays "$top_srcdir/examples/holidays/2026.txt" >"$W/holidays.log" 2>&1 ||
	die "civicctl import-holidays failed: $(cat "$W/holidays.log")"
civic_program_start account --workers 1
civic_program_start evaluate --workers 1
civic_program_start prereview --workers 1
PR_PID=$PROGRAM_PID

# page JAR PATH NAME: the page's XML, 200 and valid.
page() {
	local sep='?'
	case $2 in *'?'*) sep='&' ;; esac
	http GET "$2${sep}format=xml" -b "$1" -c "$1"
	expect_status "$3" 200
	valid "$3: valid"
}
sha() { sha256sum "$1" | cut -c1-64; }

# ---------------------------------------------------------------- staff
PW='life-Pw-2026!'
civic_add_staff "$PW" 71000001 王主任 life-office 县政府办公室 office
civic_add_staff "$PW" 71000002 李审批 life-sp 县行政审批局 clerk
civic_add_staff "$PW" 71000003 赵卫健 life-wj 县卫生健康局 clerk
civic_add_staff "$PW" 71000004 孙督查 life-dc 县督查室 supervisor
DA=$(sql "SELECT id FROM department WHERE code = 'life-sp'")
DB=$(sql "SELECT id FROM department WHERE code = 'life-wj'")
OFFICE=$W/office.jar A=$W/a.jar B=$W/b.jar SUP=$W/sup.jar CIT=$W/citizen.jar LATER=$W/later.jar
for j in "$OFFICE:71000001" "$A:71000002" "$B:71000003" "$SUP:71000004"; do
	signin "${j%%:*}" "${j#*:}" "$PW"
	expect_status "staff ${j#*:} signs in" 303
done

# ---------------------------------------------------------------- the item, imported
CODE=510124000000-XK-0777
cat >"$W/items.csv" <<EOF
code,name,kind,department,audience,conditions,process,legal_days,promised_days,fees,place,visits,online,pickup_window,licence,d1_department,d1_days,d2_department,d2_days,f1_label,f1_kind,f1_max_len,m1_name,m1_form,m1_copies,m1_need,m1_note,m2_name,m2_form,m2_copies,m2_need
$CODE,公共场所卫生许可（新办）,行政许可,life-sp,enterprise,"有固定的经营场所；
卫生设施符合规范。",申请→预审→受理→现场核查→发证,20,8,不收费,县政务服务中心二楼,1,1,县政务服务中心二楼8号窗口,公共场所卫生许可证,life-sp,5,life-wj,6,经营场所地址,text,100,卫生管理制度,original,1,required,加盖公章,营业执照,copy,1,required
EOF
ctl import-items "$W/items.csv" >"$W/import.log" 2>&1
check_eq "civicctl import-items loads the item" 0 "$?"
ITEM=$(sql "SELECT id FROM pr_item WHERE code = '$CODE'")
check_eq "… reviewed in parallel by the two departments" "$DA:5 $DB:6" \
	"$(sql "SELECT GROUP_CONCAT(CONCAT(department_id, ':', days) ORDER BY department_id SEPARATOR ' ')
		FROM pr_item_department WHERE item_id = $ITEM")"

# ---------------------------------------------------------------- the citizen finds it
http GET '/prereview/items?q=%E5%8D%AB%E7%94%9F&format=xml'
expect_status "the guide searches 卫生" 200
expect_body_contains "… and finds the item" "$CODE"
valid "… the list is valid"
page "$CIT" "/prereview/item/$CODE" "the item's page"
expect_body_contains "… lists its materials" '卫生管理制度'
http GET "/prereview/item/$CODE"
expect_body_contains "… offers the online application" "/prereview/item/$CODE/apply"

# ---------------------------------------------------------------- the application
printf '%%PDF-1.4\n%% 卫生管理制度\n' >"$W/rules.pdf"
head -c 400000 /dev/urandom >>"$W/rules.pdf"
printf '\211PNG\r\n\032\n' >"$W/licence.png"
head -c 5000 /dev/urandom >>"$W/licence.png"
printf '%%PDF-1.4\n%% 卫生管理制度（盖章版）\n' >"$W/rules2.pdf"
head -c 300000 /dev/urandom >>"$W/rules2.pdf"
USCC=91350100M000100Y43 PHONE=13900007777 COMPANY=成都清泉沐浴有限公司

http GET "/prereview/item/$CODE/apply?format=xml" -b "$CIT" -c "$CIT"
expect_status "the application form" 200
valid "… valid"
CSRF=$(xml csrf) IDEM=$(xml idem)
ISSUED=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
SIG=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
http POST "/prereview/item/$CODE/apply" -b "$CIT" -c "$CIT" \
	--form-string "csrf=$CSRF" --form-string "idem=$IDEM" --form-string "issued=$ISSUED" \
	--form-string "sig=$SIG" --form-string applicant_kind=enterprise \
	--form-string "name=$COMPANY" --form-string "uscc=$USCC" --form-string contact=周清泉 \
	--form-string "phone=$PHONE" --form-string consent=1 --form-string 'x1=郫都区清泉路18号' \
	-F "m1=@$W/rules.pdf" -F "m2=@$W/licence.png"
expect_status "the application is sent (303 to its receipt)" 303
RECEIPT=$(header Location)
SERIAL=${RECEIPT##*/}
check "… its serial number is a pre-review number" \
	grep -Eq '^YS[0-9]{8}-[0-9]{4}$' <<<"$SERIAL"
page "$CIT" "/prereview/sent/$SERIAL" "the receipt"
CODE_Q=$(tr -d '\n' <"$BODY" | sed -n 's:.*<receipt [^>]*code="\([^"]*\)".*:\1:p')
check "… shows the query code" test -n "$CODE_Q"
APP=$(sql "SELECT id FROM pr_application WHERE serial = '$SERIAL'")
check_eq "… one application, in review, with two reviews waiting" "review 2" \
	"$(sql "SELECT a.state, COUNT(r.id) FROM pr_application a JOIN pr_review r
		ON r.application_id = a.id AND r.state = 'waiting' WHERE a.id = $APP GROUP BY a.id" | tr '\t' ' ')"
DUE_A=$(due_after 2026-09-24 5)
DUE_B=$(due_after 2026-09-24 6)
check_eq "… each department due on the working-day calendar ($DUE_A, $DUE_B)" "$DUE_A $DUE_B" \
	"$(sql "SELECT GROUP_CONCAT(DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s') ORDER BY department_id
		SEPARATOR ' ') FROM pr_review WHERE application_id = $APP")"
check_eq "… the rules as sent (SHA-256)" "$(sha "$W/rules.pdf")" \
	"$(sql "SELECT LOWER(HEX(f.sha256)) FROM pr_upload u JOIN stored_file f ON f.id = u.file_id
		JOIN pr_material m ON m.id = u.material_id WHERE u.application_id = $APP AND m.seq = 1")"

# ---------------------------------------------------------------- both departments review
page "$A" /prereview/desk "department A's desk"
expect_body_contains "… lists the application" "$SERIAL"
page "$B" /prereview/desk "department B's desk"
expect_body_contains "… lists it too" "$SERIAL"
act "$A" "/prereview/review/$APP/claim"
expect_status "A claims its review" 303
act "$B" "/prereview/review/$APP/claim"
expect_status "B claims its review" 303
NOTE_A='制度文本未加盖单位公章'
NOTE_B='缺少从业人员健康检查制度章节'
act "$A" "/prereview/review/$APP/decide" v1=correction "n1=$NOTE_A" v2=accepted decision=correction
expect_status "A asks for a corrected rules document" 303
check_eq "… the application still in review while B has not decided" review \
	"$(sql "SELECT state FROM pr_application WHERE id = $APP")"
check_eq "… no notice yet" 0 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE template = 'prereview.correction'")"
act "$B" "/prereview/review/$APP/decide" v1=correction "n1=$NOTE_B" v2=accepted decision=correction
expect_status "B asks for another correction of the same document" 303
check_eq "the application waits for corrections, the clock paused" "correction 1" \
	"$(sql "SELECT a.state, COUNT(p.id) FROM pr_application a JOIN pr_pause p
		ON p.application_id = a.id AND p.ended_at IS NULL WHERE a.id = $APP GROUP BY a.id" | tr '\t' ' ')"
check_eq "ONE correction notice went out" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE template = 'prereview.correction'")"
page "$SUP" "/prereview/board" "the supervisor's board"
expect_body_contains "… shows the case" "$SERIAL"
http GET /prereview/board -b "$SUP"
expect_body_contains "… paused, in words" '暂停'

# The messages as the notification worker sends them.
OUT=$W/notify.out
{
	cat "$CIVIC_T/civic.conf"
	echo
	echo "[notify]"
	echo "templates = $top_srcdir/examples/notify-templates.txt"
	echo "transport_sms = file"
	echo "transport_email = file"
	echo "file = $OUT"
} >"$W/notify.conf"
chmod 0600 "$W/notify.conf"
send_outbox() {
	timeout 30 "$CIVICCTL" --config "$W/notify.conf" notify --once >>"$W/notify.log" 2>&1
	check_eq "civicctl notify --once sends the outbox ($1)" 0 "$?"
}
send_outbox "received, correction"
check_eq "… nothing failed" 0 "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE status <> 'sent'")"
check "the SMS of the receipt has the serial and the code" grep -q "$CODE_Q" "$OUT"
check "the one notice names A's problem" grep -q "$NOTE_A" "$OUT"
check "… and B's" grep -q "$NOTE_B" "$OUT"

# ---------------------------------------------------------------- the citizen corrects
# Six days later (09-30), after 中秋节 (09-25, a holiday), 09-26/27 (a
# weekend) and 09-28 (an adjusted working day) and 09-29: the clock stood
# still on the days from 09-24 to 09-30 included.
set_now '2026-09-30 15:00:00'
restart_prereview
http GET /prereview/track?format=xml -b "$LATER" -c "$LATER"
CSRF=$(xml csrf)
http POST /prereview/track -b "$LATER" -c "$LATER" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "no=$SERIAL" --data-urlencode "code=$CODE_Q"
expect_status "the citizen comes back with the number and the code" 303
page "$LATER" "/prereview/case/$SERIAL" "the progress page"
expect_body_contains "… shows A's problem" "$NOTE_A"
expect_body_contains "… and B's" "$NOTE_B"
expect_body_contains "… paused" '<light>paused</light>'
expect_body_lacks "… not the applicant's credit code" "$USCC"
http GET "/prereview/case/$SERIAL/correct?format=xml" -b "$LATER" -c "$LATER"
CSRF=$(xml csrf) IDEM=$(xml idem)
http POST "/prereview/case/$SERIAL/correct" -b "$LATER" -c "$LATER" \
	--form-string "csrf=$CSRF" --form-string "idem=$IDEM" -F "m1=@$W/rules2.pdf"
expect_status "the citizen replaces the one document and resubmits" 303
check_eq "… back in review, round 2, the pause closed" "review 2 0" \
	"$(sql "SELECT state, round, (SELECT COUNT(*) FROM pr_pause WHERE application_id = $APP
		AND ended_at IS NULL) FROM pr_application WHERE id = $APP" | tr '\t' ' ')"
check_eq "… only the rules have a second upload" "1:2 2:1" \
	"$(sql "SELECT GROUP_CONCAT(CONCAT(m.seq, ':', u.round) ORDER BY m.seq SEPARATOR ' ')
		FROM pr_upload u JOIN pr_material m ON m.id = u.material_id
		WHERE u.application_id = $APP AND u.latest = 1")"
DUE_A2=$(due_after 2026-09-24 5 2026-09-24 2026-09-30)
DUE_B2=$(due_after 2026-09-24 6 2026-09-24 2026-09-30)
check_eq "… the deadlines moved by the paused working days ($DUE_A2, $DUE_B2)" "$DUE_A2 $DUE_B2" \
	"$(sql "SELECT GROUP_CONCAT(DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s') ORDER BY department_id
		SEPARATOR ' ') FROM pr_review WHERE application_id = $APP")"
check "… later than before" test "$DUE_A2" \> "$DUE_A"

# ---------------------------------------------------------------- passed, completed
act "$A" "/prereview/review/$APP/decide" v1=accepted v2=accepted decision=passed
expect_status "A passes the corrected application" 303
act "$B" "/prereview/review/$APP/decide" v1=accepted v2=accepted decision=passed
expect_status "B passes it too" 303
check_eq "the application has passed" passed "$(sql "SELECT state FROM pr_application WHERE id = $APP")"
page "$LATER" "/prereview/case/$SERIAL" "the progress page once passed"
expect_body_contains "… names the window for the originals" '县政务服务中心二楼8号窗口'
act "$B" "/prereview/review/$APP/complete"
expect_status "B, not the item's department, can't complete it" 422
act "$A" "/prereview/review/$APP/complete"
expect_status "the item's department completes it" 303
check_eq "… completed" completed "$(sql "SELECT state FROM pr_application WHERE id = $APP")"
page "$LATER" "/prereview/case/$SERIAL" "the progress page once completed"
expect_body_contains "… with the licence to pick up" '公共场所卫生许可证'
send_outbox "passed, completed"
check "the passed notice names the window" grep -q '县政务服务中心二楼8号窗口' "$OUT"
check "the pick-up notice names the licence" grep -q '公共场所卫生许可证已办理完毕' "$OUT"
check_eq "… every message sent" 0 "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE status <> 'sent'")"

# ---------------------------------------------------------------- rated
http GET "/prereview/case/$SERIAL?format=xml" -b "$LATER" -c "$LATER"
RATE=$(eval_link)
check "the completed application links to its rating" test -n "$RATE"
act "$CIT" "$RATE" level=5 efficiency=5 accuracy=5 convenience=5 attitude=5 professionalism=5
expect_status "the citizen rates it" 303
check_eq "… one rating of kind application, with the item's code" "application $CODE 5" \
	"$(sql "SELECT kind, item_code, level FROM eval_rating WHERE case_no = '$SERIAL'" | tr '\t' ' ')"

# ---------------------------------------------------------------- two more applications
# apply_again JAR: another application of the same company, its serial in SERIAL2.
apply_again() {
	http GET "/prereview/item/$CODE/apply?format=xml" -b "$1" -c "$1"
	CSRF=$(xml csrf) IDEM=$(xml idem)
	ISSUED=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
	SIG=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
	http POST "/prereview/item/$CODE/apply" -b "$1" -c "$1" \
		--form-string "csrf=$CSRF" --form-string "idem=$IDEM" --form-string "issued=$ISSUED" \
		--form-string "sig=$SIG" --form-string applicant_kind=enterprise \
		--form-string "name=$COMPANY" --form-string "uscc=$USCC" --form-string contact=周清泉 \
		--form-string "phone=$PHONE" --form-string consent=1 --form-string 'x1=郫都区清泉路18号' \
		-F "m1=@$W/rules.pdf" -F "m2=@$W/licence.png"
	SERIAL2=$(header Location)
	SERIAL2=${SERIAL2##*/}
}
# correct JAR SERIAL FILE-ARGS...: the replacement of the marked materials.
correct() {
	local jar=$1 serial=$2
	shift 2
	http GET "/prereview/case/$serial/correct?format=xml" -b "$jar" -c "$jar"
	CSRF=$(xml csrf) IDEM=$(xml idem)
	http POST "/prereview/case/$serial/correct" -b "$jar" -c "$jar" \
		--form-string "csrf=$CSRF" --form-string "idem=$IDEM" "$@"
}
# Long notes: four of 500 characters, one notice of more than 2000.
LONG_A=$(python3 -c 'print("A" + "印章不清晰" * 99 + "止")')
LONG_B=$(python3 -c 'print("B" + "缺少签字页" * 99 + "止")')
J2=$W/second.jar
apply_again "$J2"
APP2=$(sql "SELECT id FROM pr_application WHERE serial = '$SERIAL2'")
act "$A" "/prereview/review/$APP2/claim"
act "$B" "/prereview/review/$APP2/claim"
act "$A" "/prereview/review/$APP2/decide" v1=correction "n1=$LONG_A" v2=correction \
	"n2=$LONG_A" decision=correction
expect_status "A asks for two corrections with notes of 500 characters" 303
act "$B" "/prereview/review/$APP2/decide" v1=correction "n1=$LONG_B" v2=correction \
	"n2=$LONG_B" decision=correction
expect_status "… and B too: a notice of more than 2000 characters is still one notice" 303
check "… the notice whole on the application ($(sql "SELECT CHAR_LENGTH(notice) FROM pr_application WHERE id = $APP2") characters)" \
	test "$(sql "SELECT CHAR_LENGTH(notice) FROM pr_application WHERE id = $APP2")" -gt 2000
check_eq "… in correction" correction "$(sql "SELECT state FROM pr_application WHERE id = $APP2")"

# A department that passed, having accepted a material B then asks to be
# replaced, judges the new file too: its verdict was on the old one.
J3=$W/third.jar
apply_again "$J3"
SERIAL3=$SERIAL2
APP3=$(sql "SELECT id FROM pr_application WHERE serial = '$SERIAL3'")
act "$A" "/prereview/review/$APP3/claim"
act "$B" "/prereview/review/$APP3/claim"
act "$A" "/prereview/review/$APP3/decide" v1=accepted v2=accepted decision=passed
expect_status "A passes the third application" 303
act "$B" "/prereview/review/$APP3/decide" v1=accepted v2=correction "n2=$NOTE_B" \
	decision=correction
expect_status "… B asks for a new licence copy" 303
correct "$J3" "$SERIAL3" -F "m2=@$W/licence.png"
expect_status "the applicant replaces it" 303
check_eq "… both departments review again (A had judged the old copy)" "claimed claimed" \
	"$(sql "SELECT GROUP_CONCAT(state ORDER BY department_id SEPARATOR ' ') FROM pr_review
		WHERE application_id = $APP3")"
act "$B" "/prereview/review/$APP3/decide" v1=accepted v2=accepted decision=passed
check_eq "… B's pass alone does not pass it" review "$(sql "SELECT state FROM pr_application WHERE id = $APP3")"
act "$A" "/prereview/review/$APP3/decide" v1=accepted v2=accepted decision=passed
check_eq "… A's, on the new copy, does" passed "$(sql "SELECT state FROM pr_application WHERE id = $APP3")"

# ---------------------------------------------------------------- the record
page "$SUP" "/prereview/review/$APP" "the supervisor reads the whole case"
for k in submitted claimed correction resubmitted passed completed; do
	check "… its history has '$k'" grep -q "<kind>$k</kind>" "$BODY"
done
ctl audit-verify >"$W/audit.log" 2>&1
check_eq "the audit chain holds after the staff's actions" 0 "$?"
check "… which wrote the decisions" test "$(sql "SELECT COUNT(*) FROM audit_log
	WHERE object_type LIKE 'pr%' OR action LIKE 'prereview%'")" -ge 5
check "nothing answered 5xx" test -z "$(grep -E '" 5[0-9][0-9] ' "$CIVIC_T/nginx/logs/access.log")"

# ---------------------------------------------------------------- retention
FILES=$(sql "SELECT COUNT(*) FROM pr_upload WHERE application_id = $APP AND file_id IS NOT NULL")
ctl purge --days 30 >"$W/purge.log" 2>&1
check_eq "civicctl purge runs" 0 "$?"
check_eq "… the applicant's name, number, phone and agent are gone" "   " \
	"$(sql "SELECT name, id_number, phone, COALESCE(contact, '') FROM pr_application WHERE id = $APP" | tr '\t' ' ')"
check_eq "… and the field values" 0 "$(sql "SELECT COUNT(*) FROM pr_value WHERE application_id = $APP")"
check_eq "… and its $FILES files" 0 \
	"$(sql "SELECT COUNT(*) FROM pr_upload WHERE application_id = $APP AND file_id IS NOT NULL")"
check_eq "… no chunk is left without its file" 0 \
	"$(sql "SELECT COUNT(*) FROM stored_chunk c LEFT JOIN stored_file f ON f.id = c.file_id WHERE f.id IS NULL")"
check_eq "… the figures stay (state, item, times)" "completed $ITEM 1" \
	"$(sql "SELECT state, item_id, completed_at IS NOT NULL FROM pr_application WHERE id = $APP" | tr '\t' ' ')"
http GET "/prereview/case/$SERIAL?format=xml" -b "$LATER" -c "$LATER"
expect_status "the purged application's page still answers" 200
valid "… valid"

finish
