/* Annotations for the tools that check the runtime itself.
 *
 * valgrind's helgrind does not understand C11 atomics. Built with
 * -DCRACE_HELGRIND (make stress does, for its helgrind run), the runtime tells
 * helgrind that a spinlock's release happens before its next acquire, where
 * lock-free data is published and consumed, and which memory is only ever
 * touched with atomic operations (helgrind cannot tell those apart from plain
 * ones; the ThreadSanitizer build checks them). Otherwise the annotations
 * compile to nothing. */
#ifndef CRACE_SELF_CHECK_H
#define CRACE_SELF_CHECK_H

#ifdef CRACE_HELGRIND
#include <valgrind/helgrind.h>
#define hg_happens_before(p) ANNOTATE_HAPPENS_BEFORE(p)
#define hg_happens_after(p)  ANNOTATE_HAPPENS_AFTER(p)
#define hg_atomic_only(p, n) VALGRIND_HG_DISABLE_CHECKING(p, n)
#else
#define hg_happens_before(p) ((void)(p))
#define hg_happens_after(p)  ((void)(p))
#define hg_atomic_only(p, n) ((void)(p), (void)(n))
#endif

/* Built with -fsanitize=thread (make stress's run of the unit stress): the
 * runtime maps memory with raw system calls, which ThreadSanitizer does not
 * see, so it is told that an unmap happens before a later map (which may
 * return the same addresses), as the kernel orders them. */
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CRACE_TSAN 1
#endif
#endif
#ifdef CRACE_TSAN
void __tsan_acquire(void *addr);
void __tsan_release(void *addr);
#define tsan_acquire(p) __tsan_acquire(p)
#define tsan_release(p) __tsan_release(p)
#else
#define tsan_acquire(p) ((void)(p))
#define tsan_release(p) ((void)(p))
#endif

#endif
