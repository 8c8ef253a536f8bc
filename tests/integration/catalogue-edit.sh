#!/bin/bash
# catalogue-edit.sh: the staff's entries of the disclosure catalogue
# (modules/catalogue/edit.c, entryio.c, cat_index_no_assign in
# catalogue.c), through nginx, on the fixed test catalogue
# (catalogue-fixture.sql): a clerk of 801 (区财政局) creates a draft and
# edits it (the history shows both versions and what changed, a version
# shown again), attaches a PDF and a .docx and is refused an .exe and an
# HTML file beside the field; publishes it (index number
# 008213401/2026-00004, the fixture's sequence; the search index
# written); edits it again (number unchanged, still published,
# re-indexed); withdraws it (a reason required; its grams gone) and
# publishes it again (same number).  A clerk of 802 gets 404 on 801's
# entry and can't create one for 801; the office can.  A stale edit is
# refused, the text kept; 文号 checked (〔〕, not []); a POST without its
# CSRF token changes nothing.  Twenty drafts of 801 published by twenty
# parallel clients get twenty distinct numbers of the form, 00005 ..
# 00024 of 801's 2026 sequence, and every client its 303.  A 不予公开
# entry published has its number and no grams.  Every page fetched is
# valid against the schema.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
W=$CIVIC_T/work
CTL() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }
CTL load "$top_srcdir/tests/integration/catalogue-fixture.sql" >"$W/load.log" 2>&1 ||
	die "loading the fixture failed: $(tail -n 3 "$W/load.log")"
CTL reindex catalogue >"$W/reindex.log" 2>&1 ||
	die "reindex catalogue failed: $(tail -n 3 "$W/reindex.log")"
sed -i 's/^min_fill_seconds *=.*/min_fill_seconds = 0/' "$CIVIC_T/civic.conf"
civic_program_start catalogue --workers 1
CAT_PID=$PROGRAM_PID
civic_program_start account --workers 1

PW='catalogue editing 2026'
civic_add_staff "$PW" 80100001 财政信息员 cat-finance "" clerk
civic_add_staff "$PW" 80200001 教育信息员 cat-education "" clerk
civic_add_staff "$PW" 80000001 公开办 catoffice 县政务公开办 office
CLERK=$W/clerk.jar OTHER=$W/other.jar OFFICE=$W/office.jar
signin "$CLERK" 80100001 "$PW"
expect_status "the clerk of 801 signs in" 303
signin "$OTHER" 80200001 "$PW"
expect_status "the clerk of 802 signs in" 303
signin "$OFFICE" 80000001 "$PW"
expect_status "the office signs in" 303

# post JAR FORMPATH PATH FIELD=VALUE...: urlencoded POST to PATH with the
# keys of FORMPATH's page, answered as XML.
post() {
	local jar=$1 from=$2 path=$3 kv args=()
	shift 3
	form_of "$jar" "$from"
	for kv in "csrf=$CSRF" "idem=$IDEM" "$@"; do
		args+=(--data-urlencode "$kv")
	done
	http POST "$path" -b "$jar" -c "$jar" -H 'Accept: application/xml' "${args[@]}"
}
# postf JAR FORMPATH PATH FIELD=VALUE|FIELD=@FILE...: the same as multipart.
postf() {
	local jar=$1 from=$2 path=$3 kv args=()
	shift 3
	form_of "$jar" "$from"
	for kv in "csrf=$CSRF" "idem=$IDEM" "$@"; do
		args+=(-F "$kv")
	done
	http POST "$path" -b "$jar" -c "$jar" -H 'Accept: application/xml' "${args[@]}"
}
entries() { sql "SELECT COUNT(*) FROM cat_entry"; }
col() { sql "SELECT $1 FROM cat_entry WHERE id = $2"; }
grams() { sql "SELECT COUNT(*) FROM cat_entry_gram WHERE entry_id = $1"; }

check_eq "the fixture: 15 entries" 15 "$(entries)"
check_eq "… 801's 2026 sequence is at 4" 4 \
	"$(sql "SELECT next FROM cat_index_seq WHERE body_id = 801 AND year = 2026")"

