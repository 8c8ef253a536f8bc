/*
 * ctl.h: civicctl's commands.  Each is one file, tools/ctl_NAME.c, with
 * one entry point; civicctl.c parses the common options, opens what the
 * command needs and dispatches.
 */
#ifndef CIVIC_CTL_H
#define CIVIC_CTL_H

#include "civic.h"

struct ctl {
	const char		*config_path;
	struct civic_config	*cfg;	/* loaded when the command needs it */
	struct civic_db		*db;	/* connected when the command needs it */
	struct civic_arena	*arena;	/* lives until civicctl exits */
};

/*
 * A command gets its own arguments (argv[0] is its name) and returns the
 * exit status: 0 success, 1 failure, 2 usage error.  --help is handled by
 * each command (print usage to stdout, return 0).
 */
struct ctl_command {
	const char	*name;
	const char	*summary;	/* one line for civicctl --help */
	unsigned	 needs;
#define CTL_NEEDS_CONFIG	0x01
#define CTL_NEEDS_DB		0x02	/* implies CONFIG */
	int		(*run)(struct ctl *, int argc, char *argv[]);
};

/* The command table, in civicctl.c. */
extern const struct ctl_command ctl_commands[];

/* 1 when argv has --help or -h. */
int	ctl_wants_help(int argc, char *argv[]);

/* ctl_migrate.c */
int	ctl_migrate(struct ctl *, int, char *[]);
int	ctl_load(struct ctl *, int, char *[]);
int	ctl_secret(struct ctl *, int, char *[]);

/* ctl_account.c */
int	ctl_add_user(struct ctl *, int, char *[]);
int	ctl_audit_verify(struct ctl *, int, char *[]);

/* ctl_holidays.c */
int	ctl_import_holidays(struct ctl *, int, char *[]);

/* ctl_items.c */
int	ctl_import_items(struct ctl *, int, char *[]);

/*
 * ctl_import.c: what the imports share.  A file being imported: its
 * faults are counted, and reported as FILE:LINE (the first
 * CTL_IMPORT_MAX_ERRORS of them, enough to mend a file by, and those that
 * end the reading always).
 */
#define CTL_IMPORT_MAX_ERRORS	100
struct ctl_import {
	struct ctl	*c;
	const char	*file;
	size_t		 nerrors;
};
void	ctl_import_fault(struct ctl_import *, size_t line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	ctl_import_fatal(struct ctl_import *, size_t line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* "FILE: N faults; nothing imported" on standard error. */
void	ctl_import_refused(const struct ctl_import *);
/*
 * Compiles the validators (the caller calls civic_valid_exit) and reads
 * the whole file, at most max bytes and no NUL, NUL-terminated into the
 * arena; *len its bytes.  NULL after reporting why.
 */
char	*ctl_import_load(struct ctl_import *, size_t max, size_t *len);
/*
 * One CSV record (RFC 4180: fields in double quotes may hold commas, line
 * ends and "" for a quote) from *pp, its fields unquoted in place into
 * fields[] (at most max); *line counts the lines it spans.  Returns the
 * number of fields, 0 at the end of the file, or -1 for a malformed
 * record after reporting it (the rest of its line skipped, to go on
 * checking).
 */
int	ctl_import_csv(struct ctl_import *, char **pp, size_t *line, char *fields[],
	    size_t max);
/*
 * Trims white space and the ideographic space U+3000 at both ends and
 * makes line ends "\n", in place: what the staff's forms do to what is
 * typed (DESIGN.md, "Trimming"), so that a length is the one stored.
 */
char	*ctl_import_trim(char *s);

/* ctl_catalogue.c */
int	ctl_import_catalogue(struct ctl *, int, char *[]);

/* ctl_notify.c */
int	ctl_notify(struct ctl *, int, char *[]);

/* ctl_purge.c */
int	ctl_purge(struct ctl *, int, char *[]);

/* ctl_reindex.c */
int	ctl_reindex(struct ctl *, int, char *[]);

#endif
