#!/bin/bash
# prereview-items.sh: the staff's editing of service items and their
# versions (modules/prereview/items.c, itemio.c) and `civicctl
# import-items` (tools/ctl_items.c), through nginx: the office creates an
# item (with a blank form) and edits it twice, and the versions page shows
# the three versions with who changed what; version 1 shown again; an
# edit on a stale version refused and nothing lost; promised > legal days
# refused beside the field with the text kept; a bad code, a conditional
# material naming no choice refused; materials updated in place (ids
# kept), one an application used can't be removed; a clerk sees only
# their department's items, gets 404 for another's, can't create one for
# another department; a POST without its CSRF token changes nothing; the
# import of a good CSV, of one with two bad rows (both lines reported,
# nothing imported), and a re-import (a new version, by the import);
# every page against the schema.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
W=$CIVIC_T/work
CTL() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }

awk '
	/^\[/ { s = $0; gsub(/[][ \t]/, "", s) }
	s == "prereview" && /^now *=/ { print "now = 2026-12-07 10:00:00"; next }
	{ print }
' "$CIVIC_T/civic.conf" >"$W/conf" && cat "$W/conf" >"$CIVIC_T/civic.conf"
sed -i 's/^min_fill_seconds *=.*/min_fill_seconds = 0/' "$CIVIC_T/civic.conf"
civic_program_start prereview --workers 1
civic_program_start account --workers 1

PW='items editing 2026'
adduser() { civic_add_staff "$PW" "$@"; }
adduser 60000001 事项管理员 zwb 县政务服务管理局 office
adduser 60000002 市监窗口 shichang 县市场监督管理局 clerk
adduser 60000003 卫健窗口 weijian 县卫生健康局 clerk
adduser 60000004 民政窗口 minzheng 县民政局 clerk
SHICHANG=$(sql "SELECT id FROM department WHERE code = 'shichang'")
WEIJIAN=$(sql "SELECT id FROM department WHERE code = 'weijian'")

OFFICE=$W/office.jar CLERK=$W/clerk.jar PUBLIC=$W/public.jar
signin "$OFFICE" 60000001 "$PW"
expect_status "the office signs in" 303
signin "$CLERK" 60000002 "$PW"
expect_status "a clerk signs in" 303

# post JAR PATH FIELD=VALUE...: the form's keys from PATH's page, then the
# POST (urlencoded), the answer as XML.
post() {
	local jar=$1 path=$2 kv args=()
	shift 2
	form_of "$jar" "$path"
	for kv in "csrf=$CSRF" "idem=$IDEM" "$@"; do
		args+=(--data-urlencode "$kv")
	done
	http POST "$path" -b "$jar" -c "$jar" -H 'Accept: application/xml' "${args[@]}"
}
items() { sql "SELECT COUNT(*) FROM pr_item"; }

# The item's form as the office fills it in, with what changes given after.
CODE=510124000000-XK-0001
ITEM=(code=$CODE 'name=食品经营许可' 'kind=行政许可' department=$SHICHANG audience=enterprise
	legal_days=20 promised_days=10 visits=1 online=1 active=1 'fees=不收费'
	'conditions=有与经营的食品品种、数量相适应的经营场所' phone=028-87654321
	'f1_label=是否连锁经营' f1_kind=choice 'f1_choices=是|否' f1_required=1 f1_max_len=10
	'm1_name=营业执照' m1_form=copy m1_copies=1 m1_need=required
	'm2_name=连锁总部授权书' m2_form=original m2_copies=1 m2_need=conditional
	'm2_cond=连锁经营的提交' m2_cond_field=1 'm2_cond_value=是')

# ---------------------------------------------------------------- the office
view "the office's item list (empty)" "$OFFICE" /prereview/staff/items
view "the new item form" "$OFFICE" /prereview/staff/items/new
expect_body_contains "… lists the departments" '县卫生健康局'
http GET /prereview/staff/items/new -b "$OFFICE"
expect_status "… as HTML" 200
expect_body_contains "… with ten materials' fields" 'name="m10_name"'
expect_body_contains "… labelled" '<label for="f-m10_name">'
expect_body_contains "… in a multipart form" 'enctype="multipart/form-data"'
http GET /prereview/staff/items/new -b "$PUBLIC"
expect_status "the public is sent to sign in" 303

post "$OFFICE" /prereview/staff/items/new "${ITEM[@]/#promised_days=10/promised_days=25}"
expect_status "promised days over the legal days are refused" 422
expect_body_contains "… beside the field" 'field="promised_days" key="prereview.items.promised"'
expect_body_contains "… the text kept" '有与经营的食品品种、数量相适应的经营场所'
valid "the refused item form"
form_of "$OFFICE" /prereview/staff/items/new
args=(--data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM")
for kv in "${ITEM[@]/#promised_days=10/promised_days=25}"; do args+=(--data-urlencode "$kv"); done
http POST /prereview/staff/items/new -b "$OFFICE" -c "$OFFICE" "${args[@]}"
expect_status "… as HTML too (422)" 422
expect_body_contains "… the error tied to its field" 'aria-describedby="f-promised_days-hint f-promised_days-error"'
expect_body_contains "… in words" '承诺时限不得超过法定时限。'
post "$OFFICE" /prereview/staff/items/new "${ITEM[@]/#code=$CODE/code=510124-XK-1}"
expect_status "a bad code is refused" 422
expect_body_contains "… beside the code" 'field="code"'
post "$OFFICE" /prereview/staff/items/new "${ITEM[@]/#m2_cond_value=是/m2_cond_value=也许}"
expect_status "a condition's value that is no choice is refused" 422
expect_body_contains "… beside it" 'field="m2_cond_value" key="prereview.items.cond.value"'
post "$OFFICE" /prereview/staff/items/new "${ITEM[@]}" d1_department=$WEIJIAN d1_days=5
expect_status "reviewers without the item's own department are refused" 422
expect_body_contains "… with its message" 'prereview.items.reviewer.own'
post "$OFFICE" /prereview/staff/items/new "${ITEM[@]/#department=$SHICHANG/department=999999}"
expect_status "a department that is not there is refused (not a 5xx)" 422
expect_body_contains "… beside it" 'field="department" key="prereview.items.ref"'
post "$OFFICE" /prereview/staff/items/new "${ITEM[@]}" theme=999999
expect_status "… and a theme that is not there" 422
check_eq "… and nothing was stored" 0 "$(items)"

# The first save, with a blank form (multipart, as a browser sends it).
printf '%%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%%%EOF\n' >"$W/blank.pdf"
form_of "$OFFICE" /prereview/staff/items/new
args=(-F "csrf=$CSRF" -F "idem=$IDEM" -F "m1_file=@$W/blank.pdf;type=application/pdf")
for kv in "${ITEM[@]}"; do args+=(-F "$kv"); done
http POST /prereview/staff/items/new -b "$OFFICE" -c "$OFFICE" "${args[@]}"
expect_status "the office creates an item (303)" 303
ID=$(sql "SELECT id FROM pr_item WHERE code = '$CODE'")
expect_header "… and goes to its form" Location "^/prereview/staff/item/$ID\\?done=saved\$"
check_eq "… version 1" 1 "$(sql "SELECT version FROM pr_item WHERE id = '$ID'")"
check_eq "… its own department reviews, in the promised days" "$SHICHANG 10" \
	"$(sql "SELECT CONCAT(department_id, ' ', days) FROM pr_item_department WHERE item_id = '$ID'")"
check_eq "… one extra field, two materials" "1 2" \
	"$(sql "SELECT CONCAT((SELECT COUNT(*) FROM pr_field WHERE item_id = '$ID'), ' ', (SELECT COUNT(*) FROM pr_material WHERE item_id = '$ID'))")"
check_eq "… the conditional material names field 1 and 是" "conditional 1 是" \
	"$(sql "SELECT CONCAT(need, ' ', cond_field, ' ', cond_value) FROM pr_material WHERE item_id = '$ID' AND seq = 2")"
check_eq "… the blank form stored" 1 \
	"$(sql "SELECT COUNT(*) FROM pr_material m JOIN stored_file f ON f.id = m.template_file WHERE m.item_id = '$ID' AND m.seq = 1")"
check_eq "… a version row by the office" "1 created" \
	"$(sql "SELECT CONCAT(v.version, ' ', v.summary) FROM pr_item_version v JOIN staff s ON s.id = v.staff_id WHERE v.item_id = '$ID' AND s.staff_no = '60000001'")"
check "… indexed for the guide's search" test "$(sql "SELECT COUNT(*) FROM pr_item_gram WHERE item_id = '$ID'")" -gt 0
check_eq "… audited" 1 "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'prereview.item.create' AND object_id = '$ID'")"
M1=$(sql "SELECT id FROM pr_material WHERE item_id = '$ID' AND seq = 1")

view "the item's form" "$OFFICE" "/prereview/staff/item/$ID?done=saved"
expect_body_contains "… says it was saved" 'prereview.items.saved'
expect_body_contains "… filled in" '<value name="m2_cond_value">是</value>'
expect_body_contains "… with its version" '<value name="version">1</value>'
expect_body_contains "… and its blank form" '<blank>'

post "$OFFICE" "/prereview/staff/item/$ID" version=1 "${ITEM[@]/#promised_days=10/promised_days=8}"
expect_status "the first edit (303)" 303
EDIT=("${ITEM[@]/#promised_days=10/promised_days=8}")
CUR=("${EDIT[@]/#name=*/name=食品经营许可（含网络经营）}")
post "$OFFICE" "/prereview/staff/item/$ID" version=2 "${CUR[@]}" \
	'm3_name=食品安全管理制度' m3_form=copy m3_copies=1 m3_need=optional
expect_status "the second edit (303)" 303
check_eq "… version 3" 3 "$(sql "SELECT version FROM pr_item WHERE id = '$ID'")"
check_eq "… three version rows" 3 "$(sql "SELECT COUNT(*) FROM pr_item_version WHERE item_id = '$ID'")"
# The own department's days follow the promised days when no reviewer is named.
check_eq "… what the first changed" 'promised_days, departments' \
	"$(sql "SELECT summary FROM pr_item_version WHERE item_id = '$ID' AND version = 2")"
check_eq "… what the second changed" 'name, materials' \
	"$(sql "SELECT summary FROM pr_item_version WHERE item_id = '$ID' AND version = 3")"
check_eq "… the materials updated in place" "$M1" \
	"$(sql "SELECT id FROM pr_material WHERE item_id = '$ID' AND seq = 1")"
check_eq "… the blank form kept" 1 \
	"$(sql "SELECT COUNT(*) FROM pr_material WHERE item_id = '$ID' AND seq = 1 AND template_file IS NOT NULL")"

view "the versions page" "$OFFICE" "/prereview/staff/item/$ID/versions"
check_eq "… three versions" 3 "$(grep -o '<version><version>' "$BODY" | wc -l)"
check_eq "… each by the office" 3 "$(grep -o '<staff_no>60000001</staff_no>' "$BODY" | wc -l)"
expect_body_contains "… with what changed" '<summary>name, materials</summary>'
expect_body_contains "… and when" '<changed_at>2026-12-07 10:00:00</changed_at>'
http GET "/prereview/staff/item/$ID/versions" -b "$OFFICE"
expect_status "… as HTML" 200
expect_body_contains "… naming who" '事项管理员'
view "version 1" "$OFFICE" "/prereview/staff/item/$ID/version/1"
expect_body_contains "… as it was" '<promised_days>10</promised_days>'
check_eq "… before the edits" '<name>食品经营许可</name>' \
	"$(tr -d '\n' <"$BODY" | sed 's/.*<snapshot>//' | grep -o '<name>[^<]*</name>' | head -n 1)"
http GET "/prereview/staff/item/$ID/version/1" -b "$OFFICE"
expect_status "… as HTML" 200
http GET "/prereview/staff/item/$ID/version/9" -b "$OFFICE"
expect_status "a version that is not there is 404" 404

# A second editor on the version the first began from.
post "$OFFICE" "/prereview/staff/item/$ID" version=2 "${ITEM[@]}"
expect_status "an edit of a stale version is refused" 422
expect_body_contains "… with the conflict message" 'prereview.items.stale'
check_eq "… nothing lost" "3 8" "$(sql "SELECT CONCAT(version, ' ', promised_days) FROM pr_item WHERE id = '$ID'")"

# An application used material 3: it can't be removed.
sql "INSERT INTO pr_application (serial, query_hash, item_id, item_version, applicant_kind, name,
	id_number, phone, created_at, due_at, warn_at) VALUES ('YS20261207-0001', REPEAT('a', 32), $ID, 3,
	'enterprise', '测试', '91510124MA0000000X', '13800000000', NOW(), NOW(), NOW());
	INSERT INTO pr_upload (application_id, material_id, round, created_at)
	SELECT LAST_INSERT_ID(), id, 1, NOW() FROM pr_material WHERE item_id = $ID AND seq = 3"
