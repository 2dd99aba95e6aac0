/* The ABI between code instrumented by libcrace-pass.so and the runtime
 * libcrace.so. The pass emits calls to exactly these functions; the runtime
 * defines them. Any change to a signature or meaning bumps CRACE_ABI_VERSION.
 *
 * The pass declares every hook as an extern_weak symbol, so an instrumented
 * binary links with plain clang and no extra library. Each instrumented module
 * gets a constructor that checks __crace_init is present (it is not when the
 * binary runs without LD_PRELOAD=libcrace.so: one line on stderr, exit 1) and
 * then calls __crace_init(CRACE_ABI_VERSION, &crace.epoch), which refuses a
 * binary built for another ABI version.
 *
 * The inline fast path. Before the hook of a plain aligned access of 1, 2,
 * 4, 8 or 16 bytes, the pass emits the runtime's same-epoch test itself, so
 * the commonest case is a dozen instructions and no call:
 *
 *   epoch = crace.epoch      the module's own initial-exec TLS copy of the
 *                            running thread's epoch, kept current by the
 *                            runtime (0 until it knows the thread)
 *   chunk = __crace_shadow_dir[(addr >> 22) & (2^25 - 1)]
 *   cell  = chunk + ((addr & 0x3ffff8) << 2)        four 64-bit records
 *   the access is covered, and needs nothing more, when chunk is not NULL
 *   and a record r of the cell has (r & ~(0xff | ignore)) == epoch | W and
 *   every byte of the access in its mask (r & 0xff), where W is 1 << 25 for
 *   a write and 0 for a read, and ignore is 1 << 25 for a read, 0 for a write
 *   (a 16-byte access tests both granules; the second's cell is the first's
 *   plus 32: past a region's last granule that is an empty cell the runtime
 *   maps after every chunk, so the hook decides)
 *
 * Otherwise it calls the hook with the address and the first granule's cell
 * (NULL when chunk is: __crace_cell_of below), so the hook does not look
 * the cell up again. So the directory geometry and the record layout of
 * runtime/shadow.h are part of this ABI: changing them bumps the version.
 *
 * Memory orders are passed as C11 memory_order values (CRACE_MO_*). */
#ifndef CRACE_ABI_H
#define CRACE_ABI_H

#include <stddef.h>
#include <stdint.h>

#define CRACE_ABI_VERSION 4

enum {
	CRACE_MO_RELAXED = 0,
	CRACE_MO_CONSUME = 1,
	CRACE_MO_ACQUIRE = 2,
	CRACE_MO_RELEASE = 3,
	CRACE_MO_ACQ_REL = 4,
	CRACE_MO_SEQ_CST = 5,
};

#ifdef __cplusplus
extern "C" {
#endif

void __crace_init(unsigned abi_version, uint64_t *epoch_copy);
extern void *__crace_shadow_dir[];

/* The cell a sized hook is given: that of addr's granule, or NULL while
 * its region has no shadow. */
static inline void *__crace_cell_of(const void *addr)
{
	uintptr_t a = (uintptr_t)addr;
	char *chunk = (char *)__crace_shadow_dir[(a >> 22) & ((1ul << 25) - 1)];
	return chunk ? chunk + ((a & 0x3ffff8) << 2) : NULL;
}

/* Plain (and volatile) accesses, scalars and vectors. Sizes 1..8 aligned to
 * their size, 16 aligned to 8; anything else (unaligned, odd sizes) goes
 * through the range calls. cell is __crace_cell_of(addr). */
void __crace_read1(const void *addr, void *cell);
void __crace_read2(const void *addr, void *cell);
void __crace_read4(const void *addr, void *cell);
void __crace_read8(const void *addr, void *cell);
void __crace_read16(const void *addr, void *cell);
void __crace_write1(void *addr, void *cell);
void __crace_write2(void *addr, void *cell);
void __crace_write4(void *addr, void *cell);
void __crace_write8(void *addr, void *cell);
void __crace_write16(void *addr, void *cell);
void __crace_read_range(const void *addr, size_t size);
void __crace_write_range(void *addr, size_t size);

/* Function entry pushes the return address into the caller (the call site's
 * pc) on the thread's shadow stack; exit pops it. The pass emits exit on every
 * path out of the function, unwinding included. */
void __crace_func_entry(void *caller_pc);
void __crace_func_exit(void);

/* Atomics: the runtime performs the operation and its happens-before update as
 * one step. N is the width in bits; values travel as unsigned integers of that
 * width (the pass bitcasts floats and pointers). compare_exchange returns the
 * value read; the pass compares it with `expected` to build the success flag.
 */
#define CRACE_ATOMIC_DECLS(N)                                                  \
	uint##N##_t __crace_atomic##N##_load(const volatile void *addr,        \
					     int mo);                          \
	void __crace_atomic##N##_store(volatile void *addr, uint##N##_t v,     \
				       int mo);                                \
	uint##N##_t __crace_atomic##N##_exchange(volatile void *addr,          \
						 uint##N##_t v, int mo);       \
	uint##N##_t __crace_atomic##N##_fetch_add(volatile void *addr,         \
						  uint##N##_t v, int mo);      \
	uint##N##_t __crace_atomic##N##_fetch_sub(volatile void *addr,         \
						  uint##N##_t v, int mo);      \
	uint##N##_t __crace_atomic##N##_fetch_and(volatile void *addr,         \
						  uint##N##_t v, int mo);      \
	uint##N##_t __crace_atomic##N##_fetch_or(volatile void *addr,          \
						 uint##N##_t v, int mo);       \
	uint##N##_t __crace_atomic##N##_fetch_xor(volatile void *addr,         \
						  uint##N##_t v, int mo);      \
	uint##N##_t __crace_atomic##N##_fetch_nand(volatile void *addr,        \
						   uint##N##_t v, int mo);     \
	uint##N##_t __crace_atomic##N##_compare_exchange_val(                  \
		volatile void *addr, uint##N##_t expected,                     \
		uint##N##_t desired, int mo, int failure_mo);

CRACE_ATOMIC_DECLS(8)
CRACE_ATOMIC_DECLS(16)
CRACE_ATOMIC_DECLS(32)
CRACE_ATOMIC_DECLS(64)
#undef CRACE_ATOMIC_DECLS

void __crace_atomic_thread_fence(int mo);
void __crace_atomic_signal_fence(int mo);

/* memcpy/memmove/memset intrinsics: the runtime checks both ranges and does
 * the copy. */
void *__crace_memcpy(void *dst, const void *src, size_t n);
void *__crace_memmove(void *dst, const void *src, size_t n);
void *__crace_memset(void *dst, int c, size_t n);

#ifdef __cplusplus
}
#endif

#endif
