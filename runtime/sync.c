#include "sync.h"
#include "alloc.h"

#define SYNC_STRIPES 4096

struct sync_stripe {
	struct spinlock lock;
	struct sync_obj *head;
} __attribute__((aligned(64)));

static struct sync_stripe stripes[SYNC_STRIPES];

static struct sync_stripe *stripe_of(uptr addr)
{
	return &stripes[(addr >> 3) * 0x9E3779B97F4A7C15ull >> 52];
}

struct sync_obj *sync_find(uptr addr, bool create)
{
	struct sync_stripe *st = stripe_of(addr);
	struct sync_obj *s;
	spin_lock(&st->lock);
	for (s = st->head; s; s = s->next)
		if (s->addr == addr)
			break;
	if (!s && create) {
		s = internal_alloc(sizeof(*s));
		s->addr = addr;
		vc_init(&s->vc);
		s->next = st->head;
		st->head = s;
	}
	spin_unlock(&st->lock);
	return s;
}

/* Objects are not freed: a thread may still hold one it found just before
 * the destroy (a use-after-destroy in the program); it stays valid memory,
 * merely unlinked. Its clock is dropped. */
void sync_destroy(uptr addr)
{
	struct sync_stripe *st = stripe_of(addr);
	spin_lock(&st->lock);
	for (struct sync_obj **p = &st->head; *p; p = &(*p)->next) {
		if ((*p)->addr == addr) {
			struct sync_obj *s = *p;
			*p = s->next;
			spin_lock(&s->lock);
			vc_free(&s->vc);
			spin_unlock(&s->lock);
			break;
		}
	}
	spin_unlock(&st->lock);
}

void sync_acquire(struct crace_thread *thr, uptr addr)
{
	struct sync_obj *s = sync_find(addr, false);
	if (!s)
		return;
	spin_lock(&s->lock);
	vc_join(&thr->vc, &s->vc);
	spin_unlock(&s->lock);
}

void sync_release(struct crace_thread *thr, uptr addr)
{
	struct sync_obj *s = sync_find(addr, true);
	spin_lock(&s->lock);
	vc_join(&s->vc, &thr->vc);
	spin_unlock(&s->lock);
	thread_tick(thr);
}
