#!/bin/bash
# mailbox-public.sh: the mailbox's public side through nginx against a
# private MariaDB: the list of published letters (only those, newest
# first, keyset pages, each filter), the Chinese search (two-character
# words, one character, no match, never by masked or unpublished text),
# one letter, the Atom feed, and Open311 GeoReport v2 (services, requests,
# one request, errors, POST with and without the API key).
#
# The letters are written by SQL, published ones with public versions that
# differ from their originals (the original names the writer 张三丰 and
# his mobile 13800138000, the public one has ***).  Publishing belongs to
# the office's pages; here the search index is filled by SQL with the
# grams of the public text, made by the rules of modules/core/ngram.c
# (which tests/unit/test_search checks), so that what is tested is the
# query side: the list, its search and its filters.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 2

# The Open311 key, before the program reads its configuration.
OPEN311_KEY=open311-test-key-0123456789abcdef
sed -i "s/^open311_key *=.*/open311_key = $OPEN311_KEY/" "$CIVIC_T/civic.conf"
grep -q "^open311_key = $OPEN311_KEY\$" "$CIVIC_T/civic.conf" ||
	die "could not set [mailbox] open311_key in civic.conf"
civic_program_start mailbox --workers 2

find_tool PYTHON3 python3 python3

# Every public answer is kept, for the final check on personal data.
PUBLIC=$CIVIC_T/work/public-bodies
: >"$PUBLIC"
pub() {
	http "$@"
	cat "$BODY" >>"$PUBLIC"
}

# ---------------------------------------------------------------- data

sql "INSERT INTO department (id, code, name) VALUES (501, 'wsj', '县卫生健康局'),
	(502, 'cgj', '县城市管理局')" || die "could not insert departments"

# letter ID TRACKING TYPE CATEGORY DEPT CREATED PUBLISHED PUBLISHED_AT
#        SUBJECT BODY PUBLIC_SUBJECT PUBLIC_BODY PUBLIC_REPLY
letter() {
	local dept=$5 pubat=$8
	[ -n "$dept" ] || dept=NULL
	[ -n "$pubat" ] && pubat="'$pubat'" || pubat=NULL
	sql "INSERT INTO mailbox_letter (id, tracking_no, query_hash, type, category_id,
		department_id, subject, body, name, mobile, email, agree_public, address, state,
		created_at, reply, reply_department_id, replied_at, reply_days, public_subject,
		public_body, public_reply, published, published_at)
		VALUES ($1, '$2', UNHEX(REPEAT('00', 32)), '$3', $4, $dept, '$9', '${10}',
		'张三丰', '13800138000', 'zhang@example.com', 1, '127.0.0.1', 'replied',
		'$6', '原始答复：张三丰同志，您好', $dept, '$6' + INTERVAL 3 DAY, 3, '${11}',
		'${12}', '${13}', $7, $pubat)" || die "could not insert letter $1"
}

# Fillers first (smaller ids, older), then the letters the checks name.
for i in $(seq 1 22); do
	letter $((100 + i)) "MB20240301-$(printf %04d "$i")" help 99 '' \
		"2024-03-01 09:00:00" 1 "2024-03-10 09:00:00" "填充来信$i" "填充来信原文$i" \
		"填充来信第${i}封" "这是第${i}封用于分页测试的来信，内容普通。" "已答复。"
done
# L1: 医疗, written 2025, published last of all (first in the feed).
letter 201 MB20250310-0001 consult 2 501 "2025-03-10 10:00:00" 1 "2026-12-01 10:00:00" \
	"张三丰问医疗保险报销" "我是张三丰，电话13800138000，家里养了熊猫，想问医疗保险异地报销怎么办理。" \
	"***问医疗保险报销" "我是***，电话***，想问医疗保险异地报销怎么办理。" \
	"异地就医请先办理备案，再持社保卡结算。"
