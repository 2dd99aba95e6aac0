#include <sys/wait.h>
#include <unistd.h>

void counter_add(long n);
long counter_get(void);

int main(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		counter_add(1);
		_exit(counter_get() == 1 ? 0 : 1);
	}
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : 1;
}
