/*
 * campaign.c: evaluation campaigns (网上评议, evaluate.h, doc/evaluate.md).
 *
 * The office runs a campaign: a title, an introduction, the dates it is
 * open (Beijing dates, both included), the departments in its scope and up
 * to CAMPAIGN_QUESTIONS questions asked beside the overall level.  While
 * it is open, anyone may rate one of its departments, once a phone number
 * a campaign: the number is proved by an SMS code (verify.c) and its keyed
 * hash is the rating's once_key, "campaign:ID:HASH".
 *
 * Two steps without JavaScript: "send the code" posts the whole
 * questionnaire to /campaign/{id}/code, which sends the code and shows the
 * questionnaire again with everything typed; the rating itself posts it
 * with the code to /campaign/{id}.  Both are rate-limited per address in
 * the route table, and a number gets at most EVAL_CODES_PER_HOUR codes.
 *
 * A campaign that has ratings keeps its departments and questions (the
 * figures would no longer mean one thing); its dates may still move.
 * Every change of the office is audited.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "evaluate.h"
#include "redact.h"

/* Questions a campaign may ask besides the overall level: fields q1..q8. */
#define CAMPAIGN_QUESTIONS	8
/* Characters of one question (eval_campaign_question.text). */
#define CAMPAIGN_QUESTION_LEN	100
/*
 * Departments the office's form lists, each a checkbox of its own (a form
 * may not repeat a name, urlenc.c): d0..d99, value the department's id.
 * A county has a few dozen departments.
 */
#define CAMPAIGN_DEPTS		100
#define CAMPAIGN_DEPTS_SQL	"100"

/* Refused edits and lost races. */
#define CAMPAIGN_LOCKED		"evaluate.campaign.locked"

/* Open or not, for today's Beijing date (two parameters, both today). */
#define CAMPAIGN_STATE_SQL \
	"CASE WHEN ? < c.starts_on THEN 'upcoming' WHEN ? > c.ends_on THEN 'closed' " \
	"ELSE 'open' END AS state"

static const char *const done_words[] = { "rated", "saved", NULL };

static const struct civic_field page_fields[] = {
	{ "done", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, done_words },
	{ NULL, 0, 0, 0, 0, NULL }
};

/*
 * The questionnaire.  Sending the code takes it all, none of it required
 * (it is only shown again), but the phone; the rating requires what
 * eval_form_read() and the campaign's questions ask.
 */
#define CAMPAIGN_RATE_FIELDS(req) \
	{ "department", CIVIC_V_INT, 1, 4294967295LL, req, NULL }, \
	{ "level", CIVIC_V_ENUM, 0, 0, req, eval_levels }, \
	{ "q1", CIVIC_V_ENUM, 0, 0, 0, eval_levels }, \
	{ "q2", CIVIC_V_ENUM, 0, 0, 0, eval_levels }, \
	{ "q3", CIVIC_V_ENUM, 0, 0, 0, eval_levels }, \
	{ "q4", CIVIC_V_ENUM, 0, 0, 0, eval_levels }, \
	{ "q5", CIVIC_V_ENUM, 0, 0, 0, eval_levels }, \
	{ "q6", CIVIC_V_ENUM, 0, 0, 0, eval_levels }, \
	{ "q7", CIVIC_V_ENUM, 0, 0, 0, eval_levels }, \
	{ "q8", CIVIC_V_ENUM, 0, 0, 0, eval_levels }, \
	{ "reason", CIVIC_V_INT, 1, 4294967295LL, 0, NULL }, \
	{ "comment", CIVIC_V_MULTILINE, 1, 500, 0, NULL }, \
	{ "phone", CIVIC_V_MOBILE, 0, 0, CIVIC_F_REQUIRED, NULL }

