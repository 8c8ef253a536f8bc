/*
 * entry.c: an entry's public page, its attachments' downloads, the Atom
 * feeds (all, per category, per body), the sitemap and the annual
 * disclosure report's counts (doc/catalogue.md "Entry pages, feeds,
 * sitemap, report").
 *
 * What the public sees is decided by CAT_LISTED, CAT_REACHABLE and
 * CAT_OPEN alone (catalogue.h): every statement here that reads an entry
 * for a page, a feed or the sitemap carries one of them, and a linked
 * entry (the one replacing it, its interpretation, a related one) is
 * shown only when it is reachable itself.  The report counts every
 * published or withdrawn entry by disclosure type, 不予公开 included, as
 * the annual report does: counts, never a title.  Nothing here reads a
 * staff member: an entry's page names its issuing bodies, never a person.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "atom.h"
#include "calendar.h"
#include "catalogue.h"
#include "config.h"
#include "csv.h"
#include "page.h"
#include "render.h"
#include "worker.h"

/*
 * Paragraphs of an entry's text shown, one a line: a text of
 * CAT_MAX_CONTENT characters has a few hundred; the bound only keeps a
 * text of one-character lines from making a page of 20000 elements.
 */
#define CE_MAX_PARAGRAPHS	2000

/*
 * Linked entries shown on one page: its CAT_MAX_RELATED related entries,
 * the policy it reads, and the interpretations of a policy, which are
 * one or two (a text, a graphic, a video); more than 16 would be a
 * mistake of data, and the newest are shown.
 */
#define CE_MAX_LINKS		(CAT_MAX_RELATED + 16)

#define SITEMAP_NS	"http://www.sitemaps.org/schemas/sitemap/0.9"

/* ?category= and ?body= are ids: a few digits (INT UNSIGNED). */
#define CE_ID_DIGITS	9

