#!/bin/bash
# prereview-guide.sh: the public service guide (modules/prereview/guide.c)
# through nginx, on the demo's items (sql/demo-mailbox.sql for departments
# 1-6, then sql/demo-prereview.sql) loaded with civicctl and indexed by
# `civicctl reindex prereview`: the home page's counts by audience,
# department and theme against counts made here by plain SQL over the
# major items; the list's keyset pages (every entry once), its filters and
# the sub-items grouped under their major item; the Chinese search (a
# two-character word, an item's code, a material's name); an item made
# inactive after indexing is in no count, no list, no search and its page
# is a 404, and so is the active sub-item of a withdrawn major item; a
# withdrawn sub-item leaves its major item's page and list; the item page (materials with their conditions, the steps, the
# parallel review, the apply link only where pre-review is offered); the
# blank form as an attachment with nosniff, and 404 without one; English;
# bad parameters never a 5xx; every page's XML valid against
# xslt/schema/page.rng.

. "$(dirname "$0")/lib.sh"

civic_stack_up --workers 1
find_tool XMLLINT xmllint libxml2-utils
command -v python3 >/dev/null 2>&1 || die "python3 not found: install the Debian package python3"
SCHEMA=$top_srcdir/xslt/schema/page.rng
W=$CIVIC_T/work
ctl() { "$CIVICCTL" --config "$CIVIC_T/civic.conf" "$@"; }

for f in demo-mailbox.sql demo-prereview.sql; do
	ctl load "$top_srcdir/sql/$f" >"$W/load.log" 2>&1 ||
		die "civicctl load $f failed: $(tail -n 5 "$W/load.log")"
done
# A major item withdrawn (inactive) whose sub-item is still active: the
# sub-item goes with it, though it is indexed (it is active itself).
sql "INSERT INTO pr_item (id, code, parent_id, name, kind, department_id, audience, theme_id,
	legal_days, promised_days, online, active, updated_at) VALUES
	(9001, '510124000000-QT-9001', NULL, '停用测试主项', '其他行政权力', 2, 'person', 2, 5, 5, 0, 0,
	'2026-11-20 09:00:00'),
	(9002, '510124000000-QT-9002', 9001, '停用测试主项（子项甲）', '其他行政权力', 2, 'person', 2,
	5, 5, 1, 1, '2026-11-20 09:00:00')" || die "could not insert the withdrawn items"
sql "INSERT INTO pr_item_department (item_id, department_id, days) VALUES (9002, 2, 5)"
ctl reindex prereview >"$W/reindex.log" 2>&1 ||
	die "civicctl reindex prereview failed: $(cat "$W/reindex.log")"
check_eq "civicctl reindex prereview goes over every active item" \
	"civicctl reindex: prereview: $(sql "SELECT COUNT(*) FROM pr_item WHERE active = 1") documents" \
	"$(cat "$W/reindex.log")"
# Loading twice does no harm (INSERT IGNORE with fixed ids).
check "sql/demo-prereview.sql loads a second time" ctl load "$top_srcdir/sql/demo-prereview.sql"

# The item made inactive after it was indexed: its grams stay in the
# index (as if an edit had forgotten them), and the guide must still not
# show it.  无犯罪记录证明开具, the only item with 犯罪.
GONE=510124000000-GG-0003
sql "UPDATE pr_item SET active = 0 WHERE code = '$GONE'"
check_eq "the inactive item's grams are still in the index" 1 \
	"$(sql "SELECT COUNT(DISTINCT g.item_id) FROM pr_item_gram g JOIN pr_item i ON i.id = g.item_id
		WHERE g.gram = '犯罪' AND i.code = '$GONE'")"

civic_program_start prereview --workers 1

# page NAME PATH: GET PATH?format=xml (PATH may have a query), 200, valid.
page() {
	local sep='?'
	case $2 in *\?*) sep='&' ;; esac
	http GET "$2${sep}format=xml"
	expect_status "$1 (200)" 200
	valid "$1: valid XML"
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
# The major items (entries) counted here by plain SQL: active, no parent.
ENTRIES="FROM pr_item WHERE active = 1 AND parent_id IS NULL"

# ---------------------------------------------------------------- home
page "the guide's home" /prereview/
check_eq "home: entries for persons, as counted in SQL" \
	"$(sql "SELECT COUNT(*) $ENTRIES AND audience IN ('person', 'both')")" \
	"$(xq "audiences/audience[audience='person']" n)"
check_eq "home: entries for enterprises, as counted in SQL" \
	"$(sql "SELECT COUNT(*) $ENTRIES AND audience IN ('enterprise', 'both')")" \
	"$(xq "audiences/audience[audience='enterprise']" n)"
