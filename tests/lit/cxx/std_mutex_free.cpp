// std::mutex with std::lock_guard, std::unique_lock and std::condition_variable:
// no race.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

std::mutex m;
std::condition_variable cv;
std::map<std::string, int> counts;
bool go;

void worker(int id)
{
	{
		std::unique_lock<std::mutex> lk(m);
		cv.wait(lk, [] { return go; });
	}
	for (int i = 0; i < 500; i++) {
		std::lock_guard<std::mutex> g(m);
		counts["k" + std::to_string(i % 7)] += id;
	}
}

int main()
{
	std::vector<std::thread> ts;
	for (int i = 1; i <= 3; i++)
		ts.emplace_back(worker, i);
	{
		std::lock_guard<std::mutex> g(m);
		go = true;
	}
	cv.notify_all();
	for (auto &t : ts)
		t.join();
	int total = 0;
	for (auto &kv : counts)
		total += kv.second;
	std::fprintf(stderr, "total=%d\n", total);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: total=3000
// CHECK-NOT: WARNING: DATA RACE
