#ifndef DG_EXPORT_INT_H
#define DG_EXPORT_INT_H
/* Private helpers shared by the writers in src/export/ and src/render/:
 * one attribute table, one number format, one XML text cleaner, so every
 * format names, types and prints an attribute the same way. */

#include <libxml/xmlwriter.h>
#include <stddef.h>

#include "diplograph/buf.h"
#include "diplograph/graph.h"

/* Numbers: 9 significant digits keep centralities to better than 1e-6
 * relative error and print the same bytes on every run. */
#define DG_NUM_FMT "%.9g"
#define DG_NUM_MAX 40

typedef enum {
    DG_ATTR_STRING = 0,
    DG_ATTR_LONG,
    DG_ATTR_DOUBLE
} dg_attr_type;

typedef struct {
    const char *name;  /* attribute name in every format (never "id") */
    dg_attr_type type;
} dg_attr_def;

typedef struct {
    int present;       /* 0: no value (a NULL string, an empty country) */
    const char *s;     /* DG_ATTR_STRING */
    long l;            /* DG_ATTR_LONG */
    double d;          /* DG_ATTR_DOUBLE */
} dg_attr_val;

/* Node attributes in a fixed order; index 0 is "label". */
size_t dg_node_attr_count(void);
const dg_attr_def *dg_node_attr(size_t i);
void dg_node_attr_get(dg_attr_val *out, const dg_node *n, size_t i);
/* Edge attributes in a fixed order; index 0 is "type", 1 is "weight". */
size_t dg_edge_attr_count(void);
const dg_attr_def *dg_edge_attr(size_t i);
void dg_edge_attr_get(dg_attr_val *out, const dg_edge *e, size_t i);

/* Formats x with DG_NUM_FMT; NaN and infinities as "NaN", "INF", "-INF"
 * (what strtod, Python's float() and igraph read back). Returns out. */
const char *dg_num(char out[DG_NUM_MAX], double x);
/* Formats v in decimal ("%ld", without printf's cost). Returns out. */
const char *dg_long(char out[DG_NUM_MAX], long v);

/* Replaces b's contents with s minus what XML 1.0 forbids: C0 control
 * characters other than tab, newline and carriage return become U+FFFD.
 * s is valid UTF-8 (checked where input enters). NULL s gives "". */
int dg_xml_clean(dg_buf *b, const char *s);

/* Where an xmlTextWriter's bytes go: appended to out. When an append
 * fails, failed is set and the rest is dropped (reporting success to
 * libxml2, which would otherwise print an I/O error on stderr). */
typedef struct {
    dg_buf *out;
    int failed;
} dg_xml_sink;

/* An xmlTextWriter writing into sink (no intermediate xmlBuffer, whose
 * int length caps documents at 2 GB), indenting by two spaces. NULL when
 * out of memory. Free with xmlFreeTextWriter (which flushes), then check
 * sink->failed. */
xmlTextWriterPtr dg_xml_writer_new(dg_xml_sink *sink);

/* Checks what every writer relies on: node ids set, edge ends in range.
 * DG_EINVAL naming `what` (the format) and the fault. */
int dg_graph_check(const dg_graph *g, const char *what, dg_error *err);

/* Whether edges are directed: the visits layer, or g->directed. */
int dg_graph_is_directed(const dg_graph *g);

/* The days a date covers: "2021-06-07" -> [2021-06-07, 2021-06-07],
 * "2021-06" -> [2021-06-01, 2021-06-30], "2021" -> the year. Returns 0,
 * or -1 when date is NULL or not of those forms. */
int dg_date_span(char start[11], char end[11], const char *date);

/* A fixed 12-colour palette (Tableau 10 without its grey, then three
 * light tints) for communities; index < 0 gives grey. */
void dg_palette_rgb(unsigned char rgb[3], long index);
size_t dg_palette_size(void);

#endif
