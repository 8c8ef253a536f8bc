#!/bin/bash
# catalogue-entry.sh: an entry's public page, its attachments, the Atom
# feeds, the sitemap and the annual report (modules/catalogue/entry.c)
# through nginx, on the fixed catalogue of
# tests/integration/catalogue-fixture.sql (whose comment has the hand
# counts) with attachments added here by SQL: the page of each kind of
# entry (active, 依申请公开 without its text, withdrawn with its banner
# and reason, repealed and amended linking to their replacements, a 政策
# 解读 and its policy linking each other); 404 for 不予公开, drafts,
# unknown and malformed ids; a download byte for byte, and 404 for the
# files of entries whose text is not public; the feeds parsed by libxml2
# and valid against RFC 4287's structure (tests/integration/atom.rng), in
# order, listed entries only, per category (its subtree) and per body;
# the sitemap valid against the sitemaps.org structure
# (tests/integration/sitemap.rng) with exactly the listed entries, and
# its index of parts when a catalogue outgrows one file; the report's
# counts against plain SQL and the fixture's hand counts, and its CSV;
# 不予公开 titles nowhere; English; every page's XML valid against
# xslt/schema/page.rng; nothing a client sends a 5xx.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
find_tool XMLLINT xmllint libxml2-utils
command -v python3 >/dev/null 2>&1 || die "python3 not found: install the Debian package python3"
command -v sha256sum >/dev/null 2>&1 || die "sha256sum not found: install the Debian package coreutils"
W=$CIVIC_T/work
ATOM_RNG=$top_srcdir/tests/integration/atom.rng
SITEMAP_RNG=$top_srcdir/tests/integration/sitemap.rng
ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }

ctl load "$top_srcdir/tests/integration/catalogue-fixture.sql" >"$W/load.log" 2>&1 ||
	die "civicctl load catalogue-fixture.sql failed: $(tail -n 5 "$W/load.log")"
ctl reindex catalogue >"$W/reindex.log" 2>&1 ||
	die "civicctl reindex catalogue failed: $(cat "$W/reindex.log")"

# ---- attachments, by SQL into the file store: a PDF on entry 2 (active),
# a spreadsheet-like file on 11 (依申请公开) and one on 6 (不予公开).
# addfile ATT_ID FILE_ID ENTRY NAME TYPE FILE
addfile() {
	local hex sha size
	hex=$(od -An -v -tx1 "$6" | tr -d ' \n')
	sha=$(sha256sum "$6" | cut -d' ' -f1)
	size=$(stat -c %s "$6")
	sql "INSERT INTO stored_file (id, name, type, size, sha256, chunks, created_at)
		VALUES ($2, '$4', '$5', $size, UNHEX('$sha'), 1, '2026-01-01 00:00:00');
	     INSERT INTO stored_chunk (file_id, seq, data) VALUES ($2, 0, UNHEX('$hex'));
	     INSERT INTO cat_attachment (id, entry_id, file_id, title, sort)
		VALUES ($1, $3, $2, '$4', 10)" || die "could not add attachment $1"
}
{
	printf '%%PDF-1.4\n%% civic catalogue test attachment\n'
	head -c 3000 /dev/urandom
	printf '\n%%%%EOF\n'
} >"$W/a.pdf"
printf '%%PDF-1.4\nrequest-only file\n%%%%EOF\n' >"$W/b.pdf"
printf '%%PDF-1.4\nnot disclosed file\n%%%%EOF\n' >"$W/c.pdf"
addfile 9101 9101 2 "管理办法全文.pdf" application/pdf "$W/a.pdf"
addfile 9102 9102 11 "收费标准表.pdf" application/pdf "$W/b.pdf"
addfile 9103 9103 6 "审计底稿.pdf" application/pdf "$W/c.pdf"

civic_program_start catalogue --workers 1

