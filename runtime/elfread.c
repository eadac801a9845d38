/* elfread.c -- read the section headers and section names of an ELF file.

   The runtime reads the file a module was loaded from, never the mapped
   image: section headers are not loaded.  The file is checked as far as
   reading it needs (magic, class, header size, counts); anything else
   makes pkeyrt_elf_open fail and the caller says what it cannot do.  */

#include "pkeyrt.h"
#include "elfread.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Read LEN bytes at OFFSET of FD into BUF; 0 on success.  */

int
pkeyrt_read_at (int fd, void *buf, size_t len, uint64_t offset)
{
  size_t done = 0;

  while (done < len)
    {
      ssize_t n = pread (fd, (char *) buf + done, len - done,
			 (off_t) (offset + done));

      if (n < 0 && errno == EINTR)
	continue;
      if (n <= 0)
	return -1;
      done += (size_t) n;
    }
  return 0;
}

/* Open PATH and read its section headers and names into ELF; 0 on
   success, else -1 with ELF closed.  */

int
pkeyrt_elf_open (const char *path, struct pkeyrt_elf *elf)
{
  ElfW(Ehdr) eh;
  const ElfW(Shdr) *names;
  size_t n;

  memset (elf, 0, sizeof *elf);
  elf->fd = open (path, O_RDONLY | O_CLOEXEC);
  if (elf->fd < 0)
    return -1;
  if (pkeyrt_read_at (elf->fd, &eh, sizeof eh, 0) != 0
      || memcmp (eh.e_ident, ELFMAG, SELFMAG) != 0
      || eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_shoff == 0
      || eh.e_shentsize != sizeof (ElfW(Shdr)) || eh.e_shnum == 0
      || eh.e_shnum >= SHN_LORESERVE || eh.e_shstrndx >= eh.e_shnum)
    goto fail;
  n = eh.e_shnum;
  elf->sh = calloc (n, sizeof *elf->sh);
  if (elf->sh == NULL
      || pkeyrt_read_at (elf->fd, elf->sh, n * sizeof *elf->sh,
			 eh.e_shoff) != 0)
    goto fail;
  elf->nsections = n;
  names = &elf->sh[eh.e_shstrndx];
  if (names->sh_size >= SIZE_MAX)
    goto fail;
  elf->names_size = names->sh_size;
  elf->names = malloc (elf->names_size + 1);
  if (elf->names == NULL
      || pkeyrt_read_at (elf->fd, elf->names, elf->names_size,
			 names->sh_offset) != 0)
    goto fail;
  elf->names[elf->names_size] = '\0';
  return 0;

 fail:
  pkeyrt_elf_close (elf);
  return -1;
}

/* The name of section I, or NULL if it has none we can read.  */

const char *
pkeyrt_elf_section_name (const struct pkeyrt_elf *elf, size_t i)
{
  if (i >= elf->nsections || elf->sh[i].sh_name >= elf->names_size)
    return NULL;
  return elf->names + elf->sh[i].sh_name;
}

void
pkeyrt_elf_close (struct pkeyrt_elf *elf)
{
  if (elf->fd >= 0)
    close (elf->fd);
  free (elf->sh);
  free (elf->names);
  memset (elf, 0, sizeof *elf);
  elf->fd = -1;
}
