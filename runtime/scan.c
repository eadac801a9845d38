/* scan.c -- scan=1: refuse to run with a stray WRPKRU, XRSTOR or XRSTORS
   byte sequence in executable memory.

   Protection keys stop only code that cannot set PKRU; code that can
   redirect control flow jumps to any such sequence, even one hidden in an
   immediate.  At start-up, and again after each dlopen (the shared
   runtime interposes dlopen), every executable mapping of /proc/self/maps
   is scanned at every byte offset with the matcher pkeyplug-scan uses
   (common/pkeyseq.c).  What may stay:

   - a WRPKRU that a module lists in its section pkeyplug_wrpkru (the
     plugin's gates and the runtime's own).  The section is allocated, so
     its entries are read from memory; where it lies is read from the
     module's section headers in its file, since nothing in memory names
     it.  A module whose file cannot be read, or has no section headers,
     has no gates;
   - with scan=1, not scan=strict, two sequences of the C library that no
     program can do without: the WRPKRU of glibc's pkey_set, and the
     XRSTORs of the dynamic linker's lazy-binding trampolines
     (_dl_runtime_resolve_xsave*; in ld.so, whose symbols are not
     exported, any XRSTOR).  They remain gadgets: README says so.

   Mappings of no module (the vdso, JIT code, anonymous memory) have no
   gates: any sequence in them is stray.  Execute-only mappings are read
   through /proc/self/mem.  [vsyscall] is skipped: on current kernels it
   cannot be read and executing it traps to the kernel's emulation.

   A finding ends the process with PKEYPLUG_EXIT_SCAN and one line naming
   the address, the module and offset, and the nearest symbol when one is
   known (the module's dynamic symbols, else its .symtab).  */

#include "pkeyrt.h"
#include "elfread.h"
#include "pkeyseq.h"
#include "pkeyplug-asm.h"

#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>


/* Longest module path kept.  */
#define PATH_MAX_SCAN 512

/* A loaded module, as dl_iterate_phdr describes it.  */
struct module
{
  char path[PATH_MAX_SCAN];
  uintptr_t base;		/* Load bias.  */
  const ElfW(Phdr) *phdr;
  size_t phnum;
  int is_vdso;
  int is_interp;		/* The dynamic linker.  */
};

struct scan_state
{
  struct module *modules;
  size_t nmodules, modules_alloc;
  uintptr_t *gates;		/* Absolute addresses, sorted.  */
  size_t ngates, gates_alloc;
  int mem_fd;			/* /proc/self/mem, for unreadable code.  */
  /* The mapping being scanned.  */
  uintptr_t map_start, map_end;
  const char *map_name;
};

static pthread_mutex_t scan_lock = PTHREAD_MUTEX_INITIALIZER;

/* Read the section headers of the file module M was loaded from (its
   name, the program itself for ""; nothing for the vdso).  */

static int
open_module (const struct module *m, struct pkeyrt_elf *elf)
{
  if (m->is_vdso)
    return -1;
  return pkeyrt_elf_open (m->path, elf);
}

/* Add the gates that module M lists in its section pkeyplug_wrpkru.  */

static void
read_gates (struct scan_state *st, const struct module *m)
{
  struct pkeyrt_elf elf;
  size_t i;

  if (open_module (m, &elf) != 0)
    return;
  for (i = 1; i < elf.nsections; i++)
    {
      const ElfW(Shdr) *sh = &elf.sh[i];
      const char *name = pkeyrt_elf_section_name (&elf, i);
      uint64_t j;

      if (!(sh->sh_flags & SHF_ALLOC) || sh->sh_type == SHT_NOBITS
	  || name == NULL || strcmp (name, PKEYPLUG_WRPKRU_LIST_SECTION) != 0)
	continue;
      /* Each entry is the offset from itself to its WRPKRU.  */
      for (j = 0; j + 4 <= sh->sh_size; j += 4)
	{
	  uintptr_t entry = m->base + sh->sh_addr + j;
	  int32_t v;

	  memcpy (&v, (const void *) entry, 4);
	  st->gates = pkeyrt_grow (st->gates, &st->gates_alloc,
				   st->ngates + 1, sizeof *st->gates,
				   PKEYPLUG_EXIT_SCAN, "scan=1");
	  st->gates[st->ngates++] = entry + (uintptr_t) (intptr_t) v;
	}
    }
  pkeyrt_elf_close (&elf);
}

