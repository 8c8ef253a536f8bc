/*
 * server.c: a program as a small pre-forking server.
 *
 * The master opens (or inherits) the listening socket, forks the workers
 * and then only watches: it restarts a worker that dies, replaces all of
 * them after re-reading the configuration on SIGHUP, and on SIGTERM asks
 * each to finish its request and go.  Workers accept on the shared socket
 * themselves, so the master is never on a request's path.
 *
 * A worker waits for a connection in poll() before it calls
 * FCGX_Accept_r(): a SIGTERM that arrives while it is idle then ends the
 * wait at once, and one that arrives during a request lets the request
 * finish first.  libfcgi's own accept loop gives up on a signal only when
 * FCGX_ShutdownPending() was called, which the handler also does for the
 * rare case of a worker that lost the race for a connection to another.
 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "config.h"
#include "limits.h"
#include "log.h"
#include "render.h"
#include "server.h"
#include "worker.h"

#ifndef CIVIC_SYSCONFDIR
#define CIVIC_SYSCONFDIR "/etc"
#endif

/* Seconds the master gives its workers to finish their requests on SIGTERM. */
#define SERVER_DRAIN_SECONDS	30
/* A worker that dies sooner than this after its start is restarted after a pause. */
#define SERVER_MIN_LIFE		1

static volatile sig_atomic_t server_stop, server_reload, server_child;

struct server_slot {
	pid_t	 pid;
	time_t	 started;
};

struct server {
	const struct civic_app	*app;
	const char		*config_path;
	const char		*opt_workers, *opt_max, *opt_listen;
	struct civic_config	*cfg;
	int			 sock;
	int			 nworkers;
	struct server_slot	 slot[CIVIC_MAX_WORKERS];
};

static void
server_on_signal(int sig)
{
	if (sig == SIGTERM || sig == SIGINT) {
		server_stop = 1;
		FCGX_ShutdownPending();
	} else if (sig == SIGHUP)
		server_reload = 1;
	else if (sig == SIGCHLD)
		server_child = 1;
}

static void
server_signals(int worker)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal must end a blocking wait. */
	sa.sa_handler = server_on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	if (worker) {
		sa.sa_handler = SIG_IGN;
		sigaction(SIGHUP, &sa, NULL);
		sa.sa_handler = SIG_DFL;
		sigaction(SIGCHLD, &sa, NULL);
	} else {
		sigaction(SIGHUP, &sa, NULL);
		sigaction(SIGCHLD, &sa, NULL);
	}
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

/*
 * While a worker waits for a connection, SIGTERM must interrupt the wait;
 * while it serves one, it must not interrupt libfcgi's reads and writes
 * (which do not retry after EINTR): the flag alone ends the loop after
 * the request.
 */
static void
server_term_restarts(int restart)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = server_on_signal;
	sa.sa_flags = restart ? SA_RESTART : 0;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

/* Loads the file and applies the command line over it; NULL on error. */
static struct civic_config *
server_config(const struct server *s)
{
	struct civic_config	*cfg;
	const char		*msg;

	if (civic_config_load(s->config_path, &cfg, &msg) != CIVIC_OK) {
		civic_log_err("%s: %s", s->config_path, msg);
		return NULL;
	}
	if ((s->opt_workers != NULL &&
	    civic_config_set(cfg, "server.workers", s->opt_workers) != CIVIC_OK) ||
	    (s->opt_max != NULL &&
	    civic_config_set(cfg, "server.max_requests", s->opt_max) != CIVIC_OK) ||
	    (s->opt_listen != NULL &&
	    civic_config_set(cfg, "server.listen", s->opt_listen) != CIVIC_OK)) {
		civic_config_free(cfg);
		return NULL;
	}
	return cfg;
}

/*
 * What a worker would need, checked once in the master so that a broken
 * configuration stops the program at start (or is refused on SIGHUP)
 * instead of making workers die in a loop.
 */
