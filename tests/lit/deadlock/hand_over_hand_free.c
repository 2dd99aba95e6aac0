// Hand-over-hand locking along a list: each thread holds a node's mutex
// while it takes the next one, then lets the first go. Every thread walks
// in list order, so the lock-order graph is a chain and nothing is
// reported. The nodes' mutexes are initialised with pthread_mutex_init.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
	pthread_mutex_t mu;
	int value;
	struct node *next;
};

struct node *head;

void *walker(void *arg)
{
	for (int round = 0; round < 200; round++) {
		struct node *n = head;
		pthread_mutex_lock(&n->mu);
		while (n->next) {
			struct node *next = n->next;
			pthread_mutex_lock(&next->mu);
			next->value += n->value & 1;
			pthread_mutex_unlock(&n->mu);
			n = next;
		}
		pthread_mutex_unlock(&n->mu);
	}
	return arg;
}

int main(void)
{
	for (int i = 0; i < 20; i++) {
		struct node *n = malloc(sizeof(*n));
		pthread_mutex_init(&n->mu, 0);
		n->value = i;
		n->next = head;
		head = n;
	}
	pthread_t t[3];
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], 0, walker, 0);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], 0);
	int sum = 0;
	while (head) {
		struct node *n = head;
		head = n->next;
		sum += n->value;
		pthread_mutex_destroy(&n->mu);
		free(n);
	}
	fprintf(stderr, "walked, sum=%d\n", sum);
	return 0;
}

// CHECK-NOT: WARNING
// CHECK: walked, sum=
// CHECK-NOT: WARNING
