#ifndef DIPLOGRAPH_H
#define DIPLOGRAPH_H
/* Umbrella header: the whole public API of libdiplograph. */
#include "diplograph/error.h"
#include "diplograph/buf.h"
#include "diplograph/utf8.h"
#include "diplograph/io.h"
#include "diplograph/meeting.h"
#include "diplograph/gazetteer.h"
#include "diplograph/extract.h"
#include "diplograph/aliases.h"
#include "diplograph/resolve.h"
#include "diplograph/graph.h"
#include "diplograph/stats.h"
#include "diplograph/export.h"
#include "diplograph/render.h"
#include "diplograph/eval.h"
#include "diplograph/timing.h"
#endif
