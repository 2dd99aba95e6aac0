/* System calls on file descriptors: the happens-before edges bytes carry
 * through pipes, sockets, eventfds and files, epoll's edge, the fd's own
 * shadow word (fd.h), and the program's buffers they read or write. The
 * runtime's bookkeeping keeps the errno the call left. */
#include "fd.h"
#include "libc_access.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

DEFINE_REAL(int, open, const char *, int, ...);
DEFINE_REAL(int, open64, const char *, int, ...);
DEFINE_REAL(int, openat, int, const char *, int, ...);
DEFINE_REAL(int, openat64, int, const char *, int, ...);
DEFINE_REAL(int, creat, const char *, mode_t);
DEFINE_REAL(int, pipe, int *);
DEFINE_REAL(int, pipe2, int *, int);
DEFINE_REAL(int, socket, int, int, int);
DEFINE_REAL(int, socketpair, int, int, int, int *);
DEFINE_REAL(int, accept, int, struct sockaddr *, socklen_t *);
DEFINE_REAL(int, accept4, int, struct sockaddr *, socklen_t *, int);
DEFINE_REAL(int, eventfd, unsigned, int);
DEFINE_REAL(int, epoll_create, int);
DEFINE_REAL(int, epoll_create1, int);
DEFINE_REAL(int, dup, int);
DEFINE_REAL(int, dup2, int, int);
DEFINE_REAL(int, dup3, int, int, int);
DEFINE_REAL(int, close, int);
DEFINE_REAL(int, shutdown, int, int);
DEFINE_REAL(ssize_t, read, int, void *, size_t);
DEFINE_REAL(ssize_t, pread, int, void *, size_t, off_t);
DEFINE_REAL(ssize_t, pread64, int, void *, size_t, off_t);
DEFINE_REAL(ssize_t, __read_chk, int, void *, size_t, size_t);
DEFINE_REAL(ssize_t, __pread_chk, int, void *, size_t, off_t, size_t);
DEFINE_REAL(ssize_t, __pread64_chk, int, void *, size_t, off_t, size_t);
DEFINE_REAL(ssize_t, __recv_chk, int, void *, size_t, size_t, int);
DEFINE_REAL(ssize_t, readv, int, const struct iovec *, int);
DEFINE_REAL(ssize_t, write, int, const void *, size_t);
DEFINE_REAL(ssize_t, pwrite, int, const void *, size_t, off_t);
DEFINE_REAL(ssize_t, pwrite64, int, const void *, size_t, off_t);
DEFINE_REAL(ssize_t, writev, int, const struct iovec *, int);
DEFINE_REAL(ssize_t, send, int, const void *, size_t, int);
DEFINE_REAL(ssize_t, sendto, int, const void *, size_t, int,
	    const struct sockaddr *, socklen_t);
DEFINE_REAL(ssize_t, sendmsg, int, const struct msghdr *, int);
DEFINE_REAL(ssize_t, recv, int, void *, size_t, int);
DEFINE_REAL(ssize_t, recvfrom, int, void *, size_t, int, struct sockaddr *,
	    socklen_t *);
DEFINE_REAL(ssize_t, recvmsg, int, struct msghdr *, int);
DEFINE_REAL(int, epoll_ctl, int, int, int, struct epoll_event *);
DEFINE_REAL(int, epoll_wait, int, struct epoll_event *, int, int);
DEFINE_REAL(int, epoll_pwait, int, struct epoll_event *, int, int,
	    const sigset_t *);
DEFINE_REAL(int, eventfd_read, int, eventfd_t *);
DEFINE_REAL(int, eventfd_write, int, eventfd_t);

/* ---- buffers ---- */

static void iov_read(struct crace_thread *thr, uptr pc, const struct iovec *iov,
		     int n)
{
	if (n <= 0)
		return;
	libc_read(thr, pc, iov, (uptr)n * sizeof(*iov));
	for (int i = 0; i < n; i++)
		libc_read(thr, pc, iov[i].iov_base, iov[i].iov_len);
}

/* The first `len` bytes received, spread over the vector. */
static void iov_written(struct crace_thread *thr, uptr pc,
			const struct iovec *iov, int n, size_t len)
{
	if (n <= 0)
		return;
	libc_read(thr, pc, iov, (uptr)n * sizeof(*iov));
	for (int i = 0; i < n && len; i++) {
		size_t k = iov[i].iov_len < len ? iov[i].iov_len : len;
		libc_write(thr, pc, iov[i].iov_base, k);
		len -= k;
	}
}

