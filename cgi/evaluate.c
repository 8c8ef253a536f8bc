/*
 * civic-evaluate.fcgi: evaluation of departments, windows and clerks
 * (网上评议 / 好差评), mounted at /evaluate/.
 */
#include "evaluate.h"

static const struct civic_part parts[] = {
	{ eval_results_routes, &eval_results_nroutes },
	{ eval_case_routes, &eval_case_nroutes },
	{ eval_campaign_routes, &eval_campaign_nroutes },
	{ eval_clerk_routes, &eval_clerk_nroutes },
	{ eval_rectify_routes, &eval_rectify_nroutes },
	{ eval_supervise_routes, &eval_supervise_nroutes },
};

int
main(int argc, char *argv[])
{
	/* One route table a part (modules/evaluate/evaluate.h), summed by the core. */
	return civic_serve_parts("evaluate", "evaluate.xsl", parts, CIVIC_NITEMS(parts), argc,
	    argv);
}
