/*
 * ctl_notify.c: civicctl notify, the notification worker.
 *
 * It loops: mark failed what a dead worker left in its last attempt, then
 * claim due messages one at a time (modules/core/notify.c), render each
 * from the template file and hand it to its channel's transport, record
 * the outcome, and sleep notify.poll_seconds when nothing is due.  Any
 * number of workers on any number of hosts may run at once; the claim
 * decides which of them sends a message.
 *
 * Signals are blocked except between two messages and while asleep, so
 * that SIGTERM (or SIGINT) ends the worker after the message in hand,
 * never half-way through it, and SIGHUP rereads the configuration and the
 * template file (keeping the old ones when the new are broken).  The
 * database may be down at start or go away: the worker logs it and tries
 * again at the next poll.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE		/* ppoll(2) */
#endif
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "ctl.h"
#include "notify.h"

/* Due rows fetched at once; each is still claimed alone. */
#define NOTIFY_BATCH	32

static volatile sig_atomic_t	 notify_stop, notify_reload;

struct notify_setup {
	struct civic_notify_templates	*ts;
	struct civic_notify_transport	*tr;
	unsigned			 want;
	unsigned			 max_attempts;
	unsigned			 backoff;
	unsigned			 poll;
	unsigned			 reclaim;
};

static void
ctl_notify_signal(int sig)
{
	if (sig == SIGHUP)
		notify_reload = 1;
	else
		notify_stop = 1;
}

static void
ctl_notify_setup_free(struct notify_setup *s)
{
	civic_notify_templates_free(s->ts);
	civic_notify_transport_free(s->tr);
	memset(s, 0, sizeof(*s));
}

/* A setting within [min, max], or -1 with a message. */
static long long
ctl_notify_int(const struct civic_config *cfg, const char *key, long long min, long long max)
{
	long long	 v = civic_config_int(cfg, key);

	if (v < min || v > max) {
		fprintf(stderr, "civicctl notify: %s: %lld to %lld\n", key, min, max);
		return -1;
	}
	return v;
}

/* Everything the worker needs from cfg; on error says why on stderr. */
static int
ctl_notify_setup(const struct civic_config *cfg, struct notify_setup *s)
{
	char		 msg[256];
	long long	 v[4];

	memset(s, 0, sizeof(*s));
	if (civic_notify_templates_load(civic_config_get(cfg, "notify.templates"), &s->ts, msg,
	    sizeof(msg)) != CIVIC_OK ||
	    civic_notify_transport_new(cfg, &s->tr, msg, sizeof(msg)) != CIVIC_OK) {
		fprintf(stderr, "civicctl notify: %s\n", msg);
		goto fail;
	}
	if ((s->want = civic_notify_transport_channels(s->tr)) == 0) {
		fprintf(stderr, "civicctl notify: notify.transport_sms and "
		    "notify.transport_email are both none: nothing to send\n");
		goto fail;
	}
	if ((v[0] = ctl_notify_int(cfg, "notify.max_attempts", 1, 100)) < 0 ||
	    (v[1] = ctl_notify_int(cfg, "notify.backoff_seconds", 1, 86400)) < 0 ||
	    (v[2] = ctl_notify_int(cfg, "notify.poll_seconds", 1, 3600)) < 0 ||
	    (v[3] = ctl_notify_int(cfg, "notify.reclaim_seconds", 1, 86400)) < 0)
		goto fail;
	/* A row must not be taken over while its program may still be running. */
	if (v[3] <= civic_config_int(cfg, "notify.timeout")) {
		fprintf(stderr, "civicctl notify: notify.reclaim_seconds must be more than "
		    "notify.timeout\n");
		goto fail;
	}
	s->max_attempts = (unsigned)v[0];
	s->backoff = (unsigned)v[1];
	s->poll = (unsigned)v[2];
	s->reclaim = (unsigned)v[3];
	return 0;
fail:
	ctl_notify_setup_free(s);
	return -1;
}

/* Lets pending signals in, between two messages. */
static void
ctl_notify_signals(const sigset_t *open, const sigset_t *blocked)
{
	sigprocmask(SIG_SETMASK, open, NULL);
	sigprocmask(SIG_BLOCK, blocked, NULL);
}

