/* Rewriting a file that is mapped executable (PKU Pitfalls): a library
   copied to a writable directory and loaded with dlopen passes the scan;
   then pwrite puts a WRPKRU over one of its functions in the file.  The
   library's code pages are the file's page cache (MAP_PRIVATE shares
   them until written through the mapping), so the function now opens
   every key.  harden=1 lets it happen: writing a file and mapping it
   executable are what dlopen and ordinary programs do.  scan=1 sees the
   new WRPKRU in the library at the next dlopen, which refuses to go on
   (the copy is deleted by then, so no symbol is named).  The limit
   README states under "Files mapped as code".  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1:scan=1 } */
/* { dg-exit-status 85 } */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <link.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../pkeyplug.run/harden.h"
#include "../pkeyplug.run/probe.h"
#include "attack.h"
#include <pkeyplug.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";

/* Copy the file FROM to TO; 0 on success.  */
static int
copy_file (const char *from, const char *to)
{
  char buf[65536];
  int in = open (from, O_RDONLY), out;
  ssize_t n;

  out = open (to, O_WRONLY | O_CREAT | O_TRUNC, 0700);
  if (in < 0 || out < 0)
    return -1;
  while ((n = read (in, buf, sizeof buf)) > 0)
    if (write (out, buf, n) != n)
      return -1;
  close (in);
  return close (out);
}

/* The offset in the file of MAP's module of the code at ADDR.  */
static long
file_offset (struct link_map *map, const void *addr)
{
  const ElfW(Ehdr) *eh = (const ElfW(Ehdr) *) map->l_addr;
  const ElfW(Phdr) *ph = (const ElfW(Phdr) *) (map->l_addr + eh->e_phoff);
  uintptr_t vaddr = (uintptr_t) addr - map->l_addr;
  int i;

  for (i = 0; i < eh->e_phnum; i++)
    if (ph[i].p_type == PT_LOAD && vaddr >= ph[i].p_vaddr
	&& vaddr < ph[i].p_vaddr + ph[i].p_filesz)
      return (long) (vaddr - ph[i].p_vaddr + ph[i].p_offset);
  return -1;
}

int
main (void)
{
  const char *tmp = getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp";
  char path[256], buf[64];
  struct link_map *map;
  attack_set_pkru_fn *fn;
  unsigned int pkru = probe_rdpkru ();
  void *lib;
  long off;
  int fd;

  snprintf (path, sizeof path, "%s/pkeyplug-attack-%d", tmp, (int) getpid ());
  mkdir (path, 0700);
  snprintf (path + strlen (path), sizeof path - strlen (path), "/libm.so.6");
  if (copy_file ("/lib/x86_64-linux-gnu/libm.so.6", path) != 0)
    return 1;
  lib = dlopen (path, RTLD_NOW);
  say ("dlopen the copy", lib ? 0 : -1);
  if (!lib || dlinfo (lib, RTLD_DI_LINKMAP, &map) != 0)
    return 1;
  fn = (attack_set_pkru_fn *) dlsym (lib, "cos");
  off = file_offset (map, (void *) fn);
  fd = open (path, O_WRONLY);
  say ("open the mapped library for writing", fd);
  say ("pwrite over cos", pwrite (fd, attack_wrpkru_code,
				  sizeof attack_wrpkru_code, off)
			  == sizeof attack_wrpkru_code ? 0 : -1);
  close (fd);
  fn (0);
  attack_copy (buf, sizeof buf, secret);
  fn (pkru);
  printf ("read '%s', locked again %d\n", buf, !CAN_READ (secret));
  unlink (path);
  *strrchr (path, '/') = '\0';
  rmdir (path);
  fflush (stdout);
  dlopen ("libdl.so.2", RTLD_NOW);
  printf ("dlopen went on\n");
  return 0;
}
/* { dg-output "dlopen the copy: ok\n" } */
/* { dg-output "open the mapped library for writing: ok\n" } */
/* { dg-output "pwrite over cos: ok\n" } */
/* { dg-output "read 's3cret', locked again 1\n" } */
/* { dg-output "pkeyplug: scan=1: stray wrpkru at 0x\[0-9a-f\]+ in \[^ \]+/libm\\.so\\.6\\+0x\[0-9a-f\]+; refusing to run\n$" } */
