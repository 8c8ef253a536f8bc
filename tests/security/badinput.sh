#!/bin/bash
# badinput.sh: the bad-input suite (issue 9).  Hostile requests against
# every public and staff route of civic-demo.fcgi, civic-account.fcgi,
# civic-mailbox.fcgi, civic-consult.fcgi, civic-evaluate.fcgi,
# civic-prereview.fcgi (the guide, the staff's items, the application and
# its progress page, the review, the board) and civic-catalogue.fcgi (the
# public catalogue, its entries, feed, sitemap and report; the staff's
# entries; the office's trees and bodies), through nginx, against a
# private MariaDB.
#
# The cases are data: each `T` line below is one request, with its class,
# the status expected, whose cookies it carries, the method, the path, what
# may change in the database, an extra check, and curl's arguments.  One
# loop (run_case) sends them all and asserts, for every case:
#   - the status is the one expected (a 4xx; never a 5xx, never 000);
#   - no table changed (CHECKSUM TABLE of every table but the rate-limit
#     counters and the sessions, before and after), unless the row says a
#     change is the point (an accepted form whose output is then checked);
#   - the program logged the request: the line with the request id the
#     response carried in X-Request-Id (or, for what the web server refuses
#     before any program sees it, nginx's access log line);
#   - the row's own check (escaping in HTML and XML, the Allow header, the
#     same refusal as another case, a value stored literally, no file).
# doc/security-tests.md describes the classes and how to add a case.

. "$(dirname "$0")/../integration/lib.sh"

find_tool XMLLINT xmllint libxml2-utils
civic_stack_up --workers 2
# A person needs a few seconds to fill the form (the letter's and the
# question's); these cases, one.  The Open311 POST needs a key to be
# enabled at all.
OPEN311_KEY=badinput-open311-key-0123456789
sed -i -e 's/^min_fill_seconds *=.*/min_fill_seconds = 1/' \
	-e "s/^open311_key *=.*/open311_key = $OPEN311_KEY/" "$CIVIC_T/civic.conf"
civic_program_start mailbox --workers 2
civic_program_start account --workers 1
civic_program_start consult --workers 2
civic_program_start evaluate --workers 1
civic_program_start prereview --workers 1
civic_program_start catalogue --workers 1

W=$CIVIC_T/work
ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }
ctl load "$top_srcdir/sql/demo-mailbox.sql" >"$W/load.log" 2>&1 ||
	die "civicctl load sql/demo-mailbox.sql failed"

# ---------------------------------------------------------------- people
# The demo's departments: 1 office, 2 gongan (公安局), 5 zhujian (住建局).
PW='bad input suite password'
# adduser STAFF_NO NAME DEPT_CODE ROLES: in a department the demo data made.
adduser() { civic_add_staff "$PW" "$1" "$2" "$3" "" "$4"; }
adduser 40000001 管理员 office admin
adduser 40000002 信息办 office office
adduser 40000003 督查室 office supervisor
adduser 40000004 公安局 gongan clerk
adduser 40000005 住建局 zhujian clerk

declare -A JAR CSRF
JAR[none]=/dev/null
for j in anon anon2 admin office office2 super clerkA clerkB; do
	JAR[$j]=$W/$j.jar
	: >"${JAR[$j]}"
done
staff_in() {
	signin "${JAR[$1]}" "$2" "$PW"
	[ "$STATUS" = 303 ] || die "staff $2 could not sign in ($STATUS)"
}
staff_in admin 40000001
staff_in office 40000002
staff_in office2 40000002	# the same person's second session
staff_in super 40000003
staff_in clerkA 40000004
staff_in clerkB 40000005

# The consultation's demo data (sql/demo-consult.sql): the areas 公安局 (2),
# 医保局 (3), 住建局 (5) and 交通运输局 (6); canned answers 1 and 2 of
# 公安局, 4 of 住建局; questions 1 (closed) to 3 published, 2 answered, 4
# queued in 交通运输局's area, 5 open in 公安局's.  Its clerks 1004-1006
# are not made here: no question has a clerk.  Published answers are
# indexed, so that the searches below have something to miss.
ctl load "$top_srcdir/sql/demo-consult.sql" >>"$W/load.log" 2>&1 ||
	die "civicctl load sql/demo-consult.sql failed"
ctl reindex consult >>"$W/load.log" 2>&1 || die "civicctl reindex consult failed"
# The evaluation's demo data (sql/demo-evaluate.sql): an open campaign,
# 差评 with rectification cases in every state (公安局's among them);
# clerk 40000004 (公安局) is rated by staff number.
ctl load "$top_srcdir/sql/demo-evaluate.sql" >>"$W/load.log" 2>&1 ||
	die "civicctl load sql/demo-evaluate.sql failed"
CAMPAIGN=$(sql "SELECT MIN(id) FROM eval_campaign WHERE CURDATE() BETWEEN starts_on AND ends_on")
EVCASE=$(sql "SELECT MIN(id) FROM eval_case WHERE department_id = 2 AND state = 'visit'")
EVAPPEAL=$(sql "SELECT MIN(id) FROM eval_case WHERE state = 'appeal'")
[ -n "$CAMPAIGN" ] && [ "$CAMPAIGN" != NULL ] && [ "$EVCASE" != NULL ] && [ "$EVAPPEAL" != NULL ] ||
	die "sql/demo-evaluate.sql made no open campaign, no 公安局 case to visit or no appeal"

# Each client's CSRF token, from a page of its own.
for j in admin office office2 super clerkA clerkB; do
	http GET '/account/password?format=xml' -b "${JAR[$j]}" -c "${JAR[$j]}"
	CSRF[$j]=$(xml csrf)
	[ -n "${CSRF[$j]}" ] || die "no CSRF token for $j"
done
http GET '/mailbox/write?format=xml' -b "${JAR[anon2]}" -c "${JAR[anon2]}"
CSRF[anon2]=$(xml csrf)
http GET '/mailbox/write?format=xml' -b "${JAR[anon]}" -c "${JAR[anon]}"
CSRF[anon]=$(xml csrf)
ISSUED=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
SIG=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
[ -n "${CSRF[anon]}" ] && [ -n "${CSRF[anon2]}" ] && [ -n "$ISSUED" ] && [ -n "$SIG" ] ||
	die "no CSRF token or form time for the citizens"
CSRF[none]=${CSRF[anon]}
WRONG_CSRF=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA

# The citizen asked question 5: this browser was granted its page through
# the lookup (every demo question's query code is DEMQ234567); anon2 was
# not.  Question 4 is another citizen's.  The ask form's own signed time.
ZX=ZX20261120-0001
ZX_OTHER=ZX20261118-0001
http POST /consult/track -b "${JAR[anon]}" -c "${JAR[anon]}" -d "csrf=${CSRF[anon]}" \
	-d "no=$ZX" -d code=DEMQ234567
[ "$STATUS" = 303 ] || die "the demo question $ZX cannot be looked up ($STATUS)"
GRANT=$(awk '$6 == "civic_zx" { print $7 }' "${JAR[anon]}")
[ -n "$GRANT" ] || die "no grant of $ZX in the citizen's cookies"
http GET '/consult/ask?format=xml' -b "${JAR[anon]}" -c "${JAR[anon]}"
ZX_ISSUED=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
ZX_SIG=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
[ "$(xml csrf)" = "${CSRF[anon]}" ] && [ -n "$ZX_ISSUED" ] && [ -n "$ZX_SIG" ] ||
	die "no form time for the question, or another CSRF token"

# The demo's objects the routes name: letters 7 (forwarded to 公安局 as
# forward 7) and 8 (forward 8, 住建局), 9 (received), 3 (replied and
# published), 2 (replied); every demo letter's query code is DEMQ234567.
OTHER_NO=MB20261117-0001	# letter 12: another citizen's
CODE=DEMQ234567
# Letter 3's rating link (replied, not rated in the demo), from its page;
# a link signed here as the site signs one (sign.h) for a number no letter
# has, which must be answered as a wrong token is.
http POST /mailbox/track -b "${JAR[anon2]}" -c "${JAR[anon2]}" -H 'Accept: application/xml' \
	-d "csrf=${CSRF[anon2]}" -d no=MB20261106-0001 -d "code=$CODE"
RATE=$(eval_link)
[ -n "$RATE" ] || die "letter 3's page has no rating link ($STATUS)"
command -v python3 >/dev/null 2>&1 || die "python3 not found: install the Debian package python3"
GHOST=MB20991231-0001
GHOST_TOKEN=$(rate_token "$GHOST")
NOTE=$(sql "SELECT MIN(id) FROM demo_note")
[ -n "$NOTE" ] && [ "$NOTE" != NULL ] || die "the demo has no note"

# The pre-review (sql/demo-prereview.sql, indexed), and an item of 公安局
# (department 2, clerkA's; clerkB's 住建局 does not review it) taking
# applications online: a text field x1, a required material m1 and an
# optional m2.  The citizen (anon) applies twice, over HTTP, and is
# granted both progress pages; anon2 applies once (another application,
# whose upload must not be reached through the first's).  clerkA claims
# the third application, whose decision (a correction note) is looked at
# below on the applicant's page.
ctl load "$top_srcdir/sql/demo-prereview.sql" >>"$W/load.log" 2>&1 ||
	die "civicctl load sql/demo-prereview.sql failed"
ctl reindex prereview >>"$W/load.log" 2>&1 || die "civicctl reindex prereview failed"
PRCODE=510124000000-XK-0991
sql "INSERT INTO pr_item (code, name, kind, department_id, audience, legal_days, promised_days,
	online, pickup_window, licence, updated_at) VALUES ('$PRCODE', '边境管理区通行证', '行政许可',
	2, 'both', 20, 5, 1, '2号窗口', '通行证', '2026-11-20 09:00:00')"
PRITEM=$(sql "SELECT id FROM pr_item WHERE code = '$PRCODE'")
sql "INSERT INTO pr_item_department (item_id, department_id, days) VALUES ($PRITEM, 2, 5);
	INSERT INTO pr_field (item_id, seq, label, kind, required, max_len)
		VALUES ($PRITEM, 1, '前往事由', 'text', 0, 200);
	INSERT INTO pr_material (item_id, seq, name, form, need) VALUES
		($PRITEM, 1, '居民身份证', 'copy', 'required'),
		($PRITEM, 2, '单位证明', 'original', 'optional')"
# An item of another department (住建局's), and the demo's blank form.
PROTHER=$(sql "SELECT MIN(id) FROM pr_item WHERE department_id <> 2")
PRFORM=$(sql "SELECT CONCAT(i.code, '/form/', m.seq) FROM pr_material m JOIN pr_item i ON i.id = m.item_id
	WHERE m.template_file IS NOT NULL AND i.active = 1 ORDER BY m.id LIMIT 1")
[ -n "$PROTHER" ] && [ "$PROTHER" != NULL ] && [ -n "$PRFORM" ] ||
	die "sql/demo-prereview.sql has no other department's item or no blank form"
PRAPPLY=/prereview/item/$PRCODE/apply
http GET "$PRAPPLY?format=xml" -b "${JAR[anon]}" -c "${JAR[anon]}"
PR_ISSUED=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
PR_SIG=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
[ "$(xml csrf)" = "${CSRF[anon]}" ] && [ -n "$PR_ISSUED" ] && [ -n "$PR_SIG" ] ||
	die "no form time for the pre-review application, or another CSRF token"
PRID=$(python3 -c '
s = "51012419800101001"
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print(s + "10X98765432"[sum(int(c) * x for c, x in zip(s, w)) % 11])')
printf '%%PDF-1.4\n%% 身份证复印件\n%%%%EOF\n' >"$W/id.pdf"
# pr_fields [NAME [X1]]: the application's valid fields (a person), for curl.
pr_fields() {
	printf '%s\n' --form-string "csrf=${CSRF[anon]}" --form-string "idem=@IDEM@" \
		--form-string "issued=$PR_ISSUED" --form-string "sig=$PR_SIG" \
		--form-string applicant_kind=person --form-string "name=${1:-张春梅}" \
		--form-string phone=13800000066 --form-string consent=1 \
		--form-string "id_card=$PRID" --form-string "x1=${2:-探亲}"
}
mapfile -t PRF < <(pr_fields)
# pr_apply JAR: an application sent with JAR's cookies, from its own form
# (granted to it); its serial.
pr_apply() {
	local c i g
	http GET "$PRAPPLY?format=xml" -b "${JAR[$1]}" -c "${JAR[$1]}"
	c=$(xml csrf)
	i=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*issued="\([^"]*\)".*:\1:p')
	g=$(tr -d '\n' <"$BODY" | sed -n 's:.*<form-time [^>]*sig="\([^"]*\)".*:\1:p')
	sleep 2
	http POST "$PRAPPLY" -b "${JAR[$1]}" -c "${JAR[$1]}" --form-string "csrf=$c" \
		--form-string "idem=bi-setup-$(cat /proc/sys/kernel/random/uuid)" \
		--form-string "issued=$i" --form-string "sig=$g" --form-string applicant_kind=person \
		--form-string name=张春梅 --form-string phone=13800000066 --form-string consent=1 \
		--form-string "id_card=$PRID" --form-string x1=探亲 -F "m1=@$W/id.pdf"
	[ "$STATUS" = 303 ] || die "the pre-review application was not taken ($STATUS: $(head -c 300 "$BODY"))"
	header Location | sed 's:.*/::'
}
SER=$(pr_apply anon)
SER2=$(pr_apply anon2)
SER3=$(pr_apply anon)
APP=$(sql "SELECT id FROM pr_application WHERE serial = '$SER'")
APP2=$(sql "SELECT id FROM pr_application WHERE serial = '$SER2'")
APP3=$(sql "SELECT id FROM pr_application WHERE serial = '$SER3'")
upload_of() { sql "SELECT id FROM pr_upload WHERE application_id = $1 AND file_id IS NOT NULL"; }
UP=$(upload_of "$APP") UP2=$(upload_of "$APP2")
PRGRANT=$(awk -v p="/prereview/case/$SER" '$3 == p && $6 == "civic_ys" { print $7 }' "${JAR[anon]}")
[ -n "$APP3" ] && [ -n "$UP" ] && [ -n "$UP2" ] && [ -n "$PRGRANT" ] ||
	die "the pre-review applications, their uploads or the grant are missing"
