#!/bin/bash
# catalogue-browse.sh: the public catalogue (modules/catalogue/browse.c)
# through nginx, on the fixed catalogue of catalogue-fixture.sql, indexed
# by `civicctl reindex catalogue`: the home page's counts (catalogue tree,
# issuing bodies with joint documents, themes, years) and the list's
# facets, each against the fixture's hand counts AND a count made here by
# plain SQL; the facets within the filters in force (each facet with the
# others' filters); filters combined; the Chinese search (two-character
# words, a full 文号, an index number; words only in entries that are not
# listed find nothing, even with their grams left in the index); the
# entries that are not listed (不予公开, the draft, the withdrawn) on no
# page served, whatever the filters; keyset pages walking every listed entry once, newest first, with entries
# sharing a publication time; English; bad parameters never a 5xx; every
# page's XML valid against xslt/schema/page.rng.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
find_tool XMLLINT xmllint libxml2-utils
command -v python3 >/dev/null 2>&1 || die "python3 not found: install the Debian package python3"
W=$CIVIC_T/work
ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }

ctl load "$top_srcdir/tests/integration/catalogue-fixture.sql" >"$W/load.log" 2>&1 ||
	die "civicctl load catalogue-fixture.sql failed: $(tail -n 5 "$W/load.log")"
ctl reindex catalogue >"$W/reindex.log" 2>&1 ||
	die "civicctl reindex catalogue failed: $(cat "$W/reindex.log")"

civic_program_start catalogue --workers 1

# The titles of the entries that are never listed: 6 and 15 不予公开, 7 the
# draft, 10 withdrawn.  Every page fetched is checked for them.
HIDDEN=(区财政局内部审计工作底稿 区卫生健康局信访人员名册 政府采购意向公开（草稿） 区教育局领导分工)
FETCHED=0
# hidden_absent NAME: none of the hidden titles (nor their index numbers) in the last body.
hidden_absent() {
	local t found=
	for t in "${HIDDEN[@]}" 008213401/2026-00003 008213403/2025-00001 008213402/2026-00002; do
		grep -qF -- "$t" "$BODY" && found="$found $t"
	done
	FETCHED=$((FETCHED + 1))
	if [ -z "$found" ]; then
		pass "$1: no entry that is not listed"
	else
		fail "$1: shows what is not listed:$found"
	fi
}
# page NAME PATH: GET PATH?format=xml (PATH may have a query), 200, valid, nothing hidden.
page() {
	local sep='?'
	case $2 in *\?*) sep='&' ;; esac
	http GET "$2${sep}format=xml"
	expect_status "$1 (200)" 200
	valid "$1: valid XML"
	hidden_absent "$1"
}
# html NAME PATH: GET PATH as HTML, 200, nothing hidden.
html() {
	http GET "$2"
	expect_status "$1 (HTML, 200)" 200
	hidden_absent "$1 (HTML)"
}
# xq PATH FIELD...: for each element at PATH (ElementTree syntax, from
# the page) of the last body, its FIELDs' texts, tab-separated, a line each.
xq() {
	python3 - "$BODY" "$@" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
for e in root.findall(sys.argv[2]):
    print("\t".join((e.findtext(f) or "") for f in sys.argv[3:]))
EOF
}
# ids: the ids of the listed entries of the last (XML) body, space-separated.
ids() { xq entries/entry id | tr '\n' ' ' | sed 's/ $//'; }
csort() { LC_ALL=C sort; }
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
# tsv: stdin's lines with the columns separated by one tab (the SQL client's form).
tsv() { tr -s ' ' '\t'; }

# Plain SQL over the listed entries: published and not 不予公开, written
# here without the program's macros.
L="e.state = 'published' AND e.disclosure <> 'none'"
# The same set with each entry once a body it is issued by (lead or joint).
EB="(SELECT id AS eid, body_id AS bid FROM cat_entry UNION ALL
	SELECT entry_id, body_id FROM cat_entry_body)"

check_eq "the fixture has 11 listed entries" 11 "$(sql "SELECT COUNT(*) FROM cat_entry e WHERE $L")"

# ---------------------------------------------------------------- home
page "the home page" /catalogue/
HAND_CATS="01	3
0101	3
0102	0
02	6
0201	5
0202	1
03	2
0301	2
030101	1
030102	1
0302	0"
check_eq "home: every node of the catalogue tree with its subtree's count (hand counts)" \
	"$HAND_CATS" "$(xq ".//category" code n | csort)"
