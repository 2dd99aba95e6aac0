/* The fd table: an array indexed by fd, in chunks allocated on first use,
 * mapping each fd to its sync object and its shadow word (see fd.h). */
#include "fd.h"
#include "access.h"
#include "alloc.h"
#include "shadow.h"
#include "sync.h"
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#define FD_CHUNK_BITS 10
#define FD_CHUNK      (1u << FD_CHUNK_BITS)
#define FD_MAX	      (1u << 20) /* Linux's default fs.nr_open */

/* Sync object keys are not addresses (those are below 2^47): */
#define KEY_OWN	   (1ull << 63) /* a counter: an object of its own */
#define KEY_SHARED (1ull << 62) /* a hash of what the fd is (inode, ...) */

struct fd_sync {
	u64 key;
	/* fds holding an object of their own; it is destroyed with the last.
	 * Shared objects (-1) outlive their fds: the file or the peer is
	 * still there. */
	int refs;
	bool unconnected; /* a socket not linked to its peer yet */
	bool dgram;	  /* a datagram socket: see dgram_key */
	bool file;	  /* a regular file: closing it tells nobody anything */
};

struct fd_entry {
	struct fd_sync *sync; /* NULL: looked up on first use */
	u64 shadow;	      /* its address stands for the fd */
	/* Where the runtime saw it created, for reports (0: it did not). */
	stack_handle created_at;
	int creator_uid;
};

static struct fd_entry *chunks[FD_MAX / FD_CHUNK];
static u64 next_own_key;

static struct fd_entry *entry_of(int fd)
{
	if (fd < 0 || (unsigned)fd >= FD_MAX)
		return NULL;
	struct fd_entry **slot = &chunks[fd >> FD_CHUNK_BITS];
	struct fd_entry *c = load_acquire(slot), *none = NULL;
	if (unlikely(!c)) {
		c = internal_calloc(FD_CHUNK, sizeof(*c));
		if (!__atomic_compare_exchange_n(slot, &none, c, false,
						 __ATOMIC_ACQ_REL,
						 __ATOMIC_ACQUIRE)) {
			internal_free(c, FD_CHUNK * sizeof(*c));
			c = none;
		}
	}
	return &c[fd & (FD_CHUNK - 1)];
}

static struct fd_sync *sync_own(int refs)
{
	struct fd_sync *s = internal_calloc(1, sizeof(*s));
	s->key = KEY_OWN |
		 __atomic_add_fetch(&next_own_key, 1, __ATOMIC_RELAXED);
	s->refs = refs;
	return s;
}

static u64 hash_bytes(u64 h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ull; /* FNV-1a */
	return h;
}

static struct fd_sync *sync_shared(u64 h)
{
	struct fd_sync *s = internal_calloc(1, sizeof(*s));
	s->key = KEY_SHARED | (h & (KEY_SHARED - 1));
	s->refs = -1;
	return s;
}

static bool unnamed(const struct sockaddr_storage *a, socklen_t len)
{
	return a->ss_family == AF_UNIX && len <= sizeof(sa_family_t);
}

/* The connection's object: the same from both ends, whichever end's
 * addresses come first. NULL when not connected, or when neither end has
 * a name that tells this connection from others (unnamed UNIX sockets). */
static struct fd_sync *sync_of_connection(int fd, bool dgram)
{
	struct sockaddr_storage a, b;
	socklen_t la = sizeof(a), lb = sizeof(b);
	if (getsockname(fd, (struct sockaddr *)&a, &la) ||
	    getpeername(fd, (struct sockaddr *)&b, &lb))
		return NULL;
	if (la > sizeof(a) || lb > sizeof(b) ||
	    (unnamed(&a, la) && unnamed(&b, lb)))
		return NULL;
	int c = memcmp(&a, &b, la < lb ? la : lb);
	if (c > 0 || (c == 0 && la > lb)) {
		struct sockaddr_storage t = a;
		socklen_t lt = la;
		a = b, la = lb;
		b = t, lb = lt;
	}
	u64 h = hash_bytes(0xcbf29ce484222325ull, "sock", 4);
	h = hash_bytes(h, &la, sizeof(la));
	h = hash_bytes(h, &a, la);
	struct fd_sync *s = sync_shared(hash_bytes(h, &b, lb));
	s->dgram = dgram;
	return s;
}

