/*
 * dept.c: a department's side of the mailbox (mailbox.h,
 * doc/mailbox-office.md): the letters forwarded to it, with their lights;
 * a draft reply for the office to review; a request for more time; a
 * letter sent back to the office as not the department's.
 *
 * Every route whose first segment is a forward carries the department
 * scope, so that a clerk of another department gets 404 for it, as for
 * one that does not exist.  Changes are conditional UPDATEs of the
 * forward, as in office.c: of two clerks pressing at once one wins and the
 * other is told (mailbox.office.conflict) with the forward shown again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mailbox.h"

#define DEPT_TIME(c)	"DATE_FORMAT(" c ", '%Y-%m-%d %H:%i:%s')"
#define DEPT_SCOPE	"SELECT department_id FROM mailbox_forward WHERE id = ?"

/* The states a department's list shows; with none asked for, open and drafted. */
static const char *const dept_states[] = { "open", "drafted", "approved", "returned",
    "withdrawn", NULL };

static int
dept_list(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT f.id, l.tracking_no, l.type, l.subject, f.state, f.ext_state, "
	    DEPT_TIME("f.created_at") " AS created, " DEPT_TIME("f.due_at") " AS due, "
	    "CASE WHEN f.state IN ('open', 'drafted') THEN " MAILBOX_LIGHT_SQL("f")
	    " END AS light FROM mailbox_forward f JOIN mailbox_letter l ON l.id = f.letter_id "
	    "WHERE f.department_id = ? AND f.id < ? "
	    "AND (f.state = ? OR (? IS NULL AND f.state IN ('open', 'drafted'))) "
	    "ORDER BY f.id DESC LIMIT ?";
	const char		*state = civic_req_value(r, "state");
	long long		 after = civic_req_int(r, "after", 0);
	struct civic_param	 p[] = { CIVIC_PINT(r->staff->department),
				    CIVIC_PINT(after > 0 ? after : (1LL << 62)),
				    CIVIC_PTEXT(state), CIVIC_PTEXT(state),
				    CIVIC_PINT(CIVIC_PAGE_SIZE + 1) };
	int			 st;

	if ((st = civic_page_list(r, "forwards", "forward", "id", sql, p, CIVIC_NITEMS(p))) != 0)
		return st;
	civic_page_value(r, "state", state);
	civic_page_add(r, NULL, "department-name", r->staff->department_name);
	return 200;
}

/*
 * The forward with its letter: the department answers the writer, so it
 * sees the contact data and the files.  Also the GET twin of the actions.
 */
static int
dept_forward_page(struct civic_req *r)
{
	static const char	 one[] =
	    "SELECT f.id, f.letter_id, d.name AS department, f.state, "
	    "CASE WHEN f.state IN ('open', 'drafted') THEN " MAILBOX_LIGHT_SQL("f")
	    " END AS light, f.instruction, f.limit_days, f.extension_days, "
	    DEPT_TIME("f.due_at") " AS due, " DEPT_TIME("f.created_at") " AS created, "
	    "f.draft, s.name AS drafted_by, " DEPT_TIME("f.drafted_at") " AS drafted, "
	    "f.drafted_at AS base_at, f.sendback_note, f.return_reason, f.ext_state, "
	    "f.ext_days, f.ext_reason, l.tracking_no, l.type, c.name AS category, l.subject, "
	    "l.body, l.name, l.mobile, l.email, " DEPT_TIME("l.created_at") " AS letter_created "
	    "FROM mailbox_forward f JOIN mailbox_letter l ON l.id = f.letter_id "
	    "JOIN mailbox_category c ON c.id = l.category_id "
	    "JOIN department d ON d.id = f.department_id "
	    "LEFT JOIN staff s ON s.id = f.drafted_by WHERE f.id = ?";
	static const char	 files[] =
	    "SELECT a.id, a.name, a.type, a.size FROM mailbox_attachment a "
	    "JOIN mailbox_forward f ON f.letter_id = a.letter_id WHERE f.id = ? ORDER BY a.id";
	static const char	 events[] =
	    "SELECT " DEPT_TIME("e.at") " AS at, e.kind, s.name AS staff, e.note "
	    "FROM mailbox_event e JOIN mailbox_forward f ON f.letter_id = e.letter_id "
	    "AND f.department_id = e.department_id "
	    "LEFT JOIN staff s ON s.id = e.staff_id WHERE f.id = ? ORDER BY e.id";
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_seg_int(r, "fid")) };
	struct civic_rows	 rows;
	int			 st;

	if ((st = civic_page_one(r, "forward", one, p, 1, &rows)) != 0)
		return st;
	/* A redraft starts from the draft there is. */
	civic_page_value(r, "draft", civic_rows_get(&rows, 0, "draft"));
	if ((st = civic_page_query(r, "attachments", "attachment", files, p, 1)) != 0 ||
	    (st = civic_page_query(r, "events", "event", events, p, 1)) != 0)
		return st;
	return 200;
}

