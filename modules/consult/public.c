/*
 * public.c: the published answers (consult.h, doc/consult.md): the list
 * with its area filter and its search, one answer, and the Atom feed.
 * Everything here reads only the public version of a question (public_*)
 * of questions with published = 1: what a query does not read, no page
 * can show.  The same answers are what the ask form suggests.
 */
#include <string.h>

#include "atom.h"
#include "consult.h"

/* Answers in the Atom feed. */
#define PUBLIC_FEED_SIZE	20

static const struct civic_field list_fields[] = {
	{ "q", CIVIC_V_TEXT, 1, 40, CIVIC_F_QUERY, NULL },
	{ "area", CIVIC_V_INT, 1, 4294967295LL, CIVIC_F_QUERY, NULL },
	{ "after", CIVIC_V_INT, 1, 999999999999999999LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

#define LIST_SELECT \
	"SELECT q.id, q.public_subject AS subject, d.name AS area, " \
	"DATE_FORMAT(q.published_at, '%Y-%m-%d') AS published, " \
	"LEFT(q.public_answer, 80) AS excerpt " \
	"FROM consult_question q STRAIGHT_JOIN department d ON d.id = q.area_id " \
	"WHERE q.published = 1 AND q.id < ? AND (? IS NULL OR q.area_id = ?) "
#define LIST_ORDER	"ORDER BY q.id DESC LIMIT ?"

/* GET /answers: newest first by keyset, by area, or those holding the query's grams. */
static int
public_list(struct civic_req *r)
{
	static const char	 plain[] = LIST_SELECT LIST_ORDER;
	static const char	 search[] = LIST_SELECT
	    "AND q.id " CIVIC_SEARCH_IN("consult_gram", "question_id") " " LIST_ORDER;
	const char		*q = civic_req_value(r, "q");
	long long		 after = civic_req_int(r, "after", 0);
	long long		 area = civic_req_int(r, "area", 0);
	struct civic_param	 p[3 + CIVIC_SEARCH_NPARAMS + 1];
	size_t			 np = 3;
	int			 n = 0, st;

	if ((st = consult_page_areas(r)) != 0)
		return st;
	civic_page_value(r, "q", q);
	civic_page_value(r, "area", civic_req_value(r, "area"));
	p[0] = CIVIC_PINT(after > 0 ? after : (1LL << 62));
	p[1] = area > 0 ? CIVIC_PINT(area) : CIVIC_PNULL;
	p[2] = CIVIC_PINT(area);
	if (q != NULL) {
		if ((n = civic_search_params(r, q, p + np)) < 0)
			return 500;
		/* Nothing searchable (only punctuation): nothing found. */
		if (n == 0) {
			civic_page_pager(r, NULL);
			civic_page_add(r, NULL, "answers", NULL);
			return 200;
		}
		np += CIVIC_SEARCH_NPARAMS;
	}
	p[np++] = CIVIC_PINT(CIVIC_PAGE_SIZE + 1);
	st = civic_page_list(r, "answers", "answer", "id", n > 0 ? search : plain, p, np);
	return st != 0 ? st : 200;
}

/* GET /answers/{id}: one published question and its answer. */
static int
public_show(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT q.id, q.tracking_no AS no, q.public_subject AS subject, d.name AS area, "
	    "DATE_FORMAT(q.asked_at, '%Y-%m-%d') AS asked, "
	    "DATE_FORMAT(q.published_at, '%Y-%m-%d') AS published, "
	    "q.public_body AS body, q.public_answer AS reply "
	    "FROM consult_question q JOIN department d ON d.id = q.area_id "
	    "WHERE q.id = ? AND q.published = 1";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	int			 st;

	/* Not published (or no longer): as if there were no such question. */
	return (st = civic_page_one(r, "answer", sql, p, 1, NULL)) != 0 ? st : 200;
}

/* GET /answers/feed.atom: the newest publications first. */
static int
public_feed(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT q.id, q.tracking_no AS `key`, q.public_subject AS title, "
	    CIVIC_ATOM_TIME("q.published_at") " AS published, d.name AS category, "
	    "CONCAT(q.public_body, '\\n\\n', q.public_answer) AS content "
	    "FROM consult_question q JOIN department d ON d.id = q.area_id "
	    "WHERE q.published = 1 ORDER BY q.published_at DESC, q.id DESC LIMIT ?";
	static const struct civic_atom feed = { "consult", "在线咨询 答复选登",
	    "Online enquiries: published answers", "answers/", NULL };
	struct civic_param	 p[] = { CIVIC_PINT(PUBLIC_FEED_SIZE) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, PUBLIC_FEED_SIZE, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	return civic_atom_feed(r, &feed, &rows);
}

const struct civic_route consult_public_routes[] = {
	{ .method = "GET", .pattern = "/answers", .view = "answers", .handler = public_list,
	    .fields = list_fields },
	{ .method = "GET", .pattern = "/answers/{id:int}", .view = "answer",
	    .handler = public_show },
	{ .method = "GET", .pattern = "/answers/feed.atom", .view = "answers-feed",
	    .handler = public_feed },
};
const size_t consult_public_nroutes = CIVIC_NITEMS(consult_public_routes);