# L2: 路灯, a complaint of 2026.
letter 202 MB20260502-0001 complaint 4 502 "2026-05-02 19:05:00" 1 "2026-05-10 09:00:00" \
	"城南路灯不亮" "城南三号楼附近路灯坏了两周，我是张三丰。" \
	"城南路灯不亮" "城南三号楼附近路灯坏了两周，我是***。" "已安排维修路灯，三日内修复。"
# L3: 医 alone (县医院), a suggestion without a department.
letter 203 MB20260601-0001 suggest 5 '' "2026-06-01 08:30:00" 1 "2026-06-20 09:00:00" \
	"建议增加公交线路" "建议增加到县医院的公交线路。" \
	"建议增加公交线路" "建议增加到县医院的公交线路。" "将会同交通部门研究。"
# L4: NOT published, though it has a public version with 医疗 and 路灯.
letter 204 MB20260701-0001 complaint 2 501 "2026-07-01 08:00:00" 0 "" \
	"医疗纠纷投诉斑马" "医疗纠纷，路灯也坏了，斑马线。" \
	"医疗纠纷投诉斑马" "医疗纠纷，路灯也坏了，斑马线。" "正在处理。"
PUBLISHED=25

# The index: the grams of each letter's public text (ngram.c's rules:
# pairs of CJK characters, single CJK characters, lowered ASCII words,
# fullwidth folded), for every letter that has a public version, the
# unpublished one too: the list must still never show it.
cat >"$CIVIC_T/work/grams.py" <<'EOF'
import sys
def kind(c):
    o = ord(c)
    if 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF:
        return 'C'
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        c = chr(o - 0xFEE0)
    if c.isascii() and c.isalnum():
        return c.lower()
    return None
for line in sys.stdin:
    lid, text = line.rstrip('\n').split('\t', 1)
    grams, run, word = [], '', ''
    for c in text + ' ':
        k = kind(c)
        if k != 'C':
            if len(run) == 1:
                grams.append(run)
            run = ''
        if k is None or k == 'C':
            if word:
                grams.append(word[:32])
            word = ''
        if k == 'C':
            if run:
                grams.append(run[-1] + c)
            grams.append(c)
            run += c
        elif k is not None:
            word += k
    for g in dict.fromkeys(grams):
        print("INSERT IGNORE INTO mailbox_gram (gram, letter_id) VALUES ('%s', %s);" % (g, lid))
EOF
sql "SELECT id, CONCAT_WS(' ', public_subject, public_body, public_reply)
	FROM mailbox_letter WHERE public_body IS NOT NULL" |
	"$PYTHON3" "$CIVIC_T/work/grams.py" >"$CIVIC_T/work/grams.sql" ||
	die "could not make the grams"
sql "$(cat "$CIVIC_T/work/grams.sql")" || die "could not write the grams"
check "the index holds the pair 医疗 of letter 201" test \
	"$(sql "SELECT COUNT(*) FROM mailbox_gram WHERE gram = '医疗' AND letter_id = 201")" = 1

# ids FILE: the letter ids of a list page (?format=xml), in order, one a line.
ids() { tr -d '\n' <"$BODY" | grep -o '<letter><id>[0-9]*</id>' | grep -o '[0-9]*'; }
# idlist: the same on one line, space-separated.
idlist() { ids | tr '\n' ' ' | sed 's/ $//'; }

# ---------------------------------------------------------------- list

pub GET /mailbox/
expect_status "the public list is 200" 200
expect_header "… as HTML" Content-Type '^text/html'
expect_body_contains "… shows a published letter's public subject" "***问医疗保险报销"
expect_body_lacks "… never an unpublished letter" "医疗纠纷投诉斑马"
expect_body_contains "… links the Atom feed" 'href="/mailbox/feed.atom"'
expect_body_contains "… has a GET filter form (works without JavaScript)" 'method="get"'
expect_body_contains "… shows the days a reply took" "3 个工作日"
expect_body_contains "… and the replying department" "县卫生健康局"

