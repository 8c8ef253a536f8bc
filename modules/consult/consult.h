/*
 * consult.h: online consultation with clerk assignment (政务在线咨询),
 * civic-consult.fcgi at /consult/ (doc/consult.md).
 *
 * One file a part, each with its own route table, which cgi/consult.c
 * puts together:
 *	citizen.c	ask (with similar published answers), the conversation
 *			page with its follow-ups, polling and the link to its
 *			rating (which civic-evaluate.fcgi takes: rating.h),
 *			and the lookup by tracking number and query code
 *	public.c	the published answers: list, search, one answer, Atom
 *	desk.c		a clerk's desk: duty, queue, claim, answer, notes,
 *			answered by phone, transfer, dispatch, close, canned
 *			answers, the department's listing
 *	office.c	the information office: escalations, publication
 *	supervise.c	every question, the figures (table, SVG, CSV)
 *	question.c	what they share (below): duty, assignment, lights
 *
 * The schema is sql/009-consult.sql; its comments give the states.
 */
#ifndef CONSULT_H
#define CONSULT_H

#include "civic.h"
#include "audit.h"
#include "calendar.h"
#include "notify.h"
#include "search.h"
#include "tracking.h"

extern const struct civic_route	consult_citizen_routes[];
extern const size_t		consult_citizen_nroutes;
extern const struct civic_route	consult_public_routes[];
extern const size_t		consult_public_nroutes;
extern const struct civic_route	consult_desk_routes[];
extern const size_t		consult_desk_nroutes;
extern const struct civic_route	consult_office_routes[];
extern const size_t		consult_office_nroutes;
extern const struct civic_route	consult_supervise_routes[];
extern const size_t		consult_supervise_nroutes;

/* Tracking numbers of questions begin so: "ZX20261123-0042" (咨询). */
#define CONSULT_PREFIX	"ZX"

/* The published answers' search index (search.h). */
extern const struct civic_search consult_index;

/* A DATETIME column as text, the way every page shows times. */
#define CONSULT_TIME(c)	"DATE_FORMAT(" c ", '%Y-%m-%d %H:%i:%s')"

/*
 * The light of a question aliased q, as SQL, at the time given by the
 * CONSULT_LIGHT_NPARAMS parameters that follow it (consult_now() each):
 * none once answered or closed; red past the first response's due time
 * while none was given, else past the answer's; yellow in the last fifth
 * of the first-response window, or from warn_at.
 */
#define CONSULT_LIGHT_SQL(q) \
	"CASE WHEN " q ".state <> 'open' THEN NULL " \
	"WHEN " q ".first_response_at IS NULL THEN CASE " \
	"WHEN ? > " q ".first_due_at THEN 'red' " \
	"WHEN ? >= " q ".first_due_at - INTERVAL TIMESTAMPDIFF(SECOND, " q ".asked_at, " \
	q ".first_due_at) DIV 5 SECOND THEN 'yellow' ELSE 'green' END " \
	"WHEN ? > " q ".due_at THEN 'red' WHEN ? >= " q ".warn_at THEN 'yellow' " \
	"ELSE 'green' END"
#define CONSULT_LIGHT_NPARAMS	4

/*
 * Now, as the consultation's clock reads it: consult.now when set (tests
 * drive the working-hours decisions with a fixed time), else the real
 * Beijing time.  Formatted into buf.
 */
civic_time	 consult_now(const struct civic_req *, char buf[CIVIC_CALENDAR_TIME_LEN]);

/*
 * Whether the consultation's window is open at now: a working day (or any
 * day, consult.every_day) within consult.hours.  1 or 0; -1 with *err set
 * when the calendar or the hours failed.
 */
int		 consult_open(struct civic_req *, civic_time now, enum civic_err *err);

/*
 * Whether a clerk is on duty at now, the window being open: the state the
 * clerk set today (state, state_day; may be NULL), else the duty hours in
 * the staff record's text (on_duty; none: not on duty).
 */
int		 consult_on_duty(struct civic_req *, civic_time now, const char *on_duty,
		    const char *state, const char *state_day);

/*
 * Gives question id, in area, to the on-duty clerk of the area with the
 * fewest open questions (ties: the one idle longest), inside the caller's
 * transaction; the area's row is locked first, so that assignments in an
 * area happen one after another on any number of hosts.  No clerk on duty
 * or the window closed: the question stays in the area's queue.  *staff_no
 * gets the clerk's number, or NULL.
 */
enum civic_err	 consult_assign(struct civic_req *, long long id, long long area,
		    const char **staff_no);

/*
 * One row of a question's thread (kind: the enum of consult_message), by
 * staff (0: the signed-in staff member, if any); department 0: none.
 */
enum civic_err	 consult_message(struct civic_req *, long long id, const char *kind,
		    long long staff, long long department, const char *body);

/*
 * A new question, as the citizen's form gives it; consult_question_create()
 * fills in the rest.
 */
struct consult_new {
	long long		 area;
	const char		*subject;
	const char		*body;
	const char		*name;		/* may be NULL */
	const char		*phone;
	/* Set by consult_question_create(). */
	long long		 id;
	char			 tracking_no[CIVIC_TRACKING_LEN];
	const char		*code;		/* the query code, shown once */
	const char		*staff_no;	/* the clerk it went to, or NULL */
};

/*
 * Stores a new question inside the caller's transaction: its number and
 * code, its deadlines, the first message, the assignment, and the SMS
 * with the number and the code.  An area that is not listed is
 * CIVIC_ERR_INVALID.
 */
enum civic_err	 consult_question_create(struct civic_req *, struct consult_new *);

/*
 * The figures of the questions asked from..to (dates, either may be NULL)
 * as <by-department> or <by-clerk> (by "department" or "clerk") with a
 * <row> each, of one clerk's questions only when staff > 0 (supervise.c).
 * 0, or the status to return.
 */
int		 consult_page_figures(struct civic_req *, const char *by, long long staff,
		    const char *from, const char *to);

/* <areas><area><id/><name/><intro/></area>…</areas>: the listed areas, for forms. */
int		 consult_page_areas(struct civic_req *);

/*
 * A staff action's end: the audit row and the redirect to the question's
 * desk page.  Its handler then answers with civic_req_done(r, err,
 * CONSULT_CONFLICT).
 */
enum civic_err	 consult_done(struct civic_req *, long long id, const char *action,
		    const char *note);

/* The message of a staff action whose question had moved on (someone acted first). */
#define CONSULT_CONFLICT	"consult.desk.conflict"

#endif
