/*
 * browse.c: the public catalogue (doc/catalogue.md "The public
 * catalogue"), for everyone, without signing in: the home page with the
 * catalogue tree, the issuing bodies, the themes and the years, each with
 * its count of entries, and the newest entries; the list of entries with
 * its filters, its facets, its search and its keyset pages.  An entry's
 * own page is entry.c's (/e/{id}); this part only links it.
 *
 * Every count and every list here is of the entries CAT_LISTED
 * (catalogue.h) says the public may see, and of nothing else: a 不予公开
 * entry, a draft and a withdrawn entry are in no count, no list and no
 * search result, whatever the filters.
 *
 * Facets.  The list's counts per catalogue node, issuing body, theme,
 * year, genre and validity are counted within the filters in force, each
 * facet with all the filters but its own (the usual faceted-search rule):
 * with body=802 the body facet still shows every body, so that a click
 * changes the body rather than finding nothing, while the year facet shows
 * how many of 802's entries each year has.  The home page's counts are the
 * same statements with no filter, so that the home page and the list can
 * never disagree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entryio.h"

/* Entries on the home page under "newest". */
#define CB_HOME_NEWEST		10

/*
 * The list's cursor: the last entry shown as its publication time and id,
 * "20260401090000-12" (14 digits, a hyphen, the id): the list is ordered
 * by (published_at, id), newest first, and the pager carries one value.
 */
#define CB_CURSOR_MAX		40
#define CB_CURSOR_TIME		14


/*
 * Ids are INT UNSIGNED columns; a larger number is well formed and finds
 * nothing.  A malformed value (not a number, out of these bounds) is the
 * core's 400, as on every list of civic.
 */
