/*
 * office.c: the information office's side of the mailbox (mailbox.h,
 * doc/mailbox-office.md): its inbox, a letter as staff see it, and the
 * actions on it: accept, reject, merge, forward, take back, extensions,
 * review of drafts, close, the public version and publication.
 *
 * Every action is one transaction: a conditional UPDATE of the row whose
 * state it changes (WHERE state = what the form was shown for), its
 * affected rows checked, then the letter's event and the audit row.  Zero
 * rows means someone acted first: nothing is written and the office sees
 * the letter again with a message saying so (mailbox.office.conflict).
 * Each action's path has a GET twin showing the letter, so that a refused
 * form comes back on the letter's page with what was typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mailbox.h"
#include "rating.h"
#include "redact.h"
#include "worker.h"

#define OFFICE_TIME(c)	"DATE_FORMAT(" c ", '%Y-%m-%d %H:%i:%s')"
#define OFFICE_ROLES	(CIVIC_ROLE_OFFICE | CIVIC_ROLE_SUPERVISOR)

/* ---------------------------------------------------------------- shared */

int
mailbox_office_answer(struct civic_req *r, enum civic_err err)
{
	return civic_req_done(r, err, "mailbox.office.conflict");
}

/* The writer's language is not asked for: messages go in the site's. */
static const char *
office_lang(const struct civic_req *r)
{
	return civic_config_get(r->worker->cfg, "site.language");
}

/* The office's deadline for a letter back in its hands, counted from now. */
static enum civic_err
office_accept_deadline(struct civic_req *r, char due[CIVIC_CALENDAR_TIME_LEN],
    char warn[CIVIC_CALENDAR_TIME_LEN])
{
	char	 now[CIVIC_CALENDAR_TIME_LEN];

	civic_calendar_format_time(civic_calendar_now(), now);
	return mailbox_deadline(r, now, (int)civic_config_int(r->worker->cfg,
	    "mailbox.accept_days"), 0, due, warn);
}

enum civic_err
mailbox_office_settle(struct civic_req *r, long long letter)
{
	static const char	 latest[] =
	    "SELECT " OFFICE_TIME("MAX(due_at)") " AS due, " OFFICE_TIME("MAX(warn_at)")
	    " AS warn FROM mailbox_forward WHERE letter_id = ? AND state IN ('open', 'drafted')";
	static const char	 due_sql[] =
	    "UPDATE mailbox_letter SET due_at = ?, warn_at = ? "
	    "WHERE id = ? AND state = 'forwarded'";
	static const char	 back_sql[] =
	    "UPDATE mailbox_letter SET state = 'accepted', due_at = ?, warn_at = ? "
	    "WHERE id = ? AND state = 'forwarded'";
	struct civic_param	 p[] = { CIVIC_PINT(letter) };
	struct civic_rows	 rows;
	const char		*due, *warn;
	char			 odue[CIVIC_CALENDAR_TIME_LEN], owarn[CIVIC_CALENDAR_TIME_LEN];
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, latest, p, 1, 1, &rows)) != CIVIC_OK)
		goto out;
	due = civic_rows_get(&rows, 0, "due");
	warn = civic_rows_get(&rows, 0, "warn");
	if (due != NULL && warn != NULL) {
		struct civic_param q[] = { CIVIC_PTEXT(due), CIVIC_PTEXT(warn),
		    CIVIC_PINT(letter) };

		err = civic_db_exec(r->db, due_sql, q, 3, NULL, NULL);
		goto out;
	}
	/* No department has it any more: the office's clock runs again. */
	if ((err = office_accept_deadline(r, odue, owarn)) != CIVIC_OK)
		goto out;
	{
		struct civic_param q[] = { CIVIC_PTEXTN(odue, strlen(odue)),
		    CIVIC_PTEXTN(owarn, strlen(owarn)), CIVIC_PINT(letter) };

		err = civic_db_exec(r->db, back_sql, q, 3, NULL, NULL);
	}
out:
	return err;
}

int
mailbox_office_file(struct civic_req *r, const char *sql, long long a, long long b)
{
	struct civic_param	 p[] = { CIVIC_PINT(a), CIVIC_PINT(b) };
	struct civic_rows	 rows;
	const char		*disp, *name;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 2, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	if (rows.nrows == 0)
		return 404;
	/*
	 * Always a download, never shown inline (the writer chose the file),
	 * its name in the RFC 5987 form, which keeps Chinese names and can't
	 * break out of the header.  nosniff comes with every answer.
	 */
	if ((name = civic_url_escape(r->arena, rows.cell[0])) == NULL ||
	    (disp = civic_arena_printf(r->arena, "attachment; filename=\"download\"; "
	    "filename*=UTF-8''%s", name)) == NULL)
		return 500;
	if (civic_req_header(r, "Content-Type", rows.cell[1]) != CIVIC_OK ||
	    civic_req_header(r, "Content-Disposition", disp) != CIVIC_OK)
		return 500;
	r->body = rows.cell[2];
	r->bodylen = rows.len[2];
	return 200;
}

/*
 * Working days from the day after from to today, both ends' days as the
 * deadlines count them (calendar.h): what a reply took.
 */
static enum civic_err
office_workdays(struct civic_req *r, const char *from, int *days)
{
	struct civic_calendar	 cal;
	civic_time		 t;
	civic_day		 d, today = civic_calendar_day_of(civic_calendar_now());
	int			 y0, y1, m, dd;
	enum civic_err		 err;

	*days = 0;
	if ((err = civic_calendar_parse_time(from, &t)) != CIVIC_OK)
		goto out;
	civic_calendar_to_civil(civic_calendar_day_of(t), &y0, &m, &dd);
	civic_calendar_to_civil(today, &y1, &m, &dd);
	/* A letter forwarded years ago counts its last years only. */
	if (y1 - y0 >= CIVIC_CALENDAR_MAX_YEARS)
		y0 = y1 - CIVIC_CALENDAR_MAX_YEARS + 1;
	if (y0 > y1)
		y0 = y1;
	if ((err = civic_calendar_load(r->db, r->arena, y0, y1, &cal)) != CIVIC_OK)
		goto out;
	for (d = civic_calendar_day_of(t) + 1; d <= today; d++)
		if (civic_calendar_is_workday(&cal, d) == 1)
			(*days)++;
out:
	return err;
}

