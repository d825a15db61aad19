/* Documents to their consumer. Plain text is sliced in place (evidence
 * offsets are file offsets); HTML goes through libxml2's HTML parser and
 * JSON Lines through cJSON, and their evidence offsets are relative to the
 * decoded document text. Cutting files into documents, in chunks, is
 * docstream.c. */
#include <cjson/cJSON.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>

#include "diplograph/buf.h"
#include "diplograph/reader.h"
#include "diplograph/utf8.h"
#include "common.h"
#include "text/jsonscan.h"
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
                     "document %ld is %zu bytes, over --max-doc-bytes %zu: skipped; "
                     "raise --max-doc-bytes to read it",
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

/* A string field of a JSON line other than the text: NULL when absent,
 * with a warning when it is there but unusable. */
static const char *jsonl_str(dg_rctx *r, const cJSON *o, const char *key, long lineno)
{
    int dups;
    const cJSON *v = dg_json_get(o, key, &dups);

    if (dups) {
        dg_diag_warn(r->diag, r->name, lineno, "field \"%s\" given twice: both ignored; "
                     "keep one", key);
        return NULL;
    }
    if (!v || cJSON_IsNull(v))
        return NULL;
    if (!cJSON_IsString(v)) {
        dg_diag_warn(r->diag, r->name, lineno, "field \"%s\" is %s, not a string: ignored",
                     key, dg_json_kind(v));
        return NULL;
    }
    return v->valuestring;
}

