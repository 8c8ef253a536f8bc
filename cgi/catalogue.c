/*
 * civic-catalogue.fcgi: the public-information disclosure catalogue
 * (政务信息公开目录), mounted at /catalogue/.
 */
#include "catalogue.h"

static const struct civic_part parts[] = {
	{ cat_browse_routes, &cat_browse_nroutes },
	{ cat_entry_routes, &cat_entry_nroutes },
	{ cat_edit_routes, &cat_edit_nroutes },
	{ cat_admin_routes, &cat_admin_nroutes },
};

int
main(int argc, char *argv[])
{
	/* One route table a part (modules/catalogue/catalogue.h), summed by the core. */
	return civic_serve_parts("catalogue", "catalogue.xsl", parts, CIVIC_NITEMS(parts), argc,
	    argv);
}
