#!/bin/bash
# http.sh: the demo program through nginx, as a browser and a script see it.
# A private MariaDB, civic-demo.fcgi on a unix socket and nginx on
# 127.0.0.1 (tests/integration/lib.sh).  The rate-limit test is last and
# floods from its own loopback address, so it cannot disturb the others.

. "$(dirname "$0")/lib.sh"

# The table the demo's notes live in (sql/002-demo.sql).
NOTE_TABLE=${NOTE_TABLE:-demo_note}

civic_stack_up --workers 2

W=$CIVIC_T/work

# ------------------------------------------------------------ helpers

note_count() { sql "SELECT COUNT(*) FROM $NOTE_TABLE"; }

# get_tokens JAR [CURL-OPTIONS]: loads the form (XML) with the cookie jar
# JAR; sets CSRF and IDEM from /page/csrf and /page/idem.
get_tokens() {
	local jar=$1
	shift
	http GET '/demo/new?format=xml' -b "$jar" -c "$jar" "$@"
	CSRF=$(tr -d '\n' <"$BODY" | sed -n 's:.*<csrf>\([^<]*\)</csrf>.*:\1:p')
	IDEM=$(tr -d '\n' <"$BODY" | sed -n 's:.*<idem>\([^<]*\)</idem>.*:\1:p')
}

# A valid letter; form_fields NAME=VALUE... overrides fields, and !NAME
# leaves a field out.  Sets FIELDS to "name=value" strings, in form order.
# 11010519491231002X is the standard example of a valid ID number.
form_fields() {
	local -A f=(
		[title]='关于城东路灯维修的建议'
		[category]='建议'
		[body]='城东大街的路灯已经坏了两个星期，晚上出行很不方便，请尽快维修。'
		[name]='欧阳测试'
		[mobile]='13912345678'
		[email]='citizen@example.com'
		[idcard]='11010519491231002X'
		[visit_date]='2026-01-15'
		[csrf]="$CSRF"
		[idem]="$IDEM"
	)
	local kv k
	for kv in "$@"; do
		case $kv in
		!*) unset "f[${kv#!}]" ;;
		*) f[${kv%%=*}]=${kv#*=} ;;
		esac
	done
	FIELDS=()
	for k in title category body name mobile email idcard visit_date csrf idem; do
		[[ -v f[$k] ]] && FIELDS+=("$k=${f[$k]}")
	done
	return 0
}

# post_form JAR [FIELD-OVERRIDES...] [-- CURL-OPTIONS...]: POST /demo/new,
# application/x-www-form-urlencoded.
post_form() {
	local jar=$1 args=() kv
	shift
	local over=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do over+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	form_fields "${over[@]}"
	for kv in "${FIELDS[@]}"; do args+=(--data-urlencode "$kv"); done
	http POST /demo/new -b "$jar" "${args[@]}" "$@"
}

# post_multipart JAR FILE-SPEC [FIELD-OVERRIDES...]: multipart/form-data with
# the attachment given as curl's -F value (e.g. @file;type=...;filename=...).
post_multipart() {
	local jar=$1 file=$2 args=() kv
	shift 2
	form_fields "$@"
	for kv in "${FIELDS[@]}"; do args+=(--form-string "$kv"); done
	http POST /demo/new -b "$jar" "${args[@]}" -F "attachment=$file"
}

# The path part of the Location header (it may be absolute).
location_path() {
	header Location | sed -E 's|^https?://[^/]*||'
}

# ------------------------------------------------------------ pages

http GET /demo/
expect_status "GET /demo/ is 200" 200
expect_header "GET /demo/ is HTML" Content-Type '^text/html; *charset=utf-8$'
expect_body_contains "GET /demo/ shows the site name" "示范县"
expect_body_contains "GET /demo/ is an HTML document" "<html"
expect_body_contains "GET /demo/ links the CSS from /civic-static/" "/civic-static/"
expect_body_lacks "GET /demo/ has no inline script" "<script>"
expect_security_headers "GET /demo/"
# The newest notes of the demo data are on the first page.
mapfile -t titles < <(sql "SELECT title FROM $NOTE_TABLE ORDER BY id DESC LIMIT 3")
if [ "${#titles[@]}" -eq 0 ]; then
	fail "the demo data has notes (table $NOTE_TABLE is empty)"
fi
for t in "${titles[@]}"; do
	expect_body_contains "GET /demo/ lists the note '$t'" "$t"
