#ifndef DG_MEETING_INT_H
#define DG_MEETING_INT_H
/* Private: the direct scanner for meeting records (record_scan.c). */

#include "diplograph/meeting.h"

/* Reads a record in the usual form into m (initialised here): 1 when it
 * did, 0 when the line is for the cJSON reader (m is then empty), -1 out
 * of memory. Never reports errors itself. */
int dg_meeting_scan(dg_meeting *m, const char *line, size_t len);

/* The cJSON reader alone (dg_meeting_parse_json without the scanner,
 * and without its length and NUL checks): for tests that compare them. */
int dg_meeting_parse_cjson(dg_meeting *m, const char *line, size_t len, dg_error *err);

/* The record as a cJSON tree prints it: the reference for the direct
 * writer (dg_meeting_write_json), which must write the same bytes. */
int dg_meeting_write_cjson(dg_buf *out, const dg_meeting *m);

/* 1 when every value of m passes the checked reader's tests (dates,
 * confidence, country codes, UTF-8): what the scanner read otherwise goes
 * to the checked reader, which names the fault. */
int dg_meeting_values_ok(const dg_meeting *m);

#endif