# The form as the clerk fills it in (ids of the fixture: leaf 0201, theme 0201, 通知).
ENTRY=(title=关于2026年度财政资金绩效评价的通知 body=801 written_on=2026-12-01
	category=21 theme=201 genre=8 'keywords=绩效评价 财政资金'
	summary=部署年度绩效评价工作。 'content=各单位：现就2026年度财政资金绩效评价工作通知如下。'
	disclosure=active validity=valid)

# ---------------------------------------------------------------- pages
view "the clerk's list" "$CLERK" /catalogue/staff/entries
expect_body_contains "… shows 801's draft" '政府采购意向公开（草稿）'
expect_body_lacks "… not 802's entries" '区教育局机构设置'
view "the clerk's list asking for 802's" "$CLERK" '/catalogue/staff/entries?body=802'
expect_body_lacks "… still 801's only" '区教育局'
expect_body_contains "… 801's" '区财政局'
view "the office's list" "$OFFICE" /catalogue/staff/entries
expect_body_contains "… shows 802's entries" '区教育局机构设置'
expect_body_contains "… with the bodies' filter" '<bodies>'
view "the office's list of 802's withdrawn" "$OFFICE" '/catalogue/staff/entries?state=withdrawn&body=802'
check_eq "… one entry: 10" 1 "$(tr -d '\n' <"$BODY" | grep -o '<entry><id>' | wc -l)"
expect_body_contains "… 区教育局领导分工" '区教育局领导分工'
view "the office's search by title" "$OFFICE" '/catalogue/staff/entries?q=专项资金'
check_eq "… finds 1, 2 and 3 (titles)" 3 "$(tr -d '\n' <"$BODY" | grep -o '<entry><id>' | wc -l)"
http GET '/catalogue/staff/entries?state=nonsense&after=abc&format=xml' -b "$OFFICE"
check "junk filters are no 5xx ($STATUS)" test "$STATUS" -lt 500
view "the new entry form" "$CLERK" /catalogue/staff/new
expect_body_contains "… offers leaves only (0201)" '<code>0201</code>'
expect_body_lacks "… not a node with children (02)" '<code>02</code>'
http GET /catalogue/staff/new -b "$CLERK"
expect_status "… as HTML" 200
expect_body_contains "… labelled" '<label for="f-doc_no">'
expect_body_contains "… multipart" 'enctype="multipart/form-data"'
http GET /catalogue/staff/new
expect_status "the public is sent to sign in" 303

# ---------------------------------------------------------------- refusals
post "$CLERK" /catalogue/staff/new /catalogue/staff/new "${ENTRY[@]}" 'doc_no=郫财发[2026]1号'
expect_status "a 文号 with [] is refused" 422
expect_body_contains "… beside doc_no" 'field="doc_no" key="v.docno"'
expect_body_contains "… the text kept" '各单位：现就2026年度财政资金绩效评价工作通知如下。'
valid "the refused form validates"
post "$CLERK" /catalogue/staff/new /catalogue/staff/new "${ENTRY[@]}" 'doc_no=郫财发〔2027〕1号'
expect_status "a 文号 of a year after the document's is refused" 422
expect_body_contains "… beside doc_no" 'field="doc_no" key="catalogue.edit.docno.year"'
post "$CLERK" /catalogue/staff/new /catalogue/staff/new "${ENTRY[@]/#category=21/category=2}"
expect_status "a category that is not a leaf is refused" 422
expect_body_contains "… beside it" 'field="category" key="catalogue.edit.ref"'
post "$CLERK" /catalogue/staff/new /catalogue/staff/new "${ENTRY[@]/#validity=valid/validity=repealed}"
expect_status "repealed without its replacement is refused" 422
expect_body_contains "… beside replaced_by" 'field="replaced_by" key="catalogue.edit.replaced.missing"'
post "$CLERK" /catalogue/staff/new /catalogue/staff/new "${ENTRY[@]}" interprets=008213401/2099-00001
expect_status "a link to no entry is refused" 422
expect_body_contains "… beside it" 'field="interprets" key="catalogue.edit.ref"'
post "$CLERK" /catalogue/staff/new /catalogue/staff/new "${ENTRY[@]}" related1=abc
expect_status "a link that is no index number is refused" 422
expect_body_contains "… beside it" 'field="related1" key="catalogue.edit.index.form"'
post "$CLERK" /catalogue/staff/new /catalogue/staff/new "${ENTRY[@]}" joint1=801
expect_status "the lead body as a joint one is refused" 422
expect_body_contains "… beside it" 'field="joint1" key="catalogue.edit.body.twice"'
post "$OTHER" /catalogue/staff/new /catalogue/staff/new "${ENTRY[@]}"
expect_status "the clerk of 802 can't create an entry of 801" 422
expect_body_contains "… beside body" 'field="body" key="catalogue.edit.body.own"'
form_of "$CLERK" /catalogue/staff/new
http POST /catalogue/staff/new -b "$CLERK" --data-urlencode "idem=$IDEM" \
	--data-urlencode "title=${ENTRY[0]#title=}" --data-urlencode body=801
