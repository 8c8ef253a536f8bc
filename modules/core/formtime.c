/*
 * formtime.c: the signed time a public form was shown (formtime.h).
 *
 * The time is signed for a purpose (sign.h), "mailbox.form-time:T" for
 * the mailbox's letter form, so that the signature is the one the
 * mailbox made before this moved into the core, and a form shown for one
 * feature can't be sent to another's.  Nothing is stored: any worker on
 * any host checks what any other signed.
 */
#include <stdio.h>
#include <time.h>

#include "formtime.h"
#include "page.h"
#include "sign.h"
#include "worker.h"

/* The route's sig field is declared with this length (CIVIC_FORMTIME_FIELDS). */
_Static_assert(CIVIC_FORMTIME_SIG_LEN == CIVIC_SIGN_LEN, "a form time's signature");

void
civic_formtime_page(struct civic_req *r, const char *purpose)
{
	char		 sig[CIVIC_SIGN_LEN + 1], t[24];
	long long	 now = (long long)time(NULL);
	xmlNodePtr	 e;

	civic_sign_time(r->worker->secret, purpose, NULL, now, sig);
	snprintf(t, sizeof(t), "%lld", now);
	e = civic_page_add(r, NULL, "form-time", NULL);
	civic_page_attr(e, "issued", t);
	civic_page_attr(e, "sig", sig);
}

long long
civic_formtime_age(const struct civic_req *r, const char *purpose)
{
	long long	 t = civic_req_int(r, "issued", -1), age = -1;

	if (t < 0 || !civic_sign_time_check(r->worker->secret, purpose, NULL, t,
	    civic_req_value(r, "sig")))
		goto out;
	age = (long long)time(NULL) - t;
	if (age < 0 || age > CIVIC_FORMTIME_MAX_AGE)
		age = -1;
out:
	return age;
}
