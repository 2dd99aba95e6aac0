#include "deadlock.h"
#include "alloc.h"
#include "held_locks.h"
#include "mutex_state.h"
#include "report_locks.h"
#include "spinlock.h"

#include "hashtable.h"

/* Guards every node's out-edges and visit stamps, the DFS state and the set
 * of reported cycles. Taken only to add an edge a thread has not seen yet,
 * or when a lock that has edges goes away. */
static struct spinlock graph_lock = SPINLOCK_INIT;
static u32 search_stamp;

/* Breadth-first search state: the queue keeps every visited node with the
 * edge and item it was reached from, for the path back. */
struct bfs_item {
	struct lock_node *node;
	const struct edge *via;
	u32 parent;
	bool write; /* the mode the node is waited for in */
};
static struct bfs_item *bfs_queue;
static u32 bfs_cap;

/* Cycles already reported, by a hash of their sorted (node, gen) set, so a
 * cycle closed again through other modes or other threads is not repeated. */
struct seen_cycle {
	u64 key;
	UT_hash_handle hh;
};
static struct seen_cycle *seen_cycles;

static u8 modes_of(bool hold_write, bool acq_write)
{
	return (u8)(hold_write | acq_write << 1);
}

static struct edge_cache_entry *cache_slot(struct edge_cache *c,
					   struct lock_node *from,
					   struct lock_node *to, u8 modes)
{
	uptr h = ((uptr)from >> 4) * 0x9E3779B97F4A7C15ull ^ ((uptr)to >> 4) ^
		 modes;
	return &c->e[(h ^ h >> 32) % EDGE_CACHE_SIZE];
}

static void bfs_push(u32 *tail, struct bfs_item it)
{
	if (*tail == bfs_cap) {
		u32 cap = bfs_cap ? 2 * bfs_cap : 256;
		bfs_queue = internal_realloc(bfs_queue,
					     bfs_cap * sizeof(*bfs_queue),
					     cap * sizeof(*bfs_queue));
		bfs_cap = cap;
	}
	bfs_queue[(*tail)++] = it;
	it.node->visit[it.write] = search_stamp;
}

/* Graph lock held. The shortest path of conflicting waits from `start`
 * (waited for in mode start_write) back to `target` (held in mode
 * target_hold_write by the thread adding the new edge), so the report
 * shows the smallest cycle. Returns the queue index of the item for
 * `target`, or -1. */
static int find_path(struct lock_node *start, bool start_write,
		     struct lock_node *target, bool target_hold_write)
{
	u32 head = 0, tail = 0;
	search_stamp++;
	bfs_push(&tail, (struct bfs_item){start, NULL, 0, start_write});
	while (head < tail) {
		u32 i = head++;
		struct lock_node *n = bfs_queue[i].node;
		bool write = bfs_queue[i].write;
		if (n == target) {
			/* Two readers do not wait for each other. */
			if (write || target_hold_write)
				return (int)i;
			continue;
		}
		for (u32 k = 0; k < n->nout; k++) {
			const struct edge *c = &n->out[k];
			/* Skipped: edges to a lock destroyed since, and from
			 * a lock held for reading when it is waited for in
			 * read mode too. */
			if (load_relaxed(&c->to->gen) != c->to_gen ||
			    !(write || c->hold_write) ||
			    c->to->visit[c->acq_write] == search_stamp)
				continue;
			bfs_push(&tail,
				 (struct bfs_item){c->to, c, i, c->acq_write});
		}
	}
	return -1;
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;
	return x < y ? -1 : x > y;
}

/* Graph lock held. Records the cycle as reported; false if it already
 * was. */
static bool first_report_of(const struct cycle_edge *cy, u32 n)
{
	u64 ids[n];
	for (u32 i = 0; i < n; i++)
		ids[i] = cy[i].from->addr * 31 + cy[i].from_gen;
	/* Insertion sort: cycles are short. */
	for (u32 i = 1; i < n; i++)
		for (u32 j = i; j > 0 && cmp_u64(&ids[j - 1], &ids[j]) > 0;
		     j--) {
			u64 t = ids[j];
			ids[j] = ids[j - 1];
			ids[j - 1] = t;
		}
	u64 key = 0xcbf29ce484222325ull;
	for (u32 i = 0; i < n; i++)
		key = (key ^ ids[i]) * 0x100000001b3ull;
	struct seen_cycle *s;
	HASH_FIND(hh, seen_cycles, &key, sizeof(key), s);
	if (s)
		return false;
	s = internal_alloc(sizeof(*s));
	s->key = key;
	HASH_ADD(hh, seen_cycles, key, sizeof(key), s);
	return true;
}

/* Graph lock held. Drops edges whose target has gone, to keep lists of
 * locks that see many short-lived successors short. */
static void compact_edges(struct lock_node *n)
{
	u32 k = 0;
	for (u32 i = 0; i < n->nout; i++)
		if (load_relaxed(&n->out[i].to->gen) == n->out[i].to_gen)
			n->out[k++] = n->out[i];
	n->nout = k;
}