post "$OFFICE" "/prereview/staff/item/$ID" version=3 "${CUR[@]}"
expect_status "removing a material an application used is refused" 422
expect_body_contains "… beside it" 'field="m3_name" key="prereview.items.used"'
check_eq "… it is still there" 3 "$(sql "SELECT COUNT(*) FROM pr_material WHERE item_id = '$ID'")"
sql "INSERT INTO pr_value (application_id, field_id, value) SELECT a.id, f.id, '是'
	FROM pr_application a JOIN pr_field f ON f.item_id = a.item_id AND f.seq = 1 WHERE a.serial = 'YS20261207-0001'"
NOF1=(); for kv in "${CUR[@]}"; do case $kv in f1_* | m2_*) ;; *) NOF1+=("$kv") ;; esac; done
post "$OFFICE" "/prereview/staff/item/$ID" version=3 "${NOF1[@]}" 'm3_name=食品安全管理制度' m3_form=copy \
	m3_copies=1 m3_need=optional
expect_status "removing an extra field an application answered is refused" 422
expect_body_contains "… beside it" 'field="f1_label" key="prereview.items.used"'
check_eq "… still version 3" 3 "$(sql "SELECT version FROM pr_item WHERE id = '$ID'")"

# CSRF: no token, no change.
form_of "$OFFICE" "/prereview/staff/item/$ID"
args=(--data-urlencode "idem=$IDEM" --data-urlencode version=3)
for kv in "${ITEM[@]}"; do args+=(--data-urlencode "$kv"); done
http POST "/prereview/staff/item/$ID" -b "$OFFICE" -c "$OFFICE" "${args[@]}"
check "a POST without its CSRF token is refused ($STATUS)" test "$STATUS" = 403 -o "$STATUS" = 400
check_eq "… and changed nothing" 3 "$(sql "SELECT version FROM pr_item WHERE id = '$ID'")"