static int
dept_file(struct civic_req *r)
{
	return mailbox_office_file(r, "SELECT a.name, a.type, a.data FROM mailbox_attachment a "
	    "JOIN mailbox_forward f ON f.letter_id = a.letter_id WHERE f.id = ? AND a.id = ?",
	    civic_req_seg_int(r, "fid"), civic_req_seg_int(r, "aid"));
}

struct dept_act {
	struct civic_req	*r;
	long long		 fid;
	long long		 letter;	/* read inside the transaction */
	long long		 dept;
};

/*
 * One conditional UPDATE of the forward (its id the last parameter);
 * CIVIC_ERR_CONFLICT when no row changed.  Then the forward's letter and
 * department for the history.
 */
static enum civic_err
dept_change(struct dept_act *a, const char *sql, const struct civic_param *p, size_t n)
{
	struct civic_req	*r = a->r;
	struct civic_param	 q[] = { CIVIC_PINT(a->fid) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_db_change(r->db, sql, p, n)) != CIVIC_OK)
		return err;
	if ((err = civic_db_query(r->db, r->arena, "SELECT letter_id, department_id "
	    "FROM mailbox_forward WHERE id = ?", q, 1, 1, &rows)) != CIVIC_OK)
		return err;
	if (rows.nrows == 0)
		return CIVIC_ERR_NOTFOUND;
	a->letter = strtoll(rows.cell[0], NULL, 10);
	a->dept = strtoll(rows.cell[1], NULL, 10);
	return CIVIC_OK;
}

/* The event, the audit row and the redirect back to the forward. */
static enum civic_err
dept_done(struct dept_act *a, const char *kind, const char *note, const char *action)
{
	struct civic_req	*r = a->r;
	char			 ids[24];
	enum civic_err		 err;

	snprintf(ids, sizeof(ids), "%lld", a->fid);
	if ((err = mailbox_event(r, a->letter, kind, a->dept, note, 0)) != CIVIC_OK ||
	    (err = civic_audit(r, action, "mailbox_forward", ids, note)) != CIVIC_OK)
		return err;
	return civic_req_redirect(r, "/dept/%lld", a->fid) == 303 ? CIVIC_OK : CIVIC_ERR_NOMEM;
}

static int
dept_run(struct civic_req *r, enum civic_err (*fn)(void *))
{
	struct dept_act	 a = { r, civic_req_seg_int(r, "fid"), 0, 0 };

	return mailbox_office_answer(r, civic_req_tx(r, fn, &a));
}

/*
 * A draft, or a new one in place of the last: the form says which state
 * and which draft it was shown with (base_state, base_at), so that of two
 * clerks answering at once the second is told, not silently overwritten.
 */
static enum civic_err
dept_draft_tx(void *arg)
{
	static const char	 sql[] =
	    "UPDATE mailbox_forward SET state = 'drafted', draft = ?, drafted_by = ?, "
	    "drafted_at = NOW() WHERE state = ? AND drafted_at <=> ? "
	    "AND state IN ('open', 'drafted') AND id = ?";
	struct dept_act		*a = arg;
	struct civic_req	*r = a->r;
	struct civic_param	 p[] = { CIVIC_PTEXT(civic_req_value(r, "draft")),
				    CIVIC_PINT(r->staff->id),
				    CIVIC_PTEXT(civic_req_value(r, "base_state")),
				    CIVIC_PTEXT(civic_req_value(r, "base_at")),
				    CIVIC_PINT(a->fid) };
	enum civic_err		 err;

	if ((err = dept_change(a, sql, p, CIVIC_NITEMS(p))) != CIVIC_OK)
		return err;
	return dept_done(a, "drafted", NULL, "mailbox.draft");
}

static int
dept_draft(struct civic_req *r)
{
	return dept_run(r, dept_draft_tx);
}