expect_status "a POST without its CSRF token is refused" 403
check_eq "… and nothing was stored by any of these" 15 "$(entries)"

# ---------------------------------------------------------------- create, edit
post "$CLERK" /catalogue/staff/new /catalogue/staff/new "${ENTRY[@]}" 'doc_no=郫财发〔2026〕1号'
expect_status "the clerk creates a draft (文号 with 〔〕 taken)" 303
ID=$(sql "SELECT id FROM cat_entry WHERE doc_no = '郫财发〔2026〕1号'")
expect_header "… and goes to its form" Location "^/catalogue/staff/e/$ID\\?done=saved\$"
check_eq "… a draft of 801, version 1, no number" "draft 801 1 -" \
	"$(sql "SELECT CONCAT_WS(' ', state, body_id, version, COALESCE(index_no, '-')) FROM cat_entry WHERE id = $ID")"
check_eq "… no grams (a draft)" 0 "$(grams "$ID")"
check_eq "… an audit row" 1 "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'catalogue.entry.create' AND object_id = '$ID'")"
view "its form" "$CLERK" "/catalogue/staff/e/$ID?done=saved"
expect_body_contains "… with the stored title" '<value name="title">关于2026年度财政资金绩效评价的通知</value>'
expect_body_contains "… and its version" '<value name="version">1</value>'

# The edited form: a new title and summary.
EDIT=("${ENTRY[@]/#title=*/title=关于开展2026年度财政资金绩效评价的通知}")
EDIT=("${EDIT[@]/#summary=*/summary=部署年度绩效评价及结果运用。}" 'doc_no=郫财发〔2026〕1号')
post "$CLERK" "/catalogue/staff/e/$ID" "/catalogue/staff/e/$ID" "${EDIT[@]}" version=1
expect_status "the clerk edits it" 303
check_eq "… version 2" 2 "$(col version "$ID")"
# The form of version 1, saved again after version 2: stale.
post "$CLERK" "/catalogue/staff/e/$ID" "/catalogue/staff/e/$ID" "${ENTRY[@]/#title=*/title=一个过时的标题}" version=1
expect_status "an edit of version 1 (stale) is refused" 422
expect_body_contains "… with the message" 'key="catalogue.edit.stale"'
expect_body_contains "… what was typed kept" '一个过时的标题'
valid "the stale form validates"
check_eq "… nothing lost" 关于开展2026年度财政资金绩效评价的通知 "$(col title "$ID")"

view "the history" "$CLERK" "/catalogue/staff/e/$ID/history"
check_eq "… two rows" 2 "$(tr -d '\n' <"$BODY" | grep -o '<change>' | wc -l)"
expect_body_contains "… the edit's changed fields" '<summary>title, summary</summary>'
expect_body_contains "… the creation" '<summary>created</summary>'
expect_body_contains "… who" '<staff>财政信息员</staff>'
V1=$(sql "SELECT id FROM cat_entry_version WHERE entry_id = $ID AND version = 1")
view "version 1's snapshot" "$CLERK" "/catalogue/staff/e/$ID/v/$V1"
expect_body_contains "… the title as it then was" '<title>关于2026年度财政资金绩效评价的通知</title>'
http GET "/catalogue/staff/e/$ID/v/$V1" -b "$CLERK"
expect_status "… as HTML" 200
expect_body_contains "… shown as fields" '关于2026年度财政资金绩效评价的通知</dd>'
http GET "/catalogue/staff/e/$ID/v/999999?format=xml" -b "$CLERK"
expect_status "a history row that is not there: 404" 404

