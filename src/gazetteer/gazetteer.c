/* placeholder until the loader lands */
#include "diplograph/gazetteer.h"
#include "common.h"
struct dg_gazetteer { int unused; };
dg_gazetteer *dg_gazetteer_new(void) { return calloc(1, sizeof(dg_gazetteer)); }
void dg_gazetteer_free(dg_gazetteer *g) { free(g); }
int dg_gazetteer_load_dir(dg_gazetteer *g, const char *dir, dg_error *err) { (void)g; (void)dir; (void)err; return 0; }
int dg_gazetteer_load_file(dg_gazetteer *g, const char *p, dg_error *err) { (void)g; (void)p; (void)err; return 0; }
int dg_gazetteer_compile(dg_gazetteer *g, dg_error *err) { (void)g; (void)err; return 0; }
