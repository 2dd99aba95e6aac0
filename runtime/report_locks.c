/* Lock-order inversion and mutex misuse reports. Locks are named M1, M2, ...
 * (condition variables C1) in the order a report first mentions them, with
 * their address; each named lock gets a "created at" section (its init, or
 * its first use when it was statically initialised), and each thread a
 * "created at" section, as in race reports. */
#include "report_locks.h"
#include "alloc.h"
#include "report.h"
#include "report_leaks.h"
#include "symbolize.h"

#include "hashtable.h"

#define MAX_NAMED 64 /* locks named in one report; longer cycles are cut */

static u64 nlock_order, nmisuse;

u64 report_locks_count(void)
{
	return load_relaxed(&nlock_order) + load_relaxed(&nmisuse);
}

/* Only the kinds that occurred, as in the text summary. */
void report_locks_json_counts(struct strbuf *sb)
{
	u64 n[3] = {load_relaxed(&nlock_order), load_relaxed(&nmisuse),
		    report_leaks_count()};
	static const char *const names[3] = {"lock-order-inversion",
					     "mutex-misuse", "thread-leak"};
	for (int i = 0; i < 3; i++)
		if (n[i])
			sb_printf(sb, ",\"%s\":%llu", names[i],
				  (unsigned long long)n[i]);
}

void report_locks_summary(struct strbuf *sb)
{
	u64 n = load_relaxed(&nlock_order);
	if (n)
		sb_printf(sb, "Found %llu lock order inversion(s)\n",
			  (unsigned long long)n);
	n = load_relaxed(&nmisuse);
	if (n)
		sb_printf(sb, "Found %llu mutex misuse(s)\n",
			  (unsigned long long)n);
}

/* The locks a report names, in order of first mention. */
struct names {
	const struct lock_node *n[MAX_NAMED];
	u32 count;
};

static u32 name_of(struct names *nm, const struct lock_node *n)
{
	for (u32 i = 0; i < nm->count; i++)
		if (nm->n[i] == n)
			return i + 1;
	if (nm->count == MAX_NAMED)
		return 0;
	nm->n[nm->count++] = n;
	return nm->count;
}

static char prefix_of(const struct lock_node *n)
{
	return n->type == LOCK_COND ? 'C' : 'M';
}

/* "M1 (0x...)" on first mention, "M1" after. */
static void lock_ref(struct strbuf *sb, struct names *nm,
		     const struct lock_node *n)
{
	u32 before = nm->count;
	u32 id = name_of(nm, n);
	sb_printf(sb, "%c%u", prefix_of(n), id);
	if (nm->count != before)
		sb_printf(sb, " (0x%012lx)", (unsigned long)n->addr);
}

static void describe_locks(struct strbuf *sb, const struct names *nm)
{
	for (u32 i = 0; i < nm->count; i++) {
		const struct lock_node *n = nm->n[i];
		stack_handle h = load_relaxed(&n->created);
		struct sym_data gd;
		if (!h)
			continue;
		sb_printf(sb, "%s %c%u",
			  n->type == LOCK_COND ? "Condition variable" : "Mutex",
			  prefix_of(n), i + 1);
		if (symbolize_data(n->addr, &gd))
			sb_printf(sb, " (global '%s')", gd.name);
		sb_printf(sb, " %s at:\n",
			  load_relaxed(&n->created_by_init) ? "created"
							    : "first used");
		report_text_stack(sb, h);
		sb_printf(sb, "\n");
	}
}

static const char *mode(bool write)
{
	return write ? "" : " (for reading)";
}

