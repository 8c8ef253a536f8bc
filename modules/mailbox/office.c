/*
 * office.c: see mailbox.h.  (Routes to come.)
 */
#include "mailbox.h"

const struct civic_route mailbox_office_routes[] = { { .method = NULL } };
const size_t mailbox_office_nroutes = 0;
