/*
 * civicctl: the operator's command line (doc/operator.md, "civicctl").
 *
 *	civicctl [--config FILE] COMMAND [ARGS...]
 *
 * The command table below is the whole list; each command lives in its own
 * tools/ctl_*.c.  Exit status 0 on success, 1 on failure, 2 on a usage error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "ctl.h"
#include "render.h"

#ifndef CIVIC_SYSCONFDIR
#define CIVIC_SYSCONFDIR "/etc"
#endif

const struct ctl_command ctl_commands[] = {
	{ "migrate", "apply new schema migrations", CTL_NEEDS_DB, ctl_migrate },
	{ "load", "run a SQL file (demo data)", CTL_NEEDS_DB, ctl_load },
	{ "secret", "print a new [security] secret", 0, ctl_secret },
	{ "import-holidays", "import holidays and adjusted working days", CTL_NEEDS_DB,
	    ctl_import_holidays },
	{ "import-items", "import the pre-review's service items (CSV)", CTL_NEEDS_DB,
	    ctl_import_items },
	{ "import-catalogue", "import entries of the disclosure catalogue (CSV or XML)",
	    CTL_NEEDS_DB, ctl_import_catalogue },
	{ "add-user", "add a staff member (the first admin); password on stdin",
	    CTL_NEEDS_DB, ctl_add_user },
	{ "audit-verify", "check the audit log's hash chain", CTL_NEEDS_DB, ctl_audit_verify },
	{ "notify", "send queued SMS and e-mail notifications", CTL_NEEDS_CONFIG,
	    ctl_notify },
	{ "purge", "remove personal data past the retention period", CTL_NEEDS_DB, ctl_purge },
	{ "reindex", "rebuild the features' search indexes", CTL_NEEDS_DB, ctl_reindex },
	{ NULL, NULL, 0, NULL }
};

int
ctl_wants_help(int argc, char *argv[])
{
	int	 i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	return 0;
}

static void
usage(FILE *f)
{
	const struct ctl_command	*cmd;

	fprintf(f, "usage: civicctl [--config FILE] COMMAND [ARGS...]\n\ncommands:\n");
	for (cmd = ctl_commands; cmd->name != NULL; cmd++)
		fprintf(f, "  %-16s %s\n", cmd->name, cmd->summary);
	fprintf(f, "\n`civicctl COMMAND --help` for each.  The configuration file is FILE,\n"
	    "else $CIVIC_CONFIG, else %s/civic/civic.conf.\n", CIVIC_SYSCONFDIR);
}

int
main(int argc, char *argv[])
{
	const struct ctl_command	*cmd;
	struct ctl			 c;
	const char			*msg;
	int				 rc = 1, i = 1;

	memset(&c, 0, sizeof(c));
	c.config_path = getenv("CIVIC_CONFIG") != NULL ? getenv("CIVIC_CONFIG") :
	    CIVIC_SYSCONFDIR "/civic/civic.conf";
	if (i < argc && strcmp(argv[i], "--config") == 0) {
		if (i + 1 >= argc) {
			usage(stderr);
			return 2;
		}
		c.config_path = argv[i + 1];
		i += 2;
	} else if (i < argc && strncmp(argv[i], "--config=", 9) == 0)
		c.config_path = argv[i++] + 9;
	if (i >= argc || strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
		usage(i >= argc ? stderr : stdout);
		return i >= argc ? 2 : 0;
	}
	for (cmd = ctl_commands; cmd->name != NULL; cmd++)
		if (strcmp(cmd->name, argv[i]) == 0)
			break;
	if (cmd->name == NULL) {
		fprintf(stderr, "civicctl: unknown command %s\n", argv[i]);
		usage(stderr);
		return 2;
	}
	if (sodium_init() < 0)
		return 1;
	civic_log_init("ctl", CIVIC_LOG_INFO);
	civic_render_init();
	if ((c.arena = civic_arena_new()) == NULL)
		goto out;
	if (cmd->needs && !ctl_wants_help(argc - i, argv + i)) {
		if (civic_config_load(c.config_path, &c.cfg, &msg) != CIVIC_OK) {
			fprintf(stderr, "civicctl: %s: %s\n", c.config_path, msg);
			goto out;
		}
		if ((cmd->needs & CTL_NEEDS_DB) && civic_db_open(c.cfg, &c.db) != CIVIC_OK) {
			fprintf(stderr, "civicctl: cannot connect to the database: %s\n",
			    c.db != NULL ? civic_db_error(c.db) : "out of memory");
			goto out;
		}
	}
	rc = cmd->run(&c, argc - i, argv + i);
out:
	/* The statement cache may point into the arena: close the connection first. */
	civic_db_close(c.db);
	civic_arena_free(c.arena);
	civic_config_free(c.cfg);
	return rc;
}
