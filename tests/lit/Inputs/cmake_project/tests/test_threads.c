#include <pthread.h>
#include <stdio.h>

void counter_add(long n);
long counter_get(void);

static void *adder(void *arg)
{
	for (int i = 0; i < 1000; i++)
		counter_add(1);
	return arg;
}

int main(void)
{
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], 0, adder, 0);
	long seen = counter_get();
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	printf("seen %ld, final %ld\n", seen, counter_get());
	return counter_get() == 2000 ? 0 : 1;
}
