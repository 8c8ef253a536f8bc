/*
 * test_parse.c: unit tests of the request parsers (utf8.c, urlenc.c,
 * cookie.c, multipart.c), of the lists they fill (kv.c) and of the arena
 * they allocate from.
 *
 * Every parser is handed an exactly sized heap copy of its input, so that
 * AddressSanitizer catches a read one byte past the end: the parsers take
 * lengths, never NUL-terminated strings, and must honour them.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>
#include <CUnit/Basic.h>

#include "arena.h"
#include "err.h"
#include "kv.h"
#include "limits.h"
#include "parse.h"
#include "cunit_run.h"

#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

/* One arena for the whole run, reset at the start of each test. */
static struct civic_arena	*arena;

/* The exact copy of the last input: multipart file data points into it. */
static char			*input;

static struct civic_kvlist	 kvs;
static struct civic_filelist	 files;

/* A growing byte buffer to build inputs with. */
struct buf {
	char	*p;
	size_t	 n;
	size_t	 cap;
};

static void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL) {
		perror("malloc");
		exit(99);
	}
	return p;
}

static void
buf_add(struct buf *b, const void *p, size_t n)
{
	char	*np;
	size_t	 ncap;

	if (b->cap - b->n < n) {
		for (ncap = b->cap ? b->cap : 256; ncap - b->n < n; ncap *= 2)
			continue;
		if ((np = realloc(b->p, ncap)) == NULL) {
			perror("realloc");
			exit(99);
		}
		b->p = np;
		b->cap = ncap;
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

static void
buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void
buf_fill(struct buf *b, char c, size_t n)
{
	char	 chunk[4096];
	size_t	 k;

	memset(chunk, c, sizeof(chunk));
	for (; n > 0; n -= k) {
		k = n < sizeof(chunk) ? n : sizeof(chunk);
		buf_add(b, chunk, k);
	}
}

static void	buf_printf(struct buf *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buf_add(b, s, (size_t)n);
	free(s);
}

static void
buf_free(struct buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

/* Resets the arena and the output lists; every test begins with this. */
static void
fresh(void)
{
	civic_arena_reset(arena);
	memset(&kvs, 0, sizeof(kvs));
	memset(&files, 0, sizeof(files));
	free(input);
	input = NULL;
}

/* An exactly sized copy of s[0..n), kept until the next fresh(). */
static const char *
exact(const char *s, size_t n)
{
	free(input);
	input = xmalloc(n);
	if (n > 0)
		memcpy(input, s, n);
	return input;
}

static enum civic_err
urlenc_n(const char *s, size_t n)
{
	fresh();
	return civic_urlenc_parse(arena, exact(s, n), n, &kvs);
}

static enum civic_err
urlenc(const char *s)
{
	return urlenc_n(s, strlen(s));
}

static enum civic_err
cookie_n(const char *s, size_t n)
{
	fresh();
	return civic_cookie_parse(arena, exact(s, n), n, &kvs);
}

static enum civic_err
cookie(const char *s)
{
	return cookie_n(s, strlen(s));
}

static int
utf8(const char *s)
{
	size_t	 n = strlen(s);

	return civic_utf8_valid(exact(s, n), n);
}

/* Whether kvs holds key with the value val[0..vlen). */
static int
has_n(const char *key, const char *val, size_t vlen)
{
	const struct civic_kv	*kv;

	if ((kv = civic_kv_find(&kvs, key)) == NULL)
		return 0;
	return kv->vlen == vlen && strlen(kv->val) == vlen &&
	    memcmp(kv->val, val, vlen) == 0;
}

static int
has(const char *key, const char *val)
{
	return has_n(key, val, strlen(val));
}

/*
 * Multipart bodies.  The boundary of most tests; the bodies are built as
 * a browser would send them.
 */
#define BND		"BOUNDARY"
#define BND_CTYPE	"multipart/form-data; boundary=" BND

static void
mp_field_n(struct buf *b, const char *name, const char *val, size_t vlen)
{
	buf_printf(b, "--" BND "\r\nContent-Disposition: form-data; "
	    "name=\"%s\"\r\n\r\n", name);
	buf_add(b, val, vlen);
	buf_str(b, "\r\n");
}

static void
mp_field(struct buf *b, const char *name, const char *val)
{
	mp_field_n(b, name, val, strlen(val));
}

/* filename is put in the header as given, quotes and escapes included. */
static void
mp_file(struct buf *b, const char *name, const char *filename,
    const char *ctype, const void *data, size_t len)
{
	buf_printf(b, "--" BND "\r\nContent-Disposition: form-data; "
	    "name=\"%s\"; filename=%s\r\n", name, filename);
	if (ctype != NULL)
		buf_printf(b, "Content-Type: %s\r\n", ctype);
	buf_str(b, "\r\n");
	buf_add(b, data, len);
	buf_str(b, "\r\n");
}

static void
mp_close(struct buf *b)
{
	buf_str(b, "--" BND "--\r\n");
}

static enum civic_err
mp_ct(const char *ctype, const char *body, size_t len)
{
	fresh();
	return civic_multipart_parse(arena, ctype, exact(body, len), len,
	    &kvs, &files);
}

static enum civic_err
mp_buf(const struct buf *b)
{
	return mp_ct(BND_CTYPE, b->p, b->n);
}

static enum civic_err
mp_str(const char *body)
{
	return mp_ct(BND_CTYPE, body, strlen(body));
}

static const struct civic_file *
file_named(const char *field)
{
	size_t	 i;

	for (i = 0; i < files.n; i++)
		if (strcmp(files.v[i].field, field) == 0)
			return &files.v[i];
	return NULL;
}

/* The filename the parser makes of a Content-Disposition filename=fn. */
static const char *
mp_filename_of(const char *fn)
{
	struct buf		 b = { 0 };
	const struct civic_file	*f;
	enum civic_err		 err;

	mp_file(&b, "f", fn, "text/plain", "x", 1);
	mp_close(&b);
	err = mp_buf(&b);
	buf_free(&b);
	if (err != CIVIC_OK || (f = file_named("f")) == NULL)
		return NULL;
	return f->filename;
}

/*
 * arena
 */

static int	 cleanup_order[4];
static size_t	 cleanup_n;

static void
note_cleanup(void *arg)
{
	if (cleanup_n < NITEMS(cleanup_order))
		cleanup_order[cleanup_n] = *(int *)arg;
	cleanup_n++;
}

static void
test_arena_alloc(void)
{
	struct civic_arena	*a;
	char			*p, *q, *big;
	unsigned char		*z;
	size_t			 i;
	int			 zero = 1;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a = civic_arena_new());
	p = civic_arena_alloc(a, 1);
	q = civic_arena_alloc(a, 1);
	CU_ASSERT_PTR_NOT_NULL(p);
	CU_ASSERT_PTR_NOT_NULL(q);
	CU_ASSERT(p != q);
	CU_ASSERT((uintptr_t)q % _Alignof(max_align_t) == 0);
	CU_ASSERT_PTR_NOT_NULL(civic_arena_alloc(a, 0));

	/* Larger than a chunk: a chunk of its own, all of it usable. */
	big = civic_arena_alloc(a, 3 * CIVIC_ARENA_CHUNK);
	CU_ASSERT_PTR_NOT_NULL_FATAL(big);
	memset(big, 'x', 3 * CIVIC_ARENA_CHUNK);
	CU_ASSERT_PTR_NULL(civic_arena_alloc(a, SIZE_MAX));

	z = civic_arena_zalloc(a, 1000);
	CU_ASSERT_PTR_NOT_NULL_FATAL(z);
	for (i = 0; i < 1000; i++)
		if (z[i] != 0)
			zero = 0;
	CU_ASSERT(zero);
	civic_arena_free(a);
	civic_arena_free(NULL);
}

static void
test_arena_strings(void)
{
	const char	 src[3] = { 'a', 'b', 'c' };	/* not terminated */
	char		*s;

	fresh();
	s = civic_arena_strndup(arena, src, 2);
	CU_ASSERT_STRING_EQUAL(s, "ab");
	s = civic_arena_strndup(arena, exact(src, 3), 3);
	CU_ASSERT_STRING_EQUAL(s, "abc");
	s = civic_arena_strndup(arena, src, 0);
	CU_ASSERT_STRING_EQUAL(s, "");
	s = civic_arena_strdup(arena, "中文");
	CU_ASSERT_STRING_EQUAL(s, "中文");
	s = civic_arena_printf(arena, "%s-%d", "x", 42);
	CU_ASSERT_STRING_EQUAL(s, "x-42");
}

static void
test_arena_cleanup(void)
{
	struct civic_arena	*a;
	int			 ids[3] = { 1, 2, 3 };
	size_t			 i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a = civic_arena_new());
	cleanup_n = 0;
	for (i = 0; i < 3; i++)
		CU_ASSERT_EQUAL(civic_arena_cleanup(a, note_cleanup, &ids[i]),
		    CIVIC_OK);
	CU_ASSERT_EQUAL(cleanup_n, 0);
	civic_arena_reset(a);
	CU_ASSERT_EQUAL(cleanup_n, 3);
	CU_ASSERT_EQUAL(cleanup_order[0], 3);
	CU_ASSERT_EQUAL(cleanup_order[1], 2);
	CU_ASSERT_EQUAL(cleanup_order[2], 1);

	/* A reset runs each once; free runs those registered since. */
	civic_arena_reset(a);
	CU_ASSERT_EQUAL(cleanup_n, 3);
	CU_ASSERT_EQUAL(civic_arena_cleanup(a, note_cleanup, &ids[0]), CIVIC_OK);
	civic_arena_free(a);
	CU_ASSERT_EQUAL(cleanup_n, 4);
	CU_ASSERT_EQUAL(cleanup_order[3], 1);
}

static void
test_arena_reset(void)
{
	struct civic_arena	*a;
	char			*first, *again;
	int			 i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a = civic_arena_new());
	first = civic_arena_alloc(a, 16);
	/* Grow past the first chunk several times over. */
	for (i = 0; i < 10; i++)
		CU_ASSERT_PTR_NOT_NULL(civic_arena_alloc(a, CIVIC_ARENA_CHUNK / 3));
	civic_arena_reset(a);
	/* The first chunk is kept and reused from its start. */
	again = civic_arena_alloc(a, 16);
	CU_ASSERT_PTR_EQUAL(first, again);
	civic_arena_free(a);
}

