/*
 * multipart.c: multipart/form-data request bodies (RFC 7578 on the
 * framing of RFC 2046, section 5.1.1).
 *
 * The body is searched for delimiters, "CRLF--boundary", and a match
 * counts only when what follows it is what RFC 2046 allows: "--" (the
 * close delimiter) or optional transport padding and CRLF.  Content that
 * happens to hold "--boundaryX" is therefore content.  Each part's headers
 * end at the first empty line; its data runs to the next delimiter and is
 * not copied: files point into the body, fields are copied by
 * civic_kv_add() like those of a urlencoded form.
 *
 * What a browser never sends is refused rather than guessed at: a part
 * without a form-data name, a name given twice (in two parts, or twice in
 * one header), a missing close delimiter.  Two parts of one name are also
 * what <input type="file" multiple> sends; our forms use one name a file.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE		/* memmem(3) */
#endif
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "limits.h"
#include "parse.h"

/* RFC 2046 5.1.1: a boundary is 1 to 70 characters. */
#define MP_BOUNDARY_MAX	70

/* The most a part's header block can hold within the limits. */
#define MP_HEADERS_MAX	(CIVIC_MAX_PART_HEADERS * (CIVIC_MAX_HEADER + 2))

/* What a file's type is when its part does not say (RFC 7578 4.4). */
#define MP_FILE_CTYPE	"application/octet-stream"

/* The filename of a file whose client name leaves nothing usable. */
#define MP_FILE_NONAME	"file"

struct mp {
	struct civic_arena	*a;
	const char		*body;
	size_t			 len;
	char			 delim[4 + MP_BOUNDARY_MAX];	/* CRLF "--" boundary */
	size_t			 dlen;
};

/* One parameter of a header value: name=value, the value still quoted. */
struct mp_param {
	const char	*name;
	size_t		 nlen;		/* 0 past the last parameter */
	const char	*val;
	size_t		 vlen;
	int		 quoted;
};

/* What the headers of one part say. */
struct mp_part {
	char		*name;
	size_t		 nlen;
	char		*filename;	/* NULL for a field */
	size_t		 fnlen;
	char		*ctype;
	int		 seen_cd;
	int		 seen_ct;
};

static int
mp_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* RFC 7230 tchar: what header and parameter names are made of. */
static int
mp_tchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/*
 * What an unquoted parameter value may hold.  Wider than tchar: senders
 * are sloppy with "/" or ":" and nothing depends on refusing them.
 */
static int
mp_vchar(unsigned char c)
{
	return c > 0x20 && c != 0x7f && c != ';' && c != '"';
}

/* RFC 2046 bchars. */
static int
mp_bchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("'()+_,-./:=? ", c) != NULL;
}

/* Whether s[0..n) is lit, ignoring ASCII case. */
static int
mp_is(const char *s, size_t n, const char *lit)
{
	return n == strlen(lit) && strncasecmp(s, lit, n) == 0;
}

/*
 * Reads the next parameter of the header value s[0..n) from *i:
 * OWS ";" OWS token OWS "=" OWS (token / quoted-string).  pm->nlen is 0
 * when none is left.  A trailing ";" is tolerated; anything else out of
 * this shape is CIVIC_ERR_BADREQ.
 */
