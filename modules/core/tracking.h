/*
 * tracking.h: how a citizen comes back to a case without an account
 * (DESIGN.md, "Data" and "Security"): a tracking number the application
 * makes, "MB20261123-0042", and a query code, random, shown once and
 * stored only as its hash.
 */
#ifndef CIVIC_TRACKING_H
#define CIVIC_TRACKING_H

#include <stddef.h>

#include "arena.h"
#include "err.h"

struct civic_db;

/* "MB20261123-000042": the longest a tracking number may be, with its NUL. */
#define CIVIC_TRACKING_LEN	18

/*
 * Query codes: ten characters of an alphabet without look-alikes (no 0/O,
 * 1/I/L), 31 of them: 31^10, some 49 bits, far beyond what the per-address and
 * per-number rate limits let anyone try.  Typed codes are read without
 * regard to case, spaces or dashes.
 */
#define CIVIC_TRACKING_CODE_LEN	10
#define CIVIC_TRACKING_HASH_LEN	32

/*
 * The next tracking number of prefix (two capital letters) for today,
 * Beijing time: "MB" + YYYYMMDD + "-" + the day's counter, four digits or
 * more.  Must run inside the submission's transaction (civic_req_tx), so
 * that the number is the case's only when the case commits.  Written to
 * out, which holds CIVIC_TRACKING_LEN bytes.  CIVIC_ERR_TOOBIG past
 * 999 999 cases a day; the database's errors as civic_db_exec() gives them.
 */
enum civic_err	 civic_tracking_next(struct civic_db *, const char *prefix,
		    char out[CIVIC_TRACKING_LEN]);

/* A new query code in the arena (NULL when memory is short), and its hash. */
const char	*civic_tracking_code(struct civic_arena *,
		    unsigned char hash[CIVIC_TRACKING_HASH_LEN]);

/*
 * The hash of a code as typed: case, spaces and dashes ignored.  0, or -1
 * when what was typed cannot be a code (wrong length or characters), so
 * that no lookup is made for it.
 */
int		 civic_tracking_hash(const char *typed,
		    unsigned char hash[CIVIC_TRACKING_HASH_LEN]);

#endif