static int
add_module (struct dl_phdr_info *info, size_t size, void *arg)
{
  struct scan_state *st = arg;
  struct module *m;
  uintptr_t vdso = (uintptr_t) getauxval (AT_SYSINFO_EHDR);
  uintptr_t interp = (uintptr_t) getauxval (AT_BASE);

  (void) size;
  st->modules = pkeyrt_grow (st->modules, &st->modules_alloc,
			     st->nmodules + 1, sizeof *st->modules,
			     PKEYPLUG_EXIT_SCAN, "scan=1");
  m = &st->modules[st->nmodules++];
  memset (m, 0, sizeof *m);
  m->base = info->dlpi_addr;
  m->phdr = info->dlpi_phdr;
  m->phnum = info->dlpi_phnum;
  m->is_vdso = vdso != 0 && (uintptr_t) info->dlpi_phdr > vdso
	       && (uintptr_t) info->dlpi_phdr < vdso + PKEYPLUG_PAGE_SIZE;
  m->is_interp = interp != 0 && info->dlpi_addr == interp;
  if (info->dlpi_name == NULL || info->dlpi_name[0] == '\0')
    {
      ssize_t n = readlink ("/proc/self/exe", m->path, sizeof m->path - 1);

      m->path[n > 0 ? n : 0] = '\0';
    }
  else
    snprintf (m->path, sizeof m->path, "%s", info->dlpi_name);
  return 0;
}

/* The module whose executable segments hold ADDR, or NULL.  */

static const struct module *
module_of (const struct scan_state *st, uintptr_t addr)
{
  size_t i, j;

  for (i = 0; i < st->nmodules; i++)
    {
      const struct module *m = &st->modules[i];

      for (j = 0; j < m->phnum; j++)
	{
	  const ElfW(Phdr) *p = &m->phdr[j];
	  uintptr_t lo = PKEYRT_PAGE_FLOOR (m->base + p->p_vaddr);
	  uintptr_t hi = PKEYRT_PAGE_FLOOR (m->base + p->p_vaddr + p->p_memsz
					    + PKEYPLUG_PAGE_SIZE - 1);

	  if (p->p_type == PT_LOAD && (p->p_flags & PF_X)
	      && addr >= lo && addr < hi)
	    return m;
	}
    }
  return NULL;
}

static int
compare_addresses (const void *pa, const void *pb)
{
  uintptr_t a = *(const uintptr_t *) pa, b = *(const uintptr_t *) pb;

  return a < b ? -1 : a > b;
}

static int
is_gate (const struct scan_state *st, uintptr_t addr)
{
  return st->ngates > 0
	 && bsearch (&addr, st->gates, st->ngates, sizeof addr,
		     compare_addresses) != NULL;
}

/* The function symbol of module M's .symtab that holds ADDR: for
   programs without dynamic symbols (static ones, or no -rdynamic).  */

static int
file_symbol (const struct module *m, uintptr_t addr, char *name,
	     size_t name_size, uintptr_t *value, uint64_t *size)
{
  struct pkeyrt_elf elf;
  int found = 0;
  size_t n, i;
  uint64_t j, want = addr - m->base;

  if (open_module (m, &elf) != 0)
    return 0;
  n = elf.nsections;
  for (i = 1; i < n && !found; i++)
    {
      const ElfW(Shdr) *sh = elf.sh;

      if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= n)
	continue;
      for (j = 0; j + sizeof (ElfW(Sym)) <= sh[i].sh_size && !found;
	   j += sizeof (ElfW(Sym)))
	{
	  ElfW(Sym) sym;
	  ssize_t got;

	  if (pkeyrt_read_at (elf.fd, &sym, sizeof sym,
			      sh[i].sh_offset + j) != 0)
	    break;
	  if (ELF64_ST_TYPE (sym.st_info) != STT_FUNC
	      || sym.st_shndx == SHN_UNDEF || want < sym.st_value
	      || want - sym.st_value >= (sym.st_size ? sym.st_size : 1))
	    continue;
	  got = pread (elf.fd, name, name_size - 1,
		       (off_t) (sh[sh[i].sh_link].sh_offset + sym.st_name));
	  name[got > 0 ? got : 0] = '\0';
	  *value = m->base + sym.st_value;
	  *size = sym.st_size;
	  found = 1;
	}
    }
  pkeyrt_elf_close (&elf);
  return found;
}