# page NAME PATH: GET PATH?format=xml (PATH may have a query), 200, valid.
page() {
	local sep='?'
	case $2 in *\?*) sep='&' ;; esac
	http GET "$2${sep}format=xml"
	expect_status "$1 (200)" 200
	valid "$1: valid XML"
}
# xq PATH FIELD...: for each element at PATH (ElementTree syntax, from the
# page) of the last body, its FIELDs' texts, tab-separated, a line each.
xq() {
	python3 - "$BODY" "$@" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
for e in root.findall(sys.argv[2]):
    print("\t".join((e.findtext(f) or "") for f in sys.argv[3:]))
EOF
}
C=/catalogue
LISTED="FROM cat_entry e WHERE e.state = 'published' AND e.disclosure <> 'none'"
NONE_TITLES=("区财政局内部审计工作底稿" "区卫生健康局信访人员名册")
# no_hidden NAME: the last body holds no title of a 不予公开 entry.
no_hidden() {
	local t bad=
	for t in "${NONE_TITLES[@]}"; do
		grep -qF -- "$t" "$BODY" && bad="$bad $t"
	done
	check_eq "$1: no 不予公开 title" "" "$bad"
}

# ---------------------------------------------------------------- entry pages

page "an active entry's page (2)" $C/e/2
check_eq "… its index number, title and 文号" \
	"008213401/2025-00001	关于印发《郫都区财政专项资金管理办法（修订）》的通知	郫财发〔2025〕7号" \
	"$(xq entry index_no title doc_no)"
check_eq "… its body, dates, genre, theme, keywords, validity, disclosure" \
	"区财政局	2025-04-10	2025-04-15	通知	财政、金融、审计	财政	财政 专项资金 管理办法	valid	active" \
	"$(xq entry body written_on published genre theme_parent theme keywords validity disclosure)"
check_eq "… its catalogue path from the top" "法规文件 规范性文件" \
	"$(xq path/category name | tr '\n' ' ' | sed 's/ $//')"
check_eq "… its text, a paragraph a line" "2" "$(xq entry/paragraphs/p . | wc -l)"
check_eq "… its attachment with name, size and type" \
	"9101	管理办法全文.pdf	$(stat -c %s "$W/a.pdf")	application/pdf" \
	"$(xq attachments/attachment id name size type)"
check_eq "… its interpretation (3) linked" "3	interpreted-by" "$(xq links/link id kind)"
http GET $C/e/2
expect_status "the entry page in HTML" 200
expect_body_contains "… shows the 索引号 label" "索引号"
for w in 发布机构 成文日期 发布日期 文号 目录分类 主题分类 体裁 主题词 有效性 公开方式; do
	expect_body_contains "… shows the label $w" "$w"
done
expect_body_contains "… the text" "请认真遵照执行"
expect_body_contains "… the download link" "href=\"/catalogue/e/2/a/9101\""
expect_body_contains "… the interpretation's link" "href=\"/catalogue/e/3\""
expect_body_contains "… under 政策解读" "<h2>政策解读</h2>"
expect_body_contains "… links the Atom feed in its head" \
	'<link rel="alternate" type="application/atom+xml" href="/catalogue/feed.atom"'
expect_security_headers "the entry page"

page "the interpretation's page (3)" $C/e/3
check_eq "… links the policy it reads (2)" "2	interprets" "$(xq links/link id kind)"
http GET $C/e/3
expect_body_contains "… under 解读的政策文件" "解读的政策文件"
expect_body_contains "… with the policy's link" "href=\"/catalogue/e/2\""

page "a 依申请公开 entry's page (11)" $C/e/11
check_eq "… its title and summary" "区属学校服务性收费标准	区属学校服务性收费项目及标准。" \
	"$(xq entry title summary)"
expect_body_lacks "… without its text" "收费明细"
expect_body_lacks "… without its attachments" "<attachments>"
expect_body_lacks "… nor the file's name" "收费标准表.pdf"
http GET $C/e/11
expect_status "… in HTML" 200
expect_body_lacks "… without its text in HTML" "收费明细"
expect_body_contains "… says how to ask for it" "提出政府信息公开申请"
expect_body_contains "… under 依申请公开" "<h2 id=\"ce-request-h\">依申请公开</h2>"
expect_body_lacks "… no download link" "/catalogue/e/11/a/"

