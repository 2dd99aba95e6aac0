/* Race reports: restore the previous access's stack from its thread's
 * trace, describe the memory, name the threads, and print it all in the Go
 * race detector's layout as one write. */
#include "report.h"
#include "alloc.h"
#include "heap.h"
#include "options.h"
#include "output.h"
#include "shadow.h"
#include "spinlock.h"
#include "symbolize.h"
#include "trace.h"
#include <dlfcn.h>
#include <string.h>
#include <unistd.h>

#include "hashtable.h"

#define MAX_FRAMES 64
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
	return load_relaxed(&nraces);
}

/* A pair of source locations is reported once, whichever access came
 * first. Report lock held. */
static bool already_reported(uptr a, uptr b)
{
	struct pc_pair *p;
	uptr key[2] = {a < b ? a : b, a < b ? b : a};
	HASH_FIND(hh, reported, key, sizeof(key), p);
	if (p)
		return true;
	p = internal_alloc(sizeof(*p));
	memcpy(p->key, key, sizeof(key));
	HASH_ADD(hh, reported, key, sizeof(key), p);
	return false;
}

/* Whether pc lies in libcrace.so itself, however LD_PRELOAD named it. */
static bool in_runtime_module(uptr pc)
{
	static void *base;
	Dl_info info;
	if (!base && dladdr((void *)&in_runtime_module, &info))
		base = info.dli_fbase;
	return base && dladdr((void *)pc, &info) && info.dli_fbase == base;
}

static const char *strip_prefix(const char *file)
{
	const char *pre = crace_opts.strip_path_prefix;
	size_t n = strlen(pre);
	return n && !strncmp(file, pre, n) ? file + n : file;
}

struct frame_line {
	struct sym_frame f;
	uptr shown_offset;
	bool ours;
};

/* Symbolizes pcs into lines; return addresses (all but an interceptor's own
 * entry) are looked up at pc - 1 so the call, not the next line, is named.
 * Trailing frames without source or inside the runtime (libc's and our
 * thread and process start-up) are dropped. */
static u32 symbolize_stack(const uptr *pcs, u32 n, bool first_is_entry,
			   struct frame_line *out, u32 max)
{
	u32 m = 0;
	for (u32 i = 0; i < n && m < max; i++) {
		if (!pcs[i])
			continue;
		bool ret_addr = !(i == 0 && first_is_entry);
		struct sym_frame fr[MAX_INLINE];
		int k = symbolize_pc(pcs[i] - ret_addr, fr, MAX_INLINE);
		for (int j = 0; j < k && m < max; j++) {
			out[m].f = fr[j];
			out[m].shown_offset = fr[j].function_offset + ret_addr;
			out[m].ours = in_runtime_module(pcs[i]);
			m++;
		}
	}
	/* The program's stack ends where the runtime's thread or main
	 * trampoline called into it. */
	for (u32 i = 1; i < m; i++)
		if (out[i].ours)
			m = i;
	while (m > 1 && !out[m - 1].f.file)
		m--;
	return m;
}

static void print_stack(struct strbuf *sb, const uptr *pcs, u32 n,
			bool first_is_entry)
{
	struct frame_line lines[MAX_FRAMES];
	u32 m = symbolize_stack(pcs, n, first_is_entry, lines, MAX_FRAMES);
	for (u32 i = 0; i < m; i++) {
		const struct sym_frame *f = &lines[i].f;
		/* C++ names come with their parameter list already. */
		const char *fn = f->function ? f->function : "??";
		sb_printf(sb, "  %s%s\n", fn, strchr(fn, '(') ? "" : "()");
		if (f->file && !lines[i].ours) {
			sb_printf(sb, "      %s:%d", strip_prefix(f->file),
				  f->line);
			if (f->column)
				sb_printf(sb, ":%d", f->column);
			sb_printf(sb, " +0x%lx\n",
				  (unsigned long)lines[i].shown_offset);
		} else {
			sb_printf(sb, "      %s+0x%lx\n",
				  f->module ? f->module : "??",
				  (unsigned long)f->module_offset);
		}
	}
}

static void print_stack_handle(struct strbuf *sb, stack_handle h)
{
	u32 n;
	const uptr *pcs = stackdepot_get(h, &n);
	print_stack(sb, pcs, n, true);
}

static void thread_name(struct strbuf *sb, int uid)
{
	if (uid == 0)
		sb_printf(sb, "main thread");
	else if (uid < 0)
		sb_printf(sb, "unknown thread");
	else
		sb_printf(sb, "thread T%d", uid);
}

static const char *access_kind(u64 rec, bool previous)
{
	static const char *const names[2][2][2] = {
		{{"Read", "Write"}, {"Atomic read", "Atomic write"}},
		{{"Previous read", "Previous write"},
		 {"Previous atomic read", "Previous atomic write"}},
	};
	return names[previous][rec_is_atomic(rec)][rec_is_write(rec)];
}