void report_lock_order(struct crace_thread *thr, const struct cycle_edge *cy,
		       u32 n)
{
	struct names nm = {.count = 0};
	int uids[MAX_NAMED];
	if (n > MAX_NAMED)
		n = MAX_NAMED;
	report_begin(thr);
	struct strbuf sb;
	sb_init(&sb);
	sb_printf(&sb, "==================\nWARNING: LOCK ORDER INVERSION "
		       "(potential deadlock)\nCycle in lock order graph: ");
	for (u32 i = 0; i < n; i++) {
		lock_ref(&sb, &nm, cy[i].from);
		sb_printf(&sb, " => ");
	}
	lock_ref(&sb, &nm, cy[0].from);
	sb_printf(&sb, "\n\n");
	for (u32 i = 0; i < n; i++) {
		const struct edge *e = &cy[i].e;
		sb_printf(&sb, "Mutex ");
		lock_ref(&sb, &nm, e->to);
		sb_printf(&sb, " acquired here%s while holding mutex ",
			  mode(e->acq_write));
		lock_ref(&sb, &nm, cy[i].from);
		sb_printf(&sb, "%s in ", mode(e->hold_write));
		report_text_thread_name(&sb, e->uid);
		sb_printf(&sb, ":\n");
		report_text_stack(&sb, e->acq_stack);
		sb_printf(&sb, "\nMutex ");
		lock_ref(&sb, &nm, cy[i].from);
		sb_printf(&sb,
			  " previously acquired by the same thread here:\n");
		report_text_stack(&sb, e->held_stack);
		sb_printf(&sb, "\n");
		uids[i] = e->uid;
	}
	describe_locks(&sb, &nm);
	report_text_threads(&sb, uids, (int)n);
	store_relaxed(&nlock_order, nlock_order + 1);
	report_end(thr, &sb, "lock-order-inversion");
}

/* Misuse is reported once per kind and call site. Report lock held. */
struct misuse_key {
	uptr key[2]; /* kind, pc */
	UT_hash_handle hh;
};
static struct misuse_key *misuse_seen;

static bool misuse_first(enum misuse_kind kind, uptr pc)
{
	struct misuse_key *k;
	uptr key[2] = {kind, pc};
	HASH_FIND(hh, misuse_seen, key, sizeof(key), k);
	if (k)
		return false;
	k = internal_alloc(sizeof(*k));
	k->key[0] = key[0];
	k->key[1] = key[1];
	HASH_ADD(hh, misuse_seen, key, sizeof(key), k);
	return true;
}

static const char *const titles[] = {
	[MISUSE_DOUBLE_LOCK] = "DOUBLE LOCK OF A MUTEX",
	[MISUSE_UNLOCK_UNLOCKED] = "UNLOCK OF AN UNLOCKED MUTEX",
	[MISUSE_UNLOCK_OTHER] = "UNLOCK OF A MUTEX HELD BY ANOTHER THREAD",
	[MISUSE_READ_UNLOCK_WRITE_LOCKED] =
		"READ UNLOCK OF A WRITE-LOCKED RWLOCK",
	[MISUSE_DESTROY_LOCKED] = "DESTROY OF A LOCKED MUTEX",
	[MISUSE_USE_DESTROYED] = "USE OF A DESTROYED MUTEX",
	[MISUSE_COND_WAIT_UNLOCKED] =
		"CONDITION WAIT WITHOUT HOLDING THE MUTEX",
	[MISUSE_COND_TWO_MUTEXES] = "CONDITION VARIABLE USED WITH TWO MUTEXES",
	[MISUSE_HELD_AT_EXIT] = "MUTEX HELD AT THREAD EXIT",
};

/* "thread T1" or, when no thread is known, `none`. */
static void holder(struct strbuf *sb, int uid, const char *none)
{
	if (uid >= 0)
		report_text_thread_name(sb, uid);
	else
		sb_printf(sb, "%s", none);
}

/* The first line, which says what happened; the stack where it happened
 * follows it. */