/*
 * utf8
 */

static void
test_utf8_valid(void)
{
	CU_ASSERT(utf8(""));
	CU_ASSERT(utf8("plain ascii\t\r\n"));
	CU_ASSERT(utf8("中文 你好"));
	CU_ASSERT(utf8("\xc2\x80"));		/* U+0080 */
	CU_ASSERT(utf8("\xdf\xbf"));		/* U+07FF */
	CU_ASSERT(utf8("\xe0\xa0\x80"));	/* U+0800 */
	CU_ASSERT(utf8("\xed\x9f\xbf"));	/* U+D7FF */
	CU_ASSERT(utf8("\xee\x80\x80"));	/* U+E000 */
	CU_ASSERT(utf8("\xef\xbf\xbf"));	/* U+FFFF */
	CU_ASSERT(utf8("\xf0\x90\x80\x80"));	/* U+10000 */
	CU_ASSERT(utf8("\xf0\x9f\x98\x80"));	/* U+1F600 */
	CU_ASSERT(utf8("\xf4\x8f\xbf\xbf"));	/* U+10FFFF */
	/* NUL is well-formed UTF-8; the parsers refuse it separately. */
	CU_ASSERT(civic_utf8_valid(exact("a\0b", 3), 3));
}

static void
test_utf8_invalid(void)
{
	CU_ASSERT(!utf8("\xc0\x80"));		/* overlong NUL */
	CU_ASSERT(!utf8("\xc0\xaf"));		/* overlong "/" */
	CU_ASSERT(!utf8("\xc1\xbf"));
	CU_ASSERT(!utf8("\xe0\x80\x80"));	/* overlong, 3 bytes */
	CU_ASSERT(!utf8("\xe0\x9f\xbf"));
	CU_ASSERT(!utf8("\xf0\x80\x80\x80"));	/* overlong, 4 bytes */
	CU_ASSERT(!utf8("\xf0\x8f\xbf\xbf"));
	CU_ASSERT(!utf8("\xed\xa0\x80"));	/* U+D800 */
	CU_ASSERT(!utf8("\xed\xbf\xbf"));	/* U+DFFF */
	CU_ASSERT(!utf8("\xed\xa0\xbd\xed\xb8\x80"));	/* CESU-8 pair */
	CU_ASSERT(!utf8("\xf4\x90\x80\x80"));	/* U+110000 */
	CU_ASSERT(!utf8("\xf5\x80\x80\x80"));
	CU_ASSERT(!utf8("\xf8\x88\x80\x80\x80"));
	CU_ASSERT(!utf8("\xfe"));
	CU_ASSERT(!utf8("\xff"));
	CU_ASSERT(!utf8("\x80"));		/* lone continuation */
	CU_ASSERT(!utf8("a\xbf"));
	CU_ASSERT(!utf8("\xe4\xb8"));		/* truncated */
	CU_ASSERT(!utf8("\xe4"));
	CU_ASSERT(!utf8("\xf0\x9f\x98"));
	CU_ASSERT(!utf8("\xc2"));
	CU_ASSERT(!utf8("\xe4\x41\xad"));	/* ASCII inside */
	CU_ASSERT(!utf8("\xf0\x9f\x98\x41"));
	CU_ASSERT(!utf8("ok \xe4\xb8\xad\xe6\x96"));
	/* Truncated by len, though a valid byte follows in memory. */
	CU_ASSERT(!civic_utf8_valid("\xe4\xb8\xad", 2));
}

static void
test_utf8_chars(void)
{
	CU_ASSERT_EQUAL(civic_utf8_chars("", 0), 0);
	CU_ASSERT_EQUAL(civic_utf8_chars("abc", 3), 3);
	CU_ASSERT_EQUAL(civic_utf8_chars("中文", strlen("中文")), 2);
	CU_ASSERT_EQUAL(civic_utf8_chars("a中\xf0\x9f\x98\x80z", 9), 4);
}

/*
 * kv
 */