# ---------------------------------------------------------------- attachments
printf '%%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%%%EOF\n' >"$W/plan.pdf"
python3 - "$W/plan.docx" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>plan</w:t></w:r></w:p></w:body></w:document>')
EOF
printf 'MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff' >"$W/tool.exe"
printf '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>' >"$W/page.html"
postf "$CLERK" "/catalogue/staff/e/$ID" "/catalogue/staff/e/$ID" "${EDIT[@]}" version=2 "a1=@$W/tool.exe"
expect_status "an .exe attachment is refused" 422
expect_body_contains "… beside its field" 'field="a1" key="v.doctype"'
expect_body_contains "… the text kept" '部署年度绩效评价及结果运用。'
valid "the refused upload validates"
postf "$CLERK" "/catalogue/staff/e/$ID" "/catalogue/staff/e/$ID" "${EDIT[@]}" version=2 "a2=@$W/page.html;type=application/pdf"
expect_status "an HTML file (claimed a PDF) is refused" 422
expect_body_contains "… beside its field" 'field="a2" key="v.doctype"'
check_eq "… no attachment stored" 0 "$(sql "SELECT COUNT(*) FROM cat_attachment WHERE entry_id = $ID")"
postf "$CLERK" "/catalogue/staff/e/$ID" "/catalogue/staff/e/$ID" "${EDIT[@]}" version=2 \
	"a1=@$W/plan.pdf;type=application/pdf" "a1_title=评价方案" "a2=@$W/plan.docx"
expect_status "a PDF and a .docx are attached" 303
check_eq "… two attachments, typed by content" "application/pdf application/vnd.openxmlformats-officedocument.wordprocessingml.document" \
	"$(sql "SELECT GROUP_CONCAT(f.type ORDER BY a.sort SEPARATOR ' ') FROM cat_attachment a JOIN stored_file f ON f.id = a.file_id WHERE a.entry_id = $ID")"
check_eq "… version 3, its summary says attachments" "3 attachments" \
	"$(sql "SELECT CONCAT(version, ' ', summary) FROM cat_entry_version WHERE entry_id = $ID ORDER BY id DESC LIMIT 1")"
view "the form with its attachments" "$CLERK" "/catalogue/staff/e/$ID"
expect_body_contains "… the PDF's title" '<title>评价方案</title>'
A1=$(sql "SELECT a.id FROM cat_attachment a JOIN stored_file f ON f.id = a.file_id WHERE a.entry_id = $ID AND f.type = 'application/pdf'")
http GET "/catalogue/staff/e/$ID/a/$A1" -b "$CLERK"
expect_status "the staff download an attachment" 200
expect_header "… as the PDF" Content-Type '^application/pdf'
http GET "/catalogue/staff/e/$ID/a/$A1" -b "$OTHER"
expect_status "… not another body's clerk" 404
A2=$(sql "SELECT id FROM cat_attachment WHERE entry_id = $ID AND id <> $A1")
post "$CLERK" "/catalogue/staff/e/$ID" "/catalogue/staff/e/$ID" "${EDIT[@]}" version=3 remove2="$A2" remove3=999999
expect_status "the .docx is removed by its box (an id not of this entry: nothing)" 303
check_eq "… the PDF left" "$A1" "$(sql "SELECT GROUP_CONCAT(id) FROM cat_attachment WHERE entry_id = $ID")"
check_eq "… version 4 says attachments" "4 attachments" \
	"$(sql "SELECT CONCAT(version, ' ', summary) FROM cat_entry_version WHERE entry_id = $ID ORDER BY id DESC LIMIT 1")"
check_eq "… its snapshot has one attachment" 1 \
	"$(sql "SELECT (LENGTH(snapshot) - LENGTH(REPLACE(snapshot, '<attachment>', ''))) DIV LENGTH('<attachment>') FROM cat_entry_version WHERE entry_id = $ID ORDER BY id DESC LIMIT 1")"

# ---------------------------------------------------------------- publish
view "the publication step" "$CLERK" "/catalogue/staff/e/$ID/publish"
post "$CLERK" "/catalogue/staff/e/$ID/publish" "/catalogue/staff/e/$ID/publish"
expect_status "the clerk publishes" 303
expect_header "… back to the form" Location "^/catalogue/staff/e/$ID\\?done=published\$"
check_eq "… index number 008213401/2026-00004" 008213401/2026-00004 "$(col index_no "$ID")"
check_eq "… published" published "$(col state "$ID")"
check_eq "… the sequence moved on" 5 "$(sql "SELECT next FROM cat_index_seq WHERE body_id = 801 AND year = 2026")"
check "… search grams written" test "$(grams "$ID")" -gt 0
check_eq "… the grams of 绩效 there" 1 "$(sql "SELECT COUNT(*) FROM cat_entry_gram WHERE entry_id = $ID AND gram = '绩效'")"
check_eq "… a history row publish" 1 "$(sql "SELECT COUNT(*) FROM cat_entry_version WHERE entry_id = $ID AND action = 'publish'")"
check_eq "… audited with its number" 008213401/2026-00004 \
	"$(sql "SELECT detail FROM audit_log WHERE action = 'catalogue.entry.publish' AND object_id = '$ID'")"
