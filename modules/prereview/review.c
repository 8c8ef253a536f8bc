/*
 * review.c: STUB, to be written (prereview.h).
 */
#include "prereview.h"

static int
review_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route pr_review_routes[] = {
	{ .method = "GET", .pattern = "/stub-review", .view = "stub", .handler = review_stub },
};
const size_t pr_review_nroutes = CIVIC_NITEMS(pr_review_routes);