static void describe_location(struct strbuf *sb, uptr addr, int *extra_uid)
{
	struct heap_block_info hb;
	struct sym_data gd;
	bool tls = false;
	int uid;
	if (heap_find(addr, &hb)) {
		sb_printf(sb,
			  "Location is heap block of size %lu at 0x%012lx "
			  "allocated by ",
			  (unsigned long)hb.size, (unsigned long)hb.start);
		thread_name(sb, hb.uid);
		sb_printf(sb, ":\n");
		print_stack_handle(sb, hb.stack);
		*extra_uid = hb.uid;
	} else if ((uid = thread_owning_stack(addr, &tls)) >= 0) {
		sb_printf(sb, "Location is %s of ", tls ? "TLS" : "stack");
		thread_name(sb, uid);
		sb_printf(sb, "\n");
		*extra_uid = uid;
	} else if (symbolize_data(addr, &gd)) {
		sb_printf(sb,
			  "Location is global '%s' of size %lu at 0x%012lx\n",
			  gd.name, (unsigned long)gd.size,
			  (unsigned long)gd.start);
	} else {
		return;
	}
	sb_printf(sb, "\n");
}

static void describe_threads(struct strbuf *sb, const int *uids, int n)
{
	for (int i = 0; i < n; i++) {
		bool dup = uids[i] <= 0;
		for (int j = 0; j < i && !dup; j++)
			dup = uids[j] == uids[i];
		struct thread_ctx ctx;
		if (dup || !thread_ctx_copy(uids[i], &ctx))
			continue;
		sb_printf(sb, "Thread T%d (%s) created at:\n", ctx.uid,
			  ctx.state == THREAD_RUNNING ? "running" : "finished");
		print_stack_handle(sb, ctx.create_stack);
		sb_printf(sb, "\n");
	}
}

void report_race(struct crace_thread *thr, uptr addr, u64 cur, uptr pc,
		 u64 prev)
{
	runtime_enter(thr);
	spin_lock(&report_lock);
	uptr prev_pcs[MAX_FRAMES], cur_pcs[MAX_FRAMES];
	u32 nprev = 0;
	struct trace *t = thread_slot_trace(rec_slot(prev));
	if (t)
		nprev = trace_restore(t, rec_clock(prev), addr, rec_mask(prev),
				      rec_is_write(prev), rec_is_atomic(prev),
				      prev_pcs, MAX_FRAMES);
	if (already_reported(pc, nprev ? prev_pcs[0] : 0)) {
		spin_unlock(&report_lock);
		runtime_exit(thr);
		return;
	}
	u32 ncur = thread_stack_pcs(thr, pc, cur_pcs, MAX_FRAMES);
	int prev_uid = thread_uid_of_epoch(rec_slot(prev), rec_clock(prev));
	uptr granule = addr & ~(GRANULE_SIZE - 1);
	uptr prev_addr = granule + __builtin_ctz(rec_mask(prev));

	struct strbuf sb;
	sb_init(&sb);
	sb_printf(&sb, "==================\nWARNING: DATA RACE\n");
	sb_printf(&sb, "%s at 0x%012lx by ", access_kind(cur, false),
		  (unsigned long)addr);
	thread_name(&sb, thr->uid);
	sb_printf(&sb, ":\n");
	print_stack(&sb, cur_pcs, ncur, false);
	sb_printf(&sb, "\n%s at 0x%012lx by ", access_kind(prev, true),
		  (unsigned long)prev_addr);
	thread_name(&sb, prev_uid);
	sb_printf(&sb, ":\n");
	if (nprev)
		print_stack(&sb, prev_pcs, nprev, false);
	else
		sb_printf(&sb, "  [failed to restore the stack]\n");
	sb_printf(&sb, "\n");
	int uids[3] = {thr->uid, prev_uid, -1};
	describe_location(&sb, addr, &uids[2]);
	describe_threads(&sb, uids, 3);
	/* Sections are separated by blank lines; the last one is not. */
	if (sb.len >= 2 && sb.data[sb.len - 2] == '\n')
		sb.data[--sb.len] = '\0';
	sb_printf(&sb, "==================\n");
	output_write(sb.data, sb.len);
	sb_free(&sb);
	store_relaxed(&nraces, nraces + 1);
	spin_unlock(&report_lock);
	if (crace_opts.halt_on_error) {
		report_summary();
		_exit(crace_opts.exitcode);
	}
	runtime_exit(thr);
}

void report_summary(void)
{
	u64 n = report_count();
	if (!n || __atomic_exchange_n(&summary_printed, 1, __ATOMIC_ACQ_REL))
		return;
	struct strbuf sb;
	sb_init(&sb);
	sb_printf(&sb, "Found %llu data race(s)\n", (unsigned long long)n);
	output_write(sb.data, sb.len);
	sb_free(&sb);
}
