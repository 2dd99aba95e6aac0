/* Shared by the benchmark programs: the size argument and a small PRNG.
 * Every program takes one optional argument, the amount of work in percent
 * of its default size (100), and runs two worker threads. */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define NTHREADS 2

/* Scales a default count by the percent given on the command line. */
static inline long bench_size(int argc, char **argv, long dflt)
{
	long pct = 100;
	if (argc > 1) {
		char *end;
		pct = strtol(argv[1], &end, 10);
		if (*end || pct <= 0 || pct > 100000) {
			fprintf(stderr,
				"%s: size must be a percent in 1..100000, "
				"not '%s'\n",
				argv[0], argv[1]);
			exit(2);
		}
	}
	long n = dflt * pct / 100;
	return n > 0 ? n : 1;
}

static inline uint64_t bench_rand(uint64_t *s)
{
	/* xorshift64*: cheap and good enough to scatter accesses. */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ull;
}

#endif
