/*
 * insert.c: the bare INSERT-per-request FastCGI program of tests/load/run,
 * the reference for a durable submission: it reads the request body and
 * stores it with one prepared INSERT, autocommitted (a durable commit with
 * innodb_flush_log_at_trx_commit = 1, as civic's), and answers 201.  No
 * validation, no tracking number, no history, no notification: the floor
 * under which no FastCGI program that commits a row can go.
 *
 *	insert SOCKET WORKERS DB-SOCKET USER PASSWORD DATABASE
 */
#include <string.h>

#include <mysql.h>

#include "bench.h"

int
main(int argc, char *argv[])
{
	static const char	 sql[] =
	    "INSERT INTO bench_insert (body, created_at) VALUES (?, NOW())";
	FCGX_Request		 req;
	MYSQL			*db;
	MYSQL_STMT		*st;
	MYSQL_BIND		 b;
	char			 body[4096];
	unsigned long		 len;
	int			 fd, n, ok;

	if (argc != 7) {
		fprintf(stderr, "usage: insert SOCKET WORKERS DB-SOCKET USER PASSWORD DATABASE\n");
		return 2;
	}
	if ((fd = bench_listen(argv[1], atoi(argv[2]))) < 0)
		return 0;
	if ((db = mysql_init(NULL)) == NULL ||
	    mysql_real_connect(db, NULL, argv[4], argv[5], argv[6], 0, argv[3], 0) == NULL ||
	    (st = mysql_stmt_init(db)) == NULL ||
	    mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
		fprintf(stderr, "insert: database: %s\n", db != NULL ? mysql_error(db) : "no memory");
		return 1;
	}
	FCGX_InitRequest(&req, fd, 0);
	while (FCGX_Accept_r(&req) >= 0) {
		n = FCGX_GetStr(body, sizeof(body), req.in);
		len = n > 0 ? (unsigned long)n : 0;
		memset(&b, 0, sizeof(b));
		b.buffer_type = MYSQL_TYPE_STRING;
		b.buffer = body;
		b.buffer_length = len;
		b.length = &len;
		ok = mysql_stmt_bind_param(st, &b) == 0 && mysql_stmt_execute(st) == 0;
		FCGX_FPrintF(req.out, "Status: %s\r\nContent-Type: text/plain\r\n\r\n%s\n",
		    ok ? "201 Created" : "500 Internal Server Error", ok ? "stored" : "failed");
		FCGX_Finish_r(&req);
	}
	return 0;
}
