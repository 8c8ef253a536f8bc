/*
 * verify.c: SMS codes proving a phone number, for the ratings that have
 * no case behind them (a department in a campaign, a clerk by staff
 * number): evaluate.h.
 *
 * Nothing of a phone number or of a code is stored in the clear: the row
 * holds keyed hashes (BLAKE2b-256 under the site's secret), so that a
 * copy of the table gives neither the numbers nor the codes, and the
 * number can't be found by hashing every mobile number (some 10^10)
 * without the secret.  Each hash has its own prefix, so that a phone's
 * key is never a code's hash and neither is anything else the secret
 * keys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "evaluate.h"
#include "worker.h"

#define VERIFY_HASH_LEN		crypto_generichash_BYTES	/* 32: the columns' BINARY(32) */
#define VERIFY_PHONE_PREFIX	"civic.evaluate.phone\n"
#define VERIFY_CODE_PREFIX	"civic.evaluate.code\n"

/* The keyed hash of prefix, a (and b when not NULL, after a newline), into out. */
static void
verify_hash(const struct civic_req *r, const char *prefix, const char *a, const char *b,
    unsigned char out[VERIFY_HASH_LEN])
{
	crypto_generichash_state	 st;

	crypto_generichash_init(&st, r->worker->secret, sizeof(r->worker->secret),
	    VERIFY_HASH_LEN);
	crypto_generichash_update(&st, (const unsigned char *)prefix, strlen(prefix));
	crypto_generichash_update(&st, (const unsigned char *)a, strlen(a));
	if (b != NULL) {
		crypto_generichash_update(&st, (const unsigned char *)"\n", 1);
		crypto_generichash_update(&st, (const unsigned char *)b, strlen(b));
	}
	crypto_generichash_final(&st, out, VERIFY_HASH_LEN);
	sodium_memzero(&st, sizeof(st));
}

const char *
eval_phone_key(struct civic_req *r, const char *phone)
{
	unsigned char	 h[VERIFY_HASH_LEN];
	char		*out;

	if (phone == NULL ||
	    (out = civic_arena_alloc(r->arena, 2 * VERIFY_HASH_LEN + 1)) == NULL)
		return NULL;
	verify_hash(r, VERIFY_PHONE_PREFIX, phone, NULL, h);
	sodium_bin2hex(out, 2 * VERIFY_HASH_LEN + 1, h, sizeof(h));
	return out;
}

/*
 * The code's hash binds it to the phone and the purpose: the same six
 * digits sent to two numbers, or for two campaigns, hash differently.
 */
static void
verify_code_hash(const struct civic_req *r, const char *purpose, const char *phone,
    const char *code, unsigned char out[VERIFY_HASH_LEN])
{
	char	 what[64 + 2 * VERIFY_HASH_LEN];
	unsigned char ph[VERIFY_HASH_LEN];
	char	 hex[2 * VERIFY_HASH_LEN + 1];

	verify_hash(r, VERIFY_PHONE_PREFIX, phone, NULL, ph);
	sodium_bin2hex(hex, sizeof(hex), ph, sizeof(ph));
	snprintf(what, sizeof(what), "%.40s\n%s", purpose, hex);
	verify_hash(r, VERIFY_CODE_PREFIX, what, code, out);
}

enum civic_err
eval_verify_send(struct civic_req *r, const char *purpose, const char *phone)
{
	/*
	 * FOR UPDATE: two sends for the same number wait for each other
	 * here, so that the hour's count can't be passed by racing.
	 */
	static const char	 count[] =
	    "SELECT COUNT(*) FROM eval_verify WHERE phone_hash = ? AND purpose = ? "
	    "AND created_at > CAST(? AS DATETIME) - INTERVAL 1 HOUR FOR UPDATE";
	static const char	 insert[] =
	    "INSERT INTO eval_verify (phone_hash, purpose, code_hash, created_at, expires_at) "
	    "VALUES (?, ?, ?, CAST(? AS DATETIME), CAST(? AS DATETIME) + INTERVAL ? MINUTE)";
	char			 now[CIVIC_CALENDAR_TIME_LEN], code[8], mins[24];
	unsigned char		 ph[VERIFY_HASH_LEN], ch[VERIFY_HASH_LEN];
	long long		 minutes;
	struct civic_rows	 rows;
	enum civic_err		 err;

	eval_now(r, now);
	minutes = civic_config_int(r->worker->cfg, "evaluate.code_minutes");
	if (minutes <= 0)
		minutes = 10;
	verify_hash(r, VERIFY_PHONE_PREFIX, phone, NULL, ph);
	{
		struct civic_param p[] = { CIVIC_PBLOB(ph, sizeof(ph)), CIVIC_PTEXT(purpose),
		    CIVIC_PTEXTN(now, strlen(now)) };

		if ((err = civic_db_query(r->db, r->arena, count, p, CIVIC_NITEMS(p), 1,
		    &rows)) != CIVIC_OK)
			goto out;
	}
	if (rows.nrows == 1 && rows.cell[0] != NULL &&
	    strtoll(rows.cell[0], NULL, 10) >= EVAL_CODES_PER_HOUR) {
		err = CIVIC_ERR_TOOBIG;
		goto out;
	}
	/* Uniform over 000000..999999: randombytes_uniform has no modulo bias. */
	snprintf(code, sizeof(code), "%06u", (unsigned)randombytes_uniform(1000000));
	verify_code_hash(r, purpose, phone, code, ch);
	{
		struct civic_param p[] = { CIVIC_PBLOB(ph, sizeof(ph)), CIVIC_PTEXT(purpose),
		    CIVIC_PBLOB(ch, sizeof(ch)), CIVIC_PTEXTN(now, strlen(now)),
		    CIVIC_PTEXTN(now, strlen(now)), CIVIC_PINT(minutes) };

		if ((err = civic_db_exec(r->db, insert, p, CIVIC_NITEMS(p), NULL, NULL)) !=
		    CIVIC_OK)
			goto out;
	}
	snprintf(mins, sizeof(mins), "%lld", minutes);
	{
		struct civic_notify_param np[] = { { "code", code }, { "minutes", mins } };

		err = civic_notify_enqueue(r->db, r->arena, CIVIC_NOTIFY_SMS, phone,
		    "evaluate.code", r->lang, np, CIVIC_NITEMS(np));
	}
out:
	sodium_memzero(code, sizeof(code));
	return err;
}

