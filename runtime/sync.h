/* Synchronisation objects: a vector clock per address that carries
 * happens-before (mutexes, atomics' locations, ...). Found through a striped
 * hash table; an object lives until its address is destroyed. */
#ifndef CRACE_SYNC_H
#define CRACE_SYNC_H

#include "spinlock.h"
#include "thread.h"

struct sync_obj {
	uptr addr;
	struct sync_obj *next;
	struct spinlock lock; /* guards vc */
	struct vclock vc;
};

/* The object for addr; NULL when !create and there is none. */
struct sync_obj *sync_find(uptr addr, bool create);
void sync_destroy(uptr addr);

/* thr acquires what was released to addr (no-op when nothing was). */
void sync_acquire(struct crace_thread *thr, uptr addr);
/* thr releases to addr (unlock, post, signal): its clock is joined into the
 * object's, then it ticks. Atomics do the same under the lock they hold. */
void sync_release(struct crace_thread *thr, uptr addr);

#endif
