/*
 * access.c: a citizen's own case by its tracking number and query code,
 * the cookie that carries a new code to the page showing it, and the
 * signed grant of a case to a browser (access.h).
 *
 * This was the mailbox's (modules/mailbox/citizen.c) until the
 * consultation needed the same: the counting of failures, the refusal
 * that looks the same for a wrong number and a wrong code, and the
 * cookies are one piece of security each, better written once.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "access.h"
#include "sign.h"
#include "worker.h"

const struct civic_field civic_access_form_fields[] = {
	{ "no", CIVIC_V_TRACKNO, 0, 0, CIVIC_F_QUERY, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

const struct civic_field civic_access_fields[] = {
	{ "no", CIVIC_V_TRACKNO, 0, 0, CIVIC_F_REQUIRED, NULL },
	{ "code", CIVIC_V_TEXT, 1, 32, CIVIC_F_REQUIRED | CIVIC_F_SECRET, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/*
 * A grant is the time it was made, signed for this purpose and the case's
 * number (sign.h): "access.grant:NO:T".
 */
#define ACCESS_GRANT		"access.grant"

/*
 * The digits of a grant's time: twelve are good until the year 33658, and
 * a bound keeps a forged cookie from overflowing the number.
 */
#define ACCESS_TIME_DIGITS	12

/*
 * Set-Cookie of name=value for the path path under the mount point,
 * HttpOnly and SameSite=Strict: none of these cookies is for scripts or
 * for requests from other sites.  Secure over HTTPS, or always when
 * security.cookie_secure says so (TLS ending at a proxy in front).
 * Max-Age 0 clears the cookie.
 */
static enum civic_err
access_cookie(struct civic_req *r, const char *name, const char *value,
    const char *path, int max_age)
{
	const char	*secure = civic_config_get(r->worker->cfg, "security.cookie_secure");

	return civic_req_header(r, "Set-Cookie", civic_arena_printf(r->arena,
	    "%s=%s; Path=%s%s; Max-Age=%d; HttpOnly; SameSite=Strict%s",
	    name, value, r->worker->mount, path, max_age,
	    r->https || strcmp(secure, "always") == 0 ? "; Secure" : ""));
}

int
civic_access_code_is(const char *code, const char *hash, size_t hashlen)
{
	unsigned char	 h[CIVIC_TRACKING_HASH_LEN];
	int		 ok;

	/*
	 * The code is hashed whether or not there is a stored hash to compare
	 * it with, so that an unknown number costs what a wrong code does; h
	 * is cleared so that the comparison never reads an unset buffer.
	 */
	memset(h, 0, sizeof(h));
	ok = code != NULL && civic_tracking_hash(code, h) == 0;
	ok = hash != NULL && hashlen == sizeof(h) &&
	    sodium_memcmp(h, hash, sizeof(h)) == 0 && ok;
	return ok;
}

int
civic_access_check(struct civic_req *r, const char *action, const char *sql,
    const char *no, const char *code, const char *refuse_key, long long *id)
{
	struct civic_param	 p[] = { CIVIC_PTEXT(no) };
	struct civic_rows	 rows;
	unsigned long long	 by_addr, by_no;
	unsigned		 wait1, wait2;
	const char		*fail, *fail_no;
	int			 found, st;
	enum civic_err		 err;

	*id = 0;
	/* Without both there is nothing to guess with: the form's own refusal. */
	if (no == NULL || code == NULL) {
		st = civic_req_refuse(r, NULL, refuse_key);
		goto out;
	}
	fail = civic_arena_printf(r->arena, "%s.fail", action);
	fail_no = civic_arena_printf(r->arena, "%s.fail.no", action);
	if (fail == NULL || fail_no == NULL) {
		st = 500;
		goto out;
	}
	/*
	 * Counted before the code is checked, so that parallel guesses are
	 * counted too; taken back below when the code was right.
	 */
	if ((err = civic_ratelimit_hit(r->db, fail, r->remote_addr, CIVIC_ACCESS_WINDOW,
	    &by_addr, &wait1)) != CIVIC_OK ||
	    (err = civic_ratelimit_hit(r->db, fail_no, no, CIVIC_ACCESS_WINDOW,
	    &by_no, &wait2)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if (by_addr > CIVIC_ACCESS_FAILS_ADDR || by_no > CIVIC_ACCESS_FAILS_NO) {
		r->retry_after = wait1 > wait2 ? wait1 : wait2;
		st = 429;
		goto out;
	}
	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	found = rows.nrows == 1;
	if (!civic_access_code_is(code, found ? rows.cell[1] : NULL, found ? rows.len[1] : 0)) {
		st = civic_req_refuse(r, NULL, refuse_key);
		goto out;
	}
	if ((err = civic_ratelimit_undo(r->db, fail, r->remote_addr,
	    CIVIC_ACCESS_WINDOW)) != CIVIC_OK ||
	    (err = civic_ratelimit_undo(r->db, fail_no, no, CIVIC_ACCESS_WINDOW)) != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	*id = strtoll(rows.cell[0], NULL, 10);
	st = 0;
out:
	return st;
}

enum civic_err
civic_access_code_cookie(struct civic_req *r, const char *name, const char *path,
    const char *code)
{
	return access_cookie(r, name, code != NULL ? code : "", path,
	    code != NULL ? CIVIC_ACCESS_CODE_AGE : 0);
}

enum civic_err
civic_access_grant(struct civic_req *r, const char *name, const char *path,
    const char *no)
{
	char		 sig[CIVIC_SIGN_LEN + 1];
	const char	*value;
	long long	 now = (long long)time(NULL);
	enum civic_err	 err = CIVIC_ERR_NOMEM;

	civic_sign_time(r->worker->secret, ACCESS_GRANT, no, now, sig);
	if ((value = civic_arena_printf(r->arena, "%lld.%s", now, sig)) == NULL)
		goto out;
	err = access_cookie(r, name, value, path, CIVIC_ACCESS_GRANT_AGE);
out:
	return err;
}

int
civic_access_granted(const struct civic_req *r, const char *name, const char *no)
{
	const char	*v = civic_kv_get(&r->cookies, name);
	long long	 t = 0, age;
	size_t		 i;
	int		 ok = 0;

	if (v == NULL || no == NULL)
		goto out;
	/* "T.SIG", T of one to ACCESS_TIME_DIGITS digits. */
	for (i = 0; i < ACCESS_TIME_DIGITS && v[i] >= '0' && v[i] <= '9'; i++)
		t = t * 10 + (v[i] - '0');
	if (i == 0 || v[i] != '.' ||
	    !civic_sign_time_check(r->worker->secret, ACCESS_GRANT, no, t, v + i + 1))
		goto out;
	/* Signed by us, so the time is ours: in the future only if the clock went back. */
	age = (long long)time(NULL) - t;
	ok = age >= 0 && age <= CIVIC_ACCESS_GRANT_AGE;
out:
	return ok;
}