static void headline(struct strbuf *sb, struct names *nm,
		     struct crace_thread *thr, const struct misuse *m)
{
	if (m->kind == MISUSE_COND_WAIT_UNLOCKED ||
	    m->kind == MISUSE_COND_TWO_MUTEXES) {
		sb_printf(sb, "Condition variable ");
		lock_ref(sb, nm, m->cond);
		sb_printf(sb, " waited on by ");
		report_text_thread_name(sb, thr->uid);
		sb_printf(sb, " with mutex ");
		lock_ref(sb, nm, m->lock);
		if (m->kind == MISUSE_COND_WAIT_UNLOCKED) {
			sb_printf(sb, ", which it does not hold");
			if (m->other_uid >= 0) {
				sb_printf(sb, " (");
				report_text_thread_name(sb, m->other_uid);
				sb_printf(sb, " does)");
			}
		}
		sb_printf(sb, ":\n");
		return;
	}
	if (m->kind == MISUSE_HELD_AT_EXIT) {
		sb_printf(sb, "Thread T%d finished while holding mutex ",
			  thr->uid);
		lock_ref(sb, nm, m->lock);
		sb_printf(sb, ", acquired here:\n");
		return;
	}
	sb_printf(sb, "Mutex ");
	lock_ref(sb, nm, m->lock);
	switch (m->kind) {
	case MISUSE_DOUBLE_LOCK:
		sb_printf(sb, " locked again by ");
		report_text_thread_name(sb, thr->uid);
		sb_printf(sb, ", which already holds it:\n");
		break;
	case MISUSE_UNLOCK_UNLOCKED:
		sb_printf(sb, " unlocked by ");
		report_text_thread_name(sb, thr->uid);
		sb_printf(sb, " while no thread holds it:\n");
		break;
	case MISUSE_UNLOCK_OTHER:
		sb_printf(sb, " unlocked by ");
		report_text_thread_name(sb, thr->uid);
		sb_printf(sb, ", but ");
		holder(sb, m->other_uid, "other threads");
		sb_printf(sb, " %s it:\n",
			  m->other_uid >= 0 ? "holds" : "hold");
		break;
	case MISUSE_READ_UNLOCK_WRITE_LOCKED:
		sb_printf(sb, " unlocked by ");
		report_text_thread_name(sb, thr->uid);
		sb_printf(sb, ", which does not hold it, while ");
		report_text_thread_name(sb, m->other_uid);
		sb_printf(sb, " holds it for writing (the C library takes "
			      "this as a read unlock):\n");
		break;
	case MISUSE_DESTROY_LOCKED:
		sb_printf(sb, " destroyed by ");
		report_text_thread_name(sb, thr->uid);
		sb_printf(sb, " while ");
		holder(sb, m->other_uid, "readers");
		sb_printf(sb, " %s it:\n",
			  m->other_uid >= 0 ? "holds" : "hold");
		break;
	case MISUSE_USE_DESTROYED:
		sb_printf(sb, " used by ");
		report_text_thread_name(sb, thr->uid);
		sb_printf(sb, " after it was destroyed:\n");
		break;
	default:
		break;
	}
}

void report_misuse(struct crace_thread *thr, const struct misuse *m)
{
	struct names nm = {.count = 0};
	report_begin(thr);
	if (!misuse_first(m->kind, m->pc)) {
		report_cancel(thr);
		return;
	}
	struct strbuf sb;
	sb_init(&sb);
	sb_printf(&sb, "==================\nWARNING: %s\n", titles[m->kind]);
	headline(&sb, &nm, thr, m);
	if (m->kind == MISUSE_HELD_AT_EXIT) {
		report_text_stack(&sb, m->other_stack);
	} else {
		report_text_stack(&sb, m->stack);
		if (m->other_stack) {
			sb_printf(&sb, "\n");
			if (m->kind == MISUSE_DOUBLE_LOCK) {
				sb_printf(&sb, "Mutex ");
				lock_ref(&sb, &nm, m->lock);
				sb_printf(&sb, " previously acquired by the "
					       "same thread here:\n");
			} else if (m->kind == MISUSE_USE_DESTROYED) {
				sb_printf(&sb, "Mutex ");
				lock_ref(&sb, &nm, m->lock);
				sb_printf(&sb, " destroyed by ");
				holder(&sb, m->other_uid, "a thread");
				sb_printf(&sb, " here:\n");
			} else if (m->kind == MISUSE_COND_TWO_MUTEXES) {
				sb_printf(&sb, "Condition variable ");
				lock_ref(&sb, &nm, m->cond);
				sb_printf(&sb, " also waited on by ");
				holder(&sb, m->other_uid, "a thread");
				sb_printf(&sb, " with mutex ");
				lock_ref(&sb, &nm, m->other_lock);
				sb_printf(&sb, ":\n");
			}
			report_text_stack(&sb, m->other_stack);
		}
	}
	sb_printf(&sb, "\n");
	describe_locks(&sb, &nm);
	int uids[2] = {thr->uid, m->other_uid};
	report_text_threads(&sb, uids, 2);
	store_relaxed(&nmisuse, nmisuse + 1);
	report_end(thr, &sb, "mutex-misuse");
}

void report_locks_fork_child(void)
{
	store_relaxed(&nlock_order, 0);
	store_relaxed(&nmisuse, 0);
	misuse_seen = NULL; /* left allocated, as the parent's */
	report_leaks_fork_child();
}