static int
server_validate(const struct server *s, const struct civic_config *cfg)
{
	struct civic_render	*r;
	long long		 n = civic_config_int(cfg, "server.workers");

	if (n < 1 || n > CIVIC_MAX_WORKERS) {
		civic_log_err("workers must be 1 to %d", CIVIC_MAX_WORKERS);
		return -1;
	}
	if (civic_config_int(cfg, "server.max_requests") < 1) {
		civic_log_err("max_requests must be at least 1");
		return -1;
	}
	if (strlen(civic_config_get(cfg, "security.secret")) != 64) {
		civic_log_err("[security] secret must be 64 hexadecimal digits "
		    "(make one with `civicctl secret`)");
		return -1;
	}
	if (civic_render_load(civic_config_get(cfg, "paths.xslt_dir"), s->app->stylesheet,
	    &r) != CIVIC_OK)
		return -1;
	civic_render_free(r);
	return 0;
}

/* The listening socket: --listen, systemd's, or standard input. */
static int
server_socket(const struct civic_config *cfg)
{
	const char	*path = civic_config_get(cfg, "server.listen");
	const char	*group = civic_config_get(cfg, "server.socket_group");
	const char	*fds = getenv("LISTEN_FDS"), *pid = getenv("LISTEN_PID");
	struct group	*gr;
	mode_t		 mode = (mode_t)civic_config_int(cfg, "server.socket_mode");
	int		 fd;

	if (path[0] == '\0') {
		/* systemd socket activation hands the socket over as fd 3. */
		if (fds != NULL && pid != NULL && strcmp(fds, "1") == 0 &&
		    strtol(pid, NULL, 10) == (long)getpid())
			return 3;
		if (FCGX_IsCGI()) {
			civic_log_err("standard input is not a FastCGI socket: "
			    "give --listen PATH or start under a FastCGI spawner");
			return -1;
		}
		return 0;
	}
	if (strlen(path) >= 100) {
		civic_log_err("socket path too long: %s", path);
		return -1;
	}
	/* A socket file left by an earlier run would make bind() fail. */
	unlink(path);
	if ((fd = FCGX_OpenSocket(path, 128)) < 0) {
		civic_log_err("cannot listen on %s", path);
		return -1;
	}
	if (group[0] != '\0') {
		if ((gr = getgrnam(group)) == NULL || chown(path, (uid_t)-1, gr->gr_gid) != 0) {
			civic_log_err("cannot give %s to group %s", path, group);
			return -1;
		}
	}
	if (chmod(path, mode) != 0) {
		civic_log_err("cannot chmod %s: %s", path, strerror(errno));
		return -1;
	}
	return fd;
}

static void
server_worker(const struct server *s)
{
	struct civic_worker	 w;
	FCGX_Request		 req;
	struct pollfd		 pfd;
	unsigned long		 max = (unsigned long)civic_config_int(s->cfg,
				    "server.max_requests");
	sigset_t		 none;
	int			 status = 1;

	/* The master blocks signals outside sigsuspend(); a worker must not. */
	server_signals(1);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (civic_worker_init(&w, s->app, s->cfg) != CIVIC_OK)
		goto out;
	if (FCGX_InitRequest(&req, s->sock, 0) != 0)
		goto out;
	pfd.fd = s->sock;
	pfd.events = POLLIN;
	while (!server_stop && w.served < max) {
		if (poll(&pfd, 1, 1000) <= 0)
			continue;	/* timeout or signal: look at the flags again */
		if (FCGX_Accept_r(&req) < 0)
			break;
		server_term_restarts(1);
		civic_worker_handle(&w, &req);
		FCGX_Finish_r(&req);
		server_term_restarts(0);
	}
	/*
	 * Stopping for good (the master removed the socket's name and made it
	 * non-blocking, which this process shares): the connections already
	 * queued were accepted by the kernel, and nginx has sent them their
	 * requests; serve them rather than let them be reset when the last
	 * copy of the socket closes.  No new one can come; a worker that
	 * loses the race for the last one gets EAGAIN from accept() and goes.
	 * A reload (SIGHUP) does not do this: the new workers serve the queue.
	 */
	if (server_stop && (fcntl(s->sock, F_GETFL) & O_NONBLOCK)) {
		server_term_restarts(1);
		while (poll(&pfd, 1, 100) > 0 && FCGX_Accept_r(&req) >= 0) {
			civic_worker_handle(&w, &req);
			FCGX_Finish_r(&req);
		}
	}
	status = 0;
out:
	civic_worker_exit(&w);
	exit(status);
}

