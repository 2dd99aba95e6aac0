/* Types, attributes and small helpers shared by every file of the runtime. */
#ifndef CRACE_COMMON_H
#define CRACE_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uintptr_t uptr;
typedef uint64_t u64;
typedef uint32_t u32;
typedef uint16_t u16;
typedef uint8_t u8;

#define CRACE_EXPORT  __attribute__((visibility("default")))
#define NOINLINE      __attribute__((noinline))
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define likely(x)     __builtin_expect(!!(x), 1)
#define unlikely(x)   __builtin_expect(!!(x), 0)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define CALLER_PC()   ((uptr)__builtin_return_address(0))

/* The runtime's own shared state is accessed with these, so the runtime is
 * free of data races itself (they compile to plain moves on x86-64). */
#define load_relaxed(p)	    __atomic_load_n((p), __ATOMIC_RELAXED)
#define store_relaxed(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define load_acquire(p)	    __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define store_release(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)

/* Prints "crace: <message>" as one line on stderr and exits with status 1.
 * Used for every user-facing fatal error (bad options, ABI mismatch, ...). */
__attribute__((noreturn, format(printf, 1, 2))) void crace_die(const char *fmt,
							       ...);

/* Internal invariant check: a failure is a crace bug, reported as such. */
#define CRACE_CHECK(cond)                                                      \
	do {                                                                   \
		if (unlikely(!(cond)))                                         \
			crace_check_failed(__FILE__, __LINE__, #cond);         \
	} while (0)
__attribute__((noreturn)) void crace_check_failed(const char *file, int line,
						  const char *cond);

/* Whether pc lies in libcrace.so's own code, delimited by the linker: for
 * the runtime's own calls into its exported libc interceptors, a signal that
 * interrupted the runtime, and runtime frames trimmed from reports. */
extern char __ehdr_start[] __attribute__((visibility("hidden")));
extern char etext[] __attribute__((visibility("hidden")));

static inline __attribute__((always_inline)) bool pc_in_runtime(uptr pc)
{
	return pc >= (uptr)__ehdr_start && pc < (uptr)etext;
}

#endif