/* ---- creating fds ---- */

/* A call that returned a new fd (or -1). */
static int created(struct crace_thread *thr, uptr pc, int fd)
{
	if (thr) {
		int err = errno;
		if (fd >= 0)
			fd_created(thr, fd, pc);
		libc_exit(thr);
		errno = err;
	}
	return fd;
}

static int created_own(struct crace_thread *thr, uptr pc, int fd)
{
	if (thr) {
		int err = errno;
		if (fd >= 0)
			fd_created_own(thr, fd, pc);
		libc_exit(thr);
		errno = err;
	}
	return fd;
}

static int created_pair(struct crace_thread *thr, uptr pc, int r, int *fds)
{
	if (thr) {
		int err = errno;
		if (r == 0) {
			libc_write(thr, pc, fds, 2 * sizeof(int));
			fd_created_pair(thr, fds[0], fds[1], pc);
		}
		libc_exit(thr);
		errno = err;
	}
	return r;
}

/* open's mode is there only when the flags ask for it. */
static mode_t open_mode(int flags, va_list ap)
{
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE
		       ? va_arg(ap, mode_t)
		       : 0;
}

CRACE_EXPORT int open(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = open_mode(flags, ap);
	va_end(ap);
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return created(thr, LIBC_PC(open), REAL(open)(path, flags, mode));
}

CRACE_EXPORT int open64(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = open_mode(flags, ap);
	va_end(ap);
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return created(thr, LIBC_PC(open64), REAL(open64)(path, flags, mode));
}

CRACE_EXPORT int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = open_mode(flags, ap);
	va_end(ap);
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return created(thr, LIBC_PC(openat),
		       REAL(openat)(dirfd, path, flags, mode));
}

CRACE_EXPORT int openat64(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = open_mode(flags, ap);
	va_end(ap);
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return created(thr, LIBC_PC(openat64),
		       REAL(openat64)(dirfd, path, flags, mode));
}

CRACE_EXPORT int creat(const char *path, mode_t mode)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return created(thr, LIBC_PC(creat), REAL(creat)(path, mode));
}

CRACE_EXPORT int socket(int domain, int type, int protocol)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return created(thr, LIBC_PC(socket),
		       REAL(socket)(domain, type, protocol));
}

CRACE_EXPORT int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr)
		fd_use(thr, fd, LIBC_PC(accept));
	return created(thr, LIBC_PC(accept), REAL(accept)(fd, addr, len));
}

CRACE_EXPORT int accept4(int fd, struct sockaddr *addr, socklen_t *len,
			 int flags)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr)
		fd_use(thr, fd, LIBC_PC(accept4));
	return created(thr, LIBC_PC(accept4),
		       REAL(accept4)(fd, addr, len, flags));
}

CRACE_EXPORT int pipe(int fds[2])
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return created_pair(thr, LIBC_PC(pipe), REAL(pipe)(fds), fds);
}

CRACE_EXPORT int pipe2(int fds[2], int flags)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return created_pair(thr, LIBC_PC(pipe2), REAL(pipe2)(fds, flags), fds);
}

CRACE_EXPORT int socketpair(int domain, int type, int protocol, int fds[2])
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return created_pair(thr, LIBC_PC(socketpair),
			    REAL(socketpair)(domain, type, protocol, fds), fds);
}

CRACE_EXPORT int eventfd(unsigned initval, int flags)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return created_own(thr, LIBC_PC(eventfd),
			   REAL(eventfd)(initval, flags));
}

CRACE_EXPORT int epoll_create(int size)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return created_own(thr, LIBC_PC(epoll_create),
			   REAL(epoll_create)(size));
}

CRACE_EXPORT int epoll_create1(int flags)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return created_own(thr, LIBC_PC(epoll_create1),
			   REAL(epoll_create1)(flags));
}

/* ---- dup and close ---- */

static int duped(struct crace_thread *thr, uptr pc, int oldfd, int r)
{
	if (thr) {
		int err = errno;
		if (r >= 0)
			fd_dup(thr, oldfd, r, pc);
		libc_exit(thr);
		errno = err;
	}
	return r;
}