# The schema is strict where it matters: the same page with text, with
# attachments, or as 不予公开 would not validate.
http GET "$C/e/11?format=xml"
cp "$BODY" "$W/request.xml"
# bad_page NAME SED-SCRIPT: the 依申请公开 page changed so is invalid.
bad_page() {
	sed "$2" "$W/request.xml" >"$W/bad.xml"
	if cmp -s "$W/request.xml" "$W/bad.xml"; then
		fail "$1: the change did not apply"
	elif "$XMLLINT" --noout --relaxng "$top_srcdir/xslt/schema/page.rng" "$W/bad.xml" \
	    >/dev/null 2>&1; then
		fail "$1: valid"
	else
		pass "$1"
	fi
}
bad_page "… the schema refuses a 依申请公开 page with its text" \
	's|<disclosure>request</disclosure>|&<paragraphs><p>收费明细</p></paragraphs>|'
bad_page "… or with attachments" \
	's|</entry>|&<attachments><attachment><id>9102</id><title>t</title><name>t.pdf</name><size>1</size><type>application/pdf</type></attachment></attachments>|'
bad_page "… or as 不予公开" 's|<disclosure>request</disclosure>|<disclosure>none</disclosure>|'
bad_page "… or a draft" 's|<state>published</state>|<state>draft</state>|'
bad_page "… or with a staff member's name" 's|</entry>|<created_by>张三</created_by>&|'

page "a withdrawn entry's page (10)" $C/e/10
check_eq "… withdrawn, when and why" "withdrawn	2026-05-01 10:00	领导班子调整，原分工不再适用。" \
	"$(xq entry state withdrawn_at withdrawn_reason)"
http GET $C/e/10
expect_body_contains "… its banner says 已撤回 in words" "<strong>已撤回</strong>"
expect_body_contains "… with the date" "本信息已于 2026-05-01 10:00 撤回"
expect_body_contains "… and the reason" "撤回原因：领导班子调整，原分工不再适用。"
expect_body_contains "… as a banner" 'class="ce-banner ce-banner-withdrawn"'

page "a repealed entry's page (1)" $C/e/1
check_eq "… repealed by 2" "repealed	2	008213401/2025-00001" \
	"$(xq entry validity replaced_by replaced_index_no)"
http GET $C/e/1
expect_body_contains "… its banner says 已废止" "<strong>已废止</strong>"
expect_body_contains "… and links 2" "废止后请参阅：<a href=\"/catalogue/e/2\">"

page "an amended entry's page (13)" $C/e/13
check_eq "… amended by 14" "amended	14" "$(xq entry validity replaced_by)"
http GET $C/e/13
expect_body_contains "… its banner says 已修改" "<strong>已修改</strong>"
expect_body_contains "… and links 14" "修改后的文件：<a href=\"/catalogue/e/14\">"

page "a joint document's page (12)" $C/e/12
check_eq "… the lead body first, then the joint one" "803 802" \
	"$(xq bodies/body id | tr '\n' ' ' | sed 's/ $//')"
http GET $C/e/12
expect_body_contains "… named together in HTML" "区卫生健康局、区教育局"

# A replacement that is not reachable is not linked: 1 replaced by a draft.
sql "UPDATE cat_entry SET replaced_by = 7 WHERE id = 1"
page "a repealed entry whose replacement is a draft" $C/e/1
check_eq "… links nothing" "" "$(xq entry replaced_by)"
http GET $C/e/1
expect_body_lacks "… no link to the draft" "/catalogue/e/7"
expect_body_contains "… still says 已废止" "<strong>已废止</strong>"
sql "UPDATE cat_entry SET replaced_by = 2 WHERE id = 1"

