/*
 * entry.c: STUB, to be written (catalogue.h).
 */
#include "catalogue.h"

static int
entry_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route cat_entry_routes[] = {
	{ .method = "GET", .pattern = "/stub-entry", .view = "stub", .handler = entry_stub },
};
const size_t cat_entry_nroutes = CIVIC_NITEMS(cat_entry_routes);
