/* userfaultfd as a deputy: UFFDIO_COPY fills a page that is not there
   yet with bytes of the caller's choosing, and the kernel's copy does not
   check protection keys.  A protected page that was never touched (a
   zero-initialised secret, the heap's reserved range) is such a page: the
   attacker would choose what the program later finds there.  harden=1
   refuses userfaultfd (the system call, and /dev/userfaultfd's
   USERFAULTFD_IOC_NEW), and the untouched secret reads as zeros inside
   its grant.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "../pkeyplug.run/harden.h"
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

#ifndef USERFAULTFD_IOC_NEW
# define USERFAULTFD_IOC_NEW _IO (0xAA, 0x00)
#endif

/* Zero-initialised and never touched before the attack.  */
char secret[8192] PKEY_PROTECT ("vault");

PKEY_GRANT ("vault") static int
last (void)
{
  return secret[sizeof secret - 1];
}

/* Register the last page of the secret with UFFD and copy a page of 'A's
   into it.  */
static void
attack (int uffd)
{
  static char src[4096] __attribute__ ((aligned (4096)));
  struct uffdio_api api = { .api = UFFD_API };
  struct uffdio_register reg;
  struct uffdio_copy copy;
  unsigned long page = (unsigned long) (secret + sizeof secret - 1) & ~4095ul;

  if (uffd < 0 || ioctl (uffd, UFFDIO_API, &api) != 0)
    return;
  memset (src, 'A', sizeof src);
  reg.range.start = page;
  reg.range.len = 4096;
  reg.mode = UFFDIO_REGISTER_MODE_MISSING;
  say ("register the secret's page", ioctl (uffd, UFFDIO_REGISTER, &reg));
  copy.dst = page;
  copy.src = (unsigned long) src;
  copy.len = 4096;
  copy.mode = 0;
  say ("copy into it", ioctl (uffd, UFFDIO_COPY, &copy));
}

int
main (void)
{
  int dev = open ("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
  long uffd;

  uffd = syscall (SYS_userfaultfd, O_CLOEXEC);
  say ("userfaultfd", uffd);
  attack (uffd);
  /* Linux 6.1 and later; the device is root's.  */
  if (dev >= 0)
    {
      uffd = ioctl (dev, USERFAULTFD_IOC_NEW, O_CLOEXEC);
      say ("/dev/userfaultfd", uffd);
      attack (uffd);
    }
  printf ("locked %d, last byte %d\n", !CAN_READ (secret[0]), last ());
  return last ();
}
/* { dg-output "userfaultfd: EPERM \[^\n\]*\n" } */
/* { dg-output "(/dev/userfaultfd: EPERM \[^\n\]*\n)?" } */
/* { dg-output "locked 1, last byte 0\n" } */