check_eq "home: … as counted by plain SQL" \
	"$(sql "SELECT c.code, (SELECT COUNT(*) FROM cat_entry e JOIN cat_category_path p
		ON p.descendant_id = e.category_id WHERE p.ancestor_id = c.id AND $L)
		FROM cat_category c WHERE c.active = 1 ORDER BY c.code")" \
	"$(xq ".//category" code n | csort)"
check_eq "home: the tree is a tree (机构设置 under 机构职能, 部门预算 under 预决算)" "0101 030101" \
	"$(xq "categories/category/category" code | grep -x 0101) $(xq "categories/category/category/category" code | grep -x 030101)"
HAND_BODIES="801	5
802	4
803	3"
check_eq "home: the issuing bodies, a joint document counted under each (hand counts)" \
	"$HAND_BODIES" "$(xq bodies/body id n)"
check_eq "home: … as counted by plain SQL" \
	"$(sql "SELECT b.department_id, (SELECT COUNT(DISTINCT e.id) FROM cat_entry e JOIN $EB x
		ON x.eid = e.id WHERE x.bid = b.department_id AND $L) FROM cat_body b ORDER BY b.sort")" \
	"$(xq bodies/body id n)"
check_eq "home: the bodies' names" "区财政局 区教育局 区卫生健康局" \
	"$(xq bodies/body name | tr '\n' ' ' | sed 's/ $//')"
HAND_THEMES="01	2
0101	1
0102	1
02	6
0201	6
03	3
0301	3"
check_eq "home: the themes, two levels (hand counts)" "$HAND_THEMES" "$(xq ".//theme" code n | csort)"
check_eq "home: … as counted by plain SQL" \
	"$(sql "SELECT t.code, (SELECT COUNT(*) FROM cat_entry e WHERE $L AND (e.theme_id = t.id
		OR e.theme_id IN (SELECT s.id FROM cat_theme s WHERE s.parent_id = t.id)))
		FROM cat_theme t ORDER BY t.code")" \
	"$(xq ".//theme" code n | csort)"
check_eq "home: 政务公开 under 综合政务" 0101 "$(xq "themes/theme[code='01']/theme" code | head -n 1)"
HAND_YEARS="2026	6
2025	3
2024	2"
check_eq "home: the years of publication, newest first (hand counts)" "$HAND_YEARS" "$(xq years/y year n)"
check_eq "home: … as counted by plain SQL" \
	"$(sql "SELECT YEAR(e.published_at) y, COUNT(*) FROM cat_entry e WHERE $L GROUP BY y
		ORDER BY y DESC")" "$(xq years/y year n)"
check_eq "home: the ten newest entries" "9 5 11 12 4 14 3 2 8 13" "$(ids)"
check_eq "home: … as found by plain SQL" \
	"$(sql "SELECT e.id FROM cat_entry e WHERE $L ORDER BY e.published_at DESC, e.id DESC
		LIMIT 10" | tr '\n' ' ' | sed 's/ $//')" "$(ids)"
check_eq "home: an entry's numbers, body and date" \
	"008213402/2026-00001	郫教发〔2026〕12号	区教育局	2026-09-01	valid" \
	"$(xq "entries/entry[id='9']" index_no doc_no body published validity)"
check_eq "home: the joint document names its joint body" "区卫生健康局	区教育局" \
	"$(xq "entries/entry[id='12']" body joint)"

html "the home page" /catalogue/
expect_body_contains "home (HTML): a search box" 'name="q"'
expect_body_contains "home (HTML): a category's link to its list" 'href="/catalogue/list?category=2"'
expect_body_contains "home (HTML): a body's link" 'href="/catalogue/list?body=802"'
expect_body_contains "home (HTML): a theme's link" 'href="/catalogue/list?theme=201"'
expect_body_contains "home (HTML): a year's link" 'href="/catalogue/list?year=2025"'
expect_body_contains "home (HTML): an entry's link to its page" 'href="/catalogue/e/9"'
expect_body_contains "home (HTML): the tree's names" '部门决算'
expect_body_contains "home (HTML): the counts" '（6）'
expect_body_contains "home (HTML): the amended entry says so in a word" '已修改'
expect_security_headers "home"

# An inactive node and theme are shown nowhere; their entries stay listed.
sql "UPDATE cat_category SET active = 0 WHERE id = 31"
sql "UPDATE cat_theme SET active = 0 WHERE id = 3"
page "the home page, 预决算 and 卫生、体育 inactive" /catalogue/
check_eq "an inactive node and its subtree are not shown" "" \
	"$(xq ".//category" code | grep -E '^(0301|030101|030102)$')"
