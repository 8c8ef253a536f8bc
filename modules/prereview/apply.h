/*
 * apply.h: what the application (apply.c) and the applicant's progress
 * page (progress.c) share: the cookies that bring an applicant back to
 * their application, and the storing of a material's file.
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
 * Stores f (NULL: no file, the material not needed) as material's upload
 * of round of application app, latest, at now, inside the caller's
 * transaction.  The file store's or the database's error.
 */
enum civic_err	 pr_apply_upload(struct civic_req *, long long app, long long material,
		    long long round, const struct civic_file *f, const char *now);

#endif
