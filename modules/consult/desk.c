/*
 * desk.c: a clerk's desk (consult.h, doc/consult-desk.md): duty, the
 * clerk's own questions, the area's queue and what was dispatched to the
 * department, one question with its whole thread, and the actions on it;
 * the department's canned answers and its listing as an area.
 *
 * Every action is one transaction: a conditional UPDATE of the question
 * (WHERE it is in the state the form was shown for), its affected rows
 * checked, then the thread's row and the audit row.  Zero rows means
 * someone acted first: the clerk sees the question again with a message
 * saying so.  Each action's path has a GET twin showing the question, so
 * that a refused form comes back with what was typed.
 *
 * The route table's scope lets a clerk reach a question of the area's
 * department or of the department it was dispatched to; the office and
 * supervisors reach all, supervisors only to read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consult.h"
#include "rating.h"
#include "worker.h"

#define DESK_ROLES	(CIVIC_ROLE_CLERK | CIVIC_ROLE_OFFICE)
#define DESK_READERS	(DESK_ROLES | CIVIC_ROLE_SUPERVISOR)

/* The departments a question is visible to: its area's, and where it was dispatched. */
#define DESK_SCOPE \
	"SELECT d.id FROM consult_question q JOIN department d " \
	"ON d.id IN (q.area_id, q.dispatch_department_id) WHERE q.id = ?"

/* A list of questions as the desk shows them; the light's parameters come first. */
#define DESK_LIST \
	"SELECT q.id, q.tracking_no AS no, q.subject, d.name AS area, q.state, " \
	CONSULT_TIME("q.asked_at") " AS asked, s.staff_no, x.name AS dispatched, " \
	CONSULT_LIGHT_SQL("q") " AS light " \
	"FROM consult_question q JOIN department d ON d.id = q.area_id " \
	"LEFT JOIN staff s ON s.id = q.assigned_to " \
	"LEFT JOIN department x ON x.id = q.dispatch_department_id "

static const char *const duty_states[] = { "on", "away", NULL };
static const char *const yes[] = { "1", NULL };

