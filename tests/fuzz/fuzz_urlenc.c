/*
 * fuzz_urlenc.c: libFuzzer target for civic_urlenc_parse(), which reads
 * both query strings and form bodies: the input is either, as it is.
 *
 * It also checks civic_utf8_valid() and civic_utf8_chars() against a
 * slower decoder written the other way round (decode the code point, then
 * refuse what it may not be), since the parsers' promises rest on them.
 */
#include "fuzz.h"

/* 1 when s[0..len) is well-formed UTF-8; *chars counts the code points. */
static int
ref_utf8(const unsigned char *s, size_t len, size_t *chars)
{
	static const uint32_t	 least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	uint32_t		 cp;
	size_t			 i = 0, n, k;

	*chars = 0;
	while (i < len) {
		if (s[i] < 0x80) {
			n = 1;
			cp = s[i];
		} else if ((s[i] & 0xe0) == 0xc0) {
			n = 2;
			cp = s[i] & 0x1f;
		} else if ((s[i] & 0xf0) == 0xe0) {
			n = 3;
			cp = s[i] & 0x0f;
		} else if ((s[i] & 0xf8) == 0xf0) {
			n = 4;
			cp = s[i] & 0x07;
		} else
			return 0;
		if (len - i < n)
			return 0;
		for (k = 1; k < n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < least[n] || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += n;
		(*chars)++;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct civic_arena	*a = fuzz_arena();
	struct civic_kvlist	 l;
	enum civic_err		 err;
	size_t			 chars;
	int			 valid;

	valid = ref_utf8(data, size, &chars);
	if (civic_utf8_valid((const char *)data, size) != valid)
		abort();
	if (valid && civic_utf8_chars((const char *)data, size) != chars)
		abort();

	memset(&l, 0, sizeof(l));
	err = civic_urlenc_parse(a, (const char *)data, size, &l);
	fuzz_check_err(err);
	if (err == CIVIC_OK)
		fuzz_check_list(&l, CIVIC_MAX_FIELDS, CIVIC_MAX_NAME,
		    CIVIC_MAX_VALUE);
	civic_arena_reset(a);
	return 0;
}
