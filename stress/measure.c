/* measure OUT TIMEOUT CMD...: runs CMD with its stdout and stderr in OUT and
 * prints "STATUS PEAK_KB SECONDS RSS_SERIES":
 *   STATUS      CMD's exit status; 124 when killed after TIMEOUT seconds,
 *               128+N when killed by signal N
 *   PEAK_KB     its peak resident set (wait4's ru_maxrss; this program is
 *               small, so what the child held before the exec is noise)
 *   SECONDS     wall time
 *   RSS_SERIES  its resident set in MiB every 10 s, comma separated ("-"
 *               for a run shorter than that)
 * Built and used by stress/run.sh; not instrumented. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long rss_mib(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	long kb = -1;
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "VmRSS:", 6))
			kb = atol(line + 6);
	fclose(f);
	return kb < 0 ? -1 : kb / 1024;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: measure OUT TIMEOUT CMD...\n");
		return 2;
	}
	int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		perror(argv[1]);
		return 2;
	}
	double timeout = atof(argv[2]), start = now(), next = start + 10;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fd, 1);
		dup2(fd, 2);
		execvp(argv[3], argv + 3);
		fprintf(stderr, "measure: cannot run %s\n", argv[3]);
		_exit(127);
	}
	close(fd);
	char series[8192] = "";
	size_t len = 0;
	int status = 0, timed_out = 0;
	struct rusage ru;
	for (;;) {
		pid_t w = wait4(pid, &status, WNOHANG, &ru);
		if (w == pid)
			break;
		double t = now();
		if (t >= next) {
			long r = rss_mib(pid);
			if (r >= 0 && len + 24 < sizeof(series))
				len += (size_t)snprintf(
					series + len, sizeof(series) - len,
					"%s%ld", len ? "," : "", r);
			next += 10;
		}
		if (t - start > timeout && !timed_out) {
			timed_out = 1;
			kill(pid, SIGKILL);
		}
		usleep(20000);
	}
	int code = timed_out		 ? 124
		   : WIFSIGNALED(status) ? 128 + WTERMSIG(status)
					 : WEXITSTATUS(status);
	printf("%d %ld %.1f %s\n", code, ru.ru_maxrss, now() - start,
	       len ? series : "-");
	return 0;
}