/* ---------------------------------------------------------------- pages */

static int
office_inbox(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT l.id, l.tracking_no, l.type, c.name AS category, l.subject, l.state, "
	    OFFICE_TIME("l.created_at") " AS created, " OFFICE_TIME("l.due_at") " AS due, "
	    MAILBOX_LIGHT_SQL("l") " AS light "
	    "FROM mailbox_letter l JOIN mailbox_category c ON c.id = l.category_id "
	    "WHERE l.id < ? AND l.state IN (" MAILBOX_OPEN_STATES ") "
	    "AND (? IS NULL OR l.state = ?) ORDER BY l.id DESC LIMIT ?";
	const char		*state = civic_req_value(r, "state");
	long long		 after = civic_req_int(r, "after", 0);
	struct civic_param	 p[] = { CIVIC_PINT(after > 0 ? after : (1LL << 62)),
				    CIVIC_PTEXT(state), CIVIC_PTEXT(state),
				    CIVIC_PINT(CIVIC_PAGE_SIZE + 1) };
	int			 st;

	if ((st = civic_page_list(r, "letters", "letter", "id", sql, p, CIVIC_NITEMS(p))) != 0)
		return st;
	civic_page_value(r, "state", state);
	return 200;
}

/*
 * The letter whole, as the office and supervisors see it: the writer's
 * contact data, files, forwards, history, its rating (<evaluation>), and
 * what the forms need.
 */
static int
office_letter_page(struct civic_req *r)
{
	static const char	 one[] =
	    "SELECT l.id, l.tracking_no, l.type, c.name AS category, d.name AS department, "
	    "l.subject, l.body, l.name, l.mobile, l.email, l.agree_public, l.address, l.state, "
	    "rr.name AS reject_reason, l.reject_note, m.id AS merged_into_id, "
	    "m.tracking_no AS merged_into, "
	    OFFICE_TIME("l.created_at") " AS created, " OFFICE_TIME("l.accepted_at")
	    " AS accepted, " OFFICE_TIME("l.forwarded_at") " AS forwarded, "
	    OFFICE_TIME("l.due_at") " AS due, " OFFICE_TIME("l.replied_at") " AS replied, "
	    "l.reply, rd.name AS reply_department, l.reply_days, "
	    "l.public_subject IS NOT NULL AS has_public, l.published, "
	    OFFICE_TIME("l.published_at") " AS published_at, "
	    "l.followup, l.followup_reply, l.urge_count, "
	    "CASE WHEN l.state IN (" MAILBOX_OPEN_STATES ") THEN " MAILBOX_LIGHT_SQL("l")
	    " END AS light "
	    "FROM mailbox_letter l JOIN mailbox_category c ON c.id = l.category_id "
	    "LEFT JOIN department d ON d.id = l.department_id "
	    "LEFT JOIN mailbox_reject_reason rr ON rr.id = l.reject_reason_id "
	    "LEFT JOIN mailbox_letter m ON m.id = l.merged_into "
	    "LEFT JOIN department rd ON rd.id = l.reply_department_id WHERE l.id = ?";
	static const char	 files[] =
	    "SELECT id, name, type, size FROM mailbox_attachment WHERE letter_id = ? ORDER BY id";
	static const char	 forwards[] =
	    "SELECT f.id, f.department_id, d.name AS department, f.state, "
	    "CASE WHEN f.state IN ('open', 'drafted') THEN " MAILBOX_LIGHT_SQL("f")
	    " END AS light, f.instruction, f.limit_days, f.extension_days, "
	    OFFICE_TIME("f.due_at") " AS due, " OFFICE_TIME("f.created_at") " AS created, "
	    "f.draft, s.name AS drafted_by, " OFFICE_TIME("f.drafted_at") " AS drafted, "
	    "f.sendback_note, f.return_reason, f.ext_state, f.ext_days, f.ext_reason "
	    "FROM mailbox_forward f JOIN department d ON d.id = f.department_id "
	    "LEFT JOIN staff s ON s.id = f.drafted_by WHERE f.letter_id = ? ORDER BY f.id";
	static const char	 events[] =
	    "SELECT " OFFICE_TIME("e.at") " AS at, e.kind, d.name AS department, "
	    "s.name AS staff, e.note, e.public FROM mailbox_event e "
	    "LEFT JOIN department d ON d.id = e.department_id "
	    "LEFT JOIN staff s ON s.id = e.staff_id WHERE e.letter_id = ? ORDER BY e.id";
	static const char	 reasons[] =
	    "SELECT id, name FROM mailbox_reject_reason WHERE active = 1 ORDER BY sort, id";
	long long		 id = civic_req_seg_int(r, "id");
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 rows;
	const char		*type;
	int			 st;

	if ((st = civic_page_one(r, "letter", one, p, 1, &rows)) != 0)
		return st;
	/* The forward form's default limit: the letter type's. */
	type = civic_rows_get(&rows, 0, "type");
	civic_page_value(r, "limit_days", civic_arena_printf(r->arena, "%d",
	    mailbox_limit_days(r, type)));
	if ((st = civic_page_query(r, "attachments", "attachment", files, p, 1)) != 0 ||
	    (st = civic_page_query(r, "forwards", "forward", forwards, p, 1)) != 0 ||
	    (st = civic_page_query(r, "events", "event", events, p, 1)) != 0 ||
	    (st = civic_page_query(r, "reasons", "reason", reasons, NULL, 0)) != 0 ||
	    (st = mailbox_page_departments(r)) != 0)
		return st;
	/*
	 * The writer's rating, once given; never its link, which is the
	 * writer's to use (hence "not handled" here).
	 */
	return (st = eval_page_case(r, NULL, EVAL_LETTER, id, civic_rows_get(&rows, 0,
	    "tracking_no"), 0)) != 0 ? st : 200;
}

