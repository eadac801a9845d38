/* thread-start.h -- for the tests of threads that start inside a grant
   (thread-start-*.c): two keys, and a thread's rights on each.

   Key 'vault' is noaccess, key 'table' readonly.  A thread that starts
   with every key in its default state can do nothing with vault's object
   and only read table's.  GRANT_BOTH opens both for reading and writing,
   so a thread that inherits its creator's rights inside such a grant
   reports "vault write, table write".

   A callback must look only after the grant that started it has ended
   (WAIT_FOR_GRANT_END in the callback, GRANT_ENDED in the creator): in
   emulate mode a grant opens the pages for every thread while it lasts,
   which is the emulation's documented limit, not what these tests look
   at.  */

#ifndef THREAD_START_H
#define THREAD_START_H

#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

int vault_secret PKEY_PROTECT ("vault") = 7;
int table_entry PKEY_PROTECT_READONLY ("table") = 5;

#define GRANT_BOTH __attribute__ ((pkey ("vault"), pkey ("table")))

/* What the calling thread may do with OBJ now.  */
#define RIGHTS(obj) \
  (!CAN_READ (obj) ? "none" : !CAN_WRITE (obj) ? "read" : "write")

/* glibc runs SIGEV_THREAD timer callbacks with every signal but its
   own blocked, and a fault with SIGSEGV blocked kills the process: let
   the probes catch theirs.  */

static void
allow_faults (void)
{
  sigset_t segv;

  sigemptyset (&segv);
  sigaddset (&segv, SIGSEGV);
  pthread_sigmask (SIG_UNBLOCK, &segv, NULL);
}

/* One line: WHO and its rights on both keys.  */
#define REPORT(buf, who) \
  (allow_faults (), \
   snprintf ((buf), sizeof (buf), "%s: vault %s, table %s", (who), \
	     RIGHTS (vault_secret), RIGHTS (table_entry)))

static sem_t grant_over;

#define WAIT_FOR_GRANT_END() sem_wait (&grant_over)
#define GRANT_ENDED() sem_post (&grant_over)
#define THREAD_START_INIT() sem_init (&grant_over, 0, 0)

#endif
