/*
 * case.c: a handled case's rating (evaluate.h, doc/evaluate.md), public
 * and without an account, at the link the case's own page and its
 * notification carry: /case/{no}/{token} (rating.h).
 *
 * The link is the only key: a wrong token and an unknown number are the
 * same 404, so that the page says nothing of which numbers exist.  The
 * case is found by its kind, which the tracking number's prefix names
 * (case_kinds); the page shows what is safe to show anyone holding the
 * link (the kind, the number, the department and when it was handled),
 * never the subject, the text, the name or the phone, since an SMS may be
 * forwarded.  "Once" is the rating's once_key (rating.h): a second rating,
 * however sent, fails on it and is answered as rated already.
 */
#include <stdlib.h>
#include <string.h>

#include "evaluate.h"
#include "worker.h"

#include "../consult/consult.h"
#include "../mailbox/mailbox.h"
#include "prereview.h"

static const char *const done_words[] = { "rated", NULL };

/*
 * The kinds of case a link may name.  sql, with the number as its one
 * parameter, gives id, department (the one answerable: the letter's
 * replying department, the question's area, the application's item's
 * department), staff (the question's clerk; a letter and an application
 * have none), handled (1 when it can be rated), phone (the writer's, told
 * the outcome of a 差评), for the page the department's name and the time
 * it was handled, and for an application, item: its item's code.
 */
struct case_kind {
	const char	*prefix;
	enum eval_kind	 kind;
	const char	*sql;
};

static const struct case_kind case_kinds[] = {
	{ MAILBOX_PREFIX, EVAL_LETTER,
	    "SELECT l.id, l.reply_department_id AS department, NULL AS staff, "
	    "l.state IN ('replied', 'closed') AS handled, l.mobile AS phone, "
	    "d.name AS department_name, " EVAL_TIME("l.replied_at") " AS handled_at "
	    "FROM mailbox_letter l LEFT JOIN department d ON d.id = l.reply_department_id "
	    "WHERE l.tracking_no = ?" },
	{ CONSULT_PREFIX, EVAL_QUESTION,
	    "SELECT q.id, q.area_id AS department, q.assigned_to AS staff, "
	    "q.state IN ('answered', 'closed') AS handled, q.phone, "
	    "d.name AS department_name, "
	    EVAL_TIME("COALESCE(q.answered_at, q.closed_at)") " AS handled_at "
	    "FROM consult_question q JOIN department d ON d.id = q.area_id "
	    "WHERE q.tracking_no = ?" },
	/*
	 * A pre-review application, handled once decided (passed, then
	 * completed, or rejected): answerable is the item's department; the
	 * rating also names the item (its code), for the results by item.
	 */
	{ PR_PREFIX, EVAL_APPLICATION,
	    "SELECT a.id, i.department_id AS department, NULL AS staff, "
	    "a.state IN ('passed', 'completed', 'rejected') AS handled, a.phone, "
	    "d.name AS department_name, " EVAL_TIME("a.decided_at") " AS handled_at, "
	    "i.code AS item "
	    "FROM pr_application a JOIN pr_item i ON i.id = a.item_id "
	    "JOIN department d ON d.id = i.department_id "
	    "WHERE a.serial = ?" },
};

static const struct civic_field case_get_fields[] = {
	{ "done", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, done_words },
	{ NULL, 0, 0, 0, 0, NULL }
};

/*
 * The indicators are required or not by the kind (eval_indicators), which
 * the table can't know: the handler checks them.
 */
