/* uthash, configured to allocate from the runtime's own allocator. */
#ifndef CRACE_HASHTABLE_H
#define CRACE_HASHTABLE_H

#include "alloc.h"

#define uthash_malloc(sz)  internal_alloc(sz)
#define uthash_free(p, sz) internal_free(p, sz)
#define uthash_fatal(msg)  crace_die("%s", msg)
#include <uthash.h>

#endif