# ---------------------------------------------------------------- a clerk
post "$OFFICE" /prereview/staff/items/new code=510124000000-XK-0002 'name=公共场所卫生许可' \
	'kind=行政许可' department=$WEIJIAN audience=enterprise legal_days=20 promised_days=15 visits=1 \
	'm1_name=卫生许可申请书' m1_form=original m1_copies=1 m1_need=required
expect_status "the office creates another department's item" 303
OTHER=$(sql "SELECT id FROM pr_item WHERE code = '510124000000-XK-0002'")
post "$OFFICE" "/prereview/staff/item/$OTHER" version=1 code=$CODE 'name=公共场所卫生许可' \
	'kind=行政许可' department=$WEIJIAN audience=enterprise legal_days=20 promised_days=15 visits=1 \
	'm1_name=卫生许可申请书' m1_form=original m1_copies=1 m1_need=required
expect_status "another item's code is refused" 422
expect_body_contains "… beside the code" 'field="code" key="prereview.items.code.taken"'
http GET "/prereview/staff/item/$OTHER" -b "$OFFICE"
expect_status "an item's form as HTML" 200
expect_body_contains "… the version edited in the form" 'name="version" value="1"'
expect_body_contains "… its material filled in" 'value="卫生许可申请书"'
expect_body_lacks "… every word translated" 'prereview.items.'
http GET "/prereview/staff/item/$OTHER?lang=en" -b "$OFFICE"
expect_body_contains "… in English too" 'Promised limit (working days)'
expect_body_lacks "… every word" 'prereview.items.'
for path in /prereview/staff/items "/prereview/staff/item/$ID/versions" "/prereview/staff/item/$ID/version/2"; do
	http GET "$path" -b "$OFFICE"
	expect_status "$path as HTML" 200
	expect_body_lacks "… every word translated" 'prereview.items.'
