/*
 * fuzz.h: what the libFuzzer targets share: the entry point's prototype,
 * one arena for the process (reset after every input, as a worker resets
 * its arena after every request) and the checks of a parsed list that
 * every caller relies on.  A failed check aborts, which libFuzzer reports
 * as a crash with the input that caused it.
 */
#ifndef CIVIC_FUZZ_H
#define CIVIC_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "kv.h"
#include "limits.h"
#include "parse.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static inline struct civic_arena *
fuzz_arena(void)
{
	static struct civic_arena	*arena;

	if (arena == NULL && (arena = civic_arena_new()) == NULL)
		abort();
	return arena;
}

/* Aborts on a parser error other than those a client may cause. */
static inline void
fuzz_check_err(enum civic_err err)
{
	if (err != CIVIC_OK && err != CIVIC_ERR_BADREQ &&
	    err != CIVIC_ERR_TOOBIG)
		abort();
}

/*
 * A list a parser returned with CIVIC_OK: at most max entries, names
 * non-empty, at most maxname bytes and unique, values of vlen bytes (no
 * NUL inside) and at most maxval, everything valid UTF-8.
 */
static inline void
fuzz_check_list(const struct civic_kvlist *l, size_t max, size_t maxname,
    size_t maxval)
{
	size_t	 i, j, klen;

	if (l->n > max || l->n > l->cap)
		abort();
	for (i = 0; i < l->n; i++) {
		klen = strlen(l->v[i].key);
		if (klen == 0 || klen > maxname ||
		    !civic_utf8_valid(l->v[i].key, klen))
			abort();
		if (strlen(l->v[i].val) != l->v[i].vlen ||
		    l->v[i].vlen > maxval ||
		    !civic_utf8_valid(l->v[i].val, l->v[i].vlen))
			abort();
		if (civic_kv_find(l, l->v[i].key) != &l->v[i])
			abort();
		for (j = 0; j < i; j++)
			if (strcmp(l->v[i].key, l->v[j].key) == 0)
				abort();
	}
}

#endif