static int
office_letter_file(struct civic_req *r)
{
	return mailbox_office_file(r, "SELECT name, type, data FROM mailbox_attachment "
	    "WHERE letter_id = ? AND id = ?", civic_req_seg_int(r, "id"),
	    civic_req_seg_int(r, "fid"));
}

/* ---------------------------------------------------------------- actions */

/*
 * A change of state that needs nothing but the letter: one conditional
 * UPDATE (its one parameter the letter), what must go with it (the search
 * index), then the public event and the audit action.
 */
struct office_step {
	const char	*sql;
	enum civic_err	(*then)(struct civic_req *, long long);	/* or NULL */
	const char	*kind;
	const char	*action;
};

struct office_act {
	struct civic_req	*r;
	long long		 id;		/* the letter */
	long long		 fid;		/* the forward, or 0 */
	long long		 other;		/* merge: the letter kept; reject: reason */
	const char		*text;		/* reject: the reason's name */
	const struct office_step *step;	/* office_step_tx: what to do */
};

/* The letter's number, subject and the writer's contact, in its transaction. */
static enum civic_err
office_letter_get(struct civic_req *r, long long id, struct civic_rows *rows)
{
	static const char	 sql[] =
	    "SELECT tracking_no, subject, mobile, email, " OFFICE_TIME("forwarded_at")
	    " AS forwarded FROM mailbox_letter WHERE id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, rows)) == CIVIC_OK &&
	    rows->nrows == 0)
		err = CIVIC_ERR_NOTFOUND;
	return err;
}

/*
 * Tells the writer by SMS (and e-mail, when given): tmpl with no, subject,
 * and the parameter name (NULL: none) of value: a rejection's reason, a
 * reply's rating link.
 */
static enum civic_err
office_tell(struct civic_req *r, const struct civic_rows *l, const char *tmpl,
    const char *name, const char *value)
{
	struct civic_notify_param np[] = { { "no", civic_rows_get(l, 0, "tracking_no") },
	    { "subject", civic_rows_get(l, 0, "subject") }, { name, value } };
	size_t			 n = name != NULL && value != NULL ? 3 : 2;
	const char		*email = civic_rows_get(l, 0, "email");
	enum civic_err		 err;

	if ((err = civic_notify_enqueue(r->db, r->arena, CIVIC_NOTIFY_SMS,
	    civic_rows_get(l, 0, "mobile"), tmpl, office_lang(r), np, n)) != CIVIC_OK)
		return err;
	if (email != NULL)
		err = civic_notify_enqueue(r->db, r->arena, CIVIC_NOTIFY_EMAIL, email, tmpl,
		    office_lang(r), np, n);
	return err;
}

/*
 * The reply (or the follow-up's answer) is told with the link to rate the
 * letter (rating.h): the same link the letter's page shows, spent by its
 * one rating.
 */
static enum civic_err
office_tell_replied(struct civic_req *r, const struct civic_rows *l)
{
	const char	*rate = eval_case_url(r, civic_rows_get(l, 0, "tracking_no"));

	if (rate == NULL)
		return CIVIC_ERR_NOMEM;
	return office_tell(r, l, "mailbox.replied", "rate", rate);
}

/* The event, the audit row and the redirect to the letter: every action's end. */
static enum civic_err
office_done(struct office_act *a, const char *kind, long long dept, const char *note,
    int public, const char *action)
{
	struct civic_req	*r = a->r;
	char			 ids[24];
	enum civic_err		 err;

	snprintf(ids, sizeof(ids), "%lld", a->id);
	if ((err = mailbox_event(r, a->id, kind, dept, note, public)) != CIVIC_OK ||
	    (err = civic_audit(r, action, "mailbox_letter", ids, a->fid > 0 ?
	    civic_arena_printf(r->arena, "forward %lld%s%s", a->fid, note ? ": " : "",
	    note ? note : "") : note)) != CIVIC_OK)
		return err;
	return civic_req_redirect(r, "/office/%lld", a->id) == 303 ? CIVIC_OK :
	    CIVIC_ERR_NOMEM;
}

/* Runs fn for the letter of the path (404 when there is none). */
static int
office_run(struct civic_req *r, enum civic_err (*fn)(void *), long long other,
    const char *text, const struct office_step *step)
{
	struct office_act	 a = { r, civic_req_seg_int(r, "id"),
				    civic_req_seg_int(r, "fid"), other, text, step };
	int			 st;

	if ((st = civic_req_exists(r, "SELECT id FROM mailbox_letter WHERE id = ?")) != 0)
		return st;
	return mailbox_office_answer(r, civic_req_tx(r, fn, &a));
}

static enum civic_err
office_step_tx(void *arg)
{
	struct office_act	*a = arg;
	struct civic_param	 p[] = { CIVIC_PINT(a->id) };
	enum civic_err		 err;

	if ((err = civic_db_change(a->r->db, a->step->sql, p, 1)) != CIVIC_OK ||
	    (a->step->then != NULL && (err = a->step->then(a->r, a->id)) != CIVIC_OK))
		return err;
	return office_done(a, a->step->kind, 0, NULL, 1, a->step->action);
}

static const struct office_step office_accept_step = {
	"UPDATE mailbox_letter SET state = 'accepted', accepted_at = NOW() "
	"WHERE id = ? AND state = 'received'", NULL, "accepted", "mailbox.accept"
};

static int
office_accept(struct civic_req *r)
{
	return office_run(r, office_step_tx, 0, NULL, &office_accept_step);
}

