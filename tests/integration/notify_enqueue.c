/*
 * notify_enqueue.c: enqueues messages the way a feature does, for
 * tests/integration/notify.sh.
 *
 *	notify_enqueue [--rollback] CHANNEL RECIPIENT TEMPLATE LANG COUNT [NAME=VALUE...]
 *
 * One civic_db_tx() enqueues COUNT messages, each with the parameters
 * given and id=1..COUNT, and commits; with --rollback the transaction
 * function then fails, so that nothing may remain.  The configuration is
 * $CIVIC_CONFIG.  Exit status 0 when every call did what it should.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civic.h"
#include "notify.h"

struct enqueue {
	struct civic_db			*db;
	struct civic_arena		*arena;
	enum civic_notify_channel	 channel;
	const char			*recipient, *tmpl, *lang;
	struct civic_notify_param	 p[CIVIC_NOTIFY_MAX_PARAMS];
	size_t				 np;	/* the first is id */
	long				 count;
	int				 rollback;
	long				 done;
};

static enum civic_err
enqueue_tx(void *arg)
{
	struct enqueue	*e = arg;
	char		 id[24];
	enum civic_err	 err = CIVIC_OK;
	long		 i;

	e->done = 0;
	for (i = 1; i <= e->count; i++) {
		snprintf(id, sizeof(id), "%ld", i);
		e->p[0].value = id;
		if ((err = civic_notify_enqueue(e->db, e->arena, e->channel, e->recipient, e->tmpl,
		    e->lang, e->p, e->np)) != CIVIC_OK)
			return err;
		e->done++;
	}
	/* Something after the messages went wrong: they must go with it. */
	return e->rollback ? CIVIC_ERR_CONFLICT : CIVIC_OK;
}

int
main(int argc, char *argv[])
{
	struct enqueue		 e;
	struct civic_config	*cfg = NULL;
	const char		*msg;
	char			*eq;
	int			 i = 1, rc = 1;
	enum civic_err		 err;

	memset(&e, 0, sizeof(e));
	if (i < argc && strcmp(argv[i], "--rollback") == 0) {
		e.rollback = 1;
		i++;
	}
	if (argc - i < 5 || argc - i - 5 >= CIVIC_NOTIFY_MAX_PARAMS) {
		fprintf(stderr, "usage: notify_enqueue [--rollback] CHANNEL RECIPIENT TEMPLATE "
		    "LANG COUNT [NAME=VALUE...]\n");
		return 2;
	}
	e.channel = strcmp(argv[i], "email") == 0 ? CIVIC_NOTIFY_EMAIL : CIVIC_NOTIFY_SMS;
	e.recipient = argv[i + 1];
	e.tmpl = argv[i + 2];
	e.lang = argv[i + 3];
	e.count = strtol(argv[i + 4], NULL, 10);
	e.p[e.np++].name = "id";
	for (i += 5; i < argc; i++) {
		if ((eq = strchr(argv[i], '=')) == NULL)
			return 2;
		*eq = '\0';
		e.p[e.np].name = argv[i];
		e.p[e.np++].value = eq + 1;
	}
	civic_log_init("notify_enqueue", CIVIC_LOG_INFO);
	if (civic_config_load(getenv("CIVIC_CONFIG"), &cfg, &msg) != CIVIC_OK) {
		fprintf(stderr, "notify_enqueue: %s\n", msg);
		goto out;
	}
	if ((e.arena = civic_arena_new()) == NULL || civic_db_open(cfg, &e.db) != CIVIC_OK) {
		fprintf(stderr, "notify_enqueue: no database\n");
		goto out;
	}
	err = civic_db_tx(e.db, enqueue_tx, &e);
	if (e.rollback)
		rc = err == CIVIC_ERR_CONFLICT && e.done == e.count ? 0 : 1;
	else
		rc = err == CIVIC_OK ? 0 : 1;
	if (rc != 0)
		fprintf(stderr, "notify_enqueue: %s after %ld message(s)\n", civic_strerror(err),
		    e.done);
out:
	civic_db_close(e.db);
	civic_arena_free(e.arena);
	civic_config_free(cfg);
	return rc;
}
