/*
 * admin.c: STUB, to be written (catalogue.h).
 */
#include "catalogue.h"

static int
admin_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route cat_admin_routes[] = {
	{ .method = "GET", .pattern = "/stub-admin", .view = "stub", .handler = admin_stub },
};
const size_t cat_admin_nroutes = CIVIC_NITEMS(cat_admin_routes);
