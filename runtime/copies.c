/* copies.c -- refuse a second copy of the runtime in one process.

   A program linked with libpkeyrt.a that also loads libpkeyrt.so (the
   dependency of a library built with the plugin, linked or loaded with
   dlopen) would run two runtimes: two key tables, two SIGSEGV handlers,
   two sets of wrappers around sigaction and pthread_create, each blind to
   the other's keys.  Nothing said so: natively both went on, and in hw
   mode the second one stopped with a message about glibc's pkey_set.

   So every copy carries an ELF note (pkeyplug-abi.h), which the linker
   puts in a PT_NOTE segment of whatever module the copy ends up in, and
   each copy looks through the loaded modules' notes when it starts: a
   note in a module other than its own is another copy.  A note needs no
   exported symbol, so the copy inside a program (which exports nothing)
   is found too.  Every module linked at start-up is mapped before any
   initialiser runs, so the first copy to start sees the other there; a
   copy that a dlopen brings sees the one already running.  */

#include "pkeyrt.h"

#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <unistd.h>

/* This copy's note: owner "pkeyplug", no descriptor.  */
__asm__ ("\t.pushsection " PKEYPLUG_NOTE_SECTION ", \"a\", @note\n"
	 "\t.balign 4\n"
	 "\t.long 9, 0, " PKEYRT_STRINGIFY (PKEYPLUG_NOTE_RUNTIME) "\n"
	 "\t.asciz \"" PKEYPLUG_NOTE_NAME "\"\n"
	 "\t.balign 4\n"
	 "\t.popsection\n");

/* The main program's name: dl_iterate_phdr and dladdr give it none, and
   the C library has not set program_invocation_name yet when libpkeyrt.so
   starts first (-z initfirst).  */

static const char *
program_name (void)
{
  static char name[256];
  ssize_t n;

  if (program_invocation_name != NULL && program_invocation_name[0] != '\0')
    return program_invocation_name;
  n = readlink ("/proc/self/exe", name, sizeof name - 1);
  if (n <= 0)
    return "the program";
  name[n] = '\0';
  return name;
}

/* What the search looks for, and what it found.  */
struct copy_search
{
  uintptr_t own;		/* An address of this copy's code.  */
  const char *other;		/* The file of another copy, or NULL.  */
};

/* Does module INFO hold address ADDR in one of its loaded segments?  */

static int
holds (const struct dl_phdr_info *info, uintptr_t addr)
{
  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW (Phdr) *p = &info->dlpi_phdr[i];
      uintptr_t start = info->dlpi_addr + p->p_vaddr;

      if (p->p_type == PT_LOAD && addr >= start && addr - start < p->p_memsz)
	return 1;
    }
  return 0;
}

static int
found_copy (const void *desc, uint32_t descsz,
	    const struct dl_phdr_info *info, void *arg)
{
  struct copy_search *s = arg;

  (void) desc, (void) descsz;
  s->other = info->dlpi_name[0] != '\0' ? info->dlpi_name : program_name ();
  return 1;
}

static int
look_at_module (struct dl_phdr_info *info, size_t size, void *arg)
{
  struct copy_search *s = arg;

  (void) size;
  if (holds (info, s->own))
    return 0;
  return pkeyrt_each_note (info, PKEYPLUG_NOTE_RUNTIME, found_copy, s);
}

/* The file that holds ADDR, for the message.  */

static const char *
file_of (const void *addr)
{
  Dl_info info;

  if (dladdr (addr, &info) != 0 && info.dli_fname != NULL
      && info.dli_fname[0] != '\0')
    return info.dli_fname;
  return program_name ();
}

void
pkeyrt_refuse_second_copy (void)
{
  struct copy_search s = { (uintptr_t) &pkeyrt_refuse_second_copy, NULL };

  dl_iterate_phdr (look_at_module, &s);
  if (s.other != NULL)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP,
		  "two copies of the runtime in one process, in %s and in "
		  "%s: link libpkeyrt once (the shared library everywhere, "
		  "or libpkeyrt.a into a program that loads no library "
		  "built with it)", file_of ((const void *) s.own), s.other);
}