pub GET '/mailbox/?format=xml'
expect_status "the list as XML is 200" 200
FIRST=$(idlist)
check_eq "newest first, 20 a page" "203 202 201 122 121 120 119 118 117 116 115 114 113 112 111 110 109 108 107 106" "$FIRST"
NEXT=$(tr -d '\n' <"$BODY" | sed -n 's/.*<pager[^>]* next="\([0-9]*\)".*/\1/p')
check_eq "… with the key of the next page" 106 "$NEXT"
expect_body_lacks "… and no unpublished letter in the XML" "<id>204</id>"
for col in '<name>' '<mobile>' '<email>' '<address>' '<body>' '<reply>'; do
	expect_body_lacks "the list's XML has no $col" "$col"
done

pub GET "/mailbox/?format=xml&after=$NEXT"
check_eq "the second page: the rest, no repeat" "105 104 103 102 101" "$(idlist)"
check "… and no further page" sh -c "! grep -q 'next=' '$BODY'"

# ---------------------------------------------------------------- filters

pub GET '/mailbox/?format=xml&type=complaint'
check_eq "filter by type: complaints" "202" "$(idlist)"
pub GET '/mailbox/?format=xml&category=2'
check_eq "filter by category: 医疗保障" "201" "$(idlist)"
pub GET '/mailbox/?format=xml&department=502'
check_eq "filter by replying department" "202" "$(idlist)"
pub GET '/mailbox/?format=xml&year=2025'
check_eq "filter by year" "201" "$(idlist)"
pub GET '/mailbox/?format=xml&year=2026&type=suggest'
check_eq "filters combine" "203" "$(idlist)"
pub GET '/mailbox/?type=help&year=2023'
expect_status "a filter that finds nothing is 200" 200
expect_body_contains "… with its message" "没有符合所选条件的来信"
pub GET '/mailbox/?format=xml&type=help'
check_eq "a filtered list pages too" 20 "$(ids | wc -l)"
pub GET '/mailbox/?type=help'
expect_body_contains "… and its next link keeps the filter" 'href="?type=help&amp;after=103"'
pub GET '/mailbox/?type=nonsense'
expect_status "an unknown type is refused (400), not an error" 400

# ---------------------------------------------------------------- search

# search Q [CURL-OPTIONS...]: the list's XML for query Q (URL-encoded by curl).
search() { pub GET "/mailbox/" -G --data-urlencode "format=xml" --data-urlencode "q=$1" "${@:2}"; }
search 医疗
check_eq "search 医疗: exactly the published letter about it" "201" "$(idlist)"
search 路灯
check_eq "search 路灯: exactly the published one (not the unpublished 204)" "202" "$(idlist)"
search 医
check_eq "a one-character query finds every letter with that character" "203 201" "$(idlist)"
search 医 --data-urlencode type=suggest
check_eq "a search combines with a filter" "203" "$(idlist)"
search 医疗保险
check_eq "a four-character word" "201" "$(idlist)"
search "路灯 维修"
check_eq "two words: letters with both" "202" "$(idlist)"
search 斑马
check_eq "no search finds an unpublished letter" "" "$(idlist)"
search 熊猫
check_eq "… nor a letter by its original text (熊猫 was masked out)" "" "$(idlist)"
# Not kept for the final check: these answers repeat the query itself.
http GET /mailbox/ -G --data-urlencode format=xml --data-urlencode q=张三丰
check_eq "… nor by the writer's masked name" "" "$(idlist)"
http GET /mailbox/ -G --data-urlencode format=xml --data-urlencode q=13800138000
check_eq "… nor by the masked mobile number" "" "$(idlist)"
search 填充来信
check_eq "a search's result pages like the list" 20 "$(ids | wc -l)"
pub GET /mailbox/ -G --data-urlencode "q=龙虾"
expect_status "a search with no match is 200" 200
expect_body_contains "… with its message" "没有找到与“龙虾”相关的来信"
expect_body_contains "… and the query kept in the form" 'value="龙虾"'
pub GET /mailbox/ -G --data-urlencode "q=***"
expect_status "a query of punctuation only is 200" 200
expect_body_contains "… and says there was nothing to search for" "没有可查找的文字"
pub GET /mailbox/ -G --data-urlencode "q=$(printf '长%.0s' $(seq 1 41))"
expect_status "a query over 40 characters is refused (400), not an error" 400