post "$CLERK" "/catalogue/staff/e/$ID/publish" "/catalogue/staff/e/$ID/publish"
expect_status "publishing it twice is refused" 422
expect_body_contains "… with the message" 'key="catalogue.edit.state"'
valid "the refused step validates"

V=$(col version "$ID")
post "$CLERK" "/catalogue/staff/e/$ID" "/catalogue/staff/e/$ID" "${EDIT[@]/#keywords=*/keywords=绩效评价 结果运用}" version=$V
expect_status "the clerk edits the published entry" 303
check_eq "… still published, number unchanged" "published 008213401/2026-00004" \
	"$(sql "SELECT CONCAT(state, ' ', index_no) FROM cat_entry WHERE id = $ID")"
check_eq "… re-indexed (结果运用's gram)" 1 "$(sql "SELECT COUNT(*) FROM cat_entry_gram WHERE entry_id = $ID AND gram = '运用'")"

# ---------------------------------------------------------------- withdraw, publish again
view "the withdrawal step" "$CLERK" "/catalogue/staff/e/$ID/withdraw"
post "$CLERK" "/catalogue/staff/e/$ID/withdraw" "/catalogue/staff/e/$ID/withdraw" reason=
expect_status "a withdrawal without a reason is refused" 422
expect_body_contains "… beside reason" 'field="reason" key="v.required"'
valid "the refused withdrawal validates"
post "$CLERK" "/catalogue/staff/e/$ID/withdraw" "/catalogue/staff/e/$ID/withdraw" reason=通知内容需调整，另行发布。
expect_status "the clerk withdraws it" 303
check_eq "… withdrawn, with when and why" "withdrawn 1 通知内容需调整，另行发布。" \
	"$(sql "SELECT CONCAT_WS(' ', state, withdrawn_at IS NOT NULL, withdrawn_reason) FROM cat_entry WHERE id = $ID")"
check_eq "… its grams gone" 0 "$(grams "$ID")"
check_eq "… a history row withdraw" 1 "$(sql "SELECT COUNT(*) FROM cat_entry_version WHERE entry_id = $ID AND action = 'withdraw'")"
check_eq "… audited" 1 "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'catalogue.entry.withdraw' AND object_id = '$ID'")"
post "$CLERK" "/catalogue/staff/e/$ID/publish" "/catalogue/staff/e/$ID/publish"
expect_status "published again" 303
check_eq "… the same number" "published 008213401/2026-00004" \
	"$(sql "SELECT CONCAT(state, ' ', index_no) FROM cat_entry WHERE id = $ID")"
check_eq "… the sequence untouched" 5 "$(sql "SELECT next FROM cat_index_seq WHERE body_id = 801 AND year = 2026")"
check "… indexed again" test "$(grams "$ID")" -gt 0
view "the history after all that" "$CLERK" "/catalogue/staff/e/$ID/history"
check_eq "… eight rows (created, 3 edits, publish, edit, withdraw, publish)" 8 \
	"$(sql "SELECT COUNT(*) FROM cat_entry_version WHERE entry_id = $ID")"
W1=$(sql "SELECT id FROM cat_entry_version WHERE entry_id = $ID AND action = 'withdraw'")
view "the withdrawal's snapshot" "$CLERK" "/catalogue/staff/e/$ID/v/$W1"
expect_body_contains "… withdrawn then" '<state>withdrawn</state>'

