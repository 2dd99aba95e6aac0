/* Shadow directory, chunk creation, reset and the extension arena. */
#include "shadow.h"
#include "alloc.h"
#include "self_check.h"
#include <string.h>
#include <sys/mman.h>

struct shadow_cell *shadow_dir[DIR_ENTRIES];
/* Instrumented code reads the directory directly (crace_abi.h). */
extern __typeof__(shadow_dir) __crace_shadow_dir
	__attribute__((alias("shadow_dir"), visibility("default")));

#define EXT_MAX (1ul << 26)

struct shadow_ext *shadow_ext_arena;
static u64 ext_next = 1; /* index 0 is never used: tag 0 means empty */
static u64 ext_free_head;
static struct spinlock ext_lock = SPINLOCK_INIT;

void shadow_init(void)
{
	shadow_ext_arena = internal_mmap(EXT_MAX * sizeof(struct shadow_ext),
					 "shadow extensions");
	/* Cells and extensions are only touched with atomic operations. */
	hg_atomic_only(shadow_dir, sizeof(shadow_dir));
	hg_atomic_only(shadow_ext_arena, EXT_MAX * sizeof(struct shadow_ext));
}

struct shadow_cell *shadow_cell_create(uptr addr)
{
	if (addr >> APP_ADDR_BITS)
		return NULL;
	struct shadow_cell **slot = &shadow_dir[addr >> REGION_SHIFT];
	struct shadow_cell *chunk =
		internal_mmap(CHUNK_MAP_BYTES, "shadow memory");
	hg_atomic_only(chunk, CHUNK_MAP_BYTES);
	struct shadow_cell *expected = NULL;
	if (!__atomic_compare_exchange_n(slot, &expected, chunk, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		internal_munmap(chunk, CHUNK_MAP_BYTES);
		chunk = expected;
	}
	return chunk + ((addr & (REGION_SIZE - 1)) >> GRANULE_SHIFT);
}

/* Takes the cell's extension away before freeing it: a thread that still
 * holds the tag then finds the cell changed instead of writing into a free
 * extension (which would corrupt the free list). */
static void release_ext(struct shadow_cell *c)
{
	u64 tag = load_relaxed(&c->rec[CELL_TAG]);
	if (rec_is_ext(tag) && slot_cas(&c->rec[CELL_TAG], tag, 0))
		shadow_ext_free(tag);
}

static void reset_cells(struct shadow_cell *c, uptr n)
{
	for (uptr i = 0; i < n; i++) {
		release_ext(&c[i]);
		for (int k = 0; k < CELL_RECORDS; k++)
			store_relaxed(&c[i].rec[k], 0);
	}
}

/* Whether any of the four cells from c holds something: eight aligned
 * 16-byte loads ORed, a quarter of the instructions of 16 relaxed loads
 * (which the compiler neither widens nor folds). Each 8-byte slot is read
 * whole, as by a relaxed load. */
static ALWAYS_INLINE bool four_cells_used(struct shadow_cell *c)
{
	unsigned zero;
	__asm__("movdqa (%1), %%xmm0\n\t"
		"por 16(%1), %%xmm0\n\t"
		"por 32(%1), %%xmm0\n\t"
		"por 48(%1), %%xmm0\n\t"
		"por 64(%1), %%xmm0\n\t"
		"por 80(%1), %%xmm0\n\t"
		"por 96(%1), %%xmm0\n\t"
		"por 112(%1), %%xmm0\n\t"
		"pxor %%xmm1, %%xmm1\n\t"
		"pcmpeqb %%xmm1, %%xmm0\n\t"
		"pmovmskb %%xmm0, %0"
		: "=r"(zero)
		: "r"(c), "m"(*(const struct shadow_cell(*)[4])c)
		: "xmm0", "xmm1");
	return zero != 0xffff;
}

/* Clears only the cells that hold something, tested four at a time (most
 * cells of a large range are empty; clearing all four when one holds
 * something touches no other page): shadow pages nobody wrote are only
 * read, so they stay unbacked or share the kernel's zero page. */
static void reset_used_cells(struct shadow_cell *c, uptr n)
{
	uptr i = 0;
	for (; i + 4 <= n; i += 4)
		if (four_cells_used(&c[i]))
			reset_cells(&c[i], 4);
	for (; i < n; i++)
		if (shadow_cell_used(&c[i]))
			reset_cells(&c[i], 1);
}

/* A range of at least GIVE_BACK gives the shadow pages it covers whole back
 * to the kernel with MADV_DONTNEED (they read as zero again), so the shadow
 * of large freed and unmapped ranges does not stay resident; the partial
 * pages at the ends are cleared by hand. Below that, a small part (up to
 * 4 KiB of memory, as a recycled heap block, whose cells are mostly in use)
 * is cleared outright, a larger one where its cells are in use: reading
 * them costs far less than giving their pages back, a system call and then
 * a page fault on every shadow page touched again (a malloc/free loop of
 * 128 KiB blocks took twelve times as long so). ThreadSanitizer gives back
 * from 64 KiB, but its shadow is half as large per granule. */
#define GIVE_BACK ((uptr)4 << 20)
static void reset_chunk_part(struct shadow_cell *first, uptr n, bool give_back)
{
	const uptr page = 4096;
	const uptr small = 4096 >> GRANULE_SHIFT;
	uptr lo = (uptr)first, hi = (uptr)(first + n);
	uptr plo = (lo + page - 1) & ~(page - 1), phi = hi & ~(page - 1);
	if (!give_back || plo >= phi) {
		if (n <= small)
			reset_cells(first, n);
		else
			reset_used_cells(first, n);
		return;
	}
	reset_cells(first, (plo - lo) / sizeof(struct shadow_cell));
	for (struct shadow_cell *c = (void *)plo; c < (struct shadow_cell *)phi;
	     c++)
		release_ext(c);
	madvise((void *)plo, phi - plo, MADV_DONTNEED);
	reset_cells((void *)phi, (hi - phi) / sizeof(struct shadow_cell));
}

void shadow_reset(uptr addr, uptr size)
{
	uptr end = addr + size;
	bool give_back = size >= GIVE_BACK;
	if (end < addr || (addr >> APP_ADDR_BITS))
		return;
	if (end > (1ul << APP_ADDR_BITS))
		end = 1ul << APP_ADDR_BITS;
	addr &= ~(GRANULE_SIZE - 1);
	while (addr < end) {
		uptr region_end = (addr | (REGION_SIZE - 1)) + 1;
		uptr stop = end < region_end ? end : region_end;
		struct shadow_cell *c = shadow_cell_peek(addr);
		if (c)
			reset_chunk_part(c,
					 (stop - addr + GRANULE_SIZE - 1) >>
						 GRANULE_SHIFT,
					 give_back);
		addr = stop;
	}
}

u64 shadow_ext_alloc(struct shadow_ext **out)
{
	u64 idx;
	spin_lock(&ext_lock);
	if (ext_free_head) {
		idx = ext_free_head;
		/* Atomic: a thread holding a stale tag may still look at the
		 * records (and finds the cell changed). */
		ext_free_head = load_relaxed(&shadow_ext_arena[idx].rec[0]);
	} else {
		if (ext_next >= EXT_MAX)
			crace_die("out of memory: more than %lu shadow "
				  "extensions in use",
				  EXT_MAX);
		idx = ext_next++;
	}
	spin_unlock(&ext_lock);
	struct shadow_ext *e = &shadow_ext_arena[idx];
	store_relaxed(&e->n, 0);
	*out = e;
	return idx << 8;
}

void shadow_ext_free(u64 tag)
{
	u64 idx = tag >> 8;
	struct shadow_ext *e = &shadow_ext_arena[idx];
	spin_lock(&e->lock);
	store_relaxed(&e->n, 0);
	spin_unlock(&e->lock);
	spin_lock(&ext_lock);
	store_relaxed(&e->rec[0], ext_free_head);
	ext_free_head = idx;
	spin_unlock(&ext_lock);
}

/* The free list's lock, then every extension ever handed out (nobody holds
 * an extension's lock while waiting for the free list's). */
void shadow_fork_lock(void)
{
	spin_lock(&ext_lock);
	for (u64 i = 1; i < ext_next; i++)
		spin_lock(&shadow_ext_arena[i].lock);
}

void shadow_fork_unlock(void)
{
	for (u64 i = ext_next; i-- > 1;)
		spin_unlock(&shadow_ext_arena[i].lock);
	spin_unlock(&ext_lock);
}
