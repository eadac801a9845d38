/* places.c -- pkeyplug-scan: where a finding is: sorting, the gate list
   lookup, the section, segment and function that hold an address.  */

#include "scan.h"

#include <stdlib.h>
#include <string.h>

static int
compare_places (const struct place *a, const struct place *b)
{
  if (a->sec != b->sec)
    return a->sec < b->sec ? -1 : 1;
  if (a->addr != b->addr)
    return a->addr < b->addr ? -1 : 1;
  return 0;
}

int
compare_findings (const void *pa, const void *pb)
{
  const struct finding *a = pa, *b = pb;
  int c = compare_places (&a->at, &b->at);

  return c ? c : (int) a->kind - (int) b->kind;
}

/* True if the list names a WRPKRU at AT.  GATES is sorted.  */

int
is_gate (const struct elf_file *f, const struct place *at)
{
  size_t lo = 0, hi = f->ngates;

  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      int c = compare_places (&f->gates[mid].at, at);

      if (c == 0)
	return 1;
      if (c < 0)
	lo = mid + 1;
      else
	hi = mid;
    }
  return 0;
}

/* True if a WRPKRU was found at AT.  FINDINGS is sorted.  */

int
is_wrpkru (const struct elf_file *f, const struct place *at)
{
  struct finding key;

  key.at = *at;
  key.kind = KIND_WRPKRU;
  return (f->nfindings > 0
	  && bsearch (&key, f->findings, f->nfindings, sizeof key,
		      compare_findings) != NULL);
}

int
compare_gates (const void *pa, const void *pb)
{
  const struct gate *a = pa, *b = pb;

  return compare_places (&a->at, &b->at);
}

/* Sort the allocated sections of a linked file that have bytes by
   address, executable ones first, for section_of_address.  */

static const struct elf_file *sort_file;

static int
compare_sections (const void *pa, const void *pb)
{
  const Elf64_Shdr *a = &sort_file->sh[*(const size_t *) pa];
  const Elf64_Shdr *b = &sort_file->sh[*(const size_t *) pb];
  int xa = (a->sh_flags & SHF_EXECINSTR) != 0;
  int xb = (b->sh_flags & SHF_EXECINSTR) != 0;

  if (xa != xb)
    return xb - xa;
  if (a->sh_addr != b->sh_addr)
    return a->sh_addr < b->sh_addr ? -1 : 1;
  return 0;
}

void
sort_sections (struct elf_file *f)
{
  size_t i;

  f->by_address = xrealloc (NULL, f->nsections * sizeof *f->by_address);
  for (i = 1; i < f->nsections; i++)
    if ((f->sh[i].sh_flags & SHF_ALLOC) && f->sh[i].sh_type != SHT_NOBITS
	&& f->sh[i].sh_size > 0)
      {
	f->by_address[f->nexecutable + f->nother++] = i;
	if (f->sh[i].sh_flags & SHF_EXECINSTR)
	  {
	    f->nother--;
	    f->nexecutable++;
	  }
      }
  sort_file = f;
  qsort (f->by_address, f->nexecutable + f->nother, sizeof *f->by_address,
	 compare_sections);
}

/* The section among the N of LIST that starts last at or before ADDR,
   if it holds ADDR; else 0.  (Sections of a sane file do not overlap.)  */

static size_t
search_sections (const struct elf_file *f, const size_t *list, size_t n,
		 uint64_t addr)
{
  size_t lo = 0, hi = n;
  const Elf64_Shdr *s;

  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;

      if (f->sh[list[mid]].sh_addr <= addr)
	lo = mid + 1;
      else
	hi = mid;
    }
  if (lo == 0)
    return 0;
  s = &f->sh[list[lo - 1]];
  return addr - s->sh_addr < s->sh_size ? list[lo - 1] : 0;
}

/* The section of a linked file's address ADDR, an executable one first,
   or 0.  */

size_t
section_of_address (const struct elf_file *f, uint64_t addr)
{
  size_t sec = search_sections (f, f->by_address, f->nexecutable, addr);

  if (sec == 0)
    sec = search_sections (f, f->by_address + f->nexecutable, f->nother,
			   addr);
  return sec;
}

/* The executable segment of ADDR, or -1.  */

long
segment_of_address (const struct elf_file *f, uint64_t addr)
{
  size_t i;

  for (i = 0; i < f->nsegments; i++)
    {
      const Elf64_Phdr *p = &f->ph[i];

      if (p->p_type == PT_LOAD && (p->p_flags & PF_X) && addr >= p->p_vaddr
	  && addr - p->p_vaddr < p->p_filesz)
	return (long) i;
    }
  return -1;
}

/* Find the function symbol of T that holds ADDR in section SEC (of F's
   numbering; 0: any): the nearest at or before ADDR, if ADDR lies within
   its size (or is its very address, for a symbol without one); a finding
   past the end of the nearest function is in no function, and naming
   that one would mislead.  On success set *NAME and *OFF.  A binary
   search: a hostile file may have millions of both findings and
   symbols.  */

int
nearest_function (const struct elf_file *f, const struct symtab *t,
		  size_t sec, uint64_t addr, const char **name,
		  uint64_t *off)
{
  struct function key;
  size_t lo = 0, hi = t->nfunctions, j, best;
  Elf64_Sym sym;

  /* The first function after (SEC, ADDR) in sort order.  */
  key.sec = f->relocatable ? sec : 0;
  key.value = addr;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      const struct function *m = &t->functions[mid];

      if (m->sec < key.sec || (m->sec == key.sec && m->value <= key.value))
	lo = mid + 1;
      else
	hi = mid;
    }
  if (lo == 0 || t->functions[lo - 1].sec != key.sec)
    return 0;

  /* Among the symbols at that value (aliases, globals sorted first), the
     first in SEC that holds ADDR.  In a linked file one from another
     section means none of SEC's precedes ADDR.  */
  best = SIZE_MAX;
  for (j = lo; j > 0 && t->functions[j - 1].sec == key.sec
       && t->functions[j - 1].value == t->functions[lo - 1].value; j--)
    {
      const struct function *fn = &t->functions[j - 1];

      if (best == SIZE_MAX && (sec == 0 || fn->shndx == sec)
	  && (addr - fn->value < fn->size || addr == fn->value))
	best = j - 1;
    }
  if (best == SIZE_MAX)
    return 0;
  memcpy (&sym, f->data + t->offset + t->functions[best].index * sizeof sym,
	  sizeof sym);
  *name = symbol_name (f, t, &sym);
  *off = addr - t->functions[best].value;
  return 1;
}

/* Print AT: an address, or in a relocatable file SECTION+OFFSET.  */
