/* W^X under harden=1 also for files: one mapping both writable and
   executable, of /dev/zero (private: anonymous memory in all but name)
   or of a memfd, would let written bytes run as code, like the
   anonymous executable memory the filter refuses.  mmap refuses them;
   a file mapped for reading and executing (what dlopen does) still
   works.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1:scan=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "../pkeyplug.run/harden.h"
#include "../pkeyplug.run/probe.h"
#include "attack.h"
#include <pkeyplug.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";

#define RWX (PROT_READ | PROT_WRITE | PROT_EXEC)

/* Map WHAT, and if that worked, run the gadget written into it.  */
static void
attack (const char *what, void *p)
{
  char buf[64];
  unsigned int pkru = probe_rdpkru ();

  say (what, p == MAP_FAILED ? -1 : 0);
  if (p == MAP_FAILED)
    return;
  memcpy (p, attack_wrpkru_code, sizeof attack_wrpkru_code);
  ((attack_set_pkru_fn *) p) (0);
  attack_copy (buf, sizeof buf, secret);
  ((attack_set_pkru_fn *) p) (pkru);
  printf ("%s: read '%s'\n", what, buf);
}

int
main (void)
{
  int zero = open ("/dev/zero", O_RDWR);
  int mem = memfd_create ("gadget", 0);

  if (zero < 0 || mem < 0 || ftruncate (mem, 4096) != 0)
    return 1;
  attack ("/dev/zero private rwx", mmap (NULL, 4096, RWX, MAP_PRIVATE,
					 zero, 0));
  attack ("/dev/zero shared rwx", mmap (NULL, 4096, RWX, MAP_SHARED,
					zero, 0));
  attack ("memfd shared rwx", mmap (NULL, 4096, RWX, MAP_SHARED, mem, 0));
  attack ("memfd private rwx", mmap (NULL, 4096, RWX, MAP_PRIVATE, mem, 0));
  say ("memfd rx", mmap (NULL, 4096, PROT_READ | PROT_EXEC, MAP_SHARED,
			 mem, 0) == MAP_FAILED ? -1 : 0);
  return CAN_READ (secret);
}
/* { dg-output "/dev/zero private rwx: EPERM \[^\n\]*\n" } */
/* { dg-output "/dev/zero shared rwx: EPERM \[^\n\]*\n" } */
/* { dg-output "memfd shared rwx: EPERM \[^\n\]*\n" } */
/* { dg-output "memfd private rwx: EPERM \[^\n\]*\n" } */
/* { dg-output "memfd rx: ok\n$" } */