act "${JAR[clerkA]}" "/prereview/review/$APP3/claim"
[ "$STATUS" = 303 ] || die "clerkA could not claim application $APP3 ($STATUS)"

# The disclosure catalogue (tests/integration/catalogue-fixture.sql,
# indexed): bodies 801 区财政局 and 802 区教育局; entries 6 and 15 不予公开,
# 7 a draft of 801, 8 an entry of 802.  The office (40000002) is the
# catalogue's office; a clerk of 801 (catA) and one of 802 (catB) edit
# their bodies' entries.  clerkA's 公安局 is no issuing body.  catA makes,
# over HTTP, an entry of 801 with a PDF attachment ($ENT, $ATT) and a
# 不予公开 one with another ($ENTN, $ATTN) and a 依申请公开 one with a
# third ($ENTR, $ATTR), all published.
ctl load "$top_srcdir/tests/integration/catalogue-fixture.sql" >>"$W/load.log" 2>&1 ||
	die "civicctl load tests/integration/catalogue-fixture.sql failed"
ctl reindex catalogue >>"$W/load.log" 2>&1 || die "civicctl reindex catalogue failed"
[ "$(sql "SELECT COUNT(*) FROM cat_body WHERE department_id IN (2, 5)")" = 0 ] ||
	die "公安局 or 住建局 is an issuing body: the catalogue's 404s for clerkA would mean nothing"
adduser 40000006 财政信息员 cat-finance clerk
adduser 40000007 教育信息员 cat-education clerk
for j in catA catB; do
	JAR[$j]=$W/$j.jar
	: >"${JAR[$j]}"
done
staff_in catA 40000006
staff_in catB 40000007
for j in catA catB; do
	http GET '/account/password?format=xml' -b "${JAR[$j]}" -c "${JAR[$j]}"
	CSRF[$j]=$(xml csrf)
	[ -n "${CSRF[$j]}" ] || die "no CSRF token for $j"
done
printf '%%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%%%EOF\n' >"$W/cat.pdf"
# An entry of 801 as the form sends it (the fixture's leaf 0201, theme 0201, 通知),
# multipart; @CSRF@ and @IDEM@ filled in by the table's loop.
CATF=(--form-string csrf=@CSRF@ --form-string idem=@IDEM@
	--form-string title=关于2026年度财政资金绩效评价的通知 --form-string body=801
	--form-string written_on=2026-12-01 --form-string category=21 --form-string theme=201
	--form-string genre=8 --form-string 'keywords=绩效评价 财政资金'
	--form-string summary=部署年度绩效评价工作。
	--form-string 'content=各单位：现就2026年度财政资金绩效评价工作通知如下。'
	--form-string disclosure=active --form-string validity=valid)
# cat_new DISCLOSURE: catA makes an entry of CATF with the PDF, and
# publishes it; CATID.
cat_new() {
	local a=("${CATF[@]}")
	a=("${a[@]/#csrf=@CSRF@/csrf=${CSRF[catA]}}")
	a=("${a[@]/#idem=@IDEM@/idem=bi-setup-$(cat /proc/sys/kernel/random/uuid)}")
	http POST /catalogue/staff/new -b "${JAR[catA]}" "${a[@]/#disclosure=active/disclosure=$1}" \
		-F "a1=@$W/cat.pdf;type=application/pdf" --form-string a1_title=评价方案
	[ "$STATUS" = 303 ] || die "the catalogue's entry was not made ($STATUS: $(head -c 300 "$BODY"))"
	CATID=$(header Location | sed -n 's:^/catalogue/staff/e/\([0-9]*\)?.*:\1:p')
	http POST "/catalogue/staff/e/$CATID/publish" -b "${JAR[catA]}" -d "csrf=${CSRF[catA]}" \
		-d "idem=bi-setup-$(cat /proc/sys/kernel/random/uuid)"
	[ "$STATUS" = 303 ] || die "entry $CATID was not published ($STATUS)"
}
cat_new active
ENT=$CATID
cat_new none
ENTN=$CATID
cat_new request
ENTR=$CATID
ATT=$(sql "SELECT id FROM cat_attachment WHERE entry_id = $ENT")
ATTN=$(sql "SELECT id FROM cat_attachment WHERE entry_id = $ENTN")
ATTR=$(sql "SELECT id FROM cat_attachment WHERE entry_id = $ENTR")
ENTV=$(sql "SELECT version FROM cat_entry WHERE id = $ENT")
CATV1=$(sql "SELECT MIN(id) FROM cat_entry_version WHERE entry_id = $ENT")
[ -n "$ATT" ] && [ -n "$ATTN" ] && [ -n "$ATTR" ] && [ "$CATV1" != NULL ] &&
	[ "$(sql "SELECT CONCAT(state, disclosure) FROM cat_entry WHERE id = $ENTN")" = publishednone ] ||
	die "the catalogue's entries, their attachments or history are missing"
# cat_stamp TABLE ID: the stamp a node's form carries (admin.c, ADM_CAT_STAMP).
cat_stamp() {
	sql "SELECT MD5(CONCAT_WS('|', IFNULL(parent_id, 0), code, name, sort, active)) FROM $1 WHERE id = $2"
}

# What may not change: every table but the rate-limit counters (reset
# between classes) and the sessions.
TABLES=$(sql "SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables
	WHERE table_schema = 'civic' AND table_name NOT IN ('rate_limit', 'staff_session')")
case ,$TABLES, in
*,pr_application,*pr_upload,*stored_chunk,stored_file,*) ;;
*) die "the tables checked do not include the pre-review's and the file store's: $TABLES" ;;
esac
case ,$TABLES, in
*,cat_attachment,*,cat_entry,*,cat_entry_gram,*,cat_entry_version,*) ;;
*) die "the tables checked do not include the catalogue's: $TABLES" ;;
esac
fingerprint() { sql "CHECKSUM TABLE $TABLES"; }
# A value as stored, without the client's escaping of backslashes and tabs.
sql_raw() { "$MARIADB" --defaults-file="$CIVIC_T/db/my.cnf" -N -B -r civic -e "$1"; }

# ---------------------------------------------------------------- files
# Bodies that need bytes a shell word can't hold.
big() { head -c "$2" /dev/zero | tr '\0' 'a' >"$W/$1"; }
big body16m $((16 * 1024 * 1024 + 1))	# one byte over CIVIC_MAX_BODY: the program's 413
printf 'x=' >"$W/body16m.form"
cat "$W/body16m" >>"$W/body16m.form"
big body18m $((18 * 1024 * 1024))	# over nginx's client_max_body_size 17m
big body1m $((1024 * 1024 + 1))		# over /consult/'s client_max_body_size 1m
big field65k $((64 * 1024 + 1))		# one byte over CIVIC_MAX_VALUE
printf 'x=\xff\xfe' >"$W/raw-invalid.form"
printf 'x=a\0b' >"$W/raw-nul.form"
printf 'x=\xc0\xaf' >"$W/raw-overlong.form"
EICAR='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
printf '%s' "$EICAR" >"$W/eicar.com"
printf '<?php system($_GET["c"]); ?>\n' >"$W/x.php.jpg"
printf '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n' >"$W/x.svg"
printf 'root:x:0:0:root:/root:/bin/bash\n' >"$W/passwd"
head -c $((5 * 1024 * 1024 + 1)) /dev/zero | { printf '%%PDF-'; cat; } >"$W/big.pdf"

# The letter's valid fields, as multipart parts for curl.
letter_form() {
	printf '%s\n' --form-string "csrf=${CSRF[anon]}" --form-string "idem=@IDEM@" \
		--form-string type=help --form-string category=4 \
		--form-string "subject=${1:-小区门口路灯不亮}" \
		--form-string "body=${2:-小区门口的路灯已经坏了一个星期，晚上出行很不方便。}" \
		--form-string "name=${3:-李四}" --form-string mobile=13800000088 \
		--form-string "issued=$ISSUED" --form-string "sig=$SIG"
}
mapfile -t LETTER < <(letter_form)
NOTEF=(--form-string "csrf=${CSRF[anon]}" --form-string "idem=@IDEM@" --form-string "title=小区路灯坏了"
	--form-string "category=求助" --form-string "body=小区门口的路灯坏了一个星期。"
	--form-string "name=李四" --form-string "mobile=13800000088")
# question_form SUBJECT BODY NAME: the question's fields, urlencoded, without
# the phone (add one for a question that is taken).
question_form() {
	printf '%s\n' --data-urlencode "csrf=${CSRF[anon]}" --data-urlencode "idem=@IDEM@" \
		--data-urlencode area=2 --data-urlencode "subject=${1:-户口迁入需要什么材料}" \
		--data-urlencode "body=${2:-户口从外地迁入本县需要准备哪些材料？}" \
		--data-urlencode "name=${3:-李四}" --data-urlencode "issued=$ZX_ISSUED" \
		--data-urlencode "sig=$ZX_SIG"
}

# Raw multipart bodies for the write form: mp NAME [CMD [ARGS...]]: the
# valid fields, then what CMD writes (framed parts), then the close
# delimiter unless NOCLOSE=1.
B=civicbadinputboundary
mp() {
	local f=$W/$1.mp kv
	shift
	{
		for kv in "csrf=${CSRF[anon]}" "idem=mp$RANDOM$RANDOM$RANDOM$RANDOM" type=help \
		    category=4 subject=小区门口路灯不亮 body=小区门口的路灯已经坏了一个星期。 \
		    name=李四 mobile=13800000088 "issued=$ISSUED" "sig=$SIG"; do
			printf -- '--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' \
				"$B" "${kv%%=*}" "${kv#*=}"
		done
		[ $# -gt 0 ] && "$@"
		[ "${NOCLOSE:-0}" = 1 ] || printf -- '--%s--\r\n' "$B"
	} >"$f"
}
# part NAME FILENAME|"" DATA-FILE|-TEXT: one framed part.
part() {
	printf -- '--%s\r\nContent-Disposition: form-data; name="%s"%s\r\n\r\n' "$B" "$1" \
		"${2:+; filename=\"$2\"}"
	case $3 in -*) printf '%s' "${3#-}" ;; *) cat "$3" ;; esac
	printf '\r\n'
}
raw() { printf -- "$@"; }
NOCLOSE=1 mp noclose part website "" -x
mp smuggle raw '--%s\r\nContent-Disposition: form-data; name="email"\r\n\r\nx\r\n--%s\r\nContent-Disposition: form-data; name="csrf"\r\n\r\nforged\r\n' "$B" "$B"
mp noname raw '--%s\r\nContent-Type: text/plain\r\n\r\nx\r\n' "$B"
mp dupname part name "" -李四
mp hugeheader raw '--%s\r\nContent-Disposition: form-data; name="x"\r\nX-Pad: %s\r\n\r\nx\r\n' \
	"$B" "$(head -c 9000 /dev/zero | tr '\0' 'p')"
mp manyheaders raw '--%s\r\nContent-Disposition: form-data; name="x"\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\nE: 1\r\nF: 1\r\nG: 1\r\nH: 1\r\nI: 1\r\n\r\nx\r\n' "$B"
mp traversal part attachment1 ../../etc/passwd "$W/passwd"
mp eicar part attachment1 eicar.com "$W/eicar.com"
mp phpjpg part attachment1 x.php.jpg "$W/x.php.jpg"
mp svg part attachment1 x.svg "$W/x.svg"
elevenfiles() { local i; for i in $(seq 1 11); do part "f$i" "f$i.pdf" -%PDF-1; done; }
mp elevenfiles elevenfiles
# 10 000 parts: past CIVIC_MAX_PARTS long before the end.
{
	for i in $(seq 1 10000); do
		printf -- '--%s\r\nContent-Disposition: form-data; name="p%s"\r\n\r\nx\r\n' "$B" "$i"
	done
	printf -- '--%s--\r\n' "$B"
} >"$W/parts10k.mp"
MPCT="Content-Type: multipart/form-data; boundary=$B"

