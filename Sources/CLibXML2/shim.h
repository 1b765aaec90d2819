#ifndef KOMPASS_CLIBXML2_SHIM_H
#define KOMPASS_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian's headers are built with ICU; seen together with Foundation that clashes
// ('UErrorCode' has different definitions). We use none of the ICU parts.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/tree.h>

/// xmlFree is a global function pointer, which Swift 6 cannot call safely.
static inline void kompass_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// An external entity loader that loads nothing: no file, no network.
static inline xmlParserInputPtr kompass_denyEntityLoader(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

static inline void kompass_installDenyAllEntityLoader(void) {
    xmlSetExternalEntityLoader(kompass_denyEntityLoader);
}

#endif