CRACE_EXPORT int dup(int fd)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr)
		fd_use(thr, fd, LIBC_PC(dup));
	return duped(thr, LIBC_PC(dup), fd, REAL(dup)(fd));
}

/* newfd is closed in passing: its peer may see end-of-file. A read of its
 * shadow word, not a write: replacing an fd in use (stdout by /dev/null, a
 * socket by a closed pipe) is a common and deliberate idiom (TSan agrees). */
static struct crace_thread *dup_onto(uptr caller, uptr pc, int oldfd, int newfd)
{
	struct crace_thread *thr = libc_enter(caller);
	if (thr) {
		int err = errno;
		fd_use(thr, oldfd, pc);
		if (newfd != oldfd) {
			fd_use(thr, newfd, pc);
			fd_release(thr, newfd);
		}
		errno = err;
	}
	return thr;
}

CRACE_EXPORT int dup2(int oldfd, int newfd)
{
	struct crace_thread *thr =
		dup_onto(CALLER_PC(), LIBC_PC(dup2), oldfd, newfd);
	int r = REAL(dup2)(oldfd, newfd);
	/* dup2(fd, fd) changes nothing. */
	duped(thr, LIBC_PC(dup2), oldfd, newfd != oldfd ? r : -1);
	return r;
}

CRACE_EXPORT int dup3(int oldfd, int newfd, int flags)
{
	struct crace_thread *thr =
		dup_onto(CALLER_PC(), LIBC_PC(dup3), oldfd, newfd);
	return duped(thr, LIBC_PC(dup3), oldfd,
		     REAL(dup3)(oldfd, newfd, flags));
}

CRACE_EXPORT int close(int fd)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		fd_close(thr, fd, LIBC_PC(close));
		libc_exit(thr);
	}
	return REAL(close)(fd);
}

/* The peer sees end-of-file (or an error) once the writing side is shut:
 * like close, a release. */
CRACE_EXPORT int shutdown(int fd, int how)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		int err = errno;
		fd_use(thr, fd, LIBC_PC(shutdown));
		fd_release(thr, fd);
		libc_exit(thr);
		errno = err;
	}
	return REAL(shutdown)(fd, how);
}

/* ---- data in ---- */

/* A read-type call returned r: data (or end-of-file, when the writer
 * closed) comes after what was released to the fd, and `len` bytes of buf
 * were written. */
static void received(struct crace_thread *thr, uptr pc, int fd, ssize_t r,
		     void *buf, size_t len)
{
	int err = errno;
	if (r >= 0) {
		fd_acquire(thr, fd);
		libc_write(thr, pc, buf, len);
	}
	libc_exit(thr);
	errno = err;
}

static struct crace_thread *receiving(uptr caller, uptr pc, int fd)
{
	struct crace_thread *thr = libc_enter(caller);
	if (thr) {
		int err = errno;
		fd_use(thr, fd, pc);
		errno = err;
	}
	return thr;
}

/* The body of a read-type interceptor: `name` is the function reported,
 * `real` the one doing the work (read, or __read_chk under
 * -D_FORTIFY_SOURCE). */
#define RECEIVE(name, real, fd, buf, call)                                     \
	do {                                                                   \
		struct crace_thread *thr =                                     \
			receiving(CALLER_PC(), LIBC_PC(name), fd);             \
		ssize_t r = REAL(real) call;                                   \
		if (thr)                                                       \
			received(thr, LIBC_PC(name), fd, r, buf,               \
				 r > 0 ? (size_t)r : 0);                       \
		return r;                                                      \
	} while (0)

CRACE_EXPORT ssize_t read(int fd, void *buf, size_t n)
{
	RECEIVE(read, read, fd, buf, (fd, buf, n));
}

CRACE_EXPORT ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	RECEIVE(pread, pread, fd, buf, (fd, buf, n, off));
}

CRACE_EXPORT ssize_t pread64(int fd, void *buf, size_t n, off_t off)
{
	RECEIVE(pread64, pread64, fd, buf, (fd, buf, n, off));
}

CRACE_EXPORT ssize_t recv(int fd, void *buf, size_t n, int flags)
{
	RECEIVE(recv, recv, fd, buf, (fd, buf, n, flags));
}

CRACE_EXPORT ssize_t __read_chk(int fd, void *buf, size_t n, size_t room)
{
	RECEIVE(read, __read_chk, fd, buf, (fd, buf, n, room));
}