# Related links both ways, unreachable ones hidden: 4 names 5 (related)
# and 6 (不予公开); 3's policy link to a withdrawn entry still shows.
sql "INSERT INTO cat_entry_link (entry_id, related_id, kind) VALUES (4, 5, 'related'), (4, 6, 'related'), (4, 7, 'related')"
page "an entry with related links (4)" $C/e/4
check_eq "… only the reachable one (5), as related" "5	related" "$(xq links/link id kind)"
no_hidden "… the 不予公开 related entry"
expect_body_lacks "… nor the draft" "政府采购意向公开"
page "the entry a related link points at (5)" $C/e/5
check_eq "… does not link back (related is one way)" "" "$(xq links/link id)"
sql "DELETE FROM cat_entry_link WHERE entry_id = 4"

for id in 6 15 7 999999; do
	http GET $C/e/$id
	expect_status "entry $id is 404" 404
	no_hidden "… entry $id"
	http GET "$C/e/$id?format=xml"
	expect_status "… also as XML" 404
	valid "… its error page valid"
done
for path in /e/abc /e/-1 /e/0 /e/1x /e/99999999999999999999 "/e/1%00" /e/ /e/1/a/ /e/1/a/x; do
	http GET "$C$path"
	case $STATUS in
	4??) pass "GET $path is a 4xx ($STATUS)" ;;
	*) fail "GET $path: status $STATUS" ;;
	esac
done
http GET $C/e/0
expect_status "entry 0 is 404" 404

# ---------------------------------------------------------------- downloads

http GET $C/e/2/a/9101
expect_status "the attachment downloads" 200
check "… byte for byte" cmp -s "$W/a.pdf" "$BODY"
expect_header "… as an attachment" Content-Disposition '^attachment'
expect_header "… with the type found in its content" Content-Type '^application/pdf'
expect_header "… nosniff" X-Content-Type-Options '^nosniff$'
http GET $C/e/11/a/9102
expect_status "a 依申请公开 entry's attachment is 404" 404
http GET $C/e/6/a/9103
expect_status "a 不予公开 entry's attachment is 404" 404
http GET $C/e/3/a/9101
expect_status "an attachment asked through another entry is 404" 404
http GET $C/e/2/a/999999
expect_status "an unknown attachment is 404" 404
# A withdrawn entry disclosed actively: reachable, so its file is too.
sql "UPDATE cat_attachment SET entry_id = 10 WHERE id = 9101"
http GET $C/e/10/a/9101
expect_status "a withdrawn entry's attachment still downloads" 200
check "… byte for byte" cmp -s "$W/a.pdf" "$BODY"
sql "UPDATE cat_entry SET state = 'draft' WHERE id = 10"
http GET $C/e/10/a/9101
expect_status "… but not once it is a draft" 404
http GET $C/e/10
expect_status "… and its page neither" 404
sql "UPDATE cat_entry SET state = 'withdrawn' WHERE id = 10;
     UPDATE cat_attachment SET entry_id = 2 WHERE id = 9101"

# ---------------------------------------------------------------- feeds

