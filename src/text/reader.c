/* Documents to their consumer. Plain text is sliced in place (evidence
 * offsets are file offsets); HTML goes through libxml2's HTML parser and
 * JSON Lines through cJSON, and their evidence offsets are relative to the
 * decoded document text. Cutting files into documents, in chunks, is
 * docstream.c. */
#include <cjson/cJSON.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>

#include "diplograph/buf.h"
#include "diplograph/reader.h"
#include "diplograph/utf8.h"
#include "common.h"
#include "text/reader_int.h"

dg_input_format dg_input_format_for(const char *name)
{
    const char *dot = strrchr(name, '.');

    if (!dot)
        return DG_INPUT_TEXT;
    if (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0 || strcmp(dot, ".xhtml") == 0)
        return DG_INPUT_HTML;
    if (strcmp(dot, ".jsonl") == 0 || strcmp(dot, ".ndjson") == 0)
        return DG_INPUT_JSONL;
    return DG_INPUT_TEXT;
}

/* Makes a document's bytes safe: invalid UTF-8 -> '?', NUL -> ' ' (same
 * length, so offsets stay exact). Returns a malloc'd copy or NULL when the
 * text was already clean (*bad counts the replaced bytes). */
static char *clean_copy(const char *s, size_t len, size_t *bad, size_t *first_bad)
{
    size_t off = dg_utf8_validate(s, len);
    const char *nul = memchr(s, '\0', len);
    char *c;
    size_t i;

    *bad = 0;
    if (off == len && !nul)
        return NULL;
    c = malloc(len + 1);
    if (!c)
        return NULL;
    memcpy(c, s, len);
    c[len] = '\0';
    *first_bad = len;
    i = 0;
    while (i < len) {
        const char *p = c + i;
        int b = 0;
        if (c[i] == '\0') {
            c[i] = ' ';
            if (*first_bad == len)
                *first_bad = i;
            (*bad)++;
            i++;
            continue;
        }
        if ((unsigned char)c[i] < 0x80) {
            i++;
            continue;
        }
        dg_utf8_next(&p, c + len, &b);
        if (b) {
            c[i] = '?';
            if (*first_bad == len)
                *first_bad = i;
            (*bad)++;
            i++;
        } else {
            i = (size_t)(p - c);
        }
    }
    return c;
}

int dg_reader_deliver(dg_rctx *r, dg_document *doc, long line)
{
    size_t bad = 0, first = 0;
    char *clean;
    int rc;

    doc->file = r->name;
    doc->index = r->index++;
    if (doc->len > r->opts->max_doc_bytes) {
        dg_diag_warn(r->diag, r->name, line,
                     "document %ld is %zu bytes, over --max-doc-bytes %zu: skipped",
                     doc->index, doc->len, r->opts->max_doc_bytes);
        return 0;
    }
    clean = clean_copy(doc->text, doc->len, &bad, &first);
    if (bad && !clean)
        return dg_error_set(r->err, DG_ENOMEM, "out of memory");
    if (clean) {
        dg_diag_warn(r->diag, r->name, line,
                     "%zu invalid UTF-8 or NUL byte%s in document %ld (first at byte %lld): "
                     "replaced, the rest is read",
                     bad, bad == 1 ? "" : "s", doc->index,
                     doc->base + (long long)first);
        doc->text = clean;
    }
    rc = r->fn(r->ctx, doc);
    free(clean);
    return rc;
}

