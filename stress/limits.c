/* Sizes at the edge of what crace keeps track of, one per subcommand:
 *   limits locks N     one thread holds N mutexes at once; a second thread
 *                      takes them all in turn after it (race-free)
 *   limits deep N      N nested calls, then a race at the bottom with
 *                      another thread (the report shows the stack it can)
 *   limits huge GIB    a malloc of GIB GiB, touched every 64 MiB, freed
 *   limits mmap TIB    an mmap(MAP_NORESERVE) of TIB TiB, touched every
 *                      GiB, unmapped
 * Prints one line "limits: <what> ok" on success. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static int step;

static void wait_step(int n)
{
	while (__atomic_load_n(&step, __ATOMIC_RELAXED) < n)
		;
}

/* --- locks --- */
static long nlocks;
static pthread_mutex_t *locks;
static long *guarded;

static void *take_all(void *arg)
{
	for (long i = 0; i < nlocks; i++)
		pthread_mutex_lock(&locks[i]);
	for (long i = 0; i < nlocks; i++)
		guarded[i]++;
	for (long i = nlocks - 1; i >= 0; i--)
		pthread_mutex_unlock(&locks[i]);
	return arg;
}

static int run_locks(long n)
{
	nlocks = n;
	locks = calloc(n, sizeof(*locks));
	guarded = calloc(n, sizeof(*guarded));
	for (long i = 0; i < n; i++)
		pthread_mutex_init(&locks[i], NULL);
	pthread_t t[2];
	for (int k = 0; k < 2; k++)
		pthread_create(&t[k], NULL, take_all, NULL);
	for (int k = 0; k < 2; k++)
		pthread_join(t[k], NULL);
	for (long i = 0; i < n; i++) {
		if (guarded[i] != 2)
			return 1;
		pthread_mutex_destroy(&locks[i]);
	}
	free(locks);
	free(guarded);
	printf("limits: %ld locks held at once ok\n", n);
	return 0;
}

/* --- deep --- */
int deep_target; /* not static: the stores must stay */

__attribute__((noinline)) static long recurse(long n)
{
	if (n == 0) {
		deep_target = 1; /* the racy write, at the bottom */
		__atomic_store_n(&step, 1, __ATOMIC_RELAXED);
		wait_step(2);
		return 0;
	}
	long r = recurse(n - 1);
	__asm__ volatile("" ::: "memory"); /* no tail call */
	return r + 1;
}

static void *deep_thread(void *arg)
{
	long n = *(long *)arg;
	*(long *)arg = recurse(n);
	return NULL;
}

static int run_deep(long n)
{
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, (size_t)(n + 1024) * 128);
	pthread_t t;
	long arg = n;
	pthread_create(&t, &attr, deep_thread, &arg);
	wait_step(1);
	deep_target = 2; /* races with the write at the bottom */
	__atomic_store_n(&step, 2, __ATOMIC_RELAXED);
	pthread_join(t, NULL);
	if (arg != n)
		return 1;
	printf("limits: %ld nested calls ok (%d)\n", n, deep_target);
	return 0;
}

/* --- huge --- */
static int run_huge(long gib)
{
	size_t size = (size_t)gib << 30;
	char *p = malloc(size);
	if (!p) {
		printf("limits: malloc of %ld GiB refused by the system\n",
		       gib);
		return 0;
	}
	for (size_t off = 0; off < size; off += 64ul << 20)
		p[off] = (char)off;
	p[size - 1] = 1;
	long sum = 0;
	for (size_t off = 0; off < size; off += 64ul << 20)
		sum += p[off];
	free(p);
	printf("limits: %ld GiB allocation ok (%ld)\n", gib, sum);
	return 0;
}

/* --- mmap --- */
static int run_mmap(long tib)
{
	size_t size = (size_t)tib << 40;
	char *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		printf("limits: mmap of %ld TiB refused by the system\n", tib);
		return 0;
	}
	for (size_t off = 0; off < size; off += 1ul << 30)
		p[off] = 1;
	long sum = 0;
	for (size_t off = 0; off < size; off += 1ul << 30)
		sum += p[off];
	munmap(p, size);
	printf("limits: %ld TiB mapping ok (%ld pages touched)\n", tib, sum);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: limits locks|deep|huge|mmap N\n");
		return 2;
	}
	long n = atol(argv[2]);
	if (!strcmp(argv[1], "locks"))
		return run_locks(n);
	if (!strcmp(argv[1], "deep"))
		return run_deep(n);
	if (!strcmp(argv[1], "huge"))
		return run_huge(n);
	if (!strcmp(argv[1], "mmap"))
		return run_mmap(n);
	fprintf(stderr, "limits: unknown scenario '%s'\n", argv[1]);
	return 2;
}