# feed_check NAME: the last body is Atom valid against atom.rng; prints
# the entries' link ids in order.
feed_ids() {
	python3 - "$BODY" "$NGINX_PORT" <<'EOF'
import sys, xml.etree.ElementTree as ET
A = '{http://www.w3.org/2005/Atom}'
root = ET.parse(sys.argv[1]).getroot()
ids = []
for e in root.findall(A + 'entry'):
    href = e.find(A + 'link').get('href')
    assert href.startswith('http://') and (':%s/catalogue/e/' % sys.argv[2]) in href, href
    tid = e.find(A + 'id').text
    assert tid.startswith('tag:') and ':catalogue/' in tid, tid
    ids.append(href.rsplit('/', 1)[1])
print(' '.join(ids))
EOF
}
feed() {
	http GET "$C/feed.atom$2"
	expect_status "$1 (200)" 200
	expect_header "$1: application/atom+xml" Content-Type '^application/atom\+xml; charset=utf-8$'
	local out
	if out=$("$XMLLINT" --noout --relaxng "$ATOM_RNG" "$BODY" 2>&1); then
		pass "$1: valid against RFC 4287's structure (atom.rng)"
	else
		fail "$1: $(printf '%s' "$out" | head -n 5 | tr '\n' ' ')"
	fi
	no_hidden "$1"
}
# The listed entries newest first by plain SQL (the fixture's order).
ALL=$(sql "SELECT e.id $LISTED ORDER BY e.published_at DESC, e.id DESC" | tr '\n' ' ' | sed 's/ $//')
check_eq "the listed entries, newest first (fixture's hand order)" "9 5 11 12 4 14 3 2 8 13 1" "$ALL"
feed "the catalogue's feed" ""
check_eq "… every listed entry, newest first" "$ALL" "$(feed_ids)"
expect_body_lacks "… not the withdrawn one" "区教育局领导分工"
expect_body_lacks "… not the draft" "政府采购意向公开"
expect_body_contains "… ids are tag URIs with the index number" ",2026:catalogue/008213402/2026-00001</id>"
expect_body_contains "… the category as its term" 'term="规范性文件"'
expect_body_contains "… updated at +08:00" "<updated>2026-09-01T08:30:00+08:00</updated>"
expect_body_lacks "… no 依申请公开 text" "收费明细"

feed "the feed of category 02 法规文件 (a subtree)" "?category=2"
check_eq "… its subtree's entries" \
	"$(sql "SELECT e.id $LISTED AND e.category_id IN (SELECT descendant_id FROM cat_category_path WHERE ancestor_id = 2) ORDER BY e.published_at DESC, e.id DESC" | tr '\n' ' ' | sed 's/ $//')" \
	"$(feed_ids)"
check_eq "… the fixture's hand list (1 2 3 9 11 12)" "9 11 12 3 2 1" "$(feed_ids)"
expect_body_contains "… titled with the category" "政府信息公开目录：法规文件"
feed "the feed of category 03 财政信息" "?category=3"
check_eq "… 5 and 4 (not 不予公开 6)" "5 4" "$(feed_ids)"
feed "the feed of leaf 0102 领导信息 (only a withdrawn entry)" "?category=12"
check_eq "… empty" "" "$(feed_ids)"
feed "the feed of body 802 (lead or joint)" "?body=802"
check_eq "… 8 9 11 and joint 12" "9 11 12 8" "$(feed_ids)"
feed "the feed of body 803" "?body=803"
check_eq "… 12 13 14, not 不予公开 15" "12 14 13" "$(feed_ids)"
feed "the English feed" "?lang=en"
expect_body_contains "… titled in English" "Government information disclosure catalogue"
for q in "?category=999" "?category=abc" "?category=-1" "?category=0" "?category=1e3" \
    "?body=1" "?body=999999" "?body=x" "?category=1&body=801" \
    "?category=123456789012345678901234"; do
	http GET "$C/feed.atom$q"
	expect_status "feed.atom$q is 404" 404
done
http GET "$C/feed.atom?category=1&category=2"
case $STATUS in 4??) pass "a repeated key is a 4xx ($STATUS)" ;; *) fail "repeated key: $STATUS" ;; esac

# ---------------------------------------------------------------- sitemap

http GET $C/sitemap.xml
expect_status "the sitemap (200)" 200
expect_header "… as XML" Content-Type '^application/xml; charset=utf-8$'
if out=$("$XMLLINT" --noout --relaxng "$SITEMAP_RNG" "$BODY" 2>&1); then
	pass "… valid against the sitemaps.org structure (sitemap.rng)"
else
	fail "… $(printf '%s' "$out" | head -n 5 | tr '\n' ' ')"
fi
check_eq "… a urlset" "urlset" "$("$XMLLINT" --xpath 'local-name(/*)' "$BODY")"
LOCS=$("$XMLLINT" --xpath '//*[local-name()="loc"]/text()' "$BODY" | tr '\n' ' ')
# Absolute, on the web server's own name for the site (SERVER_NAME).
WANT="http://localhost:$NGINX_PORT/catalogue/"
for id in $(sql "SELECT e.id $LISTED ORDER BY e.id"); do
	WANT="$WANT http://localhost:$NGINX_PORT/catalogue/e/$id"
