/*
 * supervise.c: STUB, to be written (evaluate.h).
 */
#include "evaluate.h"

static int
supervise_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route eval_supervise_routes[] = {
	{ .method = "GET", .pattern = "/stub-supervise", .view = "stub", .handler = supervise_stub },
};
const size_t eval_supervise_nroutes = CIVIC_NITEMS(eval_supervise_routes);
