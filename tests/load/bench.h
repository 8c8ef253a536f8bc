/*
 * bench.h: what the reference FastCGI programs of tests/load/run share (hello.c,
 * insert.c): a unix socket the web server's workers may write to, and N
 * worker processes accepting on it, as civic's own programs do with --workers.
 *
 * Not part of civic: a baseline to measure civic against, kept as small as a
 * FastCGI program can be.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <fcgiapp.h>

/*
 * Opens the socket at path (group www-data when it exists, mode 0660, as
 * nginx's workers run as www-data when started by root), forks workers
 * processes that return from here to accept on it, and waits in the parent
 * until it is killed (it then kills its workers).  Returns the socket.
 */
static pid_t bench_kids[64];
static int bench_nkids;

static void
bench_stop(int sig)
{
	int	 i;

	(void)sig;
	for (i = 0; i < bench_nkids; i++)
		kill(bench_kids[i], SIGKILL);
	_exit(0);
}

static int
bench_listen(const char *path, int workers)
{
	struct group	*gr;
	int		 fd, i;
	pid_t		 pid;

	if (FCGX_Init() != 0 || (fd = FCGX_OpenSocket(path, 128)) < 0) {
		fprintf(stderr, "cannot listen on %s\n", path);
		exit(1);
	}
	if ((gr = getgrnam("www-data")) != NULL && chown(path, (uid_t)-1, gr->gr_gid) != 0)
		perror("chown");
	if (chmod(path, 0660) != 0)
		perror("chmod");
	if (workers < 1 || workers > 64)
		workers = 2;
	for (i = 0; i < workers; i++) {
		if ((pid = fork()) == -1) {
			perror("fork");
			exit(1);
		}
		if (pid == 0)
			return fd;
		bench_kids[bench_nkids++] = pid;
	}
	signal(SIGTERM, bench_stop);
	signal(SIGINT, bench_stop);
	while (wait(NULL) > 0)
		;
	return -1;
}
