/*
 * session.c: staff passwords and sessions.
 *
 * A token is 32 random bytes, sent to the browser in base64url and stored
 * as its 32-byte BLAKE2b hash: whoever reads the session table (a backup,
 * a replica) still can't sign in as anyone.  A new token is made at every
 * sign-in, never reused, so a token fixed in a browser beforehand is
 * worthless.  Expiry is checked in the SELECT itself with the database's
 * clock, the same on every host.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "log.h"
#include "route.h"
#include "session.h"
#include "worker.h"

#define SESSION_RAW	32
#define SESSION_B64LEN	43
/* The idle expiry is pushed forward at most once a minute, not on every request. */
#define SESSION_TOUCH	60

enum civic_err
civic_password_hash(const char *pw, char *out, size_t outsz)
{
	if (outsz < crypto_pwhash_STRBYTES || crypto_pwhash_STRBYTES > CIVIC_PASSWORD_HASHLEN)
		return CIVIC_ERR_NOMEM;
	if (crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return CIVIC_ERR_NOMEM;
	return CIVIC_OK;
}

int
civic_password_verify(const char *hash, const char *pw)
{
	static char	 dummy[crypto_pwhash_STRBYTES];

	if (hash == NULL) {
		/*
		 * No such account: verify against a hash of nothing anyone
		 * knows, so that the answer takes as long as a wrong
		 * password and does not tell which accounts exist.
		 */
		if (dummy[0] == '\0' && civic_password_hash("civic: no such account", dummy,
		    sizeof(dummy)) != CIVIC_OK)
			return 0;
		int spent = crypto_pwhash_str_verify(dummy, pw, strlen(pw));

		(void)spent;
		return 0;
	}
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

unsigned
civic_session_roles(const char *set)
{
	static const struct { const char *name; unsigned bit; } roles[] = {
		{ "admin", CIVIC_ROLE_ADMIN }, { "office", CIVIC_ROLE_OFFICE },
		{ "clerk", CIVIC_ROLE_CLERK }, { "supervisor", CIVIC_ROLE_SUPERVISOR },
	};
	unsigned	 bits = 0;
	size_t		 i, len;

	while (set != NULL && *set != '\0') {
		len = strcspn(set, ",");
		for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
			if (strlen(roles[i].name) == len && strncmp(set, roles[i].name, len) == 0)
				bits |= roles[i].bit;
		set += len;
		if (*set == ',')
			set++;
	}
	return bits;
}

const char *
civic_session_cookie(const struct civic_req *r)
{
	return r->https ? "__Host-civic_session" : "civic_session";
}

void
civic_session_hash(const char *token, unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)token, strlen(token), NULL, 0);
}