/* The function of module M (none if M is NULL) that holds ADDR: its
   NAME, its address and size.  Return 0 if none is known.  */

static int
symbol_of (const struct module *m, uintptr_t addr, char *name,
	   size_t name_size, uintptr_t *value, uint64_t *size)
{
  Dl_info dl;
  const ElfW(Sym) *sym = NULL;

  if (m == NULL)
    return 0;
  if (dladdr1 ((void *) addr, &dl, (void **) &sym, RTLD_DL_SYMENT) != 0
      && dl.dli_sname != NULL && sym != NULL
      && addr - (uintptr_t) dl.dli_saddr < (sym->st_size ? sym->st_size : 1))
    {
      snprintf (name, name_size, "%s", dl.dli_sname);
      *value = (uintptr_t) dl.dli_saddr;
      *size = sym->st_size;
      return 1;
    }
  return file_symbol (m, addr, name, name_size, value, size);
}

/* Is the sequence KIND in function SYM (or NULL) of module M one that
   scan=1 lets through (see the top of the file)?  Say why in *WHY.  */

static int
allowed (const struct module *m, enum pkeyseq_kind kind, const char *sym,
	 const char **why)
{
  if (pkeyrt_config->opt.scan != PKEYRT_SCAN_ON || m == NULL)
    return 0;
  if (kind == PKEYSEQ_WRPKRU && sym != NULL && strcmp (sym, "pkey_set") == 0)
    {
      *why = "glibc's pkey_set";
      return 1;
    }
  if (kind == PKEYSEQ_XRSTOR
      && (m->is_interp
	  || (sym != NULL
	      && strncmp (sym, "_dl_runtime_resolve_xsave", 25) == 0)))
    {
      *why = "the dynamic linker's lazy-binding trampoline";
      return 1;
    }
  return 0;
}

/* "scan=1" or "scan=strict", for messages.  */

static const char *
option_name (void)
{
  return pkeyrt_config->opt.scan == PKEYRT_SCAN_STRICT
	 ? "scan=strict" : "scan=1";
}

/* A sequence at OFFSET of the mapping being scanned.  */

static int
found (void *arg, size_t offset, enum pkeyseq_kind kind)
{
  struct scan_state *st = arg;
  uintptr_t addr = st->map_start + offset, value = 0;
  const struct module *m;
  char sym[128], where[PATH_MAX_SCAN + 200];
  uint64_t size = 0;
  const char *why = NULL;
  int have_sym;

  if (kind == PKEYSEQ_WRPKRU && is_gate (st, addr))
    return 0;
  m = module_of (st, addr);
  have_sym = symbol_of (m, addr, sym, sizeof sym, &value, &size);
  if (allowed (m, kind, have_sym ? sym : NULL, &why))
    {
      if (pkeyrt_config->opt.verbose)
	pkeyrt_note ("scan=1: allowed %s at %p in %s+0x%lx (%s)",
		     pkeyseq_kind_name (kind), (void *) addr, m->path,
		     (unsigned long) (addr - m->base), why);
      return 0;
    }

  if (m != NULL)
    snprintf (where, sizeof where, "%s+0x%lx", m->path,
	      (unsigned long) (addr - m->base));
  else
    snprintf (where, sizeof where, "%s %p-%p", st->map_name,
	      (void *) st->map_start, (void *) st->map_end);
  if (have_sym)
    pkeyrt_fatal (PKEYPLUG_EXIT_SCAN,
		  "%s: stray %s at %p in %s (in %s+0x%lx); refusing "
		  "to run", option_name (), pkeyseq_kind_name (kind),
		  (void *) addr, where,
		  sym, (unsigned long) (addr - value));
  pkeyrt_fatal (PKEYPLUG_EXIT_SCAN,
		"%s: stray %s at %p in %s; refusing to run", option_name (),
		pkeyseq_kind_name (kind), (void *) addr, where);
}