done
check_eq "… the home and exactly the listed entries" "$WANT" \
	"$(printf '%s\n' $LOCS | sort -t/ -k6n | tr '\n' ' ' | sed 's/ $//')"
check_eq "… 12 URLs (the fixture's 11 listed entries and the home)" 12 \
	"$("$XMLLINT" --xpath 'count(//*[local-name()="url"])' "$BODY")"
check_eq "… each entry with its lastmod" 11 \
	"$("$XMLLINT" --xpath 'count(//*[local-name()="lastmod"])' "$BODY")"
expect_body_contains "… the repealed entry 1 is in it" "/catalogue/e/1</loc>"
expect_body_lacks "… the withdrawn entry 10 is not" "/catalogue/e/10<"
expect_body_lacks "… nor 6" "/catalogue/e/6<"
expect_body_lacks "… nor 15" "/catalogue/e/15<"
expect_body_lacks "… nor the draft 7" "/catalogue/e/7<"
expect_body_contains "… lastmod at +08:00" "<lastmod>2026-09-01T08:30:00+08:00</lastmod>"
for q in "?part=1" "?part=2" "?part=0" "?part=x" "?part=99999999999"; do
	http GET "$C/sitemap.xml$q"
	case $STATUS in
	4??) pass "sitemap.xml$q of a one-file sitemap is a 4xx ($STATUS)" ;;
	*) fail "sitemap.xml$q: status $STATUS" ;;
	esac
done

# ---------------------------------------------------------------- report

