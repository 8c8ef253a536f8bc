#!/bin/bash
# prereview-review.sh: the departments' review and the board
# (modules/prereview/review.c, board.c) through nginx.  Its data are made
# here by SQL as apply.c writes them (sql/012-prereview.sql): departments
# and clerks, an item reviewed in parallel by two departments with three
# materials, applications with their reviews, uploads and stored files.
# Then: a clerk sees their department's reviews only, another
# department's clerk gets 404 on the page and the file, no session is sent
# to sign in; two claims, one wins and the other is told; inconsistent
# verdicts are refused with what was typed kept; a parallel review goes
# to correction only when both departments have decided, with ONE notice
# holding both notes and the clock paused; after a resubmission (made by
# SQL, as progress.c will) both pass, the passed notice names the
# originals and the window, and completion sends the pick-up notice; a
# rejection; an approved extension moves the due time by exactly N
# working days (counted here from examples/holidays/2026.txt) and a
# refused one does not; the board's counts equal counts made here, the
# overdue case first; an urge writes its event and an SMS to the
# department's clerk, once a day; two departments deciding at the same
# moment settle the application once.  Every view fetched is valid
# against xslt/schema/page.rng, and nothing answers 5xx.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
find_tool XMLLINT xmllint libxml2-utils
command -v python3 >/dev/null 2>&1 || die "python3 not found: install the Debian package python3"
SCHEMA=$top_srcdir/xslt/schema/page.rng
W=$CIVIC_T/work
ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }

# The pre-review's clock: Monday 2026-10-12, after 国庆节.
NOW='2026-10-12 10:00:00'
awk -v now="$NOW" '
	/^[ \t]*\[.*\][ \t]*$/ { s = $0; gsub(/[][ \t]/, "", s) }
	s == "prereview" && /^now *=/ { print "now = " now; next }
	s == "prereview" && /^min_fill_seconds *=/ { print "min_fill_seconds = 0"; next }
	{ print }
' "$CIVIC_T/civic.conf" >"$CIVIC_T/civic.conf.new" && mv "$CIVIC_T/civic.conf.new" "$CIVIC_T/civic.conf"
chmod 0600 "$CIVIC_T/civic.conf"
ctl import-holidays "$top_srcdir/examples/holidays/2026.txt" >"$W/holidays.log" 2>&1 ||
	die "civicctl import-holidays failed: $(cat "$W/holidays.log")"
civic_program_start account --workers 1
# Two workers: the concurrent decisions below must really run at once.
civic_program_start prereview --workers 2

# page JAR PATH NAME: the XML of a page, 200 and valid.
page() {
	local sep='?'
	case $2 in *'?'*) sep='&' ;; esac
	http GET "$2${sep}format=xml" -b "$1" -c "$1"
	expect_status "$3" 200
	valid "$3: valid"
}
# html JAR PATH NAME: the same page as HTML (the stylesheet runs).
html() {
	http GET "$2" -b "$1" -c "$1"
	expect_status "$3 (HTML)" 200
}
# actx JAR PATH FIELD=VALUE...: act, the answer as XML (a refusal's page).
actx() {
	local jar=$1 path=$2 kv args=() sep='?'
	shift 2
	case $path in *'?'*) sep='&' ;; esac
	http GET "$path${sep}format=xml" -b "$jar" -c "$jar"
	CSRF=$(xml csrf) IDEM=$(xml idem)
	for kv in "csrf=$CSRF" "idem=$IDEM" "$@"; do
		args+=(--data-urlencode "$kv")
	done
	http POST "$path${sep}format=xml" -b "$jar" -c "$jar" "${args[@]}"
}
appstate() { sql "SELECT state FROM pr_application WHERE id = $1"; }
outbox() { sql "SELECT COUNT(*) FROM notify_outbox WHERE template = '$1' AND recipient = '$2'"; }
outparams() { sql "SELECT params FROM notify_outbox WHERE template = '$1' AND recipient = '$2' ORDER BY id DESC LIMIT 1"; }

PW='prereview review 2026 ok'
adduser() { civic_add_staff "$PW" "$@"; }
adduser 61000001 政务办 bangong 县政务服务管理局 office
adduser 61000002 市监甲 shijian 县市场监督管理局 clerk
adduser 61000003 市监乙 shijian 县市场监督管理局 clerk
adduser 61000004 消防甲 xiaofang 县消防救援大队 clerk
adduser 61000005 卫健甲 weijian 县卫生健康局 clerk
adduser 61000006 督查员 ducha 县督查室 supervisor
DA=$(sql "SELECT id FROM department WHERE code = 'shijian'")
DB=$(sql "SELECT id FROM department WHERE code = 'xiaofang'")
DC=$(sql "SELECT id FROM department WHERE code = 'weijian'")
A1_ID=$(sql "SELECT id FROM staff WHERE staff_no = '61000002'")
B1_ID=$(sql "SELECT id FROM staff WHERE staff_no = '61000004'")
sql "UPDATE staff SET phone = '13900006004' WHERE staff_no = '61000004'"
sql "UPDATE staff SET phone = '13900006002' WHERE staff_no = '61000002'"