/* Scan the executable mapping [START, END) named NAME; READABLE says
   whether the process may read it directly.  */

static void
scan_mapping (struct scan_state *st, uintptr_t start, uintptr_t end,
	      int readable, const char *name)
{
  unsigned char *copy;
  /* A sequence may straddle two chunks: chunks overlap by 2 bytes.  */
  const size_t chunk = 1 << 20;
  uintptr_t at;

  st->map_start = start;
  st->map_end = end;
  st->map_name = name;
  if (readable)
    {
      pkeyseq_find ((const unsigned char *) start, end - start, found, st);
      return;
    }
  if (st->mem_fd < 0)
    st->mem_fd = open ("/proc/self/mem", O_RDONLY | O_CLOEXEC);
  copy = malloc (chunk);
  if (copy == NULL)
    pkeyrt_fatal (PKEYPLUG_EXIT_SCAN, "scan=1: out of memory");
  for (at = start; at < end; at += chunk - 2)
    {
      size_t len = end - at < chunk ? end - at : chunk;

      if (st->mem_fd < 0
	  || pkeyrt_read_at (st->mem_fd, copy, len, at) != 0)
	pkeyrt_fatal (PKEYPLUG_EXIT_SCAN, "scan=1: cannot read the "
		      "execute-only mapping %p-%p (%s) to scan it",
		      (void *) start, (void *) end, name);
      st->map_start = at;
      pkeyseq_find (copy, len, found, st);
      if (len < chunk)
	break;
    }
  free (copy);
}

/* Scan every executable mapping of the process.  */

void
pkeyrt_scan_process (void)
{
  struct scan_state st;
  struct pkeyrt_mapping m;
  char *maps, *cursor;
  size_t i;

  if (pkeyrt_config->opt.scan == PKEYRT_SCAN_OFF)
    return;
  pthread_mutex_lock (&scan_lock);
  memset (&st, 0, sizeof st);
  st.mem_fd = -1;
  dl_iterate_phdr (add_module, &st);
  for (i = 0; i < st.nmodules; i++)
    read_gates (&st, &st.modules[i]);
  if (st.ngates > 0)
    qsort (st.gates, st.ngates, sizeof *st.gates, compare_addresses);

  /* Read all of the list before scanning: the scan maps and unmaps
     nothing, but another thread might.  */
  maps = pkeyrt_maps_read ();
  if (maps == NULL)
    pkeyrt_fatal (PKEYPLUG_EXIT_SCAN, "scan=1: cannot read /proc/self/maps:"
		  " %s", strerror (errno));
  cursor = maps;
  while (pkeyrt_maps_next (&cursor, &m))
    {
      const char *name = m.name;

      if (m.perms[2] != 'x' || strcmp (name, "[vsyscall]") == 0)
	continue;
      if (name[0] == '\0')
	name = "anonymous executable memory";
      scan_mapping (&st, m.start, m.end, m.perms[0] == 'r', name);
    }

  free (maps);
  free (st.modules);
  free (st.gates);
  if (st.mem_fd >= 0)
    close (st.mem_fd);
  pthread_mutex_unlock (&scan_lock);
}

#ifdef PIC

/* dlopen maps a module and runs its constructors before it returns: the
   module is scanned after them (see README).  The real dlopen searches a
   bare NAME with the DT_RUNPATH of its caller, so without scan=1 this is
   a tail call, which leaves the caller's return address in place.  */

typedef void *dlopen_fn (const char *, int);

PKEYRT_EXPORT void *
dlopen (const char *file, int mode)
{
  static dlopen_fn *real;
  void *handle;

  if (!real)
    {
      real = (dlopen_fn *) dlsym (RTLD_NEXT, "dlopen");
      if (!real)
	return NULL;
    }
  if (pkeyrt_config->opt.scan == PKEYRT_SCAN_OFF)
    return real (file, mode);
  handle = real (file, mode);
  if (handle != NULL)
    pkeyrt_scan_process ();
  return handle;
}

#endif /* PIC */
