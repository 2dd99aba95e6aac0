/* Runs crace out of address space for its shadow: under `ulimit -v`, maps
 * one page in every 4 MiB region (the unit of shadow crace creates) and
 * writes to it, so every page costs the program 4 KiB and crace 8 MiB. The
 * runtime must stop with its one-line out-of-memory message; if the
 * program's own mmap fails first it says so and exits 3.
 * Usage: oom */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
	/* Far from the heap and libraries, region aligned. */
	uintptr_t base = (uintptr_t)0x200000000000ull;
	for (long i = 0;; i++) {
		void *hint = (void *)(base + ((uintptr_t)i << 22));
		char *p = mmap(hint, 4096, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED) {
			printf("oom: the program's own mmap failed first "
			       "after %ld pages\n",
			       i);
			return 3;
		}
		*p = 1;
	}
}