static enum civic_err
mp_next_param(const char *s, size_t n, size_t *i, struct mp_param *pm)
{
	size_t	 j = *i, start;

	memset(pm, 0, sizeof(*pm));
	while (j < n && mp_ows(s[j]))
		j++;
	if (j == n)
		goto done;
	if (s[j++] != ';')
		return CIVIC_ERR_BADREQ;
	while (j < n && mp_ows(s[j]))
		j++;
	if (j == n)
		goto done;

	for (start = j; j < n && mp_tchar((unsigned char)s[j]); j++)
		continue;
	if (j == start)
		return CIVIC_ERR_BADREQ;
	pm->name = s + start;
	pm->nlen = j - start;
	while (j < n && mp_ows(s[j]))
		j++;
	if (j == n || s[j++] != '=')
		return CIVIC_ERR_BADREQ;
	while (j < n && mp_ows(s[j]))
		j++;

	if (j < n && s[j] == '"') {
		/*
		 * Only \" and \\ are escapes.  Internet Explorer sends full
		 * Windows paths unescaped ("C:\dir\a.pdf"), and no sender
		 * escapes a letter, so a backslash before anything else is
		 * kept as itself.
		 */
		for (start = ++j; j < n && s[j] != '"'; j++)
			if (s[j] == '\\' && j + 1 < n &&
			    (s[j + 1] == '"' || s[j + 1] == '\\'))
				j++;
		if (j == n)
			return CIVIC_ERR_BADREQ;
		pm->val = s + start;
		pm->vlen = j - start;
		pm->quoted = 1;
		j++;
	} else {
		for (start = j; j < n && mp_vchar((unsigned char)s[j]); j++)
			continue;
		if (j == start)
			return CIVIC_ERR_BADREQ;
		pm->val = s + start;
		pm->vlen = j - start;
	}
done:
	*i = j;
	return CIVIC_OK;
}

/*
 * Copies the value of pm into out, which has room for max bytes, resolving
 * the escapes of a quoted one.  Returns the value's full length, which may
 * be more than max (then out holds its first max bytes).
 */
static size_t
mp_unquote(char *out, size_t max, const struct mp_param *pm)
{
	size_t	 i, o = 0;

	for (i = 0; i < pm->vlen; i++, o++) {
		if (pm->quoted && pm->val[i] == '\\' && i + 1 < pm->vlen &&
		    (pm->val[i + 1] == '"' || pm->val[i + 1] == '\\'))
			i++;
		if (o < max)
			out[o] = pm->val[i];
	}
	return o;
}

/* The value of pm, unquoted, as a NUL-terminated arena string. */
static char *
mp_value(struct civic_arena *a, const struct mp_param *pm, size_t *len)
{
	char	*s;

	if ((s = civic_arena_alloc(a, pm->vlen + 1)) == NULL)
		return NULL;
	*len = mp_unquote(s, pm->vlen, pm);
	s[*len] = '\0';
	return s;
}

/*
 * Takes the boundary parameter of a multipart/form-data Content-Type and
 * sets up the delimiter.
 */
static enum civic_err
mp_boundary(struct mp *m, const char *ctype)
{
	struct mp_param	 pm;
	char		 b[MP_BOUNDARY_MAX];
	size_t		 n, i, start, blen = 0;
	enum civic_err	 err = CIVIC_ERR_BADREQ;

	if (ctype == NULL)
		goto out;
	if ((n = strnlen(ctype, CIVIC_MAX_HEADER + 1)) > CIVIC_MAX_HEADER) {
		err = CIVIC_ERR_TOOBIG;
		goto out;
	}
	for (i = 0; i < n && mp_ows(ctype[i]); i++)
		continue;
	for (start = i; i < n && ctype[i] != ';' && !mp_ows(ctype[i]); i++)
		continue;
	if (!mp_is(ctype + start, i - start, "multipart/form-data"))
		goto out;

	for (;;) {
		if ((err = mp_next_param(ctype, n, &i, &pm)) != CIVIC_OK)
			goto out;
		if (pm.nlen == 0)
			break;
		if (!mp_is(pm.name, pm.nlen, "boundary"))
			continue;
		/* Two boundaries would let two readers split differently. */
		if (blen != 0) {
			err = CIVIC_ERR_BADREQ;
			goto out;
		}
		if ((blen = mp_unquote(b, sizeof(b), &pm)) == 0 ||
		    blen > MP_BOUNDARY_MAX) {
			err = CIVIC_ERR_BADREQ;
			goto out;
		}
	}

	err = CIVIC_ERR_BADREQ;
	if (blen == 0 || b[blen - 1] == ' ')
		goto out;
	for (i = 0; i < blen; i++)
		if (!mp_bchar((unsigned char)b[i]))
			goto out;
	memcpy(m->delim, "\r\n--", 4);
	memcpy(m->delim + 4, b, blen);
	m->dlen = 4 + blen;
	err = CIVIC_OK;
out:
	return err;
}

