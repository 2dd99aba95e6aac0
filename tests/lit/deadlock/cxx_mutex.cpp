// C++: std::lock_guard in opposite orders is an inversion; std::scoped_lock
// over both mutexes (std::lock: lock one, try the others, back off) is not.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex accounts, audit;
int balance;

void transfer()
{
	std::lock_guard<std::mutex> a(accounts); // L:T1
	std::lock_guard<std::mutex> b(audit); // L:T2
	balance++;
}

void report()
{
	std::lock_guard<std::mutex> b(audit); // L:R1
	std::lock_guard<std::mutex> a(accounts); // L:R2
	balance--;
}

void both_ways()
{
	for (int i = 0; i < 100; i++) {
		{
			std::scoped_lock l(accounts, audit);
			balance++;
		}
		{
			std::scoped_lock l(audit, accounts);
			balance--;
		}
	}
}

int main()
{
	std::thread t1(both_ways), t2(both_ways);
	t1.join();
	t2.join();
	std::fprintf(stderr, "scoped_lock done\n");
	std::thread(transfer).join();
	std::thread(report).join();
	std::fprintf(stderr, "balance=%d\n", balance);
	return 0;
}

// CHECK-NOT:  WARNING
// CHECK:      scoped_lock done
// CHECK-NEXT: ==================
// CHECK-NEXT: WARNING: LOCK ORDER INVERSION (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph: M1 ({{0x[0-9a-f]+}}) => M2 ({{0x[0-9a-f]+}}) => M1
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M2 acquired here while holding mutex M1 in thread T3:
// CHECK:      transfer()
// CHECK-NEXT: cxx_mutex.cpp:[[T2]]:
// CHECK:      Mutex M1 previously acquired by the same thread here:
// CHECK:      transfer()
// CHECK-NEXT: cxx_mutex.cpp:[[T1]]:
// CHECK:      Mutex M1 acquired here while holding mutex M2 in thread T4:
// CHECK:      report()
// CHECK-NEXT: cxx_mutex.cpp:[[R2]]:
// CHECK:      Mutex M2 previously acquired by the same thread here:
// CHECK:      report()
// CHECK-NEXT: cxx_mutex.cpp:[[R1]]:
// CHECK:      balance=0
// CHECK-NEXT: Found 1 lock order inversion(s)
