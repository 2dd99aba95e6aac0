/* Deep call stacks: each worker builds its own binary tree and walks it
 * recursively, and evaluates a recursive expression evaluator; most time is
 * spent in function entry and exit of small non-inlined functions. */
#include "bench.h"
#include <pthread.h>

struct tree {
	struct tree *l, *r;
	uint64_t v;
};

static long reps;
static uint64_t result[NTHREADS];

static __attribute__((noinline)) struct tree *build(int depth, uint64_t *s)
{
	struct tree *t = malloc(sizeof(*t));
	t->v = bench_rand(s) & 0xffff;
	t->l = depth ? build(depth - 1, s) : NULL;
	t->r = depth ? build(depth - 1, s) : NULL;
	return t;
}

static __attribute__((noinline)) uint64_t walk(const struct tree *t, int k)
{
	if (!t)
		return k;
	return t->v + walk(t->l, k + 1) * 3 + walk(t->r, k + 2);
}

static __attribute__((noinline)) uint64_t eval(int n)
{
	return n < 2 ? (uint64_t)n : eval(n - 1) + eval(n - 2);
}

static void *worker(void *arg)
{
	long id = (long)arg;
	uint64_t s = 0x5851f42d4c957f2dull + id, sum = 0;
	struct tree *t = build(14, &s);
	for (long r = 0; r < reps; r++)
		sum += walk(t, (int)r) + eval(16);
	result[id] = sum;
	return NULL; /* the tree is left to process exit */
}

int main(int argc, char **argv)
{
	reps = bench_size(argc, argv, 12000);
	pthread_t t[NTHREADS];
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (long i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	printf("deep_calls: %llu\n",
	       (unsigned long long)(result[0] + result[1]));
	return 0;
}
