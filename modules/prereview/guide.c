/*
 * guide.c: the public service guide (办事指南, doc/prereview.md "The
 * guide"): the home page with its entries by audience, department and
 * theme; the list of items with its filters, its Chinese search and its
 * keyset pages; an item's page, which a citizen prints and brings to the
 * hall; the blank forms of its materials.
 *
 * What the guide shows is an "entry": an active item with no major item
 * above it (parent_id NULL), with its active sub-items grouped under it.
 * An entry matches a filter or a search when it or one of its active
 * sub-items does, so that 新办 finds 食品经营许可 with its three sub-items,
 * and the counts on the home page count entries the same way the list
 * finds them.  An inactive item is nowhere: not counted, not listed, not
 * found, its page and its forms a 404; a sub-item of an inactive major
 * item likewise.  Everything here is public text; no query reads an
 * application.
 */
#include <stdlib.h>
#include <string.h>

#include "prereview.h"

/*
 * Sub-items of one major item: the largest major items of a county hall
 * (食品经营许可, 建设工程 …) have five or six (新办, 变更, 延续, 注销 …); a
 * major item with more is split by the catalogue itself.
 */
#define PR_GUIDE_MAX_SUBITEMS	20

/* Lines of an item's process (办理流程): a hall's items have three to eight steps. */
#define PR_GUIDE_MAX_STEPS	30

/*
 * Items offering pre-review listed on the home page: a county offers it
 * for a few dozen; past this many the home page links to the list.
 */
#define PR_GUIDE_HOME_ONLINE	60

/* Bytes of an item code: the column's size (510124000000-XK-0001 is 20). */
#define PR_GUIDE_CODE_MAX	40

/* The audiences a citizen chooses between; "both" items belong to either. */
static const char *const audiences[] = { "person", "enterprise", NULL };