# ---------------------------------------------------------------- the table
# T CLASS STATUS JAR METHOD PATH STORE CHECK [CURL-ARGS...]
#	STATUS	expected status; "A|B" for either; "N@web" when nginx answers
#		before any program sees the request
#	JAR	whose cookies: none anon anon2 admin office office2 super clerkA clerkB
#		catA catB (the catalogue's clerks of 801 and 802)
#	STORE	"-": no table may change; "+": the form is accepted (CHECK says how)
#	CHECK	"-", or one of (fields separated by "|"):
#		allow|METHODS	the Allow header lists METHODS
#		esc|PAYLOAD|VIEW[|JAR]	PAYLOAD never comes out as markup: not
#			in the answer (nor in the same request's XML), nor in VIEW
#			(a path, "-" for none; read with JAR's cookies, the
#			office's by default) as HTML and as ?format=xml
#			(well-formed), where it is shown escaped
#		same|KEY	the same answer (status and page text) as the
#			first case with this KEY
#		lit|SQL|VALUE	SQL's one value is VALUE, as typed
#		none|SQL	SQL finds no row
#		err|FIELD	the refused form says what is wrong beside FIELD
#		nofile		the body is not a file of the system
#		loc|PATTERN	the Location header matches PATTERN (a glob)
#		noresult[|ELEMENT]	the XML page lists no letter (no
#			ELEMENT: answer, question)
#		lacks|TEXT[|TEXT...]	the answer holds none of the TEXTs
#			(but every +TEXT: what shows the page is the right one)
# In CURL-ARGS, @CSRF@ is the jar's token, @CSRF2@ another session's,
# @IDEM@ a fresh idempotency key, @W@ the work directory; in a VIEW,
# @LASTNOTE@, @LASTLETTER@, @LASTQUESTION@, @LASTAPP@ and @LASTENTRY@ the
# newest note's, letter's, question's, pre-review application's and
# catalogue entry's ids; in the arguments, @CATSTAMP@ and @THEMESTAMP@ the
# stamps of category 21's and theme 201's forms as they are then.
CASES=()
T() { CASES+=("$(printf '%q ' "$@")"); }

# Every route of the programs (cgi/demo.c, cgi/account.c,
# modules/mailbox/*.c, modules/consult/*.c, modules/evaluate/case.c,
# modules/prereview/*.c, modules/catalogue/*.c): METHOD PATH JAR (the role
# that may use it; the
# citizen's question is 5, granted to anon; anyone holding a case's rating
# link may use it; the pre-review's application $APP is anon's, reviewed
# by 公安局, clerkA's department).
ROUTES=(
	"GET /demo/ anon" "GET /demo/new anon" "POST /demo/new anon" "GET /demo/m/$NOTE anon"
	"GET /demo/m/$NOTE/file anon"
	"GET /account/ admin" "GET /account/signin anon" "POST /account/signin anon"
	"POST /account/signout admin" "GET /account/password admin" "POST /account/password admin"
	"GET /account/departments admin" "GET /account/departments/new admin"
	"POST /account/departments/new admin" "GET /account/departments/2 admin"
	"POST /account/departments/2 admin" "GET /account/staff admin" "GET /account/staff/new admin"
	"POST /account/staff/new admin" "GET /account/staff/1 admin" "POST /account/staff/1 admin"
	"GET /account/audit admin" "GET /account/outbox admin" "GET /account/department/2 clerkA"
	"GET /mailbox/ anon" "GET /mailbox/l/3 anon" "GET /mailbox/feed.atom anon"
	"GET /mailbox/open311/v2/services.xml anon" "GET /mailbox/open311/v2/requests.xml anon"
	"POST /mailbox/open311/v2/requests.xml anon"
	"GET /mailbox/open311/v2/requests/MB20261106-0001.xml anon"
	"GET /mailbox/open311/v2/discovery.json anon"
	"GET /mailbox/write anon" "POST /mailbox/write anon" "GET /mailbox/write/send anon"
	"POST /mailbox/write/send anon" "GET /mailbox/sent/MB20261123-0001 anon"
	"GET /mailbox/track anon" "POST /mailbox/track anon" "GET /mailbox/track/followup anon"
	"POST /mailbox/track/followup anon"
	"GET /mailbox/office office" "GET /mailbox/office/9 office"
	"GET /mailbox/office/9/file/1 office"
	"GET /mailbox/office/9/accept office" "POST /mailbox/office/9/accept office"
	"POST /mailbox/office/9/reject office" "POST /mailbox/office/9/merge office"
	"POST /mailbox/office/10/forward office" "POST /mailbox/office/7/forwards/7/withdraw office"
	"POST /mailbox/office/7/forwards/7/extension office"
	"POST /mailbox/office/12/forwards/9/review office" "POST /mailbox/office/2/close office"
	"POST /mailbox/office/2/followup office" "POST /mailbox/office/3/publish office"
	"POST /mailbox/office/3/unpublish office" "GET /mailbox/office/3/public office"
	"POST /mailbox/office/3/public office"
	"GET /mailbox/dept clerkA" "GET /mailbox/dept/7 clerkA" "GET /mailbox/dept/7/file/1 clerkA"
	"GET /mailbox/dept/7/draft clerkA" "POST /mailbox/dept/7/draft clerkA"
	"POST /mailbox/dept/7/extension clerkA" "POST /mailbox/dept/7/return clerkA"
	"GET /mailbox/supervise super" "GET /mailbox/supervise/8 super"
	"GET /mailbox/supervise/8/urge super" "POST /mailbox/supervise/8/urge super"
	"GET /mailbox/stats super" "GET /mailbox/stats.csv super"
	"GET /consult/ anon" "GET /consult/ask anon" "POST /consult/ask anon"
	"GET /consult/ask/similar anon" "POST /consult/ask/similar anon"
	"GET /consult/suggest anon" "GET /consult/q/$ZX anon" "GET /consult/q/$ZX/poll anon"
	"GET /consult/q/$ZX/followup anon" "POST /consult/q/$ZX/followup anon"
	"GET /consult/track anon" "POST /consult/track anon"
	"GET /consult/answers anon" "GET /consult/answers/2 anon"
	"GET /consult/answers/feed.atom anon"
	"GET /consult/desk clerkA" "GET /consult/desk/duty clerkA" "POST /consult/desk/duty clerkA"
	"GET /consult/desk/q/5 clerkA"
	"GET /consult/desk/q/5/claim clerkA" "POST /consult/desk/q/5/claim clerkA"
	"GET /consult/desk/q/5/answer clerkA" "POST /consult/desk/q/5/answer clerkA"
	"GET /consult/desk/q/5/phone clerkA" "POST /consult/desk/q/5/phone clerkA"
	"GET /consult/desk/q/5/note clerkA" "POST /consult/desk/q/5/note clerkA"
	"GET /consult/desk/q/5/transfer clerkA" "POST /consult/desk/q/5/transfer clerkA"
	"GET /consult/desk/q/5/dispatch clerkA" "POST /consult/desk/q/5/dispatch clerkA"
	"GET /consult/desk/q/5/close clerkA" "POST /consult/desk/q/5/close clerkA"
	"GET /consult/desk/canned clerkA" "POST /consult/desk/canned clerkA"
	"GET /consult/desk/canned/1/delete clerkA" "POST /consult/desk/canned/1/delete clerkA"
	"GET /consult/desk/area clerkA" "POST /consult/desk/area clerkA"
	"GET /consult/office office" "GET /consult/office/q/2/publish office"
	"POST /consult/office/q/2/publish office" "GET /consult/office/q/1/unpublish office"
	"POST /consult/office/q/1/unpublish office"
	"GET /consult/supervise super" "GET /consult/supervise/figures super"
	"GET /consult/supervise/figures.csv super"
	"GET $RATE anon" "POST $RATE anon"
	"GET /evaluate/ anon" "GET /evaluate/results anon"
	"GET /evaluate/campaigns anon" "GET /evaluate/campaign/$CAMPAIGN anon"
	"POST /evaluate/campaign/$CAMPAIGN anon" "GET /evaluate/campaign/$CAMPAIGN/code anon"
	"POST /evaluate/campaign/$CAMPAIGN/code anon"
	"GET /evaluate/clerk anon" "GET /evaluate/clerk/40000004 anon"
	"POST /evaluate/clerk/40000004 anon" "GET /evaluate/clerk/40000004/code anon"
	"POST /evaluate/clerk/40000004/code anon"
	"GET /evaluate/office/campaigns office" "GET /evaluate/office/campaigns/new office"
	"POST /evaluate/office/campaigns/new office" "GET /evaluate/office/campaigns/$CAMPAIGN office"
	"POST /evaluate/office/campaigns/$CAMPAIGN office"
	"GET /evaluate/desk clerkA" "GET /evaluate/desk/$EVCASE clerkA"
	"GET /evaluate/desk/$EVCASE/visit clerkA" "POST /evaluate/desk/$EVCASE/visit clerkA"
	"GET /evaluate/desk/$EVCASE/rectify clerkA" "POST /evaluate/desk/$EVCASE/rectify clerkA"
	"GET /evaluate/desk/$EVCASE/appeal clerkA" "POST /evaluate/desk/$EVCASE/appeal clerkA"
	"GET /evaluate/office/appeals office" "GET /evaluate/office/appeals/$EVAPPEAL/decide office"
	"POST /evaluate/office/appeals/$EVAPPEAL/decide office"
	"GET /evaluate/supervise super" "GET /evaluate/supervise.csv super"
	"GET /evaluate/supervise/ratings super"
	"GET /prereview/ anon" "GET /prereview/items anon" "GET /prereview/item/$PRCODE anon"
	"GET /prereview/item/$PRFORM anon"
	"GET $PRAPPLY anon" "POST $PRAPPLY anon" "GET /prereview/sent/$SER anon"
	"GET /prereview/track anon" "POST /prereview/track anon"
	"GET /prereview/case/$SER anon" "GET /prereview/case/$SER/file/$UP anon"
	"GET /prereview/case/$SER/correct anon" "POST /prereview/case/$SER/correct anon"
	"GET /prereview/staff/items office" "GET /prereview/staff/items/new office"
	"POST /prereview/staff/items/new office" "GET /prereview/staff/item/$PRITEM office"
	"POST /prereview/staff/item/$PRITEM office" "GET /prereview/staff/item/$PRITEM/versions office"
	"GET /prereview/staff/item/$PRITEM/version/1 office"
	"GET /prereview/desk clerkA" "GET /prereview/review/$APP clerkA"
	"GET /prereview/review/$APP/file/$UP clerkA"
	"GET /prereview/review/$APP/claim clerkA" "POST /prereview/review/$APP/claim clerkA"
	"GET /prereview/review/$APP/decide clerkA" "POST /prereview/review/$APP/decide clerkA"
	"GET /prereview/review/$APP/extension clerkA" "POST /prereview/review/$APP/extension clerkA"
	"GET /prereview/review/$APP/extension/decide office"
	"POST /prereview/review/$APP/extension/decide office"
	"GET /prereview/review/$APP/complete clerkA" "POST /prereview/review/$APP/complete clerkA"
	"GET /prereview/board super" "GET /prereview/review/$APP/urge super"
	"POST /prereview/review/$APP/urge super"
	"GET /catalogue/ anon" "GET /catalogue/list anon" "GET /catalogue/e/$ENT anon"
	"GET /catalogue/e/$ENT/a/$ATT anon" "GET /catalogue/feed.atom anon"
	"GET /catalogue/sitemap.xml anon" "GET /catalogue/report anon" "GET /catalogue/report.csv anon"
	"GET /catalogue/staff/entries catA" "GET /catalogue/staff/new catA"
	"POST /catalogue/staff/new catA" "GET /catalogue/staff/e/$ENT catA"
	"POST /catalogue/staff/e/$ENT catA" "GET /catalogue/staff/e/7/publish catA"
	"POST /catalogue/staff/e/7/publish catA" "GET /catalogue/staff/e/$ENT/withdraw catA"
	"POST /catalogue/staff/e/$ENT/withdraw catA" "GET /catalogue/staff/e/$ENT/history catA"
	"GET /catalogue/staff/e/$ENT/v/$CATV1 catA" "GET /catalogue/staff/e/$ENT/a/$ATT catA"
	"GET /catalogue/staff/categories office" "POST /catalogue/staff/categories office"
	"GET /catalogue/staff/category/21 office" "POST /catalogue/staff/category/21 office"
	"GET /catalogue/staff/themes office" "POST /catalogue/staff/themes office"
	"GET /catalogue/staff/theme/201 office" "POST /catalogue/staff/theme/201 office"
	"GET /catalogue/staff/bodies office" "POST /catalogue/staff/bodies office"
	"GET /catalogue/staff/body/801 office" "POST /catalogue/staff/body/801 office"
)

