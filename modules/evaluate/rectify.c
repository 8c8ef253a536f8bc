/*
 * rectify.c: the 差评 loop (evaluate.h, doc/evaluate.md, "Rectification").
 *
 * A 差评 opens a rectification case (eval_rating_record, rating.c) in the
 * state visit.  The department's clerks see their cases at /desk:
 *
 *	visit	--visit-->	rectify	--rectify-->	rectified
 *	visit, rectify --appeal-->	appeal
 *	appeal	--uphold-->	excluded (the rating leaves every figure)
 *	appeal	--reject-->	visit or rectify, where it came from
 *
 * The return visit records what it found and starts the rectification's
 * clock (evaluate.rectify_days working days from the visit); the
 * rectification records what was done and a summary for the public
 * results, and tells the rater by SMS.  The office decides appeals at
 * /office/appeals: an upheld appeal excludes the rating, with the reason,
 * who and when, and tells the rater; a rejected one sends the case back,
 * its due time unchanged (the clock ran on while the office looked).  A
 * case is appealed once: after the office's decision the department
 * rectifies, so that the columns of the case are its whole history.
 *
 * Every action is one transaction: a conditional UPDATE of the case
 * (WHERE it is in the state the form was shown for), the rating's when an
 * appeal is upheld, the SMS and the audit row.  Zero rows means someone
 * acted first, and the page says so.  Each action's path has a GET twin
 * showing the case, so that a refused form comes back with what was typed.
 *
 * The rater's phone is on the case page (the department calls back): a
 * staff page, reached only by the case's department (the route's scope)
 * and the office.  Times are eval_now()'s, so that tests fix the clock.
 */
#include <stdio.h>
#include <string.h>

#include "evaluate.h"
#include "redact.h"
#include "worker.h"

#define RECTIFY_ROLES	(CIVIC_ROLE_CLERK | CIVIC_ROLE_OFFICE)

/* A case's department, for the route's scope: another department's clerk gets 404. */
#define RECTIFY_SCOPE	"SELECT department_id FROM eval_case WHERE id = ?"

/*
 * The light of a case aliased c at the time of the RECTIFY_LIGHT_NPARAMS
 * parameters that follow it (eval_now() each): none once closed, and none
 * while the office holds it on appeal; red past due_at, yellow from warn_at.
 */
#define RECTIFY_LIGHT_SQL(c) \
	"CASE WHEN " c ".state NOT IN ('visit', 'rectify') THEN NULL " \
	"WHEN ? > " c ".due_at THEN 'red' WHEN ? >= " c ".warn_at THEN 'yellow' " \
	"ELSE 'green' END"
#define RECTIFY_LIGHT_NPARAMS	2

/* The message of an action whose case had moved on (someone acted first). */
#define RECTIFY_CONFLICT	"evaluate.rectify.conflict"

/* Characters of a staff text an SMS quotes: an SMS is short, and a parameter bounded. */
#define RECTIFY_SMS_CHARS	120

static const char *const states[] = { "visit", "rectify", "appeal", "rectified", "excluded",
	NULL };
static const char *const lights[] = { "green", "yellow", "red", NULL };
static const char *const decisions[] = { "uphold", "reject", NULL };

