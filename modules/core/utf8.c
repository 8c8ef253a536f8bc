/*
 * utf8.c: strict UTF-8 checking, after the Unicode Standard, table 3-7
 * ("Well-Formed UTF-8 Byte Sequences").
 *
 * Strictness matters because every later layer trusts the bytes: an
 * overlong "/" (C0 AF) could slip past a path check, and a surrogate or a
 * code point above U+10FFFF is refused by MariaDB's utf8mb4 and by libxml2
 * halfway through a request.  Refusing them here, once, at the edge keeps
 * those layers simple.
 */
#include <stddef.h>

#include "parse.h"

int
civic_utf8_valid(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, need, k;
	unsigned char		 lo, hi;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		/*
		 * The lead byte fixes the length and the range of the first
		 * continuation byte; the narrowed ranges after E0, ED, F0
		 * and F4 are what exclude overlongs, surrogates and code
		 * points past U+10FFFF.  C0, C1 and F5..FF never lead.
		 */
		lo = 0x80;
		hi = 0xBF;
		if (p[i] >= 0xC2 && p[i] <= 0xDF)
			need = 1;
		else if (p[i] >= 0xE0 && p[i] <= 0xEF) {
			need = 2;
			if (p[i] == 0xE0)
				lo = 0xA0;
			else if (p[i] == 0xED)
				hi = 0x9F;
		} else if (p[i] >= 0xF0 && p[i] <= 0xF4) {
			need = 3;
			if (p[i] == 0xF0)
				lo = 0x90;
			else if (p[i] == 0xF4)
				hi = 0x8F;
		} else
			return 0;
		if (len - i - 1 < need)
			return 0;
		if (p[i + 1] < lo || p[i + 1] > hi)
			return 0;
		for (k = 2; k <= need; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return 0;
		i += need + 1;
	}
	return 1;
}

size_t
civic_utf8_chars(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, n = 0;

	/* Each character has exactly one byte that is not 10xxxxxx. */
	for (i = 0; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			n++;
	return n;
}
