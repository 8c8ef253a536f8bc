/*
 * config.c: the INI-style configuration file.
 *
 * The known keys and their defaults are one table; a file may only set
 * keys of that table.  Values are kept in one malloc'd block per key and
 * the whole is freed by civic_config_free().  A program reads its config
 * at start and on SIGHUP, never during a request.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "limits.h"

#ifndef CIVIC_DATADIR
#define CIVIC_DATADIR "/usr/share/civic"
#endif

struct config_key {
	const char	*key;
	const char	*dflt;
};

/* Every key, with its default; doc/operator.md describes each. */
static const struct config_key config_keys[] = {
	{ "site.name",			"示范县人民政府" },
	{ "site.base_url",		"/" },
	{ "site.static_url",		"/civic-static/" },
	{ "site.language",		"zh-CN" },
	{ "site.public_url",		"" },
	{ "server.workers",		"2" },
	{ "server.max_requests",	"10000" },
	{ "server.listen",		"" },
	{ "server.socket_group",	"" },
	{ "server.socket_mode",		"0660" },
	{ "database.socket",		"/run/mysqld/mysqld.sock" },
	{ "database.host",		"" },
	{ "database.port",		"3306" },
	{ "database.user",		"civic" },
	{ "database.password",		"" },
	{ "database.name",		"civic" },
	{ "paths.xslt_dir",		CIVIC_DATADIR "/xslt" },
	{ "paths.sql_dir",		CIVIC_DATADIR "/sql" },
	{ "security.secret",		"" },
	{ "security.cookie_secure",	"auto" },
	{ "security.session_idle",	"1800" },
	{ "security.session_max",	"43200" },
	{ "notify.transport_sms",	"none" },
	{ "notify.transport_email",	"none" },
	{ "notify.file",		"" },
	{ "notify.sendmail",		"/usr/sbin/sendmail" },
	{ "notify.email_from",		"" },
	{ "notify.sms_command",		"" },
	{ "notify.templates",		CIVIC_DATADIR "/notify-templates.txt" },
	{ "notify.max_attempts",	"8" },
	{ "notify.backoff_seconds",	"60" },
	{ "notify.poll_seconds",	"10" },
	{ "notify.timeout",		"30" },
	{ "notify.reclaim_seconds",	"600" },
	{ "retention.personal_days",	"1095" },
	/* The mayor's mailbox (doc/mailbox.md): limits in working days. */
	{ "mailbox.accept_days",	"2" },
	{ "mailbox.limit_consult",	"3" },
	{ "mailbox.limit_help",		"3" },
	{ "mailbox.limit_complaint",	"10" },
	{ "mailbox.limit_suggest",	"10" },
	{ "mailbox.min_fill_seconds",	"5" },
	{ "mailbox.open311_key",	"" },
	{ "consult.hours",		"09:00-12:00, 13:30-17:30" },
	{ "consult.every_day",		"0" },
	{ "consult.first_minutes",	"10" },
	{ "consult.answer_days",	"1" },
	{ "consult.promise",		"12:00" },
	{ "consult.min_fill_seconds",	"3" },
	{ "consult.now",		"" },
	/* Evaluation (doc/evaluate.md): a 差评's return visit and rectification in working days. */
	{ "evaluate.visit_days",	"3" },
	{ "evaluate.rectify_days",	"15" },
	{ "evaluate.min_ratings",	"30" },
	{ "evaluate.code_minutes",	"10" },
	{ "evaluate.now",		"" },
	/* Pre-review (doc/prereview.md): its clock (tests) and the anti-spam fill time. */
	{ "prereview.now",		"" },
	{ "prereview.min_fill_seconds",	"5" },
	{ "log.level",			"info" },
};

#define CONFIG_NKEYS	(sizeof(config_keys) / sizeof(config_keys[0]))

struct civic_config {
	char	*val[CONFIG_NKEYS];	/* NULL: the default */
};

/*
 * The message of the last failed load.  Static, because the config it
 * describes is freed before the caller reads it; loads happen at start-up
 * and on SIGHUP only, in one thread.
 */
static char config_errbuf[160];

static int
config_index(const char *key)
{
	size_t	 i;

	for (i = 0; i < CONFIG_NKEYS; i++)
		if (strcmp(config_keys[i].key, key) == 0)
			return (int)i;
	return -1;
}