static const struct civic_field case_post_fields[] = {
	{ "level", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, eval_levels },
	{ "efficiency", CIVIC_V_ENUM, 0, 0, 0, eval_levels },
	{ "accuracy", CIVIC_V_ENUM, 0, 0, 0, eval_levels },
	{ "convenience", CIVIC_V_ENUM, 0, 0, 0, eval_levels },
	{ "attitude", CIVIC_V_ENUM, 0, 0, 0, eval_levels },
	{ "professionalism", CIVIC_V_ENUM, 0, 0, 0, eval_levels },
	{ "reason", CIVIC_V_INT, 1, 4294967295LL, 0, NULL },
	{ "comment", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* The indicators' fields, in the order of their bits (rating.h). */
static const char *const case_indicators[] = {
	"efficiency", "accuracy", "convenience", "attitude", "professionalism"
};

/* The case a link names, as case_kinds' SQL gives it. */
struct case_found {
	const struct case_kind	*k;
	const char		*no;
	struct civic_rows	 rows;
	long long		 id;
	int			 handled;
};

/*
 * The case of the path's number when the token is its own: 0 with f
 * filled, 404 for a wrong token, an unknown prefix or an unknown number
 * alike, or the database's status.
 */
static int
case_find(struct civic_req *r, struct case_found *f)
{
	const char	*no = civic_req_seg(r, "no");
	size_t		 i;
	enum civic_err	 err;
	int		 st = 404;

	memset(f, 0, sizeof(*f));
	f->no = no;
	if (no == NULL || !eval_token_check(r, no, civic_req_seg(r, "token")))
		goto out;
	for (i = 0; i < CIVIC_NITEMS(case_kinds); i++)
		if (strncmp(no, case_kinds[i].prefix, strlen(case_kinds[i].prefix)) == 0)
			f->k = &case_kinds[i];
	if (f->k == NULL)
		goto out;
	{
		struct civic_param p[] = { CIVIC_PTEXT(no) };

		if ((err = civic_db_query(r->db, r->arena, f->k->sql, p, 1, 1, &f->rows)) !=
		    CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
	}
	if (f->rows.nrows != 1)
		goto out;
	f->id = strtoll(civic_rows_get(&f->rows, 0, "id"), NULL, 10);
	f->handled = strcmp(civic_rows_get(&f->rows, 0, "handled"), "1") == 0;
	st = 0;
out:
	return st;
}

/* A column of the case's row as a number, 0 when NULL. */
static long long
case_int(const struct case_found *f, const char *col)
{
	const char	*v = civic_rows_get(&f->rows, 0, col);

	return v != NULL ? strtoll(v, NULL, 10) : 0;
}

/*
 * GET /case/{no}/{token}: what the case is, and the form while it is
 * handled and not rated; when rated, that it was and when (the rating
 * itself is on the case's own page, whose reader is its writer); before
 * it is handled, that it can be rated then.  After a rating (?done=rated)
 * the thanks, and for a 差评 when the department will call back.
 */
static int
case_page(struct civic_req *r)
{
	static const char	 rated_sql[] =
	    "SELECT " EVAL_TIME("e.rated_at") " AS rated, "
	    "EXISTS (SELECT 1 FROM eval_case c WHERE c.rating_id = e.id) AS opened "
	    "FROM eval_rating e WHERE e.once_key = ?";
	struct case_found	 f;
	struct civic_rows	 rated;
	xmlNodePtr		 c;
	const char		*once, *href;
	enum civic_err		 err;
	int			 st;

	if ((st = case_find(r, &f)) != 0)
		goto out;
	if ((once = eval_once_case(r, f.k->kind, f.id, NULL)) == NULL ||
	    (href = eval_case_path(r, f.no)) == NULL) {
		st = 500;
		goto out;
	}
	{
		struct civic_param p[] = { CIVIC_PTEXT(once) };

		if ((err = civic_db_query(r->db, r->arena, rated_sql, p, 1, 1, &rated)) !=
		    CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
	}
	if ((c = civic_page_add(r, NULL, "case", NULL)) == NULL) {
		st = 500;
		goto out;
	}
	civic_page_attr(c, "kind", eval_kind_name(f.k->kind));
	civic_page_attr(c, "no", f.no);
	civic_page_attr(c, "href", href);
	civic_page_attr(c, "state", rated.nrows == 1 ? "rated" :
	    f.handled ? "open" : "pending");
	if (civic_rows_get(&f.rows, 0, "department_name") != NULL)
		civic_page_add(r, c, "department", civic_rows_get(&f.rows, 0,
		    "department_name"));
	if (f.handled)
		civic_page_add(r, c, "handled", civic_rows_get(&f.rows, 0, "handled_at"));
	if (rated.nrows == 1) {
		civic_page_add(r, c, "rated", civic_rows_get(&rated, 0, "rated"));
		/* The promise of a call back follows the rating that opened a case, only. */
		if (civic_req_value(r, "done") != NULL) {
			civic_page_message(r, "info", "evaluate.case.done");
			if (strcmp(civic_rows_get(&rated, 0, "opened"), "1") == 0)
				civic_page_attr(civic_page_add(r, c, "callback", NULL), "days",
				    civic_config_get(r->worker->cfg, "evaluate.visit_days"));
		}
	} else if (f.handled)
		st = eval_page_form(r, f.k->kind);
	if (st == 0)
		st = 200;
out:
	return st;
}

struct case_rate {
	struct civic_req	*r;
	struct eval_new		 n;
	const char		*token;
};

static enum civic_err
case_rate_tx(void *arg)
{
	struct case_rate	*c = arg;
	enum civic_err		 err;

	/* The once_key says it was rated already: not an error of the database. */
	if ((err = eval_rating_record(c->r, &c->n)) == CIVIC_ERR_DUPLICATE) {
		err = CIVIC_ERR_CONFLICT;
		goto out;
	}
	if (err != CIVIC_OK)
		goto out;
	if (civic_req_redirect(c->r, "/case/%s/%s?done=rated", c->n.case_no, c->token) != 303)
		err = CIVIC_ERR_NOMEM;
out:
	return err;
}

/*
 * POST /case/{no}/{token}: the rating, once.  A case not yet handled, a
 * missing indicator of the kind, a 差评 without its reason and comment,
 * and a reason no longer offered are refused beside their field, what
 * was typed kept; a second rating gets the page again with "rated
 * already".
 */
static int
case_rate(struct civic_req *r)
{
	static const char	 reason_sql[] =
	    "SELECT id FROM eval_reason WHERE id = ? AND active = 1";
	struct case_found	 f;
	struct case_rate	 c;
	struct civic_rows	 rows;
	unsigned		 set;
	size_t			 i;
	enum civic_err		 err;
	int			 st;

	if ((st = case_find(r, &f)) != 0)
		goto out;
	if (!f.handled) {
		st = civic_req_refuse(r, NULL, "evaluate.case.not-handled");
		goto out;
	}
	set = eval_indicators(f.k->kind);
	for (i = 0; i < CIVIC_NITEMS(case_indicators); i++)
		if ((set & (1u << i)) && civic_req_value(r, case_indicators[i]) == NULL) {
			st = civic_req_refuse(r, case_indicators[i], "v.required");
			goto out;
		}
	memset(&c, 0, sizeof(c));
	c.r = r;
	c.token = civic_req_seg(r, "token");
	c.n.kind = f.k->kind;
	if ((st = eval_form_read(r, &c.n)) != 0)
		goto out;
	if (c.n.reason > 0) {
		struct civic_param p[] = { CIVIC_PINT(c.n.reason) };

		if ((err = civic_db_query(r->db, r->arena, reason_sql, p, 1, 1, &rows)) !=
		    CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
		if (rows.nrows == 0) {
			st = civic_req_refuse(r, "reason", "evaluate.case.reason-gone");
			goto out;
		}
	}
	if ((c.n.once = eval_once_case(r, f.k->kind, f.id, NULL)) == NULL) {
		st = 500;
		goto out;
	}
	c.n.case_id = f.id;
	c.n.case_no = f.no;
	c.n.department = case_int(&f, "department");
	c.n.staff = case_int(&f, "staff");
	c.n.phone = civic_rows_get(&f.rows, 0, "phone");
	/* The service item rated with its case: only an application has one. */
	c.n.item = civic_rows_get(&f.rows, 0, "item");
	st = civic_req_done(r, civic_req_tx(r, case_rate_tx, &c), "evaluate.case.already");
out:
	return st;
}

const struct civic_route eval_case_routes[] = {
	{ .method = "GET", .pattern = "/case/{no:tracking}/{token:str}", .view = "case",
	    .handler = case_page, .fields = case_get_fields },
	{ .method = "POST", .pattern = "/case/{no:tracking}/{token:str}", .view = "case",
	    .handler = case_rate, .fields = case_post_fields, .flags = CIVIC_R_STATE,
	    .rate = { "evaluate.case", 60, 3600 } },
};
const size_t eval_case_nroutes = CIVIC_NITEMS(eval_case_routes);