static enum civic_err
office_reject_tx(void *arg)
{
	static const char	 sql[] =
	    "UPDATE mailbox_letter SET state = 'rejected', reject_reason_id = ?, reject_note = ? "
	    "WHERE id = ? AND state IN ('received', 'accepted')";
	struct office_act	*a = arg;
	struct civic_req	*r = a->r;
	const char		*note = civic_req_value(r, "reject_note"), *reason;
	struct civic_param	 p[] = { CIVIC_PINT(a->other), CIVIC_PTEXT(note),
				    CIVIC_PINT(a->id) };
	struct civic_rows	 l;
	enum civic_err		 err;

	if ((err = civic_db_change(r->db, sql, p, 3)) != CIVIC_OK ||
	    (err = office_letter_get(r, a->id, &l)) != CIVIC_OK)
		return err;
	/* The writer is told the reason and, for "competence", where to turn. */
	reason = note != NULL ? civic_arena_printf(r->arena, "%s（%s）", a->text, note) :
	    a->text;
	if (reason == NULL)
		return CIVIC_ERR_NOMEM;
	if ((err = office_tell(r, &l, "mailbox.rejected", "reason", reason)) != CIVIC_OK)
		return err;
	return office_done(a, "rejected", 0, reason, 1, "mailbox.reject");
}

static int
office_reject(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT name FROM mailbox_reject_reason WHERE id = ? AND active = 1";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_int(r, "reason", 0)) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	if (rows.nrows == 0)
		return civic_req_refuse(r, "reason", "v.choice");
	return office_run(r, office_reject_tx, p[0].i, rows.cell[0], NULL);
}

static enum civic_err
office_merge_tx(void *arg)
{
	/* The letter kept must still be open when this one joins it. */
	static const char	 sql[] =
	    "UPDATE mailbox_letter l JOIN mailbox_letter k ON k.id = ? "
	    "AND k.state IN (" MAILBOX_OPEN_STATES ") "
	    "SET l.state = 'merged', l.merged_into = k.id "
	    "WHERE l.id = ? AND l.state IN ('received', 'accepted')";
	struct office_act	*a = arg;
	struct civic_param	 p[] = { CIVIC_PINT(a->other), CIVIC_PINT(a->id) };
	struct civic_rows	 l;
	enum civic_err		 err;

	if ((err = civic_db_change(a->r->db, sql, p, 2)) != CIVIC_OK ||
	    (err = office_letter_get(a->r, a->id, &l)) != CIVIC_OK)
		return err;
	/* The kept letter's history says what joined it. */
	if ((err = mailbox_event(a->r, a->other, "merged", 0, civic_rows_get(&l, 0,
	    "tracking_no"), 0)) != CIVIC_OK)
		return err;
	return office_done(a, "merged", 0, a->text, 1, "mailbox.merge");
}

