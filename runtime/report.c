/* Race reports: restore the previous access's stack from its thread's
 * trace, symbolize both stacks, describe the memory and the threads into a
 * struct report, then render it in the configured format and write it as
 * one piece, as soon as it is found (a process that dies right after loses
 * nothing). */
#include "report.h"
#include "alloc.h"
#include "annotations.h"
#include "fd.h"
#include "heap.h"
#include "options.h"
#include "report_leaks.h"
#include "report_locks.h"
#include "shadow.h"
#include "spinlock.h"
#include "suppressions.h"
#include "symbolize.h"
#include "trace.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hashtable.h"

#define MAX_INLINE 8

struct pc_pair {
	uptr key[2]; /* the two access pcs, smaller first */
	UT_hash_handle hh;
};

static struct spinlock report_lock = SPINLOCK_INIT;
static struct pc_pair *reported;
static u64 nraces;
static int summary_printed;

u64 report_count(void)
{
	return load_relaxed(&nraces) + report_locks_count() +
	       report_leaks_count();
}

/* Records the pair {a, b} (a <= b); whether it was there already. */
static bool remember_pair(uptr a, uptr b)
{
	struct pc_pair *p;
	uptr key[2] = {a, b};
	HASH_FIND(hh, reported, key, sizeof(key), p);
	if (p)
		return true;
	p = internal_alloc(sizeof(*p));
	memcpy(p->key, key, sizeof(key));
	HASH_ADD(hh, reported, key, sizeof(key), p);
	return false;
}

/* A pair of source locations is reported once, whichever access came
 * first. A previous access whose stack could not be restored has pc 0: its
 * race is new only if the current location was in no report yet, since it
 * is most likely a race already shown with both stacks. Report lock held. */
static bool already_reported(uptr a, uptr b)
{
	if (a > b) {
		uptr t = a;
		a = b;
		b = t;
	}
	if (remember_pair(a, b))
		return true;
	if (a) {
		remember_pair(0, a);
		remember_pair(0, b);
	}
	return false;
}

static const char *strip_prefix(const char *file)
{
	const char *pre = crace_opts.strip_path_prefix;
	size_t n = strlen(pre);
	return n && !strncmp(file, pre, n) ? file + n : file;
}

/* Symbolizes pcs into frames; return addresses (all but an interceptor's
 * own entry) are looked up at pc - 1 so the call, not the next line, is
 * named. The program's stack ends where the runtime's thread or main
 * trampoline called into it; trailing frames without source (libc's start-up)
 * are dropped. */
static void symbolize_stack(const uptr *pcs, u32 n, bool first_is_entry,
			    struct report_stack *out)
{
	u32 m = 0;
	bool ours[REPORT_MAX_FRAMES];
	for (u32 i = 0; i < n && m < REPORT_MAX_FRAMES; i++) {
		if (!pcs[i])
			continue;
		bool ret_addr = !(i == 0 && first_is_entry);
		bool in_rt = pc_in_runtime(pcs[i]);
		struct sym_frame fr[MAX_INLINE];
		int k = symbolize_pc(pcs[i] - ret_addr, fr, MAX_INLINE);
		for (int j = 0; j < k && m < REPORT_MAX_FRAMES; j++) {
			struct report_frame *f = &out->frames[m];
			f->function = fr[j].function;
			/* The runtime's own sources mean nothing to users. */
			bool src = fr[j].file && !in_rt;
			f->file = src ? strip_prefix(fr[j].file) : NULL;
			f->line = src ? fr[j].line : 0;
			f->column = src ? fr[j].column : 0;
			f->function_offset = fr[j].function_offset + ret_addr;
			f->module = fr[j].module;
			f->module_offset = fr[j].module_offset;
			f->inlined = fr[j].inlined;
			ours[m++] = in_rt;
		}
	}
	for (u32 i = 1; i < m; i++)
		if (ours[i])
			m = i;
	while (m > 1 && !out->frames[m - 1].file)
		m--;
	out->n = m;
}

static void symbolize_handle(stack_handle h, struct report_stack *out)
{
	u32 n;
	const uptr *pcs = stackdepot_get(h, &n);
	symbolize_stack(pcs, n, true, out);
}

/* The program location an access stands for: its own pc, or for an access
 * made by an intercepted libc function (memcpy, read, ...) its call site,
 * so each call of it is a location of its own. */
static uptr source_pc(const uptr *pcs, u32 n)
{
	if (!n)
		return 0;
	return n > 1 && pc_in_runtime(pcs[0]) ? pcs[1] : pcs[0];
}

