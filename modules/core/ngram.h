/*
 * ngram.h: search terms for Chinese text, where MariaDB's FULLTEXT parser
 * finds no word boundaries (DESIGN.md "Choices made", doc/mailbox.md).
 *
 * Text is cut into runs of CJK characters and runs of letters and digits
 * (everything else separates).  A CJK run gives every pair of adjacent
 * characters ("医疗保障" -> 医疗, 疗保, 保障), or the character itself
 * when the run is one character long; a run of letters and digits gives
 * the run, ASCII letters lowered, cut to CIVIC_NGRAM_MAX bytes.  A
 * document is indexed with its grams (a table of (gram, document) rows);
 * a query matches the documents that hold every gram of the query, which
 * makes any two-character word findable.  The caller then confirms with a
 * LIKE on the text when the grams alone could mislead.
 */
#ifndef CIVIC_NGRAM_H
#define CIVIC_NGRAM_H

#include <stddef.h>

#include "arena.h"

/* Bytes in one gram: a whole ASCII word up to this, or two CJK characters (8). */
#define CIVIC_NGRAM_MAX		32

/*
 * The distinct grams of text (valid UTF-8), in order of first appearance,
 * at most max of them, each a NUL-terminated string in the arena, into
 * grams[].  Returns how many, or (size_t)-1 when memory is short.
 */
size_t	 civic_ngram_split(struct civic_arena *, const char *text, const char **grams,
	    size_t max);

#endif