static int
office_merge(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT id, tracking_no FROM mailbox_letter WHERE tracking_no = ? AND id <> ? "
	    "AND state IN (" MAILBOX_OPEN_STATES ")";
	struct civic_param	 p[] = { CIVIC_PTEXT(civic_req_value(r, "into")),
				    CIVIC_PINT(civic_req_seg_int(r, "id")) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 2, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	if (rows.nrows == 0)
		return civic_req_refuse(r, "into", "mailbox.office.merge.none");
	return office_run(r, office_merge_tx, strtoll(rows.cell[0], NULL, 10), rows.cell[1],
	    NULL);
}

/* The departments of a forward form, checked, with their names for the history. */
struct office_fwd {
	struct civic_req	*r;
	long long		 id;
	long long		 dept[3];
	size_t			 ndept;
	const char		*names;		/* "县公安局、县卫健委" */
	int			 limit;
};

static enum civic_err
office_forward_tx(void *arg)
{
	static const char	 take[] =
	    "UPDATE mailbox_letter SET state = 'forwarded', "
	    "accepted_at = COALESCE(accepted_at, NOW()), "
	    "forwarded_at = COALESCE(forwarded_at, NOW()) "
	    "WHERE id = ? AND state IN ('received', 'accepted')";
	/* Forwarded already (to another department, or again after a take-back). */
	static const char	 again[] =
	    "SELECT id FROM mailbox_letter WHERE id = ? AND state = 'forwarded' FOR UPDATE";
	static const char	 ins[] =
	    "INSERT INTO mailbox_forward (letter_id, department_id, instruction, limit_days, "
	    "due_at, warn_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	struct office_fwd	*f = arg;
	struct civic_req	*r = f->r;
	struct office_act	 a = { r, f->id, 0, 0, NULL, NULL };
	struct civic_param	 p[] = { CIVIC_PINT(f->id) };
	struct civic_rows	 rows;
	unsigned long long	 affected = 0;
	char			 now[CIVIC_CALENDAR_TIME_LEN], due[CIVIC_CALENDAR_TIME_LEN];
	char			 warn[CIVIC_CALENDAR_TIME_LEN];
	size_t			 i;
	enum civic_err		 err;

	civic_calendar_format_time(civic_calendar_now(), now);
	if ((err = mailbox_deadline(r, now, f->limit, 0, due, warn)) != CIVIC_OK ||
	    (err = civic_db_exec(r->db, take, p, 1, &affected, NULL)) != CIVIC_OK)
		return err;
	if (affected == 0) {
		if ((err = civic_db_query(r->db, r->arena, again, p, 1, 1, &rows)) != CIVIC_OK)
			return err;
		if (rows.nrows == 0)
			return CIVIC_ERR_CONFLICT;
	}
	for (i = 0; i < f->ndept; i++) {
		struct civic_param q[] = { CIVIC_PINT(f->id), CIVIC_PINT(f->dept[i]),
		    CIVIC_PTEXT(civic_req_value(r, "instruction")), CIVIC_PINT(f->limit),
		    CIVIC_PTEXTN(due, strlen(due)), CIVIC_PTEXTN(warn, strlen(warn)),
		    CIVIC_PTEXTN(now, strlen(now)), CIVIC_PINT(r->staff->id) };

		if ((err = civic_db_exec(r->db, ins, q, CIVIC_NITEMS(q), NULL, NULL)) !=
		    CIVIC_OK)
			return err;
	}
	if ((err = mailbox_office_settle(r, f->id)) != CIVIC_OK)
		return err;
	return office_done(&a, "forwarded", f->ndept == 1 ? f->dept[0] : 0, f->names, 1,
	    "mailbox.forward");
}

static int
office_forward(struct civic_req *r)
{
	static const char	 dept_sql[] = "SELECT name FROM department WHERE id = ?";
	static const char	 open_sql[] =
	    "SELECT id FROM mailbox_forward WHERE letter_id = ? AND department_id = ? "
	    "AND state IN ('open', 'drafted')";
	static const char *const fields[] = { "department1", "department2", "department3" };
	struct office_fwd	 f;
	struct civic_rows	 rows;
	const char		*names = "";
	long long		 d;
	size_t			 i, j;
	enum civic_err		 err;
	int			 st;

	memset(&f, 0, sizeof(f));
	f.r = r;
	f.id = civic_req_seg_int(r, "id");
	if ((st = civic_req_exists(r, "SELECT id FROM mailbox_letter WHERE id = ?")) != 0)
		return st;
	for (i = 0; i < CIVIC_NITEMS(fields); i++) {
		if ((d = civic_req_int(r, fields[i], 0)) == 0)
			continue;
		for (j = 0; j < f.ndept; j++)
			if (f.dept[j] == d)
				return civic_req_refuse(r, fields[i],
				    "mailbox.office.forward.twice");
		{
			struct civic_param p[] = { CIVIC_PINT(d) };
			struct civic_param q[] = { CIVIC_PINT(f.id), CIVIC_PINT(d) };

			if ((err = civic_db_query(r->db, r->arena, dept_sql, p, 1, 1, &rows)) !=
			    CIVIC_OK)
				return civic_req_status(err);
			if (rows.nrows == 0)
				return civic_req_refuse(r, fields[i], "v.choice");
			names = civic_arena_printf(r->arena, "%s%s%s", names,
			    f.ndept > 0 ? "、" : "", rows.cell[0]);
			if ((err = civic_db_query(r->db, r->arena, open_sql, q, 2, 1, &rows)) !=
			    CIVIC_OK)
				return civic_req_status(err);
			if (rows.nrows > 0)
				return civic_req_refuse(r, fields[i],
				    "mailbox.office.forward.open");
		}
		f.dept[f.ndept++] = d;
	}
	if ((f.names = names) == NULL)
		return 500;
	f.limit = (int)civic_req_int(r, "limit_days", 0);
	if (f.limit == 0) {
		struct civic_param p[] = { CIVIC_PINT(f.id) };

		if ((err = civic_db_query(r->db, r->arena,
		    "SELECT type FROM mailbox_letter WHERE id = ?", p, 1, 1, &rows)) != CIVIC_OK)
			return civic_req_status(err);
		f.limit = mailbox_limit_days(r, rows.cell[0]);
	}
	return mailbox_office_answer(r, civic_req_tx(r, office_forward_tx, &f));
}

/* The department of the action's forward, inside its transaction. */
static enum civic_err
office_forward_dept(struct office_act *a, long long *dept)
{
	struct civic_param	 p[] = { CIVIC_PINT(a->fid) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	*dept = 0;
	if ((err = civic_db_query(a->r->db, a->r->arena,
	    "SELECT department_id FROM mailbox_forward WHERE id = ?", p, 1, 1, &rows)) ==
	    CIVIC_OK && rows.nrows == 1)
		*dept = strtoll(rows.cell[0], NULL, 10);
	return err;
}

static enum civic_err
office_withdraw_tx(void *arg)
{
	static const char	 sql[] =
	    "UPDATE mailbox_forward SET state = 'withdrawn' "
	    "WHERE id = ? AND letter_id = ? AND state IN ('open', 'drafted')";
	struct office_act	*a = arg;
	struct civic_param	 p[] = { CIVIC_PINT(a->fid), CIVIC_PINT(a->id) };
	long long		 dept;
	enum civic_err		 err;

	if ((err = civic_db_change(a->r->db, sql, p, 2)) != CIVIC_OK ||
	    (err = mailbox_office_settle(a->r, a->id)) != CIVIC_OK ||
	    (err = office_forward_dept(a, &dept)) != CIVIC_OK)
		return err;
	return office_done(a, "taken_back", dept, NULL, 0, "mailbox.withdraw");
}

/* Runs fn for the path's forward of the path's letter (404 when it is not one). */
static int
office_run_forward(struct civic_req *r, enum civic_err (*fn)(void *))
{
	struct office_act	 a = { r, civic_req_seg_int(r, "id"),
				    civic_req_seg_int(r, "fid"), 0, NULL, NULL };
	struct civic_param	 p[] = { CIVIC_PINT(a.fid), CIVIC_PINT(a.id) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena,
	    "SELECT id FROM mailbox_forward WHERE id = ? AND letter_id = ?", p, 2, 1, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	if (rows.nrows == 0)
		return 404;
	return mailbox_office_answer(r, civic_req_tx(r, fn, &a));
}

static int
office_withdraw(struct civic_req *r)
{
	return office_run_forward(r, office_withdraw_tx);
}

static enum civic_err
office_extension_approve_tx(void *arg)
{
	static const char	 ask[] =
	    "SELECT " OFFICE_TIME("created_at") " AS created, limit_days, extension_days, "
	    "ext_days, department_id FROM mailbox_forward WHERE id = ? AND letter_id = ? "
	    "AND ext_state = 'asked' AND state IN ('open', 'drafted') FOR UPDATE";
	static const char	 sql[] =
	    "UPDATE mailbox_forward SET ext_state = 'approved', "
	    "extension_days = extension_days + ext_days, due_at = ?, warn_at = ? "
	    "WHERE id = ? AND ext_state = 'asked'";
	struct office_act	*a = arg;
	struct civic_req	*r = a->r;
	struct civic_param	 p[] = { CIVIC_PINT(a->fid), CIVIC_PINT(a->id) };
	struct civic_rows	 rows;
	char			 due[CIVIC_CALENDAR_TIME_LEN], warn[CIVIC_CALENDAR_TIME_LEN];
	int			 limit, ext, more;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, ask, p, 2, 1, &rows)) != CIVIC_OK)
		return err;
	if (rows.nrows == 0)
		return CIVIC_ERR_CONFLICT;
	limit = (int)strtol(rows.cell[1], NULL, 10);
	ext = (int)strtol(rows.cell[2], NULL, 10);
	more = rows.cell[3] != NULL ? (int)strtol(rows.cell[3], NULL, 10) : 0;
	/* Counted again from the forward's start: the due date moves by the days granted. */
	if ((err = mailbox_deadline(r, rows.cell[0], limit, ext + more, due, warn)) != CIVIC_OK)
		return err;
	{
		struct civic_param q[] = { CIVIC_PTEXTN(due, strlen(due)),
		    CIVIC_PTEXTN(warn, strlen(warn)), CIVIC_PINT(a->fid) };

		if ((err = civic_db_change(r->db, sql, q, 3)) != CIVIC_OK ||
		    (err = mailbox_office_settle(r, a->id)) != CIVIC_OK)
			return err;
	}
	return office_done(a, "extension_approved", strtoll(rows.cell[4], NULL, 10),
	    civic_arena_printf(r->arena, "+%d", more), 0, "mailbox.extension.approve");
}

