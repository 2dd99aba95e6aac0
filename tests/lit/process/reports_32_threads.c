// 32 threads find a race each at the same moment: all 32 reports come out
// whole, none torn or interleaved with another, and none lost.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t > %t.out
// RUN: %whole_reports < %t.out | FileCheck --check-prefix=WHOLE %s
// RUN: grep -c "^WARNING: DATA RACE" %t.out | FileCheck --check-prefix=COUNT %s
// RUN: FileCheck %s < %t.out
#include "order.h"
#include <pthread.h>

long slot[32];

#define RACER(i)                                                               \
	static void *racer##i(void *arg)                                       \
	{                                                                      \
		step_wait(1);                                                  \
		slot[i] = i;                                                   \
		return arg;                                                    \
	}
RACER(0)
RACER(1)
RACER(2)
RACER(3)
RACER(4)
RACER(5)
RACER(6)
RACER(7)
RACER(8)
RACER(9)
RACER(10)
RACER(11)
RACER(12)
RACER(13)
RACER(14)
RACER(15)
RACER(16)
RACER(17)
RACER(18)
RACER(19)
RACER(20)
RACER(21)
RACER(22)
RACER(23)
RACER(24)
RACER(25)
RACER(26)
RACER(27)
RACER(28)
RACER(29)
RACER(30)
RACER(31)

static void *(*racers[32])(void *) = {
	racer0,
	racer1,
	racer2,
	racer3,
	racer4,
	racer5,
	racer6,
	racer7,
	racer8,
	racer9,
	racer10,
	racer11,
	racer12,
	racer13,
	racer14,
	racer15,
	racer16,
	racer17,
	racer18,
	racer19,
	racer20,
	racer21,
	racer22,
	racer23,
	racer24,
	racer25,
	racer26,
	racer27,
	racer28,
	racer29,
	racer30,
	racer31,
};

int main(void)
{
	pthread_t t[32];
	for (int i = 0; i < 32; i++)
		pthread_create(&t[i], 0, racers[i], 0);
	for (int i = 0; i < 32; i++)
		slot[i] = -1;
	step_set(1);
	for (int i = 0; i < 32; i++)
		pthread_join(t[i], 0);
	return 0;
}

// WHOLE: {{^}}32 whole reports
// COUNT: {{^}}32{{$}}
// CHECK: Found 32 data race(s)