/*
 * Whether the "--boundary" that ends before e is a delimiter: 2 when "--"
 * follows (the close delimiter), 1 when transport padding and CRLF follow
 * (*next is then past the CRLF), 0 when it is only content.
 */
static int
mp_delim_kind(const struct mp *m, size_t e, size_t *next)
{
	size_t	 j;

	if (m->len - e >= 2 && m->body[e] == '-' && m->body[e + 1] == '-')
		return 2;
	for (j = e; j < m->len && mp_ows(m->body[j]); j++)
		continue;
	if (m->len - j >= 2 && m->body[j] == '\r' && m->body[j + 1] == '\n') {
		*next = j + 2;
		return 1;
	}
	return 0;
}

/*
 * Finds the first delimiter at or after from: *at is where its CRLF
 * begins.  Returns its kind as mp_delim_kind() does, 0 when there is none.
 */
static int
mp_find(const struct mp *m, size_t from, size_t *at, size_t *next)
{
	const char	*p;
	int		 kind;

	while (from < m->len) {
		if ((p = memmem(m->body + from, m->len - from, m->delim,
		    m->dlen)) == NULL)
			break;
		*at = (size_t)(p - m->body);
		if ((kind = mp_delim_kind(m, *at + m->dlen, next)) != 0)
			return kind;
		from = *at + 1;
	}
	return 0;
}

/* The parameters of Content-Disposition: form-data; name=...; filename=... */
static enum civic_err
mp_disposition(struct mp *m, const char *s, size_t n, struct mp_part *pt)
{
	struct mp_param	 pm;
	size_t		 i;
	enum civic_err	 err = CIVIC_ERR_BADREQ;

	for (i = 0; i < n && mp_tchar((unsigned char)s[i]); i++)
		continue;
	if (!mp_is(s, i, "form-data"))
		goto out;
	for (;;) {
		if ((err = mp_next_param(s, n, &i, &pm)) != CIVIC_OK)
			goto out;
		if (pm.nlen == 0)
			break;
		/* filename* is not for form-data senders (RFC 7578 4.2). */
		if (mp_is(pm.name, pm.nlen, "name")) {
			err = CIVIC_ERR_BADREQ;
			if (pt->name != NULL)
				goto out;
			err = CIVIC_ERR_NOMEM;
			if ((pt->name = mp_value(m->a, &pm, &pt->nlen)) == NULL)
				goto out;
		} else if (mp_is(pm.name, pm.nlen, "filename")) {
			err = CIVIC_ERR_BADREQ;
			if (pt->filename != NULL)
				goto out;
			err = CIVIC_ERR_NOMEM;
			if ((pt->filename = mp_value(m->a, &pm,
			    &pt->fnlen)) == NULL)
				goto out;
		}
	}
	err = CIVIC_OK;
out:
	return err;
}

/*
 * The header block h[0..n) of a part, without its final CRLF.  It is
 * checked whole for NUL and UTF-8 first; it is then split only at ASCII
 * bytes, so names and filenames taken from it are valid UTF-8 too.
 */