static void
test_kv_basic(void)
{
	const struct civic_kv	*kv;

	fresh();
	CU_ASSERT_PTR_NULL(civic_kv_find(&kvs, "a"));
	CU_ASSERT_PTR_NULL(civic_kv_get(&kvs, "a"));
	CU_ASSERT_EQUAL(civic_kv_add(arena, &kvs, 10, "a", 1, "1", 1), CIVIC_OK);
	/* Only klen and vlen bytes count. */
	CU_ASSERT_EQUAL(civic_kv_add(arena, &kvs, 10, "bxx", 1, "22yy", 2),
	    CIVIC_OK);
	CU_ASSERT_EQUAL(civic_kv_add(arena, &kvs, 10, "ab", 2, "", 0), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 3);
	CU_ASSERT_STRING_EQUAL(civic_kv_get(&kvs, "a"), "1");
	CU_ASSERT_STRING_EQUAL(civic_kv_get(&kvs, "b"), "22");
	CU_ASSERT_STRING_EQUAL(civic_kv_get(&kvs, "ab"), "");
	kv = civic_kv_find(&kvs, "b");
	CU_ASSERT_PTR_NOT_NULL_FATAL(kv);
	CU_ASSERT_EQUAL(kv->vlen, 2);
	CU_ASSERT_PTR_NULL(civic_kv_get(&kvs, "c"));
	CU_ASSERT_PTR_NULL(civic_kv_get(&kvs, "abc"));
	CU_ASSERT_PTR_NULL(civic_kv_get(&kvs, ""));
}

