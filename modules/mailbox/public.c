/*
 * public.c: see mailbox.h.  (Routes to come.)
 */
#include "mailbox.h"

const struct civic_route mailbox_public_routes[] = { { .method = NULL } };
const size_t mailbox_public_nroutes = 0;

enum civic_err
mailbox_index(struct civic_req *r, long long letter)
{
	(void)r;
	(void)letter;
	return CIVIC_OK;
}

enum civic_err
mailbox_unindex(struct civic_req *r, long long letter)
{
	(void)r;
	(void)letter;
	return CIVIC_OK;
}