/* Datagrams go to an address, not a connection: each is also released to
 * its destination address's object, and a datagram socket's receives
 * acquire its own address's. Internet addresses are keyed by port alone,
 * so a socket bound to the wildcard address still meets datagrams sent to
 * 127.0.0.1. False when the address has no name (unnamed UNIX sockets). */
static bool dgram_key(const struct sockaddr_storage *a, socklen_t len, u64 *key)
{
	u64 h = hash_bytes(0xcbf29ce484222325ull, "dgram", 5);
	if (a->ss_family == AF_INET && len >= sizeof(struct sockaddr_in))
		h = hash_bytes(h, &((const struct sockaddr_in *)a)->sin_port,
			       sizeof(in_port_t));
	else if (a->ss_family == AF_INET6 && len >= sizeof(struct sockaddr_in6))
		h = hash_bytes(h, &((const struct sockaddr_in6 *)a)->sin6_port,
			       sizeof(in_port_t));
	else if (a->ss_family == AF_UNIX && !unnamed(a, len))
		h = hash_bytes(hash_bytes(h, "unix", 4), a, len);
	else
		return false;
	*key = KEY_SHARED | (h & (KEY_SHARED - 1));
	return true;
}

/* The key of fd's own address (local) or of its peer's. */
static bool dgram_key_of(int fd, bool local, u64 *key)
{
	struct sockaddr_storage a;
	socklen_t len = sizeof(a);
	if ((local ? getsockname : getpeername)(fd, (struct sockaddr *)&a,
						&len) ||
	    len > sizeof(a))
		return false;
	return dgram_key(&a, len, key);
}

/* What an fd the runtime has not seen created is, from the kernel. */
static struct fd_sync *sync_lookup(int fd)
{
	struct stat st;
	if (fstat(fd, &st))
		return NULL;
	if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode)) {
		u64 h = hash_bytes(0xcbf29ce484222325ull, "file", 4);
		h = hash_bytes(h, &st.st_dev, sizeof(st.st_dev));
		struct fd_sync *s = sync_shared(
			hash_bytes(h, &st.st_ino, sizeof(st.st_ino)));
		s->file = S_ISREG(st.st_mode);
		return s;
	}
	if (S_ISSOCK(st.st_mode)) {
		int type = 0;
		socklen_t len = sizeof(type);
		getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len);
		struct fd_sync *s = sync_of_connection(fd, type == SOCK_DGRAM);
		if (s)
			return s;
		s = sync_own(1);
		s->unconnected = true;
		s->dgram = type == SOCK_DGRAM;
		return s;
	}
	return sync_own(1);
}

static void sync_put(struct fd_sync *s)
{
	if (s && load_relaxed(&s->refs) > 0 &&
	    __atomic_sub_fetch(&s->refs, 1, __ATOMIC_ACQ_REL) == 0)
		sync_destroy(s->key);
}

/* sync_put from an interceptor: destroying takes the sync table's lock,
 * which a signal handler's write() on this thread must not want again. */
static void sync_drop(struct crace_thread *thr, struct fd_sync *s)
{
	runtime_enter(thr);
	sync_put(s);
	runtime_exit(thr);
}

/* Installs s as e's object, dropping the one it had. */
static void entry_set(struct crace_thread *thr, struct fd_entry *e,
		      struct fd_sync *s)
{
	sync_drop(thr, __atomic_exchange_n(&e->sync, s, __ATOMIC_ACQ_REL));
}

/* fd's object, looked up if need be (NULL for a bad fd). Objects are never
 * freed, so one a concurrent close just dropped stays valid memory. */