static enum civic_err
dept_extension_tx(void *arg)
{
	static const char	 sql[] =
	    "UPDATE mailbox_forward SET ext_state = 'asked', ext_days = ?, ext_reason = ? "
	    "WHERE state IN ('open', 'drafted') AND ext_state IN ('none', 'refused') AND id = ?";
	struct dept_act		*a = arg;
	struct civic_req	*r = a->r;
	const char		*reason = civic_req_value(r, "ext_reason");
	struct civic_param	 p[] = { CIVIC_PINT(civic_req_int(r, "ext_days", 0)),
				    CIVIC_PTEXT(reason), CIVIC_PINT(a->fid) };
	enum civic_err		 err;

	if ((err = dept_change(a, sql, p, CIVIC_NITEMS(p))) != CIVIC_OK)
		return err;
	return dept_done(a, "extension_asked", civic_arena_printf(r->arena, "+%s: %s",
	    civic_req_value(r, "ext_days"), reason), "mailbox.extension.ask");
}

static int
dept_extension(struct civic_req *r)
{
	return dept_run(r, dept_extension_tx);
}

static enum civic_err
dept_return_tx(void *arg)
{
	static const char	 sql[] =
	    "UPDATE mailbox_forward SET state = 'returned', return_reason = ? "
	    "WHERE state IN ('open', 'drafted') AND id = ?";
	struct dept_act		*a = arg;
	struct civic_req	*r = a->r;
	const char		*reason = civic_req_value(r, "return_reason");
	struct civic_param	 p[] = { CIVIC_PTEXT(reason), CIVIC_PINT(a->fid) };
	enum civic_err		 err;

	/* With no department left on it, the letter is the office's again. */
	if ((err = dept_change(a, sql, p, CIVIC_NITEMS(p))) != CIVIC_OK ||
	    (err = mailbox_office_settle(r, a->letter)) != CIVIC_OK)
		return err;
	return dept_done(a, "returned", reason, "mailbox.return");
}

static int
dept_return(struct civic_req *r)
{
	return dept_run(r, dept_return_tx);
}

/* ---------------------------------------------------------------- routes */

static const char *const dept_base_states[] = { "open", "drafted", NULL };

static const struct civic_field list_fields[] = {
	{ "state", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, dept_states },
	{ "after", CIVIC_V_INT, 1, 999999999999999999LL, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field draft_fields[] = {
	{ "draft", CIVIC_V_MULTILINE, 10, 6000, CIVIC_F_REQUIRED, NULL },
	{ "base_state", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, dept_base_states },
	/* The drafted_at the form was shown with ("YYYY-MM-DD HH:MM:SS"), none for a first. */
	{ "base_at", CIVIC_V_TEXT, 19, 19, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field extension_fields[] = {
	{ "ext_days", CIVIC_V_INT, 1, 30, CIVIC_F_REQUIRED, NULL },
	{ "ext_reason", CIVIC_V_MULTILINE, 2, 500, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field return_fields[] = {
	{ "return_reason", CIVIC_V_MULTILINE, 2, 500, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* An action and its GET twin (the forward's page, where a refused form comes back). */
#define DEPT_ACTION(path, fn, flds) \
	{ .method = "GET", .pattern = path, .view = "dept-forward", \
	    .handler = dept_forward_page, .roles = CIVIC_ROLE_CLERK, .scope = DEPT_SCOPE }, \
	{ .method = "POST", .pattern = path, .view = "dept-forward", .handler = fn, \
	    .fields = flds, .flags = CIVIC_R_STATE, .roles = CIVIC_ROLE_CLERK, \
	    .scope = DEPT_SCOPE }

const struct civic_route mailbox_dept_routes[] = {
	{ .method = "GET", .pattern = "/dept", .view = "dept-list", .handler = dept_list,
	    .fields = list_fields, .roles = CIVIC_ROLE_CLERK },
	{ .method = "GET", .pattern = "/dept/{fid:int}", .view = "dept-forward",
	    .handler = dept_forward_page, .roles = CIVIC_ROLE_CLERK, .scope = DEPT_SCOPE },
	{ .method = "GET", .pattern = "/dept/{fid:int}/file/{aid:int}", .view = "dept-forward",
	    .handler = dept_file, .roles = CIVIC_ROLE_CLERK, .scope = DEPT_SCOPE },
	DEPT_ACTION("/dept/{fid:int}/draft", dept_draft, draft_fields),
	DEPT_ACTION("/dept/{fid:int}/extension", dept_extension, extension_fields),
	DEPT_ACTION("/dept/{fid:int}/return", dept_return, return_fields),
};
const size_t mailbox_dept_nroutes = CIVIC_NITEMS(mailbox_dept_routes);
