// std::atomic release/acquire hand-off of a heap object: no race.
// RUN: %clangxx_crace -O2 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <atomic>
#include <cstdio>
#include <string>
#include <thread>

struct Msg {
	std::string text;
	int n;
};
std::atomic<Msg *> box{nullptr};

int main()
{
	std::thread producer([] {
		Msg *m = new Msg{"hello", 5};
		box.store(m, std::memory_order_release);
	});
	Msg *m;
	while (!(m = box.load(std::memory_order_acquire)))
		std::this_thread::yield();
	std::fprintf(stderr, "%s %d\n", m->text.c_str(), m->n);
	producer.join();
	delete m;
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: hello 5
// CHECK-NOT: WARNING: DATA RACE
