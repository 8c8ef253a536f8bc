/*
 * kv.c: the name/value lists the parsers fill.
 *
 * Lists are short (CIVIC_MAX_FIELDS at most), so a linear search is both
 * the simplest and, at this size, the fastest lookup.  The array lives in
 * the request's arena and doubles when full; the old copy is left to the
 * arena, which frees everything at once when the request ends.
 */
#include <stdint.h>
#include <string.h>

#include "kv.h"

/* First capacity of a list: most query strings and forms fit in it. */
#define KV_FIRST_CAP	16

/*
 * Index of the entry whose key is key[0..klen), or l->n.  key holds no
 * NUL, so strncmp() stops at the stored key's end and never reads past it.
 */
static size_t
kv_index(const struct civic_kvlist *l, const char *key, size_t klen)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (strncmp(l->v[i].key, key, klen) == 0 &&
		    l->v[i].key[klen] == '\0')
			break;
	return i;
}

enum civic_err
civic_kv_add(struct civic_arena *a, struct civic_kvlist *l, size_t max,
    const char *key, size_t klen, const char *val, size_t vlen)
{
	struct civic_kv	*nv;
	struct civic_kv	*kv;
	size_t		 ncap;
	char		*k, *v;

	if (memchr(key, '\0', klen) != NULL || memchr(val, '\0', vlen) != NULL)
		return CIVIC_ERR_BADREQ;
	if (kv_index(l, key, klen) < l->n)
		return CIVIC_ERR_BADREQ;
	if (l->n >= max)
		return CIVIC_ERR_TOOBIG;

	if (l->n == l->cap) {
		ncap = l->cap == 0 ? KV_FIRST_CAP : l->cap * 2;
		if (ncap > max)
			ncap = max;
		if (ncap > SIZE_MAX / sizeof(*nv) ||
		    (nv = civic_arena_alloc(a, ncap * sizeof(*nv))) == NULL)
			return CIVIC_ERR_NOMEM;
		if (l->n > 0)
			memcpy(nv, l->v, l->n * sizeof(*nv));
		l->v = nv;
		l->cap = ncap;
	}

	if ((k = civic_arena_strndup(a, key, klen)) == NULL ||
	    (v = civic_arena_strndup(a, val, vlen)) == NULL)
		return CIVIC_ERR_NOMEM;
	kv = &l->v[l->n++];
	kv->key = k;
	kv->val = v;
	kv->vlen = vlen;
	return CIVIC_OK;
}

const struct civic_kv *
civic_kv_find(const struct civic_kvlist *l, const char *key)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return &l->v[i];
	return NULL;
}

const char *
civic_kv_get(const struct civic_kvlist *l, const char *key)
{
	const struct civic_kv	*kv;

	return (kv = civic_kv_find(l, key)) == NULL ? NULL : kv->val;
}
