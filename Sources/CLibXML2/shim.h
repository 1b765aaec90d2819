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
#include <libxml/globals.h>

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

/// The thread's global structured error handler and its context. In libxml2 2.9.14, once a schema
/// is attached to a text reader, parse errors reach only this handler (not the reader's), so the
/// reader sets it around its synchronous read loop and restores what was there before.
typedef struct {
    xmlStructuredErrorFunc handler;
    void *context;
} kompass_StructuredErrorState;

static inline kompass_StructuredErrorState kompass_currentStructuredErrorState(void) {
    kompass_StructuredErrorState state;
    state.handler = xmlStructuredError;
    state.context = xmlStructuredErrorContext;
    return state;
}

static inline void kompass_restoreStructuredErrorState(kompass_StructuredErrorState state) {
    xmlSetStructuredErrorFunc(state.context, state.handler);
}

#endif