check_eq "… its parent still counts its entries" 2 "$(xq "categories/category[code='03']" n)"
check_eq "an inactive theme and its children are not shown" "" \
	"$(xq ".//theme" code | grep -E '^03')"
sql "UPDATE cat_category SET active = 1 WHERE id = 31"
sql "UPDATE cat_theme SET active = 1 WHERE id = 3"

# ---------------------------------------------------------------- list
page "the list" /catalogue/list
check_eq "the list: every listed entry, newest publication first" "9 5 11 12 4 14 3 2 8 13 1" "$(ids)"
check_eq "the list: … as found by plain SQL" \
	"$(sql "SELECT e.id FROM cat_entry e WHERE $L ORDER BY e.published_at DESC, e.id DESC" |
		tr '\n' ' ' | sed 's/ $//')" "$(ids)"
check_eq "the list without filters: the tree's counts are the home page's" "$HAND_CATS" \
	"$(xq ".//category" code n | csort)"
check_eq "… the bodies'" "$HAND_BODIES" "$(xq bodies/body id n)"
check_eq "… the themes'" "$HAND_THEMES" "$(xq ".//theme" code n | csort)"
check_eq "… the years'" "$HAND_YEARS" "$(xq years/y year n)"
HAND_GENRES="通知	4
报告	2
规定	1
解读	1
其他	3"
check_eq "the list: the genres (hand counts)" "$HAND_GENRES" "$(xq genres/genre name n)"
check_eq "… as counted by plain SQL" \
	"$(sql "SELECT g.name, COUNT(*) FROM cat_entry e JOIN cat_genre g ON g.id = e.genre_id
		WHERE $L GROUP BY g.id, g.name, g.sort ORDER BY g.sort")" "$(xq genres/genre name n)"
check_eq "the list: the validities (hand counts)" "valid	9
amended	1
repealed	1" "$(xq validities/v validity n)"
check_eq "… as counted by plain SQL" \
	"$(sql "SELECT e.validity, COUNT(*) FROM cat_entry e WHERE $L GROUP BY e.validity
		ORDER BY e.validity")" "$(xq validities/v validity n)"
check_eq "the list: no next page" "" "$(tr -d '\n' <"$BODY" | grep -o '<pager next=')"

html "the list" /catalogue/list
expect_body_contains "the list (HTML): the repealed entry says so in a word" '已废止'
expect_body_contains "the list (HTML): the index number" '008213401/2024-00001'
expect_body_contains "the list (HTML): the 文号" '郫财发〔2024〕3号'
expect_body_contains "the list (HTML): a facet's link" 'href="/catalogue/list?genre=21"'

# Two filters: body 802 and year 2026.  Each facet counted with the other
# filters: the bodies within 2026, the years within 802, the rest within both.
page "body 802 and year 2026" "/catalogue/list?body=802&year=2026"
check_eq "body 802 + year 2026: 9, 11 and 12 (joint)" "9 11 12" "$(ids)"
check_eq "… as found by plain SQL" \
	"$(sql "SELECT DISTINCT e.id FROM cat_entry e JOIN $EB x ON x.eid = e.id WHERE $L
		AND x.bid = 802 AND YEAR(e.published_at) = 2026 ORDER BY e.published_at DESC, e.id DESC" |
		tr '\n' ' ' | sed 's/ $//')" "$(ids)"
check_eq "… the body facet counts 2026's entries of every body (hand counts)" "801	2
802	3
803	2" "$(xq bodies/body id n)"
check_eq "… as counted by plain SQL" \
	"$(sql "SELECT b.department_id, (SELECT COUNT(DISTINCT e.id) FROM cat_entry e JOIN $EB x
		ON x.eid = e.id WHERE x.bid = b.department_id AND $L AND YEAR(e.published_at) = 2026)
		FROM cat_body b ORDER BY b.sort")" "$(xq bodies/body id n)"
check_eq "… the year facet counts 802's entries of every year (hand counts)" "2026	3
2025	1" "$(xq years/y year n)"
check_eq "… as counted by plain SQL" \
	"$(sql "SELECT YEAR(e.published_at) y, COUNT(DISTINCT e.id) FROM cat_entry e JOIN $EB x
		ON x.eid = e.id WHERE x.bid = 802 AND $L GROUP BY y ORDER BY y DESC")" \
	"$(xq years/y year n)"
