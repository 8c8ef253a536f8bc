/*
 * migrate.c: applying sql/NNN-name.sql in order, once each.
 *
 * MariaDB commits DDL implicitly, so a migration can't be one
 * transaction; instead every statement in our migrations is written to be
 * harmless when run twice (CREATE TABLE IF NOT EXISTS, ADD COLUMN IF NOT
 * EXISTS), and a file is recorded as applied only after its last
 * statement succeeded.  A migration that failed half-way is simply run
 * again after the fault is mended.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limits.h"
#include "log.h"
#include "migrate.h"

/* Largest SQL file read: demo data and migrations are far smaller. */
#define MIGRATE_MAX_FILE	(8u * 1024u * 1024u)

static const char migrate_table[] =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version INT UNSIGNED NOT NULL PRIMARY KEY,"
    " name VARCHAR(200) NOT NULL,"
    " applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

static char *
migrate_read(struct civic_arena *a, const char *path)
{
	FILE	*f;
	char	*buf = NULL;
	size_t	 n;

	if ((f = fopen(path, "r")) == NULL) {
		civic_log_err("%s: cannot open", path);
		return NULL;
	}
	if ((buf = civic_arena_alloc(a, MIGRATE_MAX_FILE + 1)) != NULL) {
		n = fread(buf, 1, MIGRATE_MAX_FILE + 1, f);
		if (ferror(f) || n > MIGRATE_MAX_FILE) {
			civic_log_err("%s: unreadable or larger than %u bytes", path,
			    MIGRATE_MAX_FILE);
			buf = NULL;
		} else
			buf[n] = '\0';
	}
	fclose(f);
	return buf;
}

enum civic_err
civic_migrate_file(struct civic_db *db, struct civic_arena *a, const char *path)
{
	char		*text, *line, *next, *stmt;
	size_t		 len, lineno = 0, first = 0;
	enum civic_err	 err = CIVIC_OK;

	if ((text = migrate_read(a, path)) == NULL)
		return CIVIC_ERR_SYSTEM;
	/*
	 * Statements run from their first line to the line ending in ";".
	 * Lines beginning with "--" are comments and are dropped, so a
	 * comment may hold anything.
	 */
	stmt = text;
	len = 0;
	for (line = text; line != NULL && *line != '\0'; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (strncmp(line + strspn(line, " \t"), "--", 2) == 0)
			continue;
		if (len == 0) {
			first = lineno;
			if (line[strspn(line, " \t\r")] == '\0')
				continue;
		}
		/* Move the line down to the statement's end (comments dropped). */
		memmove(stmt + len, line, strlen(line));
		len += strlen(line);
		while (len > 0 && (stmt[len - 1] == ' ' || stmt[len - 1] == '\t' ||
		    stmt[len - 1] == '\r'))
			len--;
		if (len > 0 && stmt[len - 1] == ';') {
			stmt[len - 1] = '\0';
			if ((err = civic_db_exec(db, stmt, NULL, 0, NULL, NULL)) != CIVIC_OK) {
				civic_log_err("%s:%zu: %s", path, first, civic_db_error(db));
				return err;
			}
			/*
			 * The statement cache now points into text, which
			 * lives in the caller's arena: the caller keeps it
			 * until the connection is closed.
			 */
			stmt += len;
			len = 0;
		} else
			stmt[len++] = '\n';
	}
	while (len > 0 && (stmt[len - 1] == '\n' || stmt[len - 1] == ' '))
		len--;
	if (len > 0) {
		civic_log_err("%s:%zu: statement without a closing \";\"", path, first);
		return CIVIC_ERR_CONFIG;
	}
	return err;
}

static int
migrate_filter(const struct dirent *d)
{
	const char	*n = d->d_name;
	size_t		 len = strlen(n);

	return len > 8 && n[0] >= '0' && n[0] <= '9' && n[1] >= '0' && n[1] <= '9' &&
	    n[2] >= '0' && n[2] <= '9' && n[3] == '-' && strcmp(n + len - 4, ".sql") == 0;
}

enum civic_err
civic_migrate_run(struct civic_db *db, struct civic_arena *a, const char *dir, int *applied)
{
	static const char	 done_sql[] =
	    "SELECT version FROM schema_version WHERE version = ?";
	static const char	 record_sql[] =
	    "INSERT INTO schema_version (version, name) VALUES (?, ?)";
	struct dirent		**list = NULL;
	struct civic_rows	 rows;
	enum civic_err		 err;
	char			*path;
	int			 n, i, version;

	*applied = 0;
	if ((err = civic_db_exec(db, migrate_table, NULL, 0, NULL, NULL)) != CIVIC_OK)
		return err;
	if ((n = scandir(dir, &list, migrate_filter, alphasort)) < 0) {
		civic_log_err("%s: cannot list migrations", dir);
		return CIVIC_ERR_SYSTEM;
	}
	for (i = 0; i < n && err == CIVIC_OK; i++) {
		version = atoi(list[i]->d_name);
		{
			struct civic_param p[] = { CIVIC_PINT(version) };

			if ((err = civic_db_query(db, a, done_sql, p, 1, 1, &rows)) != CIVIC_OK)
				break;
		}
		if (rows.nrows > 0)
			continue;
		if ((path = civic_arena_printf(a, "%s/%s", dir, list[i]->d_name)) == NULL) {
			err = CIVIC_ERR_NOMEM;
			break;
		}
		civic_log_info("applying %s", list[i]->d_name);
		if ((err = civic_migrate_file(db, a, path)) != CIVIC_OK)
			break;
		{
			struct civic_param p[] = { CIVIC_PINT(version),
			    CIVIC_PTEXT(list[i]->d_name) };

			err = civic_db_exec(db, record_sql, p, 2, NULL, NULL);
		}
		if (err == CIVIC_OK)
			(*applied)++;
	}
	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
	return err;
}