# The item: the market regulator's, reviewed in parallel with the fire
# brigade (5 and 3 working days); three materials, one a copy only.
sql "INSERT INTO pr_item (code, name, kind, department_id, audience, legal_days, promised_days,
	online, pickup_window, licence, updated_at) VALUES ('510124000000-XK-0901', '食品经营许可',
	'行政许可', $DA, 'enterprise', 20, 10, 1, '3号窗口', '食品经营许可证', '$NOW')"
ITEM=$(sql "SELECT id FROM pr_item WHERE code = '510124000000-XK-0901'")
sql "INSERT INTO pr_item_department (item_id, department_id, days) VALUES ($ITEM, $DA, 5), ($ITEM, $DB, 3)"
sql "INSERT INTO pr_field (item_id, seq, label, kind) VALUES ($ITEM, 1, '经营场所面积', 'number')"
FIELD=$(sql "SELECT id FROM pr_field WHERE item_id = $ITEM")
sql "INSERT INTO pr_material (item_id, seq, name, form) VALUES ($ITEM, 1, '营业执照', 'original'),
	($ITEM, 2, '经营场所平面图', 'copy'), ($ITEM, 3, '消防安全承诺书', 'both')"
M1=$(sql "SELECT id FROM pr_material WHERE item_id = $ITEM AND seq = 1")
M2=$(sql "SELECT id FROM pr_material WHERE item_id = $ITEM AND seq = 2")
M3=$(sql "SELECT id FROM pr_material WHERE item_id = $ITEM AND seq = 3")
# A second item, the health bureau's alone.
sql "INSERT INTO pr_item (code, name, kind, department_id, audience, legal_days, promised_days,
	online, updated_at) VALUES ('510124000000-XK-0902', '公共场所卫生许可', '行政许可', $DC,
	'enterprise', 20, 10, 1, '$NOW')"
ITEM2=$(sql "SELECT id FROM pr_item WHERE code = '510124000000-XK-0902'")
sql "INSERT INTO pr_item_department (item_id, department_id, days) VALUES ($ITEM2, $DC, 5)"
sql "INSERT INTO pr_material (item_id, seq, name, form) VALUES ($ITEM2, 1, '卫生管理制度', 'copy')"
M21=$(sql "SELECT id FROM pr_material WHERE item_id = $ITEM2")

# upload APP MATERIAL ROUND: a stored file of one chunk and its upload
# (latest; the material's earlier upload no longer latest).
upload() {
	sql "UPDATE pr_upload SET latest = 0 WHERE application_id = $1 AND material_id = $2;
	SET @d = CONCAT('%PDF-1.4 application $1 material $2 round $3 ', REPEAT('x', 100));
	INSERT INTO stored_file (name, type, size, sha256, chunks, created_at)
	VALUES ('材料$2-$3.pdf', 'application/pdf', LENGTH(@d), UNHEX(SHA2(@d, 256)), 1, '$NOW');
	SET @f = LAST_INSERT_ID();
	INSERT INTO stored_chunk (file_id, seq, data) VALUES (@f, 0, @d);
	INSERT INTO pr_upload (application_id, material_id, round, file_id, latest, created_at)
	VALUES ($1, $2, $3, @f, 1, '$NOW')"
}
# mkapp NO CREATED PHONE: an application to the item as apply.c leaves it
# (both reviews waiting, due as pr_clock_store computes them); its id.
SEQ=0
mkapp() {
	local day=${2%% *} id
	SEQ=$((SEQ + 1))
	sql "INSERT INTO pr_application (serial, query_hash, item_id, item_version, applicant_kind,
		name, id_number, contact, phone, created_at, due_at, warn_at)
		VALUES ('YS${day//-/}-$(printf %04d "$1")', UNHEX(SHA2('q$1', 256)), $ITEM, 1,
		'enterprise', '成都某某餐饮有限公司', '91510124MA6CQ5X37B', '王小明', '$3', '$2',
		'$(due_after "$day" 5)', '$(due_after "$day" 4)')"
	id=$(sql "SELECT id FROM pr_application WHERE phone = '$3'")
	sql "INSERT INTO pr_value (application_id, field_id, value) VALUES ($id, $FIELD, '120');
	INSERT INTO pr_review (application_id, department_id, days, due_at, warn_at) VALUES
	($id, $DA, 5, '$(due_after "$day" 5)', '$(due_after "$day" 4)'),
	($id, $DB, 3, '$(due_after "$day" 3)', '$(due_after "$day" 2)');
	INSERT INTO pr_event (application_id, at, kind, round) VALUES ($id, '$2', 'submitted', 1)"
	upload "$id" "$M1" 1
	upload "$id" "$M2" 1
	upload "$id" "$M3" 1
	echo "$id"
}

