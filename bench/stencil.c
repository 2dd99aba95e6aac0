/* Barrier-phased stencil: a 2D Jacobi heat step on a shared grid, rows split
 * between the workers, a pthread barrier between steps. Each step reads the
 * neighbours' boundary rows written by the other worker one phase earlier. */
#include "bench.h"
#include <pthread.h>

#define N 512

static double grid[2][N][N];
static long steps;
static pthread_barrier_t barrier;

static void *worker(void *arg)
{
	long id = (long)arg;
	int lo = 1 + id * (N - 2) / NTHREADS,
	    hi = 1 + (id + 1) * (N - 2) / NTHREADS;
	for (long s = 0; s < steps; s++) {
		double(*src)[N] = grid[s & 1], (*dst)[N] = grid[!(s & 1)];
		for (int i = lo; i < hi; i++)
			for (int j = 1; j < N - 1; j++)
				dst[i][j] =
					0.25 * (src[i - 1][j] + src[i + 1][j] +
						src[i][j - 1] + src[i][j + 1]);
		pthread_barrier_wait(&barrier);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	steps = bench_size(argc, argv, 6000);
	for (int i = 0; i < N; i++)
		grid[0][i][0] = grid[1][i][0] = 100.0;
	pthread_barrier_init(&barrier, NULL, NTHREADS);
	pthread_t t[NTHREADS];
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (long i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	printf("stencil: %.6f\n", grid[steps & 1][N / 2][1]);
	return 0;
}