check_eq "… the tree counts within both (hand counts)" "01	0
0101	0
0102	0
02	3
0201	3
0202	0
03	0
0301	0
030101	0
030102	0
0302	0" "$(xq ".//category" code n | csort)"
check_eq "… the themes within both (hand counts)" "01	1
0101	0
0102	1
02	1
0201	1
03	1
0301	1" "$(xq ".//theme" code n | csort)"
check_eq "… as counted by plain SQL" \
	"$(sql "SELECT t.code, (SELECT COUNT(DISTINCT e.id) FROM cat_entry e JOIN $EB x ON x.eid = e.id
		WHERE $L AND x.bid = 802 AND YEAR(e.published_at) = 2026 AND (e.theme_id = t.id
		OR e.theme_id IN (SELECT s.id FROM cat_theme s WHERE s.parent_id = t.id)))
		FROM cat_theme t ORDER BY t.code")" "$(xq ".//theme" code n | csort)"
check_eq "… the genres within both (hand counts)" "通知	2
规定	1" "$(xq genres/genre name n)"
check_eq "… the validities within both" "valid	3" "$(xq validities/v validity n)"
html "body 802 and year 2026" "/catalogue/list?body=802&year=2026"
expect_body_contains "… (HTML): the filters in force, with links removing each" \
	'href="/catalogue/list?year=2026"'
expect_body_contains "… (HTML): … and the other" 'href="/catalogue/list?body=802"'
expect_body_contains "… (HTML): a facet's link changes its filter, keeping the other" \
	'href="/catalogue/list?body=801&amp;year=2026"'
expect_body_contains "… (HTML): a facet's link adds a filter" \
	'href="/catalogue/list?body=802&amp;year=2026&amp;genre=20"'
expect_body_contains "… (HTML): the body in force by name" '区教育局'
expect_body_contains "… (HTML): the values in force marked in their facets" 'aria-current="true"'
expect_body_contains "… (HTML): the search keeps the filters" 'type="hidden" name="body" value="802"'

# A node takes its whole subtree; a first-level theme its children.
page "category 03 财政信息" "/catalogue/list?category=3"
check_eq "a node of the first level: its whole subtree" "5 4" "$(ids)"
page "category 0301 预决算" "/catalogue/list?category=31"
check_eq "a node of the second level: its subtree" "5 4" "$(ids)"
page "category 030101 部门预算" "/catalogue/list?category=311"
check_eq "a leaf" "4" "$(ids)"
page "category 0102 领导信息 (only the withdrawn entry)" "/catalogue/list?category=12"
check_eq "a node whose only entry is withdrawn lists nothing" "" "$(ids)"
page "category 0302 政府采购 (the 不予公开 and the draft)" "/catalogue/list?category=32"
check_eq "a node whose entries are 不予公开 or a draft lists nothing" "" "$(ids)"
page "theme 02 (first level)" "/catalogue/list?theme=2"
check_eq "a first-level theme: its children's entries" "5 11 4 3 2 1" "$(ids)"
check_eq "… as found by plain SQL" \
	"$(sql "SELECT e.id FROM cat_entry e JOIN cat_theme t ON t.id = e.theme_id WHERE $L
		AND (t.id = 2 OR t.parent_id = 2) ORDER BY e.published_at DESC, e.id DESC" |
		tr '\n' ' ' | sed 's/ $//')" "$(ids)"
page "theme 0102 应急管理" "/catalogue/list?theme=102"
check_eq "a second-level theme" "12" "$(ids)"
page "genre 通知" "/catalogue/list?genre=8"
check_eq "a genre" "9 12 2 1" "$(ids)"
page "validity repealed" "/catalogue/list?validity=repealed"
check_eq "validity 已废止" "1" "$(ids)"
page "validity amended + body 803" "/catalogue/list?validity=amended&body=803"
check_eq "validity 已修改 and a body" "13" "$(ids)"
page "body 801, year 2026, category 03, genre 报告, valid" \
	"/catalogue/list?body=801&year=2026&category=3&genre=10&validity=valid"
check_eq "five filters together" "5 4" "$(ids)"
page "body 801 and category 0102" "/catalogue/list?body=801&category=12"
check_eq "filters that exclude each other: nothing" "" "$(ids)"
page "an unknown body" "/catalogue/list?body=99999"
check_eq "an unknown body lists nothing" "" "$(ids)"
check_eq "… and its facets count nothing under it, the others as ever" "$HAND_BODIES" \
	"$(xq bodies/body id n)"

