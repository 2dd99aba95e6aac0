/* Start-up: options, output, shadow, the main thread; and the ABI check
 * every instrumented module makes from its constructor. */
#include "interceptors.h"
#include "locks.h"
#include "options.h"
#include "output.h"
#include "shadow.h"
#include "suppressions.h"
#include "sync.h"
#include "thread.h"
#include <crace_abi.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

bool crace_ready;
static bool instrumented; /* an instrumented module has checked in */

void process_init(void);

static void crace_start(void)
{
	static bool started;
	if (started)
		return;
	started = true;
	options_parse(getenv("CRACE_OPTIONS"));
	output_init();
	suppressions_init();
	shadow_init();
	sync_init();
	thread_init_main();
	process_init();
	locks_init();
	crace_ready = true;
}

__attribute__((constructor)) static void crace_ctor(void)
{
	crace_start();
}

CRACE_EXPORT void __crace_init(unsigned abi_version, uint64_t *epoch_copy)
{
	if (abi_version != CRACE_ABI_VERSION)
		crace_die("this program was built for crace ABI version %u, "
			  "but the runtime is version %d: rebuild it with this "
			  "crace",
			  abi_version, CRACE_ABI_VERSION);
	crace_start();
	thread_add_epoch_copy(epoch_copy);
	store_relaxed(&instrumented, true);
}

void crace_main_starting(void)
{
	static const char msg[] =
		"crace: no instrumented code in this program: only "
		"synchronisation is tracked, no race can be found (build it "
		"with crace-cc)\n";
	if (crace_opts.verbosity >= 1 && !load_relaxed(&instrumented)) {
		ssize_t unused = write(STDERR_FILENO, msg, sizeof(msg) - 1);
		(void)unused; /* a notice only */
	}
}

void *resolve_real(const char *name)
{
	void *p = dlsym(RTLD_NEXT, name);
	if (!p)
		crace_die("cannot find the real %s in the C library", name);
	return p;
}