static const struct civic_field feed_fields[] = {
	/* Text, read by feed_id(): a malformed id is a 404 like an unknown one. */
	{ "category", CIVIC_V_TEXT, 1, 40, CIVIC_F_QUERY, NULL },
	{ "body", CIVIC_V_TEXT, 1, 40, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field sitemap_fields[] = {
	{ "part", CIVIC_V_INT, 1, 999999, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field report_fields[] = {
	{ "year", CIVIC_V_INT, 2000, 2999, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static int	 ce_entry(struct civic_req *);
static int	 ce_attachment(struct civic_req *);
static int	 ce_feed(struct civic_req *);
static int	 ce_sitemap(struct civic_req *);
static int	 ce_report(struct civic_req *);
static int	 ce_report_csv(struct civic_req *);

const struct civic_route cat_entry_routes[] = {
	{ .method = "GET", .pattern = "/e/{id:int}", .view = "entry", .handler = ce_entry },
	{ .method = "GET", .pattern = "/e/{id:int}/a/{att:int}", .view = "entry-attachment",
	    .handler = ce_attachment },
	{ .method = "GET", .pattern = "/feed.atom", .view = "entry-feed", .handler = ce_feed,
	    .fields = feed_fields },
	{ .method = "GET", .pattern = "/sitemap.xml", .view = "entry-sitemap",
	    .handler = ce_sitemap, .fields = sitemap_fields },
	{ .method = "GET", .pattern = "/report", .view = "entry-report", .handler = ce_report,
	    .fields = report_fields },
	{ .method = "GET", .pattern = "/report.csv", .view = "entry-report-csv",
	    .handler = ce_report_csv, .fields = report_fields },
};
const size_t cat_entry_nroutes = CIVIC_NITEMS(cat_entry_routes);

/* ---------------------------------------------------------------- entry */

/*
 * The entry, if reachable.  published and written as dates; the theme
 * with its first level; replaced_by only when that entry is reachable
 * (a link to a page that is a 404 would be no help).
 */
static const char ce_entry_sql[] =
    "SELECT e.id, e.index_no, e.title, e.doc_no, e.body_id, d.name AS body, "
    "DATE_FORMAT(e.written_on, '%Y-%m-%d') AS written_on, "
    "DATE_FORMAT(e.published_at, '%Y-%m-%d') AS published, "
    "g.name AS genre, t.name AS theme, tp.name AS theme_parent, e.keywords, e.summary, "
    "IF(" CAT_OPEN("e") ", e.content, NULL) AS content, e.disclosure, e.validity, "
    "r.id AS replaced_by, r.title AS replaced_title, r.index_no AS replaced_index_no, "
    "e.state, DATE_FORMAT(e.withdrawn_at, '%Y-%m-%d %H:%i') AS withdrawn_at, "
    "e.withdrawn_reason, e.category_id "
    "FROM cat_entry e JOIN department d ON d.id = e.body_id "
    "JOIN cat_genre g ON g.id = e.genre_id JOIN cat_theme t ON t.id = e.theme_id "
    "LEFT JOIN cat_theme tp ON tp.id = t.parent_id "
    "LEFT JOIN cat_entry r ON r.id = e.replaced_by AND " CAT_REACHABLE("r") " "
    "WHERE e.id = ? AND " CAT_REACHABLE("e");

/* Adds row 0's columns under node, but for skip (the text, given as paragraphs). */
static void
ce_row(struct civic_req *r, xmlNodePtr node, const struct civic_rows *rows, const char *skip)
{
	size_t	 c;

	for (c = 0; c < rows->ncols; c++)
		if (rows->cell[c] != NULL && strcmp(rows->names[c], skip) != 0)
			civic_page_add(r, node, rows->names[c], rows->cell[c]);
}

/*
 * The text as <paragraphs><p>, one a non-empty line (documents are typed
 * a paragraph a line), so that the page and an XML reader need no
 * splitting.  Returns 0, or 500 when memory is short.
 */
static int
ce_paragraphs(struct civic_req *r, xmlNodePtr entry, const char *content)
{
	xmlNodePtr	 ps;
	char		*s = NULL, *line, *end;
	size_t		 n = 0;
	int		 st = 0;

	/* Out of memory: no paragraphs, and no loop (s is NULL). */
	if (content != NULL) {
		ps = civic_page_add(r, entry, "paragraphs", NULL);
		if ((s = civic_arena_strdup(r->arena, content)) == NULL)
			st = 500;
	}
	for (line = s; line != NULL && *line != '\0' && n < CE_MAX_PARAGRAPHS; line = end) {
		if ((end = strchr(line, '\n')) != NULL)
			*end++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		line += strspn(line, " \t");
		if (*line == '\0')
			continue;
		civic_page_add(r, ps, "p", line);
		n++;
	}
	return st;
}

/*
 * Linked entries, reachable ones only, each with its kind as this page
 * sees it: "interprets" (this entry is a 政策解读 of it), "interpreted-by"
 * (it is a 政策解读 of this one), "related" (this entry names it).
 */
static int
ce_links(struct civic_req *r, long long id)
{
	static const char	 sql[] =
	    "SELECT x.id, x.index_no, x.title, x.kind FROM ("
	    "SELECT o.id, o.index_no, o.title, l.kind, o.published_at FROM cat_entry_link l "
	    "JOIN cat_entry o ON o.id = l.related_id WHERE l.entry_id = ? AND " CAT_REACHABLE("o") " "
	    "UNION ALL "
	    "SELECT o.id, o.index_no, o.title, 'interpreted-by', o.published_at "
	    "FROM cat_entry_link l JOIN cat_entry o ON o.id = l.entry_id "
	    "WHERE l.related_id = ? AND l.kind = 'interprets' AND " CAT_REACHABLE("o") ") x "
	    "ORDER BY FIELD(x.kind, 'interprets', 'interpreted-by', 'related'), "
	    "x.published_at DESC, x.id DESC LIMIT ?";
	struct civic_param	 p[] = { CIVIC_PINT(id), CIVIC_PINT(id), CIVIC_PINT(CE_MAX_LINKS) };

	return civic_page_query(r, "links", "link", sql, p, 3);
}

/* GET /e/{id}: the entry's page, as its disclosure allows. */
static int
ce_entry(struct civic_req *r)
{
	/* The lead body first, then the joint ones in the document's order. */
	static const char	 bodies[] =
	    "SELECT x.id, x.name FROM (SELECT d.id, d.name, -1 AS s FROM department d "
	    "WHERE d.id = ? UNION ALL SELECT d.id, d.name, b.sort FROM cat_entry_body b "
	    "JOIN department d ON d.id = b.body_id WHERE b.entry_id = ?) x "
	    "ORDER BY x.s, x.id LIMIT ?";
	static const char	 path[] =
	    "SELECT c.id, c.name FROM cat_category_path p JOIN cat_category c ON c.id = p.ancestor_id "
	    "WHERE p.descendant_id = ? ORDER BY c.depth";
	static const char	 files[] =
	    "SELECT a.id, COALESCE(a.title, f.name) AS title, f.name, f.size, f.type "
	    "FROM cat_attachment a JOIN stored_file f ON f.id = a.file_id "
	    "WHERE a.entry_id = ? ORDER BY a.sort, a.id LIMIT ?";
	long long		 id = civic_req_seg_int(r, "id");
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_param	 q[3];
	struct civic_rows	 rows;
	xmlNodePtr		 entry;
	enum civic_err		 err;
	int			 st;

	if ((err = civic_db_query(r->db, r->arena, ce_entry_sql, p, 1, 1, &rows)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	st = 404;
	if (rows.nrows == 0)
		goto out;
	entry = civic_page_add(r, NULL, "entry", NULL);
	ce_row(r, entry, &rows, "content");
	if ((st = ce_paragraphs(r, entry, civic_rows_get(&rows, 0, "content"))) != 0)
		goto out;
	q[0] = CIVIC_PINT(strtoll(civic_rows_get(&rows, 0, "body_id"), NULL, 10));
	q[1] = CIVIC_PINT(id);
	q[2] = CIVIC_PINT(CAT_MAX_BODIES);
	if ((st = civic_page_query(r, "bodies", "body", bodies, q, 3)) != 0)
		goto out;
	q[0] = CIVIC_PINT(strtoll(civic_rows_get(&rows, 0, "category_id"), NULL, 10));
	if ((st = civic_page_query(r, "path", "category", path, q, 1)) != 0 ||
	    (st = ce_links(r, id)) != 0)
		goto out;
	/* Attachments of an entry disclosed actively only: the others' are asked for. */
	q[0] = CIVIC_PINT(id);
	q[1] = CIVIC_PINT(CAT_MAX_ATTACHMENTS);
	if (strcmp(civic_rows_get(&rows, 0, "disclosure"), "active") == 0 &&
	    (st = civic_page_query(r, "attachments", "attachment", files, q, 2)) != 0)
		goto out;
	st = 200;
out:
	return st;
}

/*
 * GET /e/{id}/a/{att}: an attachment of a reachable entry disclosed
 * actively, as a download; anything else is the same 404.
 */
static int
ce_attachment(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT a.file_id FROM cat_attachment a JOIN cat_entry e ON e.id = a.entry_id "
	    "WHERE a.id = ? AND e.id = ? AND " CAT_REACHABLE("e") " AND " CAT_OPEN("e");
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "att")),
				    CIVIC_PINT(civic_req_seg_int(r, "id")) };
	struct civic_rows	 rows;
	enum civic_err		 err;
	int			 st = 404;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 2, 1, &rows)) != CIVIC_OK)
		st = civic_req_status(err);
	else if (rows.nrows > 0)
		st = civic_filestore_send(r, strtoll(rows.cell[0], NULL, 10));
	return st;
}

/* ---------------------------------------------------------------- feeds */

/*
 * The id a feed filter names: 0 when absent, -1 when it can't be an id
 * (the caller answers 404, as for an unknown one), else the id.
 */
static long long
feed_id(const struct civic_req *r, const char *name)
{
	const char	*v = civic_req_value(r, name);
	long long	 id = 0;
	size_t		 n;

	if (v != NULL) {
		n = strlen(v);
		id = n == 0 || n > CE_ID_DIGITS || strspn(v, "0123456789") != n ? -1 :
		    strtoll(v, NULL, 10);
		/* 0 (or 000) names nothing. */
		if (id == 0)
			id = -1;
	}
	return id;
}

/*
 * GET /feed.atom[?category=ID|?body=ID]: the newest CAT_FEED_ENTRIES
 * listed entries by publication; a category's feed holds its subtree, a
 * body's the entries it issued, alone or jointly.  The summary is the
 * content: the text of a 依申请公开 entry is not public, and an entry's
 * page has the rest.
 */
static int
ce_feed(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT e.id, e.index_no AS `key`, e.title, "
	    CIVIC_ATOM_TIME("e.published_at") " AS published, c.name AS category, "
	    "COALESCE(e.summary, e.title) AS content "
	    "FROM cat_entry e JOIN cat_category c ON c.id = e.category_id "
	    "WHERE " CAT_LISTED("e") " AND e.index_no IS NOT NULL AND e.published_at IS NOT NULL "
	    "AND (? IS NULL OR e.category_id IN "
	    "(SELECT p.descendant_id FROM cat_category_path p WHERE p.ancestor_id = ?)) "
	    "AND (? IS NULL OR e.body_id = ? OR EXISTS (SELECT 1 FROM cat_entry_body j "
	    "WHERE j.entry_id = e.id AND j.body_id = ?)) "
	    "ORDER BY e.published_at DESC, e.id DESC LIMIT ?";
	static const char	 category_sql[] = "SELECT name FROM cat_category WHERE id = ?";
	static const char	 body_sql[] =
	    "SELECT d.name FROM cat_body b JOIN department d ON d.id = b.department_id "
	    "WHERE b.department_id = ?";
	long long		 cat = feed_id(r, "category"), body = feed_id(r, "body");
	struct civic_atom	 feed = { "catalogue", "政府信息公开目录",
				    "Government information disclosure catalogue", "e/", NULL };
	struct civic_param	 p[6], one[1];
	struct civic_rows	 rows, name;
	enum civic_err		 err;
	int			 st = 404;

	/* One filter at a time: a feed is a category's or a body's. */
	if (cat < 0 || body < 0 || (cat > 0 && body > 0))
		goto out;
	if (cat > 0 || body > 0) {
		one[0] = CIVIC_PINT(cat > 0 ? cat : body);
		if ((err = civic_db_query(r->db, r->arena, cat > 0 ? category_sql : body_sql,
		    one, 1, 1, &name)) != CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
		if (name.nrows == 0)
			goto out;
		feed.title_zh = civic_arena_printf(r->arena, "%s：%s", feed.title_zh,
		    name.cell[0]);
		feed.title_en = civic_arena_printf(r->arena, "%s: %s", feed.title_en,
		    name.cell[0]);
		feed.feed = civic_arena_printf(r->arena, "catalogue/%s/%lld",
		    cat > 0 ? "category" : "body", cat > 0 ? cat : body);
		if (feed.title_zh == NULL || feed.title_en == NULL || feed.feed == NULL) {
			st = 500;
			goto out;
		}
	}
	p[0] = cat > 0 ? CIVIC_PINT(cat) : CIVIC_PNULL;
	p[1] = CIVIC_PINT(cat);
	p[2] = body > 0 ? CIVIC_PINT(body) : CIVIC_PNULL;
	p[3] = CIVIC_PINT(body);
	p[4] = CIVIC_PINT(body);
	p[5] = CIVIC_PINT(CAT_FEED_ENTRIES);
	if ((err = civic_db_query(r->db, r->arena, sql, p, 6, CAT_FEED_ENTRIES, &rows)) !=
	    CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	st = civic_atom_feed(r, &feed, &rows);
out:
	return st;
}

/* ---------------------------------------------------------------- sitemap */

static void
sitemap_doc_free(void *doc)
{
	xmlFreeDoc(doc);
}

/* A <url> or <sitemap> element: loc and, when known, lastmod. */
static void
sitemap_add(struct civic_req *r, xmlNodePtr root, const char *elem, const char *loc,
    const char *lastmod)
{
	xmlNodePtr	 u = civic_page_add(r, root, elem, NULL);

	civic_page_add(r, u, "loc", loc);
	if (lastmod != NULL)
		civic_page_add(r, u, "lastmod", lastmod);
}

/*
 * GET /sitemap.xml[?part=N] (the sitemaps.org protocol): the catalogue's
 * home and every listed entry with its last change.  Up to
 * CAT_SITEMAP_URLS URLs it is one <urlset>; beyond, a <sitemapindex> of
 * parts, part N holding the listed entries whose ids are in the N-th
 * block of CAT_SITEMAP_URLS - 1 ids (the home is in part 1): an entry
 * stays in its part for ever, a part is one range of the primary key
 * (no OFFSET), and never holds more than CAT_SITEMAP_URLS URLs.  Parts
 * are a query string, not sitemap-N.xml, because a route's segment is a
 * whole segment, and a sitemap may only list URLs under its own
 * directory: the parts must sit at the mount's top.  A withdrawn entry
 * is not listed; an amended or repealed one is.
 */
#define SITEMAP_BLOCK	(CAT_SITEMAP_URLS - 1)
static int
ce_sitemap(struct civic_req *r)
{
	static const char	 count_sql[] =
	    "SELECT COUNT(*) FROM cat_entry e WHERE " CAT_LISTED("e");
	static const char	 parts_sql[] =
	    "SELECT DISTINCT (e.id - 1) DIV ? + 1 AS part FROM cat_entry e "
	    "WHERE " CAT_LISTED("e") " ORDER BY part LIMIT ?";
	static const char	 urls_sql[] =
	    "SELECT e.id, DATE_FORMAT(e.updated_at, '%Y-%m-%dT%H:%i:%s+08:00') AS lastmod "
	    "FROM cat_entry e WHERE " CAT_LISTED("e") " AND e.id BETWEEN ? AND ? "
	    "ORDER BY e.id LIMIT ?";
	long long		 part = civic_req_int(r, "part", 0), n, first = 1, last;
	const char		*origin = civic_atom_origin(r, NULL), *mount = r->worker->mount;
	struct civic_param	 p[3];
	struct civic_rows	 rows;
	xmlDocPtr		 doc;
	xmlNodePtr		 root;
	xmlNsPtr		 ns;
	enum civic_err		 err;
	size_t			 i;
	int			 st = 500, index;

	if ((err = civic_db_query(r->db, r->arena, count_sql, NULL, 0, 1, &rows)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	n = strtoll(rows.cell[0], NULL, 10);
	index = n + 1 > CAT_SITEMAP_URLS;
	/*
	 * A part of a sitemap that has none: no such file.  (part is at most
	 * 999999, its field's bound: its block's ids fit a long long.)
	 */
	st = 404;
	if (part > 0 && !index)
		goto out;
	st = 500;
	if (origin == NULL || (doc = xmlNewDoc(BAD_CAST "1.0")) == NULL)
		goto out;
	if (civic_arena_cleanup(r->arena, sitemap_doc_free, doc) != CIVIC_OK ||
	    (root = xmlNewDocNode(doc, NULL, BAD_CAST (index && part == 0 ? "sitemapindex" :
	    "urlset"), NULL)) == NULL || (ns = xmlNewNs(root, BAD_CAST SITEMAP_NS, NULL)) == NULL)
		goto out;
	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	if (index && part == 0) {
		/* The parts that hold an entry; part 1 always (the home). */
		p[0] = CIVIC_PINT(SITEMAP_BLOCK);
		p[1] = CIVIC_PINT(CAT_SITEMAP_URLS);
		if ((err = civic_db_query(r->db, r->arena, parts_sql, p, 2, CAT_SITEMAP_URLS,
		    &rows)) != CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
		if (rows.nrows == 0 || strcmp(rows.cell[0], "1") != 0)
			sitemap_add(r, root, "sitemap", civic_arena_printf(r->arena,
			    "%s%ssitemap.xml?part=1", origin, mount), NULL);
		for (i = 0; i < rows.nrows; i++)
			sitemap_add(r, root, "sitemap", civic_arena_printf(r->arena,
			    "%s%ssitemap.xml?part=%s", origin, mount, rows.cell[i]), NULL);
	} else {
		if (part > 0)
			first = (part - 1) * SITEMAP_BLOCK + 1;
		last = part > 0 ? first + SITEMAP_BLOCK - 1 : LLONG_MAX;
		p[0] = CIVIC_PINT(first);
		p[1] = CIVIC_PINT(last);
		p[2] = CIVIC_PINT(CAT_SITEMAP_URLS);
		if ((err = civic_db_query(r->db, r->arena, urls_sql, p, 3, CAT_SITEMAP_URLS,
		    &rows)) != CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
		/* A part past the last entry is no file; part 1 always is (the home). */
		st = 404;
		if (part > 1 && rows.nrows == 0)
			goto out;
		if (part <= 1)
			sitemap_add(r, root, "url", civic_arena_printf(r->arena, "%s%s", origin,
			    mount), NULL);
		for (i = 0; i < rows.nrows; i++)
			sitemap_add(r, root, "url", civic_arena_printf(r->arena, "%s%se/%s",
			    origin, mount, civic_rows_get(&rows, i, "id")),
			    civic_rows_get(&rows, i, "lastmod"));
	}
	st = 500;
	if (civic_render_xml(doc, NULL, r->arena, &r->body, &r->bodylen) != CIVIC_OK ||
	    civic_req_header(r, "Content-Type", "application/xml; charset=utf-8") != CIVIC_OK)
		goto out;
	st = 200;
out:
	return st;
}

/* ---------------------------------------------------------------- report */

/*
 * The annual report's basic figures: entries first published in the year
 * (published or withdrawn since; a draft never was), by lead body, by
 * disclosure type and by first-level catalogue category, and in all.
 * Every body and category is listed, with 0 too: the report's table has
 * a line for each.  Each statement takes the year's bounds twice or
 * once, and the words of its group (the CSV's first column).
 */
#define REPORT_IN_YEAR \
	"e.state IN ('published', 'withdrawn') AND e.published_at >= ? AND e.published_at < ?"

struct ce_report {
	struct civic_rows	 bodies, types, categories, total;
};

static const char *const ce_words[][2] = {
	/* zh-CN, en */
	{ "发布机构", "Issuing body" },
	{ "公开方式", "Disclosure" },
	{ "目录分类", "Catalogue category" },
	{ "主动公开", "Disclosed proactively" },
	{ "依申请公开", "Disclosed on request" },
	{ "不予公开", "Not disclosed" },
	{ "合计", "Total" },
};
enum { W_BODY, W_TYPE, W_CATEGORY, W_ACTIVE, W_REQUEST, W_NONE, W_TOTAL };

static int
report_year(struct civic_req *r)
{
	civic_time	 now = civic_calendar_now();
	char		 buf[CIVIC_CALENDAR_TIME_LEN];

	civic_calendar_format_time(now, buf);
	return (int)civic_req_int(r, "year", strtol(buf, NULL, 10));
}

/* Runs the four statements for year into *rep.  Returns 0 or the handler's status. */
static int
report_fetch(struct civic_req *r, int year, struct ce_report *rep)
{
	static const char	 bodies[] =
	    "SELECT ? AS `group`, b.department_id AS id, d.name, COUNT(e.id) AS n "
	    "FROM cat_body b JOIN department d ON d.id = b.department_id "
	    "LEFT JOIN cat_entry e ON e.body_id = b.department_id AND " REPORT_IN_YEAR " "
	    "GROUP BY b.department_id, d.name, b.sort ORDER BY b.sort, b.department_id";
	static const char	 types[] =
	    "SELECT ? AS `group`, t.code AS disclosure, t.name, COUNT(e.id) AS n FROM "
	    "(SELECT 'active' AS code, ? AS name, 1 AS ord UNION ALL "
	    "SELECT 'request', ?, 2 UNION ALL SELECT 'none', ?, 3) t "
	    "LEFT JOIN cat_entry e ON e.disclosure = t.code AND " REPORT_IN_YEAR " "
	    "GROUP BY t.code, t.name, t.ord ORDER BY t.ord";
	static const char	 categories[] =
	    "SELECT ? AS `group`, c.id, c.code, c.name, COUNT(e.id) AS n FROM cat_category c "
	    "JOIN cat_category_path p ON p.ancestor_id = c.id "
	    "LEFT JOIN cat_entry e ON e.category_id = p.descendant_id AND " REPORT_IN_YEAR " "
	    "WHERE c.parent_id IS NULL GROUP BY c.id, c.code, c.name, c.sort ORDER BY c.sort, c.id";
	static const char	 total[] =
	    "SELECT ? AS `group`, COUNT(*) AS n FROM cat_entry e WHERE " REPORT_IN_YEAR;
	const int		 en = r->lang != NULL && strcmp(r->lang, "en") == 0;
	const char		*from = civic_arena_printf(r->arena, "%04d-01-01 00:00:00", year);
	const char		*to = civic_arena_printf(r->arena, "%04d-01-01 00:00:00", year + 1);
	struct civic_param	 pb[] = { CIVIC_PTEXT(ce_words[W_BODY][en]), CIVIC_PTEXT(from),
				    CIVIC_PTEXT(to) };
	struct civic_param	 pt[] = { CIVIC_PTEXT(ce_words[W_TYPE][en]),
				    CIVIC_PTEXT(ce_words[W_ACTIVE][en]),
				    CIVIC_PTEXT(ce_words[W_REQUEST][en]),
				    CIVIC_PTEXT(ce_words[W_NONE][en]), CIVIC_PTEXT(from),
				    CIVIC_PTEXT(to) };
	struct civic_param	 pc[] = { CIVIC_PTEXT(ce_words[W_CATEGORY][en]), CIVIC_PTEXT(from),
				    CIVIC_PTEXT(to) };
	struct civic_param	 pn[] = { CIVIC_PTEXT(ce_words[W_TOTAL][en]), CIVIC_PTEXT(from),
				    CIVIC_PTEXT(to) };
	enum civic_err		 err = CIVIC_ERR_NOMEM;

	/* Without its bounds a count would be of NULL dates: 0, silently wrong. */
	if (from != NULL && to != NULL)
		err = civic_db_query(r->db, r->arena, bodies, pb, 3, CIVIC_MAX_ROWS, &rep->bodies);
	if (err == CIVIC_OK)
		err = civic_db_query(r->db, r->arena, types, pt, 6, 3, &rep->types);
	if (err == CIVIC_OK)
		err = civic_db_query(r->db, r->arena, categories, pc, 3, CIVIC_MAX_ROWS,
		    &rep->categories);
	if (err == CIVIC_OK)
		err = civic_db_query(r->db, r->arena, total, pn, 3, 1, &rep->total);
	return err == CIVIC_OK ? 0 : civic_req_status(err);
}

/* GET /report?year=YYYY: the figures as a page (the current year by default). */
static int
ce_report(struct civic_req *r)
{
	int			 year = report_year(r), st;
	struct ce_report	 rep;
	xmlNodePtr		 node;

	if ((st = report_fetch(r, year, &rep)) == 0) {
		node = civic_page_add(r, NULL, "report", NULL);
		civic_page_attr(node, "year", civic_arena_printf(r->arena, "%d", year));
		/* The year's form shows the year shown. */
		civic_page_value(r, "year", civic_arena_printf(r->arena, "%d", year));
		civic_page_attr(node, "total", civic_rows_get(&rep.total, 0, "n"));
		civic_page_rows(r, civic_page_add(r, node, "bodies", NULL), "body", &rep.bodies);
		civic_page_rows(r, civic_page_add(r, node, "types", NULL), "type", &rep.types);
		civic_page_rows(r, civic_page_add(r, node, "categories", NULL), "category",
		    &rep.categories);
		st = 200;
	}
	return st;
}

/* GET /report.csv?year=YYYY: the same figures, a line each, the total last. */
static int
ce_report_csv(struct civic_req *r)
{
	static const struct civic_csv_col cols[] = {
		{ "group", "分类方式", "Grouped by" },
		{ "name", "名称", "Name" },
		{ "n", "条数", "Entries" },
	};
	int			 year = report_year(r), st;
	struct ce_report	 rep;
	const struct civic_rows	*sets[4];
	/* No labels: each statement gives its group's word, the total's 合计 too. */

	if ((st = report_fetch(r, year, &rep)) == 0) {
		sets[0] = &rep.bodies;
		sets[1] = &rep.types;
		sets[2] = &rep.categories;
		sets[3] = &rep.total;
		st = civic_csv(r, civic_arena_printf(r->arena, "catalogue-report-%d.csv", year),
		    cols, CIVIC_NITEMS(cols), sets, NULL, 4);
	}
	return st;
}
