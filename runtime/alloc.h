/* The runtime's own allocator: mmap-backed size classes, never the user's
 * malloc, so the runtime can allocate inside malloc, signal handlers and
 * reports without recursing into its own interceptors. */
#ifndef CRACE_ALLOC_H
#define CRACE_ALLOC_H

#include "common.h"

void *internal_alloc(size_t size);
void *internal_calloc(size_t n, size_t size);
void *internal_realloc(void *p, size_t old_size, size_t new_size);
void internal_free(void *p, size_t size);
char *internal_strdup(const char *s);

/* Anonymous private mapping that is reserved but only backed when touched.
 * Dies with a clear message when the kernel refuses (e.g. ulimit -v). */
void *internal_mmap(size_t size, const char *what);
void internal_munmap(void *p, size_t size);

/* Held across fork so the child never inherits a lock taken mid-way
 * (interceptors_process.c takes every module's in a fixed order). */
void alloc_fork_lock(void);
void alloc_fork_unlock(void);

#endif
