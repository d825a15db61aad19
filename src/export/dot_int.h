#ifndef DG_DOT_INT_H
#define DG_DOT_INT_H
/* cgraph helpers shared by the DOT writer and the renderer. */

#include "diplograph/buf.h"

/* Appends s to b with backslashes doubled (Graphviz label escapes). */
int dg_dot_label_escape(dg_buf *b, const char *s);
/* agsafeset(obj, name, value, "") with value cleaned by dg_xml_clean
 * (tmp is scratch). Returns agsafeset's result (0 ok, -1 failure). */
int dg_dot_set(void *obj, const char *name, const char *value, dg_buf *tmp);

#endif
