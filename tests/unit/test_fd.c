/* fd sync objects: which fds share one (both ends of a pipe, a dup, two
 * opens of one file) and which do not (two eventfds), that closing a file
 * releases nothing while closing a pipe end does. A second thread acquires what
 * the main thread released and checks whether it now knows the main thread's
 * clock. */
#include "fd.h"
#include "options.h"
#include "shadow.h"
#include "unit.h"
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

static struct crace_thread *main_thr;

struct probe {
	int fd;
	u64 seen; /* the main thread's clock the prober learnt */
};

static void *acquire_in_thread(void *arg)
{
	struct probe *p = arg;
	struct crace_thread *thr = cur_thread();
	fd_acquire(thr, p->fd);
	p->seen = vc_get(&thr->vc, main_thr->slot);
	return NULL;
}

/* The main thread's clock a fresh thread learns by acquiring fd. */
static u64 probe(int fd)
{
	struct probe p = {fd, 0};
	pthread_t t;
	pthread_create(&t, NULL, acquire_in_thread, &p);
	pthread_join(t, NULL);
	return p.seen;
}

/* Whether a thread acquiring `to` learns what main releases to `from`. */
static bool edge(int from, int to)
{
	u64 now = main_thr->clock;
	fd_release(main_thr, from);
	return probe(to) >= now;
}

/* Whether closing `fd` releases to what `other` acquires. */
static bool close_edge(int fd, int other)
{
	u64 now = main_thr->clock;
	fd_close(main_thr, fd, 1);
	close(fd);
	return probe(other) >= now;
}

int main(void)
{
	options_parse(NULL);
	shadow_init();
	thread_init_main();
	main_thr = cur_thread();
	uptr pc = (uptr)&main + 1;

	int p[2];
	CHECK(pipe(p) == 0);
	fd_created_pair(main_thr, p[0], p[1], pc);
	CHECK(edge(p[1], p[0]));
	int d = dup(p[1]);
	fd_dup(main_thr, p[1], d, pc);
	CHECK(edge(d, p[0]));

	int e1 = eventfd(0, 0), e2 = eventfd(0, 0);
	fd_created_own(main_thr, e1, pc);
	fd_created_own(main_thr, e2, pc);
	CHECK(edge(e1, e1));
	CHECK(!edge(e1, e2));

	char path[] = "/tmp/crace-test-fd-XXXXXX";
	int f1 = mkstemp(path);
	int f2 = open(path, O_RDONLY);
	fd_created(main_thr, f1, pc);
	fd_created(main_thr, f2, pc);
	CHECK(edge(f1, f2));
	CHECK(!edge(e2, f2));

	CHECK(!close_edge(f1, f2));
	unlink(path);
	CHECK(close_edge(p[1], p[0]));

	int x;
	stack_handle at;
	CHECK(fd_of_shadow_word((uptr)&x, &x, &at) == -1);

	close(p[0]);
	close(d);
	close(e1);
	close(e2);
	close(f2);
	return unit_done("test_fd");
}
