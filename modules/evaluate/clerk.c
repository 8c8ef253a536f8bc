/*
 * clerk.c: a window clerk's rating by staff number (evaluate.h,
 * doc/evaluate.md).  The number is on the clerk's badge at the window;
 * anyone may rate the clerk, once a phone number a clerk a day, the
 * number proved by an SMS code (verify.c) as in a campaign.  The once_key
 * is "clerk:STAFFID:HASH:YYYY-MM-DD" (HASH: the phone's keyed hash).
 *
 * The public card shows the staff number and the department only: the
 * name is on the badge for whoever stands at the window, and need not be
 * on a page anyone can fetch.  Only active staff with the clerk role are
 * rated; any other number, unknown or not, is the same 404.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evaluate.h"

/* The clerks that may be rated: active, and at a window. */
#define CLERK_SQL \
	"SELECT s.id, s.staff_no, s.department_id, d.name AS department " \
	"FROM staff s JOIN department d ON d.id = s.department_id " \
	"WHERE s.staff_no = ? AND s.active = 1 AND FIND_IN_SET('clerk', s.roles) > 0"

static const char *const done_words[] = { "rated", NULL };

static const struct civic_field find_fields[] = {
	{ "no", CIVIC_V_TEXT, 1, 16, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field page_fields[] = {
	{ "done", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, done_words },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* The rating's fields (eval_form_read's for a clerk), and the phone. */
#define CLERK_RATE_FIELDS(req) \
	{ "level", CIVIC_V_ENUM, 0, 0, req, eval_levels }, \
	{ "attitude", CIVIC_V_ENUM, 0, 0, req, eval_levels }, \
	{ "professionalism", CIVIC_V_ENUM, 0, 0, req, eval_levels }, \
	{ "reason", CIVIC_V_INT, 1, 4294967295LL, 0, NULL }, \
	{ "comment", CIVIC_V_MULTILINE, 1, 500, 0, NULL }, \
	{ "phone", CIVIC_V_MOBILE, 0, 0, CIVIC_F_REQUIRED, NULL }

static const struct civic_field code_fields[] = {
	CLERK_RATE_FIELDS(0),
	{ "code", CIVIC_V_TEXT, 1, 12, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field rate_fields[] = {
	CLERK_RATE_FIELDS(CIVIC_F_REQUIRED),
	{ "code", CIVIC_V_TEXT, 1, 12, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* The clerk of the path. */
struct clerk_info {
	long long	 id;
	long long	 department;
};

/*
 * The clerk of number no into c, and when page is set as <clerk> (the
 * staff number and the department's name: never the id, nor the name).
 * 0; 404 for no such clerk; the status of a database failure.
 */
static int
clerk_load(struct civic_req *r, const char *no, struct clerk_info *c, int page)
{
	struct civic_param	 p[] = { CIVIC_PTEXT(no) };
	struct civic_rows	 rows;
	xmlNodePtr		 e;
	enum civic_err		 err;
	int			 st = 0;

	memset(c, 0, sizeof(*c));
	if ((err = civic_db_query(r->db, r->arena, CLERK_SQL, p, 1, 1, &rows)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if (rows.nrows != 1) {
		st = 404;
		goto out;
	}
	c->id = strtoll(rows.cell[0], NULL, 10);
	c->department = strtoll(rows.cell[2], NULL, 10);
	if (!page)
		goto out;
	if ((e = civic_page_add(r, NULL, "clerk", NULL)) == NULL ||
	    civic_page_add(r, e, "staff_no", rows.cell[1]) == NULL ||
	    civic_page_add(r, e, "department", rows.cell[3]) == NULL)
		st = 500;
out:
	return st;
}

/*
 * GET /clerk?no=: the form asking the staff number; with a number, to that
 * clerk's page, or the form again saying there is no such clerk.
 */
static int
clerk_find(struct civic_req *r)
{
	const char		*no = civic_req_value(r, "no"), *esc;
	struct clerk_info	 c;
	int			 st;

	if (no == NULL)
		return 200;
	if ((st = clerk_load(r, no, &c, 0)) == 404) {
		civic_page_value(r, "no", no);
		civic_page_message(r, "error", "evaluate.staffno.unknown");
		return 200;
	}
	if (st != 0)
		return st;
	if ((esc = civic_url_escape(r->arena, no)) == NULL)
		return 500;
	return civic_req_redirect(r, "/clerk/%s", esc);
}

/* The clerk's card and the rating form. */
static int
clerk_show(struct civic_req *r, struct clerk_info *c)
{
	int	 st;

	if ((st = clerk_load(r, civic_req_seg(r, "no"), c, 1)) != 0 ||
	    (st = eval_page_form(r, EVAL_CLERK)) != 0)
		return st;
	return 200;
}

/* GET /clerk/{no} (and /clerk/{no}/code): the card and the form; ?done=rated. */
static int
clerk_page(struct civic_req *r)
{
	struct clerk_info	 c;
	const char		*done = civic_req_value(r, "done");

	if (done != NULL && strcmp(done, "rated") == 0)
		civic_page_message(r, "info", "evaluate.staffno.thanks");
	return clerk_show(r, &c);
}

static int
clerk_show_form(struct civic_req *r, void *arg)
{
	return clerk_show(r, arg);
}

/*
 * POST /clerk/{no}/code: the code to the phone, and the form again with
 * everything typed (as campaign.c's, which see).
 */
static int
clerk_code(struct civic_req *r)
{
	struct clerk_info	 c;
	const char		*purpose;
	int			 st;

	if ((st = clerk_load(r, civic_req_seg(r, "no"), &c, 0)) != 0)
		goto out;
	if ((purpose = civic_arena_printf(r->arena, "clerk:%lld", c.id)) == NULL) {
		st = 500;
		goto out;
	}
	st = eval_verify_code_form(r, purpose, clerk_show_form, &c);
out:
	return st;
}

struct clerk_rate {
	struct civic_req	*r;
	struct eval_new		 n;
	const char		*purpose;
	const char		*path;		/* the number, escaped for the redirect */
	int			 badcode;
	int			 rated;
};

static enum civic_err
clerk_rate_tx(void *arg)
{
	struct clerk_rate	*a = arg;
	struct civic_req	*r = a->r;
	enum civic_err		 err;

	a->badcode = a->rated = 0;
	if ((err = eval_verify_check(r, a->purpose, a->n.phone,
	    civic_req_value(r, "code"))) != CIVIC_OK) {
		a->badcode = err == CIVIC_ERR_INVALID;
		goto out;
	}
	if ((err = eval_rating_record(r, &a->n)) != CIVIC_OK) {
		a->rated = err == CIVIC_ERR_DUPLICATE;
		goto out;
	}
	if (civic_req_redirect(r, "/clerk/%s?done=rated", a->path) != 303)
		err = CIVIC_ERR_NOMEM;
out:
	return err;
}

/* POST /clerk/{no}: the rating, once a phone a clerk a (Beijing) day. */
static int
clerk_rate(struct civic_req *r)
{
	struct clerk_info	 c;
	struct clerk_rate	 a;
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	const char		*key;
	enum civic_err		 err;
	int			 st;

	if ((st = clerk_load(r, civic_req_seg(r, "no"), &c, 0)) != 0)
		goto out;
	memset(&a, 0, sizeof(a));
	a.r = r;
	a.n.kind = EVAL_CLERK;
	if ((st = eval_form_read(r, &a.n)) != 0)
		goto out;
	a.n.department = c.department;
	a.n.staff = c.id;
	a.n.phone = civic_req_value(r, "phone");
	eval_now(r, now);
	if ((key = eval_phone_key(r, a.n.phone)) == NULL ||
	    (a.n.once = civic_arena_printf(r->arena, "clerk:%lld:%s:%.10s", c.id, key,
	    now)) == NULL ||
	    (a.purpose = civic_arena_printf(r->arena, "clerk:%lld", c.id)) == NULL ||
	    (a.path = civic_url_escape(r->arena, civic_req_seg(r, "no"))) == NULL) {
		st = 500;
		goto out;
	}
	err = civic_req_tx(r, clerk_rate_tx, &a);
	if (a.badcode) {
		if ((err = eval_verify_count(r, a.purpose, a.n.phone)) != CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
		st = civic_req_refuse(r, "code", "evaluate.code.wrong");
	} else if (a.rated)
		st = civic_req_refuse(r, "phone", "evaluate.staffno.rated");
	else
		st = civic_req_done(r, err, NULL);
out:
	return st;
}

const struct civic_route eval_clerk_routes[] = {
	{ .method = "GET", .pattern = "/clerk", .view = "clerk-find", .handler = clerk_find,
	    .fields = find_fields },
	{ .method = "GET", .pattern = "/clerk/{no:str}", .view = "clerk-rate",
	    .handler = clerk_page, .fields = page_fields },
	{ .method = "POST", .pattern = "/clerk/{no:str}", .view = "clerk-rate",
	    .handler = clerk_rate, .fields = rate_fields, .flags = CIVIC_R_STATE,
	    .rate = { "evaluate.staffno.rate", 30, 3600 } },
	{ .method = "GET", .pattern = "/clerk/{no:str}/code", .view = "clerk-rate",
	    .handler = clerk_page, .fields = page_fields },
	{ .method = "POST", .pattern = "/clerk/{no:str}/code", .view = "clerk-rate",
	    .handler = clerk_code, .fields = code_fields, .flags = CIVIC_R_CSRF,
	    .rate = { "evaluate.staffno.code", 20, 3600 } },
};
const size_t eval_clerk_nroutes = CIVIC_NITEMS(eval_clerk_routes);
