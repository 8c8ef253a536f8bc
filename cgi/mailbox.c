/*
 * civic-mailbox.fcgi: the mayor's mailbox (县长信箱), mounted at /mailbox/.
 *
 * Each part of the feature declares its own routes beside its handlers
 * (modules/mailbox/mailbox.h); the program's table is their sum, made
 * once at start-up and checked by the core like any other.
 */
#include <stdio.h>
#include <string.h>

#include "mailbox.h"

/* Routes of the whole program: some fifty today; room to grow. */
#define MAILBOX_MAX_ROUTES	96

static const struct {
	const struct civic_route	*routes;
	const size_t			*n;
} parts[] = {
	{ mailbox_public_routes, &mailbox_public_nroutes },
	{ mailbox_open311_routes, &mailbox_open311_nroutes },
	{ mailbox_citizen_routes, &mailbox_citizen_nroutes },
	{ mailbox_office_routes, &mailbox_office_nroutes },
	{ mailbox_dept_routes, &mailbox_dept_nroutes },
	{ mailbox_lists_routes, &mailbox_lists_nroutes },
	{ mailbox_supervise_routes, &mailbox_supervise_nroutes },
};

static struct civic_route routes[MAILBOX_MAX_ROUTES];

int
main(int argc, char *argv[])
{
	struct civic_app	 app = { "mailbox", "mailbox.xsl", routes, 0 };
	size_t			 i;

	for (i = 0; i < CIVIC_NITEMS(parts); i++) {
		if (*parts[i].n > MAILBOX_MAX_ROUTES - app.nroutes) {
			fprintf(stderr, "civic-mailbox: more than %d routes\n",
			    MAILBOX_MAX_ROUTES);
			return 1;
		}
		memcpy(&routes[app.nroutes], parts[i].routes,
		    *parts[i].n * sizeof(routes[0]));
		app.nroutes += *parts[i].n;
	}
	return civic_serve(&app, argc, argv);
}
