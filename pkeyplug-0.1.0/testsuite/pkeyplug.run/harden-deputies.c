/* harden=1: the other ways to make the kernel act on our memory are
   closed too: ptrace (a child of fork attaching to its parent to poke
   it), process_madvise, and shmat replacing a mapping or making
   executable memory.  A plain shmat still works.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <signal.h>
#include <sys/ipc.h>
#include <sys/ptrace.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "harden.h"
#include "probe.h"
#include <pkeyplug.h>

#ifndef SYS_process_madvise
# define SYS_process_madvise 440
#endif
#ifndef SHM_EXEC
# define SHM_EXEC 0100000
#endif

int secret PKEY_PROTECT ("vault") = 4;

PKEY_GRANT ("vault") static int
get (void)
{
  return secret;
}

int
main (void)
{
  int id = shmget (IPC_PRIVATE, 4096, IPC_CREAT | 0600);
  void *at = (void *) ((unsigned long) &secret & ~4095ul);
  int status;
  void *plain;
  pid_t child;

  fflush (stdout);
  child = fork ();
  if (child == 0)
    {
      say ("ptrace attach parent", ptrace (PTRACE_ATTACH, getppid (), 0, 0));
      fflush (stdout);
      _exit (0);
    }
  waitpid (child, &status, 0);
  say ("ptrace traceme", ptrace (PTRACE_TRACEME, 0, 0, 0));
  say ("process_madvise", syscall (SYS_process_madvise, -1, 0, 0, 0, 0));
  say ("shmat remap", (long) shmat (id, at, SHM_REMAP));
  say ("shmat exec", (long) shmat (id, NULL, SHM_EXEC));
  plain = shmat (id, NULL, 0);
  say ("shmat", (long) plain);
  shmdt (plain);
  shmctl (id, IPC_RMID, NULL);
  printf ("locked %d, value %d\n", !CAN_READ (secret), get ());
  return CAN_READ (secret);
}
/* { dg-output "ptrace attach parent: EPERM \[^\n\]*\n" } */
/* { dg-output "ptrace traceme: EPERM \[^\n\]*\n" } */
/* { dg-output "process_madvise: EPERM \[^\n\]*\n" } */
/* { dg-output "shmat remap: EPERM \[^\n\]*\n" } */
/* { dg-output "shmat exec: EPERM \[^\n\]*\n" } */
/* { dg-output "shmat: ok\n" } */
/* { dg-output "locked 1, value 4\n" } */