# ---------------------------------------------------------------- the pages as HTML
# html NAME PATH TEXT: the page rendered (200) holds TEXT; no message key left untranslated.
html() {
	http GET "$2" -b "$CLERK"
	expect_status "$1 as HTML (200)" 200
	expect_body_contains "… $3" "$3"
	expect_body_lacks "… every word translated" 'catalogue.edit.'
}
html "the list" /catalogue/staff/entries '<caption>信息管理</caption>'
html "the list in English" '/catalogue/staff/entries?lang=en' '<caption>Entries</caption>'
html "the form" "/catalogue/staff/e/$ID" '<legend>附件</legend>'
expect_body_contains "… the PDF's box to remove it, labelled" '<label for="f-remove1">'
expect_body_contains "… in the group of its title" '评价方案</a>'
html "the form in English" "/catalogue/staff/e/$ID?lang=en" 'Amended or repealed by (index number)'
html "the history" "/catalogue/staff/e/$ID/history" '<caption>修改记录</caption>'
html "the history in English" "/catalogue/staff/e/$ID/history?lang=en" '<caption>History</caption>'
html "the withdrawal step" "/catalogue/staff/e/$ID/withdraw" '<label for="f-reason">'
html "the snapshot in English" "/catalogue/staff/e/$ID/v/$W1?lang=en" 'Reason for the withdrawal'
form_of "$CLERK" "/catalogue/staff/e/$ID"
args=(--data-urlencode "csrf=$CSRF" --data-urlencode "idem=$IDEM"
	--data-urlencode "version=$(col version "$ID")")
for kv in "${EDIT[@]/#doc_no=*/doc_no=郫财发(2026)1号}"; do args+=(--data-urlencode "$kv"); done
http POST "/catalogue/staff/e/$ID" -b "$CLERK" "${args[@]}"
expect_status "a refused form as HTML (422)" 422
expect_body_contains "… the error tied to its field" 'aria-describedby="f-doc_no-hint f-doc_no-error"'
expect_body_lacks "… every word translated" 'catalogue.edit.'

# ---------------------------------------------------------------- scope
http GET "/catalogue/staff/e/$ID?format=xml" -b "$OTHER"
expect_status "the clerk of 802 gets 404 on 801's entry" 404
http GET "/catalogue/staff/e/$ID/history?format=xml" -b "$OTHER"
expect_status "… and on its history" 404
post "$OTHER" /catalogue/staff/entries "/catalogue/staff/e/$ID/withdraw" reason=不应允许
expect_status "… and can't withdraw it" 404
check_eq "… still published" published "$(col state "$ID")"
view "the office opens 801's entry" "$OFFICE" "/catalogue/staff/e/$ID"
post "$OFFICE" /catalogue/staff/new /catalogue/staff/new "${ENTRY[@]/#title=*/title=公开办代录的财政局信息}"
expect_status "the office creates an entry of 801" 303
OID=$(sql "SELECT id FROM cat_entry WHERE title = '公开办代录的财政局信息'")
check_eq "… of 801" 801 "$(col body_id "$OID")"
post "$CLERK" "/catalogue/staff/e/$ID" "/catalogue/staff/e/$ID" "${EDIT[@]/#body=801/body=802}" version="$(col version "$ID")"
expect_status "the clerk can't move an entry to 802" 422
expect_body_contains "… beside body" 'field="body" key="catalogue.edit.body.own"'
http GET /catalogue/staff/e/99999999 -b "$OFFICE"
expect_status "an entry that is not there: 404" 404

# ---------------------------------------------------------------- 不予公开
NONE=("${ENTRY[@]/#title=*/title=内部绩效评价底稿不予公开}")
post "$CLERK" /catalogue/staff/new /catalogue/staff/new "${NONE[@]/#disclosure=*/disclosure=none}"
NID=$(sql "SELECT id FROM cat_entry WHERE title = '内部绩效评价底稿不予公开'")
post "$CLERK" "/catalogue/staff/e/$NID/publish" "/catalogue/staff/e/$NID/publish"
expect_status "a 不予公开 entry is published" 303
check_eq "… with its number" 008213401/2026-00005 "$(col index_no "$NID")"
check_eq "… and no grams" 0 "$(grams "$NID")"

# ---------------------------------------------------------------- concurrency
# Twenty drafts of 801, published by twenty clients at once, to four
# workers (one worker would answer them one after the other, and the
# sequence's lock would never be waited for).
stop_pid "$CAT_PID" 15
civic_program_start catalogue --workers 4
for i in $(seq 1 20); do
	sql "INSERT INTO cat_entry (title, body_id, written_on, category_id, theme_id, genre_id,
		disclosure, validity, state, version, created_at, updated_at)
		VALUES ('并发发布测试$i', 801, '2026-12-01', 21, 201, 8, 'active', 'valid', 'draft', 1,
		NOW(), NOW())" >/dev/null