static int
server_spawn(struct server *s, int i)
{
	pid_t	 pid;

	if ((pid = fork()) < 0) {
		civic_log_err("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0)
		server_worker(s);
	s->slot[i].pid = pid;
	s->slot[i].started = time(NULL);
	return 0;
}

/* Forgets dead workers; with restart, starts their replacements. */
static void
server_reap(struct server *s, int restart)
{
	pid_t	 pid;
	int	 st, i, fast;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
		for (i = 0; i < CIVIC_MAX_WORKERS; i++)
			if (s->slot[i].pid == pid)
				break;
		if (i == CIVIC_MAX_WORKERS)
			continue;
		fast = time(NULL) - s->slot[i].started < SERVER_MIN_LIFE;
		s->slot[i].pid = 0;
		if (WIFSIGNALED(st))
			civic_log_warn("worker %ld killed by signal %d", (long)pid,
			    WTERMSIG(st));
		else if (WEXITSTATUS(st) != 0)
			civic_log_warn("worker %ld exited with %d", (long)pid,
			    WEXITSTATUS(st));
		if (!restart || i >= s->nworkers)
			continue;
		/* A worker that can't live stays down a moment: no fork storm. */
		if (fast && (WIFSIGNALED(st) || WEXITSTATUS(st) != 0))
			sleep(SERVER_MIN_LIFE);
		server_spawn(s, i);
	}
	/* Start any missing worker (after a reload changed their number). */
	for (i = 0; restart && i < s->nworkers; i++)
		if (s->slot[i].pid == 0)
			server_spawn(s, i);
}

static void
server_signal_all(const struct server *s, int sig)
{
	int	 i;

	for (i = 0; i < CIVIC_MAX_WORKERS; i++)
		if (s->slot[i].pid > 0)
			kill(s->slot[i].pid, sig);
}

static int
server_alive(const struct server *s)
{
	int	 i, n = 0;

	for (i = 0; i < CIVIC_MAX_WORKERS; i++)
		n += s->slot[i].pid > 0;
	return n;
}

static void
server_reconfigure(struct server *s)
{
	struct civic_config	*cfg;

	civic_log_info("reloading the configuration");
	if ((cfg = server_config(s)) == NULL || server_validate(s, cfg) != 0) {
		civic_log_err("new configuration refused; keeping the old one");
		civic_config_free(cfg);
		return;
	}
	civic_config_free(s->cfg);
	s->cfg = cfg;
	s->nworkers = (int)civic_config_int(cfg, "server.workers");
	/* Each old worker finishes its request; the reaper starts new ones. */
	server_signal_all(s, SIGTERM);
}

static void
server_usage(const char *prog)
{
	fprintf(stderr, "usage: %s [--config FILE] [--listen PATH] [--workers N] "
	    "[--max-requests N] [--check]\n", prog);
}

int
civic_serve(const struct civic_app *app, int argc, char *argv[])
{
	static const struct option	 opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "listen", required_argument, NULL, 'l' },
		{ "workers", required_argument, NULL, 'w' },
		{ "max-requests", required_argument, NULL, 'm' },
		{ "check", no_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct server	 s;
	sigset_t	 block, old;
	time_t		 deadline;
	int		 ch, check = 0, rc = 1;

	memset(&s, 0, sizeof(s));
	s.app = app;
	s.sock = -1;
	s.config_path = getenv("CIVIC_CONFIG") != NULL ? getenv("CIVIC_CONFIG") :
	    CIVIC_SYSCONFDIR "/civic/civic.conf";
	while ((ch = getopt_long(argc, argv, "c:l:w:m:kh", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': s.config_path = optarg; break;
		case 'l': s.opt_listen = optarg; break;
		case 'w': s.opt_workers = optarg; break;
		case 'm': s.opt_max = optarg; break;
		case 'k': check = 1; break;
		default:
			server_usage(argv[0]);
			return ch == 'h' ? 0 : 2;
		}
	}
	civic_log_init(app->name, CIVIC_LOG_INFO);
	civic_render_init();
	if (civic_route_check(app->routes, app->nroutes) != 0)
		goto out;
	if ((s.cfg = server_config(&s)) == NULL || server_validate(&s, s.cfg) != 0)
		goto out;
	if (strcmp(civic_config_get(s.cfg, "log.level"), "debug") == 0)
		civic_log_init(app->name, CIVIC_LOG_DEBUG);
	else if (strcmp(civic_config_get(s.cfg, "log.level"), "warn") == 0)
		civic_log_init(app->name, CIVIC_LOG_WARN);
	else if (strcmp(civic_config_get(s.cfg, "log.level"), "err") == 0)
		civic_log_init(app->name, CIVIC_LOG_ERR);
	if (check) {
		printf("%s: configuration and stylesheet OK\n", app->name);
		rc = 0;
		goto out;
	}
	if (FCGX_Init() != 0 || (s.sock = server_socket(s.cfg)) < 0)
		goto out;
	s.nworkers = (int)civic_config_int(s.cfg, "server.workers");

	/*
	 * Signals are blocked except inside sigsuspend(), so that none can
	 * slip in between looking at the flags and waiting.
	 */
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &old);
	server_signals(0);
	civic_log_info("serving %s with %d workers", app->name, s.nworkers);
	server_reap(&s, 1);	/* starts them all */
	while (!server_stop) {
		sigsuspend(&old);
		if (server_child) {
			server_child = 0;
			server_reap(&s, !server_stop);
		}
		if (server_reload && !server_stop) {
			server_reload = 0;
			server_reconfigure(&s);
		}
	}

	civic_log_info("stopping: letting workers finish");
	/*
	 * A socket of our own is unlinked first, so that no new connection
	 * reaches it (nginx's connect() fails, and it can try another
	 * upstream), and made non-blocking, which tells the workers to serve
	 * what is queued before they go.  A socket we were given (systemd's,
	 * spawn-fcgi's) is left as it is: its queue waits for the next start.
	 */
	if (s.opt_listen != NULL || civic_config_get(s.cfg, "server.listen")[0] != '\0') {
		unlink(civic_config_get(s.cfg, "server.listen"));
		fcntl(s.sock, F_SETFL, fcntl(s.sock, F_GETFL) | O_NONBLOCK);
	}
	server_signal_all(&s, SIGTERM);
	sigprocmask(SIG_SETMASK, &old, NULL);
	deadline = time(NULL) + SERVER_DRAIN_SECONDS;
	while (server_alive(&s) > 0 && time(NULL) < deadline) {
		server_reap(&s, 0);
		if (server_alive(&s) > 0)
			usleep(50 * 1000);
	}
	if (server_alive(&s) > 0) {
		civic_log_warn("workers still busy after %d s: killing them",
		    SERVER_DRAIN_SECONDS);
		server_signal_all(&s, SIGKILL);
		while (waitpid(-1, NULL, 0) > 0)
			;
	}
	rc = 0;
out:
	civic_config_free(s.cfg);
	return rc;
}

int
civic_serve_parts(const char *name, const char *stylesheet, const struct civic_part *parts,
    size_t nparts, int argc, char *argv[])
{
	struct civic_app	 app = { name, stylesheet, NULL, 0 };
	struct civic_route	*routes;
	size_t			 i, n = 0;
	int			 rc = 1;

	for (i = 0; i < nparts; i++)
		n += *parts[i].n;
	if ((routes = calloc(n, sizeof(*routes))) == NULL) {
		fprintf(stderr, "civic-%s: out of memory\n", name);
		goto out;
	}
	for (i = 0; i < nparts; i++) {
		memcpy(&routes[app.nroutes], parts[i].routes, *parts[i].n * sizeof(*routes));
		app.nroutes += *parts[i].n;
	}
	app.routes = routes;
	rc = civic_serve(&app, argc, argv);
	free(routes);
out:
	return rc;
}