static enum civic_err
office_extension_refuse_tx(void *arg)
{
	static const char	 sql[] =
	    "UPDATE mailbox_forward SET ext_state = 'refused' "
	    "WHERE id = ? AND letter_id = ? AND ext_state = 'asked'";
	struct office_act	*a = arg;
	struct civic_param	 p[] = { CIVIC_PINT(a->fid), CIVIC_PINT(a->id) };
	long long		 dept;
	enum civic_err		 err;

	if ((err = civic_db_change(a->r->db, sql, p, 2)) != CIVIC_OK ||
	    (err = office_forward_dept(a, &dept)) != CIVIC_OK)
		return err;
	return office_done(a, "extension_refused", dept, NULL, 0, "mailbox.extension.refuse");
}

static int
office_extension(struct civic_req *r)
{
	return office_run_forward(r, strcmp(civic_req_value(r, "decision"), "approve") == 0 ?
	    office_extension_approve_tx : office_extension_refuse_tx);
}

static enum civic_err
office_review_approve_tx(void *arg)
{
	static const char	 take[] =
	    "UPDATE mailbox_forward SET state = 'approved' "
	    "WHERE id = ? AND letter_id = ? AND state = 'drafted'";
	static const char	 draft[] =
	    "SELECT draft, department_id FROM mailbox_forward WHERE id = ?";
	static const char	 reply[] =
	    "UPDATE mailbox_letter SET state = 'replied', reply = ?, reply_department_id = ?, "
	    "replied_at = NOW(), reply_days = ? WHERE id = ? AND state = 'forwarded'";
	/* The letter has its answer: what other departments still hold is taken back. */
	static const char	 rest[] =
	    "UPDATE mailbox_forward SET state = 'withdrawn' "
	    "WHERE letter_id = ? AND state IN ('open', 'drafted')";
	struct office_act	*a = arg;
	struct civic_req	*r = a->r;
	struct civic_param	 p[] = { CIVIC_PINT(a->fid), CIVIC_PINT(a->id) };
	struct civic_param	 l1[] = { CIVIC_PINT(a->id) };
	struct civic_rows	 f, l;
	const char		*from;
	int			 days = 0;
	enum civic_err		 err;

	if ((err = civic_db_change(r->db, take, p, 2)) != CIVIC_OK ||
	    (err = civic_db_query(r->db, r->arena, draft, p, 1, 1, &f)) != CIVIC_OK ||
	    (err = office_letter_get(r, a->id, &l)) != CIVIC_OK)
		return err;
	if ((from = civic_rows_get(&l, 0, "forwarded")) != NULL &&
	    (err = office_workdays(r, from, &days)) != CIVIC_OK)
		return err;
	{
		struct civic_param q[] = { CIVIC_PTEXT(f.cell[0]), CIVIC_PTEXT(f.cell[1]),
		    CIVIC_PINT(days), CIVIC_PINT(a->id) };

		if ((err = civic_db_change(r->db, reply, q, 4)) != CIVIC_OK ||
		    (err = civic_db_exec(r->db, rest, l1, 1, NULL, NULL)) != CIVIC_OK)
			return err;
	}
	if ((err = office_tell_replied(r, &l)) != CIVIC_OK)
		return err;
	return office_done(a, "replied", strtoll(f.cell[1], NULL, 10), NULL, 1,
	    "mailbox.review.approve");
}

static enum civic_err
office_review_sendback_tx(void *arg)
{
	static const char	 sql[] =
	    "UPDATE mailbox_forward SET state = 'open', sendback_note = ? "
	    "WHERE id = ? AND letter_id = ? AND state = 'drafted'";
	struct office_act	*a = arg;
	const char		*note = civic_req_value(a->r, "sendback_note");
	struct civic_param	 p[] = { CIVIC_PTEXT(note), CIVIC_PINT(a->fid),
				    CIVIC_PINT(a->id) };
	long long		 dept;
	enum civic_err		 err;

	if ((err = civic_db_change(a->r->db, sql, p, 3)) != CIVIC_OK ||
	    (err = office_forward_dept(a, &dept)) != CIVIC_OK)
		return err;
	return office_done(a, "sent_back", dept, note, 0, "mailbox.review.sendback");
}

static int
office_review(struct civic_req *r)
{
	if (strcmp(civic_req_value(r, "decision"), "approve") == 0)
		return office_run_forward(r, office_review_approve_tx);
	/* A draft sent back says what to change. */
	if (civic_req_value(r, "sendback_note") == NULL)
		return civic_req_refuse(r, "sendback_note", "v.required");
	return office_run_forward(r, office_review_sendback_tx);
}

static const struct office_step office_close_step = {
	"UPDATE mailbox_letter SET state = 'closed' WHERE id = ? AND state = 'replied'",
	NULL, "closed", "mailbox.close"
};

static int
office_close(struct civic_req *r)
{
	return office_run(r, office_step_tx, 0, NULL, &office_close_step);
}

/*
 * The answer to the writer's one follow-up question (citizen.c stores it):
 * once, on a letter that has one; the writer is told as for the reply.
 */