static void
test_kv_refuse(void)
{
	fresh();
	CU_ASSERT_EQUAL(civic_kv_add(arena, &kvs, 2, "ab", 2, "1", 1), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_kv_add(arena, &kvs, 2, "ab", 2, "2", 1),
	    CIVIC_ERR_BADREQ);
	/* A prefix or an extension of a key is another key. */
	CU_ASSERT_EQUAL(civic_kv_add(arena, &kvs, 2, "abc", 3, "1", 1), CIVIC_OK);
	CU_ASSERT_EQUAL(civic_kv_add(arena, &kvs, 2, "a", 1, "1", 1),
	    CIVIC_ERR_TOOBIG);
	CU_ASSERT_EQUAL(kvs.n, 2);
	CU_ASSERT_STRING_EQUAL(civic_kv_get(&kvs, "ab"), "1");

	fresh();
	CU_ASSERT_EQUAL(civic_kv_add(arena, &kvs, 10, "a\0b", 3, "1", 1),
	    CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(civic_kv_add(arena, &kvs, 10, "a", 1, "1\0", 2),
	    CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(civic_kv_add(arena, &kvs, 0, "a", 1, "1", 1),
	    CIVIC_ERR_TOOBIG);
	CU_ASSERT_EQUAL(kvs.n, 0);
}

static void
test_kv_grow(void)
{
	char	 key[16], val[16];
	size_t	 i;
	int	 ok = 1;

	fresh();
	for (i = 0; i < 500; i++) {
		snprintf(key, sizeof(key), "k%zu", i);
		snprintf(val, sizeof(val), "v%zu", i);
		if (civic_kv_add(arena, &kvs, 500, key, strlen(key), val,
		    strlen(val)) != CIVIC_OK)
			ok = 0;
	}
	CU_ASSERT(ok);
	CU_ASSERT_EQUAL(kvs.n, 500);
	CU_ASSERT(kvs.cap >= kvs.n && kvs.cap <= 500);
	for (i = 0; i < 500; i++) {
		snprintf(key, sizeof(key), "k%zu", i);
		snprintf(val, sizeof(val), "v%zu", i);
		if (!has(key, val))
			ok = 0;
	}
	CU_ASSERT(ok);
	CU_ASSERT_EQUAL(civic_kv_add(arena, &kvs, 500, "x", 1, "", 0),
	    CIVIC_ERR_TOOBIG);
}

/*
 * urlenc
 */

static void
test_urlenc_basic(void)
{
	CU_ASSERT_EQUAL(urlenc(""), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 0);
	CU_ASSERT_EQUAL(civic_urlenc_parse(arena, NULL, 0, &kvs), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 0);

	CU_ASSERT_EQUAL(urlenc("a=1&b=two&c&d="), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 4);
	CU_ASSERT(has("a", "1"));
	CU_ASSERT(has("b", "two"));
	CU_ASSERT(has("c", ""));
	CU_ASSERT(has("d", ""));

	/* Empty pairs are skipped; "=" inside a value is the value's. */
	CU_ASSERT_EQUAL(urlenc("&&a=1&&b=x=y&"), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 2);
	CU_ASSERT(has("b", "x=y"));
	CU_ASSERT_EQUAL(urlenc("&"), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 0);

	/* len bounds the input, not a NUL. */
	CU_ASSERT_EQUAL(urlenc_n("a=1&b=2", 3), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 1);
	CU_ASSERT(has("a", "1"));
}

static void
test_urlenc_decode(void)
{
	CU_ASSERT_EQUAL(urlenc("q=a+b%20c%2B%26%3d&x%5By%5D=1"), CIVIC_OK);
	CU_ASSERT(has("q", "a b c+&="));
	CU_ASSERT(has("x[y]", "1"));

	/* Chinese, escaped in upper and lower case, and raw. */
	CU_ASSERT_EQUAL(urlenc("q=%E4%B8%AD%E6%96%87+%e4%bd%a0%e5%a5%bd"
	    "&%E5%90%8D=%E5%BC%A0%E4%B8%89&raw=张三"), CIVIC_OK);
	CU_ASSERT(has("q", "中文 你好"));
	CU_ASSERT(has("名", "张三"));
	CU_ASSERT(has("raw", "张三"));
	CU_ASSERT_EQUAL(urlenc("t=%F0%9F%98%80"), CIVIC_OK);
	CU_ASSERT(has("t", "\xf0\x9f\x98\x80"));
}

static void
test_urlenc_malformed(void)
{
	static const char *const bad[] = {
		"a=%G1", "a=%1G", "a=%4", "a=%", "a=1%", "%=1", "a%=1",
		"a=%%41", "a=% 1", "a=%-1", "a=1&b=%zz",
	};
	size_t	 i;

	for (i = 0; i < NITEMS(bad); i++)
		CU_ASSERT_EQUAL(urlenc(bad[i]), CIVIC_ERR_BADREQ);
	/* A trailing "%" at the very end of the buffer, len exact. */
	CU_ASSERT_EQUAL(urlenc_n("a=%", 3), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(urlenc_n("a=%4", 4), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(urlenc_n("a%", 2), CIVIC_ERR_BADREQ);
}

static void
test_urlenc_nul(void)
{
	CU_ASSERT_EQUAL(urlenc("a=%00"), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(urlenc("a=x%00y"), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(urlenc("a%00=1"), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(urlenc_n("a=1\0", 4), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(urlenc_n("a\0b=1", 5), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(urlenc_n("\0", 1), CIVIC_ERR_BADREQ);
}

static void
test_urlenc_utf8(void)
{
	static const char *const bad[] = {
		"a=%C0%80",		/* overlong */
		"a=%C1%BF",
		"a=%E0%80%80",
		"a=%ED%A0%80",		/* surrogate */
		"a=%F4%90%80%80",	/* > U+10FFFF */
		"a=%F5%80%80%80",
		"a=%FF",
		"a=%E4%B8",		/* truncated */
		"a=%E4%B8&b=%AD",	/* split across pairs */
		"a=%80",
		"%C0%80=1",		/* in a name */
		"%ED%A0%80",
		"a=\xc0\x80",		/* raw */
		"a=\xed\xa0\x80",
		"\xe4\xb8=1",
	};
	size_t	 i;

	for (i = 0; i < NITEMS(bad); i++)
		CU_ASSERT_EQUAL(urlenc(bad[i]), CIVIC_ERR_BADREQ);
}

static void
test_urlenc_refuse(void)
{
	CU_ASSERT_EQUAL(urlenc("=abc"), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(urlenc("="), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(urlenc("a=1&=2"), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(urlenc("a=1&a=2"), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(urlenc("a&a"), CIVIC_ERR_BADREQ);
	/* The same name after decoding is the same name. */
	CU_ASSERT_EQUAL(urlenc("a=1&%61=2"), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(urlenc("a+b=1&a%20b=2"), CIVIC_ERR_BADREQ);
}

static void
test_urlenc_bounds(void)
{
	struct buf	 b = { 0 };
	size_t		 i;

	/* Name: exactly CIVIC_MAX_NAME bytes, then one more. */
	buf_fill(&b, 'n', CIVIC_MAX_NAME);
	buf_str(&b, "=1");
	CU_ASSERT_EQUAL(urlenc_n(b.p, b.n), CIVIC_OK);
	buf_free(&b);
	buf_fill(&b, 'n', CIVIC_MAX_NAME + 1);
	buf_str(&b, "=1");
	CU_ASSERT_EQUAL(urlenc_n(b.p, b.n), CIVIC_ERR_TOOBIG);
	buf_free(&b);
	buf_fill(&b, 'n', CIVIC_MAX_NAME + 1);
	CU_ASSERT_EQUAL(urlenc_n(b.p, b.n), CIVIC_ERR_TOOBIG);
	buf_free(&b);
	/* The bound is on the decoded name: 64 escapes are 64 bytes. */
	for (i = 0; i < CIVIC_MAX_NAME; i++)
		buf_str(&b, "%41");
	CU_ASSERT_EQUAL(urlenc_n(b.p, b.n), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 1);
	CU_ASSERT_EQUAL(strlen(kvs.v[0].key), CIVIC_MAX_NAME);
	buf_free(&b);

	/* Value: exactly CIVIC_MAX_VALUE bytes, then one more. */
	buf_str(&b, "v=");
	buf_fill(&b, 'x', CIVIC_MAX_VALUE);
	CU_ASSERT_EQUAL(urlenc_n(b.p, b.n), CIVIC_OK);
	CU_ASSERT_EQUAL_FATAL(kvs.n, 1);
	CU_ASSERT_EQUAL(kvs.v[0].vlen, CIVIC_MAX_VALUE);
	buf_str(&b, "x");
	CU_ASSERT_EQUAL(urlenc_n(b.p, b.n), CIVIC_ERR_TOOBIG);
	buf_free(&b);
	buf_str(&b, "v=");
	for (i = 0; i < CIVIC_MAX_VALUE / 3; i++)
		buf_str(&b, "%E4%B8%AD");
	buf_str(&b, "a");
	CU_ASSERT_EQUAL(urlenc_n(b.p, b.n), CIVIC_OK);
	buf_str(&b, "%E4%B8%AD");
	CU_ASSERT_EQUAL(urlenc_n(b.p, b.n), CIVIC_ERR_TOOBIG);
	buf_free(&b);

	/* Pairs: exactly CIVIC_MAX_FIELDS, then one more. */
	for (i = 0; i < CIVIC_MAX_FIELDS; i++)
		buf_printf(&b, "%sf%zu=%zu", i ? "&" : "", i, i);
	CU_ASSERT_EQUAL(urlenc_n(b.p, b.n), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, CIVIC_MAX_FIELDS);
	CU_ASSERT(has("f0", "0"));
	CU_ASSERT(has("f199", "199"));
	buf_str(&b, "&&&");	/* empty pairs do not count */
	CU_ASSERT_EQUAL(urlenc_n(b.p, b.n), CIVIC_OK);
	buf_str(&b, "extra=1");
	CU_ASSERT_EQUAL(urlenc_n(b.p, b.n), CIVIC_ERR_TOOBIG);
	buf_free(&b);
}

/*
 * cookie
 */

static void
test_cookie_basic(void)
{
	CU_ASSERT_EQUAL(cookie(""), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 0);
	CU_ASSERT_EQUAL(civic_cookie_parse(arena, NULL, 0, &kvs), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 0);
	CU_ASSERT_EQUAL(cookie("a=1; b=2"), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 2);
	CU_ASSERT(has("a", "1"));
	CU_ASSERT(has("b", "2"));

	/* Whitespace around everything, no space after ";", a trailing ";". */
	CU_ASSERT_EQUAL(cookie("  a = 1 ;\tb=2\t;c=3;d= ;"), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 4);
	CU_ASSERT(has("a", "1"));
	CU_ASSERT(has("b", "2"));
	CU_ASSERT(has("c", "3"));
	CU_ASSERT(has("d", ""));

	/* Not percent-decoded; "=" in a value is the value's. */
	CU_ASSERT_EQUAL(cookie("t=a%20b; u=x=y=="), CIVIC_OK);
	CU_ASSERT(has("t", "a%20b"));
	CU_ASSERT(has("u", "x=y=="));

	CU_ASSERT_EQUAL(cookie("lang=zh-CN; 名=张三"), CIVIC_OK);
	CU_ASSERT(has("名", "张三"));

	/* len bounds the input. */
	CU_ASSERT_EQUAL(cookie_n("a=1; b=2", 3), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 1);
	CU_ASSERT(has("a", "1"));
}

static void
test_cookie_quoted(void)
{
	CU_ASSERT_EQUAL(cookie("sid=\"abc\"; e=\"\"; sp=\" x y \"; q=\"; "
	    "h=ab\"c"), CIVIC_OK);
	CU_ASSERT(has("sid", "abc"));
	CU_ASSERT(has("e", ""));
	CU_ASSERT(has("sp", " x y "));
	CU_ASSERT(has("q", "\""));
	CU_ASSERT(has("h", "ab\"c"));
}

static void
test_cookie_skip(void)
{
	/* Duplicates: the first, most specific, is kept. */
	CU_ASSERT_EQUAL(cookie("sid=first; sid=second; a=1; sid=third"),
	    CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 2);
	CU_ASSERT(has("sid", "first"));

	/* Pairs without "=" or without a name are skipped. */
	CU_ASSERT_EQUAL(cookie("flag; =x; ;; a=1; = ; b"), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 1);
	CU_ASSERT(has("a", "1"));
}

static void
test_cookie_refuse(void)
{
	CU_ASSERT_EQUAL(cookie_n("a=1\0", 4), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(cookie_n("a\0=1", 4), CIVIC_ERR_BADREQ);
	/* Even in a pair that would have been skipped. */
	CU_ASSERT_EQUAL(cookie_n("a=1; x\0", 7), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(cookie("a=\xc0\x80"), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(cookie("a=\xed\xa0\x80"), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(cookie("a=\xf5\x80\x80\x80"), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(cookie("a=\xe4\xb8"), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(cookie("\xe4\xb8=1"), CIVIC_ERR_BADREQ);
}

static void
test_cookie_bounds(void)
{
	struct buf	 b = { 0 };
	size_t		 i;

	for (i = 0; i < CIVIC_MAX_COOKIES; i++)
		buf_printf(&b, "c%zu=%zu; ", i, i);
	CU_ASSERT_EQUAL(cookie_n(b.p, b.n), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, CIVIC_MAX_COOKIES);
	/* Duplicates are skipped, so they do not count. */
	buf_str(&b, "c0=again; c1=again; ");
	CU_ASSERT_EQUAL(cookie_n(b.p, b.n), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, CIVIC_MAX_COOKIES);
	/* Past the bound, other cookies are ignored and ours still kept. */
	buf_str(&b, "one=more; civic_csrf=ours; ");
	CU_ASSERT_EQUAL(cookie_n(b.p, b.n), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, CIVIC_MAX_COOKIES + 1);
	CU_ASSERT_PTR_NULL(civic_kv_get(&kvs, "one"));
	CU_ASSERT_STRING_EQUAL(civic_kv_get(&kvs, "civic_csrf"), "ours");
	/* Ours are bounded too: CIVIC_MAX_OWN_COOKIES more, then 413. */
	for (i = 1; i < CIVIC_MAX_OWN_COOKIES; i++)
		buf_printf(&b, "civic_x%zu=%zu; ", i, i);
	CU_ASSERT_EQUAL(cookie_n(b.p, b.n), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, CIVIC_MAX_COOKIES + CIVIC_MAX_OWN_COOKIES);
	buf_str(&b, "__Host-civic_last=1");
	CU_ASSERT_EQUAL(cookie_n(b.p, b.n), CIVIC_ERR_TOOBIG);
	buf_free(&b);

	buf_str(&b, "v=");
	buf_fill(&b, 'x', CIVIC_MAX_HEADER);
	CU_ASSERT_EQUAL(cookie_n(b.p, b.n), CIVIC_OK);
	CU_ASSERT_EQUAL_FATAL(kvs.n, 1);
	CU_ASSERT_EQUAL(kvs.v[0].vlen, CIVIC_MAX_HEADER);
	buf_str(&b, "x");
	CU_ASSERT_EQUAL(cookie_n(b.p, b.n), CIVIC_ERR_TOOBIG);
	buf_free(&b);
}

/*
 * multipart
 */

static void
test_mp_normal(void)
{
	static const unsigned char pdf[] = "%PDF-1.4\n\0\r\n\x80\xff binary";
	struct buf		 b = { 0 };
	const struct civic_file	*f;

	mp_field(&b, "title", "你好");
	mp_field(&b, "body", "line 1\r\nline 2\r\n");
	mp_field(&b, "empty", "");
	mp_file(&b, "att", "\"报告.pdf\"", "application/pdf", pdf, sizeof(pdf));
	mp_file(&b, "notype", "\"a.bin\"", NULL, "", 0);
	mp_close(&b);
	CU_ASSERT_EQUAL_FATAL(mp_buf(&b), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 3);
	CU_ASSERT(has("title", "你好"));
	CU_ASSERT(has("body", "line 1\r\nline 2\r\n"));
	CU_ASSERT(has("empty", ""));
	CU_ASSERT_EQUAL(files.n, 2);

	f = file_named("att");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_STRING_EQUAL(f->filename, "报告.pdf");
	CU_ASSERT_STRING_EQUAL(f->ctype, "application/pdf");
	CU_ASSERT_EQUAL(f->len, sizeof(pdf));
	CU_ASSERT(memcmp(f->data, pdf, sizeof(pdf)) == 0);
	/* Data is not copied: it points into the body. */
	CU_ASSERT((const char *)f->data > input &&
	    (const char *)f->data + f->len <= input + b.n);

	/* A zero-length file with a name is a file. */
	f = file_named("notype");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(f->len, 0);
	CU_ASSERT_STRING_EQUAL(f->ctype, "application/octet-stream");
	buf_free(&b);
}

static void
test_mp_ctype(void)
{
	static const char body[] = "--a b:c\r\n"
	    "Content-Disposition: form-data; name=x\r\n\r\n1\r\n"
	    "--a b:c--\r\n";
	static const char body2[] = "--xyz\r\n"
	    "content-disposition: FORM-DATA;name=\"x\"\r\n\r\n1\r\n"
	    "--xyz--";
	static const char *const bad[] = {
		"multipart/form-data",
		"multipart/form-data;",
		"multipart/form-data; boundary=",
		"multipart/form-data; boundary=\"\"",
		"multipart/form-data; boundary=\"xyz",
		"multipart/form-data; charset=utf-8",
		"multipart/mixed; boundary=xyz",
		"multipart/form-dataX; boundary=xyz",
		"application/x-www-form-urlencoded",
		"",
		"multipart/form-data; boundary=xyz; boundary=xyz",
		"multipart/form-data; boundary=x@y",
		"multipart/form-data; boundary=\"xyz \"",
		"multipart/form-data; boundary=\"x\tz\"",
		"multipart/form-data boundary=xyz",
		"multipart/form-data; =xyz",
		"multipart/form-data; boundary",
	};
	struct buf	 b = { 0 }, body70 = { 0 };
	const char	*ct;
	size_t		 i;

	CU_ASSERT_EQUAL(mp_ct("multipart/form-data; boundary=\"a b:c\"", body,
	    strlen(body)), CIVIC_OK);
	CU_ASSERT(has("x", "1"));
	CU_ASSERT_EQUAL(mp_ct("Multipart/Form-Data; charset=utf-8; BOUNDARY=xyz",
	    body2, strlen(body2)), CIVIC_OK);
	CU_ASSERT(has("x", "1"));
	CU_ASSERT_EQUAL(mp_ct("  multipart/form-data ;boundary = xyz ;",
	    body2, strlen(body2)), CIVIC_OK);
	CU_ASSERT_EQUAL(mp_ct("multipart/form-data; boundary=\"x\\yz\"",
	    body2, strlen(body2)), CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(mp_ct("multipart/form-data; boundary=\"x\\\\yz\"",
	    body2, strlen(body2)), CIVIC_ERR_BADREQ);

	/* Missing, empty, wrong type, two of them, bad characters. */
	for (i = 0; i < NITEMS(bad); i++)
		CU_ASSERT_EQUAL(mp_ct(bad[i], body2, strlen(body2)),
		    CIVIC_ERR_BADREQ);
	CU_ASSERT_EQUAL(mp_ct(NULL, body2, strlen(body2)), CIVIC_ERR_BADREQ);

	/* 70 characters is the longest boundary RFC 2046 allows. */
	buf_str(&b, "multipart/form-data; boundary=");
	buf_fill(&b, 'b', 70);
	buf_add(&b, "", 1);
	ct = b.p + strlen("multipart/form-data; boundary=");
	buf_printf(&body70, "--%s\r\nContent-Disposition: form-data; "
	    "name=x\r\n\r\n1\r\n--%s--\r\n", ct, ct);
	CU_ASSERT_EQUAL(mp_ct(b.p, body70.p, body70.n), CIVIC_OK);
	CU_ASSERT(has("x", "1"));
	buf_free(&body70);
	buf_free(&b);
	buf_str(&b, "multipart/form-data; boundary=");
	buf_fill(&b, 'b', 71);
	buf_add(&b, "", 1);
	CU_ASSERT_EQUAL(mp_ct(b.p, body2, strlen(body2)), CIVIC_ERR_BADREQ);
	buf_free(&b);
	buf_str(&b, "multipart/form-data; boundary=\"");
	buf_fill(&b, 'b', 71);
	buf_add(&b, "\"", 2);
	CU_ASSERT_EQUAL(mp_ct(b.p, body2, strlen(body2)), CIVIC_ERR_BADREQ);
	buf_free(&b);
}

static void
test_mp_boundary_in_content(void)
{
	/* Looks like a delimiter, is not: no CRLF before, or more after. */
	static const char content[] =
	    "--BOUNDARY at the start\r\n"
	    "x--BOUNDARY\r\n"
	    "y--BOUNDARY--\r\n"
	    "\r\n--BOUNDARYX\r\n"
	    "\r\n--BOUNDARY-x\r\n"
	    "\r\n--BOUNDAR\r\n"
	    "\r\n--BOUNDARY x\r\n"
	    "\n--BOUNDARY\r\n"
	    "\r--BOUNDARY--\r\n"
	    "end";
	struct buf		 b = { 0 };
	const struct civic_file	*f;

	mp_field(&b, "text", content);
	mp_file(&b, "f", "\"c.txt\"", "text/plain", content, strlen(content));
	mp_close(&b);
	CU_ASSERT_EQUAL_FATAL(mp_buf(&b), CIVIC_OK);
	CU_ASSERT(has("text", content));
	f = file_named("f");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(f->len, strlen(content));
	CU_ASSERT(memcmp(f->data, content, f->len) == 0);
	buf_free(&b);

	/* Transport padding after a boundary, a preamble and an epilogue. */
	CU_ASSERT_EQUAL(mp_str("This is the preamble.\r\n--BOUNDARY \t\r\n"
	    "Content-Disposition: form-data; name=a\r\n\r\n1\r\n"
	    "--BOUNDARY  \r\n"
	    "Content-Disposition: form-data; name=b\r\n\r\n2\r\n"
	    "--BOUNDARY--and an epilogue\r\n--BOUNDARY\r\nignored"), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, 2);
	CU_ASSERT(has("a", "1"));
	CU_ASSERT(has("b", "2"));

	/* Nothing but the close delimiter: no fields. */
	CU_ASSERT_EQUAL(mp_str("--BOUNDARY--"), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n + files.n, 0);
}

static void
test_mp_closing(void)
{
	static const char *const bad[] = {
		"",
		"--BOUNDARY",
		"--BOUNDARY\r\n",
		"--BOUNDARYX--",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\r\n\r\n1",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
		    "--BOUNDARY",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
		    "--BOUNDARY-",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
		    "--BOUNDARY\r\n",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
		    "--BOUNDARYX--\r\n",
		/* No CRLF before the close delimiter. */
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\r\n\r\n1"
		    "--BOUNDARY--\r\n",
	};
	size_t	 i;

	for (i = 0; i < NITEMS(bad); i++)
		CU_ASSERT_EQUAL(mp_str(bad[i]), CIVIC_ERR_BADREQ);
}

static void
test_mp_headers(void)
{
	static const char nul[] = "--BOUNDARY\r\nContent-Disposition: "
	    "form-data; name=a\0\r\n\r\n1\r\n--BOUNDARY--";
	static const char *const bad[] = {
		/* No Content-Disposition, no name, an empty name. */
		"--BOUNDARY\r\nContent-Type: text/plain\r\n\r\n1\r\n--BOUNDARY--",
		"--BOUNDARY\r\n\r\n1\r\n--BOUNDARY--",
		"--BOUNDARY\r\n--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data\r\n\r\n1\r\n"
		    "--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data; filename=\"a\"\r\n"
		    "\r\n1\r\n--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n"
		    "1\r\n--BOUNDARY--",
		/* Not form-data, or malformed. */
		"--BOUNDARY\r\nContent-Disposition: attachment; name=a\r\n\r\n"
		    "1\r\n--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=\"a\r\n\r\n"
		    "1\r\n--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data; name\r\n\r\n"
		    "1\r\n--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a b\r\n\r\n"
		    "1\r\n--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data name=a\r\n\r\n"
		    "1\r\n--BOUNDARY--",
		/* Ambiguous: two names, two dispositions. */
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a; name=b\r\n"
		    "\r\n1\r\n--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a; "
		    "filename=x; filename=y\r\n\r\n1\r\n--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\r\n"
		    "Content-Disposition: form-data; name=b\r\n\r\n1\r\n"
		    "--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\r\n"
		    "Content-Type: a/b\r\nContent-Type: c/d\r\n\r\n1\r\n"
		    "--BOUNDARY--",
		/* Header syntax. */
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\r\n"
		    "no colon\r\n\r\n1\r\n--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\r\n"
		    " folded: x\r\n\r\n1\r\n--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\r\n"
		    ": empty\r\n\r\n1\r\n--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\nX: y\r\n"
		    "\r\n1\r\n--BOUNDARY--",
		/* No blank line after the headers. */
		"--BOUNDARY\r\nContent-Disposition: form-data; name=a\r\n"
		    "--BOUNDARY--",
		/* Bad UTF-8 in a name or filename. */
		"--BOUNDARY\r\nContent-Disposition: form-data; name=\"\xc0\x80\"\r\n"
		    "\r\n1\r\n--BOUNDARY--",
		"--BOUNDARY\r\nContent-Disposition: form-data; name=f; "
		    "filename=\"\xed\xa0\x80.txt\"\r\n\r\n1\r\n--BOUNDARY--",
	};
	size_t	 i;

	for (i = 0; i < NITEMS(bad); i++)
		CU_ASSERT_EQUAL(mp_str(bad[i]), CIVIC_ERR_BADREQ);
	/* A NUL in the headers. */
	CU_ASSERT_EQUAL(mp_ct(BND_CTYPE, nul, sizeof(nul) - 1), CIVIC_ERR_BADREQ);

	/* Other headers are ignored, names are case-insensitive. */
	CU_ASSERT_EQUAL(mp_str("--BOUNDARY\r\nX-Other: whatever\r\n"
	    "CONTENT-DISPOSITION:form-data;NAME=\"a\";Filename*=utf-8''x\r\n"
	    "content-transfer-encoding: 8bit\r\n\r\n1\r\n--BOUNDARY--"),
	    CIVIC_OK);
	CU_ASSERT(has("a", "1"));
}

static void
test_mp_header_bounds(void)
{
	struct buf	 b = { 0 };
	size_t		 i;

	buf_str(&b, "--" BND "\r\nContent-Disposition: form-data; name=a\r\n");
	for (i = 1; i < CIVIC_MAX_PART_HEADERS; i++)
		buf_printf(&b, "X-H%zu: v\r\n", i);
	buf_str(&b, "\r\n1\r\n--" BND "--\r\n");
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_OK);
	buf_free(&b);

	buf_str(&b, "--" BND "\r\nContent-Disposition: form-data; name=a\r\n");
	for (i = 0; i < CIVIC_MAX_PART_HEADERS; i++)
		buf_printf(&b, "X-H%zu: v\r\n", i);
	buf_str(&b, "\r\n1\r\n--" BND "--\r\n");
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_TOOBIG);
	buf_free(&b);

	/* One header line of exactly CIVIC_MAX_HEADER bytes, then one more. */
	buf_str(&b, "--" BND "\r\nContent-Disposition: form-data; name=a\r\n"
	    "X-Long: ");
	buf_fill(&b, 'v', CIVIC_MAX_HEADER - strlen("X-Long: "));
	buf_str(&b, "\r\n\r\n1\r\n--" BND "--\r\n");
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_OK);
	buf_free(&b);
	buf_str(&b, "--" BND "\r\nContent-Disposition: form-data; name=a\r\n"
	    "X-Long: ");
	buf_fill(&b, 'v', CIVIC_MAX_HEADER + 1 - strlen("X-Long: "));
	buf_str(&b, "\r\n\r\n1\r\n--" BND "--\r\n");
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_TOOBIG);
	buf_free(&b);

	/* Headers that never end, longer than any allowed block. */
	buf_str(&b, "--" BND "\r\nContent-Disposition: form-data; name=a\r\n");
	buf_fill(&b, 'h', 200 * 1024);
	buf_str(&b, "\r\n--" BND "--\r\n");
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_TOOBIG);
	buf_free(&b);
}

static void
test_mp_filename(void)
{
	const char	*fn;

	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"../../x\""), "x");
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"/etc/passwd\""), "passwd");
	/* Escaped backslashes, as the RFC would have them ... */
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"C:\\\\dir\\\\a.pdf\""), "a.pdf");
	/* ... and raw, as Internet Explorer sends them. */
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"C:\\dir\\a.pdf\""), "a.pdf");
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"\\\\srv\\share\\b.png\""),
	    "b.png");
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"..\\..\\win.ini\""), "win.ini");
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"a\\\"b.txt\""), "a\"b.txt");
	CU_ASSERT_STRING_EQUAL(mp_filename_of("report.pdf"), "report.pdf");
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"报告 2024.pdf\""), "报告 2024.pdf");
	/* At most CIVIC_MAX_FILENAME characters (not bytes), after the path. */
	{
		char	 name[3 * (CIVIC_MAX_FILENAME + 1) + 16];
		size_t	 i, o = 0;

		name[o++] = '"';
		memcpy(name + o, "dir/", 4);
		o += 4;
		for (i = 0; i < CIVIC_MAX_FILENAME; i++) {
			memcpy(name + o, "报", 3);
			o += 3;
		}
		memcpy(name + o, "\"", 2);
		CU_ASSERT_PTR_NOT_NULL(mp_filename_of(name));
		memcpy(name + o, "x\"", 3);
		CU_ASSERT_PTR_NULL(mp_filename_of(name));
	}
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"a\tb\x01\x7f" "c\xc2\x85.txt\""),
	    "abc.txt");
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"é.txt\""), "é.txt");
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\".\""), "file");
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"..\""), "file");
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"a/..\""), "file");
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"dir/\""), "file");
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"\t\""), "file");
	/* Empty with data: a file all the same, named "file". */
	CU_ASSERT_STRING_EQUAL(mp_filename_of("\"\""), "file");
	fn = mp_filename_of("\"\xe4\xb8\"");
	CU_ASSERT_PTR_NULL(fn);
	CU_ASSERT_EQUAL(files.n, 0);
}