done
mapfile -t IDS < <(sql "SELECT id FROM cat_entry WHERE title LIKE '并发发布测试%' ORDER BY id")
check_eq "twenty drafts made" 20 "${#IDS[@]}"
declare -a KEYS
for i in "${!IDS[@]}"; do
	form_of "$CLERK" "/catalogue/staff/e/${IDS[$i]}/publish"
	KEYS[$i]="$CSRF $IDEM"
done
PIDS=()
for i in "${!IDS[@]}"; do
	set -- ${KEYS[$i]}
	"$CURL" -sS --max-time 60 -o /dev/null -w '%{http_code} %{redirect_url}\n' -b "$CLERK" \
		--data-urlencode "csrf=$1" --data-urlencode "idem=$2" \
		"$BASE/catalogue/staff/e/${IDS[$i]}/publish" >"$W/par.$i" 2>&1 &
	PIDS+=($!)
done
for p in "${PIDS[@]}"; do
	wait "$p"
done
ok=0
for i in "${!IDS[@]}"; do
	if grep -q "^303 .*/catalogue/staff/e/${IDS[$i]}?done=published" "$W/par.$i"; then
		ok=$((ok + 1))
	else
		note "client $i: $(cat "$W/par.$i")"
	fi
done
check_eq "every one of the twenty clients got its 303" 20 "$ok"
IN=$(IFS=,; echo "${IDS[*]}")
check_eq "twenty published" 20 "$(sql "SELECT COUNT(*) FROM cat_entry WHERE id IN ($IN) AND state = 'published'")"
check_eq "twenty distinct numbers" 20 "$(sql "SELECT COUNT(DISTINCT index_no) FROM cat_entry WHERE id IN ($IN)")"
check_eq "all of the form, of 801's 2026 sequence" 20 \
	"$(sql "SELECT COUNT(*) FROM cat_entry WHERE id IN ($IN) AND index_no REGEXP '^008213401/2026-[0-9]{5}\$'")"
check_eq "… exactly 00006 .. 00025 (after 00004 and 00005 above)" "6 25" \
	"$(sql "SELECT CONCAT(MIN(CAST(SUBSTRING(index_no, 16) AS UNSIGNED)), ' ', MAX(CAST(SUBSTRING(index_no, 16) AS UNSIGNED))) FROM cat_entry WHERE id IN ($IN)")"
check_eq "no number twice in the whole catalogue" 0 \
	"$(sql "SELECT COUNT(*) FROM (SELECT index_no FROM cat_entry WHERE index_no IS NOT NULL GROUP BY index_no HAVING COUNT(*) > 1) d")"
check_eq "801's 2026 sequence at 26" 26 "$(sql "SELECT next FROM cat_index_seq WHERE body_id = 801 AND year = 2026")"
check_eq "twenty of them indexed" 20 "$(sql "SELECT COUNT(DISTINCT entry_id) FROM cat_entry_gram WHERE entry_id IN ($IN)")"

# ---------------------------------------------------------------- the list's pages
view "the clerk's list, first page" "$CLERK" /catalogue/staff/entries
check_eq "… a full page" 20 "$(tr -d '\n' <"$BODY" | grep -o '<entry><id>' | wc -l)"
NEXT=$(tr -d '\n' <"$BODY" | sed -n 's:.*<pager[^>]*next="\([0-9]*\)".*:\1:p')
check "… with a next page" test -n "$NEXT"
view "… the next page" "$CLERK" "/catalogue/staff/entries?after=$NEXT"
ALL=$(sql "SELECT COUNT(*) FROM cat_entry WHERE body_id = 801")
check_eq "… the rest of 801's ($ALL)" $((ALL - 20)) "$(tr -d '\n' <"$BODY" | grep -o '<entry><id>' | wc -l)"