# ---- method confusion: PUT, DELETE or PATCH on every path; GET on a POST-only one
declare -A seen
i=0
for r in "${ROUTES[@]}"; do
	read -r m p j <<<"$r"
	[ -n "${seen[$p]:-}" ] && continue
	seen[$p]=1
	m=(PUT DELETE PATCH)
	T method 405 "$j" "${m[i++ % 3]}" "$p" - 'allow|' -d x=1
done
T method 405 admin GET /account/signout - 'allow|POST'
T method 405 admin HEAD /account/signout - 'allow|POST'
T method 405 anon POST /mailbox/l/3 - 'allow|GET, HEAD' -d x=1
T method 405 anon POST /consult/answers/2 - 'allow|GET, HEAD' -d x=1
T method 404 anon OPTIONS /mailbox/nowhere - -

# ---- malformed input on every route, each route getting one of the kinds
# in turn: the query (GET) or the body (POST)
GET_BAD=("encoding|?x=%FF%FE" "encoding|?x=a%00b" "encoding|?x=%C0%AF" "duplicate|?after=1&after=2")
POST_BAD=("encoding 400|--data-binary @@W@/raw-invalid.form"
	"encoding 400|--data-binary @@W@/raw-nul.form"
	"encoding 400|--data-binary @@W@/raw-overlong.form"
	"encoding 400|-d csrf=@CSRF@&x=%C0%AF"
	"duplicate 400|-d csrf=@CSRF@&idem=@IDEM@&x=1&x=2"
	"duplicate 400|-d csrf=@CSRF@&csrf=@CSRF@&idem=@IDEM@"
	"oversize 413|--data-binary @@W@/body16m.form"
	"oversize 413|-d csrf=@CSRF@ --data-urlencode x@@W@/field65k"
	"encoding 400|-H Content-Type:text/plain -d x=1")
