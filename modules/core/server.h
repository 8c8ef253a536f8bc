/*
 * server.h: a program.  cgi/<program>.c declares its civic_app and calls
 * civic_serve() from main().
 */
#ifndef CIVIC_SERVER_H
#define CIVIC_SERVER_H

#include <stddef.h>
#include "route.h"

struct civic_app {
	const char			*name;		/* "demo": log name, default mount "/demo/" */
	const char			*stylesheet;	/* "demo.xsl", under [paths] xslt_dir */
	const struct civic_route	*routes;
	size_t				 nroutes;
};

/*
 * Parses the command line (--config FILE, --listen PATH, --workers N,
 * --max-requests N, --foreground), then serves until SIGTERM: a master
 * process forks the workers and restarts any that dies; SIGHUP reloads the
 * configuration and replaces the workers; SIGTERM lets each finish its
 * request and stops them.  Without --listen the socket is standard input,
 * as spawn-fcgi, mod_fcgid and systemd socket activation hand it over.
 * Returns the process's exit status.
 */
int	 civic_serve(const struct civic_app *, int argc, char *argv[]);

/*
 * A feature whose parts each declare their own route table (one file a
 * part): the program's table is their sum, made once at start-up, and
 * then civic_serve() as above.
 */
struct civic_part {
	const struct civic_route	*routes;
	const size_t			*n;
};

int	 civic_serve_parts(const char *name, const char *stylesheet,
	    const struct civic_part *, size_t nparts, int argc, char *argv[]);

#endif