check_eq "home: entries per department, as counted in SQL" \
	"$(sql "SELECT department_id, COUNT(*) $ENTRIES GROUP BY department_id ORDER BY department_id")" \
	"$(xq departments/department id n)"
check_eq "home: entries per theme (themes without any too), as counted in SQL" \
	"$(sql "SELECT t.id, (SELECT COUNT(*) $ENTRIES AND theme_id = t.id) FROM pr_theme t
		ORDER BY t.id")" \
	"$(xq themes/theme id n | sort -n)"
DEPTS=$(xq departments/department id | wc -l)
check "home: items of at least 8 departments" test "$DEPTS" -ge 8
check_eq "home: the items taking applications online (active, without sub-items)" \
	"$(sql "SELECT code FROM pr_item i WHERE active = 1 AND online = 1 AND NOT EXISTS
		(SELECT 1 FROM pr_item s WHERE s.parent_id = i.id AND s.active = 1) AND (parent_id IS NULL
		OR parent_id IN (SELECT id FROM pr_item WHERE active = 1)) ORDER BY code")" \
	"$(xq online/item code)"
ONLINE=$(xq online/item code | wc -l)
check "home: at least 15 items take applications online" test "$ONLINE" -ge 15
expect_body_lacks "home: the inactive item is not among them" "$GONE"
expect_body_lacks "home: nor the sub-item of a withdrawn major item" 510124000000-QT-9002

http GET /prereview/
expect_status "home as HTML" 200
expect_body_contains "home (HTML): the entry for persons" '个人办事'
expect_body_contains "home (HTML): the entry for enterprises" '法人办事'
expect_body_contains "home (HTML): a department with its count" \
	"县医疗保障局"
expect_body_contains "home (HTML): a search box" 'name="q"'
expect_body_contains "home (HTML): a department's link to its list" 'items?dept=3'
expect_body_contains "home (HTML): an online item's link" 'item/510124000000-XK-0002'
expect_security_headers "home"

# ---------------------------------------------------------------- list
# Every entry once, through the keyset pages.
: >"$W/codes"
next=
pages=0
while :; do
	page "the list, page $((pages + 1))" "/prereview/items${next:+?after=$next}"
	xq items/item code >>"$W/codes"
	pages=$((pages + 1))
	next=$(tr -d '\n' <"$BODY" | sed -n 's:.*<pager next="\([0-9]*\)".*:\1:p')
	[ -n "$next" ] && [ "$pages" -lt 10 ] || break
done
check_eq "the list's pages hold every entry once, in order" \
	"$(sql "SELECT code $ENTRIES ORDER BY id")" "$(cat "$W/codes")"
check "the list has more than one page" test "$pages" -gt 1

page "the list for enterprises" "/prereview/items?audience=enterprise"
check_eq "the list for enterprises: the entries for enterprises or both" \
	"$(sql "SELECT code $ENTRIES AND audience IN ('enterprise', 'both') ORDER BY id LIMIT 20")" \
	"$(xq items/item code)"
page "the list of a department" "/prereview/items?dept=7"
check_eq "the list of 县市场监督管理局: its entries" \
	"$(sql "SELECT code $ENTRIES AND department_id = 7 ORDER BY id")" "$(xq items/item code)"
check_eq "… the major item 食品经营许可 with its three sub-items grouped under it" \
	"510124000000-XK-0002 510124000000-XK-0003 510124000000-XK-0004" \
	"$(xq "items/item[code='510124000000-XK-0001']/subitems/item" code | tr '\n' ' ' | sed 's/ $//')"
check_eq "… the sub-items are not entries of their own" "" \
	"$(xq "items/item[code='510124000000-XK-0002']" code)"
page "the list of a theme" "/prereview/items?theme=3"
check_eq "the list of the theme 社会保障: its entries" \
	"$(sql "SELECT code $ENTRIES AND theme_id = 3 ORDER BY id")" "$(xq items/item code)"
page "the list of a theme and a department" "/prereview/items?theme=3&dept=10"
check_eq "two filters together" \
	"$(sql "SELECT code $ENTRIES AND theme_id = 3 AND department_id = 10 ORDER BY id")" \
	"$(xq items/item code)"
page "an unknown department" "/prereview/items?dept=99999"
check_eq "an unknown department lists nothing" "" "$(xq items/item code)"

http GET /prereview/items?dept=7
expect_status "the list as HTML" 200
expect_body_contains "the list (HTML): a sub-item's link" 'item/510124000000-XK-0003'

# ---------------------------------------------------------------- search
search() { page "search $1" "/prereview/items?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1")"; }
search 落户
check_eq "a two-character word (落户) finds 新生儿出生登记（落户）" 510124000000-QR-0001 \
	"$(xq items/item code)"
