// 100 mutexes, 4 threads taking random sets of 2 to 4 of them thousands of
// times (80,000 lock sets), always in one (random) global order; then planted inversions: three
// pairs taken against that order and a 3-lock cycle on locks the random
// traffic never touches. Exactly the planted cycles are reported, each once,
// each as the smallest cycle through its closing edge.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>

#define NMU	100
#define NRANDOM 97 /* mu[97..99] are the 3-cycle's */

pthread_mutex_t mu[NMU];
long guarded[NMU];
int rank_of[NMU]; /* the global order of mu[0..NRANDOM-1] */

static unsigned next_rand(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

static void lock_pair(int first, int second)
{
	pthread_mutex_lock(&mu[first]);
	pthread_mutex_lock(&mu[second]);
	guarded[first]++;
	guarded[second]++;
	pthread_mutex_unlock(&mu[second]);
	pthread_mutex_unlock(&mu[first]);
}

void *random_traffic(void *arg)
{
	unsigned seed = 1000 + (unsigned)(long)arg;
	for (int iter = 0; iter < 20000; iter++) {
		int set[4], n = 2 + next_rand(&seed) % 3;
		for (int i = 0; i < n; i++) {
			int again;
			do {
				set[i] = next_rand(&seed) % NRANDOM;
				again = 0;
				for (int j = 0; j < i; j++)
					again |= set[j] == set[i];
			} while (again);
		}
		/* Lock in rank order, unlock in any order. */
		for (int i = 1; i < n; i++)
			for (int j = i; j > 0 && rank_of[set[j - 1]] > rank_of[set[j]]; j--) {
				int t = set[j];
				set[j] = set[j - 1];
				set[j - 1] = t;
			}
		for (int i = 0; i < n; i++)
			pthread_mutex_lock(&mu[set[i]]);
		for (int i = 0; i < n; i++)
			guarded[set[i]]++;
		int start = next_rand(&seed) % n;
		for (int i = 0; i < n; i++)
			pthread_mutex_unlock(&mu[set[(start + i) % n]]);
	}
	return 0;
}

int planted[3][2];

void *inverter(void *arg)
{
	for (int p = 0; p < 3; p++)
		lock_pair(planted[p][1], planted[p][0]);
	/* Closes 97 -> 98 -> 99 -> 97. */
	lock_pair(99, 97);
	/* Taken again: nothing new to report. */
	lock_pair(planted[0][1], planted[0][0]);
	lock_pair(99, 97);
	return arg;
}

int main(void)
{
	unsigned seed = 42;
	for (int i = 0; i < NMU; i++) {
		pthread_mutex_init(&mu[i], 0);
		rank_of[i] = i;
	}
	for (int i = NRANDOM - 1; i > 0; i--) {
		int j = next_rand(&seed) % (i + 1), t = rank_of[i];
		rank_of[i] = rank_of[j];
		rank_of[j] = t;
	}
	/* Three pairs, each taken in order once for sure. */
	for (int p = 0; p < 3; p++) {
		int a = 10 + 30 * p, b = a + 7;
		planted[p][0] = rank_of[a] < rank_of[b] ? a : b;
		planted[p][1] = rank_of[a] < rank_of[b] ? b : a;
		lock_pair(planted[p][0], planted[p][1]);
		fprintf(stderr, "planted %d: 0x%012lx 0x%012lx\n", p,
			(unsigned long)&mu[planted[p][0]],
			(unsigned long)&mu[planted[p][1]]);
	}
	fprintf(stderr, "planted 3: 0x%012lx 0x%012lx 0x%012lx\n",
		(unsigned long)&mu[97], (unsigned long)&mu[98],
		(unsigned long)&mu[99]);
	lock_pair(97, 98);
	lock_pair(98, 99);

	pthread_t t[4];
	for (long i = 0; i < 4; i++)
		pthread_create(&t[i], 0, random_traffic, (void *)i);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], 0);
	long total = 0;
	for (int i = 0; i < NMU; i++)
		total += guarded[i];
	fprintf(stderr, "random traffic done: %ld\n", total);

	pthread_t inv;
	pthread_create(&inv, 0, inverter, 0);
	pthread_join(inv, 0);
	return 0;
}

// CHECK:      planted 0: [[P0A:0x[0-9a-f]+]] [[P0B:0x[0-9a-f]+]]
// CHECK-NEXT: planted 1: [[P1A:0x[0-9a-f]+]] [[P1B:0x[0-9a-f]+]]
// CHECK-NEXT: planted 2: [[P2A:0x[0-9a-f]+]] [[P2B:0x[0-9a-f]+]]
// CHECK-NEXT: planted 3: [[C0:0x[0-9a-f]+]] [[C1:0x[0-9a-f]+]] [[C2:0x[0-9a-f]+]]
// CHECK-NOT:  WARNING
// CHECK:      random traffic done:
// CHECK-NEXT: ==================
// CHECK-NEXT: WARNING: LOCK ORDER INVERSION (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph: M1 ([[P0A]]) => M2 ([[P0B]]) => M1
// CHECK-NOT:  WARNING
// CHECK:      WARNING: LOCK ORDER INVERSION (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph: M1 ([[P1A]]) => M2 ([[P1B]]) => M1
// CHECK-NOT:  WARNING
// CHECK:      WARNING: LOCK ORDER INVERSION (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph: M1 ([[P2A]]) => M2 ([[P2B]]) => M1
// CHECK-NOT:  WARNING
// CHECK:      WARNING: LOCK ORDER INVERSION (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph: M1 ([[C0]]) => M2 ([[C1]]) => M3 ([[C2]]) => M1
// CHECK-NOT:  WARNING
// CHECK:      Found 4 lock order inversion(s)
// CHECK-NOT:  WARNING
