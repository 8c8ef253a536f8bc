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

#include "atom.h"
#include "mailbox.h"

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
#define LIST_COLUMNS \
	"SELECT l.id, l.public_subject AS subject, l.type, c.name AS category, " \
	"d.name AS department, DATE_FORMAT(l.created_at, '%Y-%m-%d') AS created, " \
	"DATE_FORMAT(l.replied_at, '%Y-%m-%d') AS replied, l.reply_days, " \
	"LEFT(l.public_body, " MAILBOX_EXCERPT_SQL ") AS excerpt, " \
	"CHAR_LENGTH(l.public_body) > " MAILBOX_EXCERPT_SQL " AS more "
#define LIST_JOIN \
	"STRAIGHT_JOIN mailbox_category c ON c.id = l.category_id " \
	"LEFT JOIN department d ON d.id = l.reply_department_id "
#define LIST_FILTER \
	"l.published = 1 AND l.id < ? AND (? IS NULL OR l.type = ?) " \
	"AND (? IS NULL OR l.category_id = ?) AND (? IS NULL OR l.reply_department_id = ?) " \
	"AND (? IS NULL OR (l.created_at >= ? AND l.created_at < ?)) "
/*
 * The plain list reads one of the public indexes as a range (published,
 * …, id below the keyset): the optimizer's own choice, ref on published
 * = 1, walks from the newest published letter and skips every one above
 * the keyset, 10 000 index rows for a page 10 000 letters deep
 * (tests/load/run's list-deep) against 21.  FORCE INDEX still lets it
 * choose among the five by the filters given.
 */
#define LIST_INDEXES \
	"FORCE INDEX (mailbox_letter_public, mailbox_letter_public_type, " \
	"mailbox_letter_public_category, mailbox_letter_public_department, " \
	"mailbox_letter_public_created) "
#define LIST_PLAIN \
	LIST_COLUMNS "FROM mailbox_letter l " LIST_INDEXES LIST_JOIN "WHERE " LIST_FILTER \
	"ORDER BY l.id DESC LIMIT ?"
/*
 * The search walks the rarest gram's rows from the keyset down and joins
 * the letter and the query's other grams to each (search.h,
 * CIVIC_SEARCH_JOIN): a page costs about a page of rows divided by how
 * often the grams come together, not every row of every gram.
 */
#define LIST_SEARCH \
	LIST_COLUMNS "FROM mailbox_gram g0 " \
	"STRAIGHT_JOIN mailbox_letter l ON l.id = g0.letter_id " \
	CIVIC_SEARCH_JOIN("mailbox_gram", "letter_id") LIST_JOIN \
	"WHERE g0.gram = ? AND g0.letter_id < ? AND " LIST_FILTER \
	"ORDER BY g0.letter_id DESC LIMIT ?"

/*
 * The filter's choices: categories, departments, and the years with
 * letters.  The years from the first published letter's to the last's
 * (MIN and MAX on the index mailbox_letter_public_created, two reads),
 * each kept if a published letter was written in it (one index probe a
 * year): DISTINCT YEAR(created_at) read every published letter, 20 000
 * index rows a page at 100 000 letters (doc/evidence.md).
 */
static int
public_choices(struct civic_req *r)
{
	static const char	 years[] =
	    "WITH RECURSIVE b AS (SELECT YEAR(MIN(created_at)) AS lo, "
	    "YEAR(MAX(created_at)) AS hi FROM mailbox_letter WHERE published = 1), "
	    "y AS (SELECT hi AS year FROM b WHERE hi IS NOT NULL "
	    "UNION ALL SELECT y.year - 1 FROM y JOIN b ON y.year > b.lo) "
	    "SELECT y.year FROM y WHERE EXISTS (SELECT 1 FROM mailbox_letter l "
	    "WHERE l.published = 1 AND l.created_at >= MAKEDATE(y.year, 1) "
	    "AND l.created_at < MAKEDATE(y.year + 1, 1)) ORDER BY y.year DESC";
	int			 st;

	if ((st = mailbox_page_categories(r)) != 0 || (st = mailbox_page_departments(r)) != 0)
		return st;
	return civic_page_query(r, "years", "y", years, NULL, 0);
}

static int
public_list(struct civic_req *r)
{
	static const char	 plain[] = LIST_PLAIN;
	static const char	 search[] = LIST_SEARCH;
	static const char	 probe[] = CIVIC_SEARCH_PROBE("mailbox_gram", "letter_id");
	const char		*q = civic_req_value(r, "q");
	const char		*type = civic_req_value(r, "type");
	long long		 after = civic_req_int(r, "after", 0);
	long long		 category = civic_req_int(r, "category", 0);
	long long		 department = civic_req_int(r, "department", 0);
	long long		 year = civic_req_int(r, "year", 0);
	struct civic_param	 p[CIVIC_SEARCH_GRAMS + 2 + 10 + 1];
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
	if (after <= 0)
		after = 1LL << 62;
	snprintf(from, sizeof(from), "%04d-01-01 00:00:00", (int)year);
	snprintf(to, sizeof(to), "%04d-01-01 00:00:00", (int)year + 1);
	if (n > 0) {
		if ((err = civic_search_rarest(r, probe, after, sp, n, CIVIC_SEARCH_PROBE_CAP)) != CIVIC_OK)
			return civic_req_status(err);
		/* The other grams (CIVIC_SEARCH_JOIN), then the walked one and the keyset. */
		memcpy(p, sp + 1, (CIVIC_SEARCH_GRAMS - 1) * sizeof(*p));
		np = CIVIC_SEARCH_GRAMS - 1;
		p[np++] = sp[0];
		p[np++] = CIVIC_PINT(after);
	}
	p[np++] = CIVIC_PINT(after);
	p[np++] = CIVIC_PTEXT(type);
	p[np++] = CIVIC_PTEXT(type);
	p[np++] = category > 0 ? CIVIC_PINT(category) : CIVIC_PNULL;
	p[np++] = CIVIC_PINT(category);
	p[np++] = department > 0 ? CIVIC_PINT(department) : CIVIC_PNULL;
	p[np++] = CIVIC_PINT(department);
	p[np++] = year > 0 ? CIVIC_PINT(year) : CIVIC_PNULL;
	p[np++] = CIVIC_PTEXTN(from, strlen(from));
	p[np++] = CIVIC_PTEXTN(to, strlen(to));
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

/* GET /feed.atom: the newest publications first (a letter written long ago but published today is news). */
static int
public_feed(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT l.id, l.tracking_no AS `key`, l.public_subject AS title, "
	    CIVIC_ATOM_TIME("l.published_at") " AS published, c.name AS category, "
	    "CONCAT(COALESCE(l.public_body, ''), '\\n\\n', ?, '\\n', "
	    "COALESCE(l.public_reply, '')) AS content "
	    "FROM mailbox_letter l JOIN mailbox_category c ON c.id = l.category_id "
	    "WHERE l.published = 1 AND l.published_at IS NOT NULL "
	    "ORDER BY l.published_at DESC, l.id DESC LIMIT ?";
	static const struct civic_atom feed = { "mailbox", "县长信箱 来信选登",
	    "County Head's Mailbox: published letters", "l/", NULL };
	const int		 en = r->lang != NULL && strcmp(r->lang, "en") == 0;
	struct civic_param	 p[] = { CIVIC_PTEXT(en ? "Reply:" : "答复："),
				    CIVIC_PINT(MAILBOX_FEED_SIZE) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 2, MAILBOX_FEED_SIZE, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	return civic_atom_feed(r, &feed, &rows);
}