APP1=$(mkapp 1 '2026-10-09 10:00:00' 13700000001)
APP2=$(mkapp 2 '2026-10-09 11:00:00' 13700000002)
APP3=$(mkapp 3 '2026-10-09 12:00:00' 13700000003)
APP4=$(mkapp 4 '2026-09-21 10:00:00' 13700000004)
SER1=$(sql "SELECT serial FROM pr_application WHERE id = $APP1")
SER4=$(sql "SELECT serial FROM pr_application WHERE id = $APP4")
# The health bureau's own application.
sql "INSERT INTO pr_application (serial, query_hash, item_id, item_version, applicant_kind, name,
	id_number, phone, created_at, due_at, warn_at) VALUES ('YS20261009-0006', UNHEX(SHA2('q6', 256)),
	$ITEM2, 1, 'person', '李四', '510124199001011234', '13700000006', '2026-10-09 10:00:00',
	'2026-10-16 23:59:59', '2026-10-15 23:59:59')"
APP6=$(sql "SELECT id FROM pr_application WHERE serial = 'YS20261009-0006'")
sql "INSERT INTO pr_review (application_id, department_id, days, due_at, warn_at) VALUES
	($APP6, $DC, 5, '2026-10-16 23:59:59', '2026-10-15 23:59:59')"
upload "$APP6" "$M21" 1
U1=$(sql "SELECT id FROM pr_upload WHERE application_id = $APP1 AND material_id = $M1")

OFFICE=$W/office.jar A1=$W/a1.jar A2=$W/a2.jar B1=$W/b1.jar C1=$W/c1.jar SUP=$W/sup.jar
ANON=$W/anon.jar
for x in "$OFFICE 61000001" "$A1 61000002" "$A2 61000003" "$B1 61000004" "$C1 61000005" \
	"$SUP 61000006"; do
	set -- $x
	signin "$1" "$2" "$PW"
	expect_status "staff $2 signs in" 303
done

# ---------------------------------------------------------------- who sees what
page "$A1" /prereview/desk "desk of the market regulator's clerk"
expect_body_contains "A's desk lists application 1" "$SER1"
expect_body_lacks "A's desk lacks the health bureau's application" "YS20261009-0006"
check_eq "A's desk: A's reviews only" 0 "$(tr -d '\n' <"$BODY" | grep -o "<department_id>[0-9]*</department_id>" | grep -vc ">$DA<")"
page "$C1" /prereview/desk "desk of the health bureau's clerk"
expect_body_contains "C's desk lists its application" "YS20261009-0006"
expect_body_lacks "C's desk lacks application 1" "$SER1"
http GET "/prereview/review/$APP1?format=xml" -b "$C1"
expect_status "C's clerk: application 1 is 404" 404
http GET "/prereview/review/$APP1/file/$U1" -b "$C1"
expect_status "C's clerk: its file is 404" 404
http GET "/prereview/desk"
expect_status "no session: the desk sends to sign in" 303
expect_header "no session: to the sign-in page" Location '/account/signin'
http GET "/prereview/review/$APP1"
expect_status "no session: the review page sends to sign in" 303
http GET "/prereview/board" -b "$A1"
expect_status "a clerk may not see the board" 403

page "$A1" "/prereview/review/$APP1" "review page of application 1"
expect_body_contains "the applicant's ID number is on the staff page" "91510124MA6CQ5X37B"
expect_body_contains "the extra field's label" "经营场所面积"
html "$A1" "/prereview/review/$APP1" "review page of application 1"
expect_body_contains "the HTML has the claim button" "/review/$APP1/claim"
http GET "/prereview/review/$APP1/file/$U1" -b "$A1"
expect_status "A's clerk downloads material 1" 200
expect_body_contains "the file is the stored one" "application $APP1 material $M1 round 1"
expect_header "the file is a download" Content-Disposition 'attachment'
U6=$(sql "SELECT id FROM pr_upload WHERE application_id = $APP6")
http GET "/prereview/review/$APP1/file/$U6" -b "$A1"
expect_status "another application's upload is 404" 404

# ---------------------------------------------------------------- claim race
form_of "$A1" "/prereview/review/$APP1/claim"
CSRF1=$CSRF IDEM1=$IDEM
form_of "$A2" "/prereview/review/$APP1/claim"
CSRF2=$CSRF IDEM2=$IDEM
http POST "/prereview/review/$APP1/claim" -b "$A1" -c "$A1" --data-urlencode "csrf=$CSRF1" \
	--data-urlencode "idem=$IDEM1"
