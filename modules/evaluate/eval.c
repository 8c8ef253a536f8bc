/*
 * eval.c: what the evaluation's parts share (evaluate.h).
 */
#include "evaluate.h"
#include "worker.h"

civic_time
eval_now(const struct civic_req *r, char buf[CIVIC_CALENDAR_TIME_LEN])
{
	return civic_calendar_now_of(r->worker->cfg, "evaluate.now", buf);
}
