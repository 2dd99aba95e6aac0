/* Reports. A report is first gathered into a plain struct report (stacks
 * symbolized, memory and threads described), then checked against the
 * suppressions and rendered by the renderer `report_format` names: the Go
 * race detector's text layout (report_text.c) or one JSON object per line
 * (report_json.c, schema in docs/report-format.md). Races are deduplicated
 * by the pair of source locations; "Found N data race(s)" (or a JSON
 * summary object) is written at exit. */
#ifndef CRACE_REPORT_H
#define CRACE_REPORT_H

#include "output.h"
#include "thread.h"

#define REPORT_MAX_FRAMES  64
#define REPORT_MAX_MOPS	   2
#define REPORT_MAX_THREADS 3

enum report_kind { REPORT_DATA_RACE };

struct report_frame {
	const char *function; /* NULL when unknown */
	/* Source file with strip_path_prefix applied; NULL when unknown and
	 * for frames inside the runtime (its interceptors). */
	const char *file;
	int line;	      /* 0 when unknown */
	int column;	      /* 0 when unknown */
	uptr function_offset; /* pc - start of the function */
	const char *module;   /* ELF object containing pc; NULL if none */
	uptr module_offset;   /* pc - load bias of that object */
	bool inlined;	      /* inlined into the next frame */
};

struct report_stack {
	u32 n; /* 0: the stack could not be restored */
	struct report_frame frames[REPORT_MAX_FRAMES];
};

/* One memory operation taking part in the report. */
struct report_mop {
	bool write, atomic;
	bool previous; /* the earlier access, found in the shadow */
	uptr addr;
	u32 size; /* bytes of the access within its 8-byte granule */
	int tid;  /* thread uid, -1 when unknown */
	struct report_stack stack;
};

enum report_location_kind {
	LOC_NONE,
	LOC_GLOBAL,
	LOC_HEAP,
	LOC_STACK,
	LOC_TLS,
	LOC_FD, /* a file descriptor (close racing with a use) */
};

struct report_location {
	enum report_location_kind kind;
	const char *name; /* LOC_GLOBAL: the variable */
	uptr start, size; /* LOC_GLOBAL, LOC_HEAP */
	int fd;		  /* LOC_FD */
	/* LOC_HEAP: allocating thread; LOC_STACK/TLS: owner; LOC_FD: the
	 * thread that created it (-1 when the runtime did not see that). */
	int tid;
	/* LOC_HEAP: allocation stack; LOC_FD: creation stack (n = 0 when
	 * unknown). */
	struct report_stack stack;
};

struct report_thread {
	int tid;
	bool running;
	struct report_stack create_stack;
};

struct report {
	enum report_kind kind;
	int nmops;
	struct report_mop mops[REPORT_MAX_MOPS];
	struct report_location loc;
	int nthreads; /* every thread > T0 named above, once */
	struct report_thread threads[REPORT_MAX_THREADS];
};

/* thr's access `cur` (a shadow record) at addr, made at pc, conflicts with
 * the earlier access `prev`. */
void report_race(struct crace_thread *thr, uptr addr, u64 cur, uptr pc,
		 u64 prev);

/* Reports of any kind so far in this process (suppressed races not
 * counted): races, lock reports (report_locks.c), thread leaks
 * (report_leaks.c). */
u64 report_count(void);

/* Writes the summary if anything was reported. Idempotent. */
void report_summary(void);

/* Renderers: append one whole report, or the summary, to sb. */
void report_render_text(const struct report *r, struct strbuf *sb);
void report_render_json(const struct report *r, struct strbuf *sb);
void report_summary_text(u64 nraces, struct strbuf *sb);
void report_summary_json(u64 nraces, struct strbuf *sb);

/* Held across fork so the child never inherits a lock taken mid-way
 * (interceptors_process.c takes every module's in a fixed order). */
void report_fork_lock(void);
void report_fork_unlock(void);
/* The child starts counting (and deduplicating) its own races. */
void report_fork_child(void);
/* A lock or thread-leak report in JSON: its text rendering, and its stacks
 * as "mops" (access "lock", each with the text line that introduces it as
 * its label) so tools fingerprint it like a race. */
struct report_other {
	const char *kind; /* "lock-order-inversion", ... */
	const char *text;
	int nstacks;
	const struct report_stack *stacks;
	const char *const *labels;
	int nthreads;
	const struct report_thread *threads;
};
void report_render_json_other(const struct report_other *r, struct strbuf *sb);
/* Appends the other kinds' counts to the JSON summary's "counts". */
void report_locks_json_counts(struct strbuf *sb);

/* For the lock and thread-leak reports, written as text: a report is
 * formatted between report_begin, which takes the report lock, and
 * report_end, which closes it, writes it out in one piece and honours
 * halt_on_error; report_cancel leaves without reporting (a duplicate). */
void report_begin(struct crace_thread *thr);
void report_end(struct crace_thread *thr, struct strbuf *sb, const char *kind);
void report_cancel(struct crace_thread *thr);
/* Text pieces in the race reports' layout: a depot stack, a thread's name
 * ("main thread", "thread T1"), and "Thread Tn (running|finished) created
 * at:" sections for the distinct threads among uids. */
void report_text_stack(struct strbuf *sb, stack_handle h);
void report_text_thread_name(struct strbuf *sb, int uid);
void report_text_threads(struct strbuf *sb, const int *uids, int n);
void report_text_render_stack(struct strbuf *sb, const struct report_stack *st);

#endif
