/*
 * formtime.h: the time a public form was shown, signed, against spam
 * (DESIGN.md, "Spam on anonymous forms").  The form carries it in two
 * hidden fields, issued and sig; a submission whose time is missing,
 * forged, in the future or older than CIVIC_FORMTIME_MAX_AGE is refused,
 * and so is one sent sooner after its form was shown than a person could
 * write it.  purpose ("mailbox.form-time") keeps one form's signature from
 * standing for another's.
 */
#ifndef CIVIC_FORMTIME_H
#define CIVIC_FORMTIME_H

#include "request.h"

/* A signed form time older than this is refused: a day to fill in a form. */
#define CIVIC_FORMTIME_MAX_AGE	86400

/* The signature: HMAC-SHA-512-256, URL-safe base64 without padding. */
#define CIVIC_FORMTIME_SIG_LEN	43

/*
 * The two fields a route declares for it (optional: the handler checks
 * them, so as to answer with one clear message rather than a validator's).
 */
#define CIVIC_FORMTIME_FIELDS \
	{ "issued", CIVIC_V_INT, 0, 999999999999LL, 0, NULL }, \
	{ "sig", CIVIC_V_TOKEN, CIVIC_FORMTIME_SIG_LEN, CIVIC_FORMTIME_SIG_LEN, 0, NULL }

/* <form-time issued="…" sig="…"/> under the page: now, signed, for a form being shown. */
void		 civic_formtime_page(struct civic_req *, const char *purpose);

/*
 * The seconds since the form was shown, from the request's issued and sig
 * fields, or -1 when its time is missing, forged, in the future or too old.
 */
long long	 civic_formtime_age(const struct civic_req *, const char *purpose);

#endif
