// A race on an object made with new: a heap Location, from a C++ method.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <thread>

struct Account {
	long balance = 0;
	__attribute__((noinline)) void deposit(long n)
	{
		balance += n; // L:DEP
	}
};

int main()
{
	Account *a = new Account; // L:A
	std::thread t([a] {
		a->deposit(10);
		step_set(1);
		step_wait(2);
	});
	step_wait(1);
	a->deposit(5);
	step_set(2);
	t.join();
	long b = a->balance;
	delete a;
	return b != 15;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: {{Read|Write}} at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: Account::deposit
// CHECK-NEXT: new_racy.cpp:[[DEP]]:
// CHECK-NEXT: main
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: Account::deposit
// CHECK-NEXT: new_racy.cpp:[[DEP]]:
// CHECK:      Location is heap block of size 8 at [[ADDR]] allocated by main thread:
// CHECK:      new_racy.cpp:[[A]]:
// CHECK:      Thread T1 (running) created at:
// CHECK:      Found 1 data race(s)
