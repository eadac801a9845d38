/* One shared memory object mapped twice, writable and executable (PKU
   Pitfalls): harden=1 lets a file be mapped executable, since dlopen
   must, and a memfd is a file.  Bytes written through the writable view
   are code in the executable one: the attacker's own WRPKRU opens every
   key, and scan=1 sees it only at the next dlopen, which refuses to go
   on.  The same with shm_open.  The limit README states under "Files
   mapped as code".  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1:scan=1 } */
/* { dg-exit-status 85 } */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "../pkeyplug.run/harden.h"
#include "../pkeyplug.run/probe.h"
#include "attack.h"
#include <pkeyplug.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";

/* Map FD twice, write the gadget through one view and run it from the
   other: read the secret with every key open, then close them again.  */
static void
attack (const char *what, int fd)
{
  char buf[64], line[64];
  unsigned int pkru = probe_rdpkru ();
  unsigned char *rw, *rx;

  snprintf (line, sizeof line, "%s ftruncate", what);
  say (line, ftruncate (fd, 4096));
  rw = mmap (NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  snprintf (line, sizeof line, "%s map writable", what);
  say (line, rw == MAP_FAILED ? -1 : 0);
  rx = mmap (NULL, 4096, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
  snprintf (line, sizeof line, "%s map executable", what);
  say (line, rx == MAP_FAILED ? -1 : 0);
  if (rw == MAP_FAILED || rx == MAP_FAILED)
    exit (1);
  memcpy (rw, attack_wrpkru_code, sizeof attack_wrpkru_code);
  ((attack_set_pkru_fn *) rx) (0);
  attack_copy (buf, sizeof buf, secret);
  ((attack_set_pkru_fn *) rx) (pkru);
  printf ("%s: read '%s', locked again %d\n", what, buf, !CAN_READ (secret));
}

int
main (void)
{
  attack ("memfd", memfd_create ("gadget", 0));
  attack ("shm_open", shm_open ("/pkeyplug-attack", O_RDWR | O_CREAT, 0600));
  shm_unlink ("/pkeyplug-attack");
  fflush (stdout);
  /* The next dlopen scans again.  */
  dlopen ("libm.so.6", RTLD_NOW);
  printf ("dlopen went on\n");
  return 0;
}
/* { dg-output "memfd ftruncate: ok\n" } */
/* { dg-output "memfd map writable: ok\n" } */
/* { dg-output "memfd map executable: ok\n" } */
/* { dg-output "memfd: read 's3cret', locked again 1\n" } */
/* { dg-output "shm_open ftruncate: ok\n" } */
/* { dg-output "shm_open map writable: ok\n" } */
/* { dg-output "shm_open map executable: ok\n" } */
/* { dg-output "shm_open: read 's3cret', locked again 1\n" } */
/* { dg-output "pkeyplug: scan=1: stray wrpkru at 0x\[0-9a-f\]+ in (/memfd:gadget|/dev/shm/pkeyplug-attack) \\(deleted\\) 0x\[0-9a-f\]+-0x\[0-9a-f\]+; refusing to run\n$" } */
