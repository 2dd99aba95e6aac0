/* Minimal unit-test harness: CHECK records a failure and carries on; the
 * test's main returns unit_done(), non-zero when anything failed. */
#ifndef CRACE_UNIT_H
#define CRACE_UNIT_H

#include <stdio.h>

static int unit_failures, unit_checks;

#define CHECK(cond)                                                            \
	do {                                                                   \
		unit_checks++;                                                 \
		if (!(cond)) {                                                 \
			unit_failures++;                                       \
			printf("not ok - %s:%d: %s\n", __FILE__, __LINE__,     \
			       #cond);                                         \
		}                                                              \
	} while (0)

static inline int unit_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, unit_checks, unit_failures);
	return unit_failures != 0;
}

#endif
