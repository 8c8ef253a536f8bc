/*
 * question.c: what the parts of the consultation share (consult.h): its
 * clock, the window's hours, a clerk's duty, the assignment of a new
 * question, and the making of one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consult.h"
#include "worker.h"


civic_time
consult_now(const struct civic_req *r, char buf[CIVIC_CALENDAR_TIME_LEN])
{
	return civic_calendar_now_of(r->worker->cfg, "consult.now", buf);
}

/* The calendar of now's year and the next, and the window's hours. */
static enum civic_err
question_calendar(struct civic_req *r, civic_time now, struct civic_calendar *cal,
    struct civic_office_hours *oh)
{
	int		 y, m, d;
	enum civic_err	 err;

	civic_calendar_to_civil(civic_calendar_day_of(now), &y, &m, &d);
	if ((err = civic_calendar_load(r->db, r->arena, y, y + 1, cal)) != CIVIC_OK)
		goto out;
	err = civic_calendar_parse_hours(r->arena, civic_config_get(r->worker->cfg,
	    "consult.hours"), oh);
out:
	return err;
}

/* A working day, or any day when the window opens every day. */
static int
question_workday(const struct civic_req *r, const struct civic_calendar *cal, civic_day day)
{
	if (civic_config_int(r->worker->cfg, "consult.every_day") == 1)
		return 1;
	return civic_calendar_is_workday(cal, day);
}

/* Whether t falls in one of the periods of oh (the day aside). */
static int
question_in_periods(const struct civic_office_hours *oh, civic_time t)
{
	long	 s = (long)(t - (civic_time)civic_calendar_day_of(t) * CIVIC_CALENDAR_DAY_SECS);
	size_t	 i;

	for (i = 0; i < oh->nperiods; i++)
		if (s >= oh->periods[i].open && s < oh->periods[i].close)
			return 1;
	return 0;
}

int
consult_open(struct civic_req *r, civic_time now, enum civic_err *err)
{
	struct civic_calendar		 cal;
	struct civic_office_hours	 oh;
	int				 w, open = -1;

	if ((*err = question_calendar(r, now, &cal, &oh)) != CIVIC_OK)
		goto out;
	if ((w = question_workday(r, &cal, civic_calendar_day_of(now))) < 0) {
		*err = CIVIC_ERR_NOTFOUND;
		goto out;
	}
	open = w && question_in_periods(&oh, now);
out:
	return open;
}

int
consult_on_duty(struct civic_req *r, civic_time now, const char *on_duty,
    const char *state, const char *state_day)
{
	struct civic_office_hours	 oh;
	char				 today[CIVIC_CALENDAR_DATE_LEN];

	civic_calendar_format_date(civic_calendar_day_of(now), today);
	if (state != NULL && state_day != NULL && strcmp(state_day, today) == 0)
		return strcmp(state, "on") == 0;
	/* No times in the duty text (or none at all): on duty only when marked so. */
	if (civic_calendar_parse_hours(r->arena, on_duty, &oh) != CIVIC_OK)
		return 0;
	return question_in_periods(&oh, now);
}

enum civic_err
consult_message(struct civic_req *r, long long id, const char *kind, long long staff,
    long long department, const char *body)
{
	static const char	 sql[] =
	    "INSERT INTO consult_message (question_id, kind, staff_id, department_id, body, "
	    "at) VALUES (?, ?, ?, ?, ?, NOW())";
	struct civic_param	 p[] = {
		CIVIC_PINT(id), CIVIC_PTEXT(kind),
		staff > 0 ? CIVIC_PINT(staff) : r->staff != NULL ?
		    CIVIC_PINT(r->staff->id) : CIVIC_PNULL,
		department > 0 ? CIVIC_PINT(department) : CIVIC_PNULL,
		CIVIC_PTEXT(body)
	};

	return civic_db_exec(r->db, sql, p, CIVIC_NITEMS(p), NULL, NULL);
}

