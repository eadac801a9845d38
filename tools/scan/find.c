/* find.c -- pkeyplug-scan: the executable bytes of a file, and the
   sequences the shared matcher (common/pkeyseq.c) finds in them.  */

#include "scan.h"


static void
add_finding (struct elf_file *f, size_t sec, uint64_t addr, enum kind kind)
{
  grow ((void **) &f->findings, &f->findings_alloc, f->nfindings + 1,
	sizeof *f->findings);
  f->findings[f->nfindings].at.sec = sec;
  f->findings[f->nfindings].at.addr = addr;
  f->findings[f->nfindings].kind = kind;
  f->nfindings++;
}

/* What scan_region hands the matcher.  */
struct region_scan
{
  struct elf_file *f;
  const struct region *r;
};

static int
region_found (void *arg, size_t offset, enum pkeyseq_kind kind)
{
  struct region_scan *rs = arg;

  add_finding (rs->f, rs->r->sec, rs->r->addr + offset, (enum kind) kind);
  return 0;
}

/* Look at every byte offset of R (the matcher is shared with the
   runtime's scan=1: common/pkeyseq.c).  */

static void
scan_region (struct elf_file *f, const struct region *r)
{
  struct region_scan rs;

  rs.f = f;
  rs.r = r;
  pkeyseq_find (f->data + r->offset, (size_t) r->len, region_found, &rs);
}

/* True if section S has file bytes inside segment P.  */

static int
section_in_segment (const Elf64_Shdr *s, const Elf64_Phdr *p)
{
  return (s->sh_type != SHT_NOBITS && s->sh_size > 0
	  && s->sh_offset >= p->p_offset
	  && s->sh_offset - p->p_offset < p->p_filesz);
}

/* Scan the executable sections and, in a linked file, the executable
   segments that hold one (or all of them, without section headers: in a
   separate debug file the segments' bytes are not there, and no
   executable section has any).  */

int
scan_file (struct elf_file *f)
{
  struct region r;
  size_t i, j;
  int r1;

  for (i = 1; i < f->nsections; i++)
    {
      const Elf64_Shdr *s = &f->sh[i];

      if (!(s->sh_flags & SHF_EXECINSTR))
	continue;
      r1 = section_in_file (f, i);
      if (r1 < 0)
	return -1;
      if (r1 == 0)
	continue;
      r.offset = s->sh_offset;
      r.len = s->sh_size;
      r.addr = s->sh_addr;
      r.sec = f->relocatable ? i : 0;
      scan_region (f, &r);
    }

  for (i = 0; i < f->nsegments; i++)
    {
      const Elf64_Phdr *p = &f->ph[i];
      int holds = f->nsections == 0;

      if (p->p_type != PT_LOAD || !(p->p_flags & PF_X))
	continue;
      for (j = 1; j < f->nsections && !holds; j++)
	holds = ((f->sh[j].sh_flags & SHF_EXECINSTR)
		 && section_in_segment (&f->sh[j], p));
      if (!holds)
	continue;
      if (!in_file (f, p->p_offset, p->p_filesz))
	return file_error (f, "segment %zu extends past the end of the file",
			   i);
      r.offset = p->p_offset;
      r.len = p->p_filesz;
      r.addr = p->p_vaddr;
      r.sec = 0;
      scan_region (f, &r);
    }
  return 0;
}
