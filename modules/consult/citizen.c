/*
 * citizen.c: the asking citizen's side of the consultation (consult.h,
 * doc/consult.md), public and without an account.
 *
 * Ask: the form, with the published answers to similar questions (the
 * "check similar questions" button without JavaScript, as-you-type with
 * it through /suggest).  The question is stored, assigned and
 * acknowledged in one transaction; the answer is a redirect to its
 * conversation page, with the query code in a one-time cookie (shown once,
 * never in a URL, access.h) and a grant of that page to this browser in a
 * signed cookie scoped to the question's path.  Anyone else reaches the
 * page by number and code through /track, which grants it the same way.
 *
 * The conversation page shows the citizen's part of the thread only:
 * the question, follow-ups, answers and the summaries of calls.  Internal
 * notes and staff actions are never selected here (CITIZEN_KINDS).  With
 * JavaScript the page polls /q/{no}/poll, whose ETag changes with the
 * thread, and appends what is new.
 *
 * Against spam, as the mailbox: a honeypot field, a signed form time
 * (consult.min_fill_seconds), per-address rate limits in the route table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "access.h"
#include "consult.h"
#include "formtime.h"
#include "rating.h"
#include "worker.h"

#define CITIZEN_PURPOSE		"consult.form-time"
#define CITIZEN_CODE_COOKIE	"civic_zx_code"
#define CITIZEN_GRANT_COOKIE	"civic_zx"

/* What the citizen's pages show of a thread. */
#define CITIZEN_KINDS		"'question', 'followup', 'answer', 'phone'"

/* Published answers suggested beside the form. */
#define CITIZEN_SUGGESTIONS	"5"

static const char *const done_words[] = { "followup", NULL };

/*
 * The question's fields.  The "similar questions" post only searches and
 * shows the form again: nothing is required, and the phone, which the
 * citizen may be half-way through, is kept as text (bounded, valid UTF-8)
 * rather than refused.
 */
#define CITIZEN_ASK_FIELDS(req, phone) \
	{ "area", CIVIC_V_INT, 1, 4294967295LL, req, NULL }, \
	{ "subject", CIVIC_V_TEXT, 4, 40, req, NULL }, \
	{ "body", CIVIC_V_MULTILINE, 5, 1000, req, NULL }, \
	{ "name", CIVIC_V_TEXT, 1, 20, 0, NULL }, \
	{ "phone", phone, 0, 32, req, NULL }, \
	{ "website", CIVIC_V_TEXT, 0, 200, 0, NULL }, \
	CIVIC_FORMTIME_FIELDS

static const char *const ask_names[] = { "area", "subject", "body", "name", "phone", NULL };

