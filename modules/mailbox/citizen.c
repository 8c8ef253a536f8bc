/*
 * citizen.c: the writer's side of the mailbox (mailbox.h), public and
 * without an account: write a letter (form, preview, send), the receipt
 * with the tracking number and the query code, and tracking the letter
 * with both, where a replied letter is asked one follow-up question and
 * shows the link to its rating, which civic-evaluate.fcgi takes
 * (rating.h; doc/mailbox-citizen.md).
 *
 * Against spam: a honeypot field, a form-issue time signed with the
 * worker's secret (formtime.h: a letter sent sooner than
 * mailbox.min_fill_seconds after its form was shown is refused), and
 * per-address rate limits in the route table.  Against guessing query
 * codes: the core's civic_access_check() (access.h), which counts failed
 * lookups per address and per tracking number before the code is checked
 * and answers a wrong code exactly as an unknown number.
 *
 * The query code is shown once and never put in a URL: the send answers
 * with a redirect to the receipt and sets the code in a short-lived
 * cookie scoped to the receipt's path, which the receipt shows and
 * clears.  A replayed send (same idempotency key) gets the stored
 * redirect only, so the code is never sent twice.
 */
#include <stdio.h>
#include <string.h>

#include "mailbox.h"
#include "access.h"
#include "formtime.h"
#include "page.h"
#include "rating.h"
#include "worker.h"

/*
 * The purpose the letter form's time is signed for: as it was before the
 * signing moved into the core, so that forms shown before an upgrade can
 * still be sent after it.
 */
#define CITIZEN_FORM_TIME	"mailbox.form-time"

/* The query code's cookie, and the receipt's path it is scoped to. */
#define CITIZEN_CODE_COOKIE	"civic_mb_code"
#define CITIZEN_CODE_PATH	"sent/"

/* The failures of lookups are counted as "mailbox.track.fail" and ".fail.no". */
#define CITIZEN_TRACK		"mailbox.track"

static const char *const yes[] = { "1", NULL };
static const char *const done_words[] = { "followup", NULL };

/*
 * The letter's fields, as the form, the preview and the final form carry
 * them.  issued and sig (the signed form time) and the honeypot website
 * are optional here: the send checks them itself, so as to answer with
 * one clear message rather than a validator's.
 */
#define CITIZEN_LETTER_FIELDS \
	{ "type", CIVIC_V_ENUM, 0, 0, CIVIC_F_REQUIRED, mailbox_types }, \
	{ "category", CIVIC_V_INT, 1, 4294967295LL, CIVIC_F_REQUIRED, NULL }, \
	{ "department", CIVIC_V_INT, 1, 4294967295LL, 0, NULL }, \
	{ "subject", CIVIC_V_TEXT, 5, 40, CIVIC_F_REQUIRED, NULL }, \
	{ "body", CIVIC_V_MULTILINE, 10, 3000, CIVIC_F_REQUIRED, NULL }, \
	{ "name", CIVIC_V_TEXT, 2, 20, CIVIC_F_REQUIRED, NULL }, \
	{ "mobile", CIVIC_V_MOBILE, 0, 0, CIVIC_F_REQUIRED, NULL }, \
	{ "email", CIVIC_V_EMAIL, 0, 0, 0, NULL }, \
	{ "agree", CIVIC_V_ENUM, 0, 0, 0, yes }, \
	{ "website", CIVIC_V_TEXT, 0, 200, 0, NULL }, \
	CIVIC_FORMTIME_FIELDS

/* The names above that the preview carries on to the final form. */
static const char *const letter_names[] = { "type", "category", "department", "subject",
    "body", "name", "mobile", "email", "agree", "website", "issued", "sig", NULL };