static void describe_location(uptr addr, struct report_location *loc)
{
	struct heap_block_info hb;
	struct sym_data gd;
	bool tls = false;
	int uid, fd;
	stack_handle created_at;
	if ((fd = fd_of_shadow_word(addr, &uid, &created_at)) >= 0) {
		loc->kind = LOC_FD;
		loc->fd = fd;
		loc->tid = created_at ? uid : -1;
		if (created_at)
			symbolize_handle(created_at, &loc->stack);
	} else if (heap_find(addr, &hb)) {
		loc->kind = LOC_HEAP;
		loc->start = hb.start;
		loc->size = hb.size;
		loc->tid = hb.uid;
		symbolize_handle(hb.stack, &loc->stack);
	} else if ((uid = thread_owning_stack(addr, &tls)) >= 0) {
		loc->kind = tls ? LOC_TLS : LOC_STACK;
		loc->tid = uid;
	} else if (symbolize_data(addr, &gd)) {
		loc->kind = LOC_GLOBAL;
		loc->name = gd.name;
		loc->start = gd.start;
		loc->size = gd.size;
	} else {
		loc->kind = LOC_NONE;
	}
}

/* Creation stacks of the threads named in the report, each once, the main
 * thread (no creation stack) and unknown threads left out. */
/* uids[i] names a thread (> 0) that uids[0..i) does not name already. */
static bool uid_first(const int *uids, int i)
{
	if (uids[i] <= 0)
		return false;
	for (int j = 0; j < i; j++)
		if (uids[j] == uids[i])
			return false;
	return true;
}

static void describe_threads(struct report *r, const int *uids, int n)
{
	r->nthreads = 0;
	for (int i = 0; i < n; i++) {
		struct thread_ctx ctx;
		if (!uid_first(uids, i) || !thread_ctx_copy(uids[i], &ctx))
			continue;
		struct report_thread *t = &r->threads[r->nthreads++];
		t->tid = ctx.uid;
		t->running = ctx.state == THREAD_RUNNING;
		symbolize_handle(ctx.create_stack, &t->create_stack);
	}
}

static void write_report(const struct report *r)
{
	struct strbuf sb;
	sb_init(&sb);
	if (!strcmp(crace_opts.report_format, "json"))
		report_render_json(r, &sb);
	else
		report_render_text(r, &sb);
	output_write(sb.data, sb.len);
	sb_free(&sb);
}

void report_race(struct crace_thread *thr, uptr addr, u64 cur, uptr pc,
		 u64 prev)
{
	if (benign_race(addr))
		return;
	runtime_enter(thr);
	spin_lock(&report_lock);
	uptr prev_pcs[REPORT_MAX_FRAMES], cur_pcs[REPORT_MAX_FRAMES];
	u32 nprev = 0;
	/* The previous access's bytes: those of the access the trace finds,
	 * else the record's (which may join several accesses of an epoch). */
	unsigned prev_bytes = rec_mask(prev);
	struct trace *t = thread_slot_trace(rec_slot(prev));
	if (t)
		nprev = trace_restore(t, rec_clock(prev), addr, rec_mask(prev),
				      rec_mask(prev) & rec_mask(cur),
				      rec_is_write(prev), rec_is_atomic(prev),
				      prev_pcs, REPORT_MAX_FRAMES, &prev_bytes);
	u32 ncur = thread_stack_pcs(thr, pc, cur_pcs, REPORT_MAX_FRAMES);
	if (already_reported(source_pc(cur_pcs, ncur),
			     source_pc(prev_pcs, nprev))) {
		spin_unlock(&report_lock);
		runtime_exit(thr);
		return;
	}
	uptr granule = addr & ~(GRANULE_SIZE - 1);

	/* Too big for a small (signal) stack. */
	struct report *r = internal_calloc(1, sizeof(*r));
	r->kind = REPORT_DATA_RACE;
	r->nmops = 2;
	struct report_mop *c = &r->mops[0], *p = &r->mops[1];
	c->write = rec_is_write(cur);
	c->atomic = rec_is_atomic(cur);
	c->addr = addr;
	c->size = __builtin_popcount(rec_mask(cur));
	c->tid = thr->uid;
	symbolize_stack(cur_pcs, ncur, false, &c->stack);
	p->previous = true;
	p->write = rec_is_write(prev);
	p->atomic = rec_is_atomic(prev);
	p->addr = granule + __builtin_ctz(prev_bytes);
	p->size = __builtin_popcount(prev_bytes);
	p->tid = thread_uid_of_epoch(rec_slot(prev), rec_clock(prev));
	if (nprev)
		symbolize_stack(prev_pcs, nprev, false, &p->stack);
	describe_location(addr, &r->loc);
	int uids[3] = {c->tid, p->tid,
		       r->loc.kind == LOC_NONE || r->loc.kind == LOC_GLOBAL
			       ? -1
			       : r->loc.tid};
	describe_threads(r, uids, 3);

	bool suppressed = suppressions_match_report(r);
	if (!suppressed) {
		write_report(r);
		store_relaxed(&nraces, nraces + 1);
	}
	internal_free(r, sizeof(*r));
	spin_unlock(&report_lock);
	if (!suppressed && crace_opts.halt_on_error) {
		report_summary();
		_exit(crace_opts.exitcode);
	}
	runtime_exit(thr);
}

