/*
 * ctl_migrate.c: civicctl migrate, load and secret: the schema and the
 * site's key.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "ctl.h"
#include "migrate.h"

int
ctl_migrate(struct ctl *c, int argc, char *argv[])
{
	int	 applied;

	if (ctl_wants_help(argc, argv) || argc != 1) {
		printf("usage: civicctl [--config FILE] migrate\n"
		    "Applies the migrations of [paths] sql_dir not yet applied, in order.\n");
		return argc != 1 && !ctl_wants_help(argc, argv) ? 2 : 0;
	}
	if (civic_migrate_run(c->db, c->arena, civic_config_get(c->cfg, "paths.sql_dir"),
	    &applied) != CIVIC_OK)
		return 1;
	printf("civicctl: %d migration(s) applied\n", applied);
	return 0;
}

int
ctl_load(struct ctl *c, int argc, char *argv[])
{
	if (ctl_wants_help(argc, argv) || argc != 2) {
		printf("usage: civicctl [--config FILE] load FILE.sql\n"
		    "Runs every statement of FILE.sql (format: sql/README.md).\n");
		return argc != 2 && !ctl_wants_help(argc, argv) ? 2 : 0;
	}
	return civic_migrate_file(c->db, c->arena, argv[1]) == CIVIC_OK ? 0 : 1;
}

int
ctl_secret(struct ctl *c, int argc, char *argv[])
{
	unsigned char	 key[32];
	char		 hex[65];

	(void)c;
	if (ctl_wants_help(argc, argv) || argc != 1) {
		printf("usage: civicctl secret\n"
		    "Prints 64 random hexadecimal digits for [security] secret.\n");
		return argc != 1 && !ctl_wants_help(argc, argv) ? 2 : 0;
	}
	randombytes_buf(key, sizeof(key));
	sodium_bin2hex(hex, sizeof(hex), key, sizeof(key));
	printf("%s\n", hex);
	return 0;
}
