/*
 * signin.c: signing in and out, and one's own password.
 *
 * Failed sign-ins are counted per client address and per staff number in
 * the shared rate-limit table; past either limit the answer is 429 with
 * the wait, before any password is checked.  The answer to a failure is
 * the same whether the account exists or not, and takes as long (a
 * missing account still costs one Argon2id verification).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "audit.h"

/* Failed sign-ins allowed in a window of 15 minutes, per address and per account. */
#define SIGNIN_WINDOW		900
#define SIGNIN_FAILS_ADDR	20
#define SIGNIN_FAILS_ACCOUNT	5

int
account_home(struct civic_req *r)
{
	(void)r;
	return 200;
}

int
account_signin_form(struct civic_req *r)
{
	const char	*next = civic_req_value(r, "next");

	if (next != NULL)
		civic_page_add(r, NULL, "next", next);
	return 200;
}

/* Only a path on this site: never "//host" or "http://…" (an open redirect). */
static const char *
signin_next(const char *next)
{
	if (next == NULL || next[0] != '/' || next[1] == '/' || next[1] == '\\' ||
	    strpbrk(next, "\r\n") != NULL)
		return "/account/";
	return next;
}

struct signin_ok {
	struct civic_req	*r;
	long long		 id;
	const char		*old;	/* the session the browser had, if any */
};

static enum civic_err
signin_commit(void *arg)
{
	struct signin_ok	*s = arg;
	enum civic_err		 err;
	char			 id[24];

	/* Run again after a deadlock, this starts from the same state. */
	s->r->session = s->old;
	if ((err = civic_session_create(s->r, s->id)) != CIVIC_OK)
		return err;
	snprintf(id, sizeof(id), "%lld", s->id);
	{
		struct civic_audit_entry e = { s->id, s->r->remote_addr, "signin", "staff", id,
		    NULL };

		return civic_audit_append(s->r->db, s->r->arena, &e);
	}
}

static enum civic_err
signin_failed(void *arg)
{
	struct civic_req	*r = arg;
	struct civic_audit_entry e = { 0, r->remote_addr, "signin.fail", "staff_no",
				    civic_req_value(r, "staff_no"), NULL };

	return civic_audit_append(r->db, r->arena, &e);
}

/*
 * Every attempt is counted before its password is checked, so that many
 * guesses sent at once can't all pass a limit read before any was
 * counted; an attempt that succeeds is taken back, so that the counts are
 * of failures.
 */
