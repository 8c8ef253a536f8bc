/*
 * civic.h: everything a feature module needs from libcivic.
 */
#ifndef CIVIC_H
#define CIVIC_H

#include "limits.h"
#include "err.h"
#include "arena.h"
#include "kv.h"
#include "parse.h"
#include "valid.h"
#include "config.h"
#include "log.h"
#include "db.h"
#include "route.h"
#include "request.h"
#include "page.h"
#include "server.h"

#define CIVIC_NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

#endif