static void
test_mp_empty_file(void)
{
	struct buf	 b = { 0 };

	mp_field(&b, "a", "1");
	mp_file(&b, "att1", "\"\"", "application/octet-stream", "", 0);
	mp_file(&b, "att2", "\"x.txt\"", "text/plain", "x", 1);
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_OK);
	CU_ASSERT_EQUAL(files.n, 1);
	CU_ASSERT_PTR_NULL(file_named("att1"));
	CU_ASSERT_PTR_NOT_NULL(file_named("att2"));
	CU_ASSERT_PTR_NULL(civic_kv_get(&kvs, "att1"));
	buf_free(&b);
}

static void
test_mp_fields(void)
{
	struct buf	 b = { 0 };
	char		 name[CIVIC_MAX_NAME + 2];

	/* Same rules as urlenc: no NUL, UTF-8, no duplicate. */
	mp_field_n(&b, "a", "x\0y", 3);
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_BADREQ);
	buf_free(&b);
	mp_field(&b, "a", "\xed\xa0\x80");
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_BADREQ);
	buf_free(&b);
	mp_field(&b, "a", "\xc0\x80");
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_BADREQ);
	buf_free(&b);
	mp_field(&b, "a", "1");
	mp_field(&b, "a", "2");
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_BADREQ);
	buf_free(&b);

	/* Not percent-decoded: it is not urlencoded. */
	mp_field(&b, "名字", "a+b%20c");
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_OK);
	CU_ASSERT(has("名字", "a+b%20c"));
	buf_free(&b);

	/* Name: exactly CIVIC_MAX_NAME bytes, then one more. */
	memset(name, 'n', CIVIC_MAX_NAME);
	name[CIVIC_MAX_NAME] = '\0';
	mp_field(&b, name, "1");
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_OK);
	CU_ASSERT(has(name, "1"));
	buf_free(&b);
	name[CIVIC_MAX_NAME] = 'n';
	name[CIVIC_MAX_NAME + 1] = '\0';
	mp_field(&b, name, "1");
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_TOOBIG);
	buf_free(&b);

	/* Value: exactly CIVIC_MAX_VALUE bytes, then one more. */
	buf_str(&b, "--" BND "\r\nContent-Disposition: form-data; name=v\r\n\r\n");
	buf_fill(&b, 'x', CIVIC_MAX_VALUE);
	buf_str(&b, "\r\n");
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_OK);
	CU_ASSERT_EQUAL_FATAL(kvs.n, 1);
	CU_ASSERT_EQUAL(kvs.v[0].vlen, CIVIC_MAX_VALUE);
	buf_free(&b);
	buf_str(&b, "--" BND "\r\nContent-Disposition: form-data; name=v\r\n\r\n");
	buf_fill(&b, 'x', CIVIC_MAX_VALUE + 1);
	buf_str(&b, "\r\n");
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_TOOBIG);
	buf_free(&b);
}

