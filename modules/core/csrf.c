/*
 * csrf.c: tokens against cross-site request forgery.
 *
 * Every client gets a random 256-bit cookie (HttpOnly, SameSite=Strict);
 * the token in its forms is an HMAC-SHA-256 of that cookie under the
 * site's secret.  A forged form from another site can't carry the right
 * token: the attacker knows neither the cookie nor the secret, and a
 * cookie planted by a sibling subdomain comes without its HMAC.  The token
 * is derived, not stored, so any worker on any host checks it.  A signed-in
 * staff member's token is the HMAC of the session token instead, so that a
 * token from another session (or from before sign-in) fails.
 */
#include <string.h>

#include <sodium.h>

#include "request.h"
#include "worker.h"

#define CSRF_KEYLEN	32
/* base64url without padding of 32 bytes */
#define CSRF_B64LEN	43

static const char *
csrf_cookie_name(const struct civic_req *r)
{
	/* __Host- binds the cookie to this exact host, Secure and Path=/. */
	return r->https ? "__Host-civic_csrf" : "civic_csrf";
}

static int
csrf_wellformed(const char *v)
{
	return v != NULL && strlen(v) == CSRF_B64LEN &&
	    strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
	    CSRF_B64LEN;
}

/* The token for cookie value c, in the arena. */
static const char *
csrf_hmac(struct civic_req *r, const char *c)
{
	unsigned char	 mac[crypto_auth_hmacsha256_BYTES];
	char		*out;

	if ((out = civic_arena_alloc(r->arena, CSRF_B64LEN + 1)) == NULL)
		return NULL;
	crypto_auth_hmacsha256(mac, (const unsigned char *)c, strlen(c), r->worker->secret);
	sodium_bin2base64(out, CSRF_B64LEN + 1, mac, sizeof(mac),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

const char *
civic_csrf_token(struct civic_req *r)
{
	unsigned char	 raw[CSRF_KEYLEN];
	const char	*c, *secure;
	char		*fresh;

	/* Signed in: bound to the session, so another session's token fails. */
	if (r->session != NULL)
		return csrf_hmac(r, civic_arena_printf(r->arena, "session:%s", r->session));
	c = civic_kv_get(&r->cookies, csrf_cookie_name(r));
	if (!csrf_wellformed(c)) {
		if ((fresh = civic_arena_alloc(r->arena, CSRF_B64LEN + 1)) == NULL)
			return NULL;
		randombytes_buf(raw, sizeof(raw));
		sodium_bin2base64(fresh, CSRF_B64LEN + 1, raw, sizeof(raw),
		    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		secure = civic_config_get(r->worker->cfg, "security.cookie_secure");
		if (civic_req_header(r, "Set-Cookie", civic_arena_printf(r->arena,
		    "%s=%s; Path=/; HttpOnly; SameSite=Strict%s", csrf_cookie_name(r), fresh,
		    r->https || strcmp(secure, "always") == 0 ? "; Secure" : "")) != CIVIC_OK)
			return NULL;
		c = fresh;
	}
	return csrf_hmac(r, c);
}

int
civic_csrf_check(struct civic_req *r)
{
	const char	*c, *t, *want;

	c = r->session != NULL ? civic_arena_printf(r->arena, "session:%s", r->session) :
	    civic_kv_get(&r->cookies, csrf_cookie_name(r));
	t = civic_kv_get(&r->form, "csrf");
	if (c == NULL || (r->session == NULL && !csrf_wellformed(c)) || !csrf_wellformed(t) ||
	    (want = csrf_hmac(r, c)) == NULL)
		return -1;
	return sodium_memcmp(want, t, CSRF_B64LEN) == 0 ? 0 : -1;
}
