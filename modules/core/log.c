/*
 * log.c: log lines on stderr.  One fprintf per line, so that lines of
 * different workers sharing the stream do not interleave.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static const char		*log_program = "civic";
static enum civic_loglevel	 log_level = CIVIC_LOG_INFO;
static char			 log_reqid[32];

static const char *const log_names[] = { "error", "warning", "info", "debug" };

void
civic_log_init(const char *program, enum civic_loglevel level)
{
	log_program = program;
	log_level = level;
}

void
civic_log_request(const char *reqid)
{
	if (reqid == NULL)
		log_reqid[0] = '\0';
	else
		snprintf(log_reqid, sizeof(log_reqid), "%s", reqid);
}

void
civic_log(enum civic_loglevel level, const char *fmt, ...)
{
	char		 msg[1024], stamp[32];
	struct tm	 tm;
	time_t		 now;
	va_list		 ap;

	if (level > log_level)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	now = time(NULL);
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		stamp[0] = '\0';
	fprintf(stderr, "%s civic-%s[%ld]%s%s%s %s: %s\n", stamp, log_program,
	    (long)getpid(), log_reqid[0] ? " [" : "", log_reqid,
	    log_reqid[0] ? "]" : "", log_names[level], msg);
}
