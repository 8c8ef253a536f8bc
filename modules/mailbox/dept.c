/*
 * dept.c: see mailbox.h.  (Routes to come.)
 */
#include "mailbox.h"

const struct civic_route mailbox_dept_routes[] = { { .method = NULL } };
const size_t mailbox_dept_nroutes = 0;