static const struct civic_field ask_get_fields[] = {
	{ "area", CIVIC_V_INT, 1, 4294967295LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field similar_fields[] = {
	CITIZEN_ASK_FIELDS(0, CIVIC_V_TEXT),
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field ask_fields[] = {
	CITIZEN_ASK_FIELDS(CIVIC_F_REQUIRED, CIVIC_V_PHONE),
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field suggest_fields[] = {
	{ "q", CIVIC_V_TEXT, 1, 40, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field question_get_fields[] = {
	{ "done", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, done_words },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field poll_fields[] = {
	{ "after", CIVIC_V_INT, 0, 999999999999999999LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field followup_fields[] = {
	{ "body", CIVIC_V_MULTILINE, 2, 1000, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* ---------------------------------------------------------------- home */

/* GET /: the areas, the way in, and the latest published answers. */
static int
citizen_home(struct civic_req *r)
{
	static const char	 latest[] =
	    "SELECT q.id, q.public_subject AS subject, d.name AS area, "
	    "DATE_FORMAT(q.published_at, '%Y-%m-%d') AS published "
	    "FROM consult_question q JOIN department d ON d.id = q.area_id "
	    "WHERE q.published = 1 ORDER BY q.id DESC LIMIT 10";
	int			 st;

	if ((st = consult_page_areas(r)) != 0 ||
	    (st = civic_page_query(r, "answers", "answer", latest, NULL, 0)) != 0)
		return st;
	return 200;
}

/* ---------------------------------------------------------------- ask */

/*
 * <similar> under the page: the published answers sharing the most grams
 * with text (the subject, else the question), at least two of them (or
 * the one a one-gram query has): a question worded differently still
 * finds its answer.  0, or the status to return.
 */
static int
citizen_similar_list(struct civic_req *r, const char *text)
{
	static const char	 sql[] =
	    "SELECT q.id, q.public_subject AS subject, d.name AS area, "
	    "LEFT(q.public_answer, 80) AS excerpt FROM "
	    CIVIC_SEARCH_HITS("consult_gram", "question_id") " h "
	    "JOIN consult_question q ON q.id = h.doc "
	    "JOIN department d ON d.id = q.area_id "
	    "WHERE q.published = 1 ORDER BY h.hits DESC, q.id DESC LIMIT " CITIZEN_SUGGESTIONS;
	struct civic_param	 p[CIVIC_SEARCH_NPARAMS];
	int			 n;

	if (text == NULL)
		return 0;
	if ((n = civic_search_params(r, text, p)) < 0)
		return 500;
	if (n == 0) {
		civic_page_add(r, NULL, "similar", NULL);
		return 0;
	}
	p[CIVIC_SEARCH_GRAMS] = CIVIC_PINT(n < 2 ? n : 2);
	return civic_page_query(r, "similar", "answer", sql, p, CIVIC_NITEMS(p));
}

/* GET /ask: the form, in the area a link chose. */
static int
citizen_ask_form(struct civic_req *r)
{
	int	 st;

	if ((st = consult_page_areas(r)) != 0)
		return st;
	civic_page_value(r, "area", civic_req_value(r, "area"));
	civic_formtime_page(r, CITIZEN_PURPOSE);
	return 200;
}

/*
 * POST /ask/similar: the form again with what was typed, its form time
 * kept, and the published answers like the subject.
 */
static int
citizen_ask_similar(struct civic_req *r)
{
	xmlNodePtr	 e;
	size_t		 i;
	int		 st;

	if ((st = consult_page_areas(r)) != 0)
		return st;
	for (i = 0; ask_names[i] != NULL; i++)
		civic_page_value(r, ask_names[i], civic_req_value(r, ask_names[i]));
	if (civic_req_value(r, "issued") != NULL && civic_req_value(r, "sig") != NULL) {
		e = civic_page_add(r, NULL, "form-time", NULL);
		civic_page_attr(e, "issued", civic_req_value(r, "issued"));
		civic_page_attr(e, "sig", civic_req_value(r, "sig"));
	} else
		civic_formtime_page(r, CITIZEN_PURPOSE);
	return citizen_similar_list(r, civic_req_value(r, "subject") != NULL ?
	    civic_req_value(r, "subject") : civic_req_value(r, "body")) != 0 ? 500 : 200;
}

/* GET /suggest?q=: the similar answers alone, for the script as the citizen types. */
static int
citizen_suggest(struct civic_req *r)
{
	int	 st;

	st = citizen_similar_list(r, civic_req_value(r, "q"));
	return st != 0 ? st : 200;
}

struct citizen_ask {
	struct civic_req	*r;
	struct consult_new	 n;
	int			 done;
};

static enum civic_err
citizen_ask_tx(void *arg)
{
	struct citizen_ask	*a = arg;
	enum civic_err		 err;

	/* Run again after a deadlock, this starts from the same state. */
	a->done = 0;
	if ((err = consult_question_create(a->r, &a->n)) != CIVIC_OK)
		goto out;
	if (civic_req_redirect(a->r, "/q/%s", a->n.tracking_no) != 303) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	a->done = 1;
out:
	return err;
}

/*
 * POST /ask: the spam checks, then the question in one transaction, then
 * its page.  The code and the grant go with the redirect only when this
 * request made the question: a twin of it, answered with the first one's
 * redirect, sends neither.
 */
static int
citizen_ask(struct civic_req *r)
{
	struct citizen_ask	 a;
	char			 path[CIVIC_TRACKING_LEN + 3];
	long long		 age;
	enum civic_err		 err;
	int			 st;

	if (civic_req_value(r, "website") != NULL) {
		st = civic_req_refuse(r, NULL, "consult.ask.honeypot");
		goto out;
	}
	if ((age = civic_formtime_age(r, CITIZEN_PURPOSE)) < 0) {
		st = civic_req_refuse(r, NULL, "consult.ask.expired");
		goto out;
	}
	if (age < civic_config_int(r->worker->cfg, "consult.min_fill_seconds")) {
		st = civic_req_refuse(r, NULL, "consult.ask.too_fast");
		goto out;
	}
	memset(&a, 0, sizeof(a));
	a.r = r;
	a.n.area = civic_req_int(r, "area", 0);
	a.n.subject = civic_req_value(r, "subject");
	a.n.body = civic_req_value(r, "body");
	a.n.name = civic_req_value(r, "name");
	a.n.phone = civic_req_value(r, "phone");
	err = civic_req_tx(r, citizen_ask_tx, &a);
	if (err == CIVIC_ERR_INVALID) {
		st = civic_req_refuse(r, "area", "consult.ask.stale");
		goto out;
	}
	if (err != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	snprintf(path, sizeof(path), "q/%s", a.n.tracking_no);
	if (a.done && (civic_access_code_cookie(r, CITIZEN_CODE_COOKIE, path, a.n.code) !=
	    CIVIC_OK || civic_access_grant(r, CITIZEN_GRANT_COOKIE, path,
	    a.n.tracking_no) != CIVIC_OK)) {
		st = 500;
		goto out;
	}
	st = 303;
out:
	return st;
}

/* ---------------------------------------------------------------- question */

/* The question of the path, when this browser was granted it: its id, else 0. */
static long long
citizen_granted(struct civic_req *r, int *st)
{
	static const char	 sql[] = "SELECT id FROM consult_question WHERE tracking_no = ?";
	const char		*no = civic_req_seg(r, "no");
	struct civic_param	 p[] = { CIVIC_PTEXT(no) };
	struct civic_rows	 rows;
	enum civic_err		 err;
	long long		 id = 0;

	*st = 404;
	if (!civic_access_granted(r, CITIZEN_GRANT_COOKIE, no))
		goto out;
	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK) {
		*st = civic_req_status(err);
		goto out;
	}
	if (rows.nrows == 1) {
		id = strtoll(rows.cell[0], NULL, 10);
		*st = 0;
	}
out:
	return id;
}

/* The citizen's part of the thread after message after, as <thread>. */
static int
citizen_thread(struct civic_req *r, long long id, long long after)
{
	static const char	 sql[] =
	    "SELECT m.id, m.kind, " CONSULT_TIME("m.at") " AS at, m.body, "
	    "IF(m.kind IN ('answer', 'phone'), s.staff_no, NULL) AS staff_no "
	    "FROM consult_message m LEFT JOIN staff s ON s.id = m.staff_id "
	    "WHERE m.question_id = ? AND m.id > ? AND m.kind IN (" CITIZEN_KINDS ") "
	    "ORDER BY m.id LIMIT 500";
	struct civic_param	 p[] = { CIVIC_PINT(id), CIVIC_PINT(after) };

	return civic_page_query(r, "thread", "message", sql, p, 2);
}

/*
 * GET /q/{no} (and the twins of its forms): the question, who has it or
 * what was promised, the thread, and the forms that apply; the query code
 * once, when its cookie came.  Not granted: to the lookup form.
 */
static int
citizen_question(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT q.tracking_no AS no, q.subject, q.state, d.name AS area, "
	    CONSULT_TIME("q.asked_at") " AS asked, s.staff_no, q.offhours, "
	    CONSULT_TIME("q.promise_at") " AS promise, "
	    CONSULT_TIME("q.answered_at") " AS answered, "
	    "q.query_hash "
	    "FROM consult_question q JOIN department d ON d.id = q.area_id "
	    "LEFT JOIN staff s ON s.id = q.assigned_to WHERE q.id = ?";
	const char		*code = civic_kv_get(&r->cookies, CITIZEN_CODE_COOKIE);
	const char		*done = civic_req_value(r, "done");
	char			 path[CIVIC_TRACKING_LEN + 3];
	struct civic_rows	 rows;
	long long		 id;
	int			 st;

	if ((id = citizen_granted(r, &st)) == 0) {
		if (st == 404)
			st = civic_req_redirect(r, "/track?no=%s", civic_req_seg(r, "no"));
		goto out;
	}
	{
		struct civic_param p[] = { CIVIC_PINT(id) };
		enum civic_err err;

		if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) !=
		    CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
	}
	/* The hash stays here: it is no part of the page. */
	rows.ncols--;
	civic_page_rows(r, NULL, "question", &rows);
	if (code != NULL) {
		if (civic_access_code_is(code, rows.cell[rows.ncols], rows.len[rows.ncols]))
			civic_page_attr(civic_page_add(r, NULL, "receipt", NULL), "code", code);
		snprintf(path, sizeof(path), "q/%s", civic_req_seg(r, "no"));
		if (civic_access_code_cookie(r, CITIZEN_CODE_COOKIE, path, NULL) != CIVIC_OK) {
			st = 500;
			goto out;
		}
	}
	if (done != NULL)
		civic_page_message(r, "info", "consult.q.done.followup");
	if ((st = citizen_thread(r, id, 0)) != 0 ||
	    (st = eval_page_case(r, NULL, EVAL_QUESTION, id, civic_req_seg(r, "no"),
	    strcmp(rows.cell[2], "answered") == 0 || strcmp(rows.cell[2], "closed") == 0)) != 0)
		goto out;
	st = 200;
out:
	return st;
}

/*
 * GET /q/{no}/poll?after=: what the page's script asks every few seconds.
 * The ETag is the last message the citizen may see, the state and the
 * clerk: unchanged, 304 and nothing else.
 */
static int
citizen_poll(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT q.state, s.staff_no, (SELECT COALESCE(MAX(m.id), 0) FROM consult_message m "
	    "WHERE m.question_id = q.id AND m.kind IN (" CITIZEN_KINDS ")) AS last "
	    "FROM consult_question q LEFT JOIN staff s ON s.id = q.assigned_to WHERE q.id = ?";
	const char		*match = civic_req_param(r, "HTTP_IF_NONE_MATCH");
	const char		*etag;
	struct civic_rows	 rows;
	xmlNodePtr		 e;
	long long		 id;
	int			 st;

	if ((id = citizen_granted(r, &st)) == 0)
		goto out;
	{
		struct civic_param p[] = { CIVIC_PINT(id) };
		enum civic_err err;

		if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) !=
		    CIVIC_OK || rows.nrows != 1) {
			st = err != CIVIC_OK ? civic_req_status(err) : 404;
			goto out;
		}
	}
	etag = civic_arena_printf(r->arena, "\"%s-%s-%s\"", rows.cell[2], rows.cell[0],
	    rows.cell[1] != NULL ? rows.cell[1] : "0");
	if (etag == NULL || civic_req_header(r, "ETag", etag) != CIVIC_OK) {
		st = 500;
		goto out;
	}
	/* Weak (W/"…", after a proxy's gzip) or one of a list: the tag itself decides. */
	if (match != NULL && strstr(match, etag) != NULL) {
		r->body = "";
		r->bodylen = 0;
		st = 304;
		goto out;
	}
	/* Always XML: the script reads it, and no page of its own is needed. */
	r->want_xml = 1;
	e = civic_page_add(r, NULL, "poll", NULL);
	civic_page_attr(e, "state", rows.cell[0]);
	civic_page_attr(e, "staff_no", rows.cell[1]);
	civic_page_attr(e, "last", rows.cell[2]);
	st = citizen_thread(r, id, civic_req_int(r, "after", 0));
	if (st == 0)
		st = 200;
out:
	return st;
}

struct citizen_change {
	struct civic_req	*r;
	long long		 id;
	const char		*sql;
	struct civic_param	*p;
	size_t			 np;
	const char		*kind;	/* the message, or NULL */
	const char		*done;
};

/* One conditional UPDATE, its message, and back to the page with done. */
static enum civic_err
citizen_change_tx(void *arg)
{
	struct citizen_change	*c = arg;
	struct civic_req	*r = c->r;
	enum civic_err		 err;

	if ((err = civic_db_change(r->db, c->sql, c->p, c->np)) != CIVIC_OK)
		goto out;
	if (c->kind != NULL && (err = consult_message(r, c->id, c->kind, 0, 0,
	    civic_req_value(r, "body"))) != CIVIC_OK)
		goto out;
	if (civic_req_redirect(r, "/q/%s?done=%s", civic_req_seg(r, "no"), c->done) != 303)
		err = CIVIC_ERR_NOMEM;
out:
	return err;
}

static int
citizen_change(struct civic_req *r, struct citizen_change *c, const char *refused)
{
	int	 st;

	if ((c->id = citizen_granted(r, &st)) == 0)
		goto out;
	c->p[c->np - 1] = CIVIC_PINT(c->id);
	st = civic_req_done(r, civic_req_tx(r, citizen_change_tx, c), refused);
out:
	return st;
}

/* POST /q/{no}/followup: a further question; an answered question opens again. */
static int
citizen_followup(struct civic_req *r)
{
	static const char	 sql[] =
	    "UPDATE consult_question SET state = 'open' "
	    "WHERE id = ? AND state IN ('open', 'answered')";
	struct civic_param	 p[] = { CIVIC_PNULL };
	struct citizen_change	 c = { r, 0, sql, p, 1, "followup", "followup" };

	return citizen_change(r, &c, "consult.followup.closed");
}

/* ---------------------------------------------------------------- track */

/* GET /track: number and code; ?no= fills in the number. */
static int
citizen_track_form(struct civic_req *r)
{
	civic_page_value(r, "no", civic_req_value(r, "no"));
	return 200;
}

/* POST /track: number and code right, this browser is granted the question. */
static int
citizen_track(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT id, query_hash FROM consult_question WHERE tracking_no = ?";
	const char		*no = civic_req_value(r, "no");
	char			 path[CIVIC_TRACKING_LEN + 3];
	long long		 id;
	int			 st;

	if ((st = civic_access_check(r, "consult.track", sql, no, civic_req_value(r, "code"),
	    "consult.track.failed", &id)) != 0)
		goto out;
	snprintf(path, sizeof(path), "q/%s", no);
	if (civic_access_grant(r, CITIZEN_GRANT_COOKIE, path, no) != CIVIC_OK) {
		st = 500;
		goto out;
	}
	st = civic_req_redirect(r, "/q/%s", no);
out:
	return st;
}

const struct civic_route consult_citizen_routes[] = {
	{ .method = "GET", .pattern = "/", .view = "home", .handler = citizen_home },
	{ .method = "GET", .pattern = "/ask", .view = "ask", .handler = citizen_ask_form,
	    .fields = ask_get_fields },
	{ .method = "POST", .pattern = "/ask", .view = "ask", .handler = citizen_ask,
	    .fields = ask_fields, .flags = CIVIC_R_STATE,
	    .rate = { "consult.ask", 30, 3600 } },
	{ .method = "GET", .pattern = "/ask/similar", .view = "ask",
	    .handler = citizen_ask_form, .fields = ask_get_fields },
	{ .method = "POST", .pattern = "/ask/similar", .view = "ask",
	    .handler = citizen_ask_similar, .fields = similar_fields, .flags = CIVIC_R_CSRF,
	    .rate = { "consult.similar", 300, 3600 } },
	{ .method = "GET", .pattern = "/suggest", .view = "suggest",
	    .handler = citizen_suggest, .fields = suggest_fields,
	    .rate = { "consult.suggest", 1200, 3600 } },
	{ .method = "GET", .pattern = "/q/{no:tracking}", .view = "question",
	    .handler = citizen_question, .fields = question_get_fields },
	{ .method = "GET", .pattern = "/q/{no:tracking}/poll", .view = "poll",
	    .handler = citizen_poll, .fields = poll_fields },
	{ .method = "GET", .pattern = "/q/{no:tracking}/followup", .view = "question",
	    .handler = citizen_question, .fields = question_get_fields },
	{ .method = "POST", .pattern = "/q/{no:tracking}/followup", .view = "question",
	    .handler = citizen_followup, .fields = followup_fields, .flags = CIVIC_R_STATE,
	    .rate = { "consult.followup", 60, 3600 } },
	{ .method = "GET", .pattern = "/track", .view = "track",
	    .handler = citizen_track_form, .fields = civic_access_form_fields },
	{ .method = "POST", .pattern = "/track", .view = "track", .handler = citizen_track,
	    .fields = civic_access_fields, .flags = CIVIC_R_CSRF,
	    .rate = { "consult.track", 120, 3600 } },
};
const size_t consult_citizen_nroutes = CIVIC_NITEMS(consult_citizen_routes);
