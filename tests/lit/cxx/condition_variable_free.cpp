// std::condition_variable (wait with a predicate, wait_for, notify_one,
// notify_all) hands a queue over between threads: no race.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>

std::mutex mu;
std::condition_variable cv;
std::deque<int> q;
bool done;

int main()
{
	long sum = 0;
	std::thread consumer([&sum] {
		for (;;) {
			std::unique_lock<std::mutex> g(mu);
			while (q.empty() && !done)
				cv.wait_for(g, std::chrono::seconds(5));
			if (q.empty())
				return;
			sum += q.front();
			q.pop_front();
		}
	});
	for (int i = 1; i <= 100; i++) {
		std::lock_guard<std::mutex> g(mu);
		q.push_back(i);
		cv.notify_one();
	}
	{
		std::lock_guard<std::mutex> g(mu);
		done = true;
	}
	cv.notify_all();
	consumer.join();
	std::printf("sum=%ld\n", sum);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: sum=5050
// CHECK-NOT: WARNING: DATA RACE
