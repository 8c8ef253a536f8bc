/*
 * open311.c: see mailbox.h.  (Routes to come.)
 */
#include "mailbox.h"

const struct civic_route mailbox_open311_routes[] = { { .method = NULL } };
const size_t mailbox_open311_nroutes = 0;