# ---------------------------------------------------------------- search
# Grams of entries that are not listed, as if an edit had left them in the
# index (6: 不予公开, 10: withdrawn): the search must still not show them.
sql "INSERT IGNORE INTO cat_entry_gram (gram, entry_id) VALUES ('底稿', 6), ('领导', 10),
	('导分', 10), ('分工', 10)" || die "could not add the stale grams"
search() { page "search $1${2:+ ($2)}" "/catalogue/list?q=$(enc "$1")${2:+&$2}"; }
search 专项资金
check_eq "专项资金 finds 3 entries" "3 2 1" "$(ids)"
check_eq "… and the facets count within the search" "801	3
802	0
803	0" "$(xq bodies/body id n)"
search 专项资金 year=2025
check_eq "专项资金 in 2025" "3 2" "$(ids)"
search 郫教发〔2026〕12号
check_eq "a full 文号 (郫教发〔2026〕12号) finds entry 9" "9" "$(ids)"
search 郫财发〔2025〕7号
check_eq "another 文号 finds its entry alone (not the 2024 one it replaced)" "2" "$(ids)"
search 008213402/2026-00001
check_eq "an index number finds its entry" "9" "$(ids)"
search 应急预案
check_eq "应急预案 finds entry 12" "12" "$(ids)"
search 预算
check_eq "a two-character word (预算) finds entry 4" "4" "$(ids)"
search 解读
check_eq "another (解读) finds entry 3" "3" "$(ids)"
search 部门决算
check_eq "部门决算 finds entry 5" "5" "$(ids)"
for w in 底稿 领导分工 收费明细 名册 草稿 意向; do
	search "$w"
	check_eq "$w (only in an entry not listed, or in a text not shown; stale grams too) finds nothing" "" "$(ids)"
	check_eq "… and counts nothing" "0" "$(xq bodies/body n | sort -u | tr '\n' ' ' | sed 's/ $//')"
done
search 斑马
check_eq "a word no entry has finds nothing" "" "$(ids)"
search '！？'
check_eq "punctuation alone finds nothing" "" "$(ids)"
check_eq "… and says it had nothing to search" 0 \
	"$(tr -d '\n' <"$BODY" | sed -n 's:.*<search [^>]*grams="\([0-9]*\)".*:\1:p')"
html "search 专项资金 (HTML)" "/catalogue/list?q=$(enc 专项资金)"
expect_body_contains "… shows what was looked for" '专项资金'
expect_body_contains "… links the entries" 'href="/catalogue/e/2"'
expect_body_contains "… the search in force can be removed" 'href="/catalogue/list"'
html "search 底稿 (HTML)" "/catalogue/list?q=$(enc 底稿)"
expect_body_contains "… says nothing was found" '没有符合条件的公开信息'

# ---------------------------------------------------------------- keyset pages
# 45 more entries by SQL (published, 主动公开), many sharing a publication
# time, so that the cursor's tie on the time is broken by the id; and 5
# more 不予公开 and drafts at the same times, which no page may show.
python3 - >"$W/more.sql" <<'EOF'
rows = []
for i in range(1, 51):
    eid = 1000 + i
    at = "2026-10-%02d 09:00:00" % (1 + i // 4)
    disclosure, state = "active", "published"
    if i % 10 == 0:
        disclosure = "none"
    if i % 10 == 5:
        state = "draft"
    rows.append("(%d, '008213401/2026-%05d', '分页测试信息%d', 801, '2026-09-30', '%s', 21, 201, 8, "
                "'%s', 'valid', '%s', 1, NOW(), NOW())" % (eid, 100 + i, i, at, disclosure, state))
print("INSERT INTO cat_entry (id, index_no, title, body_id, written_on, published_at, category_id, "
      "theme_id, genre_id, disclosure, validity, state, version, created_at, updated_at) VALUES "
      + ",\n".join(rows) + ";")
EOF
sql "$(cat "$W/more.sql")" || die "could not add the entries for paging"
HIDDEN+=(分页测试信息10 分页测试信息5 分页测试信息20 分页测试信息45)
NLISTED=$(sql "SELECT COUNT(*) FROM cat_entry e WHERE $L")
check_eq "51 listed entries now (40 more)" 51 "$NLISTED"
walk() {
	local path=$1 next= pages=0 sep='?'
	case $path in *\?*) sep='&' ;; esac
	: >"$W/walk"
	while :; do
		page "$path, page $((pages + 1))" "$path${next:+${sep}after=$next}"
		xq entries/entry id >>"$W/walk"
		pages=$((pages + 1))
		next=$(tr -d '\n' <"$BODY" | sed -n 's:.*<pager next="\([^"]*\)".*:\1:p')
		[ -n "$next" ] && [ "$pages" -lt 20 ] || break
	done
	PAGES=$pages
}
walk /catalogue/list
check_eq "the pages hold every listed entry once, newest first" \
	"$(sql "SELECT e.id FROM cat_entry e WHERE $L ORDER BY e.published_at DESC, e.id DESC")" \
	"$(cat "$W/walk")"