# ---------------------------------------------------------------- one letter

pub GET /mailbox/l/201
expect_status "a published letter is 200" 200
expect_body_contains "… with its public body" "我是***，电话***"
expect_body_contains "… and its public reply" "异地就医请先办理备案"
expect_body_lacks "… never the original reply" "原始答复"
pub GET /mailbox/l/204
expect_status "an unpublished letter is 404" 404
expect_body_lacks "… and shows nothing of it" "斑马"
pub GET /mailbox/l/999999
expect_status "an unknown letter is 404" 404

# ---------------------------------------------------------------- feed

pub GET /mailbox/feed.atom
expect_status "the Atom feed is 200" 200
expect_header "… as application/atom+xml; charset=utf-8" Content-Type \
	'^application/atom\+xml; charset=utf-8$'
cat >"$CIVIC_T/work/atom.py" <<'EOF'
import sys, xml.etree.ElementTree as ET
A = '{http://www.w3.org/2005/Atom}'
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == A + 'feed', root.tag
for need in ('id', 'title', 'updated'):
    assert root.find(A + need) is not None, need
entries = root.findall(A + 'entry')
for e in entries:
    for need in ('id', 'title', 'updated', 'content'):
        assert e.find(A + need) is not None, need
    assert e.find(A + 'content').get('type') == 'text'
    assert e.find(A + 'id').text.startswith('tag:'), e.find(A + 'id').text
    assert e.find(A + 'updated').text.endswith('+08:00')
    # Absolute, with the port the site is served on.
    href = e.find(A + 'link').get('href')
    assert href.startswith('http://') and (':%s/mailbox/l/' % sys.argv[2]) in href, href
print(len(entries), ' '.join(e.find(A + 'link').get('href').rsplit('/', 1)[1] for e in entries))
EOF
FEED=$("$PYTHON3" "$CIVIC_T/work/atom.py" "$BODY" "$NGINX_PORT" 2>"$CIVIC_T/work/atom.err")
check_eq "the feed parses as Atom 1.0 with every required element" 0 $?
[ -s "$CIVIC_T/work/atom.err" ] && note "$(cat "$CIVIC_T/work/atom.err")"
check_eq "… the newest 20 publications, newest first" \
	"20 201 203 202 122 121 120 119 118 117 116 115 114 113 112 111 110 109 108 107 106" "$FEED"
expect_body_lacks "… and no unpublished letter" "斑马"
expect_body_contains "… with the public body and reply as text" "我是***，电话***"

# ---------------------------------------------------------------- Open311

O=/mailbox/open311/v2
pub GET $O/services.xml
expect_status "Open311 services.xml is 200" 200
expect_header "… as application/xml" Content-Type '^application/xml; charset=utf-8$'
CATS=$(sql "SELECT COUNT(*) FROM mailbox_category WHERE active = 1")
check_eq "… one service per type and active category" $((4 * CATS)) \
	"$(grep -o '<service>' "$BODY" | wc -l)"
expect_body_contains "… named like complaint-3" "<service_code>complaint-3</service_code>"
expect_body_contains "… grouped by type" "<group>投诉</group>"
expect_body_contains "… with metadata false and type realtime" "<metadata>false</metadata>"