void report_summary(void)
{
	u64 n = load_relaxed(&nraces);
	if (!report_count() ||
	    __atomic_exchange_n(&summary_printed, 1, __ATOMIC_ACQ_REL))
		return;
	struct strbuf sb;
	sb_init(&sb);
	if (!strcmp(crace_opts.report_format, "json")) {
		report_summary_json(n, &sb);
	} else {
		if (n)
			report_summary_text(n, &sb);
		report_locks_summary(&sb);
		report_leaks_summary(&sb);
	}
	output_write(sb.data, sb.len);
	sb_free(&sb);
}

void report_fork_lock(void)
{
	spin_lock(&report_lock);
}

void report_fork_unlock(void)
{
	spin_unlock(&report_lock);
}

void report_fork_child(void)
{
	/* The parent's table stays allocated: the child just stops using it. */
	reported = NULL;
	store_relaxed(&nraces, 0);
	store_relaxed(&summary_printed, 0);
}

/* What a lock or leak report printed, for its JSON rendering: the depot
 * stacks with the line introducing each, and the threads described. Report
 * lock held. */
#define OTHER_MAX 64
static struct {
	stack_handle stacks[OTHER_MAX];
	const char *labels[OTHER_MAX];
	int nstacks;
	int uids[OTHER_MAX];
	int nuids;
} other;

void report_begin(struct crace_thread *thr)
{
	runtime_enter(thr);
	spin_lock(&report_lock);
	other.nstacks = other.nuids = 0;
}

void report_cancel(struct crace_thread *thr)
{
	spin_unlock(&report_lock);
	runtime_exit(thr);
}

static void write_other_json(const char *kind, const char *text)
{
	struct report_stack *stacks = internal_calloc(
		other.nstacks + other.nuids + 1, sizeof(*stacks));
	struct report_thread *threads =
		internal_calloc(other.nuids + 1, sizeof(*threads));
	for (int i = 0; i < other.nstacks; i++)
		symbolize_handle(other.stacks[i], &stacks[i]);
	int nthreads = 0;
	for (int i = 0; i < other.nuids; i++) {
		struct thread_ctx ctx;
		if (!thread_ctx_copy(other.uids[i], &ctx))
			continue;
		threads[nthreads].tid = ctx.uid;
		threads[nthreads].running = ctx.state == THREAD_RUNNING;
		symbolize_handle(ctx.create_stack,
				 &threads[nthreads].create_stack);
		nthreads++;
	}
	struct report_other r = {kind,	       text,	 other.nstacks, stacks,
				 other.labels, nthreads, threads};
	struct strbuf sb;
	sb_init(&sb);
	report_render_json_other(&r, &sb);
	output_write(sb.data, sb.len);
	sb_free(&sb);
	for (int i = 0; i < other.nstacks; i++)
		internal_free((void *)other.labels[i],
			      strlen(other.labels[i]) + 1);
	internal_free(threads, (other.nuids + 1) * sizeof(*threads));
	internal_free(stacks,
		      (other.nstacks + other.nuids + 1) * sizeof(*stacks));
}

void report_end(struct crace_thread *thr, struct strbuf *sb, const char *kind)
{
	/* Sections are separated by blank lines; the last one is not. */
	if (sb->len >= 2 && sb->data[sb->len - 2] == '\n')
		sb->data[--sb->len] = '\0';
	sb_printf(sb, "==================\n");
	if (!strcmp(crace_opts.report_format, "json"))
		write_other_json(kind, sb->data);
	else
		output_write(sb->data, sb->len);
	sb_free(sb);
	spin_unlock(&report_lock);
	if (crace_opts.halt_on_error) {
		report_summary();
		_exit(crace_opts.exitcode);
	}
	runtime_exit(thr);
}

void report_text_stack(struct strbuf *sb, stack_handle h)
{
	if (other.nstacks < OTHER_MAX) {
		/* The line just written introduces the stack. */
		size_t end = sb->len ? sb->len - 1 : 0, start = end;
		while (start > 0 && sb->data[start - 1] != '\n')
			start--;
		char *label = internal_alloc(end - start + 1);
		memcpy(label, sb->data + start, end - start);
		label[end - start] = '\0';
		other.labels[other.nstacks] = label;
		other.stacks[other.nstacks++] = h;
	}
	/* Too big for a small (signal) stack. */
	struct report_stack *st = internal_calloc(1, sizeof(*st));
	symbolize_handle(h, st);
	report_text_render_stack(sb, st);
	internal_free(st, sizeof(*st));
}

void report_text_threads(struct strbuf *sb, const int *uids, int n)
{
	for (int i = 0; i < n; i++) {
		struct thread_ctx ctx;
		if (!uid_first(uids, i) || !thread_ctx_copy(uids[i], &ctx))
			continue;
		if (other.nuids < OTHER_MAX)
			other.uids[other.nuids++] = ctx.uid;
		sb_printf(sb, "Thread T%d (%s) created at:\n", ctx.uid,
			  ctx.state == THREAD_RUNNING ? "running" : "finished");
		/* Not one of the report's own stacks. */
		struct report_stack *st = internal_calloc(1, sizeof(*st));
		symbolize_handle(ctx.create_stack, st);
		report_text_render_stack(sb, st);
		internal_free(st, sizeof(*st));
		sb_printf(sb, "\n");
	}
}
