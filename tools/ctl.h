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

/* ctl_catalogue.c */
int	ctl_import_catalogue(struct ctl *, int, char *[]);

/* ctl_notify.c */
int	ctl_notify(struct ctl *, int, char *[]);

/* ctl_purge.c */
int	ctl_purge(struct ctl *, int, char *[]);

/* ctl_reindex.c */
int	ctl_reindex(struct ctl *, int, char *[]);

#endif