static enum civic_err
mp_headers(struct mp *m, const char *h, size_t n, struct mp_part *pt)
{
	const char	*crlf, *line, *colon, *v;
	size_t		 i, e, llen, vlen, count = 0;
	enum civic_err	 err = CIVIC_ERR_BADREQ;

	if (memchr(h, '\0', n) != NULL || !civic_utf8_valid(h, n))
		goto out;
	for (i = 0; i < n; i = e + 2) {
		crlf = memmem(h + i, n - i, "\r\n", 2);
		e = crlf == NULL ? n : (size_t)(crlf - h);
		line = h + i;
		llen = e - i;
		if (++count > CIVIC_MAX_PART_HEADERS || llen > CIVIC_MAX_HEADER) {
			err = CIVIC_ERR_TOOBIG;
			goto out;
		}
		/* A bare CR or LF, or a folded line, is no header of ours. */
		err = CIVIC_ERR_BADREQ;
		if (memchr(line, '\r', llen) != NULL ||
		    memchr(line, '\n', llen) != NULL ||
		    (colon = memchr(line, ':', llen)) == NULL ||
		    colon == line)
			goto out;
		for (v = line; v < colon; v++)
			if (!mp_tchar((unsigned char)*v))
				goto out;
		v = colon + 1;
		vlen = (size_t)(line + llen - v);
		while (vlen > 0 && mp_ows(v[0])) {
			v++;
			vlen--;
		}
		while (vlen > 0 && mp_ows(v[vlen - 1]))
			vlen--;

		if (mp_is(line, (size_t)(colon - line), "Content-Disposition")) {
			if (pt->seen_cd++)
				goto out;
			if ((err = mp_disposition(m, v, vlen, pt)) != CIVIC_OK)
				goto out;
		} else if (mp_is(line, (size_t)(colon - line), "Content-Type")) {
			if (pt->seen_ct++)
				goto out;
			err = CIVIC_ERR_NOMEM;
			if ((pt->ctype = civic_arena_strndup(m->a, v, vlen)) == NULL)
				goto out;
		}
	}
	err = CIVIC_OK;
out:
	return err;
}

/*
 * The client's filename made harmless to show and to store: its last path
 * component, Unix or Windows, without control characters (C0, DEL, and C1
 * as UTF-8); what is left empty, "." or ".." becomes "file".  raw is valid
 * UTF-8, so C1 characters are exactly C2 80..C2 9F.
 */
static const char *
mp_filename(struct civic_arena *a, const char *raw, size_t n)
{
	const unsigned char	*p = (const unsigned char *)raw;
	char			*s;
	size_t			 i, start = 0, o = 0;

	for (i = 0; i < n; i++)
		if (p[i] == '/' || p[i] == '\\')
			start = i + 1;
	if ((s = civic_arena_alloc(a, n - start + 1)) == NULL)
		return NULL;
	for (i = start; i < n; i++) {
		if (p[i] < 0x20 || p[i] == 0x7f)
			continue;
		if (p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f) {
			i++;
			continue;
		}
		s[o++] = (char)p[i];
	}
	s[o] = '\0';
	if (o == 0 || strcmp(s, ".") == 0 || strcmp(s, "..") == 0)
		return MP_FILE_NONAME;
	return s;
}

static const struct civic_file *
mp_file_find(const struct civic_filelist *l, const char *field)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].field, field) == 0)
			return &l->v[i];
	return NULL;
}

/* Appends f, growing the array in the arena as civic_kv_add() does. */
static enum civic_err
mp_file_add(struct civic_arena *a, struct civic_filelist *l,
    const struct civic_file *f)
{
	struct civic_file	*nv;
	size_t			 ncap;

	if (l->n >= CIVIC_MAX_FILES)
		return CIVIC_ERR_TOOBIG;
	if (l->n == l->cap) {
		ncap = l->cap == 0 ? 4 : l->cap * 2;
		if (ncap > CIVIC_MAX_FILES)
			ncap = CIVIC_MAX_FILES;
		if ((nv = civic_arena_alloc(a, ncap * sizeof(*nv))) == NULL)
			return CIVIC_ERR_NOMEM;
		if (l->n > 0)
			memcpy(nv, l->v, l->n * sizeof(*nv));
		l->v = nv;
		l->cap = ncap;
	}
	l->v[l->n++] = *f;
	return CIVIC_OK;
}

/* One part, p[0..n), from after its delimiter line to the next delimiter. */
static enum civic_err
mp_part(struct mp *m, const char *p, size_t n, struct civic_kvlist *fields,
    struct civic_filelist *files)
{
	struct mp_part		 pt;
	struct civic_file	 f;
	const char		*blank, *data;
	size_t			 hlen, dlen, win;
	enum civic_err		 err = CIVIC_ERR_BADREQ;

