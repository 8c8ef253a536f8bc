/*
 * case.c: STUB, to be written (evaluate.h).
 */
#include "evaluate.h"

static int
case_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route eval_case_routes[] = {
	{ .method = "GET", .pattern = "/stub-case", .view = "stub", .handler = case_stub },
};
const size_t eval_case_nroutes = CIVIC_NITEMS(eval_case_routes);
