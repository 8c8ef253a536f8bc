/*
 * evaluate.h: evaluation (网上评议 / 好差评), civic-evaluate.fcgi at
 * /evaluate/ (doc/evaluate.md).  A rating itself is rating.h's, shared
 * with every feature; here is the program that takes and shows them.
 *
 * One file a part, each with its own route table, which cgi/evaluate.c
 * puts together:
 *	case.c		a handled case's rating, by the link its page and its
 *			notification carry (/case/{no}/{token})
 *	campaign.c	evaluation campaigns: the office runs them, citizens
 *			rate a department in one, once a phone number
 *	clerk.c		a window clerk's rating by staff number
 *	verify.c	what campaign.c and clerk.c share: SMS codes proving a
 *			phone number (no routes)
 *	rectify.c	the 差评 loop: return visit, rectification, appeal
 *			(departments), the office's decision
 *	results.c	the home page and the public results: satisfaction per
 *			department and item, above a minimum of ratings, with
 *			the 95 % interval; rectifications in summary
 *	supervise.c	figures for supervisors and the office: per
 *			department, clerk, kind and period, ranking, SVG, CSV
 *
 * The schema is sql/010-evaluate.sql; its comments give the states.
 */
#ifndef EVALUATE_H
#define EVALUATE_H

#include "civic.h"
#include "audit.h"
#include "calendar.h"
#include "notify.h"
#include "rating.h"

extern const struct civic_route	eval_case_routes[];
extern const size_t		eval_case_nroutes;
extern const struct civic_route	eval_campaign_routes[];
extern const size_t		eval_campaign_nroutes;
extern const struct civic_route	eval_clerk_routes[];
extern const size_t		eval_clerk_nroutes;
extern const struct civic_route	eval_rectify_routes[];
extern const size_t		eval_rectify_nroutes;
extern const struct civic_route	eval_results_routes[];
extern const size_t		eval_results_nroutes;
extern const struct civic_route	eval_supervise_routes[];
extern const size_t		eval_supervise_nroutes;

/* A DATETIME column as text, the way every page shows times. */
#define EVAL_TIME(c)	"DATE_FORMAT(" c ", '%Y-%m-%d %H:%i:%s')"

/* Now, as the evaluation's clock reads it (evaluate.now when set: tests). */
civic_time	 eval_now(const struct civic_req *, char buf[CIVIC_CALENDAR_TIME_LEN]);

/* ---------------------------------------------------------------- verify.c */

/* Tries an SMS code allows before it is spent, and codes a phone may be sent an hour. */
#define EVAL_CODE_TRIES		5
#define EVAL_CODES_PER_HOUR	5

/*
 * The keyed hash (BLAKE2b-256 under the site's secret) of a phone number,
 * as 64 hexadecimal digits in the arena: what a once_key holds of a
 * phone, so that the number can't be read back from it by trying every
 * number; NULL when memory is short.
 */
const char	*eval_phone_key(struct civic_req *, const char *phone);

/*
 * Sends (through the outbox, inside the caller's transaction) a new code
 * for phone and purpose ("campaign:3"), good evaluate.code_minutes.
 * CIVIC_ERR_TOOBIG past EVAL_CODES_PER_HOUR for that phone and purpose.
 */
enum civic_err	 eval_verify_send(struct civic_req *, const char *purpose, const char *phone);

/*
 * Spends the code typed for phone and purpose, inside the caller's
 * transaction: CIVIC_OK when it is the newest unexpired, unused code's
 * (which is then used), CIVIC_ERR_INVALID when wrong, expired or past
 * EVAL_CODE_TRIES (a wrong try is counted even so: the caller commits).
 */
enum civic_err	 eval_verify_check(struct civic_req *, const char *purpose, const char *phone,
		    const char *code);

/*
 * A form's "send the code" POST: the code to the form's phone (inside its
 * own transaction), then the form again by show(r, arg) with everything
 * typed kept and a message that the code went; past the hour's codes, the
 * form refused beside the phone.  The status to return.
 */
int		 eval_verify_code_form(struct civic_req *, const char *purpose,
		    int (*show)(struct civic_req *, void *), void *arg);

/*
 * Counts a wrong try after all, in a transaction of its own: the rating's,
 * in which eval_verify_check() counted it, rolled back.
 */
enum civic_err	 eval_verify_count(struct civic_req *, const char *purpose, const char *phone);

/* ------------------------------------------------ results.c, supervise.c */

/*
 * The period of the figures, from and to (dates, both days included; NULL:
 * the last 12 months up to today on the evaluation's clock), as the
 * arena's text into *from and *to, and as the two parameters
 * "rated_at >= ? AND rated_at < ?" takes (from's midnight, and the
 * midnight after to) into p[0] and p[1].  0, or 500.
 */
int		 eval_period(struct civic_req *, const char *from, const char *to,
		    const char **pfrom, const char **pto, struct civic_param p[2]);

/*
 * A figures' query's rows (EVAL_COUNTS_SQL's columns among them) into
 * out: the same columns but those named in drop (NULL-terminated, may be
 * NULL), and rate (好评 / n in per cent, one decimal), lo and hi (its 95 %
 * Wilson interval, eval_wilson) and enough (1 when n reaches
 * evaluate.min_ratings, else 0).  With public, a row below the minimum
 * has no rate, lo or hi: a rate of a few votes is not published at all.
 * 0, or 500 when memory is short.
 */
int		 eval_figures(struct civic_req *, const struct civic_rows *in, int public,
		    const char *const *drop, struct civic_rows *out);

#endif