	memset(&pt, 0, sizeof(pt));
	if (n >= 2 && p[0] == '\r' && p[1] == '\n') {
		hlen = 0;
		data = p + 2;
	} else {
		/* Look no further for the blank line than the limits allow. */
		win = n < MP_HEADERS_MAX + 4 ? n : MP_HEADERS_MAX + 4;
		if ((blank = memmem(p, win, "\r\n\r\n", 4)) == NULL) {
			if (win < n)
				err = CIVIC_ERR_TOOBIG;
			goto out;
		}
		hlen = (size_t)(blank - p);
		data = blank + 4;
	}
	dlen = (size_t)(p + n - data);
	if ((err = mp_headers(m, p, hlen, &pt)) != CIVIC_OK)
		goto out;

	err = CIVIC_ERR_BADREQ;
	if (pt.name == NULL || pt.nlen == 0)
		goto out;
	if (pt.nlen > CIVIC_MAX_NAME) {
		err = CIVIC_ERR_TOOBIG;
		goto out;
	}

	if (pt.filename == NULL) {
		err = CIVIC_ERR_TOOBIG;
		if (dlen > CIVIC_MAX_VALUE)
			goto out;
		err = CIVIC_ERR_BADREQ;
		if (!civic_utf8_valid(data, dlen) ||
		    mp_file_find(files, pt.name) != NULL)
			goto out;
		err = civic_kv_add(m->a, fields, CIVIC_MAX_FIELDS, pt.name,
		    pt.nlen, data, dlen);
		goto out;
	}

	err = CIVIC_OK;
	if (pt.fnlen == 0 && dlen == 0)
		goto out;
	err = CIVIC_ERR_TOOBIG;
	if (dlen > CIVIC_MAX_FILE)
		goto out;
	err = CIVIC_ERR_BADREQ;
	if (mp_file_find(files, pt.name) != NULL ||
	    civic_kv_find(fields, pt.name) != NULL)
		goto out;
	f.field = pt.name;
	f.ctype = pt.ctype != NULL ? pt.ctype : MP_FILE_CTYPE;
	f.data = (const unsigned char *)data;
	f.len = dlen;
	err = CIVIC_ERR_NOMEM;
	if ((f.filename = mp_filename(m->a, pt.filename, pt.fnlen)) == NULL)
		goto out;
	/* No file system names a file longer; a client that does is probing. */
	err = CIVIC_ERR_BADREQ;
	if (civic_utf8_chars(f.filename, strlen(f.filename)) > CIVIC_MAX_FILENAME)
		goto out;
	err = mp_file_add(m->a, files, &f);
out:
	return err;
}

enum civic_err
civic_multipart_parse(struct civic_arena *a, const char *ctype,
    const char *body, size_t len, struct civic_kvlist *fields,
    struct civic_filelist *files)
{
	struct mp	 m;
	size_t		 pos = 0, at = 0, next = 0, nparts = 0;
	int		 kind;
	enum civic_err	 err;

	memset(&m, 0, sizeof(m));
	m.a = a;
	m.body = body;
	m.len = len;
	if (len > CIVIC_MAX_BODY) {
		err = CIVIC_ERR_TOOBIG;
		goto out;
	}
	if ((err = mp_boundary(&m, ctype)) != CIVIC_OK)
		goto out;

	/*
	 * The first delimiter may open the body without its CRLF; failing
	 * that, whatever precedes it is preamble, to be ignored.
	 */
	kind = 0;
	if (len >= m.dlen - 2 && memcmp(body, m.delim + 2, m.dlen - 2) == 0)
		kind = mp_delim_kind(&m, m.dlen - 2, &pos);
	if (kind == 0)
		kind = mp_find(&m, 0, &at, &pos);

	err = CIVIC_ERR_BADREQ;
	while (kind == 1) {
		if ((kind = mp_find(&m, pos, &at, &next)) == 0) {
			err = CIVIC_ERR_BADREQ;
			goto out;
		}
		if (++nparts > CIVIC_MAX_PARTS) {
			err = CIVIC_ERR_TOOBIG;
			goto out;
		}
		if ((err = mp_part(&m, body + pos, at - pos, fields,
		    files)) != CIVIC_OK)
			goto out;
		pos = next;
	}
	/* What follows the close delimiter is epilogue, to be ignored. */
	if (kind == 2)
		err = CIVIC_OK;
out:
	return err;
}