static const struct civic_field duty_fields[] = {
	{ "state", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, duty_states },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field question_get_fields[] = {
	{ "canned", CIVIC_V_INT, 1, 4294967295LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field text_fields[] = {
	{ "body", CIVIC_V_MULTILINE, 2, 3000, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field transfer_fields[] = {
	{ "area", CIVIC_V_INT, 1, 4294967295LL, CIVIC_F_REQUIRED, NULL },
	{ "note", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field dispatch_fields[] = {
	{ "department", CIVIC_V_INT, 1, 4294967295LL, CIVIC_F_REQUIRED, NULL },
	{ "note", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field canned_fields[] = {
	{ "title", CIVIC_V_TEXT, 2, 40, CIVIC_F_REQUIRED, NULL },
	{ "body", CIVIC_V_MULTILINE, 2, 3000, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field area_fields[] = {
	{ "listed", CIVIC_V_ENUM, 0, 0, 0, yes },
	{ "intro", CIVIC_V_TEXT, 1, 200, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* The light's parameters: now, CONSULT_LIGHT_NPARAMS times. */
static void
desk_light_params(struct civic_param *p, const char *now)
{
	size_t	 i;

	for (i = 0; i < CONSULT_LIGHT_NPARAMS; i++)
		p[i] = CIVIC_PTEXTN(now, strlen(now));
}

/* One list of the desk: DESK_LIST with a WHERE on one id (the staff's or department's). */
static int
desk_list(struct civic_req *r, const char *wrapper, const char *sql, const char *now,
    long long id)
{
	struct civic_param	 p[CONSULT_LIGHT_NPARAMS + 1];

	desk_light_params(p, now);
	p[CONSULT_LIGHT_NPARAMS] = CIVIC_PINT(id);
	return civic_page_query(r, wrapper, "question", sql, p, CIVIC_NITEMS(p));
}

/* <duty state="" on="" window=""/>: what the clerk set today, and what that makes. */
static int
desk_duty_page(struct civic_req *r, civic_time now)
{
	static const char	 sql[] =
	    "SELECT s.on_duty, d.state, DATE_FORMAT(d.state_day, '%Y-%m-%d') AS state_day "
	    "FROM staff s LEFT JOIN consult_duty d ON d.staff_id = s.id WHERE s.id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(r->staff->id) };
	struct civic_rows	 rows;
	char			 today[CIVIC_CALENDAR_DATE_LEN];
	const char		*state, *day;
	xmlNodePtr		 e;
	enum civic_err		 err;
	int			 open, on;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK ||
	    rows.nrows != 1)
		return err != CIVIC_OK ? civic_req_status(err) : 404;
	if ((open = consult_open(r, now, &err)) < 0)
		return civic_req_status(err);
	state = civic_rows_get(&rows, 0, "state");
	day = civic_rows_get(&rows, 0, "state_day");
	on = consult_on_duty(r, now, civic_rows_get(&rows, 0, "on_duty"), state, day);
	civic_calendar_format_date(civic_calendar_day_of(now), today);
	e = civic_page_add(r, NULL, "duty", NULL);
	civic_page_attr(e, "state", day != NULL && strcmp(day, today) == 0 ? state : NULL);
	civic_page_attr(e, "hours", civic_rows_get(&rows, 0, "on_duty"));
	civic_page_attr(e, "on", on ? "1" : "0");
	civic_page_attr(e, "window", open ? "open" : "closed");
	return 0;
}

/*
 * GET /desk: duty, the clerk's own questions, the area's queue, what was
 * dispatched to the department, and the clerk's figures.
 */
static int
desk_home(struct civic_req *r)
{
	static const char	 mine[] = DESK_LIST
	    "WHERE q.assigned_to = ? AND q.state <> 'closed' ORDER BY q.id LIMIT 200";
	static const char	 queue[] = DESK_LIST
	    "WHERE q.area_id = ? AND q.assigned_to IS NULL AND q.state = 'open' "
	    "ORDER BY q.id LIMIT 200";
	static const char	 dispatched[] = DESK_LIST
	    "WHERE q.dispatch_department_id = ? AND q.state <> 'closed' "
	    "ORDER BY q.id LIMIT 200";
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	civic_time		 t = consult_now(r, now);
	int			 st;

	if ((st = desk_duty_page(r, t)) != 0 ||
	    (st = desk_list(r, "mine", mine, now, r->staff->id)) != 0 ||
	    (st = desk_list(r, "queue", queue, now, r->staff->department)) != 0 ||
	    (st = desk_list(r, "dispatched", dispatched, now, r->staff->department)) != 0 ||
	    (st = consult_page_figures(r, "clerk", r->staff->id, NULL, NULL)) != 0)
		return st;
	return 200;
}

/*
 * A setting of the clerk's or the department's (duty, canned answers, the
 * listing): one statement, its audit row (detail: the field of that name),
 * and back to the page it was set on.
 */
struct desk_setting {
	struct civic_req	*r;
	const char		*sql;
	const struct civic_param *p;
	size_t			 np;
	const char		*action;
	const char		*object;	/* the audit's object type */
	const char		*detail;	/* the field the audit row quotes, or NULL */
	const char		*back;		/* the page, under the mount */
};

static enum civic_err
desk_setting_tx(void *arg)
{
	struct desk_setting	*c = arg;
	enum civic_err		 err;

	if ((err = civic_db_exec(c->r->db, c->sql, c->p, c->np, NULL, NULL)) != CIVIC_OK ||
	    (err = civic_audit(c->r, c->action, c->object, NULL, c->detail != NULL ?
	    civic_req_value(c->r, c->detail) : NULL)) != CIVIC_OK)
		return err;
	return civic_req_redirect(c->r, "%s", c->back) == 303 ? CIVIC_OK : CIVIC_ERR_NOMEM;
}

static int
desk_set(struct civic_req *r, const char *sql, const struct civic_param *p, size_t np,
    const char *action, const char *object, const char *detail, const char *back)
{
	struct desk_setting	 c = { r, sql, p, np, action, object, detail, back };

	return civic_req_done(r, civic_req_tx(r, desk_setting_tx, &c), NULL);
}

/* POST /desk/duty: on duty or away, for today. */
static int
desk_duty(struct civic_req *r)
{
	static const char	 sql[] =
	    "INSERT INTO consult_duty (staff_id, state, state_day) VALUES (?, ?, ?) "
	    "ON DUPLICATE KEY UPDATE state = VALUES(state), state_day = VALUES(state_day)";
	char			 now[CIVIC_CALENDAR_TIME_LEN], today[CIVIC_CALENDAR_DATE_LEN];
	struct civic_param	 p[] = { CIVIC_PINT(r->staff->id),
				    CIVIC_PTEXT(civic_req_value(r, "state")),
				    CIVIC_PTEXT(civic_calendar_format_date(
				    civic_calendar_day_of(consult_now(r, now)), today)) };

	return desk_set(r, sql, p, CIVIC_NITEMS(p), "consult.duty", "consult_duty", "state",
	    "/desk");
}

/* ---------------------------------------------------------------- question */

/*
 * GET /desk/q/{id} (and its forms' twins): the question with the
 * citizen's contact (to call back), its times, the whole thread, and
 * what the forms choose from; ?canned= fills the answer with a canned one.
 */
static int
desk_question(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT q.id, q.tracking_no AS no, q.subject, q.body, q.name, q.phone, q.state, "
	    "q.area_id, d.name AS area, q.dispatch_department_id AS dispatch_id, "
	    "x.name AS dispatched, q.assigned_to, s.staff_no, s.name AS staff_name, "
	    CONSULT_TIME("q.asked_at") " AS asked, " CONSULT_TIME("q.assigned_at")
	    " AS assigned, " CONSULT_TIME("q.first_response_at") " AS first_response, "
	    CONSULT_TIME("q.answered_at") " AS answered, " CONSULT_TIME("q.closed_at")
	    " AS closed, " CONSULT_TIME("q.first_due_at") " AS first_due, "
	    CONSULT_TIME("q.due_at") " AS due, q.offhours, " CONSULT_TIME("q.promise_at")
	    " AS promise, q.published, " CONSULT_LIGHT_SQL("q") " AS light "
	    "FROM consult_question q JOIN department d ON d.id = q.area_id "
	    "LEFT JOIN department x ON x.id = q.dispatch_department_id "
	    "LEFT JOIN staff s ON s.id = q.assigned_to WHERE q.id = ?";
	static const char	 thread[] =
	    "SELECT m.id, m.kind, " CONSULT_TIME("m.at") " AS at, m.body, s.staff_no, "
	    "s.name AS staff_name, d.name AS department FROM consult_message m "
	    "LEFT JOIN staff s ON s.id = m.staff_id "
	    "LEFT JOIN department d ON d.id = m.department_id "
	    "WHERE m.question_id = ? ORDER BY m.id LIMIT 500";
	static const char	 depts[] = "SELECT id, name FROM department ORDER BY code";
	static const char	 canned[] =
	    "SELECT id, title FROM consult_canned WHERE department_id = ? ORDER BY title";
	static const char	 one_canned[] =
	    "SELECT body FROM consult_canned WHERE id = ? AND department_id = ?";
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	struct civic_param	 p[CONSULT_LIGHT_NPARAMS + 1];
	struct civic_param	 pid[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	struct civic_param	 pd[] = { CIVIC_PINT(r->staff->department) };
	struct civic_param	 pc[] = { CIVIC_PINT(civic_req_int(r, "canned", 0)),
				    CIVIC_PINT(r->staff->department) };
	struct civic_rows	 rows, q;
	int			 st;

	consult_now(r, now);
	desk_light_params(p, now);
	p[CONSULT_LIGHT_NPARAMS] = pid[0];
	/* The citizen's rating once given; its link is the citizen's (not "handled" here). */
	if ((st = civic_page_one(r, "question", sql, p, CIVIC_NITEMS(p), &q)) != 0 ||
	    (st = eval_page_case(r, NULL, EVAL_QUESTION, civic_req_seg_int(r, "id"),
	    civic_rows_get(&q, 0, "no"), 0)) != 0 ||
	    (st = civic_page_query(r, "thread", "message", thread, pid, 1)) != 0 ||
	    (st = consult_page_areas(r)) != 0 ||
	    (st = civic_page_query(r, "departments", "department", depts, NULL, 0)) != 0 ||
	    (st = civic_page_query(r, "canned", "answer", canned, pd, 1)) != 0)
		return st;
	if (civic_req_value(r, "canned") != NULL) {
		enum civic_err err = civic_db_query(r->db, r->arena, one_canned, pc, 2, 1, &rows);

		if (err != CIVIC_OK)
			return civic_req_status(err);
		if (rows.nrows == 1)
			civic_page_value(r, "body", rows.cell[0]);
	}
	return 200;
}

/* What an action does: its UPDATE, the thread's row, and what follows. */
struct desk_act {
	struct civic_req	*r;
	long long		 id;
	const char		*sql;		/* conditional UPDATE, or NULL */
	struct civic_param	 p[4];		/* its parameters */
	size_t			 np;
	const char		*kind;		/* the thread's row */
	long long		 dept;		/* its department */
	const char		*body;
	const char		*action;	/* the audit's */
	const char		*tell;		/* an SMS template, or NULL */
	long long		 assign;	/* an area to assign afresh in, or 0 */
};

/*
 * The citizen is told by SMS (template tell, the answer's), with the
 * number, the subject and the link to rate the answer (rating.h).
 */
static enum civic_err
desk_tell(struct civic_req *r, long long id, const char *tell)
{
	static const char	 sql[] =
	    "SELECT tracking_no, subject, phone FROM consult_question WHERE id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 rows;
	const char		*rate;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK)
		goto out;
	if (rows.nrows != 1) {
		err = CIVIC_ERR_NOTFOUND;
		goto out;
	}
	if ((rate = eval_case_url(r, rows.cell[0])) == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	{
		struct civic_notify_param np[] = { { "no", rows.cell[0] },
		    { "subject", rows.cell[1] }, { "rate", rate } };

		/* The citizen's language is not asked for: the site's. */
		err = civic_notify_enqueue(r->db, r->arena, CIVIC_NOTIFY_SMS, rows.cell[2],
		    tell, civic_config_get(r->worker->cfg, "site.language"), np,
		    CIVIC_NITEMS(np));
	}
out:
	return err;
}

static enum civic_err
desk_act_tx(void *arg)
{
	struct desk_act		*a = arg;
	struct civic_req	*r = a->r;
	const char		*staff_no;
	enum civic_err		 err;

	if (a->sql != NULL && (err = civic_db_change(r->db, a->sql, a->p, a->np)) != CIVIC_OK)
		goto out;
	if ((err = consult_message(r, a->id, a->kind, 0, a->dept, a->body)) != CIVIC_OK ||
	    (a->assign > 0 && (err = consult_assign(r, a->id, a->assign, &staff_no)) !=
	    CIVIC_OK) ||
	    (a->tell != NULL && (err = desk_tell(r, a->id, a->tell)) != CIVIC_OK) ||
	    (err = consult_done(r, a->id, a->action, a->body)) != CIVIC_OK)
		goto out;
	/* A question moved to another area may be out of this clerk's reach now. */
	if (a->assign > 0 && civic_req_redirect(r, "/desk") != 303)
		err = CIVIC_ERR_NOMEM;
out:
	return err;
}

static int
desk_run(struct civic_req *r, struct desk_act *a)
{
	int	 st;

	a->r = r;
	a->id = civic_req_seg_int(r, "id");
	if ((st = civic_req_exists(r, "SELECT id FROM consult_question WHERE id = ?")) != 0)
		return st;
	/* The question's id is every UPDATE's last parameter. */
	if (a->sql != NULL)
		a->p[a->np++] = CIVIC_PINT(a->id);
	return civic_req_done(r, civic_req_tx(r, desk_act_tx, a), CONSULT_CONFLICT);
}

/* POST /desk/q/{id}/claim: a queued question becomes this clerk's. */
static int
desk_claim(struct civic_req *r)
{
	struct desk_act	 a = { .sql = "UPDATE consult_question SET assigned_to = ?, "
			    "assigned_at = NOW() WHERE id = ? AND assigned_to IS NULL "
			    "AND state <> 'closed'",
			    .kind = "claim", .action = "consult.claim" };

	a.p[a.np++] = CIVIC_PINT(r->staff->id);
	return desk_run(r, &a);
}

/*
 * The answer, or a call's summary: the first sets the first response, and
 * an unassigned question becomes the clerk's.
 */
#define DESK_ANSWER_SQL \
	"UPDATE consult_question SET state = 'answered', " \
	"answered_at = COALESCE(answered_at, NOW()), " \
	"first_response_at = COALESCE(first_response_at, NOW()), " \
	"assigned_at = COALESCE(assigned_at, NOW()), " \
	"assigned_to = COALESCE(assigned_to, ?) WHERE id = ? AND state IN ('open', 'answered')"

/* POST /desk/q/{id}/answer: the citizen sees it, and is told by SMS. */
static int
desk_reply(struct civic_req *r)
{
	struct desk_act	 a = { .sql = DESK_ANSWER_SQL, .kind = "answer",
			    .action = "consult.answer", .tell = "consult.answered" };

	a.p[a.np++] = CIVIC_PINT(r->staff->id);
	a.body = civic_req_value(r, "body");
	return desk_run(r, &a);
}

/* POST /desk/q/{id}/phone: answered by phone, with what was said. */
static int
desk_phone(struct civic_req *r)
{
	struct desk_act	 a = { .sql = DESK_ANSWER_SQL, .kind = "phone",
			    .action = "consult.phone" };

	a.p[a.np++] = CIVIC_PINT(r->staff->id);
	a.body = civic_req_value(r, "body");
	return desk_run(r, &a);
}

/* POST /desk/q/{id}/note: an internal note, never shown to the citizen. */
static int
desk_note(struct civic_req *r)
{
	struct desk_act	 a = { .kind = "note", .action = "consult.note" };

	a.body = civic_req_value(r, "body");
	return desk_run(r, &a);
}

/*
 * The target of a transfer or dispatch, checked by sql (parameters: the
 * question, the target): 0 when it is a fit one, the refusal beside field
 * when not, or the database's status.
 */
static int
desk_target(struct civic_req *r, const char *sql, long long target, const char *field,
    const char *key)
{
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")),
				    CIVIC_PINT(target) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 2, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	return rows.nrows == 1 ? 0 : civic_req_refuse(r, field, key);
}

/* POST /desk/q/{id}/transfer: to another area, assigned afresh there. */
static int
desk_transfer(struct civic_req *r)
{
	struct desk_act	 a = { .sql = "UPDATE consult_question q SET q.area_id = ?, "
			    "q.assigned_to = NULL, q.assigned_at = NULL, "
			    "q.dispatch_department_id = NULL WHERE q.area_id <> ? "
			    "AND EXISTS (SELECT 1 FROM consult_area a "
			    "WHERE a.department_id = ? AND a.listed = 1) "
			    "AND q.id = ? AND q.state <> 'closed'",
			    .kind = "transfer", .action = "consult.transfer" };
	long long	 area = civic_req_int(r, "area", 0);
	int		 st;

	/* A wrong choice is the clerk's to mend beside the field, not a race. */
	if ((st = desk_target(r, "SELECT 1 FROM consult_area a JOIN consult_question q "
	    "ON q.id = ? WHERE a.department_id = ? AND a.listed = 1 "
	    "AND q.area_id <> a.department_id", area, "area",
	    "consult.desk.transfer.area")) != 0)
		return st;
	a.p[a.np++] = CIVIC_PINT(area);
	a.p[a.np++] = CIVIC_PINT(area);
	a.p[a.np++] = CIVIC_PINT(area);
	a.dept = area;
	a.assign = area;
	a.body = civic_req_value(r, "note");
	return desk_run(r, &a);
}

/* POST /desk/q/{id}/dispatch: a department's clerks see it too; the clerk keeps it. */
static int
desk_dispatch(struct civic_req *r)
{
	struct desk_act	 a = { .sql = "UPDATE consult_question q "
			    "SET q.dispatch_department_id = ? WHERE EXISTS "
			    "(SELECT 1 FROM department d WHERE d.id = ?) "
			    "AND q.id = ? AND q.state <> 'closed'",
			    .kind = "dispatch", .action = "consult.dispatch" };
	long long	 dept = civic_req_int(r, "department", 0);
	int		 st;

	if ((st = desk_target(r, "SELECT 1 FROM department d JOIN consult_question q "
	    "ON q.id = ? WHERE d.id = ?", dept, "department",
	    "consult.desk.dispatch.department")) != 0)
		return st;
	a.p[a.np++] = CIVIC_PINT(dept);
	a.p[a.np++] = CIVIC_PINT(dept);
	a.dept = dept;
	a.body = civic_req_value(r, "note");
	return desk_run(r, &a);
}

/* POST /desk/q/{id}/close. */
static int
desk_close(struct civic_req *r)
{
	struct desk_act	 a = { .sql = "UPDATE consult_question SET state = 'closed', "
			    "closed_at = NOW() WHERE id = ? AND state <> 'closed'",
			    .kind = "close", .action = "consult.close" };

	return desk_run(r, &a);
}

/* ---------------------------------------------------------------- canned */

/* GET /desk/canned: the department's canned answers. */
static int
desk_canned(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT id, title, body FROM consult_canned WHERE department_id = ? "
	    "ORDER BY title";
	struct civic_param	 p[] = { CIVIC_PINT(r->staff->department) };
	int			 st;

	return (st = civic_page_query(r, "canned", "answer", sql, p, 1)) != 0 ? st : 200;
}

/* POST /desk/canned: a new canned answer of the department. */
static int
desk_canned_add(struct civic_req *r)
{
	static const char	 sql[] =
	    "INSERT INTO consult_canned (department_id, title, body) VALUES (?, ?, ?)";
	struct civic_param	 p[] = { CIVIC_PINT(r->staff->department),
				    CIVIC_PTEXT(civic_req_value(r, "title")),
				    CIVIC_PTEXT(civic_req_value(r, "body")) };

	return desk_set(r, sql, p, CIVIC_NITEMS(p), "consult.canned.add", "consult_canned",
	    "title", "/desk/canned");
}

/* POST /desk/canned/{id}/delete (the scope has checked the department). */
static int
desk_canned_delete(struct civic_req *r)
{
	static const char	 sql[] = "DELETE FROM consult_canned WHERE id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };

	return desk_set(r, sql, p, 1, "consult.canned.delete", "consult_canned", NULL,
	    "/desk/canned");
}

/* ---------------------------------------------------------------- area */

/* GET /desk/area: whether the clerk's department takes questions, and its line. */
static int
desk_area(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT d.name, a.listed, a.intro FROM department d "
	    "LEFT JOIN consult_area a ON a.department_id = d.id WHERE d.id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(r->staff->department) };
	struct civic_rows	 rows;
	int			 st;

	if ((st = civic_page_one(r, "area", sql, p, 1, &rows)) != 0)
		return st;
	civic_page_value(r, "listed", civic_rows_get(&rows, 0, "listed"));
	civic_page_value(r, "intro", civic_rows_get(&rows, 0, "intro"));
	return 200;
}

/* POST /desk/area. */
static int
desk_area_set(struct civic_req *r)
{
	static const char	 sql[] =
	    "INSERT INTO consult_area (department_id, listed, intro) VALUES (?, ?, ?) "
	    "ON DUPLICATE KEY UPDATE listed = VALUES(listed), intro = VALUES(intro)";
	struct civic_param	 p[] = { CIVIC_PINT(r->staff->department),
				    CIVIC_PINT(civic_req_value(r, "listed") != NULL),
				    CIVIC_PTEXT(civic_req_value(r, "intro")) };

	return desk_set(r, sql, p, CIVIC_NITEMS(p), "consult.area", "consult_area", "intro",
	    "/desk/area");
}

#define DESK_Q(verb, fn, flds) \
	{ .method = "GET", .pattern = "/desk/q/{id:int}/" verb, .view = "desk-question", \
	    .handler = desk_question, .fields = question_get_fields, .roles = DESK_ROLES, \
	    .scope = DESK_SCOPE }, \
	{ .method = "POST", .pattern = "/desk/q/{id:int}/" verb, .view = "desk-question", \
	    .handler = fn, .fields = flds, .flags = CIVIC_R_STATE, .roles = DESK_ROLES, \
	    .scope = DESK_SCOPE }

const struct civic_route consult_desk_routes[] = {
	{ .method = "GET", .pattern = "/desk", .view = "desk", .handler = desk_home,
	    .roles = DESK_ROLES },
	{ .method = "GET", .pattern = "/desk/duty", .view = "desk", .handler = desk_home,
	    .roles = DESK_ROLES },
	{ .method = "POST", .pattern = "/desk/duty", .view = "desk", .handler = desk_duty,
	    .fields = duty_fields, .flags = CIVIC_R_STATE, .roles = DESK_ROLES },
	{ .method = "GET", .pattern = "/desk/q/{id:int}", .view = "desk-question",
	    .handler = desk_question, .fields = question_get_fields, .roles = DESK_READERS,
	    .scope = DESK_SCOPE },
	DESK_Q("claim", desk_claim, NULL),
	DESK_Q("answer", desk_reply, text_fields),
	DESK_Q("phone", desk_phone, text_fields),
	DESK_Q("note", desk_note, text_fields),
	DESK_Q("transfer", desk_transfer, transfer_fields),
	DESK_Q("dispatch", desk_dispatch, dispatch_fields),
	DESK_Q("close", desk_close, NULL),
	{ .method = "GET", .pattern = "/desk/canned", .view = "desk-canned",
	    .handler = desk_canned, .roles = DESK_ROLES },
	{ .method = "POST", .pattern = "/desk/canned", .view = "desk-canned",
	    .handler = desk_canned_add, .fields = canned_fields, .flags = CIVIC_R_STATE,
	    .roles = DESK_ROLES },
	{ .method = "GET", .pattern = "/desk/canned/{id:int}/delete", .view = "desk-canned",
	    .handler = desk_canned, .roles = DESK_ROLES,
	    .scope = "SELECT department_id FROM consult_canned WHERE id = ?" },
	{ .method = "POST", .pattern = "/desk/canned/{id:int}/delete", .view = "desk-canned",
	    .handler = desk_canned_delete, .flags = CIVIC_R_STATE, .roles = DESK_ROLES,
	    .scope = "SELECT department_id FROM consult_canned WHERE id = ?" },
	{ .method = "GET", .pattern = "/desk/area", .view = "desk-area", .handler = desk_area,
	    .roles = DESK_ROLES },
	{ .method = "POST", .pattern = "/desk/area", .view = "desk-area",
	    .handler = desk_area_set, .fields = area_fields, .flags = CIVIC_R_STATE,
	    .roles = DESK_ROLES },
};
const size_t consult_desk_nroutes = CIVIC_NITEMS(consult_desk_routes);
