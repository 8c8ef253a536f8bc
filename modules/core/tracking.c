/*
 * tracking.c: tracking numbers and query codes (tracking.h).
 *
 * The counter is one row per prefix and day, bumped with
 * LAST_INSERT_ID(n + 1) so that the new value comes back as the insert id
 * of the same statement: no SELECT, and the row lock it takes lasts until
 * the submission commits, which orders concurrent submissions.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "calendar.h"
#include "db.h"
#include "tracking.h"

static const char tracking_alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/* The day's counter has at most this many digits (the validator allows 4 to 6). */
#define TRACKING_MAX_N	999999ULL

enum civic_err
civic_tracking_next(struct civic_db *db, const char *prefix, char out[CIVIC_TRACKING_LEN])
{
	static const char	 sql[] =
	    "INSERT INTO tracking_counter (prefix, day, n) VALUES (?, ?, LAST_INSERT_ID(1)) "
	    "ON DUPLICATE KEY UPDATE n = LAST_INSERT_ID(n + 1)";
	char			 date[CIVIC_CALENDAR_DATE_LEN];
	unsigned long long	 n = 0;
	int			 y, m, d;
	civic_day		 today = civic_calendar_day_of(civic_calendar_now());
	enum civic_err		 err;

	civic_calendar_format_date(today, date);
	{
		struct civic_param p[] = { CIVIC_PTEXT(prefix),
		    CIVIC_PTEXTN(date, strlen(date)) };

		if ((err = civic_db_exec(db, sql, p, 2, NULL, &n)) != CIVIC_OK)
			goto out;
	}
	if (n == 0 || n > TRACKING_MAX_N || strlen(prefix) != 2) {
		err = n > TRACKING_MAX_N ? CIVIC_ERR_TOOBIG : CIVIC_ERR_INVALID;
		goto out;
	}
	civic_calendar_to_civil(today, &y, &m, &d);
	snprintf(out, CIVIC_TRACKING_LEN, "%s%04d%02d%02d-%04llu", prefix, y, m, d, n);
out:
	return err;
}

const char *
civic_tracking_code(struct civic_arena *a, unsigned char hash[CIVIC_TRACKING_HASH_LEN])
{
	char	*code;
	size_t	 i;

	if ((code = civic_arena_alloc(a, CIVIC_TRACKING_CODE_LEN + 1)) == NULL)
		return NULL;
	for (i = 0; i < CIVIC_TRACKING_CODE_LEN; i++)
		code[i] = tracking_alphabet[randombytes_uniform(sizeof(tracking_alphabet) - 1)];
	code[i] = '\0';
	crypto_generichash(hash, CIVIC_TRACKING_HASH_LEN, (const unsigned char *)code,
	    CIVIC_TRACKING_CODE_LEN, NULL, 0);
	return code;
}

int
civic_tracking_hash(const char *typed, unsigned char hash[CIVIC_TRACKING_HASH_LEN])
{
	char	 code[CIVIC_TRACKING_CODE_LEN];
	size_t	 n = 0;
	int	 c;

	for (; *typed != '\0'; typed++) {
		if (*typed == ' ' || *typed == '-')
			continue;
		c = toupper((unsigned char)*typed);
		if (n == CIVIC_TRACKING_CODE_LEN || c == '\0' ||
		    strchr(tracking_alphabet, c) == NULL)
			return -1;
		code[n++] = (char)c;
	}
	if (n != CIVIC_TRACKING_CODE_LEN)
		return -1;
	crypto_generichash(hash, CIVIC_TRACKING_HASH_LEN, (const unsigned char *)code,
	    CIVIC_TRACKING_CODE_LEN, NULL, 0);
	return 0;
}
