/* Thread leak reports (see report_leaks.c). */
#ifndef CRACE_REPORT_LEAKS_H
#define CRACE_REPORT_LEAKS_H

#include "output.h"

/* Reports the leaked threads once per process; called on the way out. */
void report_thread_leaks(void);
u64 report_leaks_count(void);
void report_leaks_fork_child(void);
void report_leaks_summary(struct strbuf *sb);

#endif