expect_status "A1 claims application 1" 303
http POST "/prereview/review/$APP1/claim?format=xml" -b "$A2" -c "$A2" \
	--data-urlencode "csrf=$CSRF2" --data-urlencode "idem=$IDEM2"
expect_status "A2's claim lost the race" 422
expect_body_contains "A2 is told it was claimed" "prereview.review.conflict.claim"
valid "the lost claim's page: valid"
check_eq "the review is A1's" "claimed $A1_ID" "$(sql "SELECT state, clerk_id FROM pr_review WHERE application_id = $APP1 AND department_id = $DA" | tr '\t' ' ')"
act "$B1" "/prereview/review/$APP1/claim"
expect_status "B claims application 1" 303
html "$A1" "/prereview/review/$APP1" "A1's review page, claimed"
expect_body_contains "the HTML has the verdict of material 1" 'id="f-v1"'
expect_body_contains "the HTML has the decision" 'id="f-decision"'

# ---------------------------------------------------------------- inconsistent verdicts
NOTE1='营业执照副本模糊不清，请重新扫描上传'
NOTE3='消防安全承诺书缺少法定代表人签字'
actx "$A1" "/prereview/review/$APP1/decide" v1=correction "n1=$NOTE1" v2=accepted \
	v3=accepted decision=passed
expect_status "passed with a correction verdict is refused" 422
expect_body_contains "the typed note is kept" "$NOTE1"
expect_body_contains "the refusal says why" "prereview.review.passed-with-correction"
valid "refused decision: valid"
actx "$A1" "/prereview/review/$APP1/decide" v1=accepted v2=accepted decision=passed
expect_status "a material without a verdict is refused" 422
expect_body_contains "beside material 3" 'field="v3"'
act "$A1" "/prereview/review/$APP1/decide" v1=accepted v2=accepted decision=passed
expect_status "the same, as HTML" 422
expect_body_contains "the error is tied to material 3's verdict" 'aria-describedby="f-v3-error"'
actx "$A1" "/prereview/review/$APP1/decide" v1=correction v2=accepted v3=accepted \
	decision=correction
expect_status "a correction without its note is refused" 422
actx "$A1" "/prereview/review/$APP1/decide" v1=accepted v2=accepted v3=accepted \
	decision=correction
expect_status "decision correction with no correction verdict is refused" 422
check_eq "nothing was written by the refusals" 0 "$(sql "SELECT COUNT(*) FROM pr_verdict")"

# ---------------------------------------------------------------- parallel review
act "$A1" "/prereview/review/$APP1/decide" v1=correction "n1=$NOTE1" v2=accepted v3=accepted \
	decision=correction
expect_status "A decides: correction on material 1" 303
check_eq "the application waits for B" review "$(appstate "$APP1")"
check_eq "no notice yet" 0 "$(outbox prereview.correction 13700000001)"
act "$B1" "/prereview/review/$APP1/decide" v1=accepted v2=accepted v3=correction "n3=$NOTE3" \
	decision=correction
expect_status "B decides: correction on material 3" 303
check_eq "the application goes to correction" correction "$(appstate "$APP1")"
check_eq "ONE correction notice" 1 "$(outbox prereview.correction 13700000001)"
P=$(outparams prereview.correction 13700000001)
case $P in *"$NOTE1"*"$NOTE3"*) pass "the notice holds both notes, in material order" ;;
*) fail "the notice lacks a note: $P" ;; esac
check_eq "the pause is open" 1 "$(sql "SELECT COUNT(*) FROM pr_pause WHERE application_id = $APP1 AND ended_at IS NULL")"
check_eq "the stored notice is the same list" 1 "$(sql "SELECT notice LIKE '%$NOTE1%$NOTE3%' FROM pr_application WHERE id = $APP1")"
check_eq "one public correction event" 1 "$(sql "SELECT COUNT(*) FROM pr_event WHERE application_id = $APP1 AND kind = 'correction' AND public = 1")"
page "$A1" "/prereview/review/$APP1" "review page while paused"
check_eq "both reviews' lights are paused" 2 "$(tr -d '\n' <"$BODY" | grep -o '<light>paused</light>' | wc -l)"
page "$A1" "/prereview/desk?light=paused" "desk, paused"
expect_body_contains "the paused application is on the desk" "$SER1"

# The applicant resubmits (progress.c's part, done here by SQL): round 2,
# the pause ended, materials 1 and 3 replaced, the reviews claimed again.
sql "UPDATE pr_application SET state = 'review', round = 2, paused_at = NULL,
	resubmitted_at = '$NOW' WHERE id = $APP1;
	UPDATE pr_pause SET ended_at = '$NOW' WHERE application_id = $APP1;
	UPDATE pr_review SET state = 'claimed' WHERE application_id = $APP1 AND state = 'correction'"
