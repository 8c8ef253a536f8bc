/*
 * redact.h: masking personal data in a text that is to be published (a
 * letter's or a question's public version): phone numbers, ID numbers,
 * e-mail addresses and the given names become "***".  The rules are in
 * redact.c; the staff member who publishes reads the result side by side
 * with the original and may edit it further.
 */
#ifndef CIVIC_REDACT_H
#define CIVIC_REDACT_H

#include <stddef.h>

#include "arena.h"

/* The public version of text (names: nnames of them); NULL when memory is short. */
char	*civic_redact(struct civic_arena *, const char *text, const char *const *names,
	    size_t nnames);

#endif