static const struct civic_field desk_fields[] = {
	{ "state", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, states },
	{ "light", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, lights },
	{ "department", CIVIC_V_INT, 1, 4294967295LL, CIVIC_F_QUERY, NULL },
	{ "after", CIVIC_V_INT, 1, 999999999999999999LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field visit_fields[] = {
	{ "visit_note", CIVIC_V_MULTILINE, 2, 1000, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field rectify_fields[] = {
	{ "rectify_note", CIVIC_V_MULTILINE, 2, 1000, CIVIC_F_REQUIRED, NULL },
	{ "public_summary", CIVIC_V_MULTILINE, 2, 500, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field appeal_fields[] = {
	{ "appeal_reason", CIVIC_V_MULTILINE, 2, 1000, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field decide_fields[] = {
	{ "decision", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, decisions },
	{ "decision_note", CIVIC_V_MULTILINE, 2, 500, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* The light's parameters: now, RECTIFY_LIGHT_NPARAMS times, from p. */
static size_t
rectify_light_params(struct civic_param *p, const char *now)
{
	size_t	 i;

	for (i = 0; i < RECTIFY_LIGHT_NPARAMS; i++)
		p[i] = CIVIC_PTEXTN(now, strlen(now));
	return RECTIFY_LIGHT_NPARAMS;
}

/* ---------------------------------------------------------------- pages */

/*
 * GET /desk?state=&light=&department=&after=: the rectification cases, a
 * clerk's department's only, every department's for the office (with a
 * filter), newest first by keyset.
 */
static int
rectify_desk(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT c.id, c.state, " RECTIFY_LIGHT_SQL("c") " AS light, "
	    EVAL_TIME("c.opened_at") " AS opened, " EVAL_TIME("c.due_at") " AS due, "
	    EVAL_TIME("c.closed_at") " AS closed, e.kind, e.case_no AS no, e.level, "
	    "x.name AS reason, d.name AS department "
	    "FROM eval_case c JOIN eval_rating e ON e.id = c.rating_id "
	    "JOIN department d ON d.id = c.department_id "
	    "LEFT JOIN eval_reason x ON x.id = e.reason_id "
	    "WHERE c.id < ? AND (? IS NULL OR c.department_id = ?) "
	    "AND (? IS NULL OR c.state = ?) "
	    "AND (? IS NULL OR (" RECTIFY_LIGHT_SQL("c") ") = ?) "
	    "ORDER BY c.id DESC LIMIT ?";
	static const char	 depts[] = "SELECT id, name FROM department ORDER BY code";
	static const char *const keep[] = { "state", "light", "department", NULL };
	const char		*state = civic_req_value(r, "state");
	const char		*light = civic_req_value(r, "light");
	long long		 after = civic_req_int(r, "after", 0);
	long long		 dept = civic_req_int(r, "department", 0);
	int			 office = (r->staff->roles & CIVIC_ROLE_OFFICE) != 0;
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	struct civic_param	 p[16];
	size_t			 np = 0, i;
	int			 st;

	eval_now(r, now);
	/* A clerk's department is the only one a clerk sees, whatever the query says. */
	if (!office)
		dept = r->staff->department;
	for (i = 0; keep[i] != NULL; i++)
		if (office || strcmp(keep[i], "department") != 0)
			civic_page_value(r, keep[i], civic_req_value(r, keep[i]));
	np += rectify_light_params(p + np, now);
	p[np++] = CIVIC_PINT(after > 0 ? after : (1LL << 62));
	p[np++] = dept > 0 ? CIVIC_PINT(dept) : CIVIC_PNULL;
	p[np++] = CIVIC_PINT(dept);
	p[np++] = CIVIC_PTEXT(state);
	p[np++] = CIVIC_PTEXT(state);
	p[np++] = CIVIC_PTEXT(light);
	np += rectify_light_params(p + np, now);
	p[np++] = CIVIC_PTEXT(light);
	p[np++] = CIVIC_PINT(CIVIC_PAGE_SIZE + 1);
	if ((office && (st = civic_page_query(r, "departments", "department", depts, NULL,
	    0)) != 0) ||
	    (st = civic_page_list(r, "cases", "case", "id", sql, p, np)) != 0)
		return st;
	return 200;
}

/* <actions><action>NAME</action>…</actions>: the forms the case's state allows. */
static int
rectify_page_actions(struct civic_req *r, const struct civic_rows *c)
{
	const char	*state = civic_rows_get(c, 0, "state");
	int		 decided = civic_rows_get(c, 0, "decided") != NULL;
	xmlNodePtr	 e;

	if ((e = civic_page_add(r, NULL, "actions", NULL)) == NULL)
		return 500;
	if (state == NULL)
		return 0;
	if (strcmp(state, "visit") == 0)
		civic_page_add(r, e, "action", "visit");
	if (strcmp(state, "rectify") == 0)
		civic_page_add(r, e, "action", "rectify");
	/* Once: after the office's decision, the department rectifies. */
	if ((strcmp(state, "visit") == 0 || strcmp(state, "rectify") == 0) && !decided)
		civic_page_add(r, e, "action", "appeal");
	if (strcmp(state, "appeal") == 0 && (r->staff->roles & CIVIC_ROLE_OFFICE))
		civic_page_add(r, e, "action", "decide");
	return 0;
}

/*
 * GET /desk/{id} (and its actions' twins, and /office/appeals/{id}/decide):
 * the case, its rating with the rater's phone (to call back), its history
 * and the forms its state allows.
 */
static int
rectify_case(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT c.id, c.state, " RECTIFY_LIGHT_SQL("c") " AS light, c.department_id, "
	    "d.name AS department, c.rating_id, " EVAL_TIME("c.opened_at") " AS opened, "
	    EVAL_TIME("c.visit_due_at") " AS visit_due, " EVAL_TIME("c.visited_at")
	    " AS visited, c.visit_note, " EVAL_TIME("c.rectify_due_at") " AS rectify_due, "
	    EVAL_TIME("c.rectified_at") " AS rectified, c.rectify_note, c.public_summary, "
	    EVAL_TIME("c.appealed_at") " AS appealed, c.appeal_reason, "
	    EVAL_TIME("c.decided_at") " AS decided, c.decision_note, "
	    "CASE WHEN c.decided_at IS NULL THEN NULL WHEN c.state = 'excluded' "
	    "THEN 'uphold' ELSE 'reject' END AS decision, "
	    EVAL_TIME("c.due_at") " AS due, " EVAL_TIME("c.closed_at") " AS closed, "
	    "c.on_time FROM eval_case c JOIN department d ON d.id = c.department_id "
	    "WHERE c.id = ?";
	static const char	 rating[] =
	    "SELECT e.id, e.kind, e.case_no AS no, e.stage, e.level, e.efficiency, "
	    "e.accuracy, e.convenience, e.attitude, e.professionalism, "
	    "x.name AS reason_name, e.comment, e.phone, " EVAL_TIME("e.rated_at")
	    " AS rated, s.staff_no AS clerk_no, e.item_code AS item, g.title AS campaign, "
	    "e.excluded, " EVAL_TIME("e.excluded_at") " AS excluded_at, e.excluded_reason "
	    "FROM eval_case c JOIN eval_rating e ON e.id = c.rating_id "
	    "LEFT JOIN eval_reason x ON x.id = e.reason_id "
	    "LEFT JOIN staff s ON s.id = e.staff_id "
	    "LEFT JOIN eval_campaign g ON g.id = e.campaign_id WHERE c.id = ?";
	/*
	 * The history, from the case's own columns (a case is appealed and
	 * decided once, so they hold all of it), in the order it happened;
	 * o orders what happened in the same second.
	 */
	static const char	 history[] =
	    "SELECT h.kind, " EVAL_TIME("h.at") " AS at, s.staff_no, h.note FROM ("
	    "SELECT 1 AS o, 'visit' AS kind, visited_at AS at, visited_by AS staff, "
	    "visit_note AS note FROM eval_case WHERE id = ? AND visited_at IS NOT NULL "
	    "UNION ALL SELECT 2, 'appeal', appealed_at, appealed_by, appeal_reason "
	    "FROM eval_case WHERE id = ? AND appealed_at IS NOT NULL "
	    "UNION ALL SELECT 3, IF(state = 'excluded', 'uphold', 'reject'), decided_at, "
	    "decided_by, decision_note FROM eval_case WHERE id = ? AND decided_at IS NOT NULL "
	    "UNION ALL SELECT 4, 'rectify', rectified_at, rectified_by, rectify_note "
	    "FROM eval_case WHERE id = ? AND rectified_at IS NOT NULL"
	    ") h LEFT JOIN staff s ON s.id = h.staff ORDER BY h.at, h.o";
	long long		 id = civic_req_seg_int(r, "id");
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	struct civic_param	 p[RECTIFY_LIGHT_NPARAMS + 1];
	struct civic_param	 pid[] = { CIVIC_PINT(id) };
	struct civic_param	 ph[] = { CIVIC_PINT(id), CIVIC_PINT(id), CIVIC_PINT(id),
				    CIVIC_PINT(id) };
	struct civic_rows	 c;
	size_t			 np;
	int			 st;

	eval_now(r, now);
	np = rectify_light_params(p, now);
	p[np++] = CIVIC_PINT(id);
	if ((st = civic_page_one(r, "case", sql, p, np, &c)) != 0 ||
	    (st = civic_page_one(r, "rating", rating, pid, 1, NULL)) != 0 ||
	    (st = civic_page_query(r, "history", "event", history, ph,
	    CIVIC_NITEMS(ph))) != 0 ||
	    (st = rectify_page_actions(r, &c)) != 0)
		return st;
	return 200;
}

/* GET /office/appeals: the cases the departments appealed, oldest appeal first. */
static int
rectify_appeals(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT c.id, d.name AS department, e.kind, e.case_no AS no, e.level, "
	    "x.name AS reason, " EVAL_TIME("c.appealed_at") " AS appealed, c.appeal_reason, "
	    "s.staff_no AS appealed_by, " EVAL_TIME("c.due_at") " AS due, "
	    "IF(c.visited_at IS NULL, 'visit', 'rectify') AS back_to "
	    "FROM eval_case c JOIN eval_rating e ON e.id = c.rating_id "
	    "JOIN department d ON d.id = c.department_id "
	    "LEFT JOIN eval_reason x ON x.id = e.reason_id "
	    "LEFT JOIN staff s ON s.id = c.appealed_by "
	    "WHERE c.state = 'appeal' ORDER BY c.appealed_at, c.id LIMIT 200";
	int			 st;

	return (st = civic_page_query(r, "cases", "case", sql, NULL, 0)) != 0 ? st : 200;
}

/* ---------------------------------------------------------------- actions */

/* What an action does: its conditional UPDATE, and what follows it. */
struct rectify_act {
	struct civic_req	*r;
	long long		 id;
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	const char		*action;	/* the audit's */
	const char		*detail;	/* the audit row quotes it */
	const char		*back;		/* the redirect's format, with the id, or NULL */
	const char		*summary;	/* rectify: the public summary, masked */
	int			 uphold;	/* decide */
};

/*
 * text for an SMS parameter: on one line, at most RECTIFY_SMS_CHARS
 * characters (then "…"); in the arena, NULL when memory is short.
 */
static const char *
rectify_sms_text(struct civic_req *r, const char *text)
{
	size_t		 n = strlen(text), i, o = 0, chars = 0;
	char		*s;

	if ((s = civic_arena_alloc(r->arena, n + sizeof("…"))) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char	 ch = (unsigned char)text[i];

		/* A character begins at any byte but a continuation byte. */
		if ((ch & 0xc0) != 0x80 && chars++ == RECTIFY_SMS_CHARS) {
			memcpy(s + o, "…", sizeof("…") - 1);
			o += sizeof("…") - 1;
			break;
		}
		s[o++] = ch == '\n' || ch == '\r' || ch == '\t' ? ' ' : (char)ch;
	}
	s[o] = '\0';
	return s;
}

/*
 * The rater is told by SMS (template tmpl, its parameter name = text),
 * when the rating left a mobile number.
 */
static enum civic_err
rectify_tell(struct civic_req *r, long long id, const char *tmpl, const char *name,
    const char *text)
{
	static const char	 sql[] =
	    "SELECT e.phone FROM eval_case c JOIN eval_rating e ON e.id = c.rating_id "
	    "WHERE c.id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 rows;
	const char		*phone, *v;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK)
		goto out;
	if (rows.nrows != 1 || (phone = rows.cell[0]) == NULL ||
	    !civic_notify_recipient_valid(CIVIC_NOTIFY_SMS, phone))
		goto out;
	if ((v = rectify_sms_text(r, text)) == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	{
		struct civic_notify_param np[] = { { name, v } };

		/* The rater's language is not asked for: the site's. */
		err = civic_notify_enqueue(r->db, r->arena, CIVIC_NOTIFY_SMS, phone, tmpl,
		    civic_config_get(r->worker->cfg, "site.language"), np, CIVIC_NITEMS(np));
	}
out:
	return err;
}

/* An action's end: the audit row and the redirect (to the case, or a->back). */
static enum civic_err
rectify_done(struct rectify_act *a)
{
	char		 ids[24];
	enum civic_err	 err;
	int		 st;

	snprintf(ids, sizeof(ids), "%lld", a->id);
	if ((err = civic_audit(a->r, a->action, "eval_case", ids, a->detail)) != CIVIC_OK)
		goto out;
	st = a->back != NULL ? civic_req_redirect(a->r, "%s", a->back) :
	    civic_req_redirect(a->r, "/desk/%lld", a->id);
	if (st != 303)
		err = CIVIC_ERR_NOMEM;
out:
	return err;
}

/* The return visit: what it found, and the rectification's clock starts. */
static enum civic_err
rectify_visit_tx(void *arg)
{
	static const char	 sql[] =
	    "UPDATE eval_case SET state = 'rectify', visited_at = ?, visited_by = ?, "
	    "visit_note = ?, rectify_due_at = ?, due_at = ?, warn_at = ? "
	    "WHERE id = ? AND state = 'visit'";
	struct rectify_act	*a = arg;
	struct civic_req	*r = a->r;
	char			 due[CIVIC_CALENDAR_TIME_LEN], warn[CIVIC_CALENDAR_TIME_LEN];
	enum civic_err		 err;

	if ((err = civic_calendar_due(r->db, r->arena, a->now, (int)civic_config_int(
	    r->worker->cfg, "evaluate.rectify_days"), 0, due, warn)) != CIVIC_OK)
		goto out;
	{
		struct civic_param p[] = { CIVIC_PTEXTN(a->now, strlen(a->now)),
		    CIVIC_PINT(r->staff->id), CIVIC_PTEXT(a->detail),
		    CIVIC_PTEXTN(due, strlen(due)), CIVIC_PTEXTN(due, strlen(due)),
		    CIVIC_PTEXTN(warn, strlen(warn)), CIVIC_PINT(a->id) };

		if ((err = civic_db_change(r->db, sql, p, CIVIC_NITEMS(p))) != CIVIC_OK)
			goto out;
	}
	err = rectify_done(a);
out:
	return err;
}

/* The rectification: closed, on time or not, and the rater told what was done. */
static enum civic_err
rectify_rectify_tx(void *arg)
{
	static const char	 sql[] =
	    "UPDATE eval_case SET state = 'rectified', rectified_at = ?, rectified_by = ?, "
	    "rectify_note = ?, public_summary = ?, closed_at = ?, on_time = (? <= due_at) "
	    "WHERE id = ? AND state = 'rectify'";
	struct rectify_act	*a = arg;
	struct civic_req	*r = a->r;
	size_t			 n = strlen(a->now);
	struct civic_param	 p[] = { CIVIC_PTEXTN(a->now, n), CIVIC_PINT(r->staff->id),
				    CIVIC_PTEXT(a->detail), CIVIC_PTEXT(a->summary),
				    CIVIC_PTEXTN(a->now, n), CIVIC_PTEXTN(a->now, n),
				    CIVIC_PINT(a->id) };
	enum civic_err		 err;

	if ((err = civic_db_change(r->db, sql, p, CIVIC_NITEMS(p))) != CIVIC_OK ||
	    (err = rectify_tell(r, a->id, "evaluate.case.rectified", "summary",
	    a->summary)) != CIVIC_OK)
		goto out;
	err = rectify_done(a);
out:
	return err;
}

/* The department's appeal: the office holds the case (no light) until it decides. */
static enum civic_err
rectify_appeal_tx(void *arg)
{
	static const char	 sql[] =
	    "UPDATE eval_case SET state = 'appeal', appealed_at = ?, appealed_by = ?, "
	    "appeal_reason = ? WHERE id = ? AND state IN ('visit', 'rectify') "
	    "AND decided_at IS NULL";
	struct rectify_act	*a = arg;
	struct civic_req	*r = a->r;
	struct civic_param	 p[] = { CIVIC_PTEXTN(a->now, strlen(a->now)),
				    CIVIC_PINT(r->staff->id), CIVIC_PTEXT(a->detail),
				    CIVIC_PINT(a->id) };
	enum civic_err		 err;

	if ((err = civic_db_change(r->db, sql, p, CIVIC_NITEMS(p))) != CIVIC_OK)
		goto out;
	err = rectify_done(a);
out:
	return err;
}

/*
 * The office's decision.  Upheld: the case ends excluded and its rating
 * leaves every figure, with the reason, who and when, and the rater is
 * told why.  Rejected: back to where the appeal came from (the visit when
 * none was recorded), due when it was.
 */
static enum civic_err
rectify_decide_tx(void *arg)
{
	static const char	 uphold[] =
	    "UPDATE eval_case SET state = 'excluded', closed_at = ?, decided_at = ?, "
	    "decided_by = ?, decision_note = ? WHERE id = ? AND state = 'appeal'";
	static const char	 reject[] =
	    "UPDATE eval_case SET state = IF(visited_at IS NULL, 'visit', 'rectify'), "
	    "decided_at = ?, decided_by = ?, decision_note = ? "
	    "WHERE id = ? AND state = 'appeal'";
	static const char	 exclude[] =
	    "UPDATE eval_rating e JOIN eval_case c ON c.rating_id = e.id "
	    "SET e.excluded = 1, e.excluded_at = ?, e.excluded_by = ?, e.excluded_reason = ? "
	    "WHERE c.id = ? AND e.excluded = 0";
	struct rectify_act	*a = arg;
	struct civic_req	*r = a->r;
	size_t			 n = strlen(a->now);
	struct civic_param	 pu[] = { CIVIC_PTEXTN(a->now, n), CIVIC_PTEXTN(a->now, n),
				    CIVIC_PINT(r->staff->id), CIVIC_PTEXT(a->detail),
				    CIVIC_PINT(a->id) };
	struct civic_param	 pr[] = { CIVIC_PTEXTN(a->now, n), CIVIC_PINT(r->staff->id),
				    CIVIC_PTEXT(a->detail), CIVIC_PINT(a->id) };
	struct civic_param	 pe[] = { CIVIC_PTEXTN(a->now, n), CIVIC_PINT(r->staff->id),
				    CIVIC_PTEXT(a->detail), CIVIC_PINT(a->id) };
	enum civic_err		 err;

	if (!a->uphold) {
		if ((err = civic_db_change(r->db, reject, pr, CIVIC_NITEMS(pr))) != CIVIC_OK)
			goto out;
	} else if ((err = civic_db_change(r->db, uphold, pu, CIVIC_NITEMS(pu))) != CIVIC_OK ||
	    (err = civic_db_change(r->db, exclude, pe, CIVIC_NITEMS(pe))) != CIVIC_OK ||
	    (err = rectify_tell(r, a->id, "evaluate.case.excluded", "reason",
	    a->detail)) != CIVIC_OK)
		goto out;
	err = rectify_done(a);
out:
	return err;
}

/* Runs an action on the case of the path: its clock read, its transaction, its answer. */
static int
rectify_run(struct civic_req *r, struct rectify_act *a, enum civic_err (*tx)(void *))
{
	int	 st;

	a->r = r;
	a->id = civic_req_seg_int(r, "id");
	eval_now(r, a->now);
	if ((st = civic_req_exists(r, "SELECT id FROM eval_case WHERE id = ?")) != 0)
		return st;
	return civic_req_done(r, civic_req_tx(r, tx, a), RECTIFY_CONFLICT);
}

/* POST /desk/{id}/visit. */
static int
rectify_visit(struct civic_req *r)
{
	struct rectify_act	 a = { .action = "evaluate.visit" };

	a.detail = civic_req_value(r, "visit_note");
	return rectify_run(r, &a, rectify_visit_tx);
}

/* POST /desk/{id}/rectify: the public summary is stored masked, as it will be shown. */
static int
rectify_rectify(struct civic_req *r)
{
	struct rectify_act	 a = { .action = "evaluate.rectify" };

	a.detail = civic_req_value(r, "rectify_note");
	if ((a.summary = civic_redact(r->arena, civic_req_value(r, "public_summary"), NULL,
	    0)) == NULL)
		return 500;
	return rectify_run(r, &a, rectify_rectify_tx);
}

/* POST /desk/{id}/appeal: once a case; a second is refused with a word of why. */
static int
rectify_appeal(struct civic_req *r)
{
	struct rectify_act	 a = { .action = "evaluate.appeal" };
	int			 st;

	st = civic_req_exists(r, "SELECT id FROM eval_case WHERE id = ? "
	    "AND decided_at IS NOT NULL");
	if (st == 0)
		return civic_req_refuse(r, NULL, "evaluate.rectify.appeal.once");
	if (st != 404)
		return st;
	a.detail = civic_req_value(r, "appeal_reason");
	return rectify_run(r, &a, rectify_appeal_tx);
}

/* POST /office/appeals/{id}/decide: back to the appeals still waiting. */
static int
rectify_decide(struct civic_req *r)
{
	struct rectify_act	 a = { .back = "/office/appeals" };

	a.uphold = strcmp(civic_req_value(r, "decision"), "uphold") == 0;
	a.action = a.uphold ? "evaluate.appeal.uphold" : "evaluate.appeal.reject";
	a.detail = civic_req_value(r, "decision_note");
	return rectify_run(r, &a, rectify_decide_tx);
}

#define RECTIFY_ACT(verb, fn, flds) \
	{ .method = "GET", .pattern = "/desk/{id:int}/" verb, .view = "rectify-case", \
	    .handler = rectify_case, .roles = RECTIFY_ROLES, .scope = RECTIFY_SCOPE }, \
	{ .method = "POST", .pattern = "/desk/{id:int}/" verb, .view = "rectify-case", \
	    .handler = fn, .fields = flds, .flags = CIVIC_R_STATE, .roles = RECTIFY_ROLES, \
	    .scope = RECTIFY_SCOPE }

const struct civic_route eval_rectify_routes[] = {
	{ .method = "GET", .pattern = "/desk", .view = "rectify-desk", .handler = rectify_desk,
	    .fields = desk_fields, .roles = RECTIFY_ROLES },
	{ .method = "GET", .pattern = "/desk/{id:int}", .view = "rectify-case",
	    .handler = rectify_case, .roles = RECTIFY_ROLES, .scope = RECTIFY_SCOPE },
	RECTIFY_ACT("visit", rectify_visit, visit_fields),
	RECTIFY_ACT("rectify", rectify_rectify, rectify_fields),
	RECTIFY_ACT("appeal", rectify_appeal, appeal_fields),
	{ .method = "GET", .pattern = "/office/appeals", .view = "rectify-appeals",
	    .handler = rectify_appeals, .roles = CIVIC_ROLE_OFFICE },
	{ .method = "GET", .pattern = "/office/appeals/{id:int}/decide", .view = "rectify-case",
	    .handler = rectify_case, .roles = CIVIC_ROLE_OFFICE },
	{ .method = "POST", .pattern = "/office/appeals/{id:int}/decide",
	    .view = "rectify-case", .handler = rectify_decide, .fields = decide_fields,
	    .flags = CIVIC_R_STATE, .roles = CIVIC_ROLE_OFFICE },
};
const size_t eval_rectify_nroutes = CIVIC_NITEMS(eval_rectify_routes);
