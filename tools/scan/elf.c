/* elf.c -- pkeyplug-scan: the ELF file: reading it whole, its headers,
   sections and symbol tables, every offset checked against its length.  */

#include "scan.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
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

void *
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

void
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

int
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

int
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

const char *
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

int
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

int
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

int
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

size_t
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

void
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

const char *
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

size_t
find_section_type (const struct elf_file *f, uint32_t type)
{
  size_t i;

  for (i = 1; i < f->nsections; i++)
    if (f->sh[i].sh_type == type)
      return i;
  return 0;
}
