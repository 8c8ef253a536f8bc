/*
 * supervise.c: see mailbox.h.  (Routes to come.)
 */
#include "mailbox.h"

const struct civic_route mailbox_supervise_routes[] = { { .method = NULL } };
const size_t mailbox_supervise_nroutes = 0;
