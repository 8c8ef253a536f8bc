/*
 * public.c: see mailbox.h.  (Routes to come.)
 */
#include "mailbox.h"

const struct civic_route mailbox_public_routes[] = { { .method = NULL } };
const size_t mailbox_public_nroutes = 0;