int dg_reader_is_blank(const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

int dg_reader_jsonl_line(dg_rctx *r, const char *line, size_t len, long lineno,
                         long long base, int has_nl)
{
    char *copy;
    cJSON *o;
    const cJSON *t, *d, *src = NULL;
    int rc = 0;

    if (memchr(line, '\0', len)) {
        dg_diag_warn(r->diag, r->name, lineno, "NUL byte in JSON line: skipped");
        r->index++;
        return 0;
    }
    copy = dg_strndup(line, len);
    if (!copy)
        return dg_error_set(r->err, DG_ENOMEM, "out of memory");
    o = cJSON_ParseWithOpts(copy, NULL, 1);
    free(copy);
    if (!o || !cJSON_IsObject(o)) {
        dg_diag_warn(r->diag, r->name, lineno, "malformed JSON line%s: skipped",
                     has_nl ? "" : " (truncated last line?)");
        cJSON_Delete(o);
        r->index++;
        return 0;
    }
    t = cJSON_GetObjectItemCaseSensitive(o, r->opts->text_field);
    d = cJSON_GetObjectItemCaseSensitive(o, r->opts->date_field);
    if (r->opts->source_field)
        src = cJSON_GetObjectItemCaseSensitive(o, r->opts->source_field);
    if (!cJSON_IsString(t)) {
        dg_diag_warn(r->diag, r->name, lineno, "no string field \"%s\": skipped",
                     r->opts->text_field);
        r->index++;
    } else {
        dg_document doc;
        memset(&doc, 0, sizeof(doc));
        doc.text = t->valuestring;
        doc.len = strlen(t->valuestring);
        doc.date = cJSON_IsString(d) ? d->valuestring : NULL;
        doc.line = lineno;
        doc.base = base;
        doc.text_is_slice = 0;
        if (cJSON_IsString(src) && src->valuestring[0]) {
            /* the document names itself: document 0 at line 1 of it */
            const char *name = r->name;
            long index = r->index;
            r->name = src->valuestring;
            r->index = 0;
            doc.line = 1;
            doc.base = 0;
            rc = dg_reader_deliver(r, &doc, 1);
            r->name = name;
            r->index = index + 1;
        } else {
            rc = dg_reader_deliver(r, &doc, lineno);
        }
    }
    cJSON_Delete(o);
    return rc;
}

/* ---- HTML ---- */

static int is_block(const char *n)
{
    static const char *const blocks[] = {
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td",
        "article", "section", "header", "footer", "blockquote", "pre", "title",
        "table", "ul", "ol", "dd", "dt", "figcaption", "time"
    };
    size_t i;
    for (i = 0; i < DG_ARRAY_LEN(blocks); i++)
        if (strcmp(n, blocks[i]) == 0)
            return 1;
    return 0;
}

static int is_skipped(const char *n)
{
    return strcmp(n, "script") == 0 || strcmp(n, "style") == 0 ||
           strcmp(n, "noscript") == 0 || strcmp(n, "template") == 0 ||
           strcmp(n, "head") == 0;
}

/* Page date from <meta> or <time datetime>: first 10 chars if a date. */
static void html_date(xmlNode *root, char out[11])
{
    xmlNode *n = root;
    static const char *const names[] = {
        "article:published_time", "og:published_time", "date", "pubdate",
        "publishdate", "dc.date", "dcterms.date", "publication_date", "datepublished"
    };

    out[0] = '\0';
    /* iterative pre-order walk: deep nesting must not exhaust the stack */
    while (n && !out[0]) {
        if (n->type == XML_ELEMENT_NODE) {
            const char *nm = (const char *)n->name;
            xmlChar *v = NULL;
            if (strcmp(nm, "meta") == 0) {
                xmlChar *key = xmlGetProp(n, (const xmlChar *)"property");
                size_t i;
                if (!key)
                    key = xmlGetProp(n, (const xmlChar *)"name");
                if (!key)
                    key = xmlGetProp(n, (const xmlChar *)"itemprop");
                for (i = 0; key && i < DG_ARRAY_LEN(names); i++)
                    if (strcasecmp((const char *)key, names[i]) == 0)
                        v = xmlGetProp(n, (const xmlChar *)"content");
                xmlFree(key);
            } else if (strcmp(nm, "time") == 0) {
                v = xmlGetProp(n, (const xmlChar *)"datetime");
            }
            if (v) {
                const char *s = (const char *)v;
                if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
                    memcpy(out, s, 10);
                    out[10] = '\0';
                }
                xmlFree(v);
            }
        }
        if (n->children && !(n->type == XML_ELEMENT_NODE && (strcmp((const char *)n->name, "script") == 0)))
            n = n->children;
        else {
            while (n && !n->next)
                n = n->parent;
            if (n)
                n = n->next;
        }
    }
}

