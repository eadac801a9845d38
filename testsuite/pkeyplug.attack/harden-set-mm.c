/* harden=1: prctl (PR_SET_MM, PR_SET_MM_MAP), allowed without privilege,
   can point the process's environment range at any anonymous memory (a
   heap secret here), and reading /proc/self/environ then copies it out
   through the kernel's access to another process's memory, where PKRU
   plays no part.  The filter refuses PR_SET_MM, so environ still holds
   the environment.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/prctl.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include "reach.h"

/* Fields 26..51 of /proc/self/stat, by their number.  */
static unsigned long field[53];

static int
read_stat (void)
{
  char buf[2048], *p;
  int fd = open ("/proc/self/stat", O_RDONLY), i;
  ssize_t n;

  if (fd < 0)
    return -1;
  n = read (fd, buf, sizeof buf - 1);
  close (fd);
  if (n <= 0)
    return -1;
  buf[n] = '\0';
  p = strrchr (buf, ')');
  if (p == NULL)
    return -1;
  p += 2;
  for (i = 3; i <= 52 && *p != '\0'; i++)
    {
      field[i] = strtoul (p, &p, 10);
      while (*p == ' ')
	p++;
      if (i == 3)
	while (*p != ' ' && *p != '\0')
	  p++;
    }
  return 0;
}

PKEY_GRANT ("vault") static void
put (unsigned char *p)
{
  memcpy (p, SECRET_TEXT, sizeof SECRET_TEXT);
}

int
main (void)
{
  unsigned char *block = pkeyplug_malloc ("vault", 64);
  struct prctl_mm_map m;
  char buf[64];
  int fd;
  ssize_t n;

  put (block);
  say ("read /proc/self/stat", read_stat ());
  memset (&m, 0, sizeof m);
  m.start_code = field[26];
  m.end_code = field[27];
  m.start_stack = field[28];
  m.start_data = field[45];
  m.end_data = field[46];
  m.start_brk = field[47];
  m.brk = (unsigned long) sbrk (0);
  m.arg_start = field[48];
  m.arg_end = field[49];
  m.env_start = (unsigned long) block;
  m.env_end = (unsigned long) block + sizeof SECRET_TEXT - 1;
  m.exe_fd = (unsigned int) -1;
  say ("PR_SET_MM_MAP", prctl (PR_SET_MM, PR_SET_MM_MAP, &m, sizeof m, 0));
  fd = open ("/proc/self/environ", O_RDONLY);
  say ("open /proc/self/environ", fd);
  n = read (fd, buf, sizeof buf);
  close (fd);
  printf ("environ holds the heap secret: %d\n",
	  n >= (ssize_t) sizeof secret - 1
	  && memcmp (buf, SECRET_TEXT, sizeof secret - 1) == 0);
  return verdict ();
}
/* { dg-output "read /proc/self/stat: ok\n" } */
/* { dg-output "PR_SET_MM_MAP: EPERM \[^\n\]*\n" } */
/* { dg-output "open /proc/self/environ: ok\n" } */
/* { dg-output "environ holds the heap secret: 0\n" } */
/* { dg-output "locked 1, intact 1\n" } */
