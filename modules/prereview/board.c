/*
 * board.c: STUB, to be written (prereview.h).
 */
#include "prereview.h"

static int
board_stub(struct civic_req *r)
{
	(void)r;
	return 404;
}

const struct civic_route pr_board_routes[] = {
	{ .method = "GET", .pattern = "/stub-board", .view = "stub", .handler = board_stub },
};
const size_t pr_board_nroutes = CIVIC_NITEMS(pr_board_routes);