done
view "a clerk's item list" "$CLERK" /prereview/staff/items
expect_body_contains "… has their department's item" "$CODE"
expect_body_lacks "… and not another's" '510124000000-XK-0002'
view "the clerk's new item form" "$CLERK" /prereview/staff/items/new
expect_body_lacks "… offers only their department" "<id>$WEIJIAN</id><name>县卫生健康局</name></department></owners>"
http GET "/prereview/staff/item/$OTHER?format=xml" -b "$CLERK"
expect_status "another department's item is 404 to a clerk" 404
http GET "/prereview/staff/item/$OTHER/versions" -b "$CLERK"
expect_status "… and its versions" 404
view "their own item's form" "$CLERK" "/prereview/staff/item/$ID"
post "$CLERK" /prereview/staff/items/new code=510124000000-XK-0003 'name=医疗机构执业登记' \
	'kind=行政许可' department=$WEIJIAN audience=enterprise legal_days=20 promised_days=15 visits=1
expect_status "a clerk can't create an item for another department" 422
expect_body_contains "… beside the department" 'field="department" key="prereview.items.department.own"'
check_eq "… nothing stored" 2 "$(items)"
post "$CLERK" "/prereview/staff/item/$ID" version=3 "${ITEM[@]/#department=$SHICHANG/department=$WEIJIAN}" \
	'm3_name=食品安全管理制度' m3_form=copy m3_copies=1 m3_need=optional
