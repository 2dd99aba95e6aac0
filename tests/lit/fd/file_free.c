// A regular file: the writer and the reader open it separately, and the
// edge still goes from pwrite to the pread that returns the bytes (one sync
// object per inode). Also: close publishes, and the fd number closed by one
// thread and reopened by another carries no history. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: rm -f %t.data
// RUN: %expect_exit 0 %run %t %t.data | FileCheck %s
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

const char *path;
int data;
int ready; /* only orders the threads in real time: no edge */

void *writer(void *arg)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	data = 42;
	pwrite(fd, "x", 1, 0);
	close(fd);
	__atomic_store_n(&ready, 1, __ATOMIC_RELAXED);
	return arg;
}

int main(int argc, char **argv)
{
	path = argc > 1 ? argv[1] : "crace-file-test";
	pthread_t t;
	pthread_create(&t, 0, writer, 0);
	while (!__atomic_load_n(&ready, __ATOMIC_RELAXED))
		;
	int fd = open(path, O_RDONLY);
	char c = 0;
	pread(fd, &c, 1, 0);
	printf("read %c data=%d\n", c, data);
	close(fd);
	pthread_join(t, 0);
	unlink(path);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     read x data=42
// CHECK-NOT: WARNING: DATA RACE
