// C++ task pool: std::thread workers claim task indices from a std::atomic,
// compute on std::vector data and merge results into a std::map guarded by
// a std::mutex (with std::lock_guard).
#include "bench.h"
#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

int main(int argc, char **argv)
{
	long tasks = bench_size(argc, argv, 800000);
	std::vector<double> input(4096);
	for (size_t i = 0; i < input.size(); i++)
		input[i] = (double)(i % 97) * 0.5;
	std::atomic<long> next{0};
	std::mutex m;
	std::map<long, double> results;
	auto work = [&]() {
		std::vector<double> local(256);
		for (;;) {
			long t = next.fetch_add(1, std::memory_order_relaxed);
			if (t >= tasks)
				break;
			double acc = 0;
			for (size_t k = 0; k < local.size(); k++) {
				local[k] =
					input[(t * 31 + k * 7) % input.size()] *
					(double)k;
				acc += local[k] / (1.0 + (double)k);
			}
			std::lock_guard<std::mutex> g(m);
			results[t % 1024] += acc;
		}
	};
	std::vector<std::thread> pool;
	for (int i = 0; i < NTHREADS; i++)
		pool.emplace_back(work);
	for (auto &th : pool)
		th.join();
	double total = 0;
	for (auto &kv : results)
		total += kv.second;
	printf("cxx_workers: %.3f\n", total);
	return 0;
}
