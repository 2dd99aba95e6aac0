/* The JSON rendering of reports (report_format=json): one object per
 * report on a single line, for tools such as crace-gate. The schema is
 * documented in docs/report-format.md; keep the two in step. */
#include "report.h"
#include <unistd.h>

static void json_string(struct strbuf *sb, const char *s)
{
	if (!s) {
		sb_printf(sb, "null");
		return;
	}
	sb_printf(sb, "\"");
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			sb_printf(sb, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			sb_printf(sb, "\\u%04x", *p);
		else
			sb_printf(sb, "%c", *p);
	}
	sb_printf(sb, "\"");
}

static void json_addr(struct strbuf *sb, uptr a)
{
	/* A string: JSON numbers lose precision above 2^53. */
	sb_printf(sb, "\"0x%012lx\"", (unsigned long)a);
}

static void json_stack(struct strbuf *sb, const struct report_stack *st)
{
	sb_printf(sb, "[");
	for (u32 i = 0; i < st->n; i++) {
		const struct report_frame *f = &st->frames[i];
		sb_printf(sb, "%s{\"function\":", i ? "," : "");
		json_string(sb, f->function);
		sb_printf(sb, ",\"file\":");
		json_string(sb, f->file);
		sb_printf(sb,
			  ",\"line\":%d,\"column\":%d,\"offset\":%lu,"
			  "\"module\":",
			  f->line, f->column,
			  (unsigned long)f->function_offset);
		json_string(sb, f->module);
		sb_printf(sb, ",\"module_offset\":%lu,\"inlined\":%s}",
			  (unsigned long)f->module_offset,
			  f->inlined ? "true" : "false");
	}
	sb_printf(sb, "]");
}

static void json_thread_id(struct strbuf *sb, int tid)
{
	if (tid < 0)
		sb_printf(sb, "null");
	else
		sb_printf(sb, "%d", tid);
}

/* The process, so a reader of many logs knows whose report this is. */
static void json_process(struct strbuf *sb)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	exe[n > 0 ? n : 0] = '\0';
	sb_printf(sb, "\"pid\":%d,\"program\":", (int)getpid());
	json_string(sb, n > 0 ? exe : NULL);
}

static void json_mop(struct strbuf *sb, const struct report_mop *m)
{
	sb_printf(sb, "{\"access\":\"%s\",\"atomic\":%s,\"previous\":%s,",
		  m->write ? "write" : "read", m->atomic ? "true" : "false",
		  m->previous ? "true" : "false");
	sb_printf(sb, "\"addr\":");
	json_addr(sb, m->addr);
	sb_printf(sb, ",\"size\":%u,\"thread\":", m->size);
	json_thread_id(sb, m->tid);
	sb_printf(sb, ",\"stack_restored\":%s,\"stack\":",
		  m->stack.n ? "true" : "false");
	json_stack(sb, &m->stack);
	sb_printf(sb, "}");
}

static void json_location(struct strbuf *sb, const struct report_location *l)
{
	static const char *const kinds[] = {
		[LOC_GLOBAL] = "global", [LOC_HEAP] = "heap",
		[LOC_STACK] = "stack",	 [LOC_TLS] = "tls",
		[LOC_FD] = "fd",
	};
	sb_printf(sb, "{\"kind\":\"%s\"", kinds[l->kind]);
	if (l->kind == LOC_GLOBAL) {
		sb_printf(sb, ",\"name\":");
		json_string(sb, l->name);
	}
	if (l->kind == LOC_FD)
		sb_printf(sb, ",\"fd\":%d", l->fd);
	if (l->kind == LOC_GLOBAL || l->kind == LOC_HEAP) {
		sb_printf(sb, ",\"addr\":");
		json_addr(sb, l->start);
		sb_printf(sb, ",\"size\":%lu", (unsigned long)l->size);
	}
	if (l->kind != LOC_GLOBAL) {
		sb_printf(sb, ",\"thread\":");
		json_thread_id(sb, l->tid);
	}
	if (l->kind == LOC_HEAP || l->kind == LOC_FD) {
		sb_printf(sb, ",\"stack\":");
		json_stack(sb, &l->stack);
	}
	sb_printf(sb, "}");
}

/* "threads": each thread a report names, with its creation stack. */
static void json_threads(struct strbuf *sb, const struct report_thread *threads,
			 int n)
{
	sb_printf(sb, "\"threads\":[");
	for (int i = 0; i < n; i++) {
		const struct report_thread *t = &threads[i];
		sb_printf(sb, "%s{\"id\":%d,\"running\":%s,\"created_at\":",
			  i ? "," : "", t->tid, t->running ? "true" : "false");
		json_stack(sb, &t->create_stack);
		sb_printf(sb, "}");
	}
	sb_printf(sb, "]");
}

void report_render_json(const struct report *r, struct strbuf *sb)
{
	sb_printf(sb, "{\"kind\":\"data-race\",");
	json_process(sb);
	sb_printf(sb, ",\"mops\":[");
	for (int i = 0; i < r->nmops; i++) {
		if (i)
			sb_printf(sb, ",");
		json_mop(sb, &r->mops[i]);
	}
	sb_printf(sb, "],\"locations\":[");
	if (r->loc.kind != LOC_NONE)
		json_location(sb, &r->loc);
	sb_printf(sb, "],");
	json_threads(sb, r->threads, r->nthreads);
	sb_printf(sb, "}\n");
}

void report_summary_json(u64 nraces, struct strbuf *sb)
{
	sb_printf(sb, "{\"kind\":\"summary\",");
	json_process(sb);
	sb_printf(sb, ",\"counts\":{\"data-race\":%llu",
		  (unsigned long long)nraces);
	report_locks_json_counts(sb);
	sb_printf(sb, "}}\n");
}

void report_render_json_other(const struct report_other *r, struct strbuf *sb)
{
	sb_printf(sb, "{\"kind\":");
	json_string(sb, r->kind);
	sb_printf(sb, ",");
	json_process(sb);
	sb_printf(sb, ",\"text\":");
	json_string(sb, r->text);
	sb_printf(sb, ",\"mops\":[");
	for (int i = 0; i < r->nstacks; i++) {
		/* From the program's frame that called the interceptor, so
		 * the fingerprint names the program's line. */
		struct report_stack st = r->stacks[i];
		u32 skip = 0;
		while (skip + 1 < st.n && !st.frames[skip].file)
			skip++;
		for (u32 k = skip; k < st.n; k++)
			st.frames[k - skip] = st.frames[k];
		st.n -= skip;
		sb_printf(sb,
			  "%s{\"access\":\"lock\",\"atomic\":false,"
			  "\"previous\":%s,\"addr\":null,\"size\":0,"
			  "\"thread\":null,\"stack_restored\":true,\"label\":",
			  i ? "," : "", i ? "true" : "false");
		json_string(sb, r->labels[i]);
		sb_printf(sb, ",\"stack\":");
		json_stack(sb, &st);
		sb_printf(sb, "}");
	}
	sb_printf(sb, "],\"locations\":[],");
	json_threads(sb, r->threads, r->nthreads);
	sb_printf(sb, "}\n");
}