static const struct civic_field list_fields[] = {
	{ "q", CIVIC_V_TEXT, 1, 40, CIVIC_F_QUERY, NULL },
	{ "dept", CIVIC_V_INT, 1, 99999999, CIVIC_F_QUERY, NULL },
	{ "audience", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, audiences },
	{ "theme", CIVIC_V_INT, 1, 99999999, CIVIC_F_QUERY, NULL },
	{ "after", CIVIC_V_INT, 1, 999999999999LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static int	 guide_home(struct civic_req *);
static int	 guide_list(struct civic_req *);
static int	 guide_item(struct civic_req *);
static int	 guide_form(struct civic_req *);

/*
 * The item's code is taken as any segment and looked up: an unknown or
 * malformed one is the same 404.  The application form (apply.c) is
 * /item/{code}/apply.
 */
const struct civic_route pr_guide_routes[] = {
	{ .method = "GET", .pattern = "/", .view = "guide-home", .handler = guide_home },
	{ .method = "GET", .pattern = "/items", .view = "guide-items", .handler = guide_list,
	    .fields = list_fields },
	{ .method = "GET", .pattern = "/item/{code:str}", .view = "guide-item",
	    .handler = guide_item },
	{ .method = "GET", .pattern = "/item/{code:str}/form/{material:int}",
	    .view = "guide-form", .handler = guide_form },
};
const size_t pr_guide_nroutes = CIVIC_NITEMS(pr_guide_routes);

/* ---------------------------------------------------------------- shared */

/*
 * The entries (major items and items standing alone) that are active, as
 * the table m of the items they are made of: each active item m whose
 * major item, if any, is active too, counted for COALESCE(m.parent_id,
 * m.id).
 */
#define ENTRY_FROM \
	"FROM pr_item m LEFT JOIN pr_item p ON p.id = m.parent_id " \
	"WHERE m.active = 1 AND (m.parent_id IS NULL OR (p.active = 1 AND p.parent_id IS NULL)) "
#define ENTRY_COUNT	"COUNT(DISTINCT COALESCE(m.parent_id, m.id))"

/* The departments with entries, with how many: the home page's and the filter's. */
static int
guide_departments(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT d.id, d.name, " ENTRY_COUNT " AS n "
	    "FROM department d JOIN (SELECT m.id, m.parent_id, m.department_id " ENTRY_FROM
	    ") m ON m.department_id = d.id GROUP BY d.id, d.name ORDER BY d.id";

	return civic_page_query(r, "departments", "department", sql, NULL, 0);
}

/*
 * Every theme, with how many entries it has (0 too: the catalogue's
 * shape), persons' life events first (the ENUM's order), then the
 * enterprises' themes.
 */
static int
guide_themes(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT t.id, t.name, t.audience, " ENTRY_COUNT " AS n "
	    "FROM pr_theme t LEFT JOIN (SELECT m.id, m.parent_id, m.theme_id " ENTRY_FROM
	    ") m ON m.theme_id = t.id GROUP BY t.id, t.name, t.audience, t.sort "
	    "ORDER BY t.audience, t.sort, t.id";

	return civic_page_query(r, "themes", "theme", sql, NULL, 0);
}

/*
 * Adds the columns of row i of rows under node as civic_page_rows does,
 * leaving out the column skip (NULL: none), such as the item's process,
 * which the page gives as steps.
 */
static void
guide_row(struct civic_req *r, xmlNodePtr node, const struct civic_rows *rows, size_t i,
    const char *skip)
{
	size_t	 c;

	for (c = 0; c < rows->ncols; c++)
		if (rows->cell[i * rows->ncols + c] != NULL &&
		    (skip == NULL || strcmp(rows->names[c], skip) != 0))
			civic_page_add(r, node, rows->names[c], rows->cell[i * rows->ncols + c]);
}

/*
 * The code of the item named by the path, or NULL when it can't be one:
 * letters, digits and hyphens, as many bytes as the column holds.  Any
 * other segment is a 404 without a query.
 */
static const char *
guide_code(const struct civic_req *r)
{
	const char	*code = civic_req_seg(r, "code");
	size_t		 n;

	if (code != NULL && ((n = strlen(code)) == 0 || n > PR_GUIDE_CODE_MAX ||
	    strspn(code, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-") != n))
		code = NULL;
	return code;
}

/* ---------------------------------------------------------------- home */

/*
 * GET /: the entries by audience, department and theme, and the items
 * that take applications online (an item with sub-items takes none: its
 * sub-items do).
 */
static int
guide_home(struct civic_req *r)
{
	static const char	 by_audience[] =
	    "SELECT a.code AS audience, (SELECT " ENTRY_COUNT " " ENTRY_FROM
	    "AND m.audience IN (a.code, 'both')) AS n "
	    "FROM (SELECT 'person' AS code UNION ALL SELECT 'enterprise') a";
	static const char	 online[] =
	    "SELECT m.code, m.name, d.name AS department, m.promised_days "
	    "FROM pr_item m JOIN department d ON d.id = m.department_id "
	    "LEFT JOIN pr_item p ON p.id = m.parent_id "
	    "WHERE m.active = 1 AND (m.parent_id IS NULL OR (p.active = 1 AND p.parent_id IS NULL)) "
	    "AND m.online = 1 AND NOT EXISTS (SELECT 1 FROM pr_item s "
	    "WHERE s.parent_id = m.id AND s.active = 1) ORDER BY m.code LIMIT ?";
	struct civic_param	 p[] = { CIVIC_PINT(PR_GUIDE_HOME_ONLINE) };
	int			 st;

	if ((st = civic_page_query(r, "audiences", "audience", by_audience, NULL, 0)) == 0 &&
	    (st = guide_departments(r)) == 0 && (st = guide_themes(r)) == 0 &&
	    (st = civic_page_query(r, "online", "item", online, p, 1)) == 0)
		st = 200;
	return st;
}

/* ---------------------------------------------------------------- list */

/*
 * The entries in code order by keyset on id (codes are given in order, and
 * id is what the pager can carry), each filter "? IS NULL OR …" so that
 * one statement serves every combination, each tested on the entry's
 * items: itself and its active sub-items.
 */
#define LIST_SELECT \
	"SELECT i.id, i.code, i.name, i.kind, d.name AS department, i.audience, i.online, " \
	"i.promised_days, i.visits, (SELECT COUNT(*) FROM pr_item s WHERE s.parent_id = i.id " \
	"AND s.active = 1) AS nsub " \
	"FROM pr_item i JOIN department d ON d.id = i.department_id " \
	"WHERE i.active = 1 AND i.parent_id IS NULL AND i.id > ? " \
	"AND EXISTS (SELECT 1 FROM pr_item m WHERE m.active = 1 " \
	"AND (m.id = i.id OR m.parent_id = i.id) AND (? IS NULL OR m.department_id = ?) " \
	"AND (? IS NULL OR m.audience IN (?, 'both')) AND (? IS NULL OR m.theme_id = ?) "
#define LIST_SEARCH \
	"AND m.id " CIVIC_SEARCH_IN("pr_item_gram", "item_id") " "
#define LIST_ORDER \
	") ORDER BY i.id LIMIT ?"

/* Under each entry of the page that has sub-items, <subitems> with them. */
static int
guide_subitems(struct civic_req *r, xmlNodePtr list, const struct civic_rows *rows)
{
	static const char	 sql[] =
	    "SELECT s.code, s.name, s.kind, s.audience, s.online, s.promised_days, s.visits "
	    "FROM pr_item s WHERE s.parent_id = ? AND s.active = 1 ORDER BY s.id LIMIT ?";
	struct civic_rows	 subs;
	xmlNodePtr		 node, sub, wrap;
	size_t			 i, j;
	enum civic_err		 err = CIVIC_OK;

	/* civic_page_rows() made one element a row, in order. */
	for (i = 0, node = xmlFirstElementChild(list); i < rows->nrows && node != NULL;
	    i++, node = xmlNextElementSibling(node)) {
		const char		*n = civic_rows_get(rows, i, "nsub");
		struct civic_param	 p[] = {
			CIVIC_PINT(strtoll(rows->cell[i * rows->ncols], NULL, 10)),
			CIVIC_PINT(PR_GUIDE_MAX_SUBITEMS)
		};

		if (n == NULL || strcmp(n, "0") == 0)
			continue;
		if ((err = civic_db_query(r->db, r->arena, sql, p, 2, PR_GUIDE_MAX_SUBITEMS,
		    &subs)) != CIVIC_OK)
			break;
		wrap = civic_page_add(r, node, "subitems", NULL);
		for (j = 0; j < subs.nrows; j++) {
			sub = civic_page_add(r, wrap, "item", NULL);
			guide_row(r, sub, &subs, j, NULL);
		}
	}
	return err == CIVIC_OK ? 0 : civic_req_status(err);
}

/* GET /items?dept=&audience=&theme=&q=&after= */
static int
guide_list(struct civic_req *r)
{
	static const char	 plain[] = LIST_SELECT LIST_ORDER;
	static const char	 search[] = LIST_SELECT LIST_SEARCH LIST_ORDER;
	const char		*q = civic_req_value(r, "q");
	const char		*audience = civic_req_value(r, "audience");
	long long		 after = civic_req_int(r, "after", 0);
	long long		 dept = civic_req_int(r, "dept", 0);
	long long		 theme = civic_req_int(r, "theme", 0);
	struct civic_param	 p[7 + CIVIC_SEARCH_NPARAMS + 1];
	struct civic_param	 sp[CIVIC_SEARCH_NPARAMS];
	struct civic_rows	 rows;
	xmlNodePtr		 list;
	size_t			 np = 0;
	int			 n = 0, st;
	enum civic_err		 err;

	if ((st = guide_departments(r)) != 0 || (st = guide_themes(r)) != 0)
		goto out;
	/* The filter form shows the filters in force; the pager keeps them. */
	civic_page_value(r, "q", q);
	civic_page_value(r, "dept", civic_req_value(r, "dept"));
	civic_page_value(r, "audience", audience);
	civic_page_value(r, "theme", civic_req_value(r, "theme"));
	st = 500;
	if (q != NULL && (n = civic_search_params(r, q, sp)) < 0)
		goto out;
	/* Nothing searchable (only punctuation): nothing found. */
	st = 200;
	if (q != NULL && n == 0) {
		civic_page_pager(r, NULL);
		civic_page_add(r, NULL, "items", NULL);
		goto out;
	}
	p[np++] = CIVIC_PINT(after);
	p[np++] = dept > 0 ? CIVIC_PINT(dept) : CIVIC_PNULL;
	p[np++] = CIVIC_PINT(dept);
	p[np++] = CIVIC_PTEXT(audience);
	p[np++] = CIVIC_PTEXT(audience);
	p[np++] = theme > 0 ? CIVIC_PINT(theme) : CIVIC_PNULL;
	p[np++] = CIVIC_PINT(theme);
	if (n > 0) {
		memcpy(p + np, sp, sizeof(sp));
		np += CIVIC_SEARCH_NPARAMS;
	}
	p[np++] = CIVIC_PINT(CIVIC_PAGE_SIZE + 1);
	if ((err = civic_db_query(r->db, r->arena, n > 0 ? search : plain, p, np,
	    CIVIC_PAGE_SIZE + 1, &rows)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	civic_page_keyset(r, &rows, "id");
	list = civic_page_add(r, NULL, "items", NULL);
	civic_page_rows(r, list, "item", &rows);
	if ((st = guide_subitems(r, list, &rows)) == 0)
		st = 200;
out:
	return st;
}

/* ---------------------------------------------------------------- item */

/*
 * Adds <steps> with a <step> a non-empty line of the item's process, so
 * that the page numbers them and an XML reader needs no splitting.
 */
static int
guide_steps(struct civic_req *r, xmlNodePtr item, const char *process)
{
	xmlNodePtr	 steps = civic_page_add(r, item, "steps", NULL);
	char		*s = NULL, *line, *end;
	size_t		 n = 0;
	int		 st = 0;

	/* Out of memory: no steps, and no loop (s is NULL). */
	if (process != NULL && (s = civic_arena_strdup(r->arena, process)) == NULL)
		st = 500;
	for (line = s; line != NULL && *line != '\0' && n < PR_GUIDE_MAX_STEPS; line = end) {
		if ((end = strchr(line, '\n')) != NULL)
			*end++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		line += strspn(line, " \t");
		if (*line == '\0')
			continue;
		civic_page_add(r, steps, "step", line);
		n++;
	}
	return st;
}

/*
 * GET /item/{code}: everything the item asks for.  A major item lists its
 * sub-items; a sub-item names its major item.
 */
static int
guide_item(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT i.id, i.code, i.name, i.kind, i.department_id, d.name AS department, "
	    "d.phone AS department_phone, d.address AS department_address, i.audience, "
	    "i.theme_id, t.name AS theme, i.legal_basis, i.conditions, i.process, "
	    "i.legal_days, i.promised_days, i.fees, i.place, i.hours, i.phone, i.visits, "
	    "i.online, i.licence, i.version, DATE_FORMAT(i.updated_at, '%Y-%m-%d') AS updated, "
	    "p.code AS parent_code, p.name AS parent_name "
	    "FROM pr_item i JOIN department d ON d.id = i.department_id "
	    "LEFT JOIN pr_theme t ON t.id = i.theme_id "
	    "LEFT JOIN pr_item p ON p.id = i.parent_id "
	    "WHERE i.code = ? AND i.active = 1 "
	    "AND (i.parent_id IS NULL OR (p.active = 1 AND p.parent_id IS NULL))";
	static const char	 materials[] =
	    "SELECT m.seq, m.name, m.form, m.copies, m.need, m.cond, m.cond_field, "
	    "f.label AS cond_label, m.cond_value, m.note, m.template_file IS NOT NULL AS blank "
	    "FROM pr_material m LEFT JOIN pr_field f ON f.item_id = m.item_id "
	    "AND f.seq = m.cond_field WHERE m.item_id = ? ORDER BY m.seq";
	/* The item's own department first: the one that answers the phone. */
	static const char	 reviewers[] =
	    "SELECT d.id, d.name, x.days FROM pr_item_department x "
	    "JOIN department d ON d.id = x.department_id WHERE x.item_id = ? "
	    "ORDER BY x.department_id = ? DESC, d.id";
	static const char	 subitems[] =
	    "SELECT s.code, s.name, s.kind, s.audience, s.online, s.promised_days, s.visits "
	    "FROM pr_item s WHERE s.parent_id = ? AND s.active = 1 ORDER BY s.id";
	const char		*code = guide_code(r);
	struct civic_param	 p[1], q[2];
	struct civic_rows	 rows;
	xmlNodePtr		 item;
	enum civic_err		 err;
	int			 st;

	st = 404;
	if (code == NULL)
		goto out;
	p[0] = CIVIC_PTEXT(code);
	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if (rows.nrows == 0)
		goto out;
	item = civic_page_add(r, NULL, "item", NULL);
	guide_row(r, item, &rows, 0, "process");
	if ((st = guide_steps(r, item, civic_rows_get(&rows, 0, "process"))) != 0)
		goto out;
	q[0] = CIVIC_PINT(strtoll(civic_rows_get(&rows, 0, "id"), NULL, 10));
	q[1] = CIVIC_PINT(strtoll(civic_rows_get(&rows, 0, "department_id"), NULL, 10));
	if ((st = civic_page_query(r, "materials", "material", materials, q, 1)) == 0 &&
	    (st = civic_page_query(r, "reviewers", "department", reviewers, q, 2)) == 0 &&
	    (st = civic_page_query(r, "subitems", "item", subitems, q, 1)) == 0)
		st = 200;
out:
	return st;
}

/* GET /item/{code}/form/{material}: the blank form of material number seq, as a download. */
static int
guide_form(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT m.template_file FROM pr_material m JOIN pr_item i ON i.id = m.item_id "
	    "LEFT JOIN pr_item p ON p.id = i.parent_id "
	    "WHERE i.code = ? AND i.active = 1 "
	    "AND (i.parent_id IS NULL OR (p.active = 1 AND p.parent_id IS NULL)) AND m.seq = ? AND m.template_file IS NOT NULL";
	const char		*code = guide_code(r);
	struct civic_param	 p[2];
	struct civic_rows	 rows;
	enum civic_err		 err;

	int			 st = 404;

	if (code == NULL)
		goto out;
	p[0] = CIVIC_PTEXT(code);
	p[1] = CIVIC_PINT(civic_req_seg_int(r, "material"));
	if ((err = civic_db_query(r->db, r->arena, sql, p, 2, 1, &rows)) != CIVIC_OK)
		st = civic_req_status(err);
	else if (rows.nrows > 0)
		st = civic_filestore_send(r, strtoll(rows.cell[0], NULL, 10));
out:
	return st;
}