view "the office's published entries, first page" "$OFFICE" '/catalogue/staff/entries?state=published'
check_eq "… a full page" 20 "$(tr -d '\n' <"$BODY" | grep -o '<entry><id>' | wc -l)"
expect_body_contains "… the filter shown" '<value name="state">published</value>'
http GET '/catalogue/staff/entries?state=published' -b "$OFFICE"
expect_body_contains "… and kept by the next page's link" '?state=published&amp;after='
NEXT=$(sql "SELECT id FROM cat_entry WHERE state = 'published' ORDER BY id DESC LIMIT 19, 1")
view "… the next page" "$OFFICE" "/catalogue/staff/entries?state=published&after=$NEXT"
check_eq "… the rest of the published ones" $(($(sql "SELECT COUNT(*) FROM cat_entry WHERE state = 'published'") - 20)) \
	"$(tr -d '\n' <"$BODY" | grep -o '<entry><id>' | wc -l)"
expect_body_lacks "… no draft among them" '<state>draft</state>'

# ---------------------------------------------------------------- what a review found
# A link names only an entry the public may reach: 803's and 801's
# 不予公开 entries (15, 6) are "not there" to a clerk of 802, whose draft
# would otherwise show their titles in its history.
post "$OTHER" /catalogue/staff/new /catalogue/staff/new "${ENTRY[@]/#body=801/body=802}" \
	related1=008213403/2025-00001
expect_status "a link to another body's 不予公开 entry is refused" 422
expect_body_contains "… beside it, as if there were none" 'field="related1" key="catalogue.edit.ref"'
expect_body_lacks "… its title not shown" '信访人员名册'
E802=("${ENTRY[@]/#body=801/body=802}")
post "$OTHER" /catalogue/staff/new /catalogue/staff/new "${E802[@]/#validity=valid/validity=amended}" \
	replaced_by=008213401/2026-00003
expect_status "a replacement that is 不予公开 is refused" 422
expect_body_lacks "… its title not shown" '内部审计工作底稿'

# A node taken out of use: its entries stay editable where they are (9
# sits on 0201), another entry can't be put there, the form offers it to
# its own entries only.
sql "UPDATE cat_category SET active = 0 WHERE id = 2"
V9=$(col version 9)
ENTRY9=(title=关于做好2026年秋季学期学校卫生工作的通知 'doc_no=郫教发〔2026〕12号' body=802
	written_on=2026-08-28 category=21 theme=301 genre=8 'keywords=学校卫生 秋季学期'
	summary=部署秋季学期传染病防控和学校卫生工作。 content=各中小学校、幼儿园。
	disclosure=none validity=valid)
view "9's form under an inactive node" "$OFFICE" /catalogue/staff/e/9
expect_body_contains "… offers its own node (0201 规范性文件)" '<name>规范性文件</name>'
view "a new entry's form" "$OFFICE" /catalogue/staff/new
expect_body_lacks "… offers no node under the inactive 02" '<name>规范性文件</name>'
check "9 is in the search index before" test "$(grams 9)" -gt 0
post "$OFFICE" /catalogue/staff/e/9 /catalogue/staff/e/9 "${ENTRY9[@]}" "version=$V9"
expect_status "9 is saved on its node, now 不予公开" 303
check_eq "… disclosure none" none "$(col disclosure 9)"
check_eq "… no grams left" 0 "$(grams 9)"
post "$OFFICE" /catalogue/staff/new /catalogue/staff/new "${ENTRY[@]}"
expect_status "a new entry onto the inactive node's leaf is refused" 422
expect_body_contains "… beside category" 'field="category" key="catalogue.edit.ref"'
sql "UPDATE cat_category SET active = 1 WHERE id = 2"

# A numbered entry keeps its body: its index number begins with the body's code.
V4=$(col version 4)
ENTRY4=(title=区财政局2026年部门预算 body=802 written_on=2026-02-05 category=311 theme=201
	genre=10 'keywords=预算 部门预算' summary=2026年部门收支预算总表及说明。
	content=2026年收入预算合计1234.56万元。 disclosure=active validity=valid)
post "$OFFICE" /catalogue/staff/e/4 /catalogue/staff/e/4 "${ENTRY4[@]}" "version=$V4"
expect_status "the office moving a numbered entry to another body is refused" 422
expect_body_contains "… beside body" 'field="body" key="catalogue.edit.body.fixed"'
check_eq "… 4 still 801's" 801 "$(col body_id 4)"
post "$OFFICE" /catalogue/staff/e/4 /catalogue/staff/e/4 "${ENTRY4[@]/#body=802/body=801}" \
	"version=$V4"
expect_status "… and saved with its own body" 303

finish
