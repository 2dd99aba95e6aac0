/* Internal allocator: power-of-two size classes carved from mmap'd slabs,
 * one free list and lock per class; large blocks are mmap'd directly. */
#include "alloc.h"
#include "self_check.h"
#include "spinlock.h"
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MIN_SHIFT 4  /* 16 bytes */
#define MAX_SHIFT 16 /* 64 KiB; larger sizes are mmap'd */
#define NCLASSES  (MAX_SHIFT - MIN_SHIFT + 1)
#define SLAB_SIZE (1u << 20)

struct free_block {
	struct free_block *next;
};

struct size_class {
	struct spinlock lock;
	struct free_block *free;
	char *bump, *bump_end;
};

static struct size_class classes[NCLASSES];

static char mapping_order; /* see tsan_release in self_check.h */

/* Raw system calls: the runtime's own mappings must not pass through its
 * mmap interceptor (which would look up, or even create, the thread they
 * are made for). */
void *internal_mmap(size_t size, const char *what)
{
	void *p = (void *)syscall(SYS_mmap, NULL, size, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
				  -1, 0);
	if (p == MAP_FAILED)
		crace_die("out of memory: cannot map %zu bytes for %s (%s)",
			  size, what, strerror(errno));
	tsan_acquire(&mapping_order);
	return p;
}

void internal_munmap(void *p, size_t size)
{
	tsan_release(&mapping_order);
	syscall(SYS_munmap, p, size);
}

static unsigned class_of(size_t size)
{
	unsigned shift = MIN_SHIFT;
	while (((size_t)1 << shift) < size)
		shift++;
	return shift - MIN_SHIFT;
}

static size_t large_size(size_t size)
{
	return (size + 4095) & ~(size_t)4095;
}

void *internal_alloc(size_t size)
{
	if (size == 0)
		size = 1;
	if (size > ((size_t)1 << MAX_SHIFT))
		return internal_mmap(large_size(size), "runtime data");
	unsigned c = class_of(size);
	size_t bsize = (size_t)1 << (c + MIN_SHIFT);
	struct size_class *sc = &classes[c];
	void *p;
	spin_lock(&sc->lock);
	if (sc->free) {
		p = sc->free;
		sc->free = sc->free->next;
	} else {
		if (sc->bump + bsize > sc->bump_end) {
			sc->bump = internal_mmap(SLAB_SIZE, "runtime data");
			sc->bump_end = sc->bump + SLAB_SIZE;
		}
		p = sc->bump;
		sc->bump += bsize;
	}
	spin_unlock(&sc->lock);
	memset(p, 0, bsize);
	return p;
}

void *internal_calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		crace_die("out of memory: runtime allocation overflow");
	return internal_alloc(n * size);
}

void internal_free(void *p, size_t size)
{
	if (!p)
		return;
	if (size == 0)
		size = 1;
	if (size > ((size_t)1 << MAX_SHIFT)) {
		internal_munmap(p, large_size(size));
		return;
	}
	struct size_class *sc = &classes[class_of(size)];
	struct free_block *b = p;
	spin_lock(&sc->lock);
	b->next = sc->free;
	sc->free = b;
	spin_unlock(&sc->lock);
}

void *internal_realloc(void *p, size_t old_size, size_t new_size)
{
	void *n = internal_alloc(new_size);
	if (p) {
		memcpy(n, p, old_size < new_size ? old_size : new_size);
		internal_free(p, old_size);
	}
	return n;
}

char *internal_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = internal_alloc(n);
	memcpy(d, s, n);
	return d;
}

void alloc_fork_lock(void)
{
	for (int i = 0; i < NCLASSES; i++)
		spin_lock(&classes[i].lock);
}

void alloc_fork_unlock(void)
{
	for (int i = NCLASSES - 1; i >= 0; i--)
		spin_unlock(&classes[i].lock);
}
