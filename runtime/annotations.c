/* The annotations of include/crace.h, under the names ThreadSanitizer and
 * Valgrind export (AnnotateHappensBefore, ...), so annotated programs work
 * unchanged.
 *
 * Ignoring accesses must cost nothing when no thread ignores: a thread
 * inside an ignore region gets an epoch with clock 0 (thread_epoch), which
 * no shadow record carries, so the fast path never matches and every access
 * reaches access_slow, which drops the ignored kinds. The fast path itself
 * is unchanged.
 *
 * Benign races are looked up only when a race is about to be reported. */
#include "annotations.h"
#include "alloc.h"
#include "spinlock.h"
#include "sync.h"

struct benign_range {
	uptr lo, hi;
};

static struct spinlock benign_lock = SPINLOCK_INIT;
static struct benign_range *benign;
static u32 nbenign, benign_cap;

bool benign_race(uptr addr)
{
	bool found = false;
	spin_lock(&benign_lock);
	for (u32 i = 0; i < nbenign && !found; i++)
		found = addr >= benign[i].lo && addr < benign[i].hi;
	spin_unlock(&benign_lock);
	return found;
}

static void benign_add(uptr addr, uptr size)
{
	if (!size)
		return;
	spin_lock(&benign_lock);
	if (nbenign == benign_cap) {
		u32 cap = benign_cap ? benign_cap * 2 : 16;
		benign = internal_realloc(benign, benign_cap * sizeof(*benign),
					  cap * sizeof(*benign));
		benign_cap = cap;
	}
	benign[nbenign++] = (struct benign_range){addr, addr + size};
	spin_unlock(&benign_lock);
}

/* Happens-before annotations get sync objects of their own (SYNC_ALT_KEY),
 * apart from those of atomics at the same address: a relaxed store to the
 * flag the annotation names must not clear what the annotation released. */
CRACE_EXPORT void AnnotateHappensBefore(const char *file, int line,
					const volatile void *addr)
{
	(void)file, (void)line;
	sync_release(cur_thread(), (uptr)addr | SYNC_ALT_KEY);
}

CRACE_EXPORT void AnnotateHappensAfter(const char *file, int line,
				       const volatile void *addr)
{
	(void)file, (void)line;
	sync_acquire(cur_thread(), (uptr)addr | SYNC_ALT_KEY);
}

CRACE_EXPORT void AnnotateBenignRaceSized(const char *file, int line,
					  const volatile void *addr,
					  size_t size, const char *desc)
{
	(void)file, (void)line, (void)desc;
	benign_add((uptr)addr, size);
}

CRACE_EXPORT void AnnotateBenignRace(const char *file, int line,
				     const volatile void *addr,
				     const char *desc)
{
	AnnotateBenignRaceSized(file, line, addr, 1, desc);
}

/* An unmatched End is ignored rather than letting the count go negative. */
static void ignore_adjust(int *count, int delta)
{
	struct crace_thread *thr = cur_thread();
	if (*count + delta < 0)
		return;
	*count += delta;
	thread_set_epoch(thr);
}

CRACE_EXPORT void AnnotateIgnoreReadsBegin(const char *file, int line)
{
	(void)file, (void)line;
	ignore_adjust(&cur_thread()->ignore_reads, 1);
}

CRACE_EXPORT void AnnotateIgnoreReadsEnd(const char *file, int line)
{
	(void)file, (void)line;
	ignore_adjust(&cur_thread()->ignore_reads, -1);
}

CRACE_EXPORT void AnnotateIgnoreWritesBegin(const char *file, int line)
{
	(void)file, (void)line;
	ignore_adjust(&cur_thread()->ignore_writes, 1);
}

CRACE_EXPORT void AnnotateIgnoreWritesEnd(const char *file, int line)
{
	(void)file, (void)line;
	ignore_adjust(&cur_thread()->ignore_writes, -1);
}

void annotations_fork_lock(void)
{
	spin_lock(&benign_lock);
}

void annotations_fork_unlock(void)
{
	spin_unlock(&benign_lock);
}
