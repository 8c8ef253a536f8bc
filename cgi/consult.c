/*
 * civic-consult.fcgi: online consultation with clerk assignment
 * (政务在线咨询), mounted at /consult/.
 */
#include "consult.h"

static const struct civic_part parts[] = {
	{ consult_citizen_routes, &consult_citizen_nroutes },
	{ consult_public_routes, &consult_public_nroutes },
	{ consult_desk_routes, &consult_desk_nroutes },
	{ consult_office_routes, &consult_office_nroutes },
	{ consult_supervise_routes, &consult_supervise_nroutes },
};

int
main(int argc, char *argv[])
{
	/* One route table a part (modules/consult/consult.h), summed by the core. */
	return civic_serve_parts("consult", "consult.xsl", parts, CIVIC_NITEMS(parts), argc,
	    argv);
}
