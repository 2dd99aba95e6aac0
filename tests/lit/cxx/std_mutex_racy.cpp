// std::mutex orders what is done under it; an update made after the
// lock_guard's scope ends races with the other thread's locked read.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
long balance;
long audits;

int main()
{
	std::thread teller([] {
		{
			std::lock_guard<std::mutex> g(mu);
			balance += 10;
		}
		audits++; // L:W
		step_set(1);
		step_wait(2);
	});
	step_wait(1);
	long b, a;
	{
		std::lock_guard<std::mutex> g(mu);
		b = balance;
		a = audits; // L:R
	}
	step_set(2);
	teller.join();
	std::printf("balance=%ld audits=%ld\n", b, a);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: std_mutex_racy.cpp:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: operator()
// CHECK-NEXT: std_mutex_racy.cpp:[[W]]:
// CHECK:      Location is global 'audits' of size 8 at [[ADDR]]
// CHECK-NOT:  'balance'
// CHECK:      balance=10 audits=1
// CHECK:      Found 1 data race(s)