static const struct civic_field list_fields[] = {
	{ "q", CIVIC_V_TEXT, 1, 40, CIVIC_F_QUERY, NULL },
	{ "category", CIVIC_V_INT, 1, 999999999999LL, CIVIC_F_QUERY, NULL },
	{ "body", CIVIC_V_INT, 1, 999999999999LL, CIVIC_F_QUERY, NULL },
	{ "theme", CIVIC_V_INT, 1, 999999999999LL, CIVIC_F_QUERY, NULL },
	{ "genre", CIVIC_V_INT, 1, 999999999999LL, CIVIC_F_QUERY, NULL },
	{ "year", CIVIC_V_INT, 1900, 2199, CIVIC_F_QUERY, NULL },
	{ "validity", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, cat_entryio_validities },
	{ "after", CIVIC_V_TEXT, 1, CB_CURSOR_MAX, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static int	 cat_browse_home(struct civic_req *);
static int	 cat_browse_list(struct civic_req *);

const struct civic_route cat_browse_routes[] = {
	{ .method = "GET", .pattern = "/", .view = "browse-home", .handler = cat_browse_home },
	{ .method = "GET", .pattern = "/list", .view = "browse-list", .handler = cat_browse_list,
	    .fields = list_fields },
};
const size_t cat_browse_nroutes = CIVIC_NITEMS(cat_browse_routes);

/* ---------------------------------------------------------------- filters */

/* The facets, each also the filter it leaves out when counted. */
enum facet {
	FACET_NONE,
	FACET_CATEGORY,
	FACET_BODY,
	FACET_THEME,
	FACET_YEAR,
	FACET_GENRE,
	FACET_VALIDITY
};

/* The filters in force (0, NULL: none) and the search's parameters. */
struct filter {
	long long		 category, body, theme, genre, year;
	const char		*validity;
	const char		*q;		/* NULL: no search */
	int			 ascii;		/* q is ASCII only */
	char			 from[32], to[32];	/* the year's bounds */
	struct civic_param	 sp[CIVIC_SEARCH_NPARAMS];
};

/*
 * The filters as conditions on the entry e, each "? IS NULL OR …" so
 * that one text serves every combination and a facet leaves its own out
 * by binding NULL.  A node of the catalogue tree takes its whole subtree
 * (the closure table); a body its entries as the lead body or a joint
 * one; a theme of the first level its children's entries too.
 */
#define CB_FILTER \
	"AND (? IS NULL OR EXISTS (SELECT 1 FROM cat_category_path fc " \
	"WHERE fc.ancestor_id = ? AND fc.descendant_id = e.category_id)) " \
	"AND (? IS NULL OR e.body_id = ? OR EXISTS (SELECT 1 FROM cat_entry_body fb " \
	"WHERE fb.entry_id = e.id AND fb.body_id = ?)) " \
	"AND (? IS NULL OR e.theme_id = ? OR e.theme_id IN (SELECT ft.id FROM cat_theme ft " \
	"WHERE ft.parent_id = ?)) " \
	"AND (? IS NULL OR (e.published_at >= ? AND e.published_at < ?)) " \
	"AND (? IS NULL OR e.genre_id = ?) " \
	"AND (? IS NULL OR e.validity = ?) "
#define CB_FILTER_NPARAMS	15

/*
 * What a statement reads the entries e from: every entry (CB_ALL), or,
 * searching, the entries found (CB_FOUND): those holding all the query's
 * grams (the core's index, one implementation), or whose 文号 or index
 * number is the query exactly, so that a full 文号 is found however the
 * grams fall.  The found set is a derived table the statement starts from
 * (STRAIGHT_JOIN), so that a facet counts the matches only; its grams are
 * walked from the rarest (civic_search_rarest), each other gram joined by
 * primary key (CIVIC_SEARCH_JOIN), so that it costs about the rarest
 * gram's rows.  With CIVIC_SEARCH_IN and an OR in the WHERE clause, each of
 * the list's seven statements read every row of every gram and scanned
 * every entry: 2.9 searches a second at 50 000 entries (doc/evidence.md).
 */
#define CB_ALL		"cat_entry e "
#define CB_FOUND \
	"(SELECT g0.entry_id AS id FROM cat_entry_gram g0 " \
	CIVIC_SEARCH_JOIN("cat_entry_gram", "entry_id") "WHERE g0.gram = ? " \
	"UNION SELECT id FROM cat_entry WHERE doc_no = ? " \
	"UNION SELECT id FROM cat_entry WHERE index_no = ?) m " \
	"STRAIGHT_JOIN cat_entry e ON e.id = m.id "
#define CB_FOUND_NPARAMS	(CIVIC_SEARCH_GRAMS + 2)

/*
 * Fills p with the parameters of CB_FOUND when searching (the other grams
 * for CIVIC_SEARCH_JOIN, the rarest, the query twice); returns how many.
 */
static size_t
found_params(const struct filter *f, struct civic_param *p)
{
	size_t	 n = 0;

	if (f->q == NULL)
		return 0;
	memcpy(p, f->sp + 1, (CIVIC_SEARCH_GRAMS - 1) * sizeof(*p));
	n = CIVIC_SEARCH_GRAMS - 1;
	p[n++] = f->sp[0];
	p[n++] = CIVIC_PTEXT(f->q);
	/*
	 * The index number's column is ASCII, which a query with Chinese in
	 * it can't be compared with (nor be an index number).
	 */
	p[n++] = f->ascii ? CIVIC_PTEXT(f->q) : CIVIC_PNULL;
	return n;
}

/*
 * Fills p with the parameters of CB_FILTER, leaving out the filter of
 * facet skip; returns how many.
 */
static size_t
filter_params(const struct filter *f, enum facet skip, struct civic_param *p)
{
	long long	 category = skip == FACET_CATEGORY ? 0 : f->category;
	long long	 body = skip == FACET_BODY ? 0 : f->body;
	long long	 theme = skip == FACET_THEME ? 0 : f->theme;
	long long	 genre = skip == FACET_GENRE ? 0 : f->genre;
	long long	 year = skip == FACET_YEAR ? 0 : f->year;
	const char	*validity = skip == FACET_VALIDITY ? NULL : f->validity;
	size_t		 n = 0;

	p[n++] = category > 0 ? CIVIC_PINT(category) : CIVIC_PNULL;
	p[n++] = CIVIC_PINT(category);
	p[n++] = body > 0 ? CIVIC_PINT(body) : CIVIC_PNULL;
	p[n++] = CIVIC_PINT(body);
	p[n++] = CIVIC_PINT(body);
	p[n++] = theme > 0 ? CIVIC_PINT(theme) : CIVIC_PNULL;
	p[n++] = CIVIC_PINT(theme);
	p[n++] = CIVIC_PINT(theme);
	p[n++] = year > 0 ? CIVIC_PINT(year) : CIVIC_PNULL;
	p[n++] = CIVIC_PTEXT(f->from);
	p[n++] = CIVIC_PTEXT(f->to);
	p[n++] = genre > 0 ? CIVIC_PINT(genre) : CIVIC_PNULL;
	p[n++] = CIVIC_PINT(genre);
	p[n++] = CIVIC_PTEXT(validity);
	p[n++] = CIVIC_PTEXT(validity);
	return n;
}

/* ---------------------------------------------------------------- facets */

/*
 * The tree and body facets count the filtered entries once, grouped by
 * their leaf (theme, body) in a derived table, and add the groups up the
 * tree: counting in a subquery a node, the filter and the search would
 * run once a node (seconds, at a few thousand entries).
 *
 * The nodes shown: active, under no inactive node.  A node's count is its
 * whole subtree's; the closure table has each (ancestor, descendant) once,
 * so an entry is counted once under each node above it.
 */
#define CB_CATEGORIES(from) \
	"SELECT c.id, c.parent_id, c.code, c.name, COALESCE(SUM(x.n), 0) AS n " \
	"FROM cat_category c LEFT JOIN cat_category_path cp ON cp.ancestor_id = c.id " \
	"LEFT JOIN (SELECT e.category_id, COUNT(*) AS n FROM " from \
	"WHERE " CAT_LISTED("e") " " CB_FILTER "GROUP BY e.category_id) x " \
	"ON x.category_id = cp.descendant_id " \
	"WHERE " CAT_CATEGORY_IN_USE("c") " " \
	"GROUP BY c.id, c.parent_id, c.code, c.name, c.depth, c.sort " \
	"ORDER BY c.depth, c.sort, c.id"

/*
 * An entry counts under its lead body and under each joint body, once a
 * body: its lead body's count (x) and its joint bodies' other than the
 * lead (y), added.  Two counts, each over an index (cat_entry_facets and
 * the few joint rows), where one count over the union of every entry's
 * (entry, body) pairs read each entry's row: 10 ms against 1.7 at 5 000
 * entries.  The filters (and the search) are in both: bound twice.
 */
#define CB_BODIES(from) \
	"SELECT b.department_id AS id, d.name, COALESCE(x.n, 0) + COALESCE(y.n, 0) AS n " \
	"FROM cat_body b JOIN department d ON d.id = b.department_id " \
	"LEFT JOIN (SELECT e.body_id AS bid, COUNT(*) AS n FROM " from \
	"WHERE " CAT_LISTED("e") " " CB_FILTER "GROUP BY e.body_id) x " \
	"ON x.bid = b.department_id " \
	"LEFT JOIN (SELECT jb.body_id AS bid, COUNT(*) AS n FROM " from \
	"JOIN cat_entry_body jb ON jb.entry_id = e.id AND jb.body_id <> e.body_id " \
	"WHERE " CAT_LISTED("e") " " CB_FILTER "GROUP BY jb.body_id) y " \
	"ON y.bid = b.department_id ORDER BY b.sort, b.department_id"

/* A theme of the first level counts its children's entries (and its own, if any). */
#define CB_THEMES(from) \
	"SELECT t.id, t.parent_id, t.code, t.name, COALESCE(SUM(x.n), 0) AS n " \
	"FROM cat_theme t " \
	"JOIN cat_theme s ON s.id = t.id OR s.parent_id = t.id " \
	"LEFT JOIN (SELECT e.theme_id, COUNT(*) AS n FROM " from \
	"WHERE " CAT_LISTED("e") " " CB_FILTER "GROUP BY e.theme_id) x " \
	"ON x.theme_id = s.id " \
	"WHERE " CAT_THEME_IN_USE("t") " " \
	"GROUP BY t.id, t.parent_id, t.code, t.name, t.sort " \
	"ORDER BY t.parent_id IS NOT NULL, t.sort, t.id"

#define CB_YEARS(from) \
	"SELECT YEAR(e.published_at) AS year, COUNT(*) AS n FROM " from \
	"WHERE " CAT_LISTED("e") " " CB_FILTER \
	"GROUP BY YEAR(e.published_at) ORDER BY year DESC"

#define CB_GENRES(from) \
	"SELECT g.id, g.name, COUNT(*) AS n FROM " from "JOIN cat_genre g ON g.id = e.genre_id " \
	"WHERE " CAT_LISTED("e") " " CB_FILTER \
	"GROUP BY g.id, g.name, g.sort ORDER BY g.sort, g.id"

#define CB_VALIDITIES(from) \
	"SELECT e.validity, COUNT(*) AS n FROM " from \
	"WHERE " CAT_LISTED("e") " " CB_FILTER \
	"GROUP BY e.validity ORDER BY e.validity"

/* Each facet's statement, without and with the search; fixed texts. */
static const char *const sql_categories[2] = { CB_CATEGORIES(CB_ALL), CB_CATEGORIES(CB_FOUND) };
static const char *const sql_bodies[2] = { CB_BODIES(CB_ALL), CB_BODIES(CB_FOUND) };
static const char *const sql_themes[2] = { CB_THEMES(CB_ALL), CB_THEMES(CB_FOUND) };
static const char *const sql_years[2] = { CB_YEARS(CB_ALL), CB_YEARS(CB_FOUND) };
static const char *const sql_genres[2] = { CB_GENRES(CB_ALL), CB_GENRES(CB_FOUND) };
static const char *const sql_validities[2] = { CB_VALIDITIES(CB_ALL), CB_VALIDITIES(CB_FOUND) };

/*
 * Runs a facet's statement (sql[0], or sql[1] when searching) with the
 * filters but skip's, bound reps times (1 or 2: CB_BODIES), into *rows.
 * Returns 0 or the status for the handler.  Past CIVIC_MAX_ROWS (a tree
 * larger than any county's) the first rows are kept.
 */
static int
facet_query(struct civic_req *r, const char *const sql[2], const struct filter *f,
    enum facet skip, int reps, struct civic_rows *rows)
{
	struct civic_param	 p[2 * (CB_FOUND_NPARAMS + CB_FILTER_NPARAMS)];
	size_t			 n = 0;
	enum civic_err		 err;
	int			 i;

	for (i = 0; i < reps && i < 2; i++) {
		n += found_params(f, p + n);
		n += filter_params(f, skip, p + n);
	}
	err = civic_db_query(r->db, r->arena, sql[f->q != NULL], p, n, CIVIC_MAX_ROWS, rows);
	return err == CIVIC_OK || err == CIVIC_ERR_TOOBIG ? 0 : civic_req_status(err);
}

/* A flat facet: <wrapper><row>…columns…</row>…</wrapper>. */
static int
facet_flat(struct civic_req *r, const char *wrapper, const char *row,
    const char *const sql[2], const struct filter *f, enum facet skip, int reps)
{
	struct civic_rows	 rows;
	int			 st;

	if ((st = facet_query(r, sql, f, skip, reps, &rows)) == 0)
		civic_page_rows(r, civic_page_add(r, NULL, wrapper, NULL), row, &rows);
	return st;
}

/*
 * A tree facet: rows ordered parents first (by depth), each with id and
 * parent_id, become <wrapper><elem>id, code, name, n, and its children's
 * <elem>s</elem></wrapper>, so that an XML reader gets the tree as a tree.
 * A row whose parent was not shown (an inactive node) is left out.
 */
static int
facet_tree(struct civic_req *r, const char *wrapper, const char *elem,
    const char *const sql[2], const struct filter *f, enum facet skip)
{
	struct civic_rows	 rows;
	xmlNodePtr		 top, parent, *nodes = NULL;
	const char		*pid, **ids = NULL;
	size_t			 i, j, c;
	int			 st;

	if ((st = facet_query(r, sql, f, skip, 1, &rows)) != 0)
		goto out;
	top = civic_page_add(r, NULL, wrapper, NULL);
	st = 500;
	if (rows.nrows > 0 &&
	    ((nodes = civic_arena_zalloc(r->arena, rows.nrows * sizeof(*nodes))) == NULL ||
	    (ids = civic_arena_zalloc(r->arena, rows.nrows * sizeof(*ids))) == NULL))
		goto out;
	for (i = 0; i < rows.nrows; i++) {
		parent = top;
		if ((pid = civic_rows_get(&rows, i, "parent_id")) != NULL) {
			for (parent = NULL, j = 0; j < i && parent == NULL; j++)
				if (ids[j] != NULL && strcmp(ids[j], pid) == 0)
					parent = nodes[j];
			if (parent == NULL)
				continue;
		}
		ids[i] = civic_rows_get(&rows, i, "id");
		nodes[i] = civic_page_add(r, parent, elem, NULL);
		for (c = 0; c < rows.ncols; c++)
			if (rows.cell[i * rows.ncols + c] != NULL &&
			    strcmp(rows.names[c], "parent_id") != 0)
				civic_page_add(r, nodes[i], rows.names[c],
				    rows.cell[i * rows.ncols + c]);
	}
	st = 0;
out:
	return st;
}

/* The home page's facets and the list's, each within the others' filters. */
static int
facets(struct civic_req *r, const struct filter *f, int all)
{
	int	 st;

	if ((st = facet_tree(r, "categories", "category", sql_categories, f,
	    FACET_CATEGORY)) != 0 ||
	    (st = facet_flat(r, "bodies", "body", sql_bodies, f, FACET_BODY, 2)) != 0 ||
	    (st = facet_tree(r, "themes", "theme", sql_themes, f, FACET_THEME)) != 0 ||
	    (st = facet_flat(r, "years", "y", sql_years, f, FACET_YEAR, 1)) != 0)
		goto out;
	if (all && ((st = facet_flat(r, "genres", "genre", sql_genres, f, FACET_GENRE, 1)) != 0 ||
	    (st = facet_flat(r, "validities", "v", sql_validities, f, FACET_VALIDITY, 1)) != 0))
		goto out;
out:
	return st;
}

/* ---------------------------------------------------------------- entries */

/*
 * The entries, newest publication first, by keyset on (published_at, id):
 * the cursor is the last row's, and the first page binds NULL.  The joint
 * bodies are named after the lead one, in the document's order.
 */
#define CB_ENTRIES(from) \
	"SELECT e.id, e.index_no, e.title, e.doc_no, d.name AS body, " \
	"(SELECT GROUP_CONCAT(jd.name ORDER BY jb.sort, jb.body_id SEPARATOR '、') " \
	"FROM cat_entry_body jb JOIN department jd ON jd.id = jb.body_id " \
	"WHERE jb.entry_id = e.id) AS joint, " \
	"DATE_FORMAT(e.published_at, '%Y-%m-%d') AS published, e.validity, " \
	"CONCAT(DATE_FORMAT(e.published_at, '%Y%m%d%H%i%s'), '-', e.id) AS seek " \
	"FROM " from "JOIN department d ON d.id = e.body_id " \
	"WHERE " CAT_LISTED("e") " AND (? IS NULL OR e.published_at < ? " \
	"OR (e.published_at = ? AND e.id < ?)) " CB_FILTER \
	"ORDER BY e.published_at DESC, e.id DESC LIMIT ?"

static const char *const sql_entries[2] = { CB_ENTRIES(CB_ALL), CB_ENTRIES(CB_FOUND) };

/*
 * Reads the cursor "YYYYMMDDhhmmss-ID" into at ("YYYY-MM-DD hh:mm:ss")
 * and *id.  0 when it is one (a real date and time, an id), else -1.
 */
static int
cursor_parse(const char *s, char at[24], long long *id)
{
	static const struct civic_field	 date = { "after", CIVIC_V_DATE, 0, 0, 0, NULL };
	size_t				 n = strlen(s);
	int				 rc = -1;

	if (n < CB_CURSOR_TIME + 2 || n > CB_CURSOR_TIME + 1 + 18 ||
	    strspn(s, "0123456789") != CB_CURSOR_TIME || s[CB_CURSOR_TIME] != '-' ||
	    strspn(s + CB_CURSOR_TIME + 1, "0123456789") != n - CB_CURSOR_TIME - 1)
		goto out;
	memcpy(at, s, 4);
	at[4] = '-';
	memcpy(at + 5, s + 4, 2);
	at[7] = '-';
	memcpy(at + 8, s + 6, 2);
	at[10] = ' ';
	memcpy(at + 11, s + 8, 2);
	at[13] = ':';
	memcpy(at + 14, s + 10, 2);
	at[16] = ':';
	memcpy(at + 17, s + 12, 2);
	at[19] = '\0';
	if (civic_valid_check(&date, at, 10) != CIVIC_VE_OK ||
	    strncmp(at + 11, "24", 2) >= 0 || strncmp(at + 14, "60", 2) >= 0 ||
	    strncmp(at + 17, "60", 2) >= 0)
		goto out;
	*id = strtoll(s + CB_CURSOR_TIME + 1, NULL, 10);
	rc = 0;
out:
	return rc;
}

/*
 * One page of entries (at most limit; the list asks one more, which says
 * a next page exists) after the cursor at/id (at NULL: from the newest),
 * as <entries><entry>…</entry></entries>; the list's pager when pager.
 */
static int
entries(struct civic_req *r, const struct filter *f, const char *at, long long id,
    long long limit, int pager)
{
	struct civic_param	 p[CB_FOUND_NPARAMS + 4 + CB_FILTER_NPARAMS + 1];
	struct civic_rows	 rows;
	size_t			 n = found_params(f, p);
	enum civic_err		 err;
	int			 st = 0;

	p[n++] = CIVIC_PTEXT(at);
	p[n++] = CIVIC_PTEXT(at);
	p[n++] = CIVIC_PTEXT(at);
	p[n++] = CIVIC_PINT(id);
	n += filter_params(f, FACET_NONE, p + n);
	p[n++] = CIVIC_PINT(limit);
	if ((err = civic_db_query(r->db, r->arena, sql_entries[f->q != NULL], p, n,
	    (size_t)limit, &rows)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if (pager)
		civic_page_keyset(r, &rows, "seek");
	civic_page_rows(r, civic_page_add(r, NULL, "entries", NULL), "entry", &rows);
out:
	return st;
}

/* ---------------------------------------------------------------- home */

/* GET /: the trees with their counts, the years, the newest entries. */
static int
cat_browse_home(struct civic_req *r)
{
	struct filter	 f;
	int		 st;

	memset(&f, 0, sizeof(f));
	if ((st = facets(r, &f, 0)) == 0 &&
	    (st = entries(r, &f, NULL, 0, CB_HOME_NEWEST, 0)) == 0)
		st = 200;
	return st;
}

/* ---------------------------------------------------------------- list */

/* GET /list?category=&body=&theme=&year=&genre=&validity=&q=&after= */
static int
cat_browse_list(struct civic_req *r)
{
	static const char *const names[] = {
		"q", "category", "body", "theme", "genre", "year", "validity"
	};
	static const char *const empty[] = {
		"categories", "bodies", "themes", "years", "genres", "validities", "entries"
	};
	static const char	 probe[] = CIVIC_SEARCH_PROBE("cat_entry_gram", "entry_id");
	const char		*after = civic_req_value(r, "after");
	char			 at[24];
	long long		 id = 0;
	struct filter		 f;
	size_t			 i;
	enum civic_err		 err;
	int			 n, st;

	memset(&f, 0, sizeof(f));
	f.category = civic_req_int(r, "category", 0);
	f.body = civic_req_int(r, "body", 0);
	f.theme = civic_req_int(r, "theme", 0);
	f.genre = civic_req_int(r, "genre", 0);
	f.year = civic_req_int(r, "year", 0);
	f.validity = civic_req_value(r, "validity");
	/* The year is the Beijing calendar year of publication, as stored. */
	snprintf(f.from, sizeof(f.from), "%04d-01-01 00:00:00", (int)f.year);
	snprintf(f.to, sizeof(f.to), "%04d-01-01 00:00:00", (int)f.year + 1);
	/* A cursor not of the list's making is malformed input, as a bad number is. */
	st = 400;
	if (after != NULL && cursor_parse(after, at, &id) != 0)
		goto out;
	/* The filters in force, for the page's links and its search form. */
	for (i = 0; i < CIVIC_NITEMS(names); i++)
		civic_page_value(r, names[i], civic_req_value(r, names[i]));
	if ((f.q = civic_req_value(r, "q")) != NULL) {
		for (f.ascii = 1, i = 0; f.q[i] != '\0'; i++)
			if ((unsigned char)f.q[i] >= 0x80)
				f.ascii = 0;
		st = 500;
		if ((n = civic_search_params(r, f.q, f.sp)) < 0)
			goto out;
		/* Nothing searchable (only punctuation): nothing found, nothing counted. */
		st = 200;
		if (n == 0) {
			for (i = 0; i < CIVIC_NITEMS(empty); i++)
				civic_page_add(r, NULL, empty[i], NULL);
			civic_page_pager(r, NULL);
			goto out;
		}
		/* CB_FOUND walks the rarest gram's rows: the probe finds it. */
		if ((err = civic_search_rarest(r, probe, 1LL << 62, f.sp, n,
		    CIVIC_SEARCH_PROBE_WALK_ALL)) != CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
	}
	if ((st = facets(r, &f, 1)) == 0 &&
	    (st = entries(r, &f, after != NULL ? at : NULL, id, CIVIC_PAGE_SIZE + 1, 1)) == 0)
		st = 200;
out:
	return st;
}