static void
test_mp_duplicates(void)
{
	struct buf	 b = { 0 };

	mp_file(&b, "att", "\"a.txt\"", "text/plain", "a", 1);
	mp_file(&b, "att", "\"b.txt\"", "text/plain", "b", 1);
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_BADREQ);
	buf_free(&b);

	mp_field(&b, "x", "1");
	mp_file(&b, "x", "\"b.txt\"", "text/plain", "b", 1);
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_BADREQ);
	buf_free(&b);

	mp_file(&b, "x", "\"b.txt\"", "text/plain", "b", 1);
	mp_field(&b, "x", "1");
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_BADREQ);
	buf_free(&b);
}

static void
test_mp_file_size(void)
{
	struct buf		 b = { 0 };
	const struct civic_file	*f;

	buf_str(&b, "--" BND "\r\nContent-Disposition: form-data; name=f; "
	    "filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n");
	buf_fill(&b, 'z', CIVIC_MAX_FILE);
	buf_str(&b, "\r\n");
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_OK);
	f = file_named("f");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(f->len, CIVIC_MAX_FILE);
	buf_free(&b);

	buf_str(&b, "--" BND "\r\nContent-Disposition: form-data; name=f; "
	    "filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n");
	buf_fill(&b, 'z', CIVIC_MAX_FILE + 1);
	buf_str(&b, "\r\n");
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_TOOBIG);
	buf_free(&b);

	/* A body past CIVIC_MAX_BODY is not even looked at. */
	buf_fill(&b, '-', CIVIC_MAX_BODY + 1);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_TOOBIG);
	buf_free(&b);
}

