/*
 * access.h: a citizen's own case, reached without an account by its
 * tracking number and query code (DESIGN.md, "Tracking numbers").
 *
 * Against guessing codes: every lookup is counted per client address and
 * per tracking number before the code is checked, and a lookup that
 * succeeds is taken back, so that the counts are of failures; an unknown
 * number and a wrong code are the same refusal, after the same work.
 *
 * The code is shown once and never put in a URL: the submission answers
 * with a redirect and sets the code in a short-lived cookie scoped to the
 * page that shows it, which shows and clears it.
 *
 * A feature whose case has a page of its own (the consultation's
 * conversation) may, once the code was given, grant this browser that
 * case by a signed cookie scoped to the case's path: the HMAC of the
 * number and the grant's time under the worker's secret, good for
 * CIVIC_ACCESS_GRANT_AGE.
 */
#ifndef CIVIC_ACCESS_H
#define CIVIC_ACCESS_H

#include "request.h"
#include "tracking.h"

/* Failed lookups allowed in an hour, per address and per tracking number. */
#define CIVIC_ACCESS_WINDOW		3600
#define CIVIC_ACCESS_FAILS_ADDR		30
#define CIVIC_ACCESS_FAILS_NO		10

/* Seconds the query code waits in its cookie for the page that shows it. */
#define CIVIC_ACCESS_CODE_AGE		600

/* Seconds a grant lasts: long enough to come back for the answer and rate it. */
#define CIVIC_ACCESS_GRANT_AGE		(90 * 86400)

/*
 * The lookup's fields, the same in every feature: its form (GET: the
 * number, from a link, to fill in) and its POST (the number and the code;
 * a code is at most 32 characters, room for a longer one than
 * CIVIC_TRACKING_CODE_LEN, and typed, so a secret: never sent back into
 * the page when the lookup fails).
 */
extern const struct civic_field	civic_access_form_fields[];
extern const struct civic_field	civic_access_fields[];

/*
 * The case whose number is no and whose code is code, by sql (one
 * parameter, the number; two columns, the id and the code's hash).  The
 * failures are counted as action ".fail" per address and action
 * ".fail.no" per number.  Returns 0 with *id set; 429 (r->retry_after
 * set) past the limits; for a wrong number or code,
 * civic_req_refuse(r, NULL, refuse_key)'s status; 503 or 500 when the
 * database fails.
 */
int		 civic_access_check(struct civic_req *, const char *action,
		    const char *sql, const char *no, const char *code,
		    const char *refuse_key, long long *id);

/* 1 when code is the one whose hash (a cell of hashlen bytes) is stored. */
int		 civic_access_code_is(const char *code, const char *hash, size_t hashlen);

/*
 * Set-Cookie of the code's cookie name, for the path path under the
 * program's mount point ("sent/"): code, or NULL to clear it.
 */
enum civic_err	 civic_access_code_cookie(struct civic_req *, const char *name,
		    const char *path, const char *code);

/*
 * Set-Cookie granting this browser the case no, scoped to path under the
 * mount point ("q/ZX20261123-0042"); and 1 when the request carries a
 * valid, unexpired grant of no in the cookie name, else 0.
 */
enum civic_err	 civic_access_grant(struct civic_req *, const char *name,
		    const char *path, const char *no);
int		 civic_access_granted(const struct civic_req *, const char *name,
		    const char *no);

#endif
