/*
 * items.c: STUB, to be written (prereview.h).
 */
#include "prereview.h"

static int
items_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route pr_items_routes[] = {
	{ .method = "GET", .pattern = "/stub-items", .view = "stub", .handler = items_stub },
};
const size_t pr_items_nroutes = CIVIC_NITEMS(pr_items_routes);
