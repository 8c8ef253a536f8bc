/*
 * itemio.c: STUB, to be written (prereview.h): an item checked and written
 * with its version, shared by items.c and `civicctl import-items`.
 */
#include "prereview.h"
