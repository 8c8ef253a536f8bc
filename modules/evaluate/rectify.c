/*
 * rectify.c: STUB, to be written (evaluate.h).
 */
#include "evaluate.h"

static int
rectify_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route eval_rectify_routes[] = {
	{ .method = "GET", .pattern = "/stub-rectify", .view = "stub", .handler = rectify_stub },
};
const size_t eval_rectify_nroutes = CIVIC_NITEMS(eval_rectify_routes);