done

http HEAD /demo/
expect_status "HEAD /demo/ is 200" 200
expect_header "HEAD /demo/ has the HTML Content-Type" Content-Type '^text/html'
# curl --head reads no body at all, so ask over a plain socket: nothing
# may follow the blank line that ends the headers.
raw_head() {
	exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT" || return 1
	printf 'HEAD /demo/ HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
	timeout 5 cat <&3 >"$W/head.raw"
	exec 3<&-
	grep -q '^HTTP/1.[01] 200' "$W/head.raw" &&
		[ "$(sed -n '/^\r$/,$p' "$W/head.raw" | wc -c)" -eq 2 ]
}
check "HEAD /demo/ has no body" raw_head

http GET '/demo/?format=xml'
expect_status "GET /demo/?format=xml is 200" 200
expect_header "?format=xml is application/xml" Content-Type '^application/xml'
check "?format=xml starts with <?xml" grep -q '^<?xml' <(head -c 5 "$BODY"; echo)
expect_body_contains "?format=xml names its stylesheet" "<?xml-stylesheet"
expect_body_contains "?format=xml is the note-list view" 'view="note-list"'
expect_body_contains "?format=xml has the CSRF token" "<csrf>"
expect_security_headers "GET /demo/?format=xml"
[ "${#titles[@]}" -gt 0 ] && expect_body_contains "?format=xml has the newest note" "${titles[0]}"
xsl_href=$(sed -n 's/.*<?xml-stylesheet[^>]*href="\([^"]*\)".*/\1/p' "$BODY" | head -n 1)
cp "$BODY" "$W/list.xml"

http GET /demo/ -H 'Accept: application/xml'
expect_status "Accept: application/xml is 200" 200
expect_header "Accept: application/xml gives XML" Content-Type '^application/xml'
check "Accept: application/xml starts with <?xml" grep -q '^<?xml' <(head -c 5 "$BODY"; echo)
expect_body_contains "Accept: application/xml names its stylesheet" "<?xml-stylesheet"