static enum civic_err
office_followup_tx(void *arg)
{
	static const char	 sql[] =
	    "UPDATE mailbox_letter SET followup_reply = ?, followup_reply_at = NOW() "
	    "WHERE id = ? AND followup IS NOT NULL AND followup_reply IS NULL";
	struct office_act	*a = arg;
	struct civic_param	 p[] = { CIVIC_PTEXT(a->text), CIVIC_PINT(a->id) };
	struct civic_rows	 l;
	enum civic_err		 err;

	if ((err = civic_db_change(a->r->db, sql, p, 2)) != CIVIC_OK ||
	    (err = office_letter_get(a->r, a->id, &l)) != CIVIC_OK ||
	    (err = office_tell_replied(a->r, &l)) != CIVIC_OK)
		return err;
	return office_done(a, "followup_replied", 0, NULL, 1, "mailbox.followup.answer");
}

static int
office_followup(struct civic_req *r)
{
	return office_run(r, office_followup_tx, 0, civic_req_value(r, "followup_reply"),
	    NULL);
}

/* ---------------------------------------------------------------- public version */

static const char office_public_sql[] =
    "SELECT id, tracking_no, subject, body, reply, name, state, agree_public, published, "
    OFFICE_TIME("published_at") " AS published_at, public_subject, public_body, "
    "public_reply FROM mailbox_letter WHERE id = ?";

/*
 * The original and the public version side by side.  Until the office
 * saves one, the version offered is the original masked by
 * civic_redact() (the writer's name among what it masks).
 */
static int
office_public_page(struct civic_req *r)
{
	static const char *const cols[] = { "subject", "body", "reply" };
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	struct civic_rows	 rows;
	const char		*names[1], *v;
	xmlNodePtr		 l, pv;
	char			 key[24];
	size_t			 i;
	int			 saved;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, office_public_sql, p, 1, 1, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	if (rows.nrows == 0)
		return 404;
	l = civic_page_add(r, NULL, "letter", NULL);
	for (i = 0; i < rows.ncols; i++)
		if (strncmp(rows.names[i], "public_", 7) != 0 && rows.cell[i] != NULL)
			civic_page_add(r, l, rows.names[i], rows.cell[i]);
	saved = civic_rows_get(&rows, 0, "public_subject") != NULL;
	pv = civic_page_add(r, NULL, "public-version", NULL);
	civic_page_attr(pv, "saved", saved ? "1" : "0");
	names[0] = civic_rows_get(&rows, 0, "name");
	for (i = 0; i < CIVIC_NITEMS(cols); i++) {
		snprintf(key, sizeof(key), "public_%s", cols[i]);
		if (saved)
			v = civic_rows_get(&rows, 0, key);
		else if ((v = civic_rows_get(&rows, 0, cols[i])) != NULL &&
		    (v = civic_redact(r->arena, v, names, 1)) == NULL)
			return 500;
		/* A refused form's values came first and win. */
		civic_page_value(r, key, v);
		civic_page_add(r, pv, cols[i], v);
	}
	return 200;
}