upload "$APP1" "$M1" 2
upload "$APP1" "$M3" 2
page "$A1" "/prereview/review/$APP1" "review page, round 2"
expect_body_contains "the earlier uploads are in the history" "<earlier><upload>"
act "$A1" "/prereview/review/$APP1/decide" v1=accepted v2=accepted v3=accepted decision=passed
expect_status "A passes round 2" 303
check_eq "still waiting for B" review "$(appstate "$APP1")"
act "$B1" "/prereview/review/$APP1/decide" v1=accepted v2=accepted v3=accepted decision=passed
expect_status "B passes round 2" 303
check_eq "the application has passed" passed "$(appstate "$APP1")"
check_eq "one passed notice" 1 "$(outbox prereview.passed 13700000001)"
P=$(outparams prereview.passed 13700000001)
case $P in *营业执照*消防安全承诺书*) pass "the notice names the originals" ;;
*) fail "the passed notice lacks an original: $P" ;; esac
case $P in *经营场所平面图*) fail "the passed notice names a copy-only material: $P" ;;
*) pass "a copy-only material is not asked for" ;; esac
case $P in *3号窗口*) pass "the notice names the window" ;; *) fail "no window: $P" ;; esac
check_eq "round 2's verdicts (both departments') are on the new uploads" 4 "$(sql "SELECT COUNT(*) FROM pr_verdict v JOIN pr_upload u ON u.id = v.upload_id WHERE u.application_id = $APP1 AND u.round = 2 AND v.verdict = 'accepted'" )"

# ---------------------------------------------------------------- completion
actx "$B1" "/prereview/review/$APP1/complete"
expect_status "the fire brigade may not complete another's item" 422
check_eq "still passed" passed "$(appstate "$APP1")"
page "$A1" /prereview/desk "desk with a passed application"
expect_body_contains "the passed application waits for completion" "<to-complete><application><id>$APP1</id>"
act "$A1" "/prereview/review/$APP1/complete"
expect_status "A completes" 303
check_eq "completed" completed "$(appstate "$APP1")"
check_eq "completed by A1" "$A1_ID" "$(sql "SELECT completed_by FROM pr_application WHERE id = $APP1")"
P=$(outparams prereview.completed 13700000001)
case $P in *食品经营许可证*3号窗口*) pass "the pick-up notice names the licence and window" ;;
*) fail "pick-up notice: $P" ;; esac

# ---------------------------------------------------------------- rejection
# This applicant gave a landline and an e-mail address: no SMS, an e-mail.
sql "UPDATE pr_application SET phone = '028-85551234', email = 'wang@example.com' WHERE id = $APP2"
act "$A1" "/prereview/review/$APP2/claim"
act "$B1" "/prereview/review/$APP2/claim"
actx "$A1" "/prereview/review/$APP2/decide" v1=accepted v2=accepted v3=accepted \
	decision=rejected
expect_status "a rejection without its reason is refused" 422
expect_body_contains "beside the reason" 'field="reason"'
REASON='申请经营范围不属于本县食品经营许可范围'
# Typed on two lines: the message's parameter takes it on one.
REASON2="$REASON
请改为申请其他许可"
act "$A1" "/prereview/review/$APP2/decide" v1=accepted v2=accepted v3=accepted \
	decision=rejected "reason=$REASON2"
expect_status "A rejects (a reason on two lines)" 303
check_eq "waits for B" review "$(appstate "$APP2")"
act "$B1" "/prereview/review/$APP2/decide" v1=accepted v2=accepted v3=accepted decision=passed
check_eq "the application is rejected" rejected "$(appstate "$APP2")"
check_eq "the reason is stored" 1 "$(sql "SELECT reject_reason LIKE '%$REASON%' FROM pr_application WHERE id = $APP2")"
check_eq "one rejection notice, by e-mail" 1 "$(outbox prereview.rejected wang@example.com)"
check_eq "no SMS to a landline" 0 "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE recipient = '028-85551234'")"
case $(outparams prereview.rejected wang@example.com) in *"$REASON"*请改为申请其他许可*)
	pass "the notice has the whole reason (both lines)" ;;
*) fail "the rejection's reason: $(outparams prereview.rejected wang@example.com)" ;; esac
check_eq "no passed notice" 0 "$(outbox prereview.passed wang@example.com)"

