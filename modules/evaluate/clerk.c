/*
 * clerk.c: STUB, to be written (evaluate.h).
 */
#include "evaluate.h"

static int
clerk_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route eval_clerk_routes[] = {
	{ .method = "GET", .pattern = "/stub-clerk", .view = "stub", .handler = clerk_stub },
};
const size_t eval_clerk_nroutes = CIVIC_NITEMS(eval_clerk_routes);
