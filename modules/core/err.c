/*
 * err.c: names for enum civic_err, for log lines.
 */
#include "err.h"

static const char *const civic_err_names[CIVIC_ERR__MAX] = {
	[CIVIC_OK] = "success",
	[CIVIC_ERR_NOMEM] = "out of memory",
	[CIVIC_ERR_BADREQ] = "malformed request",
	[CIVIC_ERR_TOOBIG] = "request over a limit",
	[CIVIC_ERR_INVALID] = "invalid value",
	[CIVIC_ERR_NOTFOUND] = "not found",
	[CIVIC_ERR_FORBIDDEN] = "forbidden",
	[CIVIC_ERR_CONFLICT] = "state changed meanwhile",
	[CIVIC_ERR_DUPLICATE] = "duplicate key",
	[CIVIC_ERR_RETRY] = "deadlock or lock wait timeout",
	[CIVIC_ERR_DBDOWN] = "database unavailable",
	[CIVIC_ERR_FULL] = "database storage full",
	[CIVIC_ERR_DB] = "database error",
	[CIVIC_ERR_IO] = "FastCGI stream error",
	[CIVIC_ERR_CONFIG] = "configuration error",
	[CIVIC_ERR_SYSTEM] = "system error",
};

const char *
civic_strerror(enum civic_err e)
{
	if ((unsigned)e >= CIVIC_ERR__MAX)
		return "unknown error";
	return civic_err_names[e];
}