# ---------------------------------------------------------------- extensions
DUE_A=$(sql "SELECT due_at FROM pr_review WHERE application_id = $APP3 AND department_id = $DA")
DUE_B=$(sql "SELECT due_at FROM pr_review WHERE application_id = $APP3 AND department_id = $DB")
act "$B1" "/prereview/review/$APP3/extension" days=2 'ext_reason=需现场核查消防设施'
expect_status "B asks for 2 more days" 303
act "$OFFICE" "/prereview/review/$APP3/extension/decide" "department=$DB" ext_decision=refuse
expect_status "the office refuses" 303
check_eq "refused: B's due time stays" "refused $DUE_B" "$(sql "SELECT ext_state, due_at FROM pr_review WHERE application_id = $APP3 AND department_id = $DB" | tr '\t' ' ')"
act "$A1" "/prereview/review/$APP3/extension" days=3 'ext_reason=需调取企业登记档案'
expect_status "A asks for 3 more days" 303
check_eq "asked" asked "$(sql "SELECT ext_state FROM pr_review WHERE application_id = $APP3 AND department_id = $DA")"
actx "$A1" "/prereview/review/$APP3/extension" days=3 'ext_reason=再次申请延期'
expect_status "asking twice is refused" 422
act "$OFFICE" "/prereview/review/$APP3/extension/decide" "department=$DA" ext_decision=approve
expect_status "the office approves" 303
WANT=$(due_after 2026-10-09 8)
check_eq "approved: A's due time is 3 working days later" "approved 3 $WANT" "$(sql "SELECT ext_state, extension_days, due_at FROM pr_review WHERE application_id = $APP3 AND department_id = $DA" | tr '\t' ' ')"
[ "$DUE_A" != "$WANT" ] && pass "the due time moved" || fail "the due time did not move"
check_eq "B's due time unchanged by A's extension" "$DUE_B" "$(sql "SELECT due_at FROM pr_review WHERE application_id = $APP3 AND department_id = $DB")"
check_eq "two audit entries of extension decisions" 2 "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'prereview.extension.decide'" 2>/dev/null || echo 0)"

# ---------------------------------------------------------------- the office acts for a department
# The health bureau's clerk is away: the office claims and passes its
# review; the bureau completes its own item.
act "$OFFICE" "/prereview/review/$APP6/claim" "department=$DC"
expect_status "the office claims for the health bureau" 303
actx "$OFFICE" "/prereview/review/$APP6/decide?department=$DC" "department=$DC" decision=passed
expect_status "the office's decision without a verdict is refused" 422
check "it comes back on the health bureau's page" grep -q "<acting [^>]*department=\"$DC\"" "$BODY"
valid "the office's refused decision: valid"
html "$OFFICE" "/prereview/review/$APP6?department=$DC" "the office acting for the health bureau"
expect_body_contains "its decide form keeps the department in its address" "/review/$APP6/decide?department=$DC"
act "$OFFICE" "/prereview/review/$APP6/decide" "department=$DC" v1=accepted decision=passed
expect_status "the office decides for it" 303
check_eq "the single review settles: passed" passed "$(appstate "$APP6")"
P=$(outparams prereview.passed 13700000006)
case $P in *卫生管理制度*) fail "a copy-only material named as an original: $P" ;;
"") fail "no passed notice" ;; *) pass "the passed notice, without originals to bring" ;; esac
act "$C1" "/prereview/review/$APP6/complete"
expect_status "the health bureau completes its own item" 303
check_eq "completed" completed "$(appstate "$APP6")"
html "$OFFICE" "/prereview/review/$APP6" "the office's view of a completed application"
expect_body_contains "the history shows the decision in words" "：通过"

# ---------------------------------------------------------------- the board
# A paused application (A asked for corrections, B passed), by SQL.
APP5=$(mkapp 5 '2026-10-09 10:30:00' 13700000005)
sql "UPDATE pr_application SET state = 'correction', paused_at = '$NOW' WHERE id = $APP5;
	INSERT INTO pr_pause (application_id, started_at) VALUES ($APP5, '$NOW');
	UPDATE pr_review SET state = 'correction' WHERE application_id = $APP5 AND department_id = $DA;
	UPDATE pr_review SET state = 'passed' WHERE application_id = $APP5 AND department_id = $DB"
