/* elfread.h -- the section headers of the file a module was loaded from
   (elfread.c).  Start-up's layout check (layout.c) and scan=1 (scan.c) read
   them: the first for where each section lies, the second for the
   listed gates and for function names.  */

#ifndef PKEYRT_ELFREAD_H
#define PKEYRT_ELFREAD_H

#include <elf.h>
#include <link.h>
#include <stddef.h>
#include <stdint.h>

struct pkeyrt_elf
{
  int fd;			/* The file, open; -1 when closed.  */
  ElfW(Shdr) *sh;		/* Its section headers...  */
  size_t nsections;		/* ...this many.  */
  char *names;			/* The section-name table, NUL-ended.  */
  size_t names_size;
};

extern int pkeyrt_read_at (int fd, void *buf, size_t len, uint64_t offset);
extern int pkeyrt_elf_open (const char *path, struct pkeyrt_elf *elf);
extern const char *pkeyrt_elf_section_name (const struct pkeyrt_elf *elf,
					    size_t i);
extern void pkeyrt_elf_close (struct pkeyrt_elf *elf);

#endif /* PKEYRT_ELFREAD_H */