# xmlcheck FILE: well-formed XML (python), exit 0.
xmlcheck() { "$PYTHON3" -c 'import sys,xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$1"; }

pub GET $O/requests.xml
expect_status "Open311 requests.xml is 200" 200
check "… well-formed XML" xmlcheck "$BODY"
check_eq "… the published letters only" $PUBLISHED \
	"$(grep -o '<service_request_id>' "$BODY" | wc -l)"
expect_body_lacks "… not the unpublished one" "MB20260701-0001"
for f in service_request_id status status_notes service_name service_code description \
    agency_responsible service_notice requested_datetime updated_datetime expected_datetime \
    address zipcode lat long media_url; do
	grep -q "<$f>\|<$f/>" "$BODY" || fail "requests.xml lacks the GeoReport field $f"
done
pass "… every GeoReport v2 field is there"
expect_body_lacks "… no e-mail" "zhang@example.com"
expect_body_lacks "… no network address" "127.0.0.1"
expect_body_contains "… the public body as the description" "<description>我是***，电话***"
expect_body_contains "… requested_datetime in RFC 3339 at +08:00" \
	"<requested_datetime>2025-03-10T10:00:00+08:00</requested_datetime>"

pub GET "$O/requests.xml?service_code=complaint-4"
check_eq "requests.xml by service_code" "MB20260502-0001" \
	"$(grep -o 'MB[0-9-]*' "$BODY" | sort -u | tr '\n' ' ' | sed 's/ $//')"
pub GET "$O/requests.xml?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-05-31"
check_eq "requests.xml by start_date and end_date" "MB20260502-0001" \
	"$(grep -o 'MB[0-9-]*' "$BODY" | sort -u | tr '\n' ' ' | sed 's/ $//')"
pub GET "$O/requests.xml?status=open"
check_eq "status=open: none (published letters are answered)" 0 \
	"$(grep -c '<request>' "$BODY")"
pub GET "$O/requests.xml?status=closed"
check_eq "status=closed: all of them" $PUBLISHED "$(grep -o '<request>' "$BODY" | wc -l)"
pub GET "$O/requests.xml?status=maybe"
expect_status "a wrong status is 400" 400
expect_body_contains "… as GeoReport <errors>" "<errors><error><code>400</code>"
pub GET "$O/requests.xml?start_date=yesterday"
expect_status "a wrong date is 400" 400
pub GET "$O/requests.xml?service_code=nothing"
expect_status "a wrong service_code is 400" 400

pub GET $O/requests/MB20250310-0001.xml
expect_status "requests/{id}.xml of a published letter is 200" 200
check "… well-formed XML" xmlcheck "$BODY"
expect_body_contains "… with its tracking number" \
	"<service_request_id>MB20250310-0001</service_request_id>"
expect_body_contains "… its status" "<status>closed</status>"
expect_body_contains "… its public reply as the status notes" "<status_notes>异地就医请先办理备案"
expect_body_contains "… and the replying department" "<agency_responsible>县卫生健康局"
pub GET $O/requests/MB20260701-0001.xml
expect_status "requests/{id}.xml of an unpublished letter is 404" 404
expect_body_contains "… as GeoReport <errors>" "<errors><error><code>404</code>"
expect_header "… in application/xml" Content-Type '^application/xml; charset=utf-8$'
pub GET $O/requests/MB20991231-9999.xml
expect_status "an unknown id is 404" 404
expect_body_contains "… with <errors>" "<errors><error><code>404</code><description>"
pub GET $O/requests/MB20250310-0001.json
expect_status "JSON is not served: 404" 404
expect_body_contains "… with <errors>" "<errors>"
pub GET $O/services.json
expect_status "services.json: 404 with <errors>" 404
expect_body_contains "… in GeoReport's form" "<errors>"

# post FIELD=VALUE...: POST requests.xml with these fields.
post() {
	local args=() a
	for a in "$@"; do
		args+=(--data-urlencode "$a")
	done
	http POST $O/requests.xml "${args[@]}"
}
count_letters() { sql "SELECT COUNT(*) FROM mailbox_letter"; }
BEFORE=$(count_letters)
GOOD=(service_code=complaint-4 "description=城北菜市场门口的路灯已经坏了三天，晚上很黑，请尽快修理。"
	first_name=四 last_name=李 phone=13900139000 email=li@example.com)

post "${GOOD[@]}"
expect_status "POST without api_key is 403" 403
expect_body_contains "… as GeoReport <errors>" "<errors><error><code>403</code>"
post "${GOOD[@]}" api_key=wrong-key
expect_status "POST with a wrong api_key is 403" 403
post "${GOOD[@]}" "api_key=${OPEN311_KEY}x"
expect_status "… also a key that only begins right" 403
check_eq "… and no letter stored by any of them" "$BEFORE" "$(count_letters)"

post service_code=complaint-999 "description=城北菜市场门口的路灯坏了三天。" first_name=四 \
	last_name=李 phone=13900139000 "api_key=$OPEN311_KEY"
expect_status "an unknown service_code is 400" 400
expect_body_contains "… with <errors>" "<errors><error><code>400</code>"
post service_code=bogus "description=城北菜市场门口的路灯坏了三天。" first_name=四 \
	phone=13900139000 "api_key=$OPEN311_KEY"
expect_status "a malformed service_code is 400" 400
post service_code=complaint-4 "description=城北菜市场门口的路灯坏了三天。" first_name=四 \
	"api_key=$OPEN311_KEY"
expect_status "a missing phone is 400 (the route's validators)" 400
expect_body_contains "… as GeoReport <errors> naming the field" "<description>phone is required"
expect_header "… in application/xml" Content-Type '^application/xml; charset=utf-8$'
post service_code=complaint-4 "description=太短" first_name=四 phone=13900139000 \
	"api_key=$OPEN311_KEY"
expect_status "a description under 10 characters is 400" 400
post service_code=complaint-4 "description=城北菜市场门口的路灯坏了三天。" phone=13900139000 \
	"api_key=$OPEN311_KEY"
expect_status "a request without any name is 400" 400
check_eq "… and none of them stored a letter" "$BEFORE" "$(count_letters)"

post "${GOOD[@]}" "api_key=$OPEN311_KEY"
expect_status "POST with the right key is 200" 200
expect_header "… in application/xml" Content-Type '^application/xml; charset=utf-8$'
check "… well-formed XML" xmlcheck "$BODY"
NEWNO=$(sed -n 's:.*<service_request_id>\(MB[0-9]\{8\}-[0-9]\{4,6\}\)</service_request_id>.*:\1:p' "$BODY")
check "… answers with a tracking number" test -n "$NEWNO"
expect_body_contains "… and a service notice" "<service_notice>"
check_eq "… one new letter" $((BEFORE + 1)) "$(count_letters)"
check_eq "… stored with its type, category, name, mobile and subject" \
	"complaint	4	李四	13900139000	城北菜市场门口的路灯已经坏了三天，晚上很黑，请尽快修理。	received	0" \
	"$(sql "SELECT type, category_id, name, mobile, subject, state, published
		FROM mailbox_letter WHERE tracking_no = '$NEWNO'")"
check_eq "… the writer is sent an SMS (outbox)" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE channel = 'sms'
		AND recipient = '13900139000' AND template = 'mailbox.received'")"
check_eq "… and an e-mail" 1 \
	"$(sql "SELECT COUNT(*) FROM notify_outbox WHERE channel = 'email'
		AND recipient = 'li@example.com'")"
pub GET "$O/requests/$NEWNO.xml"
expect_status "the new letter is not public: 404 until published" 404
pub GET $O/requests.xml
expect_body_lacks "… nor in requests.xml" "$NEWNO"

# ---------------------------------------------------------------- personal data

pub GET '/mailbox/?format=xml'
pub GET '/mailbox/l/202?format=xml'
pub GET '/mailbox/?lang=en'
if grep -qF "张三丰" "$PUBLIC"; then
	fail "a public page, the feed or Open311 shows the writer's name 张三丰"
else
	pass "no public page, feed or Open311 answer shows the writer's name"
fi
if grep -qF "13800138000" "$PUBLIC"; then
	fail "a public page, the feed or Open311 shows the writer's mobile"
else
	pass "no public page, feed or Open311 answer shows the writer's mobile"
fi
check "the checks above looked at many answers" test "$(wc -c <"$PUBLIC")" -gt 20000

finish
