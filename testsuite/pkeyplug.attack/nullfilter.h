/* nullfilter.h -- for attack tests: an attacker's seccomp filter that
   answers some system calls with 0 (SECCOMP_RET_ERRNO with data 0)
   without the kernel doing anything, in place before the runtime starts.

   null_filter_exec (ARGV, RULES, N) installs the filter and executes the
   program again (exec keeps the filter), so that the new image runs with
   it from its first instruction; in that image it returns 1.  Each rule
   names a system call and, unless ARG is -1, the value the low 32 bits of
   its argument ARG must have.  */

#ifndef NULLFILTER_H
#define NULLFILTER_H

#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

struct null_rule
{
  int nr;
  int arg;
  unsigned int value;
};

#define NULL_FILTER_MARK "PKEYPLUG_TEST_NULL_FILTER"
#define NULL_FILTER_MAX_RULES 8

static int
null_filter_exec (char **argv, const struct null_rule *rules, int n)
{
  struct sock_filter f[5 * NULL_FILTER_MAX_RULES + 1];
  struct sock_fprog prog;
  int i, len = 0;

  if (getenv (NULL_FILTER_MARK) != NULL)
    return 1;
  for (i = 0; i < n && i < NULL_FILTER_MAX_RULES; i++)
    {
      struct sock_filter load_nr
	= BPF_STMT (BPF_LD | BPF_W | BPF_ABS,
		    offsetof (struct seccomp_data, nr));
      struct sock_filter null_ret
	= BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 0);

      f[len++] = load_nr;
      if (rules[i].arg < 0)
	{
	  struct sock_filter is_nr
	    = BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, rules[i].nr, 0, 1);
	  f[len++] = is_nr;
	}
      else
	{
	  struct sock_filter is_nr
	    = BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, rules[i].nr, 0, 3);
	  struct sock_filter load_arg
	    = BPF_STMT (BPF_LD | BPF_W | BPF_ABS,
			offsetof (struct seccomp_data, args[rules[i].arg]));
	  struct sock_filter is_value
	    = BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, rules[i].value, 0, 1);
	  f[len++] = is_nr;
	  f[len++] = load_arg;
	  f[len++] = is_value;
	}
      f[len++] = null_ret;
    }
  {
    struct sock_filter allow = BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    f[len++] = allow;
  }
  prog.len = (unsigned short) len;
  prog.filter = f;
  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0
      || syscall (SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0)
    {
      perror ("seccomp");
      exit (2);
    }
  setenv (NULL_FILTER_MARK, "1", 1);
  fflush (stdout);
  execv ("/proc/self/exe", argv);
  perror ("execv");
  exit (2);
}

#endif
