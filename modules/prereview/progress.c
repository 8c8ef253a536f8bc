/*
 * progress.c: STUB, to be written (prereview.h).
 */
#include "prereview.h"

static int
progress_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route pr_progress_routes[] = {
	{ .method = "GET", .pattern = "/stub-progress", .view = "stub", .handler = progress_stub },
};
const size_t pr_progress_nroutes = CIVIC_NITEMS(pr_progress_routes);
