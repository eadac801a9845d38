/* pkeyplug-scan.c -- find stray WRPKRU/XRSTOR byte sequences in ELF files.

   Protection keys stop only code that cannot set PKRU.  Code that can
   redirect control flow may jump to any byte sequence that decodes as
   WRPKRU (0F 01 EF), XRSTOR (0F AE /5, memory operand) or XRSTORS
   (0F C7 /3, memory operand), wherever it lies: inside an immediate, across
   two instructions, in padding.  This tool lists every such sequence at
   every byte offset of the executable code of ELF64 x86-64 files, except
   the WRPKRUs of pkeyplug's own gates, which the plugin and the runtime
   list in section pkeyplug_wrpkru (an array of 32-bit offsets from each
   entry to its instruction).

   Usage: pkeyplug-scan [--quiet] [--verbose] FILE...

   Output, one line per finding, sorted by address:
     FILE: ADDRESS: SECTION+OFFSET: wrpkru|xrstor|xrstors (in SYMBOL+0xOFF)
   ADDRESS is the address of the 0F byte (an offset within its section in a
   relocatable file); the symbol is the function symbol of the same
   section whose extent (value and size) holds the address, from .symtab,
   else .dynsym, and the part in parentheses is left out when there is
   none.  --verbose adds one line
   per file with the number of gates recognised, and the list entries that
   point at no WRPKRU.  --quiet prints no findings.

   Exit status: 1 if anything was found, 0 if every file is clean, 2 on a
   usage error or a file that cannot be read (this wins over 1).

   What is scanned: the SHF_EXECINSTR sections; in an executable or shared
   object also the whole of each executable PT_LOAD segment that holds
   one, since everything in it is mapped executable (padding, sequences
   that span two sections, .rodata when linked with -z noseparate-code).
   Without section headers the executable segments alone are scanned, and
   no gate can be recognised (the list is found by its section name).

   The file is read whole into memory and every offset and size taken from
   it is checked against its length before use: a malformed file is an
   error, never a crash.  Fields are copied out with memcpy, since a
   hostile file need not align them.  */

#include "pkeyplug-config.h"
#include "pkeyseq.h"
#include "pkeyplug-asm.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined __BYTE_ORDER__ && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
# error "pkeyplug-scan reads x86-64 ELF fields in host byte order"
#endif

#define PROGRAM_NAME "pkeyplug-scan"

/* The section that lists the gates' WRPKRUs: plugin/gates.cc and
   runtime/hw.c write it.  */

/* The kinds of sequence, as common/pkeyseq.c finds them.  */
enum kind
{
  KIND_WRPKRU = PKEYSEQ_WRPKRU,
  KIND_XRSTOR = PKEYSEQ_XRSTOR,
  KIND_XRSTORS = PKEYSEQ_XRSTORS
};

/* A place in the file.  In a relocatable file addresses are offsets
   within a section, so a place is the pair; in a linked file SEC is 0 for
   matching and the address alone says where.  */
struct place
{
  size_t sec;
  uint64_t addr;
};

struct finding
{
  struct place at;
  enum kind kind;
};

/* An entry of the list: where it says a WRPKRU is, and where the entry
   itself is (for --verbose).  */
struct gate
{
  struct place at;
  struct place entry;
};

/* A stretch of executable bytes: LEN bytes at file offset OFFSET, mapped
   at ADDR.  SEC is the section (relocatable files) or 0.  */
struct region
{
  uint64_t offset;
  uint64_t len;
  uint64_t addr;
  size_t sec;
};

/* A function symbol, for naming the code around a finding.  */
struct function
{
  size_t sec;			/* Its section; 0 in a linked file.  */
  uint64_t value;
  uint64_t size;		/* 0 when the symbol does not say.  */
  size_t shndx;			/* Its section, always.  */
  size_t index;			/* In its symbol table.  */
  int global;
};

/* A symbol table with its strings and, for files with very many sections,
   its extended section indexes.  */