CRACE_EXPORT ssize_t __pread_chk(int fd, void *buf, size_t n, off_t off,
				 size_t room)
{
	RECEIVE(pread, __pread_chk, fd, buf, (fd, buf, n, off, room));
}

CRACE_EXPORT ssize_t __pread64_chk(int fd, void *buf, size_t n, off_t off,
				   size_t room)
{
	RECEIVE(pread64, __pread64_chk, fd, buf, (fd, buf, n, off, room));
}

CRACE_EXPORT ssize_t __recv_chk(int fd, void *buf, size_t n, size_t room,
				int flags)
{
	RECEIVE(recv, __recv_chk, fd, buf, (fd, buf, n, room, flags));
}

CRACE_EXPORT ssize_t recvfrom(int fd, void *buf, size_t n, int flags,
			      struct sockaddr *addr, socklen_t *addrlen)
{
	struct crace_thread *thr =
		receiving(CALLER_PC(), LIBC_PC(recvfrom), fd);
	socklen_t room = addr && addrlen ? *addrlen : 0;
	ssize_t r = REAL(recvfrom)(fd, buf, n, flags, addr, addrlen);
	if (thr) {
		if (r >= 0 && addr) {
			libc_write(thr, LIBC_PC(recvfrom), addrlen,
				   sizeof(*addrlen));
			libc_write(thr, LIBC_PC(recvfrom), addr,
				   *addrlen < room ? *addrlen : room);
		}
		received(thr, LIBC_PC(recvfrom), fd, r, buf,
			 r > 0 ? (size_t)r : 0);
	}
	return r;
}

CRACE_EXPORT ssize_t readv(int fd, const struct iovec *iov, int n)
{
	struct crace_thread *thr = receiving(CALLER_PC(), LIBC_PC(readv), fd);
	ssize_t r = REAL(readv)(fd, iov, n);
	if (thr) {
		int err = errno;
		if (r >= 0) {
			fd_acquire(thr, fd);
			iov_written(thr, LIBC_PC(readv), iov, n, (size_t)r);
		}
		libc_exit(thr);
		errno = err;
	}
	return r;
}

CRACE_EXPORT ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	struct crace_thread *thr = receiving(CALLER_PC(), LIBC_PC(recvmsg), fd);
	ssize_t r = REAL(recvmsg)(fd, msg, flags);
	if (thr) {
		int err = errno;
		uptr pc = LIBC_PC(recvmsg);
		if (r >= 0) {
			fd_acquire(thr, fd);
			libc_write(thr, pc, msg, sizeof(*msg));
			iov_written(thr, pc, msg->msg_iov, (int)msg->msg_iovlen,
				    (size_t)r);
			if (msg->msg_name)
				libc_write(thr, pc, msg->msg_name,
					   msg->msg_namelen);
			if (msg->msg_control)
				libc_write(thr, pc, msg->msg_control,
					   msg->msg_controllen);
		}
		libc_exit(thr);
		errno = err;
	}
	return r;
}

CRACE_EXPORT int eventfd_read(int fd, eventfd_t *value)
{
	struct crace_thread *thr =
		receiving(CALLER_PC(), LIBC_PC(eventfd_read), fd);
	int r = REAL(eventfd_read)(fd, value);
	if (thr)
		received(thr, LIBC_PC(eventfd_read), fd, r, value,
			 r == 0 ? sizeof(*value) : 0);
	return r;
}

/* ---- data out ---- */

/* Before a write-type call: the bytes to send (and the address to send
 * them to) are read, then released to the fd, before the peer can possibly
 * have them. */
static void sending(uptr caller, uptr pc, int fd, const void *buf, size_t n,
		    const void *addr, socklen_t addrlen)
{
	struct crace_thread *thr = libc_enter(caller);
	if (thr) {
		int err = errno;
		fd_use(thr, fd, pc);
		libc_read(thr, pc, buf, n);
		if (addr)
			libc_read(thr, pc, addr, addrlen);
		fd_release_to(thr, fd, addr, addrlen);
		libc_exit(thr);
		errno = err;
	}
}

CRACE_EXPORT ssize_t write(int fd, const void *buf, size_t n)
{
	sending(CALLER_PC(), LIBC_PC(write), fd, buf, n, NULL, 0);
	return REAL(write)(fd, buf, n);
}