# rep FIELD PATH: the report's rows at PATH as "name n" lines.
check_year() {
	local y=$1 want_total=$2 want_bodies=$3 want_types=$4 want_cats=$5 from to
	from="$y-01-01 00:00:00"
	to="$((y + 1))-01-01 00:00:00"
	local IN="e.state IN ('published', 'withdrawn') AND e.published_at >= '$from' AND e.published_at < '$to'"
	page "the report for $y" "$C/report?year=$y"
	local total
	total=$(tr -d '\n' <"$BODY" | sed -n 's/.*<report year="[0-9]*" total="\([0-9]*\)".*/\1/p')
	check_eq "… $y total by SQL" "$(sql "SELECT COUNT(*) FROM cat_entry e WHERE $IN")" "$total"
	check_eq "… $y total by hand" "$want_total" "$total"
	local bodies
	bodies=$(xq report/bodies/body id n | tr '\t\n' ': ' | sed 's/ $//')
	check_eq "… $y per body by SQL" \
		"$(sql "SELECT b.department_id, (SELECT COUNT(*) FROM cat_entry e WHERE e.body_id = b.department_id AND $IN) FROM cat_body b ORDER BY b.sort" | tr '\t\n' ': ' | sed 's/ $//')" \
		"$bodies"
	check_eq "… $y per body by hand" "$want_bodies" "$bodies"
	local types
	types=$(xq report/types/type disclosure n | tr '\t\n' ': ' | sed 's/ $//')
	check_eq "… $y per disclosure by SQL" \
		"active:$(sql "SELECT COUNT(*) FROM cat_entry e WHERE e.disclosure = 'active' AND $IN") request:$(sql "SELECT COUNT(*) FROM cat_entry e WHERE e.disclosure = 'request' AND $IN") none:$(sql "SELECT COUNT(*) FROM cat_entry e WHERE e.disclosure = 'none' AND $IN")" \
		"$types"
	check_eq "… $y per disclosure by hand" "$want_types" "$types"
	local cats
	cats=$(xq report/categories/category code n | tr '\t\n' ': ' | sed 's/ $//')
	check_eq "… $y per first-level category by SQL" \
		"$(sql "SELECT c.code, (SELECT COUNT(*) FROM cat_entry e JOIN cat_category_path p ON p.descendant_id = e.category_id WHERE p.ancestor_id = c.id AND $IN) FROM cat_category c WHERE c.parent_id IS NULL ORDER BY c.sort" | tr '\t\n' ': ' | sed 's/ $//')" \
		"$cats"
	check_eq "… $y per first-level category by hand" "$want_cats" "$cats"
	no_hidden "… the $y report"
	# The CSV: the BOM, the same figures a line each, the total last.
	http GET "$C/report.csv?year=$y"
	expect_status "the $y CSV (200)" 200
	expect_header "… as text/csv" Content-Type '^text/csv'
	check_eq "… begins with the UTF-8 BOM" "efbbbf" "$(head -c 3 "$BODY" | od -An -tx1 | tr -d ' \n')"
	check_eq "… the same figures" \
		"$(printf '%s\n' "$bodies $types $cats" | tr ' ' '\n' | cut -d: -f2 | tr '\n' ' ')$total " \
		"$(tail -n +2 "$BODY" | tr -d '\r' | awk -F, '{ print $NF }' | tr '\n' ' ')"
	check_eq "… the total line last" "合计,,$total" "$(tail -n 1 "$BODY" | tr -d '\r')"
	no_hidden "… the $y CSV"
}
# Fixture: 2026's first publications are 4 5 6 9 10 11 12 14 (8): 801 4 5 6,
# 802 9 10 11, 803 12 14; active 4 5 9 10 12 14, request 11, none 6;
# 01 机构职能 10 14, 02 法规文件 9 11 12, 03 财政信息 4 5 6.
check_year 2026 8 "801:3 802:3 803:2" "active:6 request:1 none:1" "01:2 02:3 03:3"
# 2025: 2 3 8 15 (4): 801 2 3, 802 8, 803 15; active 2 3 8, none 15;
# 01 8 15, 02 2 3.
check_year 2025 4 "801:2 802:1 803:1" "active:3 request:0 none:1" "01:2 02:2 03:0"
check_year 2024 2 "801:1 802:0 803:1" "active:2 request:0 none:0" "01:1 02:1 03:0"
page "the report of a year without entries" "$C/report?year=2030"
check_eq "… all zero" "0" "$(tr -d '\n' <"$BODY" | sed -n 's/.*<report year="2030" total="\([0-9]*\)".*/\1/p')"
page "the report by default" "$C/report"
check_eq "… is this year's (2026 on this machine's clock)" "$(TZ=Asia/Shanghai date +%Y)" \
	"$(tr -d '\n' <"$BODY" | sed -n 's/.*<report year="\([0-9]*\)".*/\1/p')"
http GET "$C/report?year=2026"
expect_status "the report in HTML" 200
expect_body_contains "… its title" "2026年政府信息公开工作年度报告"
expect_body_contains "… the year's field labelled, showing the year" '<label for="f-year"'
expect_body_contains "… with the year in it" 'value="2026"'
expect_body_contains "… links its CSV" 'href="/catalogue/report.csv?year=2026"'
expect_body_contains "… the type in words" "不予公开"
for q in "?year=abc" "?year=1999" "?year=3000" "?year=99999999999999999999" "?year=2026&year=2025"; do
	http GET "$C/report$q"
	case $STATUS in 4??) pass "report$q is a 4xx ($STATUS)" ;; *) fail "report$q: status $STATUS" ;; esac
	http GET "$C/report.csv$q"
	case $STATUS in 4??) pass "report.csv$q is a 4xx ($STATUS)" ;; *) fail "report.csv$q: status $STATUS" ;; esac
done

# ---------------------------------------------------------------- English

