/*
 * apply.h: what the application (apply.c) and the applicant's progress
 * page (progress.c) share: the cookies that bring an applicant back to
 * their application, the refusal of several fields at once, and the
 * storing of a material's file.
 */
#ifndef PR_APPLY_H
#define PR_APPLY_H

#include "prereview.h"

/*
 * The query code's cookie, scoped to the receipt ("sent/"), and the
 * grant of an application to this browser, scoped to its progress page
 * ("case/YS20261207-0001"): access.h.
 */
#define PR_APPLY_CODE_COOKIE	"civic_ys_code"
#define PR_APPLY_CODE_PATH	"sent/"
#define PR_APPLY_GRANT_COOKIE	"civic_ys"

/* The path a grant of serial is scoped to, "case/" + the serial, with its NUL. */
#define PR_APPLY_GRANT_LEN	(sizeof("case/") + CIVIC_TRACKING_LEN)

/*
 * Adds an error beside field (message key, and max for its text) to the
 * request's errors, as a validator's would be: a form that is wrong in
 * several places says so at all of them at once, as 一次性告知 asks of
 * the staff too.  The core keeps room for one error a declared field; a
 * field named twice, or more errors than that, are dropped.  The caller
 * ends with pr_apply_refuse().
 */
void		 pr_apply_err(struct civic_req *, const char *field, const char *key,
		    long long max);

/*
 * The form again with the errors added (422), and the message key above
 * the form; civic_req_refuse()'s status.
 */
int		 pr_apply_refuse(struct civic_req *, const char *key);

/*
 * Stores f (NULL: no file, the material not needed) as material's upload
 * of round of application app, latest, at now, inside the caller's
 * transaction.  The file store's or the database's error.
 */
enum civic_err	 pr_apply_upload(struct civic_req *, long long app, long long material,
		    long long round, const struct civic_file *f, const char *now);

#endif
