/*
 * migrate.h: the schema, as numbered SQL files applied in order.
 *
 * sql/NNN-name.sql files hold statements each ending with ";" at the end
 * of a line (sql/README.md).  Each is run as a prepared statement; the
 * files applied are recorded in schema_version, so running the migration
 * again applies only what is new.
 */
#ifndef CIVIC_MIGRATE_H
#define CIVIC_MIGRATE_H

#include "arena.h"
#include "db.h"

/* Applies the migrations of dir not yet applied; *applied counts them. */
enum civic_err	 civic_migrate_run(struct civic_db *, struct civic_arena *, const char *dir,
		    int *applied);

/* Runs every statement of one SQL file (demo data, imports). */
enum civic_err	 civic_migrate_file(struct civic_db *, struct civic_arena *, const char *path);

#endif
