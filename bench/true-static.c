/* true-static — /bin/true, linked statically (cc -static), so that an empty
 * root holding this one file is enough to run it.  The floor probe execs it;
 * the startup driver also times it bare, which, set against the dynamic
 * /bin/true, shows what the dynamic loader alone costs. */

int main(void)
{
	return 0;
}
