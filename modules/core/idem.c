/*
 * idem.c: idempotency keys, so that a retried POST never makes a second
 * case.
 *
 * Every form carries a fresh random key.  The transaction that carries out
 * a state change claims the key first and stores with it the answer it
 * gave (the redirect to what it made), in the same commit: either both
 * exist or neither.  A POST whose key is already stored is answered with
 * that stored redirect and its handler is not run.  Two copies of a POST
 * racing each other meet at the key (PRIMARY KEY (program, idem_key))
 * before either writes anything else: the second waits for the first's
 * commit, fails with 1062, rolls back and answers with the first's
 * redirect.
 */
#include <string.h>

#include <sodium.h>

#include "db.h"
#include "log.h"
#include "request.h"
#include "worker.h"

#define IDEM_RAW	16
#define IDEM_B64LEN	22

const char *
civic_idem_new(struct civic_req *r)
{
	unsigned char	 raw[IDEM_RAW];
	char		*out;

	if ((out = civic_arena_alloc(r->arena, IDEM_B64LEN + 1)) == NULL)
		return NULL;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, IDEM_B64LEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

enum civic_err
civic_idem_lookup(struct civic_req *r, const char *key, const char **location)
{
	static const char	 sql[] =
	    "SELECT location FROM idempotency WHERE idem_key = ? AND program = ?";
	struct civic_param	 p[] = { CIVIC_PTEXT(key), CIVIC_PTEXT(r->worker->app->name) };
	struct civic_rows	 rows;
	enum civic_err		 err;

	*location = NULL;
	if ((err = civic_db_query(r->db, r->arena, sql, p, 2, 1, &rows)) != CIVIC_OK)
		return err;
	if (rows.nrows == 1)
		*location = rows.cell[0];
	return CIVIC_OK;
}

struct idem_tx {
	struct civic_req	 *r;
	enum civic_err		(*fn)(void *);
	void			 *arg;
	int			  dup;	/* the key was there already */
};

static enum civic_err
idem_tx_run(void *arg)
{
	static const char	 claim[] =
	    "INSERT INTO idempotency (idem_key, program, location) VALUES (?, ?, '')";
	static const char	 answer[] =
	    "UPDATE idempotency SET location = ? WHERE program = ? AND idem_key = ?";
	struct idem_tx		*t = arg;
	struct civic_req	*r = t->r;
	const char		*key = NULL;
	enum civic_err		 err;

	t->dup = 0;
	r->location = NULL;
	if (r->route->flags & CIVIC_R_STATE)
		key = civic_kv_get(&r->form, "idem");
	/*
	 * The key first: a twin of this POST waits here for the first to
	 * commit and then fails on the key, not on some UNIQUE column of the
	 * handler's, and so does a rerun after a COMMIT whose outcome was
	 * lost with its connection.
	 */
	if (key != NULL) {
		struct civic_param p[] = { CIVIC_PTEXT(key),
		    CIVIC_PTEXT(r->worker->app->name) };

		if ((err = civic_db_exec(r->db, claim, p, 2, NULL, NULL)) != CIVIC_OK) {
			t->dup = err == CIVIC_ERR_DUPLICATE;
			return err;
		}
	}
	if ((err = t->fn(t->arg)) != CIVIC_OK || key == NULL)
		return err;
	if (r->location == NULL) {
		civic_log_err("state-changing handler set no redirect");
		return CIVIC_ERR_DB;
	}
	{
		struct civic_param p[] = { CIVIC_PTEXT(r->location),
		    CIVIC_PTEXT(r->worker->app->name), CIVIC_PTEXT(key) };

		return civic_db_exec(r->db, answer, p, 3, NULL, NULL);
	}
}

enum civic_err
civic_req_tx(struct civic_req *r, enum civic_err (*fn)(void *), void *arg)
{
	struct idem_tx	 t = { r, fn, arg, 0 };
	enum civic_err	 err;
	const char	*loc;

	err = civic_db_tx(r->db, idem_tx_run, &t);
	if (err == CIVIC_ERR_DUPLICATE && t.dup) {
		/* A twin request committed first: answer as it did. */
		if ((err = civic_idem_lookup(r, civic_kv_get(&r->form, "idem"), &loc)) ==
		    CIVIC_OK && loc == NULL)
			err = CIVIC_ERR_DB;
		r->location = loc;
	}
	return err;
}
