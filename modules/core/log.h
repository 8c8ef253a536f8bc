/*
 * log.h: one line per event on stderr, which the web server or systemd
 * collects.  Each line carries the program, the worker's pid and, inside a
 * request, its request id, so that the incident id a 5xx page shows leads to
 * the line.  Never log a password, a token, a query code or a form value.
 */
#ifndef CIVIC_LOG_H
#define CIVIC_LOG_H

enum civic_loglevel { CIVIC_LOG_ERR, CIVIC_LOG_WARN, CIVIC_LOG_INFO, CIVIC_LOG_DEBUG };

/* Sets the program name and the level below which nothing is written. */
void	civic_log_init(const char *program, enum civic_loglevel);
/* Sets (or with NULL clears) the request id printed on each line. */
void	civic_log_request(const char *reqid);
void	civic_log(enum civic_loglevel, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#define civic_log_err(...)	civic_log(CIVIC_LOG_ERR, __VA_ARGS__)
#define civic_log_warn(...)	civic_log(CIVIC_LOG_WARN, __VA_ARGS__)
#define civic_log_info(...)	civic_log(CIVIC_LOG_INFO, __VA_ARGS__)
#define civic_log_debug(...)	civic_log(CIVIC_LOG_DEBUG, __VA_ARGS__)

#endif
