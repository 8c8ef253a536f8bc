/*
 * public.c: the published letters (doc/mailbox-public.md): the list with
 * its filters and its search, one letter, the Atom feed, and the search
 * index they rest on.
 *
 * Everything here reads only the public version of a letter
 * (public_subject, public_body, public_reply) and only of letters with
 * published = 1.  The writer's name, mobile, e-mail and address, and the
 * original subject, body and reply, are never selected: what a query does
 * not read, no page can show.
 *
 * Chinese search: the core cuts a query into grams as it cut the
 * letters (modules/core/search.h, the corpus in index.c), and the list
 * keeps the letters that hold all of them.
 */
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "mailbox.h"
#include "render.h"
#include "worker.h"

/* Letters in the Atom feed. */
#define MAILBOX_FEED_SIZE	20

/* Characters of the public body shown under each letter of the list. */
#define MAILBOX_EXCERPT		80
#define MAILBOX_EXCERPT_SQL	"80"

static const struct civic_field list_fields[] = {
	{ "q", CIVIC_V_TEXT, 1, 40, CIVIC_F_QUERY, NULL },
	{ "type", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, mailbox_types },
	{ "category", CIVIC_V_INT, 1, 99999999, CIVIC_F_QUERY, NULL },
	{ "department", CIVIC_V_INT, 1, 99999999, CIVIC_F_QUERY, NULL },
	{ "year", CIVIC_V_INT, 2000, 2999, CIVIC_F_QUERY, NULL },
	{ "after", CIVIC_V_INT, 1, 999999999999999999LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static int	 public_list(struct civic_req *);
static int	 public_show(struct civic_req *);
static int	 public_feed(struct civic_req *);

const struct civic_route mailbox_public_routes[] = {
	{ .method = "GET", .pattern = "/", .view = "public-list", .handler = public_list,
	    .fields = list_fields },
	{ .method = "GET", .pattern = "/l/{id:int}", .view = "public-letter",
	    .handler = public_show },
	{ .method = "GET", .pattern = "/feed.atom", .view = "public-feed",
	    .handler = public_feed },
};
const size_t mailbox_public_nroutes = CIVIC_NITEMS(mailbox_public_routes);

/* ---------------------------------------------------------------- list */

/*
 * The list, newest first by keyset.  Each filter is "? IS NULL OR …", so
 * that one statement serves every combination; the search adds the letters
 * that hold all the query's grams.
 */
/*
 * The letters first (STRAIGHT_JOIN): walking (published, id) backwards
 * stops after a page.  Left to itself the optimizer starts from the small
 * category table and then reads and sorts every published letter of each
 * category: 404 ms a page at 20 000 published letters against 0.1 ms
 * (tests/load/run, doc/evidence.md).
 */
#define LIST_SELECT \
	"SELECT l.id, l.public_subject AS subject, l.type, c.name AS category, " \
	"d.name AS department, DATE_FORMAT(l.created_at, '%Y-%m-%d') AS created, " \
	"DATE_FORMAT(l.replied_at, '%Y-%m-%d') AS replied, l.reply_days, " \
	"LEFT(l.public_body, " MAILBOX_EXCERPT_SQL ") AS excerpt, " \
	"CHAR_LENGTH(l.public_body) > " MAILBOX_EXCERPT_SQL " AS more " \
	"FROM mailbox_letter l STRAIGHT_JOIN mailbox_category c ON c.id = l.category_id " \
	"LEFT JOIN department d ON d.id = l.reply_department_id " \
	"WHERE l.published = 1 AND l.id < ? AND (? IS NULL OR l.type = ?) " \
	"AND (? IS NULL OR l.category_id = ?) AND (? IS NULL OR l.reply_department_id = ?) " \
	"AND (? IS NULL OR (l.created_at >= ? AND l.created_at < ?)) "
#define LIST_SEARCH \
	"AND l.id " CIVIC_SEARCH_IN("mailbox_gram", "letter_id") " "
#define LIST_ORDER \
	"ORDER BY l.id DESC LIMIT ?"

/* The filter's choices: categories, departments, and the years with letters. */
static int
public_choices(struct civic_req *r)
{
	static const char	 years[] =
	    "SELECT DISTINCT YEAR(created_at) AS year FROM mailbox_letter "
	    "WHERE published = 1 ORDER BY year DESC";
	int			 st;

	if ((st = mailbox_page_categories(r)) != 0 || (st = mailbox_page_departments(r)) != 0)
		return st;
	return civic_page_query(r, "years", "y", years, NULL, 0);
}

static int
public_list(struct civic_req *r)
{
	static const char	 plain[] = LIST_SELECT LIST_ORDER;
	static const char	 search[] = LIST_SELECT LIST_SEARCH LIST_ORDER;
	const char		*q = civic_req_value(r, "q");
	const char		*type = civic_req_value(r, "type");
	long long		 after = civic_req_int(r, "after", 0);
	long long		 category = civic_req_int(r, "category", 0);
	long long		 department = civic_req_int(r, "department", 0);
	long long		 year = civic_req_int(r, "year", 0);
	struct civic_param	 p[10 + CIVIC_SEARCH_NPARAMS + 1];
	struct civic_param	 sp[CIVIC_SEARCH_NPARAMS];
	struct civic_rows	 rows;
	size_t			 np = 0;
	char			 from[32], to[32];
	int			 n = 0, st;
	enum civic_err		 err;

	if ((st = public_choices(r)) != 0)
		return st;
	/* The filter form shows the filters in force; the pager keeps them. */
	civic_page_value(r, "q", q);
	civic_page_value(r, "type", type);
	civic_page_value(r, "category", civic_req_value(r, "category"));
	civic_page_value(r, "department", civic_req_value(r, "department"));
	civic_page_value(r, "year", civic_req_value(r, "year"));
	if (q != NULL) {
		if ((n = civic_search_params(r, q, sp)) < 0)
			return 500;
		/* Nothing searchable (only punctuation): nothing found. */
		if (n == 0) {
			civic_page_pager(r, NULL);
			civic_page_add(r, NULL, "letters", NULL);
			return 200;
		}
	}
	snprintf(from, sizeof(from), "%04d-01-01 00:00:00", (int)year);
	snprintf(to, sizeof(to), "%04d-01-01 00:00:00", (int)year + 1);
	p[np++] = CIVIC_PINT(after > 0 ? after : (1LL << 62));
	p[np++] = CIVIC_PTEXT(type);
	p[np++] = CIVIC_PTEXT(type);
	p[np++] = category > 0 ? CIVIC_PINT(category) : CIVIC_PNULL;
	p[np++] = CIVIC_PINT(category);
	p[np++] = department > 0 ? CIVIC_PINT(department) : CIVIC_PNULL;
	p[np++] = CIVIC_PINT(department);
	p[np++] = year > 0 ? CIVIC_PINT(year) : CIVIC_PNULL;
	p[np++] = CIVIC_PTEXTN(from, strlen(from));
	p[np++] = CIVIC_PTEXTN(to, strlen(to));
	if (n > 0) {
		memcpy(p + np, sp, sizeof(sp));
		np += CIVIC_SEARCH_NPARAMS;
	}
	p[np++] = CIVIC_PINT(CIVIC_PAGE_SIZE + 1);
	if ((err = civic_db_query(r->db, r->arena, n > 0 ? search : plain, p, np,
	    CIVIC_PAGE_SIZE + 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	civic_page_keyset(r, &rows, "id");
	civic_page_rows(r, civic_page_add(r, NULL, "letters", NULL), "letter", &rows);
	return 200;
}

/* ---------------------------------------------------------------- letter */

static int
public_show(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT l.id, l.tracking_no, l.public_subject AS subject, l.type, "
	    "c.name AS category, d.name AS department, "
	    "DATE_FORMAT(l.created_at, '%Y-%m-%d') AS created, "
	    "DATE_FORMAT(l.replied_at, '%Y-%m-%d') AS replied, l.reply_days, "
	    "DATE_FORMAT(l.published_at, '%Y-%m-%d') AS published, "
	    "l.public_body AS body, l.public_reply AS reply "
	    "FROM mailbox_letter l JOIN mailbox_category c ON c.id = l.category_id "
	    "LEFT JOIN department d ON d.id = l.reply_department_id "
	    "WHERE l.id = ? AND l.published = 1";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	/* Not published (or no longer): as if there were no such letter. */
	if (rows.nrows == 0)
		return 404;
	civic_page_rows(r, r->page, "letter", &rows);
	return 200;
}

/* ---------------------------------------------------------------- feed */

#define ATOM_NS		"http://www.w3.org/2005/Atom"

static void
public_doc_free(void *doc)
{
	xmlFreeDoc(doc);
}

/*
 * The site's origin for absolute URLs: site.base_url when it is absolute
 * ("https://www.example.gov.cn/"), else the scheme, the web server's
 * own name for this site (SERVER_NAME, from its configuration) and its
 * port when not the scheme's own.  Without a trailing slash.  *host
 * gets the host alone, for tag: URIs.
 */
static const char *
public_origin(struct civic_req *r, const char **host)
{
	const char	*base = civic_config_get(r->worker->cfg, "site.base_url");
	const char	*name = civic_req_param(r, "SERVER_NAME");
	const char	*port = civic_req_param(r, "SERVER_PORT");
	const char	*h;
	size_t		 len;

	if (strncmp(base, "https://", 8) == 0 || strncmp(base, "http://", 7) == 0) {
		h = strstr(base, "://") + 3;
		len = strcspn(h, "/:");
		*host = civic_arena_strndup(r->arena, h, len);
		return civic_arena_strndup(r->arena, base, (size_t)(h - base) + strcspn(h, "/"));
	}
	if (name == NULL || name[0] == '\0' || strcspn(name, "/\"<>\\: ") != strlen(name))
		name = "localhost";
	*host = name;
	/* The port only when it is not the scheme's own. */
	if (port == NULL || port[0] == '\0' || strspn(port, "0123456789") != strlen(port) ||
	    strcmp(port, r->https ? "443" : "80") == 0)
		port = NULL;
	return civic_arena_printf(r->arena, "%s://%s%s%s", r->https ? "https" : "http", name,
	    port != NULL ? ":" : "", port != NULL ? port : "");
}

static xmlNodePtr
public_atom_link(xmlNodePtr parent, const char *rel, const char *type, const char *href)
{
	xmlNodePtr	 l = xmlNewChild(parent, NULL, BAD_CAST "link", NULL);

	civic_page_attr(l, "rel", rel);
	civic_page_attr(l, "type", type);
	civic_page_attr(l, "href", href);
	return l;
}

/*
 * Atom 1.0 (RFC 4287), built with libxml2 and sent as it is, not through
 * the site's stylesheet.  Ids are tag: URIs made of the host and the
 * tracking number, which do not change when a letter is published again;
 * updated is the time of publication, at +08:00 (the database session's
 * zone).  The newest publications come first: a letter written long ago
 * but published today is news to a reader.
 */
static int
public_feed(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT l.id, l.tracking_no, l.public_subject AS subject, c.name AS category, "
	    "l.public_body AS body, l.public_reply AS reply, "
	    "DATE_FORMAT(l.published_at, '%Y-%m-%dT%H:%i:%s+08:00') AS published "
	    "FROM mailbox_letter l JOIN mailbox_category c ON c.id = l.category_id "
	    "WHERE l.published = 1 AND l.published_at IS NOT NULL "
	    "ORDER BY l.published_at DESC, l.id DESC LIMIT ?";
	struct civic_param	 p[] = { CIVIC_PINT(MAILBOX_FEED_SIZE) };
	const int		 en = r->lang != NULL && strcmp(r->lang, "en") == 0;
	const char		*site = civic_config_get(r->worker->cfg, "site.name");
	const char		*origin, *host, *mount = r->worker->mount, *updated;
	struct civic_rows	 rows;
	xmlDocPtr		 doc;
	xmlNodePtr		 feed, e, a;
	xmlNsPtr		 ns;
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	size_t			 i;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, MAILBOX_FEED_SIZE, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	if ((origin = public_origin(r, &host)) == NULL ||
	    (doc = xmlNewDoc(BAD_CAST "1.0")) == NULL)
		return 500;
	if (civic_arena_cleanup(r->arena, public_doc_free, doc) != CIVIC_OK ||
	    (feed = xmlNewDocNode(doc, NULL, BAD_CAST "feed", NULL)) == NULL ||
	    (ns = xmlNewNs(feed, BAD_CAST ATOM_NS, NULL)) == NULL)
		return 500;
	xmlSetNs(feed, ns);
	xmlDocSetRootElement(doc, feed);
	xmlNodeSetLang(feed, BAD_CAST (en ? "en" : "zh-CN"));
	civic_page_add(r, feed, "id", civic_arena_printf(r->arena, "tag:%s,2026:mailbox",
	    host));
	civic_page_add(r, feed, "title", civic_arena_printf(r->arena, "%s %s", site,
	    en ? "County Head's Mailbox: published letters" : "县长信箱 来信选登"));
	/* The newest publication, or now for a feed with no entry yet. */
	if (rows.nrows > 0)
		updated = civic_rows_get(&rows, 0, "published");
	else {
		civic_calendar_format_time(civic_calendar_now(), now);
		now[10] = 'T';
		updated = civic_arena_printf(r->arena, "%s+08:00", now);
	}
	civic_page_add(r, feed, "updated", updated);
	public_atom_link(feed, "self", "application/atom+xml",
	    civic_arena_printf(r->arena, "%s%sfeed.atom", origin, mount));
	public_atom_link(feed, "alternate", "text/html",
	    civic_arena_printf(r->arena, "%s%s", origin, mount));
	a = civic_page_add(r, feed, "author", NULL);
	civic_page_add(r, a, "name", site);
	for (i = 0; i < rows.nrows; i++) {
		const char	*body = civic_rows_get(&rows, i, "body");
		const char	*reply = civic_rows_get(&rows, i, "reply");

		e = civic_page_add(r, feed, "entry", NULL);
		civic_page_add(r, e, "id", civic_arena_printf(r->arena, "tag:%s,2026:mailbox/%s",
		    host, civic_rows_get(&rows, i, "tracking_no")));
		civic_page_add(r, e, "title", civic_rows_get(&rows, i, "subject"));
		civic_page_add(r, e, "updated", civic_rows_get(&rows, i, "published"));
		civic_page_add(r, e, "published", civic_rows_get(&rows, i, "published"));
		public_atom_link(e, "alternate", "text/html", civic_arena_printf(r->arena,
		    "%s%sl/%s", origin, mount, civic_rows_get(&rows, i, "id")));
		civic_page_attr(civic_page_add(r, e, "category", NULL), "term",
		    civic_rows_get(&rows, i, "category"));
		civic_page_attr(civic_page_add(r, e, "content", civic_arena_printf(r->arena,
		    "%s\n\n%s\n%s", body != NULL ? body : "", en ? "Reply:" : "答复：",
		    reply != NULL ? reply : "")), "type", "text");
	}
	if (civic_render_xml(doc, NULL, r->arena, &r->body, &r->bodylen) != CIVIC_OK ||
	    civic_req_header(r, "Content-Type", "application/atom+xml; charset=utf-8") !=
	    CIVIC_OK)
		return 500;
	return 200;
}