page "the entry page in English" "$C/e/10?lang=en"
http GET "$C/e/10?lang=en"
expect_body_contains "… the banner in English" "<strong>Withdrawn</strong>"
expect_body_contains "… the labels in English" "Index number"
http GET "$C/e/11?lang=en"
expect_body_contains "… the request note in English" "apply to the issuing body"
http GET "$C/e/1?lang=en"
expect_body_contains "… repealed in English" "<strong>Repealed</strong>"
http GET "$C/report?year=2026&lang=en"
expect_body_contains "… the report in English" "Annual disclosure report 2026"
page "the report in English" "$C/report?year=2026&lang=en"
http GET "$C/report.csv?year=2026&lang=en"
expect_body_contains "… the CSV in English" "Total,,8"

# ---------------------------------------------------------------- the sitemap's index

# More listed entries than one sitemap file takes (CAT_SITEMAP_URLS,
# 10000): 10000 more, by SQL, with ids from 100001 on (a block of 9999
# ids a part), so that the parts are 1 (the fixture's and the home),
# 11 (ids 99991-109989) and 12 (from 109990).
sql "INSERT INTO cat_entry (id, index_no, title, body_id, written_on, published_at, category_id,
	theme_id, genre_id, disclosure, validity, state, version, created_at, updated_at)
	SELECT 100000 + s.seq, CONCAT('008213401/2020-', LPAD(s.seq, 5, '0')), CONCAT('批量条目', s.seq),
	801, '2020-01-01', '2020-01-02 09:00:00', 311, 201, 10, 'active', 'valid', 'published', 1,
	'2020-01-01 09:00:00', '2020-01-02 09:00:00' FROM seq_1_to_10000 s" ||
	die "could not add the many entries"
http GET $C/sitemap.xml
expect_status "the large sitemap (200)" 200
if out=$("$XMLLINT" --noout --relaxng "$SITEMAP_RNG" "$BODY" 2>&1); then
	pass "… valid against sitemap.rng"
else
	fail "… $(printf '%s' "$out" | head -n 5 | tr '\n' ' ')"
fi
check_eq "… is a sitemap index" "sitemapindex" "$("$XMLLINT" --xpath 'local-name(/*)' "$BODY")"
PARTS=$("$XMLLINT" --xpath '//*[local-name()="loc"]/text()' "$BODY" | sed 's/.*part=//' | tr '\n' ' ')
check_eq "… of the parts holding entries" "1 11 12 " "$PARTS"
TOTAL=0
ALLLOCS=
for n in $PARTS; do
	http GET "$C/sitemap.xml?part=$n"
	expect_status "part $n (200)" 200
	if out=$("$XMLLINT" --noout --relaxng "$SITEMAP_RNG" "$BODY" 2>&1); then
		pass "… part $n valid"
	else
		fail "… part $n: $(printf '%s' "$out" | head -n 3 | tr '\n' ' ')"
	fi
	k=$("$XMLLINT" --xpath 'count(//*[local-name()="url"])' "$BODY")
	[ "$k" -le 10000 ] && pass "… part $n holds at most 10000 URLs ($k)" || fail "part $n: $k URLs"
	TOTAL=$((TOTAL + k))
	ALLLOCS="$ALLLOCS $("$XMLLINT" --xpath '//*[local-name()="loc"]/text()' "$BODY" | tr '\n' ' ')"
done
check_eq "… the parts hold the home and every listed entry once" \
	"$(($(sql "SELECT COUNT(*) $LISTED") + 1))" \
	"$(printf '%s\n' $ALLLOCS | sort -u | wc -l)"
check_eq "… and nothing twice" "$TOTAL" "$(printf '%s\n' $ALLLOCS | wc -l)"
http GET "$C/sitemap.xml?part=2"
expect_status "a part without entries is 404" 404
http GET "$C/sitemap.xml?part=999999"
expect_status "a part past the last is 404" 404

# Nothing any request of this suite sent was answered with a 5xx.
check_eq "no request of the suite was a 5xx (no incident in the log)" 0 \
	"$(grep -c 'incident' "$CIVIC_T/catalogue.log")"
check_eq "… and the log saw the suite's requests" 1 \
	"$(grep -q 'GET /catalogue/e/2 200' "$CIVIC_T/catalogue.log" && echo 1 || echo 0)"

finish
