/*
 * browse.c: STUB, to be written (catalogue.h).
 */
#include "catalogue.h"

static int
browse_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route cat_browse_routes[] = {
	{ .method = "GET", .pattern = "/stub-browse", .view = "stub", .handler = browse_stub },
};
const size_t cat_browse_nroutes = CIVIC_NITEMS(cat_browse_routes);