int
account_signin(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT id, password_hash FROM staff WHERE staff_no = ? AND active = 1";
	const char		*no = civic_req_value(r, "staff_no");
	const char		*pw = civic_req_value(r, "password");
	unsigned long long	 by_addr, by_account;
	unsigned		 wait1, wait2;
	struct civic_param	 p[] = { CIVIC_PTEXT(no) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	if ((err = civic_ratelimit_hit(r->db, "signin.fail", r->remote_addr, SIGNIN_WINDOW,
	    &by_addr, &wait1)) != CIVIC_OK ||
	    (err = civic_ratelimit_hit(r->db, "signin.fail.account", no, SIGNIN_WINDOW,
	    &by_account, &wait2)) != CIVIC_OK)
		return civic_req_status(err);
	if (by_addr > SIGNIN_FAILS_ADDR || by_account > SIGNIN_FAILS_ACCOUNT) {
		r->retry_after = wait1 > wait2 ? wait1 : wait2;
		return 429;
	}
	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	if (!civic_password_verify(rows.nrows == 1 ? civic_rows_get(&rows, 0, "password_hash") :
	    NULL, pw)) {
		if ((err = civic_db_tx(r->db, signin_failed, r)) != CIVIC_OK)
			return civic_req_status(err);
		return civic_req_refuse(r, NULL, "account.signin.failed");
	}
	if ((err = civic_ratelimit_undo(r->db, "signin.fail", r->remote_addr,
	    SIGNIN_WINDOW)) != CIVIC_OK ||
	    (err = civic_ratelimit_undo(r->db, "signin.fail.account", no, SIGNIN_WINDOW)) !=
	    CIVIC_OK)
		return civic_req_status(err);
	{
		struct signin_ok s = { r, strtoll(civic_rows_get(&rows, 0, "id"), NULL, 10),
		    r->session };

		if ((err = civic_db_tx(r->db, signin_commit, &s)) != CIVIC_OK)
			return civic_req_status(err);
	}
	if (civic_session_set_cookie(r) != CIVIC_OK)
		return 500;
	r->location = civic_arena_strdup(r->arena, signin_next(civic_req_value(r, "next")));
	return r->location != NULL ? 303 : 500;
}

struct signout {
	struct civic_req		*r;
	const char			*session;
	const struct civic_staff	*staff;
};

static enum civic_err
signout_commit(void *arg)
{
	struct signout		*o = arg;
	enum civic_err		 err;

	/* Run again after a deadlock, this starts from the same state. */
	o->r->session = o->session;
	o->r->staff = o->staff;
	if ((err = civic_audit(o->r, "signout", "staff", NULL, NULL)) != CIVIC_OK)
		return err;
	return civic_session_destroy(o->r);
}

int
account_signout(struct civic_req *r)
{
	struct signout	 o = { r, r->session, r->staff };
	enum civic_err	 err;

	if ((err = civic_db_tx(r->db, signout_commit, &o)) != CIVIC_OK)
		return civic_req_status(err);
	if (civic_session_set_cookie(r) != CIVIC_OK)
		return 500;
	return civic_req_redirect(r, "/signin");
}

int
account_password_form(struct civic_req *r)
{
	(void)r;
	return 200;
}

struct password_change {
	struct civic_req	*r;
	const char		*hash;
};

static enum civic_err
password_commit(void *arg)
{
	static const char	 upd[] =
	    "UPDATE staff SET password_hash = ?, password_changed_at = NOW() WHERE id = ?";
	/* Every other session of this person ends: a stolen one among them too. */
	static const char	 others[] =
	    "DELETE FROM staff_session WHERE staff_id = ? AND token_hash <> ?";
	struct password_change	*c = arg;
	struct civic_req	*r = c->r;
	unsigned char		 h[32];
	enum civic_err		 err;
	struct civic_param	 p[] = { CIVIC_PTEXT(c->hash), CIVIC_PINT(r->staff->id) };
	struct civic_param	 q[] = { CIVIC_PINT(r->staff->id), CIVIC_PBLOB(h, sizeof(h)) };

	civic_session_hash(r->session, h);
	if ((err = civic_db_exec(r->db, upd, p, 2, NULL, NULL)) != CIVIC_OK ||
	    (err = civic_db_exec(r->db, others, q, 2, NULL, NULL)) != CIVIC_OK)
		return err;
	return civic_audit(r, "password.change", "staff", NULL, NULL);
}

int
account_password(struct civic_req *r)
{
	static const char	 sql[] = "SELECT password_hash FROM staff WHERE id = ?";
	struct civic_param	 p[] = { CIVIC_PINT(r->staff->id) };
	struct civic_rows	 rows;
	struct password_change	 c = { r, NULL };
	char			 hash[CIVIC_PASSWORD_HASHLEN];
	enum civic_err		 err;

	if (strcmp(civic_req_value(r, "new"), civic_req_value(r, "confirm")) != 0)
		return civic_req_refuse(r, "confirm", "account.password.mismatch");
	if ((err = civic_db_query(r->db, r->arena, sql, p, 1, 1, &rows)) != CIVIC_OK)
		return civic_req_status(err);
	if (!civic_password_verify(civic_rows_get(&rows, 0, "password_hash"),
	    civic_req_value(r, "current")))
		return civic_req_refuse(r, "current", "account.password.wrong");
	if (civic_password_hash(civic_req_value(r, "new"), hash, sizeof(hash)) != CIVIC_OK)
		return 500;
	c.hash = hash;
	if ((err = civic_db_tx(r->db, password_commit, &c)) != CIVIC_OK)
		return civic_req_status(err);
	civic_page_message(r, "info", "account.password.changed");
	return 200;
}
