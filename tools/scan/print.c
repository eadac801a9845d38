/* print.c -- pkeyplug-scan: one line per finding.  */

#include "scan.h"

#include <inttypes.h>
#include <stdio.h>

void
print_place (const struct elf_file *f, const struct place *at)
{
  if (f->relocatable)
    printf ("%s+0x%" PRIx64, section_name (f, at->sec), at->addr);
  else
    printf ("0x%" PRIx64, at->addr);
}

/* Print finding X of F.  SYMTAB and DYNSYM may be empty (sec 0).  */

void
print_finding (const struct elf_file *f, const struct finding *x,
	       const struct symtab *symtab, const struct symtab *dynsym)
{
  size_t sec;
  uint64_t addr, where, off;
  const char *sym = NULL;

  if (f->relocatable)
    {
      /* The place is the section and the offset in it, and so are
	 symbol values.  */
      sec = x->at.sec;
      where = x->at.addr;
      addr = f->sh[sec].sh_addr + where;
    }
  else
    {
      addr = where = x->at.addr;
      sec = section_of_address (f, addr);
    }

  printf ("%s: 0x%" PRIx64 ": ", f->name, addr);
  if (sec != 0)
    printf ("%s+0x%" PRIx64 ": ", section_name (f, sec),
	    addr - f->sh[sec].sh_addr);
  else
    {
      long seg = segment_of_address (f, addr);

      if (seg >= 0)
	printf ("[segment %ld]+0x%" PRIx64 ": ", seg,
		addr - f->ph[seg].p_vaddr);
      else
	printf ("?: ");
    }
  printf ("%s", pkeyseq_kind_name ((enum pkeyseq_kind) x->kind));
  if (nearest_function (f, symtab, sec, where, &sym, &off)
      || nearest_function (f, dynsym, sec, where, &sym, &off))
    printf (" (in %s+0x%" PRIx64 ")", sym, off);
  putchar ('\n');
}

/* Scan FILE; return 2 on error, 1 if anything was found, else 0.  */
