/*
 * civicctl: the operator's command line.
 *
 *	civicctl [--config FILE] migrate	apply new schema migrations
 *	civicctl [--config FILE] load FILE.sql	run a SQL file (demo data)
 *	civicctl secret				print a new [security] secret
 *
 * Exit status 0 on success, 1 on failure, 2 on a usage error.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "civic.h"
#include "migrate.h"

#ifndef CIVIC_SYSCONFDIR
#define CIVIC_SYSCONFDIR "/etc"
#endif

static void
usage(void)
{
	fprintf(stderr, "usage: civicctl [--config FILE] migrate\n"
	    "       civicctl [--config FILE] load FILE.sql\n"
	    "       civicctl secret\n");
}

static int
cmd_secret(void)
{
	unsigned char	 key[32];
	char		 hex[65];

	randombytes_buf(key, sizeof(key));
	sodium_bin2hex(hex, sizeof(hex), key, sizeof(key));
	printf("%s\n", hex);
	return 0;
}

int
main(int argc, char *argv[])
{
	static const struct option	 opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct civic_config	*cfg = NULL;
	struct civic_arena	*arena = NULL;
	struct civic_db		*db = NULL;
	const char		*path, *msg;
	int			 ch, rc = 1, applied;

	path = getenv("CIVIC_CONFIG") != NULL ? getenv("CIVIC_CONFIG") :
	    CIVIC_SYSCONFDIR "/civic/civic.conf";
	while ((ch = getopt_long(argc, argv, "c:h", opts, NULL)) != -1) {
		if (ch != 'c') {
			usage();
			return ch == 'h' ? 0 : 2;
		}
		path = optarg;
	}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage();
		return 2;
	}
	if (sodium_init() < 0)
		return 1;
	civic_log_init("ctl", CIVIC_LOG_INFO);
	if (strcmp(argv[0], "secret") == 0)
		return cmd_secret();
	if (strcmp(argv[0], "migrate") != 0 && !(strcmp(argv[0], "load") == 0 && argc == 2)) {
		usage();
		return 2;
	}
	if (civic_config_load(path, &cfg, &msg) != CIVIC_OK) {
		fprintf(stderr, "civicctl: %s: %s\n", path, msg);
		goto out;
	}
	if ((arena = civic_arena_new()) == NULL)
		goto out;
	if (civic_db_open(cfg, &db) != CIVIC_OK) {
		fprintf(stderr, "civicctl: cannot connect to the database: %s\n",
		    db != NULL ? civic_db_error(db) : "out of memory");
		goto out;
	}
	if (strcmp(argv[0], "migrate") == 0) {
		if (civic_migrate_run(db, arena, civic_config_get(cfg, "paths.sql_dir"),
		    &applied) != CIVIC_OK)
			goto out;
		printf("civicctl: %d migration(s) applied\n", applied);
	} else if (civic_migrate_file(db, arena, argv[1]) != CIVIC_OK)
		goto out;
	rc = 0;
out:
	/* The statement cache points into the arena: close the connection first. */
	civic_db_close(db);
	civic_arena_free(arena);
	civic_config_free(cfg);
	return rc;
}
