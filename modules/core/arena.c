/*
 * arena.c: a region allocator with cleanups, one per request.
 *
 * Memory comes from a list of chunks; an allocation bumps a pointer in the
 * newest chunk, and one larger than a chunk gets a chunk of its own.  A
 * reset runs the cleanups (newest first, so that an object registered
 * after another may still use it while being freed) and frees every chunk
 * but the first, which the next request reuses: most requests then make no
 * malloc call at all.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "limits.h"

#define ARENA_ALIGN	_Alignof(max_align_t)

struct arena_chunk {
	struct arena_chunk	*next;
	size_t			 size;	/* usable bytes after the header */
	size_t			 used;
	max_align_t		 data[];
};

struct arena_cleanup {
	struct arena_cleanup	*next;
	void			(*fn)(void *);
	void			*arg;
};

struct civic_arena {
	struct arena_chunk	*chunks;	/* newest first; the last is the kept one */
	struct arena_cleanup	*cleanups;	/* newest first */
};

static struct arena_chunk *
arena_chunk_new(size_t size)
{
	struct arena_chunk	*c;

	if (size > SIZE_MAX - sizeof(*c))
		return NULL;
	if ((c = malloc(sizeof(*c) + size)) == NULL)
		return NULL;
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

struct civic_arena *
civic_arena_new(void)
{
	struct civic_arena	*a;

	if ((a = malloc(sizeof(*a))) == NULL)
		return NULL;
	a->cleanups = NULL;
	if ((a->chunks = arena_chunk_new(CIVIC_ARENA_CHUNK)) == NULL) {
		free(a);
		return NULL;
	}
	return a;
}

void
civic_arena_reset(struct civic_arena *a)
{
	struct arena_cleanup	*cl;
	struct arena_chunk	*c;

	/* Cleanups live in the chunks: unlink each before running it. */
	while ((cl = a->cleanups) != NULL) {
		a->cleanups = cl->next;
		cl->fn(cl->arg);
	}
	while ((c = a->chunks)->next != NULL) {
		a->chunks = c->next;
		free(c);
	}
	a->chunks->used = 0;
}

void
civic_arena_free(struct civic_arena *a)
{
	if (a == NULL)
		return;
	civic_arena_reset(a);
	free(a->chunks);
	free(a);
}

void *
civic_arena_alloc(struct civic_arena *a, size_t n)
{
	struct arena_chunk	*c = a->chunks;
	size_t			 need;
	void			*p;

	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ARENA_ALIGN)
		return NULL;
	need = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (c->size - c->used < need) {
		/*
		 * A big allocation gets a chunk of its own, placed behind
		 * the current one so that the current one's free space is
		 * not lost to the small allocations that follow.
		 */
		if ((c = arena_chunk_new(need > CIVIC_ARENA_CHUNK ?
		    need : CIVIC_ARENA_CHUNK)) == NULL)
			return NULL;
		if (need > CIVIC_ARENA_CHUNK / 2 && a->chunks->next != NULL) {
			c->next = a->chunks->next;
			a->chunks->next = c;
		} else {
			c->next = a->chunks;
			a->chunks = c;
		}
	}
	p = (char *)c->data + c->used;
	c->used += need;
	return p;
}

void *
civic_arena_zalloc(struct civic_arena *a, size_t n)
{
	void	*p;

	if ((p = civic_arena_alloc(a, n)) != NULL)
		memset(p, 0, n);
	return p;
}

char *
civic_arena_strndup(struct civic_arena *a, const char *s, size_t len)
{
	char	*p;

	if (len == SIZE_MAX || (p = civic_arena_alloc(a, len + 1)) == NULL)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
civic_arena_strdup(struct civic_arena *a, const char *s)
{
	return civic_arena_strndup(a, s, strlen(s));
}

char *
civic_arena_printf(struct civic_arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (p = civic_arena_alloc(a, (size_t)n + 1)) == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

enum civic_err
civic_arena_cleanup(struct civic_arena *a, void (*fn)(void *), void *arg)
{
	struct arena_cleanup	*cl;

	if ((cl = civic_arena_alloc(a, sizeof(*cl))) == NULL)
		return CIVIC_ERR_NOMEM;
	cl->fn = fn;
	cl->arg = arg;
	cl->next = a->cleanups;
	a->cleanups = cl;
	return CIVIC_OK;
}