struct symtab
{
  size_t sec;			/* 0: none.  */
  uint64_t offset;
  size_t count;
  uint64_t str_offset;
  uint64_t str_size;
  uint64_t shndx_offset;	/* 0: no SHT_SYMTAB_SHNDX.  */
  size_t shndx_count;
  struct function *functions;	/* Sorted by compare_functions.  */
  size_t nfunctions;
};

struct elf_file
{
  const char *name;
  unsigned char *data;
  size_t size;
  Elf64_Ehdr eh;
  int relocatable;
  Elf64_Shdr *sh;		/* NSECTIONS copies, or NULL.  */
  size_t nsections;
  uint64_t shstr_offset;
  uint64_t shstr_size;		/* 0: no section names.  */
  Elf64_Phdr *ph;
  size_t nsegments;
  size_t *by_address;		/* Linked files: see sort_sections.  */
  size_t nexecutable, nother;

  struct finding *findings;
  size_t nfindings, findings_alloc;
  struct gate *gates;
  size_t ngates, gates_alloc;
  size_t unresolved_entries;	/* Entries of a .o without a usable reloc.  */
};

static int opt_quiet;
static int opt_verbose;

/* Report a problem with file F and return -1.  */

static int
file_error (const struct elf_file *f, const char *fmt, ...)
{
  va_list ap;

  fprintf (stderr, "%s: %s: ", PROGRAM_NAME, f->name);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
  return -1;
}

static void *
xrealloc (void *p, size_t n)
{
  p = realloc (p, n ? n : 1);
  if (p == NULL)
    {
      fprintf (stderr, "%s: out of memory\n", PROGRAM_NAME);
      exit (2);
    }
  return p;
}

/* Grow *ARRAY of *ALLOC elements of SIZE bytes to hold at least NEED.  */

static void
grow (void **array, size_t *alloc, size_t need, size_t size)
{
  size_t n;

  if (need <= *alloc)
    return;
  n = *alloc ? *alloc : 16;
  while (n < need)
    {
      if (n > SIZE_MAX / 2 / size)
	{
	  fprintf (stderr, "%s: out of memory\n", PROGRAM_NAME);
	  exit (2);
	}
      n *= 2;
    }
  *array = xrealloc (*array, n * size);
  *alloc = n;
}

/* True if LEN bytes at OFFSET lie within F.  Written so that nothing
   overflows whatever the file says.  */

static int
in_file (const struct elf_file *f, uint64_t offset, uint64_t len)
{
  return offset <= f->size && len <= f->size - offset;
}

/* True if COUNT entries of ENTSIZE bytes at OFFSET lie within F.  */

static int
array_in_file (const struct elf_file *f, uint64_t offset, uint64_t count,
	       uint64_t entsize)
{
  if (!in_file (f, offset, 0))
    return 0;
  return entsize == 0 || count <= (f->size - offset) / entsize;
}

/* Read the whole of F->name into F->data.  */

static int
read_file (struct elf_file *f)
{
  struct stat st;
  size_t alloc = 0;
  int fd = open (f->name, O_RDONLY);

  if (fd < 0)
    return file_error (f, "%s", strerror (errno));
  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      close (fd);
      return file_error (f, "is a directory");
    }
  f->size = 0;
  for (;;)
    {
      ssize_t n;

      grow ((void **) &f->data, &alloc, f->size + 65536, 1);
      n = read (fd, f->data + f->size, alloc - f->size);
      if (n < 0)
	{
	  if (errno == EINTR)
	    continue;
	  file_error (f, "%s", strerror (errno));
	  close (fd);
	  return -1;
	}
      if (n == 0)
	break;
      f->size += (size_t) n;
    }
  close (fd);
  return 0;
}

/* The name of section I, or "" when it has none we can read.  */

static const char *
section_name (const struct elf_file *f, size_t i)
{
  uint64_t n = f->sh[i].sh_name;
  const char *s;

  if (f->shstr_size == 0 || n >= f->shstr_size)
    return "";
  s = (const char *) f->data + f->shstr_offset + n;
  /* The table was checked to end in a NUL.  */
  return s;
}

/* True if section I has its bytes in the file, checked.  */