enum civic_err
eval_verify_check(struct civic_req *r, const char *purpose, const char *phone,
    const char *code)
{
	static const char	 sql[] =
	    "SELECT id, code_hash, attempts FROM eval_verify "
	    "WHERE phone_hash = ? AND purpose = ? AND used_at IS NULL "
	    "AND expires_at >= CAST(? AS DATETIME) ORDER BY id DESC LIMIT 1 FOR UPDATE";
	static const char	 tried[] =
	    "UPDATE eval_verify SET attempts = attempts + 1 WHERE id = ? AND used_at IS NULL";
	static const char	 used[] =
	    "UPDATE eval_verify SET used_at = CAST(? AS DATETIME) WHERE id = ? AND used_at IS NULL";
	char			 now[CIVIC_CALENDAR_TIME_LEN];
	unsigned char		 ph[VERIFY_HASH_LEN], ch[VERIFY_HASH_LEN];
	struct civic_rows	 rows;
	long long		 id;
	enum civic_err		 err;

	if (code == NULL || phone == NULL) {
		err = CIVIC_ERR_INVALID;
		goto out;
	}
	eval_now(r, now);
	verify_hash(r, VERIFY_PHONE_PREFIX, phone, NULL, ph);
	{
		struct civic_param p[] = { CIVIC_PBLOB(ph, sizeof(ph)), CIVIC_PTEXT(purpose),
		    CIVIC_PTEXTN(now, strlen(now)) };

		if ((err = civic_db_query(r->db, r->arena, sql, p, CIVIC_NITEMS(p), 1, &rows)) !=
		    CIVIC_OK)
			goto out;
	}
	/* None sent, all spent or expired; or this one tried too often already. */
	if (rows.nrows != 1 || rows.len[1] != VERIFY_HASH_LEN ||
	    strtoll(rows.cell[2], NULL, 10) >= EVAL_CODE_TRIES) {
		err = CIVIC_ERR_INVALID;
		goto out;
	}
	id = strtoll(rows.cell[0], NULL, 10);
	{
		/* Counted whether right or wrong: the caller commits a wrong try too. */
		struct civic_param p[] = { CIVIC_PINT(id) };

		if ((err = civic_db_change(r->db, tried, p, 1)) != CIVIC_OK)
			goto out;
	}
	verify_code_hash(r, purpose, phone, code, ch);
	if (sodium_memcmp(ch, rows.cell[1], VERIFY_HASH_LEN) != 0) {
		err = CIVIC_ERR_INVALID;
		goto out;
	}
	{
		struct civic_param p[] = { CIVIC_PTEXTN(now, strlen(now)), CIVIC_PINT(id) };

		err = civic_db_change(r->db, used, p, CIVIC_NITEMS(p));
	}
out:
	return err;
}

struct verify_send {
	struct civic_req	*r;
	const char		*purpose;
	const char		*phone;
};

static enum civic_err
verify_send_tx(void *arg)
{
	struct verify_send	*s = arg;

	return eval_verify_send(s->r, s->purpose, s->phone);
}

int
eval_verify_code_form(struct civic_req *r, const char *purpose,
    int (*show)(struct civic_req *, void *), void *arg)
{
	struct verify_send		 s = { r, purpose, civic_req_value(r, "phone") };
	const struct civic_field	*f;
	enum civic_err			 err;
	int				 st;

	err = civic_req_tx(r, verify_send_tx, &s);
	if (err == CIVIC_ERR_TOOBIG) {
		st = civic_req_refuse(r, "phone", "evaluate.code.toomany");
		goto out;
	}
	if (err != CIVIC_OK) {
		st = civic_req_status(err);
		goto out;
	}
	if ((st = show(r, arg)) != 200)
		goto out;
	/* Everything typed comes back: the code is the one field to add. */
	for (f = r->route->fields; f->name != NULL; f++)
		civic_page_value(r, f->name, civic_req_value(r, f->name));
	civic_page_message(r, "info", "evaluate.code.sent");
out:
	return st;
}

/* A wrong try, counted: anything but a database error commits. */
static enum civic_err
verify_count_tx(void *arg)
{
	struct verify_send	*s = arg;
	enum civic_err		 err;

	err = eval_verify_check(s->r, s->purpose, s->phone, civic_req_value(s->r, "code"));
	return err == CIVIC_ERR_INVALID ? CIVIC_OK : err;
}

enum civic_err
eval_verify_count(struct civic_req *r, const char *purpose, const char *phone)
{
	struct verify_send	 s = { r, purpose, phone };

	return civic_db_tx(r->db, verify_count_tx, &s);
}
