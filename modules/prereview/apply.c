/*
 * apply.c: STUB, to be written (prereview.h).
 */
#include "prereview.h"

static int
apply_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route pr_apply_routes[] = {
	{ .method = "GET", .pattern = "/stub-apply", .view = "stub", .handler = apply_stub },
};
const size_t pr_apply_nroutes = CIVIC_NITEMS(pr_apply_routes);
