/*
 * guide.c: STUB, to be written (prereview.h).
 */
#include "prereview.h"

static int
guide_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route pr_guide_routes[] = {
	{ .method = "GET", .pattern = "/stub-guide", .view = "stub", .handler = guide_stub },
};
const size_t pr_guide_nroutes = CIVIC_NITEMS(pr_guide_routes);
