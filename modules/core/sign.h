/*
 * sign.h: a moment signed with the worker's secret, for a value that goes
 * out to a browser and comes back: the time a form was shown
 * (formtime.h), the time a browser was granted a case (access.h).
 *
 * The signature is the HMAC-SHA-512-256 (libsodium's crypto_auth) of
 * "PURPOSE:T", or "PURPOSE:SUBJECT:T" for a moment about one thing (a
 * case's number), T in decimal; in URL-safe base64 without padding.  The
 * purpose keeps a signature made for one use from standing for another.
 */
#ifndef CIVIC_SIGN_H
#define CIVIC_SIGN_H

/* The key: the worker's [security] secret. */
#define CIVIC_SIGN_KEYLEN	32

/* A signature's characters, without the NUL. */
#define CIVIC_SIGN_LEN		43

/* The signature of t for purpose (and subject, or NULL) into out. */
void	 civic_sign_time(const unsigned char key[CIVIC_SIGN_KEYLEN], const char *purpose,
	    const char *subject, long long t, char out[CIVIC_SIGN_LEN + 1]);

/*
 * 1 when sig (a string, NULL is refused) is that signature, compared in
 * constant time; else 0.
 */
int	 civic_sign_time_check(const unsigned char key[CIVIC_SIGN_KEYLEN],
	    const char *purpose, const char *subject, long long t, const char *sig);

#endif