check_eq "… on three pages of 20" 3 "$PAGES"
check_eq "… none twice" "" "$(sort "$W/walk" | uniq -d)"
walk "/catalogue/list?body=801&category=21"
check_eq "a filtered list's pages: every entry once" \
	"$(sql "SELECT e.id FROM cat_entry e WHERE $L AND e.body_id = 801 AND e.category_id = 21
		ORDER BY e.published_at DESC, e.id DESC")" "$(cat "$W/walk")"
check "… more than one page" test "$PAGES" -gt 1
page "the list with the added entries" /catalogue/list
check_eq "the year facet counts them (plain SQL)" \
	"$(sql "SELECT YEAR(e.published_at) y, COUNT(*) FROM cat_entry e WHERE $L GROUP BY y
		ORDER BY y DESC")" "$(xq years/y year n)"
http GET "/catalogue/list?format=xml" 
FIRST=$(tr -d '\n' <"$BODY" | sed -n 's:.*<pager next="\([^"]*\)".*:\1:p')
html "the list's second page" "/catalogue/list?after=$FIRST"
expect_body_contains "… links the first page" '返回第一页'
page "past the last entry" "/catalogue/list?after=19000101000000-1"
check_eq "a cursor before every entry lists nothing" "" "$(ids)"
page "a cursor from the future" "/catalogue/list?after=21991231235959-999999999999999999"
check_eq "a cursor after every entry lists the first page" 20 "$(xq entries/entry id | wc -l)"

# ---------------------------------------------------------------- English
http GET '/catalogue/?lang=en'
expect_status "home in English" 200
hidden_absent "home in English"
expect_body_contains "… English words" 'Issuing bodies'
expect_body_lacks "… no key left untranslated" 'catalogue.browse.'
http GET "/catalogue/list?lang=en&body=802&year=2026&q=$(enc 通知)"
expect_status "the list in English" 200
expect_body_contains "… English words" 'Filters in force'
expect_body_contains "… the validity facet's words" 'In force'
expect_body_lacks "… no key left untranslated" 'catalogue.browse.'
http GET '/catalogue/list?lang=zh-CN'
expect_body_lacks "the list in Chinese: no key left untranslated" 'catalogue.browse.'

# ---------------------------------------------------------------- bad input
# Malformed values are the core's 400 (as on every civic list); well-formed
# ones that name nothing are an empty list.
LONG=$(printf '食%.0s' $(seq 1 41))
for q in "category=abc" "body=-1" "body=0" "theme=x" "genre=1.5" "year=99999" "year=1899" \
    "validity=alien" "after=garbage" "after=20261399000000-1" "after=20260101250000-1" \
    "after=20260101000000-" "after=20260101000000-abc" "after=2026010100000-1" \
    "category=99999999999999999999999" "q=$LONG" "q=%00" "q=%FF" "body=1&body=2"; do
	http GET "/catalogue/list?$q"
	check_eq "/list?${q:0:40}: 400" 400 "$STATUS"
done
for q in "category=999999999999" "body=4294967296" "theme=999999" "genre=9999" "year=2199" \
    "q=$(enc "' OR 1=1 --")" "q=$(enc '%_')" "after=21991231235959-1"; do
	page "/list?${q:0:40}" "/catalogue/list?$q"
done
for p in /catalogue/nope /catalogue/list/3 "/catalogue/?category=abc"; do
	http GET "$p"
	check "no 5xx for $p ($STATUS)" test "$STATUS" -ge 200 -a "$STATUS" -lt 500
done

check "every page fetched was checked for what is not listed (at least 50)" test "$FETCHED" -ge 50
[ "$CIVIC_FAILED" -eq 0 ] || show_log "$CIVIC_T/catalogue.log" 40
finish