static enum civic_err
office_public_save_tx(void *arg)
{
	static const char	 lock[] =
	    "SELECT published FROM mailbox_letter WHERE id = ? AND state IN ('replied', 'closed') "
	    "FOR UPDATE";
	static const char	 sql[] =
	    "UPDATE mailbox_letter SET public_subject = ?, public_body = ?, public_reply = ? "
	    "WHERE id = ?";
	struct office_act	*a = arg;
	struct civic_req	*r = a->r;
	struct civic_param	 p[] = { CIVIC_PINT(a->id) };
	struct civic_param	 q[] = { CIVIC_PTEXT(civic_req_value(r, "public_subject")),
				    CIVIC_PTEXT(civic_req_value(r, "public_body")),
				    CIVIC_PTEXT(civic_req_value(r, "public_reply")),
				    CIVIC_PINT(a->id) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	/* Not a change of state, and the text may be the same: the lock is the guard. */
	if ((err = civic_db_query(r->db, r->arena, lock, p, 1, 1, &rows)) != CIVIC_OK)
		return err;
	if (rows.nrows == 0)
		return CIVIC_ERR_CONFLICT;
	if ((err = civic_db_exec(r->db, sql, q, 4, NULL, NULL)) != CIVIC_OK)
		return err;
	/* A published letter is searched by its public text: index the new one. */
	if (strcmp(rows.cell[0], "1") == 0 &&
	    (err = civic_search_index(r->db, r->arena, &mailbox_index, a->id)) != CIVIC_OK)
		return err;
	if ((err = office_done(a, "public_edited", 0, NULL, 0, "mailbox.public.save")) !=
	    CIVIC_OK)
		return err;
	return civic_req_redirect(r, "/office/%lld/public", a->id) == 303 ? CIVIC_OK :
	    CIVIC_ERR_NOMEM;
}

static int
office_public_save(struct civic_req *r)
{
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, "SELECT state FROM mailbox_letter "
	    "WHERE id = ?", p, 1, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	if (rows.nrows == 0)
		return 404;
	/* No reply yet, nothing to publish: said plainly, not as someone's conflict. */
	if (strcmp(rows.cell[0], "replied") != 0 && strcmp(rows.cell[0], "closed") != 0)
		return civic_req_refuse(r, NULL, "mailbox.office.publish.not_replied");
	return office_run(r, office_public_save_tx, 0, NULL, NULL);
}

/* The search index goes with publication (index.c). */
static enum civic_err
office_index(struct civic_req *r, long long id)
{
	return civic_search_index(r->db, r->arena, &mailbox_index, id);
}

static enum civic_err
office_unindex(struct civic_req *r, long long id)
{
	return civic_search_unindex(r->db, &mailbox_index, id);
}

static const struct office_step office_publish_step = {
	"UPDATE mailbox_letter SET published = 1, published_at = NOW() "
	"WHERE id = ? AND published = 0 AND state IN ('replied', 'closed') "
	"AND agree_public = 1 AND public_subject IS NOT NULL AND public_body IS NOT NULL "
	"AND public_reply IS NOT NULL", office_index, "published", "mailbox.publish"
};

static const struct office_step office_unpublish_step = {
	"UPDATE mailbox_letter SET published = 0, published_at = NULL "
	"WHERE id = ? AND published = 1", office_unindex, "unpublished", "mailbox.unpublish"
};

static int
office_publish(struct civic_req *r)
{
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "id")) };
	struct civic_rows	 rows;
	const char		*state;
	enum civic_err		 err;

	if ((err = civic_db_query(r->db, r->arena, office_public_sql, p, 1, 1, &rows)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	if (rows.nrows == 0)
		return 404;
	/* What stands in the way, said plainly; a race is still the UPDATE's to catch. */
	state = civic_rows_get(&rows, 0, "state");
	if (strcmp(state, "replied") != 0 && strcmp(state, "closed") != 0)
		return civic_req_refuse(r, NULL, "mailbox.office.publish.not_replied");
	if (strcmp(civic_rows_get(&rows, 0, "agree_public"), "1") != 0)
		return civic_req_refuse(r, NULL, "mailbox.office.publish.not_agreed");
	if (civic_rows_get(&rows, 0, "public_subject") == NULL)
		return civic_req_refuse(r, NULL, "mailbox.office.publish.no_version");
	return office_run(r, office_step_tx, 0, NULL, &office_publish_step);
}

static int
office_unpublish(struct civic_req *r)
{
	return office_run(r, office_step_tx, 0, NULL, &office_unpublish_step);
}

/* ---------------------------------------------------------------- routes */

static const char *const office_states[] = { "received", "accepted", "forwarded", NULL };
static const char *const office_ext_decisions[] = { "approve", "refuse", NULL };
static const char *const office_review_decisions[] = { "approve", "sendback", NULL };

#define OFFICE_ID_MAX	999999999999999999LL
#define OFFICE_DEPT_MAX	4294967295LL

static const struct civic_field inbox_fields[] = {
	{ "state", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, office_states },
	{ "after", CIVIC_V_INT, 1, OFFICE_ID_MAX, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field reject_fields[] = {
	{ "reason", CIVIC_V_INT, 1, OFFICE_DEPT_MAX, CIVIC_F_REQUIRED, NULL },
	{ "reject_note", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field merge_fields[] = {
	{ "into", CIVIC_V_TRACKNO, 0, 0, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field forward_fields[] = {
	{ "department1", CIVIC_V_INT, 1, OFFICE_DEPT_MAX, CIVIC_F_REQUIRED, NULL },
	{ "department2", CIVIC_V_INT, 1, OFFICE_DEPT_MAX, 0, NULL },
	{ "department3", CIVIC_V_INT, 1, OFFICE_DEPT_MAX, 0, NULL },
	{ "instruction", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ "limit_days", CIVIC_V_INT, 1, 60, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field extension_fields[] = {
	{ "decision", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, office_ext_decisions },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field review_fields[] = {
	{ "decision", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, office_review_decisions },
	{ "sendback_note", CIVIC_V_MULTILINE, 1, 500, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field followup_fields[] = {
	{ "followup_reply", CIVIC_V_MULTILINE, 2, 3000, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field public_fields[] = {
	{ "public_subject", CIVIC_V_TEXT, 5, 40, CIVIC_F_REQUIRED, NULL },
	{ "public_body", CIVIC_V_MULTILINE, 10, 3000, CIVIC_F_REQUIRED, NULL },
	{ "public_reply", CIVIC_V_MULTILINE, 1, 6000, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/*
 * An action: its POST, and the GET twin that shows the letter at the same
 * path, where a refused form comes back.
 */
#define OFFICE_ACTION(path, fn, flds) \
	{ .method = "GET", .pattern = path, .view = "office-letter", \
	    .handler = office_letter_page, .roles = CIVIC_ROLE_OFFICE }, \
	{ .method = "POST", .pattern = path, .view = "office-letter", .handler = fn, \
	    .fields = flds, .flags = CIVIC_R_STATE, .roles = CIVIC_ROLE_OFFICE }

const struct civic_route mailbox_office_routes[] = {
	{ .method = "GET", .pattern = "/office", .view = "office-inbox",
	    .handler = office_inbox, .fields = inbox_fields, .roles = OFFICE_ROLES },
	{ .method = "GET", .pattern = "/office/{id:int}", .view = "office-letter",
	    .handler = office_letter_page, .roles = OFFICE_ROLES },
	{ .method = "GET", .pattern = "/office/{id:int}/file/{fid:int}", .view = "office-letter",
	    .handler = office_letter_file, .roles = OFFICE_ROLES },
	OFFICE_ACTION("/office/{id:int}/accept", office_accept, NULL),
	OFFICE_ACTION("/office/{id:int}/reject", office_reject, reject_fields),
	OFFICE_ACTION("/office/{id:int}/merge", office_merge, merge_fields),
	OFFICE_ACTION("/office/{id:int}/forward", office_forward, forward_fields),
	OFFICE_ACTION("/office/{id:int}/forwards/{fid:int}/withdraw", office_withdraw, NULL),
	OFFICE_ACTION("/office/{id:int}/forwards/{fid:int}/extension", office_extension,
	    extension_fields),
	OFFICE_ACTION("/office/{id:int}/forwards/{fid:int}/review", office_review,
	    review_fields),
	OFFICE_ACTION("/office/{id:int}/close", office_close, NULL),
	OFFICE_ACTION("/office/{id:int}/followup", office_followup, followup_fields),
	OFFICE_ACTION("/office/{id:int}/publish", office_publish, NULL),
	OFFICE_ACTION("/office/{id:int}/unpublish", office_unpublish, NULL),
	{ .method = "GET", .pattern = "/office/{id:int}/public", .view = "office-public",
	    .handler = office_public_page, .roles = CIVIC_ROLE_OFFICE },
	{ .method = "POST", .pattern = "/office/{id:int}/public", .view = "office-public",
	    .handler = office_public_save, .fields = public_fields, .flags = CIVIC_R_STATE,
	    .roles = CIVIC_ROLE_OFFICE },
};
const size_t mailbox_office_nroutes = CIVIC_NITEMS(mailbox_office_routes);
