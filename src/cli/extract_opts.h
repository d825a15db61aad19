#ifndef DG_CLI_EXTRACT_OPTS_H
#define DG_CLI_EXTRACT_OPTS_H
/* The options extract and run share. */

#include <getopt.h>

#include "diplograph/diplograph.h"

enum {
    OPT_GAZETTEER = 1000, OPT_FORMAT_IN, OPT_SPLIT, OPT_TEXT_FIELD, OPT_DATE_FIELD,
    OPT_MAX_DOC, OPT_MIN_CONF, OPT_STRICT, OPT_QUIET, OPT_VERBOSE, OPT_SOURCE_FIELD
};

#define DG_EXTRACT_LONGOPTS \
    { "jobs", required_argument, NULL, 'j' }, \
    { "gazetteer", required_argument, NULL, OPT_GAZETTEER }, \
    { "input-format", required_argument, NULL, OPT_FORMAT_IN }, \
    { "split", required_argument, NULL, OPT_SPLIT }, \
    { "text-field", required_argument, NULL, OPT_TEXT_FIELD }, \
    { "date-field", required_argument, NULL, OPT_DATE_FIELD }, \
    { "source-field", required_argument, NULL, OPT_SOURCE_FIELD }, \
    { "max-doc-bytes", required_argument, NULL, OPT_MAX_DOC }, \
    { "min-confidence", required_argument, NULL, OPT_MIN_CONF }, \
    { "strict", no_argument, NULL, OPT_STRICT }, \
    { "quiet", no_argument, NULL, OPT_QUIET }, \
    { "verbose", no_argument, NULL, OPT_VERBOSE }

#define DG_EXTRACT_OPTS_HELP \
    "      --gazetteer FILE    add or override gazetteer entries (repeatable)\n" \
    "      --input-format F    auto (by extension), text, html or jsonl\n" \
    "      --split MODE        plain text: auto, blank (blank-line blocks),\n" \
    "                          line (a document per line) or file\n" \
    "      --text-field NAME   JSON Lines: the text field (text)\n" \
    "      --date-field NAME   JSON Lines: the date field (date)\n" \
    "      --source-field NAME JSON Lines: record this field (a URL, an id) as\n" \
    "                          source.file, the document as its document 0\n" \
    "      --max-doc-bytes N   skip documents larger than N bytes (67108864)\n" \
    "      --min-confidence X  drop meetings below confidence X (0)\n" \
    "      --strict            exit 1, writing nothing, when an input gave a\n" \
    "                          warning\n" \
    "      --quiet             no warnings on stderr\n" \
    "      --verbose           totals on stderr\n"

typedef struct {
    dg_extract_opts opts;
    char **gazetteers;
    int n_gazetteers;
    int strict, quiet, verbose;
    int jobs;  /* -j: files (or chunks) extracted at a time, 1..64 */
    dg_gazetteer *gaz;
} dg_cli_extract_opts;

void dg_cli_extract_opts_init(dg_cli_extract_opts *o);
void dg_cli_extract_opts_destroy(dg_cli_extract_opts *o);
/* Handles one option; 0 ok, 1 not an extraction option, 2 bad value
 * (printed). */
int dg_cli_extract_opt(dg_cli_extract_opts *o, const char *cmd, int c, const char *arg);
/* Loads the gazetteer into o->opts.gaz, its conflicts to diag; 1 ok, 0
 * failed (printed). */
int dg_cli_extract_opts_load(dg_cli_extract_opts *o, const char *cmd, dg_diag *diag);
/* Parses an integer in [lo, hi]; -1 when it is not one. */
int dg_cli_parse_long(const char *s, long lo, long hi, int *out);

#endif