enum civic_err
consult_assign(struct civic_req *r, long long id, long long area, const char **staff_no)
{
	static const char	 lock[] =
	    "SELECT department_id FROM consult_area WHERE department_id = ? FOR UPDATE";
	/*
	 * The area's clerks, fewest open questions first, then idle longest.
	 * A locking read: it reads what is committed now.  A plain SELECT
	 * would read the transaction's snapshot, taken at its first read
	 * (the calendar's, before the area's lock was had), and miss the
	 * assignment the previous holder of the lock committed: two
	 * questions then went to the same clerk (seen as 21/19 of forty in
	 * tests/integration/consult-assign.sh on a busy machine).
	 */
	static const char	 clerks[] =
	    "SELECT s.id, s.staff_no, s.on_duty, d.state, "
	    "DATE_FORMAT(d.state_day, '%Y-%m-%d') AS state_day, COUNT(q.id) AS open "
	    "FROM staff s LEFT JOIN consult_duty d ON d.staff_id = s.id "
	    "LEFT JOIN consult_question q ON q.assigned_to = s.id AND q.state = 'open' "
	    "WHERE s.department_id = ? AND s.active = 1 AND FIND_IN_SET('clerk', s.roles) "
	    "GROUP BY s.id, s.staff_no, s.on_duty, d.state, d.state_day, d.last_assigned_at "
	    "ORDER BY open, d.last_assigned_at IS NOT NULL, d.last_assigned_at, s.id "
	    "LOCK IN SHARE MODE";
	static const char	 give[] =
	    "UPDATE consult_question SET assigned_to = ?, assigned_at = NOW() "
	    "WHERE id = ? AND assigned_to IS NULL AND state <> 'closed'";
	static const char	 idle[] =
	    "INSERT INTO consult_duty (staff_id, last_assigned_at) VALUES (?, NOW(6)) "
	    "ON DUPLICATE KEY UPDATE last_assigned_at = NOW(6)";
	struct civic_param	 pa[] = { CIVIC_PINT(area) };
	struct civic_rows	 rows;
	char			 nowbuf[CIVIC_CALENDAR_TIME_LEN];
	civic_time		 now = consult_now(r, nowbuf);
	unsigned long long	 affected = 0;
	long long		 staff;
	size_t			 i;
	int			 open;
	enum civic_err		 err;

	*staff_no = NULL;
	if ((err = civic_db_query(r->db, r->arena, lock, pa, 1, 1, &rows)) != CIVIC_OK)
		goto out;
	if ((open = consult_open(r, now, &err)) <= 0)
		goto out;
	if ((err = civic_db_query(r->db, r->arena, clerks, pa, 1, CIVIC_MAX_ROWS, &rows)) !=
	    CIVIC_OK)
		goto out;
	for (i = 0; i < rows.nrows; i++) {
		if (!consult_on_duty(r, now, civic_rows_get(&rows, i, "on_duty"),
		    civic_rows_get(&rows, i, "state"), civic_rows_get(&rows, i, "state_day")))
			continue;
		staff = strtoll(civic_rows_get(&rows, i, "id"), NULL, 10);
		{
			struct civic_param p[] = { CIVIC_PINT(staff), CIVIC_PINT(id) };

			if ((err = civic_db_exec(r->db, give, p, 2, &affected, NULL)) !=
			    CIVIC_OK)
				goto out;
		}
		/* Someone claimed it first: it is theirs. */
		if (affected != 1)
			goto out;
		{
			struct civic_param p[] = { CIVIC_PINT(staff) };

			if ((err = civic_db_exec(r->db, idle, p, 1, NULL, NULL)) != CIVIC_OK ||
			    (err = consult_message(r, id, "assign", staff, area, NULL)) !=
			    CIVIC_OK)
				goto out;
		}
		*staff_no = civic_rows_get(&rows, i, "staff_no");
		break;
	}
out:
	return err;
}

/*
 * The promise to a question no clerk took: by consult.promise (HH:MM) of
 * the first working day on which that time is still to come.
 */