# The stylesheet and the CSS come from nginx, so a browser can render the XML.
if [ -n "$xsl_href" ]; then
	case $xsl_href in
	/*) ;;
	*) xsl_href=/demo/$xsl_href ;;
	esac
	http GET "$xsl_href"
	expect_status "the page's stylesheet $xsl_href is served" 200
	expect_header "the stylesheet is served as XML" Content-Type '(text/xsl|xml)'
	expect_body_contains "the stylesheet is XSLT" "xsl:stylesheet"
else
	fail "the XML page has no href in <?xml-stylesheet?>"
fi
http GET /civic-static/static/civic.css
expect_status "the CSS is served" 200
expect_header "the CSS is text/css" Content-Type '^text/css'
http GET /civic-static/layout.xsl
expect_status "layout.xsl is served" 200

http GET /demo
expect_status "/demo redirects to /demo/" 301

# ------------------------------------------------------------ errors

http GET /demo/no/such/page
expect_status "unknown path is 404" 404
expect_header "the 404 page is HTML" Content-Type '^text/html'
expect_body_contains "the 404 page is the site's page" "示范县"
expect_security_headers "404"

http GET /demo/m/999999999
expect_status "absent note is 404" 404
http GET /demo/m/999999999/file
expect_status "absent note's file is 404" 404

http PUT /demo/ --data 'x=1'
expect_status "PUT /demo/ is 405" 405
expect_header "405 has Allow with GET" Allow 'GET'
expect_security_headers "405"
http DELETE /demo/new
expect_status "DELETE /demo/new is 405" 405
expect_header "DELETE /demo/new: Allow has POST" Allow 'POST'

http GET '/demo/?after=%ff'
expect_status "invalid UTF-8 in the query is 400" 400
expect_security_headers "400"
http GET '/demo/?after=%c3%28'
expect_status "a broken UTF-8 sequence in the query is 400" 400
http GET '/demo/?after=1%00'
expect_status "%00 in the query is 400" 400
http GET '/demo/?after=1&after=2'
expect_status "a duplicate query key is 400" 400

# ------------------------------------------------------------ the form

JAR=$W/jar
http GET /demo/new -c "$JAR"
expect_status "GET /demo/new is 200" 200
expect_body_contains "the form has the CSRF field" 'name="csrf"'
expect_body_contains "the form has the idempotency field" 'name="idem"'
expect_body_contains "the form is multipart" 'multipart/form-data'
expect_header "the CSRF cookie is set" Set-Cookie '^civic_csrf='
expect_header "the CSRF cookie is HttpOnly" Set-Cookie 'HttpOnly'
expect_header "the CSRF cookie is SameSite=Strict" Set-Cookie 'SameSite=Strict'
expect_security_headers "GET /demo/new"

get_tokens "$JAR"
check "the XML form has /page/csrf" test -n "$CSRF"
check "the XML form has /page/idem" test -n "$IDEM"
n0=$(note_count)

# 422: the form comes back with what was typed and the error.
post_form "$JAR" title=短标题 -- -H 'Accept: application/xml'
expect_status "a too short title is 422" 422
expect_body_contains "422 names the field and the error" 'field="title"'
expect_body_contains "422 gives the error key" 'key="v.short"'
expect_body_contains "422 keeps the title typed" '短标题'
expect_body_contains "422 keeps the body typed" '城东大街的路灯已经坏了两个星期'
expect_body_contains "422 keeps the values as <value>" '<value name="title">短标题</value>'
post_form "$JAR" title=短标题
expect_status "a too short title is 422 (HTML)" 422
expect_header "422 (HTML) is HTML" Content-Type '^text/html'
expect_body_contains "422 (HTML) keeps the body typed" '城东大街的路灯已经坏了两个星期'
expect_security_headers "422"
# A wrong check digit, a month 13, a category not offered, no body at all.
post_form "$JAR" mobile=12345678901 'idcard=110105194912310021' visit_date=2026-13-45 \
	category=投诉 email=not-an-address '!body' -- -H 'Accept: application/xml'
expect_status "bad fields are 422" 422
for f in mobile idcard visit_date category email body; do
	expect_body_contains "422 has an error for $f" "<error field=\"$f\""
done
expect_body_lacks "422 has no error for the valid title" '<error field="title"'
check_eq "nothing was written by the 422s" "$n0" "$(note_count)"

# 303: a valid letter.  The body carries markup that must come out as text.
XSS='<script>alert("xss")</script><img src=x onerror=alert(1)>'
post_form "$JAR" "body=路灯坏了很久了，请尽快处理。$XSS"
expect_status "a valid POST is 303" 303
loc=$(location_path)
check "303 goes to /demo/m/{id}" grep -Eq '^/demo/m/[0-9]+$' <<<"$loc"
first_loc=$loc
check_eq "one note was written" "$((n0 + 1))" "$(note_count)"

# The same idempotency key again: the same answer, no second note.
post_form "$JAR" "body=路灯坏了很久了，请尽快处理。$XSS"
expect_status "a repeated POST is 303" 303
check_eq "a repeated POST goes to the same note" "$first_loc" "$(location_path)"
check_eq "a repeated POST writes no second note" "$((n0 + 1))" "$(note_count)"
# The writer's SMS was queued with the note, once.
note_id=${first_loc##*/}
check_eq "the note's SMS is in the outbox, once" "1" \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE template = 'demo.note.created' AND params LIKE 'id=$note_id\n%'")"

http GET "$first_loc"
expect_status "the new note's page is 200" 200
expect_body_contains "the note page shows the title" '关于城东路灯维修的建议'
expect_body_contains "the note page shows the body" '路灯坏了很久了，请尽快处理。'
expect_body_lacks "the note page hides the name" '欧阳测试'
expect_body_lacks "the note page hides the mobile number" '13912345678'
expect_body_lacks "the note page hides the ID number" '11010519491231002X'
expect_body_lacks "the note page hides the e-mail address" 'citizen@example.com'
expect_body_lacks "the note page does not run <script>" '<script>alert('
expect_body_lacks "the note page has no live <img onerror>" '<img src=x'
expect_body_contains "the note page shows the markup as text" '&lt;script&gt;'
expect_security_headers "note page"
http GET "$first_loc?format=xml"
expect_body_lacks "the note's XML hides the name" '欧阳测试'
expect_body_lacks "the note's XML hides the mobile number" '13912345678'

