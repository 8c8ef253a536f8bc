/*
 * campaign.c: STUB, to be written (evaluate.h).
 */
#include "evaluate.h"

static int
campaign_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route eval_campaign_routes[] = {
	{ .method = "GET", .pattern = "/stub-campaign", .view = "stub", .handler = campaign_stub },
};
const size_t eval_campaign_nroutes = CIVIC_NITEMS(eval_campaign_routes);
