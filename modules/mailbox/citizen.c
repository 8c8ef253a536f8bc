/*
 * citizen.c: see mailbox.h.  (Routes to come.)
 */
#include "mailbox.h"

const struct civic_route mailbox_citizen_routes[] = { { .method = NULL } };
const size_t mailbox_citizen_nroutes = 0;
