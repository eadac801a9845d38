/* harden=1: a seccomp filter installed before ours (here by a constructor
   of the program) can make our seccomp () call return 0 without
   installing anything.  The runtime then asks a probe system call for
   answers drawn at random at start-up, which only its own filter knows,
   and refuses to run (status 86) when they do not come back.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */
/* { dg-exit-status 86 } */

#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

/* Every seccomp () "succeeds" and does nothing; everything else runs.  */
__attribute__ ((constructor (101))) static void
fake_seccomp (void)
{
  static struct sock_filter insn[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, nr)),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, SYS_seccomp, 0, 1),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = { sizeof insn / sizeof insn[0], insn };

  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0
      || syscall (SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0)
    printf ("cannot install the fake filter\n");
}

int
main (void)
{
  printf ("main ran\n");
  return 0;
}
/* { dg-output "^pkeyplug: harden=1: the seccomp filter does not answer its self-test \\(probe 0 got -38\\): another filter, installed earlier, keeps it out\n$" } */
