/* crace annotations: tell the race detector about synchronisation it cannot
 * see (custom lock-free code, hand-written futexes, ...).
 *
 * Self-contained: copy this header anywhere on the include path; C and C++.
 * The functions are weak, so a program that uses the macros links and runs
 * without crace too (each macro then does nothing); under crace they are
 * defined by libcrace.so. The functions carry the names and signatures of
 * the dynamic annotations of ThreadSanitizer and Valgrind
 * (AnnotateHappensBefore, ...), so code already annotated for those tools
 * works under crace unchanged.
 *
 *   CRACE_HAPPENS_BEFORE(addr)  everything the thread did so far happens
 *                               before whatever follows a later
 *   CRACE_HAPPENS_AFTER(addr)   on the same address (in any thread)
 *   CRACE_IGNORE_READS_BEGIN() / CRACE_IGNORE_READS_END()
 *   CRACE_IGNORE_WRITES_BEGIN() / CRACE_IGNORE_WRITES_END()
 *                               the calling thread's reads (writes) in
 *                               between are not checked; pairs nest
 *   CRACE_BENIGN_RACE(addr, size, "why")
 *                               races on [addr, addr + size) are not
 *                               reported (intended races, e.g. statistics)
 */
#ifndef CRACE_H
#define CRACE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CRACE_WEAK_ __attribute__((weak))

void AnnotateHappensBefore(const char *file, int line,
			   const volatile void *addr) CRACE_WEAK_;
void AnnotateHappensAfter(const char *file, int line,
			  const volatile void *addr) CRACE_WEAK_;
void AnnotateBenignRaceSized(const char *file, int line,
			     const volatile void *addr, size_t size,
			     const char *desc) CRACE_WEAK_;
void AnnotateBenignRace(const char *file, int line, const volatile void *addr,
			const char *desc) CRACE_WEAK_;
void AnnotateIgnoreReadsBegin(const char *file, int line) CRACE_WEAK_;
void AnnotateIgnoreReadsEnd(const char *file, int line) CRACE_WEAK_;
void AnnotateIgnoreWritesBegin(const char *file, int line) CRACE_WEAK_;
void AnnotateIgnoreWritesEnd(const char *file, int line) CRACE_WEAK_;

#ifdef __cplusplus
}
#endif

/* Calls fn when the runtime is loaded. */
#define CRACE_CALL_(fn, ...)                                                   \
	do {                                                                   \
		if (fn)                                                        \
			fn(__FILE__, __LINE__, ##__VA_ARGS__);                 \
	} while (0)

#define CRACE_HAPPENS_BEFORE(addr)  CRACE_CALL_(AnnotateHappensBefore, (addr))
#define CRACE_HAPPENS_AFTER(addr)   CRACE_CALL_(AnnotateHappensAfter, (addr))
#define CRACE_IGNORE_READS_BEGIN()  CRACE_CALL_(AnnotateIgnoreReadsBegin)
#define CRACE_IGNORE_READS_END()    CRACE_CALL_(AnnotateIgnoreReadsEnd)
#define CRACE_IGNORE_WRITES_BEGIN() CRACE_CALL_(AnnotateIgnoreWritesBegin)
#define CRACE_IGNORE_WRITES_END()   CRACE_CALL_(AnnotateIgnoreWritesEnd)
#define CRACE_BENIGN_RACE(addr, size, why)                                     \
	CRACE_CALL_(AnnotateBenignRaceSized, (addr), (size), (why))

#endif
