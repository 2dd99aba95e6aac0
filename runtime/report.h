/* Race reports in the Go race detector's layout, deduplicated by the pair of
 * source locations, plus the "Found N data race(s)" summary at exit. */
#ifndef CRACE_REPORT_H
#define CRACE_REPORT_H

#include "thread.h"

/* thr's access `cur` (a shadow record) at addr, made at pc, conflicts with
 * the earlier access `prev`. */
void report_race(struct crace_thread *thr, uptr addr, u64 cur, uptr pc,
		 u64 prev);

/* Races reported so far in this process. */
u64 report_count(void);

/* Prints the summary line if any race was reported. Idempotent. */
void report_summary(void);

#endif