enum civic_err
civic_session_load(struct civic_req *r)
{
	static const char	 sql[] =
	    "SELECT st.id, st.staff_no, st.name, st.department_id, d.name AS department_name, "
	    "st.roles, TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW()) AS idle "
	    "FROM staff_session s JOIN staff st ON st.id = s.staff_id "
	    "LEFT JOIN department d ON d.id = st.department_id "
	    "WHERE s.token_hash = ? AND st.active = 1 AND s.expires_at > NOW() "
	    "AND s.last_seen_at > NOW() - INTERVAL ? SECOND";
	static const char	 touch[] =
	    "UPDATE staff_session SET last_seen_at = NOW() WHERE token_hash = ?";
	struct civic_staff	*st;
	struct civic_rows	 rows;
	unsigned char		 h[32];
	const char		*tok;
	enum civic_err		 err;

	tok = civic_kv_get(&r->cookies, civic_session_cookie(r));
	if (tok == NULL || strlen(tok) != SESSION_B64LEN)
		return CIVIC_OK;
	civic_session_hash(tok, h);
	{
		struct civic_param p[] = { CIVIC_PBLOB(h, sizeof(h)),
		    CIVIC_PINT(civic_config_int(r->worker->cfg, "security.session_idle")) };

		if ((err = civic_db_query(r->db, r->arena, sql, p, 2, 1, &rows)) != CIVIC_OK)
			return err;
	}
	if (rows.nrows == 0)
		return CIVIC_OK;
	if ((st = civic_arena_zalloc(r->arena, sizeof(*st))) == NULL)
		return CIVIC_ERR_NOMEM;
	st->id = strtoll(civic_rows_get(&rows, 0, "id"), NULL, 10);
	st->no = civic_rows_get(&rows, 0, "staff_no");
	st->name = civic_rows_get(&rows, 0, "name");
	st->department = civic_rows_get(&rows, 0, "department_id") != NULL ?
	    strtoll(civic_rows_get(&rows, 0, "department_id"), NULL, 10) : 0;
	st->department_name = civic_rows_get(&rows, 0, "department_name");
	st->roles = civic_session_roles(civic_rows_get(&rows, 0, "roles"));
	r->staff = st;
	r->session = tok;
	if (strtoll(civic_rows_get(&rows, 0, "idle"), NULL, 10) >= SESSION_TOUCH) {
		struct civic_param p[] = { CIVIC_PBLOB(h, sizeof(h)) };

		if (civic_db_exec(r->db, touch, p, 1, NULL, NULL) != CIVIC_OK)
			civic_log_warn("session idle expiry not extended");
	}
	return CIVIC_OK;
}

enum civic_err
civic_session_set_cookie(struct civic_req *r)
{
	const char	*val = r->session;
	const char	*secure = civic_config_get(r->worker->cfg, "security.cookie_secure");

	return civic_req_header(r, "Set-Cookie", civic_arena_printf(r->arena,
	    "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s", civic_session_cookie(r),
	    val != NULL ? val : "", r->https || strcmp(secure, "always") == 0 ? "; Secure" : "",
	    val != NULL ? "" : "; Max-Age=0"));
}

enum civic_err
civic_session_create(struct civic_req *r, long long staff_id)
{
	static const char	 sql[] =
	    "INSERT INTO staff_session (token_hash, staff_id, address, created_at, "
	    "last_seen_at, expires_at) VALUES (?, ?, ?, NOW(), NOW(), "
	    "NOW() + INTERVAL ? SECOND)";
	unsigned char		 raw[SESSION_RAW], h[32];
	char			*tok;
	enum civic_err		 err;

	/* Signing in again ends the session this browser had. */
	if (r->session != NULL && (err = civic_session_destroy(r)) != CIVIC_OK)
		return err;
	if ((tok = civic_arena_alloc(r->arena, SESSION_B64LEN + 1)) == NULL)
		return CIVIC_ERR_NOMEM;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(tok, SESSION_B64LEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	civic_session_hash(tok, h);
	{
		struct civic_param p[] = { CIVIC_PBLOB(h, sizeof(h)), CIVIC_PINT(staff_id),
		    CIVIC_PTEXT(r->remote_addr),
		    CIVIC_PINT(civic_config_int(r->worker->cfg, "security.session_max")) };

		if ((err = civic_db_exec(r->db, sql, p, 4, NULL, NULL)) != CIVIC_OK)
			return err;
	}
	r->session = tok;
	return CIVIC_OK;
}

enum civic_err
civic_session_destroy(struct civic_req *r)
{
	static const char	 sql[] = "DELETE FROM staff_session WHERE token_hash = ?";
	unsigned char		 h[32];
	enum civic_err		 err;

	if (r->session != NULL) {
		struct civic_param p[] = { CIVIC_PBLOB(h, sizeof(h)) };

		civic_session_hash(r->session, h);
		if ((err = civic_db_exec(r->db, sql, p, 1, NULL, NULL)) != CIVIC_OK)
			return err;
	}
	r->staff = NULL;
	r->session = NULL;
	return CIVIC_OK;
}
