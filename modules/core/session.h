/*
 * session.h: staff sign-in.  Passwords are Argon2id hashes (libsodium
 * crypto_pwhash_str); sessions are 256-bit random tokens in a cookie,
 * stored only as their BLAKE2b hash, with an idle and an absolute expiry.
 * A session is a database row, so signing out on one host signs out on
 * every host, and any worker anywhere can serve a signed-in request.
 */
#ifndef CIVIC_SESSION_H
#define CIVIC_SESSION_H

#include "request.h"

/* Password lengths in characters (issue 3: 12 to 128, never truncated). */
#define CIVIC_PASSWORD_MIN	12
#define CIVIC_PASSWORD_MAX	128
/* Room for a hash in libsodium's string form (crypto_pwhash_STRBYTES). */
#define CIVIC_PASSWORD_HASHLEN	128

/*
 * Hashes pw into out (crypto_pwhash_STRBYTES, NUL-terminated).  Slow on
 * purpose: about a tenth of a second and 64 MiB.
 */
enum civic_err	 civic_password_hash(const char *pw, char *out, size_t outsz);
/* 1 when pw matches hash; with hash NULL, spends the same time and says 0. */
int		 civic_password_verify(const char *hash, const char *pw);

/* The role bits of a SET column's text ("office,clerk"). */
unsigned	 civic_session_roles(const char *set);

/*
 * Reads the session cookie and, when it names a live session of an
 * active staff member, sets r->staff and r->session and extends the idle
 * expiry.  No cookie or a dead session is not an error: r->staff stays
 * NULL.  CIVIC_ERR_DBDOWN when the database can't say.
 */
enum civic_err	 civic_session_load(struct civic_req *);

/*
 * Starts a session for staff member id: a new token and its row (and the
 * request's old session, if any, is ended); r->session is the new token.
 * Call it inside the transaction, and civic_session_set_cookie() after the
 * commit, so that a transaction run again does not send two cookies.
 */
enum civic_err	 civic_session_create(struct civic_req *, long long staff_id);

/* Deletes the request's session row; r->session becomes NULL. */
enum civic_err	 civic_session_destroy(struct civic_req *);

/* The Set-Cookie header for r->session, or one that clears the cookie. */
enum civic_err	 civic_session_set_cookie(struct civic_req *);

/* The stored form of a session token: its 32-byte BLAKE2b hash. */
void		 civic_session_hash(const char *token, unsigned char out[32]);

/* The session cookie's name for this request (__Host- over HTTPS). */
const char	*civic_session_cookie(const struct civic_req *);

#endif