CRACE_EXPORT ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	sending(CALLER_PC(), LIBC_PC(pwrite), fd, buf, n, NULL, 0);
	return REAL(pwrite)(fd, buf, n, off);
}

CRACE_EXPORT ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	sending(CALLER_PC(), LIBC_PC(pwrite64), fd, buf, n, NULL, 0);
	return REAL(pwrite64)(fd, buf, n, off);
}

CRACE_EXPORT ssize_t send(int fd, const void *buf, size_t n, int flags)
{
	sending(CALLER_PC(), LIBC_PC(send), fd, buf, n, NULL, 0);
	return REAL(send)(fd, buf, n, flags);
}

CRACE_EXPORT ssize_t sendto(int fd, const void *buf, size_t n, int flags,
			    const struct sockaddr *addr, socklen_t addrlen)
{
	sending(CALLER_PC(), LIBC_PC(sendto), fd, buf, n, addr, addrlen);
	return REAL(sendto)(fd, buf, n, flags, addr, addrlen);
}

CRACE_EXPORT ssize_t writev(int fd, const struct iovec *iov, int n)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		int err = errno;
		fd_use(thr, fd, LIBC_PC(writev));
		iov_read(thr, LIBC_PC(writev), iov, n);
		fd_release(thr, fd);
		libc_exit(thr);
		errno = err;
	}
	return REAL(writev)(fd, iov, n);
}

CRACE_EXPORT ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		int err = errno;
		uptr pc = LIBC_PC(sendmsg);
		fd_use(thr, fd, pc);
		libc_read(thr, pc, msg, sizeof(*msg));
		iov_read(thr, pc, msg->msg_iov, (int)msg->msg_iovlen);
		if (msg->msg_name)
			libc_read(thr, pc, msg->msg_name, msg->msg_namelen);
		if (msg->msg_control)
			libc_read(thr, pc, msg->msg_control,
				  msg->msg_controllen);
		fd_release_to(thr, fd, msg->msg_name, msg->msg_namelen);
		libc_exit(thr);
		errno = err;
	}
	return REAL(sendmsg)(fd, msg, flags);
}

CRACE_EXPORT int eventfd_write(int fd, eventfd_t value)
{
	sending(CALLER_PC(), LIBC_PC(eventfd_write), fd, NULL, 0, NULL, 0);
	return REAL(eventfd_write)(fd, value);
}

/* ---- epoll ---- */

/* Registering or changing an fd releases to the epoll fd; a wait that
 * reports events acquires it (TSan's model). */
CRACE_EXPORT int epoll_ctl(int epfd, int op, int fd, struct epoll_event *ev)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		int err = errno;
		uptr pc = LIBC_PC(epoll_ctl);
		fd_use(thr, epfd, pc);
		fd_use(thr, fd, pc);
		if (op != EPOLL_CTL_DEL)
			libc_read(thr, pc, ev, sizeof(*ev));
		fd_release(thr, epfd);
		libc_exit(thr);
		errno = err;
	}
	return REAL(epoll_ctl)(epfd, op, fd, ev);
}

static void waited(struct crace_thread *thr, uptr pc, int epfd, int r,
		   struct epoll_event *ev)
{
	int err = errno;
	if (r > 0) {
		fd_acquire(thr, epfd);
		libc_write(thr, pc, ev, (size_t)r * sizeof(*ev));
	}
	libc_exit(thr);
	errno = err;
}

CRACE_EXPORT int epoll_wait(int epfd, struct epoll_event *ev, int max,
			    int timeout)
{
	struct crace_thread *thr =
		receiving(CALLER_PC(), LIBC_PC(epoll_wait), epfd);
	int r = REAL(epoll_wait)(epfd, ev, max, timeout);
	if (thr)
		waited(thr, LIBC_PC(epoll_wait), epfd, r, ev);
	return r;
}

CRACE_EXPORT int epoll_pwait(int epfd, struct epoll_event *ev, int max,
			     int timeout, const sigset_t *mask)
{
	struct crace_thread *thr =
		receiving(CALLER_PC(), LIBC_PC(epoll_pwait), epfd);
	int r = REAL(epoll_pwait)(epfd, ev, max, timeout, mask);
	if (thr)
		waited(thr, LIBC_PC(epoll_pwait), epfd, r, ev);
	return r;
}