static void
test_mp_counts(void)
{
	struct buf	 b = { 0 };
	char		 name[32], fn[32];
	size_t		 i;

	/* Files: exactly CIVIC_MAX_FILES, then one more. */
	for (i = 0; i < CIVIC_MAX_FILES; i++) {
		snprintf(name, sizeof(name), "f%zu", i);
		snprintf(fn, sizeof(fn), "\"%zu.txt\"", i);
		mp_file(&b, name, fn, "text/plain", "data", 4);
	}
	buf_str(&b, "--" BND "--\r\n");
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_OK);
	CU_ASSERT_EQUAL(files.n, CIVIC_MAX_FILES);
	CU_ASSERT_STRING_EQUAL(files.v[CIVIC_MAX_FILES - 1].filename,
	    "9.txt");
	b.n -= strlen("--" BND "--\r\n");
	mp_file(&b, "one_more", "\"x.txt\"", "text/plain", "data", 4);
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_TOOBIG);
	buf_free(&b);

	/* Fields: exactly CIVIC_MAX_FIELDS, then one more. */
	for (i = 0; i < CIVIC_MAX_FIELDS; i++) {
		snprintf(name, sizeof(name), "f%zu", i);
		mp_field(&b, name, "v");
	}
	buf_str(&b, "--" BND "--\r\n");
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n, CIVIC_MAX_FIELDS);
	b.n -= strlen("--" BND "--\r\n");

	/*
	 * Parts: with the fields and files at their bounds, one more part,
	 * even one skipped, passes CIVIC_MAX_PARTS.
	 */
	for (i = 0; i < CIVIC_MAX_FILES; i++) {
		snprintf(name, sizeof(name), "file%zu", i);
		mp_file(&b, name, "\"a.txt\"", "text/plain", "data", 4);
	}
	buf_str(&b, "--" BND "--\r\n");
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_OK);
	CU_ASSERT_EQUAL(kvs.n + files.n, CIVIC_MAX_PARTS);
	b.n -= strlen("--" BND "--\r\n");
	mp_file(&b, "skipped", "\"\"", "text/plain", "", 0);
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_TOOBIG);
	buf_free(&b);

	for (i = 0; i < CIVIC_MAX_FIELDS; i++) {
		snprintf(name, sizeof(name), "f%zu", i);
		mp_field(&b, name, "v");
	}
	mp_field(&b, "one_more", "v");
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_TOOBIG);
	buf_free(&b);

	/* Ten thousand parts. */
	for (i = 0; i < 10000; i++) {
		snprintf(name, sizeof(name), "p%zu", i);
		mp_field(&b, name, "v");
	}
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_TOOBIG);
	buf_free(&b);

	/* Ten thousand skipped parts: the part count alone refuses them. */
	for (i = 0; i < 10000; i++) {
		snprintf(name, sizeof(name), "p%zu", i);
		mp_file(&b, name, "\"\"", NULL, "", 0);
	}
	mp_close(&b);
	CU_ASSERT_EQUAL(mp_buf(&b), CIVIC_ERR_TOOBIG);
	buf_free(&b);
}