static struct fd_sync *sync_of(int fd)
{
	struct fd_entry *e = entry_of(fd);
	if (!e)
		return NULL;
	struct fd_sync *s = load_acquire(&e->sync);
	if (s && !s->unconnected)
		return s;
	struct fd_sync *n =
		s ? sync_of_connection(fd, s->dgram) : sync_lookup(fd);
	if (!n)
		return s;
	if (__atomic_compare_exchange_n(&e->sync, &s, n, false,
					__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		sync_put(s);
		return n;
	}
	sync_put(n);
	return s;
}

static void shadow_access(struct crace_thread *thr, struct fd_entry *e,
			  unsigned flags, uptr pc)
{
	access_range(thr, (uptr)&e->shadow, sizeof(e->shadow), flags, pc);
}

void fd_use(struct crace_thread *thr, int fd, uptr pc)
{
	struct fd_entry *e = entry_of(fd);
	if (e)
		shadow_access(thr, e, 0, pc);
}

static void created(struct crace_thread *thr, int fd, struct fd_sync *s,
		    uptr pc)
{
	struct fd_entry *e = entry_of(fd);
	if (!e) {
		sync_drop(thr, s);
		return;
	}
	/* A write nothing can race with: an fd number reused after a close
	 * has no past, but a use by a thread not ordered after this creation
	 * races with it. */
	shadow_reset((uptr)&e->shadow, sizeof(e->shadow));
	shadow_access(thr, e, ACC_WRITE, pc);
	runtime_enter(thr);
	/* pc - 1: the interceptor's entry, printed as its name. */
	store_relaxed(&e->created_at, thread_stack_handle(thr, pc - 1, 0));
	store_relaxed(&e->creator_uid, thr->uid);
	runtime_exit(thr);
	entry_set(thr, e, s);
}

void fd_created(struct crace_thread *thr, int fd, uptr pc)
{
	created(thr, fd, NULL, pc);
}

void fd_created_own(struct crace_thread *thr, int fd, uptr pc)
{
	created(thr, fd, sync_own(1), pc);
}

void fd_created_pair(struct crace_thread *thr, int fd0, int fd1, uptr pc)
{
	struct fd_sync *s = sync_own(2);
	created(thr, fd0, s, pc);
	created(thr, fd1, s, pc);
}

void fd_dup(struct crace_thread *thr, int oldfd, int newfd, uptr pc)
{
	runtime_enter(thr);
	struct fd_sync *s = sync_of(oldfd);
	if (s && load_relaxed(&s->refs) > 0)
		__atomic_add_fetch(&s->refs, 1, __ATOMIC_RELAXED);
	runtime_exit(thr);
	created(thr, newfd, s, pc);
}

void fd_close(struct crace_thread *thr, int fd, uptr pc)
{
	struct fd_entry *e = entry_of(fd);
	if (!e)
		return;
	runtime_enter(thr);
	struct fd_sync *s = sync_of(fd);
	/* The reader of a pipe or socket sees end-of-file; a file's readers
	 * see only what was written, and that was released already. */
	if (s && !s->file)
		sync_release(thr, s->key);
	runtime_exit(thr);
	shadow_access(thr, e, ACC_WRITE, pc);
	/* Whoever gets the number next starts afresh, even if the runtime
	 * does not see it created. */
	shadow_reset((uptr)&e->shadow, sizeof(e->shadow));
	store_relaxed(&e->created_at, 0);
	entry_set(thr, e, NULL);
}

/* Sync objects are locked: see sync_drop. */
void fd_release_to(struct crace_thread *thr, int fd, const void *to,
		   unsigned to_len)
{
	runtime_enter(thr);
	struct fd_sync *s = sync_of(fd);
	if (s) {
		u64 key;
		struct sockaddr_storage a;
		if (s->dgram && to && to_len <= sizeof(a)) {
			memcpy(&a, to, to_len);
			if (dgram_key(&a, to_len, &key))
				sync_release(thr, key);
		} else if (s->dgram && dgram_key_of(fd, false, &key)) {
			sync_release(thr, key);
		}
		sync_release(thr, s->key);
	}
	runtime_exit(thr);
}

void fd_release(struct crace_thread *thr, int fd)
{
	fd_release_to(thr, fd, NULL, 0);
}

void fd_acquire(struct crace_thread *thr, int fd)
{
	runtime_enter(thr);
	struct fd_sync *s = sync_of(fd);
	if (s) {
		u64 key;
		if (s->dgram && dgram_key_of(fd, true, &key))
			sync_acquire(thr, key);
		sync_acquire(thr, s->key);
	}
	runtime_exit(thr);
}

int fd_of_shadow_word(uptr addr, int *creator_uid, stack_handle *created_at)
{
	for (unsigned i = 0; i < ARRAY_SIZE(chunks); i++) {
		struct fd_entry *c = load_acquire(&chunks[i]);
		if (!c || addr < (uptr)c || addr >= (uptr)(c + FD_CHUNK))
			continue;
		struct fd_entry *e = &c[(addr - (uptr)c) / sizeof(*c)];
		if (addr - (uptr)&e->shadow >= sizeof(e->shadow))
			return -1;
		*created_at = load_relaxed(&e->created_at);
		*creator_uid = load_relaxed(&e->creator_uid);
		return (int)(i * FD_CHUNK + (unsigned)(e - c));
	}
	return -1;
}
