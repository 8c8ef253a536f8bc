/*
 * arena.h: one arena a request.  Everything a request allocates comes from
 * its arena and is released by one civic_arena_reset() when the request
 * ends; objects owned by libraries (xmlDoc, MYSQL_RES) are registered as
 * cleanups and freed at the same moment, last registered first.
 */
#ifndef CIVIC_ARENA_H
#define CIVIC_ARENA_H

#include <stddef.h>
#include "err.h"

struct civic_arena;

/* A new arena, or NULL when memory is short.  Free with civic_arena_free(). */
struct civic_arena *civic_arena_new(void);

/* Runs the cleanups and releases everything but the first chunk, for reuse. */
void	 civic_arena_reset(struct civic_arena *);
void	 civic_arena_free(struct civic_arena *);

/*
 * Memory aligned for any type, valid until the next reset; NULL when memory
 * is short.  civic_arena_zalloc() clears it.
 */
void	*civic_arena_alloc(struct civic_arena *, size_t);
void	*civic_arena_zalloc(struct civic_arena *, size_t);

/* A NUL-terminated copy of len bytes of s (which need not be terminated). */
char	*civic_arena_strndup(struct civic_arena *, const char *s, size_t len);
char	*civic_arena_strdup(struct civic_arena *, const char *s);
char	*civic_arena_printf(struct civic_arena *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* fn(arg) runs at the next reset or free. */
enum civic_err civic_arena_cleanup(struct civic_arena *, void (*fn)(void *), void *arg);

#endif
