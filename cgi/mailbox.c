/*
 * civic-mailbox.fcgi: the mayor's mailbox (县长信箱), mounted at /mailbox/.
 */
#include "mailbox.h"

static const struct civic_part parts[] = {
	{ mailbox_public_routes, &mailbox_public_nroutes },
	{ mailbox_open311_routes, &mailbox_open311_nroutes },
	{ mailbox_citizen_routes, &mailbox_citizen_nroutes },
	{ mailbox_office_routes, &mailbox_office_nroutes },
	{ mailbox_dept_routes, &mailbox_dept_nroutes },
	{ mailbox_lists_routes, &mailbox_lists_nroutes },
	{ mailbox_supervise_routes, &mailbox_supervise_nroutes },
};

int
main(int argc, char *argv[])
{
	/* One route table a part (modules/mailbox/mailbox.h), summed by the core. */
	return civic_serve_parts("mailbox", "mailbox.xsl", parts, CIVIC_NITEMS(parts), argc,
	    argv);
}
