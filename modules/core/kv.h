/*
 * kv.h: the name/value lists every parser fills: query string, form body,
 * cookies, FastCGI parameters.  Values are arena copies, NUL-terminated,
 * with their byte length (a value never contains NUL: parsers refuse it).
 */
#ifndef CIVIC_KV_H
#define CIVIC_KV_H

#include <stddef.h>
#include "arena.h"

struct civic_kv {
	const char	*key;
	const char	*val;
	size_t		 vlen;
};

struct civic_kvlist {
	struct civic_kv	*v;
	size_t		 n;
	size_t		 cap;
};

/*
 * An uploaded file from a multipart body.  filename is the client's name
 * reduced to its last path component and stripped of control characters
 * (never used as a path); ctype is what the client claimed, which nobody
 * should trust: civic_valid_filetype() looks at the bytes.
 */
struct civic_file {
	const char		*field;
	const char		*filename;
	const char		*ctype;
	const unsigned char	*data;
	size_t			 len;
};

struct civic_filelist {
	struct civic_file	*v;
	size_t			 n;
	size_t			 cap;
};

/*
 * Appends key=val (copied into the arena).  CIVIC_ERR_BADREQ when the key
 * is already present or either contains NUL; CIVIC_ERR_TOOBIG when the list
 * holds max entries already.
 */
enum civic_err	 civic_kv_add(struct civic_arena *, struct civic_kvlist *, size_t max,
		    const char *key, size_t klen, const char *val, size_t vlen);

/* The entry named key, or NULL. */
const struct civic_kv *civic_kv_find(const struct civic_kvlist *, const char *key);

/* Its value, or NULL. */
const char	*civic_kv_get(const struct civic_kvlist *, const char *key);

#endif
