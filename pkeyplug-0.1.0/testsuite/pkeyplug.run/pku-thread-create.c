/* Real PKU only: a thread created inside a granting function starts with
   the keys locked, not with its creator's open window (a new thread
   inherits PKRU; libpkeyrt's pthread_create locks it first).  */
/* { dg-do run } */
/* { dg-require-pku "" } */

#include <pthread.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 3;
static int child_reads = -1;

static void *
child (void *arg)
{
  (void) arg;
  child_reads = CAN_READ (secret);
  return NULL;
}

PKEY_GRANT ("vault") static int
spawn_inside_grant (void)
{
  pthread_t t;
  pthread_create (&t, NULL, child, NULL);
  pthread_join (t, NULL);
  return CAN_READ (secret);
}

int
main (void)
{
  int creator_reads = spawn_inside_grant ();
  printf ("creator reads %d, child reads %d\n", creator_reads, child_reads);
  return !(creator_reads == 1 && child_reads == 0);
}
/* { dg-output "creator reads 1, child reads 0" } */
