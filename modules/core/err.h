/*
 * err.h: the one error enumeration of libcivic.  CIVIC_OK is 0 so that
 * "if (err)" reads naturally; civic_strerror() names each for the log.
 */
#ifndef CIVIC_ERR_H
#define CIVIC_ERR_H

enum civic_err {
	CIVIC_OK = 0,
	CIVIC_ERR_NOMEM,	/* an allocation failed */
	CIVIC_ERR_BADREQ,	/* malformed input: bad encoding, NUL, duplicate key */
	CIVIC_ERR_TOOBIG,	/* input past a bound of limits.h */
	CIVIC_ERR_INVALID,	/* well-formed input a validator refused */
	CIVIC_ERR_NOTFOUND,	/* nothing there */
	CIVIC_ERR_FORBIDDEN,	/* CSRF token missing or wrong, role lacking */
	CIVIC_ERR_CONFLICT,	/* the state a conditional update expected has gone */
	CIVIC_ERR_DUPLICATE,	/* a UNIQUE key refused the row (1062) */
	CIVIC_ERR_RETRY,	/* deadlock or lock wait: run the transaction again */
	CIVIC_ERR_DBDOWN,	/* no database connection could be had */
	CIVIC_ERR_FULL,		/* the database's storage is full (1114, 1021): nothing written */
	CIVIC_ERR_DB,		/* any other database error */
	CIVIC_ERR_IO,		/* reading or writing the FastCGI stream failed */
	CIVIC_ERR_CONFIG,	/* configuration missing or wrong */
	CIVIC_ERR_SYSTEM,	/* a system call failed */
	CIVIC_ERR__MAX
};

const char	*civic_strerror(enum civic_err);

#endif
