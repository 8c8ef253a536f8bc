/*
 * edit.c: STUB, to be written (catalogue.h).
 */
#include "catalogue.h"

static int
edit_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route cat_edit_routes[] = {
	{ .method = "GET", .pattern = "/stub-edit", .view = "stub", .handler = edit_stub },
};
const size_t cat_edit_nroutes = CIVIC_NITEMS(cat_edit_routes);