page "$SUP" /prereview/board "the board"
html "$SUP" /prereview/board "the board"
http GET "/prereview/board?format=xml" -b "$SUP"
# Counted here: open reviews of open applications, by the same rule.
count() {
	sql "SELECT COUNT(*) FROM pr_review rv JOIN pr_application a ON a.id = rv.application_id
	WHERE rv.department_id = $1 AND a.state IN ('review', 'correction') AND (rv.state IN
	('waiting', 'claimed') OR (rv.state = 'correction' AND a.paused_at IS NOT NULL)) AND $2"
}
for d in "$DA" "$DB" "$DC"; do
	want="$(count "$d" "a.paused_at IS NULL AND rv.due_at >= '$NOW' AND rv.warn_at > '$NOW'") $(count "$d" "a.paused_at IS NULL AND rv.due_at >= '$NOW' AND rv.warn_at <= '$NOW'") $(count "$d" "a.paused_at IS NULL AND rv.due_at < '$NOW'") $(count "$d" "a.paused_at IS NOT NULL")"
	got=$(tr -d '\n' <"$BODY" | grep -o "<counts>.*</counts>" | grep -o "<department><id>$d</id>[^/]*</name><green>[0-9]*</green><yellow>[0-9]*</yellow><red>[0-9]*</red><paused>[0-9]*</paused>" | sed 's:.*<green>\([0-9]*\)</green><yellow>\([0-9]*\)</yellow><red>\([0-9]*\)</red><paused>\([0-9]*\)</paused>:\1 \2 \3 \4:')
	# A department with no open review has no row.
	[ -n "$got" ] || ! tr -d '\n' <"$BODY" | grep -o "<counts>.*</counts>" |
		grep -q "<department><id>$d</id>" || got=unreadable
	[ -n "$got" ] || got="0 0 0 0"
	check_eq "board counts of department $d (green yellow red paused)" "$want" "$got"
done
check_eq "A has a red, a paused" "1 1" "$(count "$DA" "a.paused_at IS NULL AND rv.due_at < '$NOW'") $(count "$DA" "a.paused_at IS NOT NULL")"
FIRST=$(tr -d '\n' <"$BODY" | grep -o '<cases><case>.*' | grep -o '<serial>[^<]*</serial>' | head -n 1 | sed 's:<[^>]*>::g')
check_eq "the overdue case comes first" "$SER4" "$FIRST"
page "$SUP" "/prereview/board?light=red" "the board, red"
check_eq "only red cases" 0 "$(tr -d '\n' <"$BODY" | grep -o '<cases>.*</cases>' | grep -o '<light>[a-z]*</light>' | grep -vc '<light>red</light>')"
page "$OFFICE" "/prereview/board?department=$DB" "the board, one department"
check_eq "only B's cases" 0 "$(tr -d '\n' <"$BODY" | grep -o '<cases>.*</cases>' | grep -o '<department_id>[0-9]*</department_id>' | grep -vc ">$DB<")"
page "$OFFICE" "/prereview/desk?department=$DB" "the office's desk, one department"
check_eq "office desk filter: B's only" 0 "$(tr -d '\n' <"$BODY" | grep -o '<reviews>.*</reviews>' | grep -o '<department_id>[0-9]*</department_id>' | grep -vc ">$DB<")"
html "$OFFICE" /prereview/desk "the office's desk"

# ---------------------------------------------------------------- urge
act "$SUP" "/prereview/review/$APP4/urge" "department=$DB"
expect_status "the supervisor urges B about application 4" 303
check_eq "an urged event, not public" "1 0" "$(sql "SELECT COUNT(*), MAX(public) FROM pr_event WHERE application_id = $APP4 AND kind = 'urged' AND department_id = $DB" | tr '\t' ' ')"
check_eq "an SMS to B's clerk" 1 "$(outbox prereview.urged 13900006004)"
check_eq "none to A's clerk" 0 "$(outbox prereview.urged 13900006002)"
actx "$SUP" "/prereview/review/$APP4/urge" "department=$DB"
expect_status "a second urge the same day is refused" 422
valid "refused urge: valid"
check_eq "still one SMS" 1 "$(outbox prereview.urged 13900006004)"

