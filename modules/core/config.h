/*
 * config.h: the INI-style configuration file shared by every program.
 *
 *	# comment
 *	[section]
 *	key = value
 *
 * Keys are looked up as "section.key".  Every key is documented in
 * doc/operator.md; civic_config_load() refuses keys it does not know, so a
 * typo is a start-up error rather than a silent default.
 */
#ifndef CIVIC_CONFIG_H
#define CIVIC_CONFIG_H

#include "err.h"

struct civic_config;

/*
 * Reads path (NULL: built-in defaults only).  On error, *errmsg (static or
 * malloc'd storage owned by the config) says which line and why.  The
 * config is freed with civic_config_free().
 */
enum civic_err	 civic_config_load(const char *path, struct civic_config **, const char **errmsg);
void		 civic_config_free(struct civic_config *);

/* The value of "section.key", or its default (never NULL for a known key). */
const char	*civic_config_get(const struct civic_config *, const char *key);
/* The same as an integer; the default when the value is not a number. */
long long	 civic_config_int(const struct civic_config *, const char *key);

/* Overrides a key, as a command-line option does.  CIVIC_ERR_CONFIG for an unknown key. */
enum civic_err	 civic_config_set(struct civic_config *, const char *key, const char *val);

#endif
