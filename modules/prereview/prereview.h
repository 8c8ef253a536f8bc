/*
 * prereview.h: the service guide and online pre-review (办事指南 + 网上预审),
 * civic-prereview.fcgi at /prereview/ (doc/prereview.md).
 *
 * One file a part, each with its own route table, which cgi/prereview.c
 * puts together:
 *	guide.c		the public guide: items by department, audience and
 *			theme, search, the item page (printable), blank forms
 *	items.c		staff edit items (office: all; a clerk: own
 *			department's), with the version history
 *	itemio.c	an item read from a form or an import row, checked and
 *			written with its version (items.c and `civicctl
 *			import-items` share it; no routes)
 *	apply.c		the application form and its receipt
 *	progress.c	the applicant's progress page: stages, the light, the
 *			reviewers' word per material, replace and resubmit,
 *			own files, the rating link
 *	review.c	a department's desk: claim, a verdict per material, the
 *			decision, the one combined notice, extensions, the
 *			parallel review's settling, completion and pick-up
 *	board.c		supervision: the red/yellow/green board by department,
 *			overdue first, urging
 *	prereview.c	what they share (below): the clock, events, the index
 *
 * The schema is sql/012-prereview.sql; its comments give the states.
 */
#ifndef PREREVIEW_H
#define PREREVIEW_H

#include "civic.h"
#include "audit.h"
#include "calendar.h"
#include "filestore.h"
#include "notify.h"
#include "search.h"
#include "tracking.h"

extern const struct civic_route	pr_guide_routes[];
extern const size_t		pr_guide_nroutes;
extern const struct civic_route	pr_items_routes[];
extern const size_t		pr_items_nroutes;
extern const struct civic_route	pr_apply_routes[];
extern const size_t		pr_apply_nroutes;
extern const struct civic_route	pr_progress_routes[];
extern const size_t		pr_progress_nroutes;
extern const struct civic_route	pr_review_routes[];
extern const size_t		pr_review_nroutes;
extern const struct civic_route	pr_board_routes[];
extern const size_t		pr_board_nroutes;

/* Serial numbers (办件流水号) of applications begin so: "YS20261207-0001" (预审). */
#define PR_PREFIX	"YS"

/*
 * An item's extra fields (x1..x8 on the application form) and materials
 * (m1..m10, one upload slot each: CIVIC_MAX_FILES in limits.h).  A county
 * hall's items ask for a handful of each; the longest lists seen are
 * about a dozen materials, of which the ones beyond ten are originals
 * shown at the window, not scanned.
 */
#define PR_MAX_FIELDS		8
#define PR_MAX_MATERIALS	10

/*
 * Departments reviewing one application in parallel: the route table's
 * scope gives at most CIVIC_MAX_SCOPES departments for an object.
 */
#define PR_MAX_REVIEWERS	CIVIC_MAX_SCOPES

/*
 * MariaDB's errors of a foreign key: a row still referenced can't be
 * deleted (ER_ROW_IS_REFERENCED_2), a row can't reference one that is
 * gone (ER_NO_REFERENCED_ROW_2).  An item edited while an application to
 * it is made meets the other at one of them.
 */
#define PR_ERR_ROW_IS_REFERENCED	1451
#define PR_ERR_NO_REFERENCED_ROW	1452

/* A DATETIME column as text, the way every page shows times. */
#define PR_TIME(c)	"DATE_FORMAT(" c ", '%Y-%m-%d %H:%i:%s')"

/*
 * The light of a row aliased t with due_at and warn_at, as SQL, at the
 * time of its one parameter (pr_now's text): NULL while paused (paused_at
 * of the application aliased a is set) or decided (state given by the
 * caller's WHERE), red past due_at, yellow from warn_at, else green.
 */
#define PR_LIGHT_SQL(a, t) \
	"CASE WHEN " a ".paused_at IS NOT NULL THEN NULL " \
	"WHEN ? > " t ".due_at THEN 'red' WHEN ? >= " t ".warn_at THEN 'yellow' " \
	"ELSE 'green' END"
#define PR_LIGHT_NPARAMS	2

/*
 * A review's light on the desk and the board: PR_LIGHT_SQL of review rv
 * of application a, 'paused' while the application waits for its
 * corrections.  And their order and keyset: reviews still running before
 * the paused ones, then by due time (so the overdue come first), then by
 * id, as one sortable text.
 */
#define PR_REVIEW_LIGHT_SQL	"COALESCE(" PR_LIGHT_SQL("a", "rv") ", 'paused')"
/* The words PR_REVIEW_LIGHT_SQL gives, NULL-terminated: the desk's and the board's filter. */
extern const char *const pr_review_lights[];
#define PR_REVIEW_KEY_SQL \
	"CONCAT(IF(a.paused_at IS NULL, '0', '1'), DATE_FORMAT(rv.due_at, '%Y%m%d%H%i%s'), " \
	"LPAD(rv.id, 20, '0'))"

/*
 * Correction rounds one application may have.  一次性告知 means one
 * notice should do; a department that has asked twenty times must pass
 * or reject (review.c refuses a 21st correction), and the clock's pauses
 * (pr_clock_store) are bounded by the same number.
 */
#define PR_MAX_ROUNDS		20

/* Bytes of an event's note (pr_event.note is VARCHAR(2000)), its ellipsis counted. */
#define PR_EVENT_NOTE_MAX	1990

/* The guide's search index (search.h): an active item's public text. */
extern const struct civic_search pr_index;

/*
 * s cut to at most max bytes on a character's boundary, with "…" when
 * cut, in the arena (NULL when memory is short): what a column or a
 * message's parameter holds.
 */
const char	*pr_cut(struct civic_arena *, const char *s, size_t max);

/* 1 when value is one of choices ("是|否"), compared whole. */
int		 pr_is_choice(const char *choices, const char *value);

/* Now, as the pre-review's clock reads it (prereview.now when set: tests). */
civic_time	 pr_now(const struct civic_req *, char buf[CIVIC_CALENDAR_TIME_LEN]);

/*
 * Recomputes, inside the caller's transaction, the due and warning times
 * of every review of application app still to be decided (waiting,
 * claimed), from the application's created_at, the review's days and
 * extension_days and the application's pauses (pr_pause; one still open
 * ends at now), and the application's own due_at and warn_at as the
 * latest of all its reviews'.  What the apply, correction, resubmission
 * and extension steps call after changing what the clock depends on.
 * The database's or the calendar's error.
 */
enum civic_err	 pr_clock_store(struct civic_req *, long long app);

/*
 * Adds an event of application app (pr_event) in the caller's
 * transaction: kind ("submitted", "claimed", "verdict", "correction",
 * "resubmitted", "passed", "rejected", "completed", "extension",
 * "urged"), its round, the department (0: none) and note (NULL: none;
 * cut to PR_EVENT_NOTE_MAX); the staff member is the signed-in one, if
 * any.  public: shown on the applicant's progress page.
 */
enum civic_err	 pr_event(struct civic_req *, long long app, const char *kind,
		    long long round, long long department, const char *note, int public);

#endif
