#ifndef MYCO_CLIBXML2_SHIM_H
#define MYCO_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its ICU headers clash with Foundation's own copy of ICU.
   Myco never touches libxml2's encoding handlers, so hide the ICU part of the headers. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/parserInternals.h>

/* xmlFree is a global function-pointer variable in libxml2; Swift 6 cannot touch shared mutable
   state, so call it through a function. */
static inline void myco_xml_free(void *pointer) { xmlFree(pointer); }
#endif
