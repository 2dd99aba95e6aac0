/* File descriptors as synchronisation (TSan's model, with finer objects).
 *
 * Every fd maps to a sync object: calls that put data into the fd (write,
 * send, eventfd_write, epoll_ctl, close) release to it, calls that return
 * data from it acquire it. The object is what the bytes travel through:
 *  - pipe() and socketpair(): one new object for both ends;
 *  - eventfd, epoll and other fds of their own: a new object per fd;
 *  - regular files and FIFOs: one object per inode (dev, ino), so two opens
 *    of one file, or both ends of a pipe created behind our back, share it;
 *  - connected sockets: one object per connection, found from the pair of
 *    local and peer addresses both ends see (loopback TCP is exact; UNIX
 *    sockets whose client has no name share one per server address);
 *  - datagram sockets: besides, a datagram is released to its destination
 *    address's object, which receives on the socket bound there acquire.
 * dup'd fds share their original's object.
 *
 * Each fd also has a word of shadow memory standing for the fd itself:
 * calls that create or close it write it, every other use reads it, so
 * closing an fd while another thread still uses it is a reported race, and
 * so is using an fd number obtained from a thread without synchronisation.
 * Creation writes without checking (the number may have been closed behind
 * the runtime's back) and close forgets the word's history afterwards. */
#ifndef CRACE_FD_H
#define CRACE_FD_H

#include "thread.h"

/* fd is used (read, write, ...) by the libc function whose access pc is pc. */
void fd_use(struct crace_thread *thr, int fd, uptr pc);
/* fd was just created (open, socket, accept, ...): what it is is looked up
 * on first use. */
void fd_created(struct crace_thread *thr, int fd, uptr pc);
/* fd was just created with an object of its own (eventfd, epoll_create). */
void fd_created_own(struct crace_thread *thr, int fd, uptr pc);
/* The two ends of a new pipe or socket pair. */
void fd_created_pair(struct crace_thread *thr, int fd0, int fd1, uptr pc);
/* newfd was just made a duplicate of oldfd (dup, dup2, dup3). */
void fd_dup(struct crace_thread *thr, int oldfd, int newfd, uptr pc);
/* fd is about to be closed: a release unless it is a regular file (the
 * peer sees end-of-file), then a write of the fd's shadow word, which then
 * starts afresh. */
void fd_close(struct crace_thread *thr, int fd, uptr pc);

/* For reports: the fd whose shadow word is at addr, or -1; with where and
 * by whom the runtime saw it created (*created_at is 0 if it did not). */
int fd_of_shadow_word(uptr addr, int *creator_uid, stack_handle *created_at);

void fd_release(struct crace_thread *thr, int fd);
/* A datagram sent to the address `to` (NULL: the socket's peer). */
void fd_release_to(struct crace_thread *thr, int fd, const void *to,
		   unsigned to_len);
void fd_acquire(struct crace_thread *thr, int fd);

#endif