expect_status "… nor move one there" 422
post "$CLERK" "/prereview/staff/item/$ID" version=3 "${CUR[@]/#fees=不收费/fees=免费}" \
	'm3_name=食品安全管理制度' m3_form=copy m3_copies=1 m3_need=optional
expect_status "a clerk edits their department's item" 303
# A clerk who is also a supervisor sees every department (the route's
# scope lets them past) but edits only their own department's items.
adduser 60000005 市监督查 shichang '' clerk,supervisor
SUPCLERK=$W/supclerk.jar
signin "$SUPCLERK" 60000005 "$PW"
post "$SUPCLERK" "/prereview/staff/item/$OTHER" version=1 code=510124000000-XK-0002 \
	'name=改名试探' 'kind=行政许可' department=$SHICHANG audience=enterprise legal_days=20 \
	promised_days=15 visits=1
expect_status "a clerk who is also a supervisor can't edit another department's item (404)" 404
check_eq "… it is unchanged" 0 "$(sql "SELECT COUNT(*) FROM pr_item WHERE name = '改名试探'")"
check_eq "… version 4, by the clerk" "4 60000002 fees" \
	"$(sql "SELECT CONCAT(v.version, ' ', s.staff_no, ' ', v.summary) FROM pr_item_version v JOIN staff s ON s.id = v.staff_id WHERE v.item_id = '$ID' ORDER BY v.version DESC LIMIT 1")"

# ---------------------------------------------------------------- import
CTL import-items "$top_srcdir/examples/items-sample.csv" >"$W/import.out" 2>"$W/import.err"
check_eq "the sample CSV imports" 0 "$?"
check_eq "… three items more" 5 "$(items)"
expect_out() { if grep -qF -- "$2" "$3"; then pass "$1"; else fail "$1: $(head -c 400 "$3")"; fi; }
expect_out "… says so" '3 items: 3 new, 0 updated' "$W/import.out"
check_eq "… the sub-item under its major item" 510124000000-XK-0101 \
	"$(sql "SELECT p.code FROM pr_item i JOIN pr_item p ON p.id = i.parent_id WHERE i.code = '510124000000-XK-0102'")"