# 403: no cookie, or a token that is not the cookie's.
get_tokens "$JAR"
n1=$(note_count)
form_fields "title=没有令牌的提交测试"
args=()
for kv in "${FIELDS[@]}"; do args+=(--data-urlencode "$kv"); done
http POST /demo/new "${args[@]}"
expect_status "POST without the CSRF cookie is 403" 403
expect_security_headers "403"
post_form "$JAR" "title=令牌错误的提交测试" "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
expect_status "POST with a wrong CSRF token is 403" 403
post_form "$JAR" "title=没有令牌字段的测试" '!csrf'
expect_status "POST without the CSRF field is 403" 403
check_eq "nothing was written by the 403s" "$n1" "$(note_count)"

# ------------------------------------------------------------ uploads

printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' >"$W/small.pdf"
get_tokens "$JAR"
post_multipart "$JAR" "@$W/small.pdf;type=application/pdf;filename=../../x.pdf" "title=带附件的测试留言"
expect_status "a multipart POST with a PDF is 303" 303
ploc=$(location_path)
check "the multipart POST goes to /demo/m/{id}" grep -Eq '^/demo/m/[0-9]+$' <<<"$ploc"
http GET "$ploc"
expect_status "the note with a file is 200" 200
expect_body_contains "the note page links its file" "$ploc/file"
http GET "$ploc/file"
expect_status "the attachment downloads" 200
check "the download has the bytes uploaded" cmp -s "$BODY" "$W/small.pdf"
expect_header "the download is an attachment" Content-Disposition '^attachment'
expect_header "the download is named x.pdf, without the path" Content-Disposition "filename\\*?=(\"|UTF-8'')?x\\.pdf"
expect_header "the download has nosniff" X-Content-Type-Options '^nosniff$'
expect_header "the download is a PDF" Content-Type '^application/pdf'
if header Content-Disposition | grep -q '\.\.'; then
	fail "the stored file name keeps the path: $(header Content-Disposition)"
else
	pass "the stored file name has no '..'"
fi

printf 'This is plain text, not a PDF at all.\n' >"$W/fake.pdf"
get_tokens "$JAR"
n2=$(note_count)
post_multipart "$JAR" "@$W/fake.pdf;type=application/pdf;filename=fake.pdf" "title=假冒的附件测试"
expect_status "a text file sent as application/pdf is 422" 422
expect_body_contains "the 422 is about the attachment" 'attachment'
check_eq "the rejected upload wrote nothing" "$n2" "$(note_count)"

# ------------------------------------------------------------ display modes

# ?a11y= (大字版, 高对比度; doc/webmaster.md): a known mode goes to the page
# as /page/site/@a11y and onto <html> as classes; anything else is the
# ordinary look (never echoed); a redirect after a POST keeps the mode.
http GET '/demo/?a11y=large-contrast&format=xml'
expect_body_contains "?a11y=large-contrast is /page/site/@a11y" 'a11y="large-contrast"'
valid "… and the page is valid against page.rng"
http GET '/demo/?a11y=large'
expect_body_contains "?a11y=large puts a11y-large on <html>" '<html lang="zh-CN" class="a11y-large">'
expect_body_contains "… and keeps it on the content's links" 'href="/demo/new?a11y=large"'
http GET '/demo/?a11y=%3Cb%3Ebig&format=xml'
expect_status "an unknown ?a11y= is 200" 200
expect_body_lacks "an unknown ?a11y= is left out of the page" 'a11y='
get_tokens "$JAR"
form_fields "title=大字版下提交的留言"
args=()
for kv in "${FIELDS[@]}"; do args+=(--data-urlencode "$kv"); done
http POST '/demo/new?a11y=contrast' -b "$JAR" "${args[@]}"
expect_status "a valid POST in high contrast is 303" 303
check "… and its redirect keeps ?a11y=contrast" \
	grep -Eq '^/demo/m/[0-9]+[?]a11y=contrast$' <<<"$(location_path)"

# ------------------------------------------------------------ 413

head -c $((16 * 1024 * 1024 + 1)) /dev/zero | tr '\0' 'a' >"$W/big.txt"
HTTP_TIMEOUT=30 http POST /demo/new -b "$JAR" -H 'Expect:' --data-binary "@$W/big.txt"
expect_status "a body of 16 MiB + 1 is 413" 413
expect_body_contains "the 413 is the program's page, not nginx's" "示范县"
expect_security_headers "413"
rm -f "$W/big.txt"

# ------------------------------------------------------------ paging

# More notes than one page holds (the demo data has a handful), then the
# first page links the next one by key (?after=N), not by offset.
vals=
for i in $(seq 1 25); do
	vals="$vals${vals:+,}('分页测试留言第${i}条', '其他', '为了测试分页而写入的第${i}条留言。', '测试', '13800000000')"