enum civic_err
civic_config_set(struct civic_config *c, const char *key, const char *val)
{
	char	*copy;
	int	 i;

	if ((i = config_index(key)) < 0)
		return CIVIC_ERR_CONFIG;
	if ((copy = strdup(val)) == NULL)
		return CIVIC_ERR_NOMEM;
	free(c->val[i]);
	c->val[i] = copy;
	return CIVIC_OK;
}

/* Trims spaces and tabs at both ends, in place. */
static char *
config_trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Parses the text of a file, line by line, into c. */
static enum civic_err
config_parse(struct civic_config *c, char *text, const char **errmsg)
{
	char	 section[32] = "", key[96], *line, *next, *eq, *e;
	int	 lineno = 0;

	for (line = text; line != NULL; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		line = config_trim(line);
		if (*line == '\0' || *line == '#' || *line == ';')
			continue;
		if (*line == '[') {
			if ((e = strchr(line, ']')) == NULL || e[1] != '\0' ||
			    (size_t)(e - line - 1) >= sizeof(section)) {
				snprintf(config_errbuf, sizeof(config_errbuf),
				    "line %d: malformed section", lineno);
				goto fail;
			}
			*e = '\0';
			snprintf(section, sizeof(section), "%s", config_trim(line + 1));
			continue;
		}
		if ((eq = strchr(line, '=')) == NULL) {
			snprintf(config_errbuf, sizeof(config_errbuf), "line %d: expected key = value",
			    lineno);
			goto fail;
		}
		*eq = '\0';
		if (snprintf(key, sizeof(key), "%s.%s", section, config_trim(line)) >=
		    (int)sizeof(key) || config_index(key) < 0) {
			snprintf(config_errbuf, sizeof(config_errbuf), "line %d: unknown key %.60s",
			    lineno, key);
			goto fail;
		}
		if (civic_config_set(c, key, config_trim(eq + 1)) != CIVIC_OK) {
			snprintf(config_errbuf, sizeof(config_errbuf), "line %d: out of memory", lineno);
			goto fail;
		}
	}
	return CIVIC_OK;
fail:
	*errmsg = config_errbuf;
	return CIVIC_ERR_CONFIG;
}

enum civic_err
civic_config_load(const char *path, struct civic_config **out, const char **errmsg)
{
	struct civic_config	*c;
	FILE			*f = NULL;
	char			*text = NULL;
	size_t			 n;
	enum civic_err		 err = CIVIC_ERR_CONFIG;

	*out = NULL;
	*errmsg = "out of memory";
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return CIVIC_ERR_NOMEM;
	if (path == NULL) {
		err = CIVIC_OK;
		goto out;
	}
	if ((f = fopen(path, "r")) == NULL) {
		snprintf(config_errbuf, sizeof(config_errbuf), "%.100s: %s", path, strerror(errno));
		*errmsg = config_errbuf;
		goto out;
	}
	if ((text = malloc(CIVIC_MAX_CONFIG + 1)) == NULL) {
		err = CIVIC_ERR_NOMEM;
		goto out;
	}
	n = fread(text, 1, CIVIC_MAX_CONFIG + 1, f);
	if (ferror(f) || n > CIVIC_MAX_CONFIG) {
		snprintf(config_errbuf, sizeof(config_errbuf), "%.100s: unreadable or too large", path);
		*errmsg = config_errbuf;
		goto out;
	}
	text[n] = '\0';
	if (memchr(text, '\0', n) != NULL) {
		*errmsg = "configuration file contains a NUL byte";
		goto out;
	}
	err = config_parse(c, text, errmsg);
out:
	if (f != NULL)
		fclose(f);
	free(text);
	if (err == CIVIC_OK)
		*out = c;
	else
		civic_config_free(c);
	return err;
}

void
civic_config_free(struct civic_config *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	for (i = 0; i < CONFIG_NKEYS; i++)
		free(c->val[i]);
	free(c);
}

const char *
civic_config_get(const struct civic_config *c, const char *key)
{
	int	 i;

	if ((i = config_index(key)) < 0)
		return "";
	return c->val[i] != NULL ? c->val[i] : config_keys[i].dflt;
}

long long
civic_config_int(const struct civic_config *c, const char *key)
{
	const char	*v = civic_config_get(c, key);
	char		*end;
	long long	 n;
	int		 i;

	errno = 0;
	n = strtoll(v, &end, 0);
	if (errno == 0 && end != v && *end == '\0')
		return n;
	if ((i = config_index(key)) < 0)
		return 0;
	return strtoll(config_keys[i].dflt, NULL, 0);
}