gi=0 pi=0
for r in "${ROUTES[@]}"; do
	read -r m p j <<<"$r"
	if [ "$m" = GET ]; then
		c=${GET_BAD[gi++ % ${#GET_BAD[@]}]}
		T "${c%%|*}" 400 "$j" GET "$p${c#*|}" - -
	else
		c=${POST_BAD[pi++ % ${#POST_BAD[@]}]}
		read -r cl st <<<"${c%%|*}"
		read -ra a <<<"${c#*|}"
		# /consult/ and /evaluate/ take at most 1 MiB
		# (examples/nginx/civic.conf: their forms are short texts):
		# nginx refuses the 16 MiB body itself.
		case $p:$c in /consult/*:*body16m* | /evaluate/*:*body16m*) st=413@web ;; esac
		T "$cl" "$st" "$j" POST "$p" - - "${a[@]}"
	fi
done
T oversize 413@web anon POST /mailbox/write/send - - --data-binary "@@W@/body18m"
T oversize 414@web anon GET "/mailbox/?q=$(head -c 9000 /dev/zero | tr '\0' a)" - -
T oversize 400 anon GET "/mailbox/l/$(head -c 1100 /dev/zero | tr '\0' 1)" - -
T oversize 404 anon GET /mailbox/l/1234567890123456789012 - -
T oversize 404 anon GET "/mailbox/open311/v2/requests/$(head -c 300 /dev/zero | tr '\0' a)" - -
T oversize 413@web anon POST /consult/ask - - --data-binary "@@W@/body1m"
T oversize 413 anon POST "/consult/q/$ZX/followup" - - -d csrf=@CSRF@ -d idem=@IDEM@ \
	--data-urlencode "body@@W@/field65k"
T oversize 400 anon GET "/consult/q/$(head -c 1100 /dev/zero | tr '\0' 1)" - -
T oversize 404 anon GET "/consult/q/$(head -c 300 /dev/zero | tr '\0' a)" - -
T oversize 404 anon GET /consult/answers/1234567890123456789012 - -
T oversize 404 clerkA GET /consult/desk/q/1234567890123456789012 - -

# ---- malformed multipart, and files no form may store (POST /mailbox/write/send)
for c in "noclose 400" "smuggle 400" "noname 400" "dupname 400" "hugeheader 413" \
    "manyheaders 413" "parts10k 413" "elevenfiles 413" "traversal 422" "eicar 422" \
    "phpjpg 422" "svg 422"; do
	read -r f s <<<"$c"
	chk=-
	[ "$s" = 422 ] && chk='err|attachment1'
	T multipart "$s" anon POST /mailbox/write/send - "$chk" -H "$MPCT" --data-binary "@@W@/$f.mp"
done
T multipart 400 anon POST /mailbox/write/send - - -H 'Content-Type: multipart/form-data' -d x
T multipart 400 anon POST /mailbox/write/send - - \
	-H "Content-Type: multipart/form-data; boundary=$(head -c 71 /dev/zero | tr '\0' b)" -d x
T multipart 400 anon POST /mailbox/write/send - - \
	-H "Content-Type: multipart/form-data; boundary=a; boundary=b" -d x
T multipart 413 anon POST /mailbox/write/send - - "${LETTER[@]}" -F "attachment1=@@W@/big.pdf"
T multipart 422 anon POST /demo/new - "err|attachment" "${NOTEF[@]}" -F "attachment=@@W@/eicar.com"
T multipart 422 anon POST /demo/new - "err|attachment" "${NOTEF[@]}" -F "attachment=@@W@/x.svg;type=image/svg+xml"
T multipart 422 anon POST /demo/new - "err|attachment" "${NOTEF[@]}" -F "attachment=@@W@/x.php.jpg;type=image/jpeg"
T multipart 422 anon POST /demo/new - "err|attachment" "${NOTEF[@]}" \
	-F "attachment=@@W@/passwd;filename=../../etc/passwd"
# The question's form as multipart, broken the same ways.
T multipart 400 anon POST /consult/ask - - -H "$MPCT" --data-binary "@@W@/noclose.mp"
T multipart 400 anon POST /consult/ask - - -H "$MPCT" --data-binary "@@W@/smuggle.mp"
T multipart 413 anon POST /consult/ask - - -H "$MPCT" --data-binary "@@W@/parts10k.mp"
T multipart 400 anon POST /consult/ask - - -H 'Content-Type: multipart/form-data' -d x
# The pre-review's application (POST /prereview/item/…/apply): a material
# whose name is a path, a PHP script named .jpg, an SVG with a script, the
# EICAR test string named .pdf: each refused beside m1 by its content,
# nothing stored; a body over CIVIC_MAX_BODY (the program's 413: nginx
# takes 17m at /prereview/, as at /mailbox/) and over nginx's limit.
T multipart 422 anon POST "$PRAPPLY" - "err|m1" "${PRF[@]}" \
	-F "m1=@@W@/passwd;filename=../../etc/passwd"
T multipart 422 anon POST "$PRAPPLY" - "err|m1" "${PRF[@]}" -F "m1=@@W@/x.php.jpg;type=image/jpeg"
T multipart 422 anon POST "$PRAPPLY" - "err|m1" "${PRF[@]}" -F "m1=@@W@/x.svg;type=image/svg+xml"
T multipart 422 anon POST "$PRAPPLY" - "err|m1" "${PRF[@]}" \
	-F "m1=@@W@/eicar.com;filename=eicar.pdf;type=application/pdf"
T multipart 422 anon POST "$PRAPPLY" - "err|m2" "${PRF[@]}" -F "m1=@$W/id.pdf" \
	-F "m2=@@W@/eicar.com;filename=eicar.pdf;type=application/pdf"
T multipart 413 anon POST "$PRAPPLY" - - "${PRF[@]}" -F "m1=@@W@/big.pdf"
T multipart 400 anon POST "$PRAPPLY" - - -H "$MPCT" --data-binary "@@W@/noclose.mp"
T multipart 413 anon POST "$PRAPPLY" - - -H "$MPCT" --data-binary "@@W@/parts10k.mp"
T multipart 422 anon POST "/prereview/case/$SER/correct" - - -F "csrf=${CSRF[anon]}" \
	-F "idem=@IDEM@" -F "m1=@@W@/x.php.jpg;type=image/jpeg"
T oversize 413 anon POST "$PRAPPLY" - - --data-binary "@@W@/body16m.form"
T oversize 413@web anon POST "$PRAPPLY" - - --data-binary "@@W@/body18m"
T oversize 404 anon GET "/prereview/item/$(head -c 300 /dev/zero | tr '\0' a)" - -
T oversize 404 clerkA GET /prereview/review/1234567890123456789012 - -
T oversize 400 anon GET "/prereview/items?q=$(head -c 300 /dev/zero | tr '\0' a)" - -
# The catalogue's entry form (POST /catalogue/staff/new, and an entry's
# edit): attachments that are no document — a Windows executable, an HTML
# page with a script claimed as a PDF, an SVG with a script, the EICAR test
# string named .pdf, PHP named .jpg, a zip that is no Office file named
# .docx, a path as name: each refused beside its field, nothing stored;
# a file over CIVIC_MAX_FILE; bodies over the program's and nginx's limits.
printf 'MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xffPE\x00\x00' >"$W/tool.exe"
printf '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>' >"$W/page.html"
python3 - "$W/notdocx.zip" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("readme.txt", "not a document")
    z.writestr("run.bat", "@echo off\r\n")
EOF
for f in "tool.exe" "page.html;type=application/pdf" "x.svg;type=image/svg+xml" \
    "eicar.com;filename=eicar.pdf;type=application/pdf" "x.php.jpg;type=image/jpeg" \
    "notdocx.zip;filename=plan.docx" "passwd;filename=../../etc/passwd"; do
	T multipart 422 catA POST /catalogue/staff/new - "err|a1" "${CATF[@]}" -F "a1=@@W@/$f"
	T multipart 422 catA POST "/catalogue/staff/e/$ENT" - "err|a2" "${CATF[@]}" \
		--form-string "version=$ENTV" -F "a2=@@W@/$f"
done
T multipart 422 catA POST /catalogue/staff/new - "err|a3" "${CATF[@]}" \
	-F "a1=@@W@/cat.pdf;type=application/pdf" -F "a3=@@W@/tool.exe;filename=setup.pdf"
T multipart '413|422' catA POST /catalogue/staff/new - - "${CATF[@]}" -F "a1=@@W@/big.pdf"
T multipart 400 catA POST /catalogue/staff/new - - -H "$MPCT" --data-binary "@@W@/noclose.mp"
T multipart 413 catA POST /catalogue/staff/new - - -H "$MPCT" --data-binary "@@W@/parts10k.mp"
T oversize 413 catA POST /catalogue/staff/new - - --data-binary "@@W@/body16m.form"
T oversize 413@web catA POST /catalogue/staff/new - - --data-binary "@@W@/body18m"
T oversize 404 anon GET /catalogue/e/1234567890123456789012 - -
T oversize 404 catA GET /catalogue/staff/e/1234567890123456789012 - -
T oversize 400 anon GET "/catalogue/list?q=$(head -c 300 /dev/zero | tr '\0' a)" - -
T oversize 400 anon GET "/catalogue/e/$(head -c 1100 /dev/zero | tr '\0' 1)" - -

# ---- XSS: every text field of the forms; accepted ones are looked at afterwards
k=0
XSS=('<script>alert(1)</script>' '"><img src=x onerror=alert(1)>'
	'javascript:alert(document.cookie)' ']]><script>x</script>')
LASTNOTE="SELECT MAX(id) FROM demo_note"
for x in "${XSS[@]}"; do
	# The demo note: title and body are shown on the note's page; a name
	# over 20 characters is refused and comes back in the form.
	for fld in title body name; do
		args=(--form-string "csrf=${CSRF[anon]}" --form-string "idem=@IDEM@"
			--form-string category=求助 --form-string mobile=13800000088)
		t=小区路灯坏了 b=小区门口的路灯坏了一个星期。 n=李四
		case $fld in title) t=$x ;; body) b="$x 路灯坏了一个星期" ;; name) n=$x ;; esac
		args+=(--form-string "title=$t" --form-string "body=$b" --form-string "name=$n")
		if [ "$fld" = name ] || [ "${#t}" -gt 40 ]; then
			T xss 422 anon POST /demo/new - "esc|$x|-" "${args[@]}"
		else
			T xss 303 anon POST /demo/new + "esc|$x|/demo/m/@LASTNOTE@" "${args[@]}"
		fi
	done
	# The letter: its preview (every field), and sent, on the office's page.
	for fld in subject body name email; do
		s=小区门口路灯不亮 b=小区门口的路灯已经坏了一个星期，晚上出行很不方便。 n=李四 e=
		case $fld in subject) s=$x ;; body) b="$x 晚上出行很不方便" ;; name) n=${x:0:20} ;;
		email) e=$x ;; esac
		args=(--data-urlencode "csrf=${CSRF[anon]}" --data-urlencode type=help
			--data-urlencode category=4 --data-urlencode "subject=$s"
			--data-urlencode "body=$b" --data-urlencode "name=$n"
			--data-urlencode mobile=13800000088 --data-urlencode "issued=$ISSUED"
			--data-urlencode "sig=$SIG" ${e:+--data-urlencode "email=$e"})
		v=$x
		[ "$fld" = name ] && v=${x:0:20}
		if [ "$fld" = email ] || [ "${#s}" -gt 40 ]; then
			T xss 422 anon POST /mailbox/write - "esc|$v|-" "${args[@]}"
		else
			T xss 200 anon POST /mailbox/write - "esc|$v|-" "${args[@]}"
			T xss 303 anon POST /mailbox/write/send + "esc|$v|/mailbox/office/@LASTLETTER@" \
				"${args[@]}" --data-urlencode "idem=@IDEM@"
		fi
	done
	# Staff forms: the public version (accepted, on the public page) ...
	T xss 303 office POST /mailbox/office/3/public + "esc|$x|/mailbox/l/3" \
		-d csrf=@CSRF@ -d idem=@IDEM@ --data-urlencode "public_subject=路灯${x:0:30}" \
		--data-urlencode "public_body=路灯已经坏了两周。$x" --data-urlencode "public_reply=$x"
	# ... a department, accepted, on the list of departments ...
	T xss 303 admin POST /account/departments/new + "esc|${x:0:50}|/account/departments|admin" \
		-d csrf=@CSRF@ -d idem=@IDEM@ -d "code=x$RANDOM$RANDOM" --data-urlencode "name=${x:0:50}" \
		--data-urlencode "address=$x"
	# ... and forms refused for another field, which come back with the text.
	T xss 422 office POST /mailbox/office/9/reject - "esc|$x|-" -d csrf=@CSRF@ -d idem=@IDEM@ \
		-d reason=abc --data-urlencode "reject_note=$x"
	T xss 422 office POST /mailbox/office/10/forward - "esc|$x|-" -d csrf=@CSRF@ -d idem=@IDEM@ \
		-d department1=abc --data-urlencode "instruction=$x"
	T xss 422 clerkA POST /mailbox/dept/7/extension - "esc|$x|-" -d csrf=@CSRF@ \
		-d idem=@IDEM@ -d ext_days=99 --data-urlencode "ext_reason=$x"
	T xss 422 admin POST /account/staff/new - "esc|${x:0:20}|-" -d csrf=@CSRF@ -d idem=@IDEM@ \
		-d staff_no=abc -d department=2 --data-urlencode "name=${x:0:20}" \
		--data-urlencode "on_duty=$x"
	# The question: refused (no phone) with every field typed, the similar
	# questions after the button, and asked, on the office's desk page ...
	mapfile -t a < <(question_form "$x" "$x 请问怎么办理" "${x:0:20}")
	T xss 422 anon POST /consult/ask - "esc|$x|-" "${a[@]}"
	T xss 200 anon POST /consult/ask/similar - "esc|$x|-" -d csrf=@CSRF@ \
		--data-urlencode "subject=$x" --data-urlencode "body=$x" --data-urlencode "phone=${x:0:32}"
	for fld in subject body name; do
		s= b= n= v=$x
		case $fld in subject) s=$x ;; body) b="$x 请问怎么办理" ;; name) n=${x:0:20} v=$n ;; esac
		mapfile -t a < <(question_form "$s" "$b" "$n")
		T xss 303 anon POST /consult/ask + "esc|$v|/consult/desk/q/@LASTQUESTION@" "${a[@]}" \
			--data-urlencode phone=13800000088
	done
	# ... the citizen's follow-up and the clerk's answer, on the citizen's
	# page; a note, on the clerk's; a canned answer; the public version,
	# on the published answer ...
	T xss 303 anon POST "/consult/q/$ZX/followup" + "esc|$x|/consult/q/$ZX|anon" -d csrf=@CSRF@ \
		-d idem=@IDEM@ --data-urlencode "body=$x 还有一个问题"
	T xss 303 clerkA POST /consult/desk/q/5/answer + "esc|$x|/consult/q/$ZX|anon" -d csrf=@CSRF@ \
		-d idem=@IDEM@ --data-urlencode "body=您好，$x"
	T xss 303 clerkA POST /consult/desk/q/5/note + "esc|$x|/consult/desk/q/5|clerkA" \
		-d csrf=@CSRF@ -d idem=@IDEM@ --data-urlencode "body=$x"
	T xss 303 clerkA POST /consult/desk/canned + "esc|$x|/consult/desk/canned|clerkA" \
		-d csrf=@CSRF@ -d idem=@IDEM@ --data-urlencode "title=$x" --data-urlencode "body=您好，$x"
	T xss 303 office POST /consult/office/q/2/publish + "esc|$x|/consult/answers/2|anon" \
		-d csrf=@CSRF@ -d idem=@IDEM@ --data-urlencode "public_subject=$x" \
		--data-urlencode "public_body=异地就医怎么备案。$x" --data-urlencode "public_answer=$x"
	# ... and forms refused for another field, which come back with the text.
	T xss 422 clerkA POST /consult/desk/q/5/transfer - "esc|$x|-" -d csrf=@CSRF@ -d idem=@IDEM@ \
		-d area=abc --data-urlencode "note=$x"
	T xss 422 clerkA POST /consult/desk/q/5/dispatch - "esc|$x|-" -d csrf=@CSRF@ -d idem=@IDEM@ \
		-d department=abc --data-urlencode "note=$x"
	T xss 422 clerkA POST /consult/desk/area - "esc|$x|-" -d csrf=@CSRF@ -d idem=@IDEM@ \
		-d listed=2 --data-urlencode "intro=$x"
	# The rating: a 差评 without its reason comes back with the comment.
	T xss 422 anon POST "$RATE" - "esc|$x|-" -d csrf=@CSRF@ -d idem=@IDEM@ \
		-d level=1 -d efficiency=1 -d convenience=1 --data-urlencode "comment=$x"
	T xss 422 office POST /consult/office/q/2/publish - "esc|$x|-" -d csrf=@CSRF@ \
		-d idem=@IDEM@ -d public_subject=ab --data-urlencode "public_body=$x"
	# The evaluation: a campaign's and a clerk's forms refused for the
	# phone, the comment kept; an office's campaign refused for its dates;
	# a rectification refused for its missing summary, the note kept.
	T xss 422 anon POST "/evaluate/campaign/$CAMPAIGN/code" - "esc|$x|-" -d csrf=@CSRF@ \
		-d level=4 -d phone=abc --data-urlencode "comment=$x"
	T xss 422 anon POST /evaluate/clerk/40000004 - "esc|$x|-" -d csrf=@CSRF@ -d idem=@IDEM@ \
		-d level=4 -d attitude=4 -d professionalism=4 -d phone=abc -d code=123456 \
		--data-urlencode "comment=$x"
	T xss 422 office POST /evaluate/office/campaigns/new - "esc|${x:0:60}|-" -d csrf=@CSRF@ \
		-d idem=@IDEM@ --data-urlencode "title=${x:0:60}" --data-urlencode "intro=$x" \
		-d starts_on=2026-12-31 -d ends_on=2026-01-01 -d d0=2 --data-urlencode "questions=$x"
	T xss 422 clerkA POST "/evaluate/desk/$EVCASE/rectify" - "esc|$x|-" -d csrf=@CSRF@ \
		-d idem=@IDEM@ --data-urlencode "rectify_note=$x"
	# The pre-review: an application refused (no material) with the
	# applicant's name, agent and item field typed; one accepted with the
	# field, on the reviewing clerk's page; a decision refused with its
	# correction note and its reason typed.
	mapfile -t a < <(pr_fields "$x" "$x")
	T xss 422 anon POST "$PRAPPLY" - "esc|$x|-" "${a[@]/#applicant_kind=person/applicant_kind=enterprise}" \
		--form-string "contact=$x" --form-string uscc=91350100M000100Y43
	mapfile -t a < <(pr_fields 张春梅 "$x")
	T xss 303 anon POST "$PRAPPLY" + "esc|$x|/prereview/review/@LASTAPP@|clerkA" "${a[@]}" \
		-F "m1=@@W@/id.pdf"
	T xss 422 clerkA POST "/prereview/review/$APP3/decide" - "esc|$x|-" -d csrf=@CSRF@ \
		-d idem=@IDEM@ -d v1=correction --data-urlencode "n1=$x" -d decision=passed
	T xss 422 clerkA POST "/prereview/review/$APP3/decide" - "esc|$x|-" -d csrf=@CSRF@ \
		-d idem=@IDEM@ -d decision=rejected --data-urlencode "reason=$x"
	# The catalogue: an entry of 801 with the payload in every text field
	# of the form (title, keywords, summary, content, the attachment's
	# title), refused for its 文号 (the payload) with every text kept,
	# then made (on the staff's form), published (on the public page,
	# the list, the home page, the Atom feed: libxml2's XML, where it must
	# come out as text), looked for, withdrawn with the payload as the
	# reason (on the public page's banner).
	a=("${CATF[@]/#title=*/title=$x}")
	a=("${a[@]/#keywords=*/keywords=$x}")
	a=("${a[@]/#summary=*/summary=$x}")
	a=("${a[@]/#content=*/content=$x 正文}")
	T xss 422 catA POST /catalogue/staff/new - "esc|$x|-" "${a[@]}" --form-string "doc_no=$x" \
		--form-string "a1_title=$x"
	T xss 303 catA POST /catalogue/staff/new + "esc|$x|/catalogue/staff/e/@LASTENTRY@|catA" \
		"${a[@]}" -F "a1=@@W@/cat.pdf;type=application/pdf" --form-string "a1_title=$x"
	T xss 303 catA POST /catalogue/staff/e/@LASTENTRY@/publish + \
		"esc|$x|/catalogue/e/@LASTENTRY@|anon" -d csrf=@CSRF@ -d idem=@IDEM@
	T xss 200 anon GET /catalogue/list - "esc|$x|/catalogue/feed.atom|anon"
	T xss 200 anon GET /catalogue/ - "esc|$x|/catalogue/staff/entries|catA"
	T xss 200 anon GET "/catalogue/list?q=$(printf '%s' "$x" | od -An -tx1 | tr -d ' \n' |
		sed 's/../%&/g')" - "esc|$x|-"
	T xss 303 catA POST /catalogue/staff/e/@LASTENTRY@/withdraw + \
		"esc|$x|/catalogue/e/@LASTENTRY@|anon" -d csrf=@CSRF@ -d idem=@IDEM@ \
		--data-urlencode "reason=撤回$x"
	T xss 422 catA POST /catalogue/staff/e/@LASTENTRY@/withdraw - "esc|$x|-" -d csrf=@CSRF@ \
		-d idem=@IDEM@ --data-urlencode "reason=$x$(head -c 500 /dev/zero | tr '\0' a)"
	# The office's trees: a category and a theme added with the payload as
	# name (on the office's pages); category 21 and theme 201, which have
	# public entries, renamed to it through their forms (on the public
	# home page and list); a save refused (a stale stamp), the name kept.
	k=$((k + 1))
	T xss 303 office POST /catalogue/staff/categories + "esc|$x|/catalogue/staff/categories" \
		-d csrf=@CSRF@ -d idem=@IDEM@ -d parent=3 -d "code=035$k" --data-urlencode "name=$x"
	T xss 303 office POST /catalogue/staff/themes + "esc|$x|/catalogue/staff/themes" \
		-d csrf=@CSRF@ -d idem=@IDEM@ -d parent=2 -d "code=025$k" --data-urlencode "name=$x"
	T xss 303 office POST /catalogue/staff/category/21 + "esc|$x|/catalogue/|anon" -d csrf=@CSRF@ \
		-d idem=@IDEM@ -d do=save -d stamp=@CATSTAMP@ --data-urlencode "name=$x" -d sort=10 \
		-d active=1
	T xss 303 office POST /catalogue/staff/theme/201 + "esc|$x|/catalogue/list|anon" -d csrf=@CSRF@ \
		-d idem=@IDEM@ -d do=save -d stamp=@THEMESTAMP@ --data-urlencode "name=$x" -d sort=10 \
		-d active=1
	T xss 422 office POST /catalogue/staff/category/11 - "esc|$x|-" -d csrf=@CSRF@ -d idem=@IDEM@ \
		-d do=save -d stamp=00000000000000000000000000000000 --data-urlencode "name=$x" -d sort=10
done

# A correction note accepted (application 3, claimed by clerkA): the one
# notice on the applicant's page (anon was granted it) shows it escaped.
T xss 303 clerkA POST "/prereview/review/$APP3/decide" + \
	"esc|${XSS[0]}|/prereview/case/$SER3|anon" -d csrf=@CSRF@ -d idem=@IDEM@ -d v1=correction \
	--data-urlencode "n1=${XSS[0]} 请重新上传" -d decision=correction

# ---- SQL metacharacters: searched for, nothing found, nothing broken; stored literally
for q in "' OR 1=1 --" '%' '_' '\' '%%' "' UNION SELECT name FROM staff --" \
    "1'; DROP TABLE mailbox_letter; --" '" OR ""="'; do
	e=$(printf '%s' "$q" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')
	T sql 200 anon GET "/mailbox/?format=xml&q=$e" - noresult
	T sql 200 anon GET "/consult/answers?format=xml&q=$e" - 'noresult|answer'
	T sql 200 anon GET "/consult/suggest?format=xml&q=$e" - 'noresult|answer'
	[ "${#q}" -le 40 ] && T sql 200 anon GET "/prereview/items?format=xml&q=$e" - 'noresult|item'
	# The clerk filter is a staff number as text, of 16 characters at most.
	[ "${#q}" -le 16 ] &&
		T sql 200 super GET "/consult/supervise?format=xml&clerk=$e" - 'noresult|question'
done
T sql 400 anon GET "/demo/?after=1%20OR%201%3D1" - -
T sql 400 anon GET "/prereview/items?dept=2%20OR%201%3D1" - -
T sql 400 clerkA GET "/prereview/desk?light=red%27%20OR%20%271%27%3D%271" - -
T sql 400 super GET "/prereview/board?department=2%20OR%201%3D1" - -
T sql 400 admin GET "/account/audit?action=%27%20OR%201%3D1%20--" - -
T sql 400 super GET "/mailbox/supervise?department=1%20OR%201%3D1" - -
T sql 400 anon GET "/consult/answers?area=2%20OR%201%3D1" - -
T sql 400 super GET "/consult/supervise?department=1%20OR%201%3D1" - -
T sql 400 super GET "/consult/supervise?rating=5%27%20OR%20%271%27%3D%271" - -
T sql 400 super GET "/consult/supervise/figures?from=2026-01-01%27%20OR%201%3D1" - -
T sql 400 clerkA GET "/consult/desk/q/5?canned=1%20OR%201%3D1" - -
T sql 400 anon GET "/consult/q/$ZX/poll?after=0%20OR%201%3D1" - -
for v in "' OR 1=1 --" '100% \_done_\' "a'; DROP TABLE demo_note; --"; do
	T sql 303 anon POST /demo/new + "lit|SELECT title FROM demo_note ORDER BY id DESC LIMIT 1|$v" \
		--form-string "csrf=${CSRF[anon]}" --form-string "idem=@IDEM@" --form-string "title=$v" \
		--form-string "category=求助" --form-string "body=小区门口的路灯坏了一个星期。" \
		--form-string "name=李四" --form-string "mobile=13800000088"
done
v="100% _x_ \\' OR ''=' 路灯坏了"
T sql 303 anon POST /mailbox/write/send + \
	"lit|SELECT body FROM mailbox_letter ORDER BY id DESC LIMIT 1|$v" "${LETTER[@]/#body=*/body=$v}"
mapfile -t a < <(question_form "' OR 1=1 --" "$v")
T sql 303 anon POST /consult/ask + \
	"lit|SELECT subject FROM consult_question ORDER BY id DESC LIMIT 1|' OR 1=1 --" "${a[@]}" \
	--data-urlencode phone=13800000088
T sql 303 anon POST /consult/ask + "lit|SELECT body FROM consult_question ORDER BY id DESC LIMIT 1|$v" \
	"${a[@]}" --data-urlencode phone=13800000088
T sql 303 clerkA POST /consult/desk/q/5/note + \
	"lit|SELECT body FROM consult_message ORDER BY id DESC LIMIT 1|$v" -d csrf=@CSRF@ \
	-d idem=@IDEM@ --data-urlencode "body=$v"
# The catalogue: its search (q, at most 40 characters) and the staff's
# title search, nothing found; its typed filters, 400 (the feed's ids are
# text: a malformed one is a 404 like an unknown one); a cursor that is
# not one; an entry's title and text stored as typed.
for q in "' OR 1=1 --" '%' '_' '\' '%%' "' UNION SELECT name FROM staff --" \
    "1'; DROP TABLE cat_entry; --" '" OR ""="'; do
	e=$(printf '%s' "$q" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')
	T sql 200 anon GET "/catalogue/list?format=xml&q=$e" - 'noresult|entry'
	T sql 200 office GET "/catalogue/staff/entries?format=xml&q=$e" - 'noresult|entry'
done
for f in category body theme genre year; do
	T sql 400 anon GET "/catalogue/list?$f=21%20OR%201%3D1" - -
done
T sql 400 anon GET "/catalogue/list?validity=valid%27%20OR%20%271%27%3D%271" - -
T sql '200|400' anon GET "/catalogue/list?format=xml&after=20260401090000-12%27%20OR%201%3D1" - 'noresult|entry'
T sql 400 office GET "/catalogue/staff/entries?body=801%20OR%201%3D1" - -
T sql 400 office GET "/catalogue/staff/entries?state=draft%27%20OR%20%271%27%3D%271" - -
T sql 400 anon GET "/catalogue/report?year=2026%20OR%201%3D1" - -
T sql 400 anon GET "/catalogue/sitemap.xml?part=1%20OR%201%3D1" - -
T sql 404 anon GET "/catalogue/feed.atom?category=21%20OR%201%3D1" - -
T sql 404 anon GET "/catalogue/feed.atom?body=801%27%20OR%20%271%27%3D%271" - -
for v in "' OR 1=1 --" '100% \_done_\' "a'; DROP TABLE cat_entry; --"; do
	T sql 303 catA POST /catalogue/staff/new + \
		"lit|SELECT title FROM cat_entry ORDER BY id DESC LIMIT 1|$v" \
		"${CATF[@]/#title=*/title=$v}"
done
T sql 303 catA POST /catalogue/staff/new + \
	"lit|SELECT content FROM cat_entry ORDER BY id DESC LIMIT 1|$v" "${CATF[@]/#content=*/content=$v}"

# ---- CSRF: every state-changing form, with the right staff member's
# cookies; each form gets two of: no token, a wrong one, another session's,
# a cross-origin auto-submit (Origin and Referer of another site, no token)
ci=0
for r in "${ROUTES[@]}"; do
	read -r m p j <<<"$r"
	[ "$m" = POST ] || continue
	case $p in */open311/*) continue ;; esac
	other=anon2
	[ "$j" != anon ] && other=office2
	[ "$j" = office ] || [ "$j" = anon ] || other=office
	kinds=("-d idem=@IDEM@ -d x=1" "-d csrf=$WRONG_CSRF -d idem=@IDEM@"
		"-d csrf=${CSRF[$other]} -d idem=@IDEM@"
		"-H Origin:https://evil.example -H Referer:https://evil.example/auto.html -d x=1")
	# The catalogue's forms get all four kinds.
	n=2
	case $p in /catalogue/*) n=4 ;; esac
	for k in $(seq 1 "$n"); do
		read -ra a <<<"${kinds[ci++ % 4]}"
		T csrf 403 "$j" POST "$p" - - "${a[@]}"
	done
done
# A token for nobody: no cookie at all.
T csrf 403 none POST /mailbox/track - - -d "csrf=${CSRF[anon]}" -d no=MB20261123-0001 -d code=x
T csrf 403 none POST /demo/new - - "${NOTEF[@]}"
T csrf 403 none POST /consult/track - - -d "csrf=${CSRF[anon]}" -d "no=$ZX_OTHER" -d code=x
mapfile -t a < <(question_form)
T csrf 403 none POST /consult/ask - - "${a[@]}" --data-urlencode phone=13800000088
# A staff member's token used without the session: the citizen's cookies.
T csrf 403 anon POST /mailbox/track - - -d "csrf=${CSRF[office]}" -d "no=$OTHER_NO" -d "code=$CODE"
T csrf 403 anon POST /consult/track - - -d "csrf=${CSRF[office]}" -d "no=$ZX_OTHER" -d "code=$CODE"
# Open311: the API key, never a cookie.
T csrf 403 anon POST /mailbox/open311/v2/requests.xml - - -d service_code=4 \
	--data-urlencode 'description=小区门口的路灯坏了一个星期。' -d phone=13800000088
T csrf 403 anon POST /mailbox/open311/v2/requests.xml - - -d api_key=wrong -d service_code=4 \
	--data-urlencode 'description=小区门口的路灯坏了一个星期。' -d phone=13800000088

# ---- IDOR: other departments' objects, other citizens' letters
T idor 404 clerkB GET /mailbox/dept/7 - -
T idor 404 clerkB GET /mailbox/dept/7/file/1 - -
T idor 404 clerkB GET /mailbox/dept/7/draft - -
T idor 404 clerkA GET /mailbox/dept/8 - -
T idor 404 clerkB GET /account/department/2 - -
T idor 404 clerkB POST /mailbox/dept/7/draft - - -d csrf=@CSRF@ -d idem=@IDEM@ \
	--data-urlencode 'draft=已经处理完毕，请查收答复内容。' -d base_state=open
T idor 404 clerkB POST /mailbox/dept/7/extension - - -d csrf=@CSRF@ -d idem=@IDEM@ \
	-d ext_days=3 --data-urlencode 'ext_reason=需要更多时间。'
T idor 404 clerkB POST /mailbox/dept/7/return - - -d csrf=@CSRF@ -d idem=@IDEM@ \
	--data-urlencode 'return_reason=不属于本部门。'
T idor 403 clerkA GET /mailbox/office/9 - -
T idor 403 clerkA POST /mailbox/office/9/accept - - -d csrf=@CSRF@ -d idem=@IDEM@
T idor 403 clerkA GET /mailbox/supervise/8 - -
T idor 403 super POST /mailbox/office/3/public - - -d csrf=@CSRF@ -d idem=@IDEM@
T idor 403 office GET /account/staff - -
T idor 404 anon GET /mailbox/l/9 - -
T idor 404 anon GET /mailbox/l/12 - -
T idor 404 anon GET /mailbox/open311/v2/requests/MB20261123-0001.xml - -
# The consultation: a clerk of another department on question 5 (公安局's
# area) and on 公安局's canned answer 1, a clerk on the office's and the
# supervisors' pages, a supervisor acting; unpublished questions on the
# public pages; the asker's pages without the grant, or with the grant of
# another question.
T idor 404 clerkB GET /consult/desk/q/5 - -
for verb in claim answer note transfer dispatch close; do
	T idor 404 clerkB POST "/consult/desk/q/5/$verb" - - -d csrf=@CSRF@ -d idem=@IDEM@ \
		--data-urlencode 'body=不是本部门的问题。' -d area=5 -d department=5
done
T idor 404 clerkA GET /consult/desk/q/3 - -
T idor 404 clerkB GET /consult/desk/canned/1/delete - -
T idor 404 clerkB POST /consult/desk/canned/1/delete - - -d csrf=@CSRF@ -d idem=@IDEM@
T idor 403 clerkA GET /consult/office - -
T idor 403 clerkA GET /consult/office/q/2/publish - -
T idor 403 clerkA GET /consult/supervise - -
T idor 403 clerkA GET /consult/supervise/figures.csv - -
T idor 403 super GET /consult/desk - -
T idor 403 super POST /consult/desk/q/5/note - - -d csrf=@CSRF@ -d idem=@IDEM@ \
	--data-urlencode 'body=督查室的备注。'
T idor 403 super POST /consult/office/q/2/unpublish - - -d csrf=@CSRF@ -d idem=@IDEM@
T idor 404 anon GET /consult/answers/4 - -
T idor 404 anon GET /consult/answers/5 - -
T idor 303 anon2 GET "/consult/q/$ZX" - -
T idor 404 anon2 GET "/consult/q/$ZX/poll" - -
T idor 404 anon2 POST "/consult/q/$ZX/followup" - - -d csrf=@CSRF@ -d idem=@IDEM@ \
	--data-urlencode 'body=请问还有后续处理吗？谢谢。'
# A case's rating: another number with letter 3's token, a token for a
# number no letter has, a made-up token: one 404, for reading and rating.
for p in "/evaluate/case/$OTHER_NO/${RATE##*/}" "/evaluate/case/$GHOST/$GHOST_TOKEN" \
    "/evaluate/case/MB20261106-0001/${GHOST_TOKEN}" "${RATE%/*}/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"; do
	T idor 404 anon GET "$p" - "same|evalcase"
	T idor 404 anon POST "$p" - "same|evalcasepost" -d csrf=@CSRF@ -d idem=@IDEM@ -d level=1 \
		-d efficiency=1 -d convenience=1 -d reason=1 --data-urlencode 'comment=没有解决问题。'
done
T idor 404 none GET "/consult/q/$ZX_OTHER/poll" - - -H "Cookie: civic_zx=$GRANT"
T idor 303 none GET "/consult/q/$ZX_OTHER" - - -H "Cookie: civic_zx=$GRANT"
T idor 404 none GET "/consult/q/$ZX/poll" - - -H "Cookie: civic_zx=${GRANT%.*}.AAAA${GRANT##*.}"
for nc in "$ZX_OTHER|-d code=WRONGCODE2" "ZX20991231-0001|-d code=WRONGCODE2" \
    "$ZX_OTHER|" "ZX20991231-0001|"; do
	read -ra extra <<<"${nc#*|}"
	k=wrong
	[ "${#extra[@]}" = 0 ] && k=nocode
	T idor 422 anon POST /consult/track - "same|$k/consult/track" -d csrf=@CSRF@ \
		-d "no=${nc%%|*}" "${extra[@]}"
done
for pathargs in "/mailbox/track|" \
    "/mailbox/track/followup|--data-urlencode question=请问还有后续处理吗？谢谢。"; do
	p=${pathargs%%|*}
	read -ra extra <<<"${pathargs#*|}"
	T idor 422 anon POST "$p" - "same|wrong$p" -d csrf=@CSRF@ -d idem=@IDEM@ -d "no=$OTHER_NO" \
		-d code=WRONGCODE2 "${extra[@]}"
	T idor 422 anon POST "$p" - "same|wrong$p" -d csrf=@CSRF@ -d idem=@IDEM@ \
		-d no=MB20991231-0001 -d code=WRONGCODE2 "${extra[@]}"
	T idor 422 anon POST "$p" - "same|nocode$p" -d csrf=@CSRF@ -d idem=@IDEM@ \
		-d "no=$OTHER_NO" "${extra[@]}"
	T idor 422 anon POST "$p" - "same|nocode$p" -d csrf=@CSRF@ -d idem=@IDEM@ \
		-d no=MB20991231-0001 "${extra[@]}"
done

# The pre-review: another department's clerk (住建局's, clerkB) on 公安局's
# application, its file and its actions, as if it were not there; an
# upload of another application through this one's address, for the
# clerk and for the applicant; the applicant's pages without the grant
# (the progress page sends to the lookup), or with another application's;
# another department's item on the staff pages; a clerk on the board, a
# supervisor acting.
T idor 404 clerkB GET "/prereview/review/$APP" - -
T idor 404 clerkB GET "/prereview/review/$APP/file/$UP" - -
T idor 404 clerkB POST "/prereview/review/$APP/claim" - - -d csrf=@CSRF@ -d idem=@IDEM@
T idor 404 clerkB POST "/prereview/review/$APP/decide" - - -d csrf=@CSRF@ -d idem=@IDEM@ \
	-d v1=accepted -d decision=passed
T idor 404 clerkA GET "/prereview/review/$APP/file/$UP2" - -
T idor 404 anon GET "/prereview/case/$SER/file/$UP2" - -
T idor 303 anon2 GET "/prereview/case/$SER" - "loc|/prereview/track?no=$SER"
T idor 404 anon2 GET "/prereview/case/$SER/file/$UP" - -
T idor 404 anon2 POST "/prereview/case/$SER/correct" - - -F "csrf=${CSRF[anon2]}" \
	-F "idem=@IDEM@" -F "m1=@$W/id.pdf"
T idor 303 none GET "/prereview/case/$SER2" - "loc|/prereview/track?no=$SER2" \
	-H "Cookie: civic_ys=$PRGRANT"
T idor 404 none GET "/prereview/case/$SER2/file/$UP2" - - -H "Cookie: civic_ys=$PRGRANT"
T idor 404 clerkB GET "/prereview/staff/item/$PRITEM" - -
T idor 404 clerkA GET "/prereview/staff/item/$PROTHER/versions" - -
T idor 404 clerkB POST "/prereview/staff/item/$PRITEM" - - -d csrf=@CSRF@ -d idem=@IDEM@ \
	-d version=1 -d name=改名
T idor 403 clerkA GET /prereview/board - -
T idor 403 clerkA POST "/prereview/review/$APP/urge" - - -d csrf=@CSRF@ -d idem=@IDEM@ -d department=2
T idor 403 super POST "/prereview/review/$APP/claim" - - -d csrf=@CSRF@ -d idem=@IDEM@
T idor 303 anon GET /prereview/desk - "loc|/account/signin*"

# The catalogue: 802's clerk on 801's entries (the form, an edit, the
# publication of 801's draft 7, the withdrawal, the history and a
# version of it, an attachment, and 801's attachment through 802's own
# entry 8), a clerk of no issuing body (clerkA, 公安局) likewise, as if
# they were not there; 802's clerk making an entry of 801 or moving 802's
# there, refused beside the body; a clerk on the office's trees and
# bodies; the public on the staff's pages.  The public: 不予公开 entries
# (6, 15 and $ENTN), a draft (7), a 不予公开 entry's attachment, through
# its own entry or a public one, never reached nor listed, searched,
# fed or mapped; a 依申请公开 entry's attachment (its page is public, its
# files are not) likewise.
for who in catB clerkA; do
	T idor 404 "$who" GET "/catalogue/staff/e/$ENT" - -
	T idor 404 "$who" POST "/catalogue/staff/e/$ENT" - - "${CATF[@]/#title=*/title=改名}" \
		--form-string "version=$ENTV"
	T idor 404 "$who" GET /catalogue/staff/e/7/publish - -
	T idor 404 "$who" POST /catalogue/staff/e/7/publish - - -d csrf=@CSRF@ -d idem=@IDEM@
	T idor 404 "$who" GET "/catalogue/staff/e/$ENT/withdraw" - -
	T idor 404 "$who" POST "/catalogue/staff/e/$ENT/withdraw" - - -d csrf=@CSRF@ -d idem=@IDEM@ \
		--data-urlencode 'reason=不是本单位的信息。'
	T idor 404 "$who" GET "/catalogue/staff/e/$ENT/history" - -
	T idor 404 "$who" GET "/catalogue/staff/e/$ENT/v/$CATV1" - -
	T idor 404 "$who" GET "/catalogue/staff/e/$ENT/a/$ATT" - -
done
T idor 404 catB GET "/catalogue/staff/e/8/a/$ATT" - -
T idor 404 catA GET "/catalogue/staff/e/$ENT/a/$ATTN" - -
T idor 404 catB GET "/catalogue/staff/e/8/v/$CATV1" - -
T idor 422 catB POST /catalogue/staff/new - "err|body" "${CATF[@]}"
T idor 422 clerkA POST /catalogue/staff/new - "err|body" "${CATF[@]}"
T idor 422 catB POST /catalogue/staff/e/8 - "err|body" --form-string csrf=@CSRF@ \
	--form-string idem=@IDEM@ --form-string title=区教育局机构设置 --form-string body=801 \
	--form-string written_on=2025-01-06 --form-string category=11 --form-string theme=101 \
	--form-string genre=23 --form-string disclosure=active --form-string validity=valid \
	--form-string version=1
T idor 200 catA GET '/catalogue/staff/entries?format=xml&body=802' - 'lacks|区教育局机构设置'
T idor 403 catA GET /catalogue/staff/categories - -
T idor 403 catA POST /catalogue/staff/categories - - -d csrf=@CSRF@ -d idem=@IDEM@ -d parent=3 \
	-d code=0399 --data-urlencode 'name=不该有的类目'
T idor 403 catB GET /catalogue/staff/body/802 - -
T idor 403 catB POST /catalogue/staff/body/802 - - -d csrf=@CSRF@ -d idem=@IDEM@ \
	-d stamp=00000000000000000000000000000000 -d org_code=008213499
T idor 403 super GET /catalogue/staff/entries - -
T idor 303 anon GET /catalogue/staff/entries - "loc|/account/signin*"
T idor 303 anon GET "/catalogue/staff/e/$ENT/a/$ATT" - "loc|/account/signin*"
for e in 6 15 7 "$ENTN" "$ENTN/a/$ATTN" "$ENT/a/$ATTN" "7/a/$ATT" "$ENTR/a/$ATTR" \
    "$ENT/a/$ATTR" 999999; do
	T idor 404 anon GET "/catalogue/e/$e" - "same|catnone"
done
HIDDEN="区财政局内部审计工作底稿|区卫生健康局信访人员名册|政府采购意向公开（草稿）"
SHOWN="+/catalogue/e/$ENT\"|+区财政局2026年部门预算"
T idor 200 anon GET /catalogue/feed.atom - "lacks|$SHOWN|$HIDDEN|/catalogue/e/$ENTN\"|/catalogue/e/$ENTN<"
T idor 200 anon GET /catalogue/feed.atom?body=801 - "lacks|$SHOWN|$HIDDEN|/catalogue/e/$ENTN\"|/catalogue/e/$ENTN<"
T idor 200 anon GET /catalogue/sitemap.xml - \
	"lacks|+/catalogue/e/$ENT<|+/catalogue/e/1<|/catalogue/e/6<|/catalogue/e/15<|/catalogue/e/7<|/catalogue/e/$ENTN<"
T idor 200 anon GET '/catalogue/list?format=xml&q=%E5%BA%95%E7%A8%BF' - "noresult|entry"
T idor 200 anon GET '/catalogue/list?format=xml&q=%E4%B8%93%E9%A1%B9%E8%B5%84%E9%87%91' - \
	"lacks|+<entry><id>2</id>|$HIDDEN"	# 专项资金: found, nothing hidden with it
T idor 200 anon GET '/catalogue/list?format=xml&body=801' - "lacks|+<entry><id>$ENT</id>|$HIDDEN|<entry><id>$ENTN</id>"
T idor 200 anon GET '/catalogue/?format=xml' - "lacks|+<entry><id>$ENT</id>|$HIDDEN|<entry><id>$ENTN</id>"

# ---- enumeration: wrong codes for one number (10 an hour), then numbers (30 an hour an address)
for i in $(seq 1 10); do
	T ratelimit 422 anon POST /mailbox/track - - -d csrf=@CSRF@ -d "no=$OTHER_NO" -d "code=WRONG$i"
done
T ratelimit 429 anon POST /mailbox/track - - -d csrf=@CSRF@ -d "no=$OTHER_NO" -d "code=$CODE"
for i in $(seq 1 19); do
	T ratelimit 422 anon POST /mailbox/track - - -d csrf=@CSRF@ \
		-d "no=$(printf 'MB20261101-%04d' "$i")" -d code=WRONGCODE3
done
T ratelimit 429 anon POST /mailbox/track - - -d csrf=@CSRF@ -d no=MB20261101-0020 -d code=X
# The consultation's lookup counts as the mailbox's: ten wrong codes for
# one number, then thirty failures from one address.
for i in $(seq 1 10); do
	T ratelimit 422 anon POST /consult/track - - -d csrf=@CSRF@ -d "no=$ZX_OTHER" -d "code=WRONG$i"
done
T ratelimit 429 anon POST /consult/track - - -d csrf=@CSRF@ -d "no=$ZX_OTHER" -d "code=$CODE"
for i in $(seq 1 19); do
	T ratelimit 422 anon POST /consult/track - - -d csrf=@CSRF@ \
		-d "no=$(printf 'ZX20261101-%04d' "$i")" -d code=WRONGCODE3
done
T ratelimit 429 anon POST /consult/track - - -d csrf=@CSRF@ -d no=ZX20261101-0020 -d code=X
# Thirty questions an hour from one address (a village service point's
# PC), counted before the form is looked at: the 31st try is refused.
mapfile -t a < <(question_form)
for i in $(seq 1 30); do
	T ratelimit 422 anon POST /consult/ask - - "${a[@]}"
done
T ratelimit 429 anon POST /consult/ask - - "${a[@]}" --data-urlencode phone=13800000088
# The pre-review's lookup (its own counters, access.h): ten wrong codes
# for one serial, then thirty failures from one address; thirty
# applications an hour from one address (the route's limit), the 31st
# refused before the form is looked at.
for i in $(seq 1 10); do
	T ratelimit 422 anon POST /prereview/track - - -d csrf=@CSRF@ -d "no=$SER2" -d "code=WRONG$i"
done
T ratelimit 429 anon POST /prereview/track - - -d csrf=@CSRF@ -d "no=$SER2" -d code=WRONGCODE4
for i in $(seq 1 19); do
	T ratelimit 422 anon POST /prereview/track - - -d csrf=@CSRF@ \
		-d "no=$(printf 'YS20261101-%04d' "$i")" -d code=WRONGCODE3
done
T ratelimit 429 anon POST /prereview/track - - -d csrf=@CSRF@ -d no=YS20261101-0020 -d code=X
for i in $(seq 1 30); do
	T ratelimit 422 anon POST "$PRAPPLY" - "err|m1" "${PRF[@]}"
done
T ratelimit 429 anon POST "$PRAPPLY" - - "${PRF[@]}" -F "m1=@$W/id.pdf"

# ---- path traversal and odd paths: never a file, never another program
for p in /mailbox/../account/ /mailbox/%2e%2e/account/ /mailbox/..%2faccount/ \
    /mailbox/%2e%2e%2faccount%2f //mailbox//office /mailbox//office "/mailbox/l/3%2f..%2f9" \
    /mailbox/open311/v2/%2e%2e /demo/m/1/%2e%2e/%2e%2e/new /account/%2e%2e/demo/ \
    /mailbox/l/3/ /mailbox/sent/..%2f..%2fl%2f9 /mailbox/.%2foffice \
    /demo/m/%2e%2e%2f%2e%2e%2fetc%2fpasswd /consult/../mailbox/ /consult/%2e%2e/account/ \
    /consult/..%2fdesk /consult//desk "/consult/q/$ZX%2f..%2f..%2fdesk" /consult/answers/%2e%2e \
    /consult/desk/q/5/%2e%2e/%2e%2e/office /consult/./desk /consult/answers/2/ \
    /consult/answers/feed.atom/..%2f2 "/consult/q/$ZX/poll/.." /prereview/../account/ \
    /prereview/%2e%2e/mailbox/office "/prereview/item/..%2f..%2faccount%2f" \
    "/prereview/case/$SER/file/..%2f..%2f..%2fetc%2fpasswd" "/prereview/case/$SER%2f..%2f$SER2" \
    "/prereview/review/$APP/file/%2e%2e%2f%2e%2e%2fetc%2fpasswd" /prereview/./desk \
    /catalogue/../account/ /catalogue/%2e%2e/mailbox/office /catalogue/e/..%2f6 \
    "/catalogue/e/$ENT%2f..%2f6" "/catalogue/e/$ENT/a/..%2f..%2f..%2fetc%2fpasswd" \
    "/catalogue/e/$ENT/a/$ATT%2f..%2f$ATTN" "/catalogue/staff/e/$ENT/a/%2e%2e%2f%2e%2e%2fetc%2fpasswd" \
    "/catalogue/staff/e/$ENT/..%2f7/publish" /catalogue/./staff/entries /catalogue//staff/entries \
    "/catalogue/e/$ENT/" /catalogue/sitemap.xml/..%2f..%2fetc%2fpasswd \
    "/catalogue/sitemap.xml?part=..%2f..%2fetc%2fpasswd" "/catalogue/sitemap.xml?part=../../etc/passwd" \
    "/catalogue/sitemap.xml?part=1/../2" "/catalogue/sitemap.xml?part=%2e%2e"; do
	T traversal '400@web|404@web|400|404' office GET "$p" - nofile --path-as-is
done
for p in /mailbox/../../etc/passwd /demo/%2e%2e/%2e%2e/etc/passwd \
    /civic-static/..%2f..%2f..%2fetc%2fpasswd /mailbox/%00 /consult/../../etc/passwd \
    /consult/q/..%2f..%2f..%2fetc%2fpasswd /consult/%00 /prereview/../../etc/passwd \
    "/prereview/item/$PRCODE/form/..%2f..%2f..%2fetc%2fpasswd" /prereview/%00 \
    /catalogue/../../etc/passwd /catalogue/e/%2e%2e/%2e%2e/etc/passwd /catalogue/%00 \
    "/catalogue/e/6%00" "/catalogue/e/$ENT/a/..%2f..%2f..%2fetc%2fpasswd" \
    "/catalogue/sitemap.xml?part=..%2f..%2f..%2fetc%2fpasswd"; do
	T traversal '400@web|404@web|400|404' anon GET "$p" - nofile --path-as-is
done

# ---------------------------------------------------------------- the loop
declare -A COUNT PASSED SAME
CLASSES=()
PROGRAM_LOG=

# expand WORD: the placeholders of a table row filled in.
expand() {
	local s=$1
	s=${s//@CSRF@/${CSRF[$JARNAME]}}
	# The kernel's UUID, not $RANDOM: expand runs in a subshell, where
	# bash reseeds RANDOM from the time and the pid, and two keys once
	# came out alike (the second request then got the first's answer).
	case $s in *@IDEM@*) s=${s//@IDEM@/bi-$(cat /proc/sys/kernel/random/uuid)} ;; esac
	s=${s//@W@/$W}
	case $s in *@LASTNOTE@*) s=${s//@LASTNOTE@/$(sql "SELECT MAX(id) FROM demo_note")} ;; esac
	case $s in
	*@LASTLETTER@*) s=${s//@LASTLETTER@/$(sql "SELECT MAX(id) FROM mailbox_letter")} ;;
	esac
	case $s in
	*@LASTQUESTION@*)
		s=${s//@LASTQUESTION@/$(sql "SELECT MAX(id) FROM consult_question")} ;;
	esac
	case $s in *@LASTAPP@*) s=${s//@LASTAPP@/$(sql "SELECT MAX(id) FROM pr_application")} ;; esac
	case $s in *@LASTENTRY@*) s=${s//@LASTENTRY@/$(sql "SELECT MAX(id) FROM cat_entry")} ;; esac
	case $s in *@CATSTAMP@*) s=${s//@CATSTAMP@/$(cat_stamp cat_category 21)} ;; esac
	case $s in *@THEMESTAMP@*) s=${s//@THEMESTAMP@/$(cat_stamp cat_theme 201)} ;; esac
	printf '%s' "$s"
}

# log_has RID STATUS: the line of the program that answered (which may not
# be the one the path names: nginx normalises "/mailbox/../account/").
log_has() {
	grep -qhE "\\[$1\\] info: $METHOD [^ ]+ $2\$" "$CIVIC_T/demo.log" "$CIVIC_T/account.log" \
		"$CIVIC_T/mailbox.log" "$CIVIC_T/consult.log" "$CIVIC_T/evaluate.log" \
		"$CIVIC_T/prereview.log" "$CIVIC_T/catalogue.log"
}

# The text of a page without what differs between two answers: tokens,
# keys, the request id, the values typed, the tracking number the client
# gave (echoed in the link back to the form), the catalogue entry's path
# (echoed in the link to the page in the other language).
normalized() {
	sed -e 's/request-id="[^"]*"//g' -e 's/value="[^"]*"//g' \
		-e 's:/catalogue/e/[0-9a/]*:/catalogue/e/ID:g' \
		-e 's/\(MB\|ZX\)[0-9]\{8\}-[0-9]\{4,6\}/NO/g' -e 's/<\(csrf\|idem\)>[^<]*</<\1></g' \
		-e 's:/evaluate/case/NO/[A-Za-z0-9_-]*:/evaluate/case/NO/TOKEN:g' "$1"
}

# check_escaped PAYLOAD FILE [WANT]: PAYLOAD is not in FILE as markup; with
# WANT, its escaped form is there.
check_escaped() {
	local x=$1 f=$2 esc
	esc=$(printf '%s' "$x" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g')
	case $x in
	*'<'* | *'>'*) grep -qF -- "$x" "$f" && { why="'$x' unescaped in $3"; return 1; } ;;
	esac
	if grep -Eqi '(href|src|action)="javascript:' "$f"; then
		why="a javascript: URL in an attribute in $3"
		return 1
	fi
	if [ "${4:-}" = want ] && ! grep -qF -- "$esc" "$f" &&
	    ! grep -qF -- "$(printf '%s' "$esc" | sed 's/"/\&quot;/g')" "$f"; then
		why="'$esc' not shown in $3"
		return 1
	fi
	return 0
}

# extra CHECK JAR: the row's own check; sets why on failure.
extra() {
	local kind=${1%%|*} rest=${1#*|} a b v vj
	case $kind in
	-) return 0 ;;
	allow)
		v=$(header Allow)
		[ -n "$v" ] || { why="no Allow header"; return 1; }
		[ -z "$rest" ] || [ "$v" = "$rest" ] || { why="Allow: $v, expected $rest"; return 1; }
		;;
	esc)
		a=${rest%%|*} b=${rest#*|} vj=office
		case $b in *'|'*) vj=${b#*|} b=${b%%|*} ;; esac
		check_escaped "$a" "$BODY" "the answer" || return 1
		if [ "$STATUS" != 303 ]; then
			# The same refusal or preview as XML.
			http "$METHOD" "$(expand "$PATH_")" -b "${JAR[$2]}" -H 'Accept: application/xml' \
				"${ARGS[@]}"
			"$XMLLINT" --noout "$BODY" 2>/dev/null || { why="ill-formed XML answer"; return 1; }
			check_escaped "$a" "$BODY" "the XML answer" want || return 1
		fi
		[ "$b" = - ] && return 0
		b=$(expand "$b")
		http GET "$b" -b "${JAR[$vj]}"
		[ "$STATUS" = 200 ] || { why="$b answered $STATUS"; return 1; }
		check_escaped "$a" "$BODY" "$b" want || return 1
		http GET "$b?format=xml" -b "${JAR[$vj]}"
		"$XMLLINT" --noout "$BODY" 2>/dev/null || { why="$b?format=xml is ill-formed"; return 1; }
		check_escaped "$a" "$BODY" "$b?format=xml" want || return 1
		;;
	same)
		v=$(normalized "$BODY")
		if [ -z "${SAME[$rest]+x}" ]; then
			SAME[$rest]="$STATUS $v"
		elif [ "${SAME[$rest]}" != "$STATUS $v" ]; then
			why="answer differs from the first '$rest' case"
			return 1
		fi
		;;
	lit)
		a=${rest%%|*} b=${rest#*|}
		v=$(sql_raw "$a")
		[ "$v" = "$b" ] || { why="stored '$v', sent '$b'"; return 1; }
		;;
	err)
		grep -q "id=\"f-$rest-error\"" "$BODY" || { why="no error beside $rest"; return 1; }
		;;
	loc)
		v=$(header Location)
		# shellcheck disable=SC2053 # a pattern
		[[ $v == $rest ]] || { why="Location: '$v', expected $rest"; return 1; }
		;;
	nofile)
		! grep -q 'root:.*:0:0:' "$BODY" || { why="a system file in the body"; return 1; }
		;;
	lacks)
		while [ -n "$rest" ]; do
			a=${rest%%|*}
			[ "$a" = "$rest" ] && rest= || rest=${rest#*|}
			case $a in
			+*)	# what must be there, so that the check can fail
				grep -qF -- "${a#+}" "$BODY" || { why="'${a#+}' not in the answer"; return 1; } ;;
			*)	! grep -qF -- "$a" "$BODY" || { why="'$a' in the answer"; return 1; } ;;
			esac
		done
		;;
	noresult)
		[ "$rest" = noresult ] && rest=letter
		! grep -q "<$rest[ >]" "$BODY" || { why="the search found a $rest"; return 1; }
		;;
	esac
	return 0
}

