#ifndef NIANBAO_CLIBXML2_SHIM_H
#define NIANBAO_CLIBXML2_SHIM_H
#include <stdint.h>
/* Keep the system ICU headers out: Debian's libxml/encoding.h includes ICU 72 <unicode/ucnv.h>,
   which clashes with the ICU 75 headers that Foundation bundles. The struct layout is unchanged
   (only pointers are used). */
#define UCNV_H 1
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

static inline void cxml_free(void *p) { xmlFree(p); }   /* xmlFree is a macro (THREAD_ALLOC) */
static void cxml_noop_generic(void *c, const char *m, ...) { (void)c; (void)m; }
static void cxml_noop_structured(void *c, xmlErrorPtr e) { (void)c; (void)e; }
/* Error handlers are per thread in libxml2 2.9: call this inside every parse. */
static inline void cxml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, cxml_noop_generic);
    xmlSetStructuredErrorFunc(NULL, cxml_noop_structured);
}
#endif
