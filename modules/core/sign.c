/*
 * sign.c: moments signed with the worker's secret (sign.h).
 *
 * The message is fed to the HMAC in pieces rather than formatted into a
 * buffer first, so that no purpose or subject is too long for one; the
 * MAC is that of the whole message all the same, byte for byte what
 * crypto_auth() gives for "PURPOSE:SUBJECT:T".
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "sign.h"

void
civic_sign_time(const unsigned char key[CIVIC_SIGN_KEYLEN], const char *purpose,
    const char *subject, long long t, char out[CIVIC_SIGN_LEN + 1])
{
	crypto_auth_hmacsha512256_state	 st;
	unsigned char			 mac[crypto_auth_hmacsha512256_BYTES];
	char				 ts[24];

	snprintf(ts, sizeof(ts), "%lld", t);
	crypto_auth_hmacsha512256_init(&st, key, CIVIC_SIGN_KEYLEN);
	crypto_auth_hmacsha512256_update(&st, (const unsigned char *)purpose, strlen(purpose));
	crypto_auth_hmacsha512256_update(&st, (const unsigned char *)":", 1);
	if (subject != NULL) {
		crypto_auth_hmacsha512256_update(&st, (const unsigned char *)subject,
		    strlen(subject));
		crypto_auth_hmacsha512256_update(&st, (const unsigned char *)":", 1);
	}
	crypto_auth_hmacsha512256_update(&st, (const unsigned char *)ts, strlen(ts));
	crypto_auth_hmacsha512256_final(&st, mac);
	sodium_bin2base64(out, CIVIC_SIGN_LEN + 1, mac, sizeof(mac),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(&st, sizeof(st));
}

int
civic_sign_time_check(const unsigned char key[CIVIC_SIGN_KEYLEN], const char *purpose,
    const char *subject, long long t, const char *sig)
{
	char	 want[CIVIC_SIGN_LEN + 1];
	int	 ok = 0;

	/* The length first: sodium_memcmp reads CIVIC_SIGN_LEN bytes of sig. */
	if (sig == NULL || strlen(sig) != CIVIC_SIGN_LEN)
		goto out;
	civic_sign_time(key, purpose, subject, t, want);
	ok = sodium_memcmp(want, sig, CIVIC_SIGN_LEN) == 0;
out:
	return ok;
}
