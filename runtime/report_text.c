/* The text layout of reports, the Go race detector's: a rule, the kind,
 * each access with its stack, the memory's location, the threads' creation
 * stacks, a closing rule. */
#include "report.h"
#include <string.h>

static void print_stack(struct strbuf *sb, const struct report_stack *st)
{
	for (u32 i = 0; i < st->n; i++) {
		const struct report_frame *f = &st->frames[i];
		/* C++ names come with their parameter list already. */
		const char *fn = f->function ? f->function : "??";
		sb_printf(sb, "  %s%s\n", fn, strchr(fn, '(') ? "" : "()");
		if (f->file) {
			sb_printf(sb, "      %s:%d", f->file, f->line);
			if (f->column)
				sb_printf(sb, ":%d", f->column);
			sb_printf(sb, " +0x%lx\n",
				  (unsigned long)f->function_offset);
		} else {
			sb_printf(sb, "      %s+0x%lx\n",
				  f->module ? f->module : "??",
				  (unsigned long)f->module_offset);
		}
	}
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

static void print_mop(struct strbuf *sb, const struct report_mop *m)
{
	static const char *const names[2][2][2] = {
		{{"Read", "Write"}, {"Atomic read", "Atomic write"}},
		{{"Previous read", "Previous write"},
		 {"Previous atomic read", "Previous atomic write"}},
	};
	sb_printf(sb, "%s at 0x%012lx by ",
		  names[m->previous][m->atomic][m->write],
		  (unsigned long)m->addr);
	thread_name(sb, m->tid);
	sb_printf(sb, ":\n");
	if (m->stack.n)
		print_stack(sb, &m->stack);
	else
		sb_printf(sb, "  [failed to restore the stack]\n");
	sb_printf(sb, "\n");
}

static void print_location(struct strbuf *sb, const struct report_location *l)
{
	switch (l->kind) {
	case LOC_NONE:
		return;
	case LOC_HEAP:
		sb_printf(sb,
			  "Location is heap block of size %lu at 0x%012lx "
			  "allocated by ",
			  (unsigned long)l->size, (unsigned long)l->start);
		thread_name(sb, l->tid);
		sb_printf(sb, ":\n");
		print_stack(sb, &l->stack);
		break;
	case LOC_STACK:
	case LOC_TLS:
		sb_printf(sb, "Location is %s of ",
			  l->kind == LOC_TLS ? "TLS" : "stack");
		thread_name(sb, l->tid);
		sb_printf(sb, "\n");
		break;
	case LOC_GLOBAL:
		sb_printf(sb,
			  "Location is global '%s' of size %lu at 0x%012lx\n",
			  l->name, (unsigned long)l->size,
			  (unsigned long)l->start);
		break;
	case LOC_FD:
		sb_printf(sb, "Location is file descriptor %d", l->fd);
		if (l->stack.n) {
			sb_printf(sb, " created by ");
			thread_name(sb, l->tid);
			sb_printf(sb, " at:\n");
			print_stack(sb, &l->stack);
		} else {
			sb_printf(sb, "\n");
		}
		break;
	}
	sb_printf(sb, "\n");
}

void report_render_text(const struct report *r, struct strbuf *sb)
{
	sb_printf(sb, "==================\nWARNING: DATA RACE\n");
	for (int i = 0; i < r->nmops; i++)
		print_mop(sb, &r->mops[i]);
	print_location(sb, &r->loc);
	for (int i = 0; i < r->nthreads; i++) {
		const struct report_thread *t = &r->threads[i];
		sb_printf(sb, "Thread T%d (%s) created at:\n", t->tid,
			  t->running ? "running" : "finished");
		print_stack(sb, &t->create_stack);
		sb_printf(sb, "\n");
	}
	/* Sections are separated by blank lines; the last one is not. */
	if (sb->len >= 2 && sb->data[sb->len - 2] == '\n')
		sb->data[--sb->len] = '\0';
	sb_printf(sb, "==================\n");
}

void report_summary_text(u64 nraces, struct strbuf *sb)
{
	sb_printf(sb, "Found %llu data race(s)\n", (unsigned long long)nraces);
}

void report_text_render_stack(struct strbuf *sb, const struct report_stack *st)
{
	print_stack(sb, st);
}

void report_text_thread_name(struct strbuf *sb, int uid)
{
	thread_name(sb, uid);
}