search 换领
check_eq "another (换领) finds 居民身份证换领" \
	"$(sql "SELECT code FROM pr_item WHERE name = '居民身份证换领'")" "$(xq items/item code)"
search 510124000000-XK-0003
check_eq "an item's code finds its entry" 510124000000-XK-0001 "$(xq items/item code)"
check_eq "… with the sub-item under it" 1 \
	"$(xq "items/item/subitems/item[code='510124000000-XK-0003']" code | wc -l)"
search 510124000000-XK-0011
check_eq "道路货物运输经营许可 by its code" \
	"$(sql "SELECT code FROM pr_item WHERE name = '道路货物运输经营许可'")" "$(xq items/item code)"
search 平面布局图
check_eq "a material's name finds the items asking for it" \
	"$(sql "SELECT DISTINCT COALESCE(p.code, i.code) FROM pr_material m JOIN pr_item i ON i.id = m.item_id
		LEFT JOIN pr_item p ON p.id = i.parent_id WHERE m.name LIKE '%平面布局图%' AND i.active = 1
		ORDER BY COALESCE(p.id, i.id)")" "$(xq items/item code)"
search 犯罪
check_eq "the inactive item is not found, though its grams are indexed" "" "$(xq items/item code)"
search 斑马
check_eq "a word no item has finds nothing" "" "$(xq items/item code)"
search '！？'
check_eq "punctuation alone finds nothing" "" "$(xq items/item code)"
search 许可
check "许可 finds a page of items" test "$(xq items/item code | wc -l)" -ge 10
search 食品
http GET "/prereview/items?q=%E9%A3%9F%E5%93%81&audience=enterprise&dept=7"
expect_status "search with filters as HTML" 200
expect_body_contains "… shows what was looked for" '食品'

# ---------------------------------------------------------------- item page
page "an item offering pre-review" /prereview/item/510124000000-XK-0002
check_eq "its code" 510124000000-XK-0002 "$(xq item code)"
check_eq "its department's phone" 0571-88000160 "$(xq item department_phone)"
check_eq "its major item" 510124000000-XK-0001 "$(xq item parent_code)"
check_eq "its materials, in order" \
	"$(sql "SELECT m.name FROM pr_material m JOIN pr_item i ON i.id = m.item_id
		WHERE i.code = '510124000000-XK-0002' ORDER BY m.seq")" "$(xq materials/material name)"
check_eq "a conditional material names its condition, the field and the value" \
	"conditional	委托代理人办理的提交	是否委托代理人办理	是" \
	"$(xq "materials/material[name='授权委托书']" need cond cond_label cond_value)"
check_eq "the material with a blank form says so" 1 "$(xq "materials/material[seq='1']" blank)"
check_eq "its steps, a line of process each" \
	"$(sql "SELECT process FROM pr_item WHERE code = '510124000000-XK-0002'")" \
	"$(xq item/steps/step . | python3 -c 'import sys; print("\\n".join(l.rstrip("\n") for l in sys.stdin), end="")')"
check_eq "its reviewing department" 7 "$(xq reviewers/department id)"
http GET /prereview/item/510124000000-XK-0002
expect_status "the item page as HTML" 200
expect_body_contains "… the apply link (在线预审申请)" 'href="/prereview/item/510124000000-XK-0002/apply"'
expect_body_contains "… its words" '在线预审申请'
expect_body_contains "… the blank form's link" 'href="/prereview/item/510124000000-XK-0002/form/1"'
expect_body_contains "… the condition" '委托代理人办理的提交'
expect_body_contains "… the legal limit" '法定办结时限'
expect_body_contains "… the printable style sheet" 'civic.css'

page "an item without pre-review" /prereview/item/510124000000-QT-0002
http GET /prereview/item/510124000000-QT-0002
expect_body_lacks "… has no apply link" '/apply"'
expect_body_lacks "… nor its words" '在线预审申请'

page "a major item" /prereview/item/510124000000-XK-0001
check_eq "… lists its sub-items" "510124000000-XK-0002 510124000000-XK-0003 510124000000-XK-0004" \
	"$(xq subitems/item code | tr '\n' ' ' | sed 's/ $//')"
http GET /prereview/item/510124000000-XK-0001
expect_body_lacks "… and takes no application itself" '/apply"'
expect_body_contains "… links its sub-items" 'href="/prereview/item/510124000000-XK-0004"'

PARALLEL=$(sql "SELECT code FROM pr_item WHERE name = '建筑工程施工许可'")
page "an item reviewed in parallel" "/prereview/item/$PARALLEL"
check_eq "… names its two departments, its own first" "5 4" \
	"$(xq reviewers/department id | tr '\n' ' ' | sed 's/ $//')"
