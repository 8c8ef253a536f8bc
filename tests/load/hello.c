/*
 * hello.c: the FastCGI hello-world of tests/load/run: the fastest a
 * FastCGI program behind the same nginx can answer, without a database or
 * a stylesheet.  civic's pages are measured as a fraction of it.
 *
 *	hello SOCKET WORKERS
 */
#include "bench.h"

int
main(int argc, char *argv[])
{
	FCGX_Request	 req;
	int		 fd;

	if (argc != 3) {
		fprintf(stderr, "usage: hello SOCKET WORKERS\n");
		return 2;
	}
	if ((fd = bench_listen(argv[1], atoi(argv[2]))) < 0)
		return 0;
	FCGX_InitRequest(&req, fd, 0);
	while (FCGX_Accept_r(&req) >= 0) {
		FCGX_FPrintF(req.out, "Content-Type: text/plain; charset=utf-8\r\n\r\n"
		    "Hello, world.\n");
		FCGX_Finish_r(&req);
	}
	return 0;
}