/* A token naming this claim: host, pid and a random part, unique to it. */
static void
ctl_notify_token(char *buf, size_t len)
{
	char	 host[41] = "", hex[17];
	unsigned char	 r[8];

	if (gethostname(host, sizeof(host)) != 0)
		host[0] = '\0';
	host[sizeof(host) - 1] = '\0';
	randombytes_buf(r, sizeof(r));
	sodium_bin2hex(hex, sizeof(hex), r, sizeof(r));
	snprintf(buf, len, "%s:%ld:%s", host, (long)getpid(), hex);
}

/* Renders, sends and records one claimed message. */
static void
ctl_notify_one(struct ctl *c, const struct notify_setup *s, struct civic_arena *a,
    const struct civic_notify_msg *m, const char *token)
{
	char		 msg[256], *subject, *body;
	unsigned	 delay;
	enum civic_err	 err;

	err = civic_notify_render(s->ts, a, m->tmpl, m->lang,
	    civic_config_get(c->cfg, "site.language"), m->params, &subject, &body, msg,
	    sizeof(msg));
	if (err == CIVIC_OK)
		err = civic_notify_send(s->tr, a, m, subject, body, msg, sizeof(msg));
	if (err == CIVIC_OK) {
		if ((err = civic_notify_sent(c->db, m->id, token)) == CIVIC_OK)
			civic_log_info("notify %lld (%s %s) sent", m->id,
			    civic_notify_channel_name(m->channel), m->tmpl);
		else
			civic_log_warn("notify %lld was sent but could not be marked so (%s): "
			    "it may be sent again", m->id, civic_strerror(err));
		return;
	}
	/* Retrying can't mend a template, a parameter or a recipient. */
	delay = err == CIVIC_ERR_NOTFOUND || err == CIVIC_ERR_INVALID || err == CIVIC_ERR_TOOBIG ?
	    0 : civic_notify_backoff(s->backoff, m->attempts, s->max_attempts);
	if (civic_notify_failed(c->db, m->id, token, msg, delay) != CIVIC_OK)
		civic_log_warn("notify %lld: could not record the failure", m->id);
	if (delay > 0)
		civic_log_warn("notify %lld (%s %s) attempt %u failed: %s; next try in %u s",
		    m->id, civic_notify_channel_name(m->channel), m->tmpl, m->attempts, msg, delay);
	else
		civic_log_err("notify %lld (%s %s) failed for good after %u attempt(s): %s",
		    m->id, civic_notify_channel_name(m->channel), m->tmpl, m->attempts, msg);
}

/*
 * One pass: everything due now, in batches.  Returns 0, or -1 when the
 * database failed (the caller sleeps and tries again).
 */
static int
ctl_notify_pass(struct ctl *c, const struct notify_setup *s, struct civic_arena *a,
    const sigset_t *open, const sigset_t *blocked)
{
	struct civic_notify_msg	 m;
	long long		 ids[NOTIFY_BATCH];
	unsigned long long	 expired;
	size_t			 n, i, claimed;
	char			 token[80];
	enum civic_err		 err;

	if ((err = civic_notify_expire(c->db, s->reclaim, s->max_attempts, &expired)) !=
	    CIVIC_OK)
		goto fail;
	if (expired > 0)
		civic_log_err("notify: %llu message(s) abandoned in their last attempt marked "
		    "failed", expired);
	do {
		civic_arena_reset(a);
		if ((err = civic_notify_due(c->db, a, s->want, s->reclaim, s->max_attempts, ids,
		    NOTIFY_BATCH, &n)) != CIVIC_OK)
			goto fail;
		for (i = claimed = 0; i < n && !notify_stop; i++) {
			civic_arena_reset(a);
			ctl_notify_token(token, sizeof(token));
			err = civic_notify_claim(c->db, a, ids[i], token, s->reclaim,
			    s->max_attempts, &m);
			/*
			 * Another worker's; on Galera the loser of two claims
			 * on two nodes hears of it as a deadlock (1213).
			 */
			if (err == CIVIC_ERR_CONFLICT || err == CIVIC_ERR_RETRY)
				continue;
			if (err != CIVIC_OK)
				goto fail;
			claimed++;
			ctl_notify_one(c, s, a, &m, token);
			ctl_notify_signals(open, blocked);
		}
		/* A batch lost whole to other workers: they have the rest in hand. */
	} while (n == NOTIFY_BATCH && claimed > 0 && !notify_stop);
	return 0;
fail:
	civic_log_warn("notify: database: %s (%s)", civic_strerror(err), civic_db_error(c->db));
	return -1;
}

