/*
 * ngram.c: search grams (ngram.h).
 *
 * One pass over the text, character by character.  What counts as a
 * character of which kind:
 *
 *  - CJK: the unified ideographs U+4E00-U+9FFF and Extension A
 *    U+3400-U+4DBF (together U+3400-U+9FFF), the compatibility ideographs
 *    U+F900-U+FAFF, and the supplementary ideographic plane and the
 *    next, U+20000-U+2FFFF (Extensions B to F and their compatibility
 *    supplement).  Kana, Hangul and CJK punctuation are not: 。，、《》
 *    separate like any punctuation.
 *  - letters and digits: ASCII A-Z, a-z and 0-9, and their fullwidth
 *    forms (U+FF10-U+FF19, U+FF21-U+FF3A, U+FF41-U+FF5A), which Chinese
 *    input methods type and which are folded to ASCII, so that "２０２６"
 *    finds "2026".  Letters are lowered.
 *  - everything else (spaces, punctuation, emoji, other scripts)
 *    separates runs and makes no gram.
 *
 * Bytes that are not valid UTF-8 (the contract says they never come) are
 * taken one at a time as separators, so that a bad byte can neither stop
 * the pass nor end up in a gram.
 *
 * Grams are kept distinct with a small open-addressing hash set in the
 * arena, sized for the most grams the text or max allow, so that a long
 * letter costs one pass and not a quadratic search.
 */
#include <stdint.h>
#include <string.h>

#include "ngram.h"

enum ngram_kind { NGRAM_OTHER, NGRAM_CJK, NGRAM_ALNUM };

struct ngram {
	struct civic_arena	 *a;
	const char		**grams;
	size_t			  n, max;
	const char		**set;		/* hash set of the grams so far */
	size_t			  mask;		/* its size minus one (a power of two) */
	int			  nomem;
};

/*
 * The code point at s[0..len) and its length in *n; an invalid sequence
 * is one byte of U+FFFD (a separator).
 */
static uint32_t
ngram_decode(const unsigned char *s, size_t len, size_t *n)
{
	uint32_t	 c;
	size_t		 need, i;

	*n = 1;
	if (s[0] < 0x80)
		return s[0];
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		need = 1;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		need = 2;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		need = 3;
	else
		return 0xFFFD;
	if (len - 1 < need)
		return 0xFFFD;
	c = s[0] & (0x3F >> need);
	for (i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0xFFFD;
		c = (c << 6) | (s[i] & 0x3F);
	}
	*n = need + 1;
	return c;
}

/* The kind of c; for a letter or digit, *ascii is its folded, lowered form. */
static enum ngram_kind
ngram_kind(uint32_t c, char *ascii)
{
	if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0x20000 && c <= 0x2FFFF))
		return NGRAM_CJK;
	/* Fullwidth digits and letters are their ASCII forms, 0xFEE0 higher. */
	if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
	    (c >= 0xFF41 && c <= 0xFF5A))
		c -= 0xFEE0;
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
		*ascii = (char)c;
		return NGRAM_ALNUM;
	}
	if (c >= 'A' && c <= 'Z') {
		*ascii = (char)(c - 'A' + 'a');
		return NGRAM_ALNUM;
	}
	return NGRAM_OTHER;
}

/* FNV-1a: short keys, no adversary that could gain from collisions but time. */
static size_t
ngram_hash(const char *s, size_t len)
{
	uint32_t	 h = 2166136261u;
	size_t		 i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* Adds s[0..len) unless already there; 1 when max is reached (stop). */
static int
ngram_emit(struct ngram *g, const char *s, size_t len)
{
	size_t	 i;
	char	*copy;

	if (g->n == g->max || g->nomem)
		return 1;
	for (i = ngram_hash(s, len) & g->mask; g->set[i] != NULL; i = (i + 1) & g->mask)
		if (strlen(g->set[i]) == len && memcmp(g->set[i], s, len) == 0)
			return 0;
	if ((copy = civic_arena_strndup(g->a, s, len)) == NULL) {
		g->nomem = 1;
		return 1;
	}
	g->set[i] = copy;
	g->grams[g->n++] = copy;
	return g->n == g->max;
}

size_t
civic_ngram_split(struct civic_arena *a, const char *text, const char **grams, size_t max)
{
	const unsigned char	*s = (const unsigned char *)text;
	struct ngram		 g;
	size_t			 len = strlen(text), i, n, size, run = 0, prev = 0;
	size_t			 prevlen = 0, wlen = 0;
	char			 word[CIVIC_NGRAM_MAX], ascii = 0;
	enum ngram_kind		 k;
	int			 stop = 0;

	memset(&g, 0, sizeof(g));
	g.a = a;
	g.grams = grams;
	g.max = max;
	if (max == 0 || len == 0)
		return 0;
	/* No more grams than characters: the set needs at most twice that. */
	for (size = 16; size < 2 * (max < len ? max : len); size *= 2)
		;
	if ((g.set = civic_arena_zalloc(a, size * sizeof(*g.set))) == NULL)
		return (size_t)-1;
	g.mask = size - 1;

	/* One step past the end, as a separator, flushes the last run. */
	for (i = 0; i <= len && !stop; i += n) {
		if (i < len)
			k = ngram_kind(ngram_decode(s + i, len - i, &n), &ascii);
		else {
			k = NGRAM_OTHER;
			n = 1;
		}
		if (k != NGRAM_ALNUM && wlen > 0) {
			stop = ngram_emit(&g, word, wlen);
			wlen = 0;
		}
		if (k != NGRAM_CJK && run == 1 && !stop)
			stop = ngram_emit(&g, text + prev, prevlen);
		if (stop)
			break;
		switch (k) {
		case NGRAM_CJK:
			/* The pair of this character and the one before it. */
			if (run > 0)
				stop = ngram_emit(&g, text + prev, prevlen + n);
			prev = i;
			prevlen = n;
			run++;
			break;
		case NGRAM_ALNUM:
			/* A word longer than a gram is cut: its first bytes. */
			if (wlen < sizeof(word))
				word[wlen++] = ascii;
			run = 0;
			break;
		default:
			run = 0;
			break;
		}
	}
	return g.nomem ? (size_t)-1 : g.n;
}