static int html_text(xmlNode *root, dg_buf *out)
{
    xmlNode *n = root;
    int rc = 0;

    while (n && rc == 0) {
        int descend = 1;
        if (n->type == XML_ELEMENT_NODE) {
            const char *nm = (const char *)n->name;
            if (is_skipped(nm) && strcmp(nm, "head") != 0)
                descend = 0;
            if (strcmp(nm, "head") == 0) {
                /* only the title of the head */
                xmlNode *c;
                for (c = n->children; c; c = c->next)
                    if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "title") == 0) {
                        xmlChar *t = xmlNodeGetContent(c);
                        if (t) {
                            rc = dg_buf_adds(out, (const char *)t);
                            if (rc == 0)
                                rc = dg_buf_addc(out, '\n');
                            xmlFree(t);
                        }
                    }
                descend = 0;
            }
            if (is_block(nm) && out->len && out->ptr[out->len - 1] != '\n')
                rc = dg_buf_addc(out, '\n');
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            const char *t = (const char *)n->content;
            if (t) {
                /* white space inside a block collapses to one space */
                for (; *t && rc == 0; t++) {
                    char c = *t;
                    if (c == '\n' || c == '\r' || c == '\t')
                        c = ' ';
                    if (c == ' ' && (out->len == 0 || out->ptr[out->len - 1] == ' ' ||
                                     out->ptr[out->len - 1] == '\n'))
                        continue;
                    rc = dg_buf_addc(out, c);
                }
            }
        }
        if (descend && n->children) {
            n = n->children;
        } else {
            while (n && n != root && !n->next) {
                n = n->parent;
                if (n && n->type == XML_ELEMENT_NODE && is_block((const char *)n->name) &&
                    out->len && out->ptr[out->len - 1] != '\n' && rc == 0)
                    rc = dg_buf_addc(out, '\n');
            }
            if (!n || n == root)
                break;
            n = n->next;
        }
    }
    return rc;
}

int dg_reader_html(dg_rctx *r, const char *data, size_t len)
{
    htmlDocPtr hd;
    xmlNode *root;
    dg_buf text = DG_BUF_INIT;
    char date[11];
    int rc = 0;

    if (len > (size_t)INT32_MAX) {
        dg_diag_warn(r->diag, r->name, 0, "HTML file too large: skipped");
        return 0;
    }
    hd = htmlReadMemory(data, (int)len, r->name, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    if (!hd) {
        dg_diag_warn(r->diag, r->name, 0, "HTML could not be parsed: skipped");
        return 0;
    }
    root = xmlDocGetRootElement(hd);
    if (root) {
        html_date(root, date);
        if (html_text(root, &text) < 0)
            rc = dg_error_set(r->err, DG_ENOMEM, "out of memory");
        if (rc == 0 && text.len) {
            dg_document doc;
            memset(&doc, 0, sizeof(doc));
            doc.text = text.ptr;
            doc.len = text.len;
            doc.date = date[0] ? date : NULL;
            doc.line = 1;
            doc.text_is_slice = 0;
            rc = dg_reader_deliver(r, &doc, 1);
        }
    }
    dg_buf_destroy(&text);
    xmlFreeDoc(hd);
    return rc;
}

int dg_reader_refuse(const char *data, size_t len, const char *name, dg_diag *diag)
{
    size_t i, nul = 0, sample = len < DG_READER_SAMPLE ? len : DG_READER_SAMPLE;

    if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
                     ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF))) {
        dg_diag_warn(diag, name, 1, "not UTF-8 (a UTF-16 byte order mark): skipped; "
                     "convert with iconv -f UTF-16 -t UTF-8");
        return 1;
    }
    for (i = 0; i < sample; i++)
        nul += data[i] == '\0';
    if (nul * 100 > sample) {
        dg_diag_warn(diag, name, 1, "binary file (%zu NUL bytes in the first %zu): skipped",
                     nul, sample);
        return 1;
    }
    if (dg_utf8_validate(data, sample) < sample) {
        /* mostly invalid: another encoding (GB18030, Big5) */
        size_t bad = 0;
        const char *p = data, *end = data + sample;
        while (p < end) {
            int b = 0;
            dg_utf8_next(&p, end, &b);
            bad += (size_t)b;
        }
        if (bad >= 16 && bad * 20 > sample) {
            dg_diag_warn(diag, name, 1, "not UTF-8 (%zu invalid bytes in the first %zu; "
                         "GB18030 or Big5?): skipped; convert with iconv -f GB18030 -t UTF-8",
                         bad, sample);
            return 1;
        }
    }
    return 0;
}