static struct edge *edge_find(struct lock_node *from, struct lock_node *to,
			      u32 to_gen, bool hold_write, bool acq_write)
{
	for (u32 i = 0; i < from->nout; i++) {
		struct edge *e = &from->out[i];
		if (e->to == to && e->to_gen == to_gen &&
		    e->hold_write == hold_write && e->acq_write == acq_write)
			return e;
	}
	return NULL;
}

/* Adds from -> to unless it is there; on a new edge, looks for the cycle it
 * closes and reports it once. Returns false if either lock went away. */
static NOINLINE bool add_edge(struct crace_thread *thr,
			      const struct held_lock *h, struct lock_node *to,
			      u32 to_gen, bool write, stack_handle *acq_stack,
			      uptr pc0, uptr pc1)
{
	struct lock_node *from = h->node;
	stack_handle held = held_stack(h);
	if (!*acq_stack)
		*acq_stack = thread_stack_handle(thr, pc0, pc1);
	struct cycle_edge *cycle = NULL;
	u32 ncycle = 0, len = 0;

	spin_lock(&graph_lock);
	if (load_relaxed(&from->gen) != h->gen ||
	    load_relaxed(&to->gen) != to_gen) {
		spin_unlock(&graph_lock);
		return false;
	}
	if (edge_find(from, to, to_gen, h->write, write)) {
		spin_unlock(&graph_lock);
		return true;
	}
	compact_edges(from);
	if (from->nout == from->out_cap) {
		u32 cap = from->out_cap ? 2 * from->out_cap : 4;
		from->out = internal_realloc(from->out,
					     from->out_cap * sizeof(*from->out),
					     cap * sizeof(*from->out));
		from->out_cap = cap;
	}
	struct edge *e = &from->out[from->nout];
	*e = (struct edge){.to = to,
			   .to_gen = to_gen,
			   .hold_write = h->write,
			   .acq_write = write,
			   .uid = thr->uid,
			   .held_stack = held,
			   .acq_stack = *acq_stack};
	store_relaxed(&from->nout, from->nout + 1);

	int found = find_path(to, write, from, h->write);
	if (found >= 0) {
		/* The path from the new edge's target back to its source,
		 * then the new edge, which closes the cycle. */
		ncycle = 1;
		for (u32 i = (u32)found; i; i = bfs_queue[i].parent)
			ncycle++;
		cycle = internal_alloc(ncycle * sizeof(*cycle));
		u32 k = ncycle - 1;
		cycle[k] = (struct cycle_edge){from, h->gen, *e};
		for (u32 i = (u32)found; i; i = bfs_queue[i].parent) {
			const struct bfs_item *it = &bfs_queue[i];
			struct lock_node *src = bfs_queue[it->parent].node;
			cycle[--k] = (struct cycle_edge){
				.from = src,
				.from_gen = load_relaxed(&src->gen),
				.e = *it->via};
		}
		len = ncycle;
		if (!first_report_of(cycle, ncycle))
			ncycle = 0;
	}
	spin_unlock(&graph_lock);

	if (ncycle)
		report_lock_order(thr, cycle, ncycle);
	if (cycle)
		internal_free(cycle, len * sizeof(*cycle));
	return true;
}

#define EDGE_WINDOW 128

void deadlock_before_lock(struct crace_thread *thr, struct lock_set *ls,
			  struct lock_node *to, u32 to_gen, bool write,
			  uptr pc0, uptr pc1)
{
	stack_handle acq_stack = 0;
	/* Edges from the innermost EDGE_WINDOW held locks only: every lock
	 * acquired while A was held is still reachable from A through edges
	 * from innermost locks, so no cycle is missed, and a thread holding
	 * thousands of locks does not add a quadratic number of edges. */
	u32 first = ls->n > EDGE_WINDOW ? ls->n - EDGE_WINDOW : 0;
	for (u32 i = first; i < ls->n; i++) {
		const struct held_lock *h = &ls->held[i];
		if (h->node == to)
			continue;
		u8 modes = modes_of(h->write, write);
		struct edge_cache_entry *c =
			cache_slot(&ls->cache, h->node, to, modes);
		if (likely(c->from == h->node && c->to == to &&
			   c->from_gen == h->gen && c->to_gen == to_gen &&
			   c->modes == modes))
			continue;
		if (add_edge(thr, h, to, to_gen, write, &acq_stack, pc0, pc1))
			*c = (struct edge_cache_entry){h->node, to, h->gen,
						       to_gen, modes};
	}
}

void deadlock_forget(struct lock_node *n)
{
	spin_lock(&graph_lock);
	n->nout = 0;
	spin_unlock(&graph_lock);
}

void deadlock_fork_lock(void)
{
	spin_lock(&graph_lock);
}

void deadlock_fork_unlock(void)
{
	spin_unlock(&graph_lock);
}

void deadlock_fork_child(void)
{
	/* The parent's set stays allocated: the child just stops using it. */
	seen_cycles = NULL;
}