# ---------------------------------------------------------------- concurrent decisions
# Both departments decide at the same moment, three times over: the
# application settles once each time (one notice, one pause).
for n in 7 8 9; do
	id=$(mkapp "$n" '2026-10-09 10:00:00' "1370000000$n")
	sql "UPDATE pr_review SET state = 'claimed', clerk_id = $A1_ID WHERE application_id = $id AND department_id = $DA;
	UPDATE pr_review SET state = 'claimed', clerk_id = $B1_ID WHERE application_id = $id AND department_id = $DB"
	form_of "$A1" "/prereview/review/$id/decide"
	CA=$CSRF IA=$IDEM
	form_of "$B1" "/prereview/review/$id/decide"
	CB=$CSRF IB=$IDEM
	# A session here holds the application's row for a moment, so that
	# both decisions are under way before either can go on: they meet
	# at that row, whatever the order they arrive in.
	sql "START TRANSACTION; SELECT id FROM pr_application WHERE id = $id FOR UPDATE;
		SELECT SLEEP(1.5); COMMIT" >/dev/null &
	PL=$!
	sleep 0.3
	"$CURL" -sS -o "$W/ca.body" -w '%{http_code}' -b "$A1" --data-urlencode "csrf=$CA" \
		--data-urlencode "idem=$IA" --data-urlencode v1=correction \
		--data-urlencode "n1=$NOTE1" --data-urlencode v2=accepted --data-urlencode v3=accepted \
		--data-urlencode decision=correction "$BASE/prereview/review/$id/decide" >"$W/ca.st" &
	PA=$!
	"$CURL" -sS -o "$W/cb.body" -w '%{http_code}' -b "$B1" --data-urlencode "csrf=$CB" \
		--data-urlencode "idem=$IB" --data-urlencode v1=accepted --data-urlencode v2=accepted \
		--data-urlencode v3=correction --data-urlencode "n3=$NOTE3" \
		--data-urlencode decision=correction "$BASE/prereview/review/$id/decide" >"$W/cb.st" &
	PB=$!
	wait "$PA" "$PB" "$PL"
	check_eq "concurrent $n: both decisions answered 303" "303 303" "$(cat "$W/ca.st") $(cat "$W/cb.st")"
	check_eq "concurrent $n: settled to correction" correction "$(appstate "$id")"
	check_eq "concurrent $n: one notice" 1 "$(outbox prereview.correction "1370000000$n")"
	check_eq "concurrent $n: one pause" 1 "$(sql "SELECT COUNT(*) FROM pr_pause WHERE application_id = $id")"
	case $(outparams prereview.correction "1370000000$n") in *"$NOTE1"*"$NOTE3"*)
		pass "concurrent $n: the notice holds both notes" ;;
	*) fail "concurrent $n: a note is missing" ;; esac
done

# ---------------------------------------------------------------- keyset paging
# 22 applications for the health bureau, due on five different days: its
# desk shows 20, then the 2 others by the pager's key, in due order.
sql "INSERT INTO pr_application (serial, query_hash, item_id, item_version, applicant_kind, name,
	id_number, phone, created_at, due_at, warn_at) SELECT CONCAT('YS20261010-', LPAD(seq + 100, 4,
	'0')), UNHEX(SHA2(CONCAT('p', seq), 256)), $ITEM2, 1, 'person', '张三', '510124199001011234',
	CONCAT('1380000', LPAD(seq, 4, '0')), '2026-10-10 09:00:00', '2026-10-23 23:59:59',
	'2026-10-22 23:59:59' FROM seq_1_to_22;
	INSERT INTO pr_review (application_id, department_id, days, due_at, warn_at)
	SELECT id, $DC, 5, '2026-10-16 23:59:59' + INTERVAL (id MOD 5) DAY,
	'2026-10-15 23:59:59' + INTERVAL (id MOD 5) DAY FROM pr_application
	WHERE serial LIKE 'YS20261010-%'"
page "$C1" /prereview/desk "the health bureau's desk, page 1"
P1=$(tr -d '\n' <"$BODY" | grep -o '<serial>[^<]*</serial>' | sed 's:<[^>]*>::g')
D1=$(tr -d '\n' <"$BODY" | grep -o '<due>[^<]*</due>' | sed 's:<[^>]*>::g')
NEXT=$(tr -d '\n' <"$BODY" | sed -n 's:.*<pager [^>]*next="\([0-9]*\)".*:\1:p')
check_eq "page 1 has 20 rows" 20 "$(printf '%s\n' "$P1" | grep -c .)"
check "page 1 has a next key" test -n "$NEXT"
page "$C1" "/prereview/desk?after=$NEXT" "the health bureau's desk, page 2"
P2=$(tr -d '\n' <"$BODY" | grep -o '<serial>[^<]*</serial>' | sed 's:<[^>]*>::g')
D2=$(tr -d '\n' <"$BODY" | grep -o '<due>[^<]*</due>' | sed 's:<[^>]*>::g')
check_eq "page 2 has the 2 others" 2 "$(printf '%s\n' "$P2" | grep -c .)"
check_eq "page 2 is the last" "" "$(tr -d '\n' <"$BODY" | sed -n 's:.*<pager [^>]*next="\([0-9]*\)".*:\1:p')"
check_eq "22 different applications" 22 "$(printf '%s\n%s\n' "$P1" "$P2" | sort -u | grep -c .)"
check_eq "in due order across the pages" "$(printf '%s\n%s\n' "$D1" "$D2" | sort)" "$(printf '%s\n%s\n' "$D1" "$D2")"

# ---------------------------------------------------------------- no 5xx
check "the access log has the suite's answers" test "$(grep -Ec '" (200|303) ' "$CIVIC_T/nginx/logs/access.log")" -gt 50
if grep -Eq '" 5[0-9][0-9] ' "$CIVIC_T/nginx/logs/access.log" 2>/dev/null; then
	fail "a 5xx was answered: $(grep -E '" 5[0-9][0-9] ' "$CIVIC_T/nginx/logs/access.log" | head -n 3)"
else
	pass "no 5xx in the access log"
fi

finish
