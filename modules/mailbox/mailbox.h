/*
 * mailbox.h: the mayor's mailbox (县长信箱), civic-mailbox.fcgi at
 * /mailbox/ (doc/mailbox.md).
 *
 * One file a part, each with its own route table, which cgi/mailbox.c puts
 * together:
 *	public.c	the published letters: list, search, letter, Atom feed
 *	open311.c	Open311 GeoReport v2 over the same
 *	citizen.c	write (with preview), the receipt, track, follow up (the
 *			rating is civic-evaluate.fcgi's: rating.h)
 *	office.c	the information office: inbox, accept, reject, merge,
 *			forward, take back, extensions, review, public version,
 *			publish
 *	dept.c		a department's clerks: its forwards, draft, extension,
 *			return
 *	lists.c		the lists the office maintains: categories, reasons
 *	supervise.c	every letter, urging, statistics (table, SVG, CSV)
 *	letter.c	what they share (below)
 *	index.c		the search index of published letters (its corpus)
 *
 * The schema is sql/008-mailbox.sql; its comments give the states.
 */
#ifndef MAILBOX_H
#define MAILBOX_H

#include "civic.h"
#include "audit.h"
#include "calendar.h"
#include "notify.h"
#include "search.h"
#include "tracking.h"

/* The route tables of the parts. */
extern const struct civic_route	mailbox_public_routes[];
extern const size_t		mailbox_public_nroutes;
extern const struct civic_route	mailbox_open311_routes[];
extern const size_t		mailbox_open311_nroutes;
extern const struct civic_route	mailbox_citizen_routes[];
extern const size_t		mailbox_citizen_nroutes;
extern const struct civic_route	mailbox_office_routes[];
extern const size_t		mailbox_office_nroutes;
extern const struct civic_route	mailbox_dept_routes[];
extern const size_t		mailbox_dept_nroutes;
extern const struct civic_route	mailbox_lists_routes[];
extern const size_t		mailbox_lists_nroutes;
extern const struct civic_route	mailbox_supervise_routes[];
extern const size_t		mailbox_supervise_nroutes;

/* Tracking numbers of letters begin so: "MB20261123-0042". */
#define MAILBOX_PREFIX	"MB"

/* Letter types, as stored; pages translate them (mailbox.type.CODE). */
extern const char *const mailbox_types[];	/* consult complaint suggest help */

/*
 * The light of a letter or forward row aliased t, as SQL: 'green',
 * 'yellow', 'red', or NULL when it has no deadline running (the caller
 * adds a state condition where a finished case must show none).
 */
#define MAILBOX_LIGHT_SQL(t) \
	"CASE WHEN " t ".due_at IS NULL THEN NULL " \
	"WHEN NOW() > " t ".due_at THEN 'red' " \
	"WHEN NOW() >= " t ".warn_at THEN 'yellow' ELSE 'green' END"

/* States of a letter in which its clock runs. */
#define MAILBOX_OPEN_STATES	"'received', 'accepted', 'forwarded'"

/*
 * Appends one row to the letter's history, by the signed-in staff member
 * if any.  public: the writer sees it when tracking.  Inside the
 * transaction of the change it records.
 */
enum civic_err	 mailbox_event(struct civic_req *, long long letter, const char *kind,
		    long long department, const char *note, int public);

/* The configured limit in working days of a letter type (mailbox.limit_TYPE). */
int		 mailbox_limit_days(const struct civic_req *, const char *type);

/*
 * The due time and the first yellow second of a limit of days (plus
 * extension) working days counted from start ("YYYY-MM-DD HH:MM:SS"),
 * formatted into due and warn.  Loads the calendar of start's year and
 * the next two.
 */
enum civic_err	 mailbox_deadline(struct civic_req *, const char *start, int days,
		    int extension, char due[CIVIC_CALENDAR_TIME_LEN],
		    char warn[CIVIC_CALENDAR_TIME_LEN]);

/*
 * <categories><category id="" name=""/>…</categories> (active ones) and
 * <departments><department id="" name=""/>…</departments> under the page,
 * for forms and filters.  0, or the status to return.
 */
int		 mailbox_page_categories(struct civic_req *);
int		 mailbox_page_departments(struct civic_req *);

/*
 * A new letter, as the writer's form (citizen.c) or Open311 (open311.c)
 * gives it; mailbox_letter_create() fills in the rest.
 */
struct mailbox_new {
	const char		*type;		/* one of mailbox_types */
	long long		 category;
	long long		 department;	/* 0: none named */
	const char		*subject;
	const char		*body;
	const char		*name;
	const char		*mobile;
	const char		*email;		/* may be NULL */
	int			 agree_public;
	const struct civic_file	*files[3];	/* NULL where none */
	/* Set by mailbox_letter_create(). */
	long long		 id;
	char			 tracking_no[CIVIC_TRACKING_LEN];
	const char		*code;		/* the query code, shown once */
};

/*
 * Stores a new letter inside the caller's transaction (civic_req_tx): its
 * tracking number and query code, the letter with the office's deadline
 * (mailbox.accept_days), its files, the "received" event, and the SMS (and
 * e-mail, when one was given) with the number and the code.  A category
 * or department that does not exist is CIVIC_ERR_INVALID.
 */
enum civic_err	 mailbox_letter_create(struct civic_req *, struct mailbox_new *);

/*
 * The search index of published letters (mailbox_gram, index.c), for
 * civic_search_index() and _unindex() inside the transaction that
 * publishes or unpublishes a letter, and for `civicctl reindex`.
 */
extern const struct civic_search mailbox_index;

/*
 * What office.c shares with dept.c.  _settle: after a forward was taken
 * back, returned or answered, the letter's deadline becomes its open
 * forwards' latest, or, when none is left open, the letter goes back to
 * the office (accepted) with a new accept_days deadline; inside the
 * change's transaction.  _answer: the status a staff action's handler
 * returns for what its transaction gave (303, the conflict message, 404,
 * 5xx).  _file: sends the attachment that sql (two parameters, a and b)
 * finds, as a download.
 */
enum civic_err	 mailbox_office_settle(struct civic_req *, long long letter);
int		 mailbox_office_answer(struct civic_req *, enum civic_err);
int		 mailbox_office_file(struct civic_req *, const char *sql, long long a,
		    long long b);

#endif
