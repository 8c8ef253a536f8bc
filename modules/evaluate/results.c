/*
 * results.c: STUB, to be written (evaluate.h).
 */
#include "evaluate.h"

static int
results_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route eval_results_routes[] = {
	{ .method = "GET", .pattern = "/stub-results", .view = "stub", .handler = results_stub },
};
const size_t eval_results_nroutes = CIVIC_NITEMS(eval_results_routes);