static const struct civic_field preview_fields[] = {
	CITIZEN_LETTER_FIELDS,
	/* "Edit again" on the preview: back to the form, values kept. */
	{ "edit", CIVIC_V_ENUM, 0, 0, 0, yes },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field send_fields[] = {
	CITIZEN_LETTER_FIELDS,
	{ "attachment1", CIVIC_V_FILE, 0, CIVIC_MAX_FILE, 0, NULL },
	{ "attachment2", CIVIC_V_FILE, 0, CIVIC_MAX_FILE, 0, NULL },
	{ "attachment3", CIVIC_V_FILE, 0, CIVIC_MAX_FILE, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct civic_field track_get_fields[] = {
	{ "no", CIVIC_V_TRACKNO, 0, 0, CIVIC_F_QUERY, NULL },
	{ "done", CIVIC_V_ENUM, 0, 0, CIVIC_F_QUERY, done_words },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* Here the code came in a hidden field of the writer's own page: kept on a refusal. */
static const struct civic_field followup_fields[] = {
	{ "no", CIVIC_V_TRACKNO, 0, 0, CIVIC_F_REQUIRED, NULL },
	{ "code", CIVIC_V_TEXT, 1, 32, CIVIC_F_REQUIRED, NULL },
	{ "question", CIVIC_V_MULTILINE, 10, 1000, CIVIC_F_REQUIRED, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* ------------------------------------------------------------ write */

/* The choice lists of the form and the preview.  0, or the status to return. */
static int
citizen_lists(struct civic_req *r)
{
	xmlNodePtr	 types;
	size_t		 i;
	int		 st;

	types = civic_page_add(r, NULL, "types", NULL);
	for (i = 0; mailbox_types[i] != NULL; i++)
		civic_page_add(r, types, "type", mailbox_types[i]);
	if ((st = mailbox_page_categories(r)) == 0)
		st = mailbox_page_departments(r);
	return st;
}

/*
 * GET /write: the form, with a freshly signed form time.  Also the page of
 * a refused preview, and of "edit again".
 */
static int
citizen_write_form(struct civic_req *r)
{
	int	 st;

	if ((st = citizen_lists(r)) != 0)
		return st;
	civic_formtime_page(r, CITIZEN_FORM_TIME);
	return 200;
}

/* The validated letter fields as the page's values, for the next form. */
static void
citizen_keep_values(struct civic_req *r)
{
	size_t	 i;

	for (i = 0; letter_names[i] != NULL; i++)
		civic_page_value(r, letter_names[i], civic_req_value(r, letter_names[i]));
}

/*
 * POST /write: the preview of what would be public, and the final form
 * that carries every value on (hidden) with the file inputs; or, for
 * "edit again", the form with the values kept.
 */
static int
citizen_write_preview(struct civic_req *r)
{
	int	 st;

	if (civic_req_value(r, "edit") != NULL) {
		civic_page_attr(r->page, "view", "write");
		citizen_keep_values(r);
		return citizen_write_form(r);
	}
	if ((st = citizen_lists(r)) != 0)
		return st;
	citizen_keep_values(r);
	return 200;
}

/*
 * GET /write/send: the page of a refused send, which is the preview again
 * (the core adds what was sent as the page's values) with a new form time,
 * so that a writer whose form had expired is not stuck.  Opened directly,
 * the stylesheet sends the visitor to the form.
 */
static int
citizen_write_again(struct civic_req *r)
{
	int	 st;

	if ((st = citizen_lists(r)) != 0)
		return st;
	civic_formtime_page(r, CITIZEN_FORM_TIME);
	return 200;
}

struct citizen_send {
	struct civic_req	*r;
	struct mailbox_new	 n;
	int			 done;	/* the letter was made by this request */
};

static enum civic_err
citizen_send_tx(void *arg)
{
	struct citizen_send	*s = arg;
	enum civic_err		 err;

	/* Run again after a deadlock, this starts from the same state. */
	s->done = 0;
	if ((err = mailbox_letter_create(s->r, &s->n)) != CIVIC_OK)
		goto out;
	if (civic_req_redirect(s->r, "/sent/%s", s->n.tracking_no) != 303) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	s->done = 1;
out:
	return err;
}

/*
 * POST /write/send: the spam checks, then the letter in one transaction,
 * then the receipt.  The code goes with the redirect in a cookie only when
 * this request made the letter: a twin of it, answered with the first
 * one's redirect, sends none.
 */
static int
citizen_write_send(struct civic_req *r)
{
	struct citizen_send	 s;
	const char		*website = civic_req_value(r, "website");
	long long		 age, min_fill;
	size_t			 i;
	enum civic_err		 err;
	int			 st;

	min_fill = civic_config_int(r->worker->cfg, "mailbox.min_fill_seconds");
	if (website != NULL) {
		st = civic_req_refuse(r, NULL, "mailbox.write.honeypot");
		goto out;
	}
	if ((age = civic_formtime_age(r, CITIZEN_FORM_TIME)) < 0) {
		st = civic_req_refuse(r, NULL, "mailbox.write.expired");
		goto out;
	}
	if (age < min_fill) {
		st = civic_req_refuse(r, NULL, "mailbox.write.too_fast");
		goto out;
	}
	memset(&s, 0, sizeof(s));
	s.r = r;
	s.n.type = civic_req_value(r, "type");
	s.n.category = civic_req_int(r, "category", 0);
	s.n.department = civic_req_int(r, "department", 0);
	s.n.subject = civic_req_value(r, "subject");
	s.n.body = civic_req_value(r, "body");
	s.n.name = civic_req_value(r, "name");
	s.n.mobile = civic_req_value(r, "mobile");
	s.n.email = civic_req_value(r, "email");
	s.n.agree_public = civic_req_value(r, "agree") != NULL;
	for (i = 0; i < CIVIC_NITEMS(s.n.files); i++) {
		char name[16];

		snprintf(name, sizeof(name), "attachment%zu", i + 1);
		s.n.files[i] = civic_req_file(r, name);
	}
	err = civic_req_tx(r, citizen_send_tx, &s);
	if (err == CIVIC_ERR_INVALID) {
		/* The category or department has gone since the form was shown. */
		st = civic_req_refuse(r, NULL, "mailbox.write.stale");
		goto out;
	}
	if (err != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if (s.done && civic_access_code_cookie(r, CITIZEN_CODE_COOKIE, CITIZEN_CODE_PATH,
	    s.n.code) != CIVIC_OK) {
		st = 500;
		goto out;
	}
	st = 303;
out:
	return st;
}

/* ------------------------------------------------------------ receipt */

/*
 * GET /sent/{no}: the tracking number, and the query code when it waits in
 * this browser's cookie and is the letter's; the cookie is then cleared,
 * so that the code shows once.  Nothing personal is on this page.
 */
static int
citizen_sent(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT tracking_no, query_hash FROM mailbox_letter WHERE tracking_no = ?";
	const char		*no = civic_req_seg(r, "no");
	const char		*code = civic_kv_get(&r->cookies, CITIZEN_CODE_COOKIE);
	struct civic_param	 p[] = { CIVIC_PTEXT(no) };
	struct civic_rows	 rows;
	xmlNodePtr		 e;
	enum civic_err		 err;
	int			 st;

	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if (rows.nrows == 0) {
		st = 404;
		goto out;
	}
	e = civic_page_add(r, NULL, "receipt", NULL);
	civic_page_attr(e, "no", rows.cell[0]);
	if (code != NULL) {
		if (civic_access_code_is(code, rows.cell[1], rows.len[1]))
			civic_page_attr(e, "code", code);
		if (civic_access_code_cookie(r, CITIZEN_CODE_COOKIE, CITIZEN_CODE_PATH,
		    NULL) != CIVIC_OK) {
			st = 500;
			goto out;
		}
	}
	st = 200;
out:
	return st;
}

/* ------------------------------------------------------------ track */

/* GET /track: the lookup form; ?no= fills in the number, ?done= says what was saved. */
static int
citizen_track_form(struct civic_req *r)
{
	const char	*no = civic_req_value(r, "no");
	const char	*done = civic_req_value(r, "done");

	/* A refused lookup keeps what was typed; a link may bring the number. */
	if (no != NULL)
		civic_page_value(r, "no", no);
	if (done != NULL)
		civic_page_message(r, "info", "mailbox.track.done.followup");
	return 200;
}

/*
 * The letter named by the form's number and code (civic_access_check()
 * counts and refuses), an unknown number and a wrong code refused alike.
 * 0 with *id set, or the status to return.
 */
static int
citizen_access(struct civic_req *r, long long *id)
{
	static const char	 sql[] =
	    "SELECT id, query_hash FROM mailbox_letter WHERE tracking_no = ?";

	return civic_access_check(r, CITIZEN_TRACK, sql, civic_req_value(r, "no"),
	    civic_req_value(r, "code"), "mailbox.track.failed", id);
}

/*
 * The letter as its writer sees it: the text, its state, the public steps
 * of its history, the reply, the follow-up, and its rating or the link to
 * rate it (rating.h).  The writer's name, phone and e-mail are not
 * selected: they never reach a page.
 */
static int
citizen_letter_page(struct civic_req *r, long long id)
{
	static const char	 letter_sql[] =
	    "SELECT l.tracking_no AS no, l.type, l.state, c.name AS category, l.subject, "
	    "l.body, DATE_FORMAT(l.created_at, '%Y-%m-%d %H:%i:%s') AS created, "
	    "IF(l.state IN ('replied', 'closed'), l.reply, NULL) AS reply, "
	    "IF(l.state IN ('replied', 'closed'), "
	    "DATE_FORMAT(l.replied_at, '%Y-%m-%d %H:%i:%s'), NULL) AS replied, "
	    "rd.name AS reply_department, "
	    "l.followup, DATE_FORMAT(l.followup_at, '%Y-%m-%d %H:%i:%s') AS followup_at, "
	    "l.followup_reply, "
	    "DATE_FORMAT(l.followup_reply_at, '%Y-%m-%d %H:%i:%s') AS followup_reply_at, "
	    "IF(l.state = 'rejected', rr.name, NULL) AS reject_reason, "
	    "IF(l.state = 'rejected', l.reject_note, NULL) AS reject_note, "
	    "IF(l.state = 'merged', m.tracking_no, NULL) AS merged_into, "
	    "IF(l.state IN ('replied', 'closed'), 1, 0) AS answered "
	    "FROM mailbox_letter l JOIN mailbox_category c ON c.id = l.category_id "
	    "LEFT JOIN department rd ON rd.id = l.reply_department_id "
	    "LEFT JOIN mailbox_reject_reason rr ON rr.id = l.reject_reason_id "
	    "LEFT JOIN mailbox_letter m ON m.id = l.merged_into "
	    "WHERE l.id = ?";
	static const char	 files_sql[] =
	    "SELECT name, size FROM mailbox_attachment WHERE letter_id = ? ORDER BY id";
	/* Only the public steps; a note only where it is the writer's to read. */
	static const char	 events_sql[] =
	    "SELECT DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s') AS at, e.kind, "
	    "d.name AS department, IF(e.kind = 'rejected', e.note, NULL) AS note "
	    "FROM mailbox_event e LEFT JOIN department d ON d.id = e.department_id "
	    "WHERE e.letter_id = ? AND e.public = 1 ORDER BY e.id";
	struct civic_param	 p[] = { CIVIC_PINT(id) };
	struct civic_rows	 rows;
	enum civic_err		 err;
	int			 st;

	if ((err = civic_db_query(r->db, r->arena, letter_sql, p, 1, 1, &rows)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if (rows.nrows == 0) {
		st = 404;
		goto out;
	}
	civic_page_rows(r, NULL, "letter", &rows);
	if ((st = civic_page_query(r, "attachments", "attachment", files_sql, p, 1)) != 0 ||
	    (st = civic_page_query(r, "history", "event", events_sql, p, 1)) != 0 ||
	    (st = eval_page_case(r, NULL, EVAL_LETTER, id, civic_rows_get(&rows, 0, "no"),
	    strcmp(civic_rows_get(&rows, 0, "answered"), "1") == 0)) != 0)
		goto out;
	st = 200;
out:
	return st;
}

/* The number and code the writer's forms carry on, in the page. */
static void
citizen_access_page(struct civic_req *r)
{
	xmlNodePtr	 a = civic_page_add(r, NULL, "access", NULL);

	civic_page_attr(a, "no", civic_req_value(r, "no"));
	civic_page_attr(a, "code", civic_req_value(r, "code"));
}

/* POST /track: the letter, when number and code fit (200: no URL carries them). */
static int
citizen_track(struct civic_req *r)
{
	long long	 id;
	int		 st;

	if ((st = citizen_access(r, &id)) != 0)
		goto out;
	if ((st = citizen_letter_page(r, id)) == 200)
		citizen_access_page(r);
out:
	return st;
}

/*
 * GET /track/followup: the page of a refused question, its form again
 * with what was sent (the stylesheet shows it from the page's values) and
 * a way back to the letter.
 */
static int
citizen_track_again(struct civic_req *r)
{
	(void)r;
	return 200;
}

struct citizen_change {
	struct civic_req	*r;
	long long		 id;
	const char		*sql;
	struct civic_param	*p;
	size_t			 np;
	const char		*kind;	/* the event */
	const char		*done;	/* for the message after the redirect */
};

/*
 * One conditional UPDATE (replied or closed, not yet asked), its
 * public event, and the redirect to the track form with the message.
 * CIVIC_ERR_CONFLICT when the letter is not in that state.
 */
static enum civic_err
citizen_change_tx(void *arg)
{
	struct citizen_change	*c = arg;
	struct civic_req	*r = c->r;
	enum civic_err		 err;

	if ((err = civic_db_change(r->db, c->sql, c->p, c->np)) != CIVIC_OK)
		goto out;
	if ((err = mailbox_event(r, c->id, c->kind, 0, NULL, 1)) != CIVIC_OK)
		goto out;
	if (civic_req_redirect(r, "/track?no=%s&done=%s", civic_req_value(r, "no"),
	    c->done) != 303)
		err = CIVIC_ERR_NOMEM;
out:
	return err;
}

/* Runs c after checking number and code; the refusal keys name what went wrong. */
static int
citizen_change(struct civic_req *r, struct citizen_change *c, const char *refused)
{
	int	 st;

	if ((st = citizen_access(r, &c->id)) != 0)
		goto out;
	c->p[c->np - 1] = CIVIC_PINT(c->id);
	st = civic_req_done(r, civic_req_tx(r, citizen_change_tx, c), refused);
out:
	return st;
}

/* POST /track/followup: one follow-up question on a replied letter. */
static int
citizen_followup(struct civic_req *r)
{
	static const char	 sql[] =
	    "UPDATE mailbox_letter SET followup = ?, followup_at = NOW() "
	    "WHERE id = ? AND state IN ('replied', 'closed') AND followup IS NULL";
	struct civic_param	 p[] = { CIVIC_PTEXT(civic_req_value(r, "question")),
				    CIVIC_PNULL };
	struct citizen_change	 c = { r, 0, sql, p, CIVIC_NITEMS(p), "followup",
				    "followup" };

	return citizen_change(r, &c, "mailbox.followup.refused");
}

const struct civic_route mailbox_citizen_routes[] = {
	{ .method = "GET", .pattern = "/write", .view = "write",
	    .handler = citizen_write_form },
	{ .method = "POST", .pattern = "/write", .view = "write-preview",
	    .handler = citizen_write_preview, .fields = preview_fields, .flags = CIVIC_R_CSRF,
	    .rate = { "mailbox.preview", 120, 3600 } },
	{ .method = "GET", .pattern = "/write/send", .view = "write-preview",
	    .handler = citizen_write_again },
	{ .method = "POST", .pattern = "/write/send", .view = "write-preview",
	    .handler = citizen_write_send, .fields = send_fields, .flags = CIVIC_R_STATE,
	    .rate = { "mailbox.send", 30, 3600 } },
	/*
	 * The receipt says whether a number exists (404 or not): bounded like
	 * the lookups, so that it can't serve to count the day's letters.
	 */
	{ .method = "GET", .pattern = "/sent/{no:tracking}", .view = "sent",
	    .handler = citizen_sent, .rate = { "mailbox.sent", 60, 3600 } },
	{ .method = "GET", .pattern = "/track", .view = "track",
	    .handler = citizen_track_form, .fields = track_get_fields },
	{ .method = "POST", .pattern = "/track", .view = "track-letter",
	    .handler = citizen_track, .fields = civic_access_fields, .flags = CIVIC_R_CSRF,
	    .rate = { "mailbox.track", 120, 3600 } },
	{ .method = "GET", .pattern = "/track/followup", .view = "track-followup",
	    .handler = citizen_track_again },
	{ .method = "POST", .pattern = "/track/followup", .view = "track-followup",
	    .handler = citizen_followup, .fields = followup_fields, .flags = CIVIC_R_STATE,
	    .rate = { "mailbox.track", 120, 3600 } },
};
const size_t mailbox_citizen_nroutes = CIVIC_NITEMS(mailbox_citizen_routes);
