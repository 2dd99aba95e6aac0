/* Thread leaks, reported at exit: threads that finished but were never
 * joined (nor detached), which keep their stack and result until the
 * process ends. Running threads are not leaks (as in ThreadSanitizer). One
 * report per creation stack, with the number of similar leaks. */
#include "report_leaks.h"
#include "alloc.h"
#include "options.h"
#include "report.h"

static u64 nleaks;
static int leaks_checked;

u64 report_leaks_count(void)
{
	return load_relaxed(&nleaks);
}

void report_leaks_summary(struct strbuf *sb)
{
	u64 n = load_relaxed(&nleaks);
	if (n)
		sb_printf(sb, "Found %llu thread leak(s)\n",
			  (unsigned long long)n);
}

static stack_handle created_at(int uid)
{
	struct thread_ctx ctx;
	return thread_ctx_copy(uid, &ctx) ? ctx.create_stack : 0;
}

void report_thread_leaks(void)
{
	if (!crace_opts.report_thread_leaks ||
	    __atomic_exchange_n(&leaks_checked, 1, __ATOMIC_ACQ_REL))
		return;
	struct crace_thread *thr = cur_thread();
	enum { MAX_LEAKS = 4096 };
	int *uids = internal_alloc(MAX_LEAKS * sizeof(int));
	u32 n = thread_leaks(uids, MAX_LEAKS);
	stack_handle *stacks = internal_alloc(n * sizeof(*stacks) + 1);
	for (u32 i = 0; i < n; i++)
		stacks[i] = created_at(uids[i]);
	for (u32 i = 0; i < n; i++) {
		if (!stacks[i])
			continue;
		u32 similar = 0;
		for (u32 j = i + 1; j < n; j++) {
			if (stacks[j] == stacks[i]) {
				stacks[j] = 0;
				similar++;
			}
		}
		report_begin(thr);
		struct strbuf sb;
		sb_init(&sb);
		sb_printf(&sb,
			  "==================\nWARNING: THREAD LEAK\nThread "
			  "T%d finished but was never joined\n",
			  uids[i]);
		if (similar)
			sb_printf(&sb, "And %u more similar thread leak(s)\n",
				  similar);
		/* As a stack of the report's own (not a thread section), so
		 * the JSON rendering fingerprints the creation site. */
		sb_printf(&sb, "\nThread T%d (finished) created at:\n",
			  uids[i]);
		report_text_stack(&sb, stacks[i]);
		sb_printf(&sb, "\n");
		store_relaxed(&nleaks, nleaks + 1 + similar);
		report_end(thr, &sb, "thread-leak");
	}
	internal_free(stacks, n * sizeof(*stacks) + 1);
	internal_free(uids, MAX_LEAKS * sizeof(int));
}

void report_leaks_fork_child(void)
{
	store_relaxed(&nleaks, 0);
}