http GET "/prereview/item/$PARALLEL"
expect_body_contains "… and says 并联审批" '并联审批'

http GET "/prereview/item/$GONE?format=xml"
expect_status "the inactive item's page is a 404" 404
valid "… whose XML is valid"
http GET "/prereview/item/510124000000-QT-9002?format=xml"
expect_status "a sub-item of a withdrawn major item: 404" 404
search 停用
check_eq "… not found either, though indexed" "" "$(xq items/item code)"
# A sub-item withdrawn: gone from its major item's page and list.
sql "UPDATE pr_item SET active = 0 WHERE code = '510124000000-XK-0004'"
page "a major item, one sub-item withdrawn" /prereview/item/510124000000-XK-0001
check_eq "… lists the two left" "510124000000-XK-0002 510124000000-XK-0003" \
	"$(xq subitems/item code | tr '\n' ' ' | sed 's/ $//')"
page "the list, one sub-item withdrawn" "/prereview/items?dept=7"
check_eq "… groups the two left" "510124000000-XK-0002 510124000000-XK-0003" \
	"$(xq "items/item[code='510124000000-XK-0001']/subitems/item" code | tr '\n' ' ' | sed 's/ $//')"
http GET "/prereview/item/510124000000-XK-0004"
expect_status "… and its page is a 404" 404
sql "UPDATE pr_item SET active = 1 WHERE code = '510124000000-XK-0004'"
http GET "/prereview/item/510124000000-XK-9999"
expect_status "an unknown code is a 404" 404

# ---------------------------------------------------------------- blank forms
http GET /prereview/item/510124000000-XK-0002/form/1
expect_status "a blank form downloads" 200
expect_header "… as an attachment" Content-Disposition '^attachment'
expect_header "… with its name" Content-Disposition "filename\\*=UTF-8''%E9%A3%9F"
expect_header "… nosniff" X-Content-Type-Options '^nosniff$'
expect_header "… as PDF" Content-Type '^application/pdf'
check_eq "… the stored bytes" "$(sql "SELECT LOWER(HEX(sha256)) FROM stored_file WHERE id = 900001")" \
	"$(sha256sum <"$BODY" | cut -d' ' -f1)"
http GET /prereview/item/510124000000-XK-0002/form/2
expect_status "a material without a blank form: 404" 404
http GET /prereview/item/510124000000-XK-0002/form/99
expect_status "no such material: 404" 404
http GET "/prereview/item/$GONE/form/1"
expect_status "a form of an inactive item: 404" 404

# ---------------------------------------------------------------- English
http GET '/prereview/?lang=en'
expect_status "home in English" 200
expect_body_contains "… English words" 'For individuals'
expect_body_lacks "… no key left untranslated" 'prereview.guide.'
http GET '/prereview/item/510124000000-XK-0002?lang=en'
expect_status "an item page in English" 200
expect_body_contains "… its words" 'Apply for online pre-review'
expect_body_lacks "… no key left untranslated" 'prereview.guide.'
http GET '/prereview/items?lang=en&dept=7'
expect_status "the list in English" 200
expect_body_lacks "… no key left untranslated" 'prereview.guide.'
http GET '/prereview/items?lang=zh-CN'
expect_body_lacks "the list in Chinese: no key left untranslated" 'prereview.guide.'

# ---------------------------------------------------------------- bad input
LONG=$(printf '食%.0s' $(seq 1 41))
for q in "dept=abc" "dept=-1" "dept=0" "theme=x" "audience=alien" "after=garbage" \
    "after=99999999999999999999999" "q=$LONG" "q=%00" "q=%FF" "dept=1&dept=2"; do
	http GET "/prereview/items?$q"
	check "no 5xx for /items?$q ($STATUS)" test "$STATUS" -ge 200 -a "$STATUS" -lt 500
done
for p in "item/%3Cscript%3E" "item/%E4%B8%AD%E6%96%87" "item/$(printf 'A%.0s' $(seq 1 300))" \
    "item/510124000000-XK-0002%27%20OR%201=1" "item/-" "item/510124000000-XK-0002/form/abc" \
    "item/510124000000-XK-0002/form/0" "item/510124000000-XK-0002/form/999999999999999999"; do
	http GET "/prereview/$p"
	check "no 5xx for /prereview/${p:0:60} ($STATUS)" test "$STATUS" -ge 400 -a "$STATUS" -lt 500
done
http GET '/prereview/items?after=9999999&format=xml'
expect_status "paging past the end" 200
check_eq "… lists nothing" "" "$(xq items/item code)"

finish
