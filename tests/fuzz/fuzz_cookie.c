/*
 * fuzz_cookie.c: libFuzzer target for civic_cookie_parse(); the input is
 * the value of a Cookie header.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct civic_arena	*a = fuzz_arena();
	struct civic_kvlist	 l;
	enum civic_err		 err;
	const char		*k;
	size_t			 i, klen;

	memset(&l, 0, sizeof(l));
	err = civic_cookie_parse(a, (const char *)data, size, &l);
	fuzz_check_err(err);
	if (err == CIVIC_OK) {
		fuzz_check_list(&l,
		    CIVIC_MAX_COOKIES + CIVIC_MAX_OWN_COOKIES, CIVIC_MAX_HEADER,
		    CIVIC_MAX_HEADER);
		/* Names are trimmed and hold no separator. */
		for (i = 0; i < l.n; i++) {
			k = l.v[i].key;
			klen = strlen(k);
			if (k[0] == ' ' || k[0] == '\t' || k[klen - 1] == ' ' ||
			    k[klen - 1] == '\t' || strpbrk(k, ";=") != NULL ||
			    strchr(l.v[i].val, ';') != NULL)
				abort();
		}
	}
	civic_arena_reset(a);
	return 0;
}
