/* scan.h -- what the files of pkeyplug-scan share: the file model and the
   functions one file calls in another (tools/pkeyplug-scan.c says what
   the tool does).  */

#ifndef PKEYPLUG_SCAN_H
#define PKEYPLUG_SCAN_H

#include "pkeyplug-config.h"
#include "pkeyseq.h"
#include "pkeyplug-asm.h"

#include <elf.h>
#include <stddef.h>
#include <stdint.h>

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

/* elf.c */
extern int file_error (const struct elf_file *f, const char *fmt, ...);
extern void * xrealloc (void *p, size_t n);
extern void grow (void **array, size_t *alloc, size_t need, size_t size);
extern int in_file (const struct elf_file *f, uint64_t offset, uint64_t len);
extern int read_file (struct elf_file *f);
extern const char *section_name (const struct elf_file *f, size_t i);
extern int section_in_file (const struct elf_file *f, size_t i);
extern int parse_headers (struct elf_file *f);
extern int load_symtab (const struct elf_file *f, size_t i, struct symtab *t);
extern size_t get_symbol (const struct elf_file *f, const struct symtab *t,
			  size_t n, Elf64_Sym *sym);
extern void collect_functions (const struct elf_file *f, struct symtab *t);
extern const char *symbol_name (const struct elf_file *f,
				 const struct symtab *t, const Elf64_Sym *sym);
extern size_t find_section_type (const struct elf_file *f, uint32_t type);

/* gates.c */
extern int read_gate_lists (struct elf_file *f);

/* find.c */
extern int scan_file (struct elf_file *f);

/* places.c */
extern int compare_findings (const void *pa, const void *pb);
extern int is_gate (const struct elf_file *f, const struct place *at);
extern int is_wrpkru (const struct elf_file *f, const struct place *at);
extern int compare_gates (const void *pa, const void *pb);
extern void sort_sections (struct elf_file *f);
extern size_t section_of_address (const struct elf_file *f, uint64_t addr);
extern long segment_of_address (const struct elf_file *f, uint64_t addr);
extern int nearest_function (const struct elf_file *f, const struct symtab *t,
			     size_t sec, uint64_t addr, const char **name,
			     uint64_t *off);

/* print.c */
extern void print_place (const struct elf_file *f, const struct place *at);
extern void print_finding (const struct elf_file *f, const struct finding *x,
			   const struct symtab *symtab,
			   const struct symtab *dynsym);

#endif /* PKEYPLUG_SCAN_H */