/* Rereads the configuration and the templates; keeps the old ones on error. */
static void
ctl_notify_reload(struct ctl *c, struct notify_setup *s)
{
	struct civic_config	*cfg;
	struct notify_setup	 ns;
	const char		*msg;

	if (civic_config_load(c->config_path, &cfg, &msg) != CIVIC_OK) {
		civic_log_err("notify: SIGHUP: %s: %s; keeping the old configuration",
		    c->config_path, msg);
		return;
	}
	if (ctl_notify_setup(cfg, &ns) != 0) {
		civic_log_err("notify: SIGHUP: the new configuration or templates are wrong "
		    "(above); keeping the old");
		civic_config_free(cfg);
		return;
	}
	ctl_notify_setup_free(s);
	*s = ns;
	civic_config_free(c->cfg);
	c->cfg = cfg;
	civic_log_info("notify: configuration and %zu templates reloaded",
	    civic_notify_templates_count(s->ts));
}

int
ctl_notify(struct ctl *c, int argc, char *argv[])
{
	struct notify_setup	 s;
	struct civic_arena	*a = NULL;
	struct sigaction	 sa;
	struct timespec		 ts;
	sigset_t		 blocked, open;
	int			 i, once = 0, check = 0, rc = 1;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--once") == 0)
			once = 1;
		else if (strcmp(argv[i], "--check") == 0)
			check = 1;
		else
			break;
	}
	if (ctl_wants_help(argc, argv) || i < argc) {
		printf("usage: civicctl [--config FILE] notify [--once | --check]\n"
		    "Sends the notifications of the outbox until SIGTERM.\n"
		    "  --once   send what is due now, then exit\n"
		    "  --check  read the configuration and the template file, then exit\n");
		return ctl_wants_help(argc, argv) ? 0 : 2;
	}
	if (ctl_notify_setup(c->cfg, &s) != 0)
		return 1;
	if (check) {
		printf("civicctl notify: %zu templates in %s; transports configured\n",
		    civic_notify_templates_count(s.ts), civic_config_get(c->cfg,
		    "notify.templates"));
		rc = 0;
		goto out;
	}
	if ((a = civic_arena_new()) == NULL)
		goto out;
	/* A database that is down now is tried again at every poll. */
	if (civic_db_open(c->cfg, &c->db) == CIVIC_ERR_NOMEM)
		goto out;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = ctl_notify_signal;	/* no SA_RESTART: ppoll must wake */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* A transport that exits without reading its input is an error, not our death. */
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGTERM);
	sigaddset(&blocked, SIGINT);
	sigaddset(&blocked, SIGHUP);
	sigprocmask(SIG_BLOCK, &blocked, &open);

	civic_log_info("notify: started (sms %s, email %s, %zu templates)",
	    civic_config_get(c->cfg, "notify.transport_sms"),
	    civic_config_get(c->cfg, "notify.transport_email"),
	    civic_notify_templates_count(s.ts));
	rc = 0;
	while (!notify_stop) {
		if (ctl_notify_pass(c, &s, a, &open, &blocked) != 0 && once)
			rc = 1;
		if (once)
			break;
		ts.tv_sec = s.poll;
		ts.tv_nsec = 0;
		/* Signals open only while asleep: none is lost between test and wait. */
		if (!notify_stop && !notify_reload)
			ppoll(NULL, 0, &ts, &open);
		if (notify_reload) {
			notify_reload = 0;
			ctl_notify_reload(c, &s);
		}
	}
	if (notify_stop)
		civic_log_info("notify: stopped by a signal");
	sigprocmask(SIG_SETMASK, &open, NULL);
out:
	civic_arena_free(a);
	ctl_notify_setup_free(&s);
	return rc;
}