run_case() {
	local class=$1 want=$2 jar=$3 store=$6 check=$7 before after rid st by=prog
	local i ok=1 w
	JARNAME=$jar METHOD=$4 PATH_=$5
	shift 7
	ARGS=()
	for w in "$@"; do
		case $w in *@*) ARGS+=("$(expand "$w")") ;; *) ARGS+=("$w") ;; esac
	done
	before=$LAST_FP
	local nlines=0
	case $want in *@web*) nlines=$(wc -l <"$CIVIC_T/nginx/logs/access.log") ;; esac
	http "$METHOD" "$(expand "$PATH_")" -b "${JAR[$jar]}" "${ARGS[@]}"
	st=$STATUS
	why=
	# The status: one of the alternatives, each "N" (a program answers,
	# with its X-Request-Id) or "N@web" (nginx answers, without one).
	rid=$(header X-Request-Id)
	[ -n "$rid" ] || by=web
	ok=0
	for w in ${want//|/ }; do
		if { [ "$by" = prog ] && [ "$w" = "$st" ]; } ||
		    { [ "$by" = web ] && [ "$w" = "$st@web" ]; }; then
			ok=1
		fi
	done
	[ "$ok" = 1 ] || why="status $st from $by, expected $want"
	case $st in 5* | 000) ok=0 why="status $st" ;; esac
	# The log line of the program, or of nginx.
	if [ "$ok" = 1 ] && [ "$by" = prog ] && ! wait_for 2 log_has "$rid" "$st"; then
		ok=0 why="no log line [$rid] $METHOD … $st"
	elif [ "$ok" = 1 ] && [ "$by" = web ] && ! { wait_for 2 test \
	    "$(wc -l <"$CIVIC_T/nginx/logs/access.log")" -gt "$nlines" &&
	    tail -n 1 "$CIVIC_T/nginx/logs/access.log" | grep -q "\" $st "; }; then
		ok=0 why="no nginx access log line with $st"
	fi
	# Nothing stored.
	after=$(fingerprint)
	LAST_FP=$after
	if [ "$ok" = 1 ] && [ "$store" = - ] && [ "$before" != "$after" ]; then
		ok=0 why="a table changed"
	fi
	if [ "$ok" = 1 ] && ! extra "$check" "$jar"; then
		ok=0
	fi
	if [ -z "${COUNT[$class]+x}" ]; then
		CLASSES+=("$class")
		COUNT[$class]=0 PASSED[$class]=0
	fi
	COUNT[$class]=$((COUNT[$class] + 1))
	if [ "$ok" = 1 ]; then
		PASSED[$class]=$((PASSED[$class] + 1))
		pass "$class: $METHOD ${PATH_:0:80} -> $st"
	else
		fail "$class: $METHOD ${PATH_:0:80}: $why"
		cp "$BODY" "$W/failed-$CIVIC_FAILED.body"
	fi
}

note "${#CASES[@]} cases"
LAST_FP=$(fingerprint)
prev=
for c in "${CASES[@]}"; do
	eval "set -- $c"
	# Each class starts with fresh rate-limit counters.
	[ "$1" = "$prev" ] || sql "DELETE FROM rate_limit"
	prev=$1
	run_case "$@"
done

printf '\n%-12s %6s %7s\n' class count passed
for c in "${CLASSES[@]}"; do
	printf '%-12s %6d %7d\n' "$c" "${COUNT[$c]}" "${PASSED[$c]}"
done
printf '%-12s %6d %7d\n\n' total "${#CASES[@]}" "$CIVIC_PASSED"
finish
