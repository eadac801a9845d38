/* gates.c -- pkeyplug-scan: the gates' own WRPKRUs, from the list
   section that the plugin and the runtime write (relocatable and linked
   files).  */

#include "scan.h"

#include <stdlib.h>
#include <string.h>

static void
add_gate (struct elf_file *f, size_t sec, uint64_t addr, size_t entry_sec,
	  uint64_t entry_addr)
{
  struct gate *g;

  grow ((void **) &f->gates, &f->gates_alloc, f->ngates + 1,
	sizeof *f->gates);
  g = &f->gates[f->ngates++];
  g->at.sec = sec;
  g->at.addr = addr;
  g->entry.sec = entry_sec;
  g->entry.addr = entry_addr;
}

/* Collect the gates listed in section LIST of a relocatable file: the
   entries are still zero there, and each one's relocation says which
   instruction it will point at (symbol + addend, for R_X86_64_PC32).  */

static int
read_list_relocatable (struct elf_file *f, size_t list)
{
  uint64_t entries = f->sh[list].sh_size / 4;
  unsigned char *done;
  size_t r, j;

  done = xrealloc (NULL, entries ? entries : 1);
  memset (done, 0, entries ? entries : 1);
  for (r = 1; r < f->nsections; r++)
    {
      const Elf64_Shdr *rs = &f->sh[r];
      int rela = rs->sh_type == SHT_RELA;
      size_t entsize = rela ? sizeof (Elf64_Rela) : sizeof (Elf64_Rel);
      struct symtab t;

      if ((rs->sh_type != SHT_RELA && rs->sh_type != SHT_REL)
	  || rs->sh_info != list)
	continue;
      if (rs->sh_entsize != 0 && rs->sh_entsize != entsize)
	{
	  file_error (f, "section [%zu] %s: bad relocation size", r,
		      section_name (f, r));
	  goto fail;
	}
      if (rs->sh_link == 0 || rs->sh_link >= f->nsections)
	{
	  file_error (f, "section [%zu] %s: bad symbol table index", r,
		      section_name (f, r));
	  goto fail;
	}
      if (section_in_file (f, r) < 0 || load_symtab (f, rs->sh_link, &t) < 0)
	goto fail;
      for (j = 0; j < rs->sh_size / entsize; j++)
	{
	  Elf64_Rela rel;
	  Elf64_Sym sym;
	  size_t symndx, shndx;

	  memset (&rel, 0, sizeof rel);
	  memcpy (&rel, f->data + rs->sh_offset + j * entsize, entsize);
	  if (!rela)
	    {
	      /* The addend is the entry's own contents.  */
	      int32_t a;

	      if (f->sh[list].sh_size < 4
		  || rel.r_offset > f->sh[list].sh_size - 4)
		continue;
	      memcpy (&a, f->data + f->sh[list].sh_offset + rel.r_offset, 4);
	      rel.r_addend = a;
	    }
	  symndx = ELF64_R_SYM (rel.r_info);
	  if (ELF64_R_TYPE (rel.r_info) != R_X86_64_PC32
	      || rel.r_offset % 4 != 0 || rel.r_offset / 4 >= entries
	      || symndx >= t.count)
	    continue;
	  shndx = get_symbol (f, &t, symndx, &sym);
	  if (shndx == SHN_UNDEF)
	    continue;
	  done[rel.r_offset / 4] = 1;
	  add_gate (f, shndx, sym.st_value + (uint64_t) rel.r_addend,
		    list, rel.r_offset);
	}
    }
  for (j = 0; j < entries; j++)
    if (!done[j])
      f->unresolved_entries++;
  free (done);
  return 0;

 fail:
  free (done);
  return -1;
}

/* Collect the gates listed in section LIST of a linked file: each entry
   holds the offset from itself to its WRPKRU.  */

static void
read_list_linked (struct elf_file *f, size_t list)
{
  const Elf64_Shdr *s = &f->sh[list];
  uint64_t j;

  for (j = 0; j + 4 <= s->sh_size; j += 4)
    {
      int32_t v;

      memcpy (&v, f->data + s->sh_offset + j, 4);
      add_gate (f, 0, s->sh_addr + j + (uint64_t) (int64_t) v, 0,
		s->sh_addr + j);
    }
}

int
read_gate_lists (struct elf_file *f)
{
  size_t i;
  int r;

  for (i = 1; i < f->nsections; i++)
    if (strcmp (section_name (f, i), PKEYPLUG_WRPKRU_LIST_SECTION) == 0)
      {
	r = section_in_file (f, i);
	if (r < 0)
	  return -1;
	if (r == 0)
	  continue;
	if (f->relocatable)
	  {
	    if (read_list_relocatable (f, i) < 0)
	      return -1;
	  }
	else
	  read_list_linked (f, i);
      }
  return 0;
}
