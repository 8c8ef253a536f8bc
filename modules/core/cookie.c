/*
 * cookie.c: the Cookie request header (RFC 6265, section 5.4 and 4.2.1).
 *
 * Browsers send "a=1; b=2", but the header also carries cookies other
 * applications on the same host set, in whatever shape they chose, so the
 * parser is lenient where leniency is harmless (spaces and tabs around
 * names, values and separators; pairs without "=" or without a name are
 * skipped) and strict where it is not: a NUL or invalid UTF-8 anywhere
 * refuses the request, as for every other input.
 *
 * The header is checked once, whole, before it is split: it is split only
 * at ASCII bytes, which never occur inside a multi-byte UTF-8 sequence, so
 * every piece of a valid header is valid too.
 */
#include <string.h>

#include "limits.h"
#include "parse.h"

static int
cookie_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* Whether the list holds a cookie named name[0..nlen), which has no NUL. */
static int
cookie_seen(const struct civic_kvlist *l, const char *name, size_t nlen)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (strncmp(l->v[i].key, name, nlen) == 0 &&
		    l->v[i].key[nlen] == '\0')
			return 1;
	return 0;
}

/* Names of civic's own cookies begin so (see CIVIC_MAX_OWN_COOKIES). */
static int
cookie_ours(const char *n, size_t nlen)
{
	return (nlen > 6 && memcmp(n, "civic_", 6) == 0) ||
	    (nlen > 13 && memcmp(n, "__Host-civic_", 13) == 0);
}

enum civic_err
civic_cookie_parse(struct civic_arena *a, const char *hdr, size_t len,
    struct civic_kvlist *out)
{
	const char	*semi, *eq, *n, *v;
	size_t		 i, end, nlen, vlen;
	enum civic_err	 err = CIVIC_OK;

	/* No Cookie header at all may come as NULL. */
	if (len == 0)
		goto out;
	if (memchr(hdr, '\0', len) != NULL || !civic_utf8_valid(hdr, len)) {
		err = CIVIC_ERR_BADREQ;
		goto out;
	}

	for (i = 0; i < len; i = end + 1) {
		semi = memchr(hdr + i, ';', len - i);
		end = semi == NULL ? len : (size_t)(semi - hdr);
		if ((eq = memchr(hdr + i, '=', end - i)) == NULL)
			continue;

		n = hdr + i;
		nlen = (size_t)(eq - n);
		while (nlen > 0 && cookie_ows(n[0])) {
			n++;
			nlen--;
		}
		while (nlen > 0 && cookie_ows(n[nlen - 1]))
			nlen--;
		v = eq + 1;
		vlen = (size_t)(hdr + end - v);
		while (vlen > 0 && cookie_ows(v[0])) {
			v++;
			vlen--;
		}
		while (vlen > 0 && cookie_ows(v[vlen - 1]))
			vlen--;
		if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
			v++;
			vlen -= 2;
		}

		/* A nameless cookie cannot be asked for: skip it. */
		if (nlen == 0)
			continue;
		if (nlen > CIVIC_MAX_HEADER || vlen > CIVIC_MAX_HEADER) {
			err = CIVIC_ERR_TOOBIG;
			goto out;
		}
		/* The first of a name is the most specific (RFC 6265 5.4). */
		if (cookie_seen(out, n, nlen))
			continue;
		/*
		 * Past the bound, other applications' cookies on the same
		 * domain are ignored rather than refused (the visitor could
		 * do nothing about them); ours are kept.
		 */
		if (out->n >= CIVIC_MAX_COOKIES && !cookie_ours(n, nlen))
			continue;
		if ((err = civic_kv_add(a, out, CIVIC_MAX_COOKIES +
		    CIVIC_MAX_OWN_COOKIES, n, nlen, v, vlen)) != CIVIC_OK)
			goto out;
	}
out:
	return err;
}