static const struct civic_field code_fields[] = {
	CAMPAIGN_RATE_FIELDS(0),
	{ "code", CIVIC_V_TEXT, 1, 12, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field rate_fields[] = {
	CAMPAIGN_RATE_FIELDS(CIVIC_F_REQUIRED),
	{ "code", CIVIC_V_TEXT, 1, 12, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

#define CAMPAIGN_DEPT(a, b) { "d" #a #b, CIVIC_V_INT, 1, 4294967295LL, 0, NULL }
#define CAMPAIGN_DEPT10(a) \
	CAMPAIGN_DEPT(a, 0), CAMPAIGN_DEPT(a, 1), CAMPAIGN_DEPT(a, 2), CAMPAIGN_DEPT(a, 3), \
	CAMPAIGN_DEPT(a, 4), CAMPAIGN_DEPT(a, 5), CAMPAIGN_DEPT(a, 6), CAMPAIGN_DEPT(a, 7), \
	CAMPAIGN_DEPT(a, 8), CAMPAIGN_DEPT(a, 9)

static const struct civic_field edit_fields[] = {
	{ "title", CIVIC_V_TEXT, 2, 60, CIVIC_F_REQUIRED, NULL },
	{ "intro", CIVIC_V_MULTILINE, 1, 2000, 0, NULL },
	{ "starts_on", CIVIC_V_DATE, 0, 0, CIVIC_F_REQUIRED, NULL },
	{ "ends_on", CIVIC_V_DATE, 0, 0, CIVIC_F_REQUIRED, NULL },
	/* Lines of at most 100 characters, 8 of them: checked by the handler. */
	{ "questions", CIVIC_V_MULTILINE, 1, CAMPAIGN_QUESTIONS * (CAMPAIGN_QUESTION_LEN + 2),
	    0, NULL },
	CAMPAIGN_DEPT10(), CAMPAIGN_DEPT10(1), CAMPAIGN_DEPT10(2), CAMPAIGN_DEPT10(3),
	CAMPAIGN_DEPT10(4), CAMPAIGN_DEPT10(5), CAMPAIGN_DEPT10(6), CAMPAIGN_DEPT10(7),
	CAMPAIGN_DEPT10(8), CAMPAIGN_DEPT10(9),
	{ NULL, 0, 0, 0, 0, NULL }
};

/* ---------------------------------------------------------------- shared */

/* Today's Beijing date, "YYYY-MM-DD", from the evaluation's clock. */
static void
campaign_today(const struct civic_req *r, char today[CIVIC_CALENDAR_DATE_LEN])
{
	char	 now[CIVIC_CALENDAR_TIME_LEN];

	eval_now(r, now);
	memcpy(today, now, CIVIC_CALENDAR_DATE_LEN - 1);
	today[CIVIC_CALENDAR_DATE_LEN - 1] = '\0';
}

/* What the handlers need to know of the campaign of the path. */
struct campaign_info {
	long long	 id;
	int		 open;		/* open today */
	int		 nquestions;
	char		 today[CIVIC_CALENDAR_DATE_LEN];
};

/*
 * The campaign of the path into c, and when page is set as <campaign>
 * (its introduction masked: staff text, published).  0; 404 when there
 * is no such campaign; the status of a database failure.
 */
static int
campaign_load(struct civic_req *r, struct campaign_info *c, int page)
{
	static const char	 sql[] =
	    "SELECT c.id, c.title, c.intro, c.starts_on, c.ends_on, " CAMPAIGN_STATE_SQL ", "
	    "(SELECT COUNT(*) FROM eval_campaign_question q WHERE q.campaign_id = c.id) "
	    "AS questions FROM eval_campaign c WHERE c.id = ?";
	struct civic_rows	 rows;
	char			*intro;
	const char		*state;
	enum civic_err		 err;
	size_t			 i;
	int			 st = 0;

	memset(c, 0, sizeof(*c));
	c->id = civic_req_seg_int(r, "id");
	campaign_today(r, c->today);
	{
		struct civic_param p[] = { CIVIC_PTEXTN(c->today, strlen(c->today)),
		    CIVIC_PTEXTN(c->today, strlen(c->today)), CIVIC_PINT(c->id) };

		if ((err = civic_db_query(r->db, r->arena, sql, p, CIVIC_NITEMS(p), 1,
		    &rows)) != CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
	}
	if (rows.nrows != 1) {
		st = 404;
		goto out;
	}
	state = civic_rows_get(&rows, 0, "state");
	c->open = state != NULL && strcmp(state, "open") == 0;
	c->nquestions = (int)strtol(civic_rows_get(&rows, 0, "questions"), NULL, 10);
	if (!page)
		goto out;
	/* The introduction is staff text, published: masked as any. */
	for (i = 0; i < rows.ncols; i++)
		if (strcmp(rows.names[i], "intro") == 0 && rows.cell[i] != NULL) {
			if ((intro = civic_redact(r->arena, rows.cell[i], NULL, 0)) == NULL) {
				st = 500;
				goto out;
			}
			rows.cell[i] = intro;
			rows.len[i] = strlen(intro);
		}
	/* The page shows no count: the questions are there. */
	rows.ncols--;
	if (civic_page_rows(r, NULL, "campaign", &rows) == NULL)
		st = 500;
out:
	return st;
}

/*
 * The questionnaire of an open campaign: its departments, its questions
 * (masked: staff text), and the rating form's reasons.
 */
static int
campaign_questionnaire(struct civic_req *r, const struct campaign_info *c)
{
	static const char	 depts[] =
	    "SELECT d.id, d.name FROM eval_campaign_department cd "
	    "JOIN department d ON d.id = cd.department_id WHERE cd.campaign_id = ? "
	    "ORDER BY d.name, d.id";
	static const char	 questions[] =
	    "SELECT no, text FROM eval_campaign_question WHERE campaign_id = ? ORDER BY no";
	struct civic_param	 p[] = { CIVIC_PINT(c->id) };
	struct civic_rows	 rows;
	xmlNodePtr		 list, q;
	const char		*text;
	enum civic_err		 err;
	size_t			 i;
	int			 st;

	if ((st = civic_page_query(r, "departments", "department", depts, p, 1)) != 0)
		goto out;
	if ((err = civic_db_query(r->db, r->arena, questions, p, 1, CAMPAIGN_QUESTIONS,
	    &rows)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if ((list = civic_page_add(r, NULL, "questions", NULL)) == NULL) {
		st = 500;
		goto out;
	}
	for (i = 0; i < rows.nrows; i++) {
		if ((text = civic_redact(r->arena, rows.cell[i * 2 + 1], NULL, 0)) == NULL ||
		    (q = civic_page_add(r, list, "question", text)) == NULL) {
			st = 500;
			goto out;
		}
		civic_page_attr(q, "no", rows.cell[i * 2]);
	}
	st = eval_page_form(r, EVAL_CAMPAIGN);
out:
	return st;
}

/* The campaign's page: the questionnaire while it is open, else what it was. */
static int
campaign_show(struct civic_req *r, struct campaign_info *c)
{
	int	 st;

	if ((st = campaign_load(r, c, 1)) != 0)
		return st;
	if (c->open && (st = campaign_questionnaire(r, c)) != 0)
		return st;
	return 200;
}

/* ---------------------------------------------------------------- public */

/* GET /campaigns: the campaigns open today, then the past ones' titles. */
static int
campaign_list(struct civic_req *r)
{
	static const char	 open[] =
	    "SELECT c.id, c.title, c.starts_on, c.ends_on FROM eval_campaign c "
	    "WHERE c.starts_on <= ? AND c.ends_on >= ? ORDER BY c.ends_on, c.id LIMIT 50";
	static const char	 past[] =
	    "SELECT c.id, c.title, c.starts_on, c.ends_on FROM eval_campaign c "
	    "WHERE c.ends_on < ? ORDER BY c.ends_on DESC, c.id DESC LIMIT 50";
	char			 today[CIVIC_CALENDAR_DATE_LEN];
	struct civic_param	 p[2];
	int			 st;

	campaign_today(r, today);
	p[0] = p[1] = CIVIC_PTEXTN(today, strlen(today));
	if ((st = civic_page_query(r, "open", "campaign", open, p, 2)) != 0 ||
	    (st = civic_page_query(r, "past", "campaign", past, p, 1)) != 0)
		return st;
	return 200;
}

/*
 * GET /campaign/{id} (and /campaign/{id}/code, where a refused "send the
 * code" comes back): the questionnaire, or the page of a campaign that is
 * not open; ?done=rated after a rating.
 */
static int
campaign_page(struct civic_req *r)
{
	struct campaign_info	 c;
	const char		*done = civic_req_value(r, "done");

	if (done != NULL && strcmp(done, "rated") == 0)
		civic_page_message(r, "info", "evaluate.campaign.thanks");
	return campaign_show(r, &c);
}

static int
campaign_show_form(struct civic_req *r, void *arg)
{
	return campaign_show(r, arg);
}

/*
 * POST /campaign/{id}/code: the code to the phone, and the questionnaire
 * again with everything typed.  Not an idempotent change (no redirect to
 * store): a repeated post sends another code, within the hour's bound.
 */
static int
campaign_code(struct civic_req *r)
{
	struct campaign_info	 c;
	const char		*purpose;
	int			 st;

	if ((st = campaign_load(r, &c, 0)) != 0)
		goto out;
	if (!c.open) {
		st = civic_req_refuse(r, NULL, "evaluate.campaign.not-open");
		goto out;
	}
	if ((purpose = civic_arena_printf(r->arena, "campaign:%lld", c.id)) == NULL) {
		st = 500;
		goto out;
	}
	st = eval_verify_code_form(r, purpose, campaign_show_form, &c);
out:
	return st;
}

/* Why a rating did not go through, besides the database. */
enum campaign_why {
	CAMPAIGN_OK,
	CAMPAIGN_BADCODE,	/* wrong, expired or tried too often */
	CAMPAIGN_RATED,		/* this phone has rated in this campaign */
	CAMPAIGN_GONE		/* closed, or the department left it, meanwhile */
};

struct campaign_rate {
	struct civic_req	*r;
	struct campaign_info	*c;
	struct eval_new		 n;
	const char		*purpose;
	int			 answers[CAMPAIGN_QUESTIONS];
	enum campaign_why	 why;
};

static enum civic_err
campaign_rate_tx(void *arg)
{
	/* Shared locks: the office's edit waits for the rating, and the other way. */
	static const char	 scope[] =
	    "SELECT c.id FROM eval_campaign c JOIN eval_campaign_department cd "
	    "ON cd.campaign_id = c.id WHERE c.id = ? AND cd.department_id = ? "
	    "AND c.starts_on <= ? AND c.ends_on >= ? LOCK IN SHARE MODE";
	static const char	 answer[] =
	    "INSERT INTO eval_answer (rating_id, question_no, level) VALUES (?, ?, ?)";
	struct campaign_rate	*a = arg;
	struct civic_req	*r = a->r;
	const char		*today = a->c->today;
	struct civic_rows	 rows;
	enum civic_err		 err;
	int			 i;

	a->why = CAMPAIGN_OK;
	{
		struct civic_param p[] = { CIVIC_PINT(a->c->id), CIVIC_PINT(a->n.department),
		    CIVIC_PTEXTN(today, strlen(today)), CIVIC_PTEXTN(today, strlen(today)) };

		if ((err = civic_db_query(r->db, r->arena, scope, p, CIVIC_NITEMS(p), 1,
		    &rows)) != CIVIC_OK)
			goto out;
	}
	if (rows.nrows != 1) {
		a->why = CAMPAIGN_GONE;
		err = CIVIC_ERR_CONFLICT;
		goto out;
	}
	if ((err = eval_verify_check(r, a->purpose, a->n.phone,
	    civic_req_value(r, "code"))) != CIVIC_OK) {
		if (err == CIVIC_ERR_INVALID)
			a->why = CAMPAIGN_BADCODE;
		goto out;
	}
	if ((err = eval_rating_record(r, &a->n)) != CIVIC_OK) {
		if (err == CIVIC_ERR_DUPLICATE)
			a->why = CAMPAIGN_RATED;
		goto out;
	}
	for (i = 0; i < a->c->nquestions; i++) {
		struct civic_param p[] = { CIVIC_PINT(a->n.id), CIVIC_PINT(i + 1),
		    CIVIC_PINT(a->answers[i]) };

		if ((err = civic_db_exec(r->db, answer, p, CIVIC_NITEMS(p), NULL, NULL)) !=
		    CIVIC_OK)
			goto out;
	}
	if (civic_req_redirect(r, "/campaign/%lld?done=rated", a->c->id) != 303)
		err = CIVIC_ERR_NOMEM;
out:
	return err;
}

/* 1 when the department is one of the campaign's. */
static int
campaign_in_scope(struct civic_req *r, long long campaign, long long department, int *st)
{
	static const char	 sql[] =
	    "SELECT department_id FROM eval_campaign_department "
	    "WHERE campaign_id = ? AND department_id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(campaign), CIVIC_PINT(department) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	*st = 0;
	if ((err = civic_db_query(r->db, r->arena, sql, p, 2, 1, &rows)) != CIVIC_OK) {
		*st = civic_req_status(err);
		return 0;
	}
	return rows.nrows == 1;
}

/*
 * POST /campaign/{id}: the rating.  What the form can be refused for is
 * checked first, the code last: a code is spent only by a rating that is
 * stored.
 */
static int
campaign_rate(struct civic_req *r)
{
	struct campaign_info	 c;
	struct campaign_rate	 a;
	const char		*key;
	char			 name[16];
	enum civic_err		 err;
	int			 i, st;

	if ((st = campaign_load(r, &c, 0)) != 0)
		goto out;
	if (!c.open) {
		st = civic_req_refuse(r, NULL, "evaluate.campaign.not-open");
		goto out;
	}
	memset(&a, 0, sizeof(a));
	a.r = r;
	a.c = &c;
	a.n.kind = EVAL_CAMPAIGN;
	if ((st = eval_form_read(r, &a.n)) != 0)
		goto out;
	for (i = 0; i < c.nquestions && i < CAMPAIGN_QUESTIONS; i++) {
		snprintf(name, sizeof(name), "q%d", i + 1);
		if ((a.answers[i] = (int)civic_req_int(r, name, 0)) == 0) {
			st = civic_req_refuse(r, civic_arena_strdup(r->arena, name),
			    "evaluate.campaign.answer.required");
			goto out;
		}
	}
	a.n.department = civic_req_int(r, "department", 0);
	if (!campaign_in_scope(r, c.id, a.n.department, &st)) {
		if (st == 0)
			st = civic_req_refuse(r, "department", "evaluate.campaign.department.scope");
		goto out;
	}
	a.n.campaign = c.id;
	a.n.phone = civic_req_value(r, "phone");
	if ((key = eval_phone_key(r, a.n.phone)) == NULL ||
	    (a.n.once = civic_arena_printf(r->arena, "campaign:%lld:%s", c.id, key)) == NULL ||
	    (a.purpose = civic_arena_printf(r->arena, "campaign:%lld", c.id)) == NULL) {
		st = 500;
		goto out;
	}
	err = civic_req_tx(r, campaign_rate_tx, &a);
	switch (a.why) {
	case CAMPAIGN_BADCODE:
		if ((err = eval_verify_count(r, a.purpose, a.n.phone)) != CIVIC_OK) {
			st = civic_req_status(err);
			goto out;
		}
		st = civic_req_refuse(r, "code", "evaluate.code.wrong");
		break;
	case CAMPAIGN_RATED:
		st = civic_req_refuse(r, "phone", "evaluate.campaign.rated");
		break;
	case CAMPAIGN_GONE:
		st = civic_req_refuse(r, NULL, "evaluate.campaign.changed");
		break;
	default:
		st = civic_req_done(r, err, NULL);
		break;
	}
out:
	return st;
}

/* ---------------------------------------------------------------- office */

/* GET /office/campaigns: every campaign, newest first, with its ratings. */
static int
campaign_office_list(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT c.id, c.title, c.starts_on, c.ends_on, " CAMPAIGN_STATE_SQL ", "
	    "(SELECT COUNT(*) FROM eval_rating e WHERE e.campaign_id = c.id) AS ratings, "
	    "(SELECT COUNT(*) FROM eval_rating e WHERE e.campaign_id = c.id "
	    "AND e.excluded = 0 AND e.level <= ?) AS bad, "
	    "(SELECT COUNT(*) FROM eval_campaign_department cd WHERE cd.campaign_id = c.id) "
	    "AS departments FROM eval_campaign c ORDER BY c.starts_on DESC, c.id DESC LIMIT 200";
	char			 today[CIVIC_CALENDAR_DATE_LEN];
	struct civic_param	 p[3];
	int			 st;

	campaign_today(r, today);
	p[0] = p[1] = CIVIC_PTEXTN(today, strlen(today));
	p[2] = CIVIC_PINT(EVAL_BAD_LEVEL);
	if ((st = civic_page_query(r, "campaigns", "campaign", sql, p, 3)) != 0)
		return st;
	return 200;
}

/* Every department, in the order of the form's checkboxes d0, d1, …. */
static const char campaign_all_depts[] =
    "SELECT id, name FROM department ORDER BY id LIMIT " CAMPAIGN_DEPTS_SQL;

/* GET /office/campaigns/new: the empty form, with every department. */
static int
campaign_office_new(struct civic_req *r)
{
	int	 st;

	if ((st = civic_page_query(r, "departments", "department", campaign_all_depts, NULL,
	    0)) != 0)
		return st;
	return 200;
}

/*
 * GET /office/campaigns/{id}: the form filled from what is stored (a
 * refused form shows what was typed instead: civic_page_value), with
 * every department, ticked when in the campaign, and whether it has
 * ratings (then departments and questions are fixed).
 */
static int
campaign_office_edit(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT c.id, c.title, c.intro, c.starts_on, c.ends_on, "
	    "(SELECT COUNT(*) FROM eval_rating e WHERE e.campaign_id = c.id) AS ratings "
	    "FROM eval_campaign c WHERE c.id = ?";
	/* Not GROUP_CONCAT: its 1024 bytes would cut eight long questions. */
	static const char	 questions[] =
	    "SELECT text FROM eval_campaign_question WHERE campaign_id = ? ORDER BY no";
	static const char	 depts[] =
	    "SELECT d.id, d.name, (cd.department_id IS NOT NULL) AS chosen FROM department d "
	    "LEFT JOIN eval_campaign_department cd ON cd.department_id = d.id "
	    "AND cd.campaign_id = ? ORDER BY d.id LIMIT " CAMPAIGN_DEPTS_SQL;
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	const char		*done = civic_req_value(r, "done");
	struct civic_rows	 rows, d, q;
	const char		*text;
	xmlNodePtr		 list;
	enum civic_err		 err;
	char			 name[24];
	size_t			 i;
	int			 st;

	if ((st = civic_page_one(r, "campaign", sql, p, 1, &rows)) != 0)
		return st;
	civic_page_value(r, "title", civic_rows_get(&rows, 0, "title"));
	civic_page_value(r, "intro", civic_rows_get(&rows, 0, "intro"));
	civic_page_value(r, "starts_on", civic_rows_get(&rows, 0, "starts_on"));
	civic_page_value(r, "ends_on", civic_rows_get(&rows, 0, "ends_on"));
	if ((err = civic_db_query(r->db, r->arena, questions, p, 1, CAMPAIGN_QUESTIONS, &q)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	for (i = 0, text = NULL; i < q.nrows; i++)
		if ((text = text == NULL ? civic_arena_strdup(r->arena, q.cell[i]) :
		    civic_arena_printf(r->arena, "%s\n%s", text, q.cell[i])) == NULL)
			return 500;
	civic_page_value(r, "questions", text);
	if ((err = civic_db_query(r->db, r->arena, depts, p, 1, CAMPAIGN_DEPTS, &d)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	if ((list = civic_page_add(r, NULL, "departments", NULL)) == NULL)
		return 500;
	for (i = 0; i < d.nrows; i++) {
		xmlNodePtr e = civic_page_add(r, list, "department", NULL);

		if (e == NULL || civic_page_add(r, e, "id", d.cell[i * 3]) == NULL ||
		    civic_page_add(r, e, "name", d.cell[i * 3 + 1]) == NULL)
			return 500;
		if (strcmp(d.cell[i * 3 + 2], "1") == 0) {
			snprintf(name, sizeof(name), "d%zu", i);
			civic_page_value(r, civic_arena_strdup(r->arena, name), d.cell[i * 3]);
		}
	}
	if (done != NULL && strcmp(done, "saved") == 0)
		civic_page_message(r, "info", "evaluate.campaign.saved");
	return 200;
}

/* A campaign as the office's form gives it. */
struct campaign_edit {
	struct civic_req	*r;
	long long		 orig;		/* the campaign edited, 0: a new one */
	long long		 id;		/* the campaign written */
	const char		*title, *intro, *starts, *ends;
	long long		 depts[CAMPAIGN_DEPTS];
	size_t			 ndepts;
	const char		*questions[CAMPAIGN_QUESTIONS];
	size_t			 nquestions;
	int			 locked;	/* refused: it has ratings */
	int			 stale;		/* a department is gone */
};

/* Characters (not bytes) of UTF-8 s[0..len). */
static size_t
campaign_chars(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/*
 * The questions of the form, one a line, blank lines skipped.  0, or the
 * status of the refusal.
 */
static int
campaign_read_questions(struct civic_req *r, struct campaign_edit *e)
{
	const char	*s = civic_req_value(r, "questions"), *end;
	size_t		 len;
	char		*q;

	e->nquestions = 0;
	while (s != NULL && *s != '\0') {
		if ((end = strchr(s, '\n')) == NULL)
			end = s + strlen(s);
		/* Trimmed like any field: spaces, tabs and the ideographic space. */
		while (s < end && (*s == ' ' || *s == '\t' || (end - s >= 3 &&
		    memcmp(s, "\xe3\x80\x80", 3) == 0)))
			s += *s == ' ' || *s == '\t' ? 1 : 3;
		len = (size_t)(end - s);
		while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || (len >= 3 &&
		    memcmp(s + len - 3, "\xe3\x80\x80", 3) == 0)))
			len -= s[len - 1] == ' ' || s[len - 1] == '\t' ? 1 : 3;
		if (len > 0) {
			if (e->nquestions == CAMPAIGN_QUESTIONS)
				return civic_req_refuse(r, "questions",
				    "evaluate.campaign.questions.many");
			if (campaign_chars(s, len) > CAMPAIGN_QUESTION_LEN)
				return civic_req_refuse(r, "questions",
				    "evaluate.campaign.questions.long");
			if ((q = civic_arena_alloc(r->arena, len + 1)) == NULL)
				return 500;
			memcpy(q, s, len);
			q[len] = '\0';
			e->questions[e->nquestions++] = q;
		}
		s = *end == '\n' ? end + 1 : end;
	}
	return 0;
}

/* The form's fields into e, refused when they don't make a campaign. */
static int
campaign_read(struct civic_req *r, struct campaign_edit *e)
{
	char		 name[24];
	long long	 d;
	size_t		 i, j;
	int		 st;

	e->r = r;
	e->title = civic_req_value(r, "title");
	e->intro = civic_req_value(r, "intro");
	e->starts = civic_req_value(r, "starts_on");
	e->ends = civic_req_value(r, "ends_on");
	/* YYYY-MM-DD: the text's order is the dates'. */
	if (strcmp(e->ends, e->starts) < 0)
		return civic_req_refuse(r, "ends_on", "evaluate.campaign.dates");
	e->ndepts = 0;
	for (i = 0; i < CAMPAIGN_DEPTS; i++) {
		snprintf(name, sizeof(name), "d%zu", i);
		if ((d = civic_req_int(r, name, 0)) <= 0)
			continue;
		for (j = 0; j < e->ndepts && e->depts[j] != d; j++)
			;
		if (j == e->ndepts)
			e->depts[e->ndepts++] = d;
	}
	if (e->ndepts == 0)
		return civic_req_refuse(r, "departments", "evaluate.campaign.departments.none");
	if ((st = campaign_read_questions(r, e)) != 0)
		return st;
	return 0;
}

static int
campaign_cmp_id(const void *a, const void *b)
{
	long long	 x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/*
 * 1 when the stored departments and questions of e->id are what e has:
 * the check before an edit of a campaign that has ratings.
 */
static enum civic_err
campaign_same(struct campaign_edit *e, int *same)
{
	static const char	 depts[] =
	    "SELECT department_id FROM eval_campaign_department WHERE campaign_id = ? "
	    "ORDER BY department_id";
	static const char	 questions[] =
	    "SELECT text FROM eval_campaign_question WHERE campaign_id = ? ORDER BY no";
	struct civic_req	*r = e->r;
	struct civic_param	 p[] = { CIVIC_PINT(e->id) };
	struct civic_rows	 rows;
	long long		 sorted[CAMPAIGN_DEPTS];
	enum civic_err		 err;
	size_t			 i;

	*same = 0;
	memcpy(sorted, e->depts, e->ndepts * sizeof(sorted[0]));
	qsort(sorted, e->ndepts, sizeof(sorted[0]), campaign_cmp_id);
	if ((err = civic_db_query(r->db, r->arena, depts, p, 1, CIVIC_MAX_ROWS, &rows)) !=
	    CIVIC_OK)
		goto out;
	if (rows.nrows != e->ndepts)
		goto out;
	for (i = 0; i < rows.nrows; i++)
		if (strtoll(rows.cell[i], NULL, 10) != sorted[i])
			goto out;
	if ((err = civic_db_query(r->db, r->arena, questions, p, 1, CIVIC_MAX_ROWS, &rows)) !=
	    CIVIC_OK)
		goto out;
	if (rows.nrows != e->nquestions)
		goto out;
	for (i = 0; i < rows.nrows; i++)
		if (strcmp(rows.cell[i], e->questions[i]) != 0)
			goto out;
	*same = 1;
out:
	return err;
}

/* The departments and the questions of e->id, replaced by e's. */
static enum civic_err
campaign_write_parts(struct campaign_edit *e)
{
	static const char	 deldepts[] =
	    "DELETE FROM eval_campaign_department WHERE campaign_id = ?";
	static const char	 delquestions[] =
	    "DELETE FROM eval_campaign_question WHERE campaign_id = ?";
	/* Nothing inserted for a department that is not (any more): stale. */
	static const char	 dept[] =
	    "INSERT INTO eval_campaign_department (campaign_id, department_id) "
	    "SELECT ?, id FROM department WHERE id = ?";
	static const char	 question[] =
	    "INSERT INTO eval_campaign_question (campaign_id, no, text) VALUES (?, ?, ?)";
	struct civic_req	*r = e->r;
	struct civic_param	 p[] = { CIVIC_PINT(e->id) };
	enum civic_err		 err;
	size_t			 i;

	if ((err = civic_db_exec(r->db, deldepts, p, 1, NULL, NULL)) != CIVIC_OK ||
	    (err = civic_db_exec(r->db, delquestions, p, 1, NULL, NULL)) != CIVIC_OK)
		goto out;
	for (i = 0; i < e->ndepts; i++) {
		struct civic_param q[] = { CIVIC_PINT(e->id), CIVIC_PINT(e->depts[i]) };

		if ((err = civic_db_change(r->db, dept, q, 2)) != CIVIC_OK) {
			if (err == CIVIC_ERR_CONFLICT)
				e->stale = 1;
			goto out;
		}
	}
	for (i = 0; i < e->nquestions; i++) {
		struct civic_param q[] = { CIVIC_PINT(e->id), CIVIC_PINT(i + 1),
		    CIVIC_PTEXT(e->questions[i]) };

		if ((err = civic_db_exec(r->db, question, q, CIVIC_NITEMS(q), NULL, NULL)) !=
		    CIVIC_OK)
			goto out;
	}
out:
	return err;
}

/* The audit's detail of a campaign: its dates, departments and questions. */
static const char *
campaign_detail(struct campaign_edit *e)
{
	char	 ids[CAMPAIGN_DEPTS * 12];
	size_t	 i, n = 0;

	ids[0] = '\0';
	for (i = 0; i < e->ndepts && n < sizeof(ids); i++)
		n += (size_t)snprintf(ids + n, sizeof(ids) - n, "%s%lld", i > 0 ? "," : "",
		    e->depts[i]);
	return civic_arena_printf(e->r->arena, "%.60s; %s..%s; departments %s; %zu questions",
	    e->title, e->starts, e->ends, ids, e->nquestions);
}

static enum civic_err
campaign_save_tx(void *arg)
{
	static const char	 insert[] =
	    "INSERT INTO eval_campaign (title, intro, starts_on, ends_on, created_by, created_at) "
	    "VALUES (?, ?, ?, ?, ?, NOW())";
	/* The row locked: a first rating waits, and so does another edit. */
	static const char	 lock[] =
	    "SELECT (SELECT COUNT(*) FROM eval_rating e WHERE e.campaign_id = c.id) "
	    "FROM eval_campaign c WHERE c.id = ? FOR UPDATE";
	static const char	 update[] =
	    "UPDATE eval_campaign SET title = ?, intro = ?, starts_on = ?, ends_on = ? "
	    "WHERE id = ?";
	struct campaign_edit	*e = arg;
	struct civic_req	*r = e->r;
	struct civic_rows	 rows;
	unsigned long long	 id;
	const char		*oid, *detail;
	enum civic_err		 err;
	int			 same = 0, rated;

	e->locked = e->stale = 0;
	e->id = e->orig;
	if (e->orig == 0) {
		struct civic_param p[] = { CIVIC_PTEXT(e->title), CIVIC_PTEXT(e->intro),
		    CIVIC_PTEXT(e->starts), CIVIC_PTEXT(e->ends), CIVIC_PINT(r->staff->id) };

		if ((err = civic_db_exec(r->db, insert, p, CIVIC_NITEMS(p), NULL, &id)) !=
		    CIVIC_OK)
			goto out;
		e->id = (long long)id;
		if ((err = campaign_write_parts(e)) != CIVIC_OK)
			goto out;
	} else {
		struct civic_param p[] = { CIVIC_PINT(e->id) };

		if ((err = civic_db_query(r->db, r->arena, lock, p, 1, 1, &rows)) != CIVIC_OK)
			goto out;
		if (rows.nrows != 1) {
			err = CIVIC_ERR_NOTFOUND;
			goto out;
		}
		rated = strcmp(rows.cell[0], "0") != 0;
		if ((err = campaign_same(e, &same)) != CIVIC_OK)
			goto out;
		/* The figures of the ratings given must keep meaning one thing. */
		if (!same && rated) {
			e->locked = 1;
			err = CIVIC_ERR_CONFLICT;
			goto out;
		}
		{
			struct civic_param u[] = { CIVIC_PTEXT(e->title), CIVIC_PTEXT(e->intro),
			    CIVIC_PTEXT(e->starts), CIVIC_PTEXT(e->ends), CIVIC_PINT(e->id) };

			if ((err = civic_db_exec(r->db, update, u, CIVIC_NITEMS(u), NULL,
			    NULL)) != CIVIC_OK)
				goto out;
		}
		if (!same && (err = campaign_write_parts(e)) != CIVIC_OK)
			goto out;
	}
	if ((oid = civic_arena_printf(r->arena, "%lld", e->id)) == NULL ||
	    (detail = campaign_detail(e)) == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	if ((err = civic_audit(r, e->orig == 0 ? "evaluate.campaign.create" :
	    "evaluate.campaign.update", "eval_campaign", oid, detail)) != CIVIC_OK)
		goto out;
	if (civic_req_redirect(r, "/office/campaigns/%lld?done=saved", e->id) != 303)
		err = CIVIC_ERR_NOMEM;
out:
	return err;
}

static int
campaign_office_save(struct civic_req *r, long long id)
{
	struct campaign_edit	 e;
	enum civic_err		 err;
	int			 st;

	memset(&e, 0, sizeof(e));
	if ((st = campaign_read(r, &e)) != 0)
		goto out;
	e.orig = id;
	err = civic_req_tx(r, campaign_save_tx, &e);
	if (e.locked)
		st = civic_req_refuse(r, NULL, CAMPAIGN_LOCKED);
	else if (e.stale)
		st = civic_req_refuse(r, "departments", "evaluate.campaign.departments.stale");
	else
		st = civic_req_done(r, err, NULL);
out:
	return st;
}

/* POST /office/campaigns/new */
static int
campaign_office_create(struct civic_req *r)
{
	return campaign_office_save(r, 0);
}

/* POST /office/campaigns/{id}: dates always; departments and questions while unrated. */
static int
campaign_office_update(struct civic_req *r)
{
	int	 st;

	if ((st = civic_req_exists(r, "SELECT id FROM eval_campaign WHERE id = ?")) != 0)
		return st;
	return campaign_office_save(r, civic_req_seg_int(r, "id"));
}

const struct civic_route eval_campaign_routes[] = {
	{ .method = "GET", .pattern = "/campaigns", .view = "campaign-list",
	    .handler = campaign_list },
	{ .method = "GET", .pattern = "/campaign/{id:int}", .view = "campaign",
	    .handler = campaign_page, .fields = page_fields },
	{ .method = "POST", .pattern = "/campaign/{id:int}", .view = "campaign",
	    .handler = campaign_rate, .fields = rate_fields, .flags = CIVIC_R_STATE,
	    .rate = { "evaluate.campaign.rate", 30, 3600 } },
	{ .method = "GET", .pattern = "/campaign/{id:int}/code", .view = "campaign",
	    .handler = campaign_page, .fields = page_fields },
	{ .method = "POST", .pattern = "/campaign/{id:int}/code", .view = "campaign",
	    .handler = campaign_code, .fields = code_fields, .flags = CIVIC_R_CSRF,
	    .rate = { "evaluate.campaign.code", 20, 3600 } },
	{ .method = "GET", .pattern = "/office/campaigns", .view = "office-campaigns",
	    .handler = campaign_office_list, .roles = CIVIC_ROLE_OFFICE },
	{ .method = "GET", .pattern = "/office/campaigns/new", .view = "office-campaign",
	    .handler = campaign_office_new, .roles = CIVIC_ROLE_OFFICE },
	{ .method = "POST", .pattern = "/office/campaigns/new", .view = "office-campaign",
	    .handler = campaign_office_create, .fields = edit_fields, .flags = CIVIC_R_STATE,
	    .roles = CIVIC_ROLE_OFFICE },
	{ .method = "GET", .pattern = "/office/campaigns/{id:int}", .view = "office-campaign",
	    .handler = campaign_office_edit, .fields = page_fields,
	    .roles = CIVIC_ROLE_OFFICE },
	{ .method = "POST", .pattern = "/office/campaigns/{id:int}",
	    .view = "office-campaign", .handler = campaign_office_update,
	    .fields = edit_fields, .flags = CIVIC_R_STATE, .roles = CIVIC_ROLE_OFFICE },
};
const size_t eval_campaign_nroutes = CIVIC_NITEMS(eval_campaign_routes);