static CU_TestInfo arena_tests[] = {
	{ "alloc", test_arena_alloc },
	{ "strings", test_arena_strings },
	{ "cleanup order", test_arena_cleanup },
	{ "reset", test_arena_reset },
	CU_TEST_INFO_NULL
};

static CU_TestInfo utf8_tests[] = {
	{ "valid", test_utf8_valid },
	{ "invalid", test_utf8_invalid },
	{ "chars", test_utf8_chars },
	CU_TEST_INFO_NULL
};

static CU_TestInfo kv_tests[] = {
	{ "basic", test_kv_basic },
	{ "refuse", test_kv_refuse },
	{ "grow", test_kv_grow },
	CU_TEST_INFO_NULL
};

static CU_TestInfo urlenc_tests[] = {
	{ "basic", test_urlenc_basic },
	{ "decode", test_urlenc_decode },
	{ "malformed escapes", test_urlenc_malformed },
	{ "NUL", test_urlenc_nul },
	{ "bad UTF-8", test_urlenc_utf8 },
	{ "empty and duplicate names", test_urlenc_refuse },
	{ "bounds", test_urlenc_bounds },
	CU_TEST_INFO_NULL
};

static CU_TestInfo cookie_tests[] = {
	{ "basic", test_cookie_basic },
	{ "quoted", test_cookie_quoted },
	{ "duplicates and skipped pairs", test_cookie_skip },
	{ "NUL and bad UTF-8", test_cookie_refuse },
	{ "bounds", test_cookie_bounds },
	CU_TEST_INFO_NULL
};

static CU_TestInfo multipart_tests[] = {
	{ "fields and a file", test_mp_normal },
	{ "Content-Type and boundary", test_mp_ctype },
	{ "boundary inside content", test_mp_boundary_in_content },
	{ "close delimiter", test_mp_closing },
	{ "part headers", test_mp_headers },
	{ "part header bounds", test_mp_header_bounds },
	{ "filenames", test_mp_filename },
	{ "empty file input", test_mp_empty_file },
	{ "field rules and bounds", test_mp_fields },
	{ "duplicate names", test_mp_duplicates },
	{ "file size", test_mp_file_size },
	{ "part, field and file counts", test_mp_counts },
	CU_TEST_INFO_NULL
};

static CU_SuiteInfo suites[] = {
	{ "arena", NULL, NULL, NULL, NULL, arena_tests },
	{ "utf8", NULL, NULL, NULL, NULL, utf8_tests },
	{ "kv", NULL, NULL, NULL, NULL, kv_tests },
	{ "urlenc", NULL, NULL, NULL, NULL, urlenc_tests },
	{ "cookie", NULL, NULL, NULL, NULL, cookie_tests },
	{ "multipart", NULL, NULL, NULL, NULL, multipart_tests },
	CU_SUITE_INFO_NULL
};

int
main(void)
{
	int		 rc = 99;

	if ((arena = civic_arena_new()) == NULL) {
		fprintf(stderr, "test_parse: no memory for the arena\n");
		return 99;
	}
	if (CU_initialize_registry() != CUE_SUCCESS)
		goto out;
	if (CU_register_suites(suites) != CUE_SUCCESS) {
		fprintf(stderr, "test_parse: %s\n", CU_get_error_msg());
		goto cleanup;
	}
	rc = cunit_run("test_parse");
	goto out;
cleanup:
	CU_cleanup_registry();
out:
	free(input);
	civic_arena_free(arena);
	return rc;
}
