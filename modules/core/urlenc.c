/*
 * urlenc.c: the application/x-www-form-urlencoded syntax of query strings
 * and form bodies (WHATWG URL standard, section 5).
 *
 * The input is not NUL-terminated (a body is read as so many bytes), so
 * every read is bounded by its length.  Names and values are decoded into
 * a scratch buffer with their bound from limits.h, checked (UTF-8, NUL)
 * and then copied into the list by civic_kv_add(), which refuses
 * duplicates: a name given twice is either a form bug or a client hoping
 * that two layers read different copies of it.
 */
#include <string.h>

#include "limits.h"
#include "parse.h"

static int
urlenc_hex(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

enum civic_err
civic_urlenc_decode(const char *s, size_t len, int plus, char *out, size_t max,
    size_t *olen)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, o = 0;
	int			 hi, lo;
	unsigned char		 c;

	for (i = 0; i < len; i++) {
		c = p[i];
		if (c == '+' && plus)
			c = ' ';
		else if (c == '%') {
			if (len - i < 3 || (hi = urlenc_hex(p[i + 1])) < 0 ||
			    (lo = urlenc_hex(p[i + 2])) < 0)
				return CIVIC_ERR_BADREQ;
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		}
		if (c == '\0')
			return CIVIC_ERR_BADREQ;
		if (o == max)
			return CIVIC_ERR_TOOBIG;
		out[o++] = (char)c;
	}
	*olen = o;
	return CIVIC_OK;
}

enum civic_err
civic_urlenc_parse(struct civic_arena *a, const char *buf, size_t len,
    struct civic_kvlist *out)
{
	char		 key[CIVIC_MAX_NAME];
	char		*val = NULL;
	const char	*amp, *eq;
	size_t		 i, end, kraw, klen, vlen;
	enum civic_err	 err = CIVIC_OK;

	/*
	 * One scratch buffer for all values: no decoded value is longer
	 * than its encoded form, nor than CIVIC_MAX_VALUE.
	 */
	if (len > 0 && (val = civic_arena_alloc(a,
	    len < CIVIC_MAX_VALUE ? len : CIVIC_MAX_VALUE)) == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}

	for (i = 0; i < len; i = end + 1) {
		amp = memchr(buf + i, '&', len - i);
		end = amp == NULL ? len : (size_t)(amp - buf);
		/* "&&" and a trailing "&" are what browsers send too. */
		if (end == i)
			continue;

		eq = memchr(buf + i, '=', end - i);
		kraw = eq == NULL ? end - i : (size_t)(eq - (buf + i));
		if (kraw == 0) {
			err = CIVIC_ERR_BADREQ;
			goto out;
		}
		if ((err = civic_urlenc_decode(buf + i, kraw, 1, key, sizeof(key),
		    &klen)) != CIVIC_OK)
			goto out;
		vlen = 0;
		if (eq != NULL && (err = civic_urlenc_decode(eq + 1,
		    (size_t)(buf + end - eq - 1), 1, val, CIVIC_MAX_VALUE,
		    &vlen)) != CIVIC_OK)
			goto out;
		if (!civic_utf8_valid(key, klen) ||
		    !civic_utf8_valid(val, vlen)) {
			err = CIVIC_ERR_BADREQ;
			goto out;
		}
		if ((err = civic_kv_add(a, out, CIVIC_MAX_FIELDS, key, klen,
		    val, vlen)) != CIVIC_OK)
			goto out;
	}
out:
	return err;
}
