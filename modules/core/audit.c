/*
 * audit.c: the hash-chained audit log.
 *
 * hash = SHA-256(prev_hash || len-prefixed fields), where the fields are
 * the row's time (as text, second precision, Beijing time, written by us
 * rather than defaulted by the server, so that the verifier hashes exactly
 * what was hashed), staff id, address, action, object type, object id and
 * detail.  Length prefixes keep ("ab","c") and ("a","bc") apart.  The first
 * row chains onto 32 zero bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "audit.h"
#include "log.h"

/* Rows fetched per round while verifying: bounded memory for any log size. */
#define AUDIT_VERIFY_BATCH	400

static void
audit_field(crypto_hash_sha256_state *st, const char *s)
{
	unsigned char	 len[4];
	size_t		 n = s != NULL ? strlen(s) : 0;

	len[0] = (unsigned char)(n >> 24);
	len[1] = (unsigned char)(n >> 16);
	len[2] = (unsigned char)(n >> 8);
	len[3] = (unsigned char)n;
	crypto_hash_sha256_update(st, len, sizeof(len));
	if (n > 0)
		crypto_hash_sha256_update(st, (const unsigned char *)s, n);
}

static void
audit_hash(const unsigned char prev[32], const char *at, const char *staff,
    const struct civic_audit_entry *e, unsigned char out[32])
{
	crypto_hash_sha256_state	 st;

	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, prev, 32);
	audit_field(&st, at);
	audit_field(&st, staff);
	audit_field(&st, e->address);
	audit_field(&st, e->action);
	audit_field(&st, e->object_type);
	audit_field(&st, e->object_id);
	audit_field(&st, e->detail);
	crypto_hash_sha256_final(&st, out);
}

enum civic_err
civic_audit_append(struct civic_db *db, struct civic_arena *a,
    const struct civic_audit_entry *e)
{
	static const char	 last[] =
	    "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1 FOR UPDATE";
	static const char	 ins[] =
	    "INSERT INTO audit_log (at, staff_id, address, action, object_type, object_id, "
	    "detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	unsigned char		 prev[32], h[32];
	struct civic_rows	 rows;
	char			 at[32], staff[24];
	time_t			 now = time(NULL) + 8 * 3600;	/* Beijing time */
	struct tm		 tm;
	enum civic_err		 err;

	if ((err = civic_db_query(db, a, last, NULL, 0, 1, &rows)) != CIVIC_OK)
		return err;
	memset(prev, 0, sizeof(prev));
	if (rows.nrows == 1 && rows.len[0] == 32)
		memcpy(prev, rows.cell[0], 32);
	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(staff, sizeof(staff), "%lld", e->staff_id);
	audit_hash(prev, at, staff, e, h);
	{
		struct civic_param p[] = { CIVIC_PTEXTN(at, strlen(at)),
		    e->staff_id > 0 ? CIVIC_PINT(e->staff_id) : CIVIC_PNULL,
		    CIVIC_PTEXT(e->address), CIVIC_PTEXT(e->action), CIVIC_PTEXT(e->object_type),
		    CIVIC_PTEXT(e->object_id), CIVIC_PTEXT(e->detail), CIVIC_PBLOB(h, 32) };

		return civic_db_exec(db, ins, p, 8, NULL, NULL);
	}
}

enum civic_err
civic_audit(struct civic_req *r, const char *action, const char *object_type,
    const char *object_id, const char *detail)
{
	struct civic_audit_entry e = { r->staff != NULL ? r->staff->id : 0, r->remote_addr,
	    action, object_type, object_id, detail };

	return civic_audit_append(r->db, r->arena, &e);
}

enum civic_err
civic_audit_verify(struct civic_db *db, unsigned long long *count, long long *bad)
{
	static const char	 sql[] =
	    "SELECT id, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') AS at, "
	    "COALESCE(staff_id, 0) AS staff_id, address, action, object_type, object_id, "
	    "detail, hash FROM audit_log WHERE id > ? ORDER BY id LIMIT ?";
	unsigned char		 prev[32], h[32];
	struct civic_arena	*a;
	struct civic_rows	 rows;
	long long		 after = 0;
	size_t			 i;
	enum civic_err		 err = CIVIC_OK;

	*count = 0;
	*bad = 0;
	memset(prev, 0, sizeof(prev));
	/* An arena of its own, emptied after each batch: bounded memory for any log. */
	if ((a = civic_arena_new()) == NULL)
		return CIVIC_ERR_NOMEM;
	do {
		struct civic_param p[] = { CIVIC_PINT(after), CIVIC_PINT(AUDIT_VERIFY_BATCH) };

		if ((err = civic_db_query(db, a, sql, p, 2, AUDIT_VERIFY_BATCH, &rows)) !=
		    CIVIC_OK)
			break;
		for (i = 0; i < rows.nrows; i++) {
			struct civic_audit_entry e = { 0,
			    civic_rows_get(&rows, i, "address"),
			    civic_rows_get(&rows, i, "action"),
			    civic_rows_get(&rows, i, "object_type"),
			    civic_rows_get(&rows, i, "object_id"),
			    civic_rows_get(&rows, i, "detail") };
			const char *hash = civic_rows_get(&rows, i, "hash");

			after = strtoll(civic_rows_get(&rows, i, "id"), NULL, 10);
			audit_hash(prev, civic_rows_get(&rows, i, "at"),
			    civic_rows_get(&rows, i, "staff_id"), &e, h);
			if (hash == NULL || rows.len[i * rows.ncols + 8] != 32 ||
			    sodium_memcmp(h, hash, 32) != 0) {
				*bad = after;
				err = CIVIC_ERR_CONFLICT;
				break;
			}
			memcpy(prev, h, 32);
			(*count)++;
		}
		civic_arena_reset(a);
	} while (err == CIVIC_OK && rows.nrows == AUDIT_VERIFY_BATCH);
	civic_arena_free(a);
	return err;
}
