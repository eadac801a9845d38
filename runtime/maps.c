/* maps.c -- read /proc/self/maps: scan=1 scans its executable mappings,
   harden=1 guards them.

   The whole file is read into one string first (mappings may change
   while it is read line by line), then split a line at a time.  */

#include "pkeyrt.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *
pkeyrt_maps_read (void)
{
  int fd = open ("/proc/self/maps", O_RDONLY | O_CLOEXEC);
  size_t len = 0, alloc = 0;
  char *buf = NULL;

  if (fd < 0)
    return NULL;
  for (;;)
    {
      ssize_t n;

      if (len + 4097 > alloc)
	{
	  char *bigger = realloc (buf, alloc = (len + 4097) * 2);

	  if (bigger == NULL)
	    {
	      free (buf);
	      close (fd);
	      errno = ENOMEM;
	      return NULL;
	    }
	  buf = bigger;
	}
      n = read (fd, buf + len, alloc - len - 1);
      if (n < 0 && errno == EINTR)
	continue;
      if (n < 0)
	{
	  int e = errno;

	  free (buf);
	  close (fd);
	  errno = e;
	  return NULL;
	}
      if (n == 0)
	break;
      len += (size_t) n;
    }
  close (fd);
  buf[len] = '\0';
  return buf;
}

int
pkeyrt_maps_next (char **cursor, struct pkeyrt_mapping *m)
{
  while (**cursor != '\0')
    {
      char *line = *cursor, *next = strchr (line, '\n');
      unsigned long start, end;
      int name_at = 0;

      if (next != NULL)
	*next++ = '\0';
      else
	next = line + strlen (line);
      *cursor = next;
      /* The line ends after the inode: an anonymous mapping.  */
      if (sscanf (line, "%lx-%lx %4s %*x %*x:%*x %*u %n", &start, &end,
		  m->perms, &name_at) < 3)
	continue;
      m->start = start;
      m->end = end;
      m->name = name_at > 0 ? line + name_at : "";
      return 1;
    }
  return 0;
}