static int
section_in_file (const struct elf_file *f, size_t i)
{
  const Elf64_Shdr *s = &f->sh[i];

  if (s->sh_type == SHT_NOBITS)
    return 0;
  if (!in_file (f, s->sh_offset, s->sh_size))
    return file_error (f, "section [%zu] %s extends past the end of the file",
		       i, section_name (f, i));
  return 1;
}

/* Read and check the ELF header, the section headers and the program
   headers.  */

static int
parse_headers (struct elf_file *f)
{
  Elf64_Ehdr *eh = &f->eh;
  uint64_t shnum, shstrndx, phnum;
  Elf64_Shdr first;
  size_t i;

  if (f->size < SELFMAG || memcmp (f->data, ELFMAG, SELFMAG) != 0)
    return file_error (f, "not an ELF file");
  if (f->size < EI_NIDENT)
    return file_error (f, "truncated ELF header");
  if (f->data[EI_CLASS] != ELFCLASS64 || f->data[EI_DATA] != ELFDATA2LSB)
    return file_error (f, "not a 64-bit little-endian ELF file");
  if (f->size < sizeof *eh)
    return file_error (f, "truncated ELF header");
  memcpy (eh, f->data, sizeof *eh);
  if (eh->e_machine != EM_X86_64)
    return file_error (f, "not an x86-64 ELF file");
  if (eh->e_type != ET_REL && eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
    return file_error (f, "not an executable, shared object or "
		       "relocatable file");
  f->relocatable = eh->e_type == ET_REL;

  /* Section headers.  A count or string-table index too big for the
     header lives in section 0.  */
  if (eh->e_shoff != 0)
    {
      if (eh->e_shentsize < sizeof (Elf64_Shdr))
	return file_error (f, "bad section header size %u",
			   (unsigned) eh->e_shentsize);
      if (!in_file (f, eh->e_shoff, sizeof first))
	return file_error (f, "section headers extend past the end of "
			   "the file");
      memcpy (&first, f->data + eh->e_shoff, sizeof first);
      shnum = eh->e_shnum ? eh->e_shnum : first.sh_size;
      shstrndx = eh->e_shstrndx == SHN_XINDEX ? first.sh_link
					       : eh->e_shstrndx;
      if (!array_in_file (f, eh->e_shoff, shnum, eh->e_shentsize))
	return file_error (f, "section headers extend past the end of "
			   "the file");
      f->nsections = (size_t) shnum;
      f->sh = xrealloc (NULL, f->nsections * sizeof *f->sh);
      for (i = 0; i < f->nsections; i++)
	memcpy (&f->sh[i], f->data + eh->e_shoff + i * eh->e_shentsize,
		sizeof *f->sh);
      if (shstrndx != SHN_UNDEF)
	{
	  const Elf64_Shdr *s;

	  if (shstrndx >= f->nsections)
	    return file_error (f, "bad section name table index %" PRIu64,
			       shstrndx);
	  s = &f->sh[shstrndx];
	  if (s->sh_type != SHT_NOBITS && s->sh_size > 0)
	    {
	      if (!in_file (f, s->sh_offset, s->sh_size))
		return file_error (f, "section name table extends past the "
				   "end of the file");
	      /* Names are then safe to use as C strings.  */
	      if (f->data[s->sh_offset + s->sh_size - 1] != '\0')
		return file_error (f, "section name table is not "
				   "NUL-terminated");
	      f->shstr_offset = s->sh_offset;
	      f->shstr_size = s->sh_size;
	    }
	}
    }

  /* Program headers, needed only in linked files.  */
  if (eh->e_phoff != 0 && !f->relocatable)
    {
      if (eh->e_phentsize < sizeof (Elf64_Phdr))
	return file_error (f, "bad program header size %u",
			   (unsigned) eh->e_phentsize);
      phnum = eh->e_phnum;
      if (phnum == PN_XNUM && f->nsections > 0)
	phnum = f->sh[0].sh_info;
      if (!array_in_file (f, eh->e_phoff, phnum, eh->e_phentsize))
	return file_error (f, "program headers extend past the end of "
			   "the file");
      f->nsegments = (size_t) phnum;
      f->ph = xrealloc (NULL, f->nsegments * sizeof *f->ph);
      for (i = 0; i < f->nsegments; i++)
	memcpy (&f->ph[i], f->data + eh->e_phoff + i * eh->e_phentsize,
		sizeof *f->ph);
    }
  return 0;
}

/* Load symbol table section I (with its string table and its extended
   section indexes) into *T.  */

static int
load_symtab (const struct elf_file *f, size_t i, struct symtab *t)
{
  const Elf64_Shdr *s = &f->sh[i];
  const Elf64_Shdr *str;
  size_t j;

  memset (t, 0, sizeof *t);
  if (s->sh_entsize != 0 && s->sh_entsize != sizeof (Elf64_Sym))
    return file_error (f, "section [%zu] %s: bad symbol size", i,
		       section_name (f, i));
  if (section_in_file (f, i) <= 0)
    return s->sh_type == SHT_NOBITS ? 0 : -1;
  if (s->sh_link == 0 || s->sh_link >= f->nsections)
    return file_error (f, "section [%zu] %s: bad string table index", i,
		       section_name (f, i));
  str = &f->sh[s->sh_link];
  if (section_in_file (f, s->sh_link) < 0)
    return -1;
  t->sec = i;
  t->offset = s->sh_offset;
  t->count = (size_t) (s->sh_size / sizeof (Elf64_Sym));
  if (str->sh_type != SHT_NOBITS)
    {
      t->str_offset = str->sh_offset;
      t->str_size = str->sh_size;
    }

  for (j = 1; j < f->nsections; j++)
    if (f->sh[j].sh_type == SHT_SYMTAB_SHNDX && f->sh[j].sh_link == i)
      {
	if (section_in_file (f, j) <= 0)
	  return -1;
	t->shndx_offset = f->sh[j].sh_offset;
	t->shndx_count = (size_t) (f->sh[j].sh_size / sizeof (Elf32_Word));
	break;
      }
  return 0;
}

static int
compare_functions (const void *pa, const void *pb)
{
  const struct function *a = pa, *b = pb;

  if (a->sec != b->sec)
    return a->sec < b->sec ? -1 : 1;
  if (a->value != b->value)
    return a->value < b->value ? -1 : 1;
  /* Globals last, so that a backward walk meets them first.  */
  if (a->global != b->global)
    return a->global - b->global;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* Copy symbol N of T into *SYM; return its section index, or SHN_UNDEF
   when it has none that names a section of F.  */

static size_t
get_symbol (const struct elf_file *f, const struct symtab *t, size_t n,
	    Elf64_Sym *sym)
{
  size_t shndx;

  memcpy (sym, f->data + t->offset + n * sizeof *sym, sizeof *sym);
  shndx = sym->st_shndx;
  if (shndx == SHN_XINDEX)
    {
      Elf32_Word x;

      if (t->shndx_offset == 0 || n >= t->shndx_count)
	return SHN_UNDEF;
      memcpy (&x, f->data + t->shndx_offset + n * sizeof x, sizeof x);
      shndx = x;
    }
  else if (shndx >= SHN_LORESERVE)
    return SHN_UNDEF;
  return shndx < f->nsections ? shndx : SHN_UNDEF;
}

/* Gather T's function symbols, sorted for nearest_function.  */

static void
collect_functions (const struct elf_file *f, struct symtab *t)
{
  size_t i, alloc = 0;
  Elf64_Sym sym;

  for (i = 1; i < t->count; i++)
    {
      size_t shndx = get_symbol (f, t, i, &sym);
      int type = ELF64_ST_TYPE (sym.st_info);
      struct function *fn;

      if ((type != STT_FUNC && type != STT_GNU_IFUNC) || shndx == SHN_UNDEF)
	continue;
      grow ((void **) &t->functions, &alloc, t->nfunctions + 1,
	    sizeof *t->functions);
      fn = &t->functions[t->nfunctions++];
      fn->sec = f->relocatable ? shndx : 0;
      fn->value = sym.st_value;
      fn->size = sym.st_size;
      fn->shndx = shndx;
      fn->index = i;
      fn->global = ELF64_ST_BIND (sym.st_info) != STB_LOCAL;
    }
  if (t->nfunctions > 0)
    qsort (t->functions, t->nfunctions, sizeof *t->functions,
	   compare_functions);
}

/* The name of SYM in T, or "?" when it has none we can read.  */

static const char *
symbol_name (const struct elf_file *f, const struct symtab *t,
	     const Elf64_Sym *sym)
{
  const char *s;

  if (sym->st_name >= t->str_size)
    return "?";
  s = (const char *) f->data + t->str_offset + sym->st_name;
  if (memchr (s, '\0', t->str_size - sym->st_name) == NULL)
    return "?";
  return *s ? s : "?";
}

/* The first section of type TYPE, or 0.  */

static size_t
find_section_type (const struct elf_file *f, uint32_t type)
{
  size_t i;

  for (i = 1; i < f->nsections; i++)
    if (f->sh[i].sh_type == type)
      return i;
  return 0;
}

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

static int
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

static int
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

static int
compare_places (const struct place *a, const struct place *b)
{
  if (a->sec != b->sec)
    return a->sec < b->sec ? -1 : 1;
  if (a->addr != b->addr)
    return a->addr < b->addr ? -1 : 1;
  return 0;
}

static int
compare_findings (const void *pa, const void *pb)
{
  const struct finding *a = pa, *b = pb;
  int c = compare_places (&a->at, &b->at);

  return c ? c : (int) a->kind - (int) b->kind;
}

/* True if the list names a WRPKRU at AT.  GATES is sorted.  */

static int
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

static int
is_wrpkru (const struct elf_file *f, const struct place *at)
{
  struct finding key;

  key.at = *at;
  key.kind = KIND_WRPKRU;
  return (f->nfindings > 0
	  && bsearch (&key, f->findings, f->nfindings, sizeof key,
		      compare_findings) != NULL);
}

static int
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

static void
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

static size_t
section_of_address (const struct elf_file *f, uint64_t addr)
{
  size_t sec = search_sections (f, f->by_address, f->nexecutable, addr);

  if (sec == 0)
    sec = search_sections (f, f->by_address + f->nexecutable, f->nother,
			   addr);
  return sec;
}

/* The executable segment of ADDR, or -1.  */

static long
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

static int
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

static void
print_place (const struct elf_file *f, const struct place *at)
{
  if (f->relocatable)
    printf ("%s+0x%" PRIx64, section_name (f, at->sec), at->addr);
  else
    printf ("0x%" PRIx64, at->addr);
}

/* Print finding X of F.  SYMTAB and DYNSYM may be empty (sec 0).  */

static void
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

static int
scan (const char *name)
{
  struct elf_file f;
  struct symtab symtab, dynsym;
  size_t i, n, recognised = 0, stale = 0;
  int status = 2;

  memset (&f, 0, sizeof f);
  memset (&symtab, 0, sizeof symtab);
  memset (&dynsym, 0, sizeof dynsym);
  f.name = name;
  if (read_file (&f) < 0 || parse_headers (&f) < 0
      || read_gate_lists (&f) < 0 || scan_file (&f) < 0)
    goto out;
  if ((i = find_section_type (&f, SHT_SYMTAB)) != 0
      && load_symtab (&f, i, &symtab) < 0)
    goto out;
  if ((i = find_section_type (&f, SHT_DYNSYM)) != 0
      && load_symtab (&f, i, &dynsym) < 0)
    goto out;
  collect_functions (&f, &symtab);
  collect_functions (&f, &dynsym);
  if (!f.relocatable)
    sort_sections (&f);

  /* qsort and bsearch want a real array even when it is empty.  */
  if (f.nfindings > 0)
    qsort (f.findings, f.nfindings, sizeof *f.findings, compare_findings);
  /* Segments and sections overlap: keep one of each.  */
  for (i = n = 0; i < f.nfindings; i++)
    if (n == 0 || compare_findings (&f.findings[n - 1], &f.findings[i]) != 0)
      f.findings[n++] = f.findings[i];
  f.nfindings = n;

  /* An entry that points at no WRPKRU hides nothing, but says that the
     list does not describe this code (or that the linker dropped the
     code it described).  */
  for (i = 0; i < f.ngates; i++)
    if (!is_wrpkru (&f, &f.gates[i].at))
      {
	stale++;
	if (opt_verbose)
	  {
	    printf ("%s: note: %s entry at ", name,
		    PKEYPLUG_WRPKRU_LIST_SECTION);
	    print_place (&f, &f.gates[i].entry);
	    printf (" lists ");
	    print_place (&f, &f.gates[i].at);
	    printf (", where there is no WRPKRU\n");
	  }
      }
  if (f.ngates > 0)
    qsort (f.gates, f.ngates, sizeof *f.gates, compare_gates);

  /* Only a WRPKRU exactly where the list says is a gate.  */
  for (i = n = 0; i < f.nfindings; i++)
    if (f.findings[i].kind == KIND_WRPKRU && is_gate (&f, &f.findings[i].at))
      recognised++;
    else
      f.findings[n++] = f.findings[i];
  f.nfindings = n;

  if (!opt_quiet)
    for (i = 0; i < f.nfindings; i++)
      print_finding (&f, &f.findings[i], &symtab, &dynsym);
  if (opt_verbose)
    {
      printf ("%s: %zu gate%s recognised, %zu finding%s\n", name,
	      recognised, recognised == 1 ? "" : "s", f.nfindings,
	      f.nfindings == 1 ? "" : "s");
      if (stale > 0 || f.unresolved_entries > 0)
	printf ("%s: note: %zu %s entr%s point%s at no WRPKRU, %zu cannot "
		"be resolved\n", name, stale, PKEYPLUG_WRPKRU_LIST_SECTION,
		stale == 1 ? "y" : "ies", stale == 1 ? "s" : "",
		f.unresolved_entries);
    }
  status = f.nfindings > 0;

 out:
  free (f.data);
  free (f.sh);
  free (f.ph);
  free (f.findings);
  free (f.gates);
  free (f.by_address);
  free (symtab.functions);
  free (dynsym.functions);
  return status;
}

static void
usage (FILE *out)
{
  fprintf (out,
	   "Usage: %s [--quiet] [--verbose] FILE...\n"
	   "List the WRPKRU, XRSTOR and XRSTORS byte sequences in the "
	   "executable code\nof ELF64 x86-64 files, except the WRPKRUs "
	   "that section %s lists.\n\n"
	   "  -q, --quiet     print no findings, only set the exit status\n"
	   "  -v, --verbose   also count the gates recognised in each file\n"
	   "      --help      print this help and exit\n"
	   "      --version   print the version and exit\n\n"
	   "Exit status: 0 clean, 1 something found, 2 trouble.\n",
	   PROGRAM_NAME, PKEYPLUG_WRPKRU_LIST_SECTION);
}

int
main (int argc, char **argv)
{
  static const struct option options[] = {
    { "quiet", no_argument, NULL, 'q' },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  int c, status = 0;

  while ((c = getopt_long (argc, argv, "qv", options, NULL)) != -1)
    switch (c)
      {
      case 'q':
	opt_quiet = 1;
	break;
      case 'v':
	opt_verbose = 1;
	break;
      case 'h':
	usage (stdout);
	return 0;
      case 'V':
	printf ("%s (%s) %s\n", PROGRAM_NAME, PACKAGE_NAME, PACKAGE_VERSION);
	return 0;
      default:
	usage (stderr);
	return 2;
      }
  if (optind >= argc)
    {
      fprintf (stderr, "%s: no file named\n", PROGRAM_NAME);
      usage (stderr);
      return 2;
    }

  for (; optind < argc; optind++)
    {
      int s = scan (argv[optind]);

      /* An error wins over a finding: the scan was not complete.  */
      if (s > status)
	status = s;
    }
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      fprintf (stderr, "%s: write error: %s\n", PROGRAM_NAME,
	       strerror (errno));
      return 2;
    }
  return status;
}
