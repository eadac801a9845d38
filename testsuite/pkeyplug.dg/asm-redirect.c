/* Every call of a function that starts a thread, and every address of one
   taken, in any function, goes to the runtime's version through a weak
   reference, with the C library's function as the fallback; a function of
   that name that the unit defines itself is not the library's.  aio_read
   is aio_read64 under _FILE_OFFSET_BITS=64.  */
/* { dg-do compile } */
/* { dg-options "-D_FILE_OFFSET_BITS=64" } */

#define _GNU_SOURCE
#include <aio.h>
#include <pthread.h>
#include <sched.h>
#include <threads.h>

int secret __attribute__ ((pkey ("k")));

static void *run (void *p) { return p; }
static int run_c11 (void *p) { (void) p; return 0; }
static int run_clone (void *p) { (void) p; return 0; }

__attribute__ ((pkey ("k"))) int
start_inside (pthread_t *t, thrd_t *c, char *stack)
{
  return pthread_create (t, 0, run, 0) + thrd_create (c, run_c11, 0)
	 + clone (run_clone, stack, 0, 0);
}

int
submit (struct aiocb *cb)
{
  return aio_read (cb);
}

void *
creator (void)
{
  return (void *) pthread_create;
}

int
timer_create (clockid_t clock, struct sigevent *ev, timer_t *t)
{
  (void) clock; (void) ev; (void) t;
  return 0;
}

int
own_timer (timer_t *t)
{
  return timer_create (CLOCK_MONOTONIC, 0, t);
}
/* { dg-final { scan-assembler "\\.weak\t__pkeyplug_pthread_create" } } */
/* { dg-final { scan-assembler "\\.weak\t__pkeyplug_thrd_create" } } */
/* { dg-final { scan-assembler "\\.weak\t__pkeyplug_clone" } } */
/* { dg-final { scan-assembler "\\.weak\t__pkeyplug_aio_read64" } } */
/* { dg-final { scan-assembler-not "__pkeyplug_aio_read\[^6\]" } } */
/* { dg-final { scan-assembler-not "__pkeyplug_timer_create" } } */
/* { dg-final { scan-assembler-not "call\t(pthread_create|thrd_create|clone|aio_read64)" } } */
/* { dg-final { scan-assembler-times "__pkeyplug_pthread_create(@GOTPCREL)?\\(%rip\\)" 2 } } */
