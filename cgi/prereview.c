/*
 * civic-prereview.fcgi: the service guide and online pre-review of
 * applications (办事指南 + 网上预审), mounted at /prereview/.
 */
#include "prereview.h"

static const struct civic_part parts[] = {
	{ pr_guide_routes, &pr_guide_nroutes },
	{ pr_items_routes, &pr_items_nroutes },
	{ pr_apply_routes, &pr_apply_nroutes },
	{ pr_progress_routes, &pr_progress_nroutes },
	{ pr_review_routes, &pr_review_nroutes },
	{ pr_board_routes, &pr_board_nroutes },
};

int
main(int argc, char *argv[])
{
	/* One route table a part (modules/prereview/prereview.h), summed by the core. */
	return civic_serve_parts("prereview", "prereview.xsl", parts, CIVIC_NITEMS(parts), argc,
	    argv);
}
