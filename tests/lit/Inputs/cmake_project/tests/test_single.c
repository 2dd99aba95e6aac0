void counter_add(long n);
long counter_get(void);

int main(void)
{
	counter_add(2);
	return counter_get() == 2 ? 0 : 1;
}