check_eq "… the multi-line conditions kept" 1 \
	"$(sql "SELECT LOCATE(CHAR(10), conditions) > 0 FROM pr_item WHERE code = '510124000000-XK-0101'")"
check_eq "… its materials" 2 "$(sql "SELECT COUNT(*) FROM pr_material m JOIN pr_item i ON i.id = m.item_id WHERE i.code = '510124000000-XK-0101'")"
check_eq "… versions by no one (the import)" 3 \
	"$(sql "SELECT COUNT(*) FROM pr_item_version WHERE staff_id IS NULL")"

BEFORE=$(sql "SELECT CONCAT((SELECT COUNT(*) FROM pr_item), ' ', (SELECT COUNT(*) FROM pr_material), ' ', (SELECT COUNT(*) FROM pr_item_version))")
{
	head -n 1 "$top_srcdir/examples/items-sample.csv"
	printf '510124000000-XK-0301,,好行,行政许可,shichang,enterprise,,,,,10,5,,,,,1,0,,,1,,,,,,,材料,copy,1,required,,,,,,,,\n'
	printf '510124000000-XK-0302,,承诺超时,行政许可,shichang,enterprise,,,,,10,15,,,,,1,0,,,1,,,,,,,材料,copy,1,required,,,,,,,,\n'
	printf '510124000000-XK-0303,,又一好行,行政许可,shichang,enterprise,,,,,10,5,,,,,1,0,,,1,,,,,,,材料,copy,1,required,,,,,,,,\n'
	printf 'XK-0304,,编码错误,行政许可,nosuch,enterprise,,,,,10,5,,,,,1,0,,,1,,,,,,,材料,copy,1,required,,,,,,,,\n'
} >"$W/bad.csv"
CTL import-items "$W/bad.csv" >"$W/bad.out" 2>"$W/bad.err"
check_eq "a CSV with two bad rows fails" 1 "$?"
expect_out "… reports line 3" "$W/bad.csv:3: promised_days" "$W/bad.err"
expect_out "… and line 5" "$W/bad.csv:5: code: the code is not like 510124000000-XK-0001" "$W/bad.err"
expect_out "… with each of its faults" "$W/bad.csv:5: department: no department with the code \"nosuch\"" "$W/bad.err"
expect_out "… says nothing was imported" 'nothing imported' "$W/bad.err"
check_eq "… and imported nothing" "$BEFORE" \
	"$(sql "SELECT CONCAT((SELECT COUNT(*) FROM pr_item), ' ', (SELECT COUNT(*) FROM pr_material), ' ', (SELECT COUNT(*) FROM pr_item_version))")"

sed 's/县政务服务中心一楼3号窗口/县政务服务中心一楼5号窗口/' "$top_srcdir/examples/items-sample.csv" >"$W/again.csv"
CTL import-items "$W/again.csv" >"$W/again.out" 2>"$W/again.err"
check_eq "a re-import succeeds" 0 "$?"
expect_out "… updating the three" '3 items: 0 new, 3 updated' "$W/again.out"
check_eq "… the changed item at version 2" "2 县政务服务中心一楼5号窗口" \
	"$(sql "SELECT CONCAT(version, ' ', pickup_window) FROM pr_item WHERE code = '510124000000-QT-0201'")"
check_eq "… what changed" pickup_window \
	"$(sql "SELECT v.summary FROM pr_item_version v JOIN pr_item i ON i.id = v.item_id WHERE i.code = '510124000000-QT-0201' AND v.version = 2")"
check_eq "… still five items" 5 "$(items)"
IMPORTED=$(sql "SELECT id FROM pr_item WHERE code = '510124000000-QT-0201'")
view "an imported item's versions" "$OFFICE" "/prereview/staff/item/$IMPORTED/versions"
expect_body_lacks "… by no staff member" '<staff_no>'
view "the office's item list" "$OFFICE" /prereview/staff/items
check_eq "… all five" 5 "$(grep -o '<item><id>' "$BODY" | wc -l)"

finish