done
sql "INSERT INTO $NOTE_TABLE (title, category, body, name, mobile) VALUES $vals"
newest=$(sql "SELECT title FROM $NOTE_TABLE ORDER BY id DESC LIMIT 1")
http GET /demo/
expect_body_contains "the first page shows the newest note" "$newest"
after=$(grep -o 'after=[0-9]*' "$BODY" | head -n 1 | cut -d= -f2)
if [ -z "$after" ]; then
	fail "the list has a next-page link ?after=N ($(note_count) notes)"
else
	pass "the list has a next-page link ?after=$after"
	below=$(sql "SELECT title FROM $NOTE_TABLE WHERE id < $after ORDER BY id DESC LIMIT 1")
	expect_body_lacks "the first page stops at the key" "$below"
	http GET "/demo/?after=$after"
	expect_status "the next page is 200" 200
	expect_body_lacks "the next page does not repeat the newest note" "$newest"
	expect_body_contains "the next page starts below the key" "$below"
	http GET "/demo/?after=$after&format=xml"
	expect_status "the next page as XML is 200" 200
fi
http GET '/demo/?after=abc'
case $STATUS in
400 | 404 | 422) pass "a malformed ?after= is refused ($STATUS)" ;;
*) fail "a malformed ?after= is refused: got $STATUS" ;;
esac

# ------------------------------------------------------------ rate limit (last)

# From a loopback address of its own, so that the limit it proves is per
# client and does not touch 127.0.0.1.
SRC=()
if "$CURL" -s --max-time 5 -o /dev/null --interface 127.0.0.9 "$BASE/civic-static/static/civic.css"; then
	SRC=(--interface 127.0.0.9)
fi
RJAR=$W/rjar
# The limit counts in windows of 60 s, aligned to the minute: start early
# in one, so that the flood usually ends in the window it began in.  On a
# loaded machine it may not: each post's window is noted, and the count of
# accepted posts starts again in a new window; the 429 must come after
# exactly 30 accepted in the window it came in (or fewer, when that window
# began in the middle of the flood, whose first posts counted in it too).
sec=$(( $(date +%s) % 60 ))
if [ "$sec" -gt 40 ]; then
	note "waiting $((61 - sec)) s for a fresh rate-limit window"
	sleep $((61 - sec))
fi
win=$(( $(date +%s) / 60 ))
first_win=$win
n3=$(note_count)
got429=0
ok=0
inwin=0
bad=
for i in $(seq 1 200); do
	get_tokens "$RJAR" "${SRC[@]}"
	w_before=$(( $(date +%s) / 60 ))
	post_form "$RJAR" "title=限流测试留言第${i}条" -- "${SRC[@]}"
	w_after=$(( $(date +%s) / 60 ))
	# A post that straddled a minute starts the count afresh, without
	# itself: the server may have counted it in either window.
	unsure=0
	if [ "$w_before" != "$win" ] || [ "$w_after" != "$win" ]; then
		win=$w_after
		inwin=0
		unsure=1
	fi
	case $STATUS in
	303) ok=$((ok + 1)); [ "$unsure" = 1 ] || inwin=$((inwin + 1)) ;;
	429) got429=1; break ;;
	*) bad="$bad $STATUS" ;;
	esac
	[ "$inwin" -gt 30 ] && break
done
if [ "$got429" = 1 ]; then
	pass "POST /demo/new is limited (429 after $ok accepted)"
	expect_header "429 has Retry-After in seconds" Retry-After '^[1-9][0-9]*$'
	expect_security_headers "429"
	if [ "$win" = "$first_win" ]; then
		check_eq "the limit accepted 30 first" 30 "$ok"
	else
		note "the flood crossed a window boundary: $inwin accepted in the 429's window"
		check "at most 30 accepted in the 429's window" test "$inwin" -le 30
	fi
	check_eq "the rejected POSTs wrote nothing" "$((n3 + ok))" "$(note_count)"
else
	fail "no 429 after $i POSTs ($ok accepted, $inwin in the last window; other statuses:$bad)"
fi
check_eq "no unexpected status before the limit" "" "$bad"
if [ "${#SRC[@]}" -gt 0 ]; then
	get_tokens "$JAR"
	post_form "$JAR" "title=另一个地址不受影响"
	expect_status "another client address is not limited" 303
fi

finish