int dg_reader_jsonl_line(dg_rctx *r, const char *line, size_t len, long lineno,
                         long long base, int has_nl)
{
    cJSON *o;
    const cJSON *t;
    const char *date = NULL, *src = NULL;
    dg_error e = DG_ERROR_INIT;
    int rc = 0, dups;

    if (dg_json_parse(&o, line, len, &e) < 0) {
        if (e.code == DG_ENOMEM)
            return dg_error_set(r->err, DG_ENOMEM, "out of memory");
        /* a line cut short fails to parse at its end */
        dg_diag_warn(r->diag, r->name, lineno, "%s%s: skipped", e.msg,
                     has_nl || strncmp(e.msg, "malformed", 9) != 0
                         ? "" : " (a truncated last line?)");
        r->index++;
        return 0;
    }
    if (!cJSON_IsObject(o)) {
        dg_diag_warn(r->diag, r->name, lineno, "expected a JSON object, not %s: skipped",
                     dg_json_kind(o));
        cJSON_Delete(o);
        r->index++;
        return 0;
    }
    t = dg_json_get(o, r->opts->text_field, &dups);
    if (dups) {
        dg_diag_warn(r->diag, r->name, lineno, "field \"%s\" given twice: skipped; keep one",
                     r->opts->text_field);
        r->index++;
    } else if (!t) {
        dg_diag_warn(r->diag, r->name, lineno, "no field \"%s\": skipped; name the text "
                     "field with --text-field", r->opts->text_field);
        r->index++;
    } else if (!cJSON_IsString(t)) {
        dg_diag_warn(r->diag, r->name, lineno, "field \"%s\" is %s, not a string: skipped",
                     r->opts->text_field, dg_json_kind(t));
        r->index++;
    } else {
        dg_document doc;
        date = jsonl_str(r, o, r->opts->date_field, lineno);
        if (r->opts->source_field)
            src = jsonl_str(r, o, r->opts->source_field, lineno);
        memset(&doc, 0, sizeof(doc));
        doc.text = t->valuestring;
        doc.len = strlen(t->valuestring);
        doc.date = date;
        doc.line = lineno;
        doc.base = base;
        doc.text_is_slice = 0;
        if (src && src[0]) {
            /* the document names itself: document 0 at line 1 of it */
            const char *name = r->name;
            long index = r->index;
            r->name = src;
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

/* The page is read with libxml2's HTML parser driving our own SAX
 * callbacks, not into a tree: memory holds the text and a stack of element
 * names, so a page nested a million elements deep costs megabytes, not
 * the 200 bytes per element of a tree (and there is nothing to walk
 * recursively). */
typedef struct {
    dg_buf *out;
    int rc;          /* DG_ENOMEM once a buffer could not grow */
    long skip;       /* inside script, style, noscript, template, head */
    long head;       /* inside head (only its title is text) */
    int title;       /* inside head's title: its text as written */
    char date[11];   /* the page date, from the first <meta> or <time> */
} html_ctx;

static const char *attr(const xmlChar **atts, const char *name)
{
    size_t i;

    for (i = 0; atts && atts[i]; i += 2)
        if (strcasecmp((const char *)atts[i], name) == 0)
            return atts[i + 1] ? (const char *)atts[i + 1] : "";
    return NULL;
}

/* Page date from <meta> or <time datetime>: first 10 chars if a date. */
static void html_date(html_ctx *h, const char *nm, const xmlChar **atts)
{
    static const char *const names[] = {
        "article:published_time", "og:published_time", "date", "pubdate",
        "publishdate", "dc.date", "dcterms.date", "publication_date", "datepublished"
    };
    const char *v = NULL;

    if (strcmp(nm, "meta") == 0) {
        const char *key = attr(atts, "property");
        size_t i;
        if (!key)
            key = attr(atts, "name");
        if (!key)
            key = attr(atts, "itemprop");
        for (i = 0; key && i < DG_ARRAY_LEN(names); i++)
            if (strcasecmp(key, names[i]) == 0)
                v = attr(atts, "content");
    } else if (strcmp(nm, "time") == 0) {
        v = attr(atts, "datetime");
    }
    if (v && strlen(v) >= 10 && v[4] == '-' && v[7] == '-') {
        memcpy(h->date, v, 10);
        h->date[10] = '\0';
    }
}

static void html_newline(html_ctx *h)
{
    if (h->rc == 0 && h->out->len && h->out->ptr[h->out->len - 1] != '\n')
        h->rc = dg_buf_addc(h->out, '\n');
}

static void sax_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    html_ctx *h = ctx;
    const char *nm = (const char *)name;

    if (!h->date[0])
        html_date(h, nm, atts);
    if (strcmp(nm, "head") == 0) {
        h->head++;
        h->skip++;
    } else if (is_skipped(nm)) {
        h->skip++;
    } else if (strcmp(nm, "title") == 0 && h->head > 0) {
        h->title = 1;
    } else if (h->skip == 0 && is_block(nm)) {
        html_newline(h);
    }
}

static void sax_end(void *ctx, const xmlChar *name)
{
    html_ctx *h = ctx;
    const char *nm = (const char *)name;

    if (strcmp(nm, "head") == 0) {
        if (h->head > 0)
            h->head--;
        if (h->skip > 0)
            h->skip--;
    } else if (is_skipped(nm)) {
        if (h->skip > 0)
            h->skip--;
    } else if (strcmp(nm, "title") == 0 && h->title) {
        h->title = 0;
        if (h->rc == 0)
            h->rc = dg_buf_addc(h->out, '\n');
    } else if (h->skip == 0 && is_block(nm)) {
        html_newline(h);
    }
}

static void sax_text(void *ctx, const xmlChar *ch, int len)
{
    html_ctx *h = ctx;
    dg_buf *out = h->out;
    int i;

    if (h->rc != 0 || len <= 0)
        return;
    if (h->title) {
        h->rc = dg_buf_add(out, (const char *)ch, (size_t)len);
        return;
    }
    if (h->skip > 0)
        return;
    /* white space inside a block collapses to one space */
    for (i = 0; i < len && h->rc == 0; i++) {
        char c = (char)ch[i];
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
        if (c == ' ' && (out->len == 0 || out->ptr[out->len - 1] == ' ' ||
                         out->ptr[out->len - 1] == '\n'))
            continue;
        h->rc = dg_buf_addc(out, c);
    }
}

int dg_reader_html(dg_rctx *r, const char *data, size_t len)
{
    htmlParserCtxtPtr ctx;
    xmlCharEncodingHandlerPtr utf8;
    xmlSAXHandler sax;
    dg_buf text = DG_BUF_INIT;
    html_ctx h;
    int rc = 0;

    if (len > (size_t)INT32_MAX) {
        dg_diag_warn(r->diag, r->name, 1, "HTML file of %zu bytes, too large for the HTML "
                     "parser: skipped", len);
        return 0;
    }
    memset(&h, 0, sizeof(h));
    h.out = &text;
    memset(&sax, 0, sizeof(sax));
    sax.startElement = sax_start;
    sax.endElement = sax_end;
    sax.characters = sax_text;
    sax.cdataBlock = sax_text;
    /* white space the parser calls ignorable (between head elements, say)
     * was never text: ignorableWhitespace stays NULL */
    ctx = htmlCreateMemoryParserCtxt(data, (int)len);
    utf8 = xmlFindCharEncodingHandler("UTF-8");
    if (!ctx || !utf8 || !ctx->sax) {
        htmlFreeParserCtxt(ctx);
        return dg_error_set(r->err, DG_ENOMEM, "out of memory");
    }
    memcpy(ctx->sax, &sax, sizeof(sax));
    ctx->userData = &h;
    htmlCtxtUseOptions(ctx, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
    /* no hard-coded limits of libxml2's (nesting, text length): the size
     * of a page is capped by max_doc_bytes */
    ctx->options |= XML_PARSE_HUGE;
    /* the page's own charset declaration is not trusted: input is UTF-8.
     * The input's encoding named (as htmlReadMemory does) keeps libxml2
     * from even looking a <meta charset> up (an iconv_open per page). */
    xmlSwitchToEncoding(ctx, utf8);
    if (ctx->input && !ctx->input->encoding)
        ctx->input->encoding = xmlStrdup((const xmlChar *)"UTF-8");
    htmlParseDocument(ctx);
    if (ctx->disableSAX && h.rc == 0)
        dg_diag_warn(r->diag, r->name, ctx->lastError.line > 0 ? ctx->lastError.line : 1,
                     "the HTML parser stopped here (%s): the rest of the page is lost",
                     ctx->lastError.code == XML_ERR_NO_MEMORY ? "out of memory"
                                                               : "malformed HTML");
    if (ctx->myDoc)
        xmlFreeDoc(ctx->myDoc);
    htmlFreeParserCtxt(ctx);
    if (h.rc < 0)
        rc = dg_error_set(r->err, DG_ENOMEM, "out of memory");
    if (rc == 0 && text.len) {
        dg_document doc;
        memset(&doc, 0, sizeof(doc));
        doc.text = text.ptr;
        doc.len = text.len;
        doc.date = h.date[0] ? h.date : NULL;
        doc.line = 1;
        doc.text_is_slice = 0;
        rc = dg_reader_deliver(r, &doc, 1);
    }
    dg_buf_destroy(&text);
    return rc;
}

/* Binary formats a corpus often holds by mistake, by their first bytes:
 * a message that names them says more than a count of NUL bytes. */
static const struct {
    const char *magic;
    size_t len;
    const char *what;
    const char *todo;
} binary_magic[] = {
    { "\x1f\x8b", 2, "gzip compressed data", "; decompress it first (gunzip)" },
    { "\xfd" "7zXZ", 5, "xz compressed data", "; decompress it first (unxz)" },
    { "\x28\xb5\x2f\xfd", 4, "zstd compressed data", "; decompress it first (unzstd)" },
    { "BZh", 3, "bzip2 compressed data", "; decompress it first (bunzip2)" },
    { "PK\x03\x04", 4, "a zip archive", "; unpack it first (unzip)" },
    { "%PDF-", 5, "a PDF document", "; extract its text first (pdftotext)" },
    { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, "an MS Office document",
      "; save it as text first" },
    { "\x89PNG", 4, "a PNG image", "" },
    { "\xff\xd8\xff", 3, "a JPEG image", "" },
    { "GIF8", 4, "a GIF image", "" },
    { "\x7f" "ELF", 4, "an executable", "" },
};

/* bzip2's "BZh" is followed by the block size digit and the block magic:
 * without them the bytes are text that happens to start with BZh. */
static int magic_matches(size_t i, const char *data, size_t len)
{
    if (len < binary_magic[i].len || memcmp(data, binary_magic[i].magic, binary_magic[i].len) != 0)
        return 0;
    if (strcmp(binary_magic[i].what, "bzip2 compressed data") == 0)
        return len >= 10 && data[3] >= '1' && data[3] <= '9' &&
               memcmp(data + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0;
    return 1;
}

/* The legacy Chinese encoding the bytes are valid in: "GB18030", "BIG5",
 * or NULL. Big5 text is nearly always valid GB18030 byte for byte too;
 * but its second bytes are half the time in 0x40-0x7E, which simplified
 * Chinese in GB18030 (GB2312 range: both bytes 0xA1-0xFE) never has. A
 * sequence cut by the end of the sample counts as valid. */
static const char *legacy_encoding(const unsigned char *s, size_t len)
{
    size_t i = 0, pairs = 0, low_trail = 0;
    int gb = 1, big5 = 1;

    while (i < len && (gb || big5)) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c == 0x80 || c == 0xFF) {
            gb = big5 = 0;
            break;
        }
        if (i + 1 >= len)
            break;
        /* GB18030 four bytes: [81-FE][30-39][81-FE][30-39] */
        if (s[i + 1] >= 0x30 && s[i + 1] <= 0x39) {
            big5 = 0;
            if (i + 3 < len && !(s[i + 2] >= 0x81 && s[i + 2] <= 0xFE &&
                                 s[i + 3] >= 0x30 && s[i + 3] <= 0x39))
                gb = 0;
            i += 4;
            continue;
        }
        if (s[i + 1] < 0x40 || s[i + 1] == 0x7F || s[i + 1] == 0xFF)
            gb = big5 = 0;
        else if (s[i + 1] >= 0x80 && s[i + 1] <= 0xA0)
            big5 = 0;
        else if (s[i + 1] <= 0x7E)
            low_trail++;
        pairs++;
        i += 2;
    }
    if (pairs == 0)
        return NULL;
    if (big5 && low_trail * 8 >= pairs)
        return "BIG5";
    return gb ? "GB18030" : big5 ? "BIG5" : NULL;
}

int dg_reader_refuse(const char *data, size_t len, const char *name, dg_diag *diag)
{
    const unsigned char *u = (const unsigned char *)data;
    size_t i, nul = 0, nul_odd = 0, pair_text = 0, ctrl = 0, sample = len < DG_READER_SAMPLE ? len : DG_READER_SAMPLE;

    if (len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) ||
                     (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF))) {
        dg_diag_warn(diag, name, 1, "not UTF-8 (a UTF-32 byte order mark): skipped; "
                     "convert with iconv -f UTF-32 -t UTF-8");
        return 1;
    }
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        dg_diag_warn(diag, name, 1, "not UTF-8 (a UTF-16 byte order mark): skipped; "
                     "convert with iconv -f UTF-16 -t UTF-8");
        return 1;
    }
    for (i = 0; i < DG_ARRAY_LEN(binary_magic); i++)
        if (magic_matches(i, data, len)) {
            dg_diag_warn(diag, name, 1, "binary file (%s): skipped%s", binary_magic[i].what,
                         binary_magic[i].todo);
            return 1;
        }
    for (i = 0; i < sample; i++) {
        if (u[i] == 0) {
            /* the other byte of its pair, were this UTF-16 */
            unsigned char o = (i & 1) ? u[i - 1] : i + 1 < sample ? u[i + 1] : ' ';
            int text = (o >= 0x20 && o < 0x7F) || (o >= '\t' && o <= '\r');
            nul++;
            nul_odd += i & 1;
            pair_text += (size_t)text;
        } else if ((u[i] < 0x20 && !(u[i] >= '\t' && u[i] <= '\r') && u[i] != 0x1B) ||
                   u[i] == 0x7F) {
            ctrl++;
        }
    }
    /* a stray NUL or two in a short text file are replaced like bad bytes */
    if (nul >= 4 && nul * 100 > sample) {
        /* UTF-16 without a byte order mark: the zero bytes of its ASCII
         * characters all fall on one side of each pair, beside a
         * printable byte */
        if ((nul_odd * 20 >= nul * 19 || nul_odd * 20 <= nul) &&
            pair_text * 10 >= nul * 9) {
            const char *enc = nul_odd * 2 > nul ? "UTF-16LE" : "UTF-16BE";
            dg_diag_warn(diag, name, 1, "not UTF-8 (%s without a byte order mark?): skipped; "
                         "convert with iconv -f %s -t UTF-8", enc, enc);
            return 1;
        }
        dg_diag_warn(diag, name, 1, "binary file (%zu NUL bytes in the first %zu): skipped; "
                     "diplograph reads text, HTML and JSON Lines", nul, sample);
        return 1;
    }
    /* text in any encoding has next to no control characters */
    if (ctrl >= 4 && (nul + ctrl) * 100 > sample) {
        dg_diag_warn(diag, name, 1, "binary file (%zu control bytes in the first %zu): "
                     "skipped; diplograph reads text, HTML and JSON Lines", nul + ctrl, sample);
        return 1;
    }
    if (dg_utf8_validate(data, sample) < sample) {
        /* mostly invalid: another encoding (GB18030, Big5, Latin-1) */
        size_t bad = 0;
        const char *p = data, *end = data + sample, *enc;
        while (p < end) {
            int b = 0;
            dg_utf8_next(&p, end, &b);
            bad += (size_t)b;
        }
        /* a few stray bytes in UTF-8 text are replaced; a short file may
         * hold few bytes in all */
        if (!((bad >= 16 && bad * 20 > sample) || (bad >= 4 && bad * 4 > sample)))
            return 0;
        enc = legacy_encoding(u, sample);
        if (enc)
            dg_diag_warn(diag, name, 1, "not UTF-8 (looks like %s: %zu invalid bytes in the "
                         "first %zu): skipped; convert with iconv -f %s -t UTF-8",
                         strcmp(enc, "BIG5") == 0 ? "Big5" : enc, bad, sample, enc);
        else
            dg_diag_warn(diag, name, 1, "not UTF-8 (%zu invalid bytes in the first %zu; "
                         "Latin-1 or another encoding?): skipped; convert it to UTF-8 "
                         "(iconv -f ENCODING -t UTF-8)", bad, sample);
        return 1;
    }
    return 0;
}