static enum civic_err
question_promise(struct civic_req *r, const struct civic_calendar *cal, civic_time now,
    civic_time *at)
{
	const char	*text = civic_config_get(r->worker->cfg, "consult.promise");
	civic_day	 day = civic_calendar_day_of(now);
	int		 h = 12, m = 0, w, i;
	enum civic_err	 err = CIVIC_OK;

	if (sscanf(text, "%d:%d", &h, &m) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
		h = 12, m = 0;
	for (i = 0; i < CIVIC_CALENDAR_MAX_DAYS; i++, day++) {
		if ((w = question_workday(r, cal, day)) < 0) {
			err = CIVIC_ERR_NOTFOUND;
			goto out;
		}
		if (w && (*at = civic_calendar_time(day, h, m, 0)) > now)
			goto out;
	}
	err = CIVIC_ERR_TOOBIG;
out:
	return err;
}

/* The due times of a question asked at now, formatted. */
struct question_times {
	char	 now[CIVIC_CALENDAR_TIME_LEN];
	char	 first_due[CIVIC_CALENDAR_TIME_LEN];
	char	 due[CIVIC_CALENDAR_TIME_LEN];
	char	 warn[CIVIC_CALENDAR_TIME_LEN];
	char	 promise[CIVIC_CALENDAR_TIME_LEN];
};

static enum civic_err
question_times(struct civic_req *r, struct question_times *t)
{
	struct civic_calendar		 cal;
	struct civic_office_hours	 oh;
	struct civic_clock		 clk;
	struct civic_deadline		 dl;
	civic_time			 now = consult_now(r, t->now), first, promise;
	int				 open;
	enum civic_err			 err;

	if ((err = question_calendar(r, now, &cal, &oh)) != CIVIC_OK ||
	    (err = question_promise(r, &cal, now, &promise)) != CIVIC_OK)
		goto out;
	if ((open = consult_open(r, now, &err)) < 0)
		goto out;
	/* Out of hours, the promise is the first response's due time too. */
	first = promise;
	if (open && (err = civic_calendar_add_working_minutes(&cal, &oh, now,
	    (int)civic_config_int(r->worker->cfg, "consult.first_minutes"), &first)) !=
	    CIVIC_OK)
		goto out;
	memset(&clk, 0, sizeof(clk));
	clk.start = now;
	clk.limit_days = (int)civic_config_int(r->worker->cfg, "consult.answer_days");
	if ((err = civic_calendar_clock(&cal, &clk, now, &dl)) != CIVIC_OK)
		goto out;
	civic_calendar_format_time(first, t->first_due);
	civic_calendar_format_time(dl.due, t->due);
	civic_calendar_format_time(dl.warn, t->warn);
	civic_calendar_format_time(promise, t->promise);
out:
	return err;
}

enum civic_err
consult_question_create(struct civic_req *r, struct consult_new *n)
{
	static const char	 sql[] =
	    "INSERT INTO consult_question (tracking_no, query_hash, asked_area_id, area_id, "
	    "subject, body, name, phone, address, asked_at, first_due_at, due_at, warn_at) "
	    "SELECT ?, ?, a.department_id, a.department_id, ?, ?, ?, ?, ?, NOW(), ?, ?, ? "
	    "FROM consult_area a WHERE a.department_id = ? AND a.listed = 1";
	static const char	 queued[] =
	    "UPDATE consult_question SET offhours = 1, promise_at = ? WHERE id = ?";
	unsigned char		 hash[CIVIC_TRACKING_HASH_LEN];
	struct question_times	 t;
	unsigned long long	 id = 0, affected = 0;
	enum civic_err		 err;

	n->id = 0;
	n->staff_no = NULL;
	if ((err = question_times(r, &t)) != CIVIC_OK ||
	    (err = civic_tracking_next(r->db, CONSULT_PREFIX, n->tracking_no)) != CIVIC_OK)
		goto out;
	if ((n->code = civic_tracking_code(r->arena, hash)) == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	{
		struct civic_param p[] = {
			CIVIC_PTEXTN(n->tracking_no, strlen(n->tracking_no)),
			CIVIC_PBLOB(hash, sizeof(hash)), CIVIC_PTEXT(n->subject),
			CIVIC_PTEXT(n->body), CIVIC_PTEXT(n->name), CIVIC_PTEXT(n->phone),
			CIVIC_PTEXT(r->remote_addr), CIVIC_PTEXTN(t.first_due, strlen(t.first_due)),
			CIVIC_PTEXTN(t.due, strlen(t.due)), CIVIC_PTEXTN(t.warn, strlen(t.warn)), CIVIC_PINT(n->area)
		};

		if ((err = civic_db_exec(r->db, sql, p, CIVIC_NITEMS(p), &affected, &id)) !=
		    CIVIC_OK)
			goto out;
	}
	/* The area is not listed (any more): a stale or tampered form. */
	if (affected != 1) {
		err = CIVIC_ERR_INVALID;
		goto out;
	}
	n->id = (long long)id;
	if ((err = consult_message(r, n->id, "question", 0, 0, n->body)) != CIVIC_OK ||
	    (err = consult_assign(r, n->id, n->area, &n->staff_no)) != CIVIC_OK)
		goto out;
	if (n->staff_no == NULL) {
		struct civic_param p[] = { CIVIC_PTEXTN(t.promise, strlen(t.promise)), CIVIC_PINT(n->id) };

		if ((err = civic_db_exec(r->db, queued, p, 2, NULL, NULL)) != CIVIC_OK)
			goto out;
	}
	{
		struct civic_notify_param np[] = { { "no", n->tracking_no },
		    { "subject", n->subject }, { "code", n->code } };

		err = civic_notify_enqueue(r->db, r->arena, CIVIC_NOTIFY_SMS, n->phone,
		    "consult.received", r->lang, np, CIVIC_NITEMS(np));
	}
out:
	return err;
}

int
consult_page_areas(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT d.id, d.name, a.intro FROM consult_area a "
	    "JOIN department d ON d.id = a.department_id WHERE a.listed = 1 "
	    "ORDER BY a.sort, d.code";

	return civic_page_query(r, "areas", "area", sql, NULL, 0);
}

enum civic_err
consult_done(struct civic_req *r, long long id, const char *action, const char *note)
{
	char		 ids[24];
	enum civic_err	 err;

	snprintf(ids, sizeof(ids), "%lld", id);
	if ((err = civic_audit(r, action, "consult_question", ids, note)) != CIVIC_OK)
		goto out;
	if (civic_req_redirect(r, "/desk/q/%lld", id) != 303)
		err = CIVIC_ERR_NOMEM;
out:
	return err;
}
