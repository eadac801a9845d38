/* deadstack.h -- for tests of scrub-stack: look for a secret's bytes in
   the dead stack below the caller's frame, where the frames of functions
   that have returned lie.  */

#ifndef DEADSTACK_H
#define DEADSTACK_H

/* Does a copy of PATTERN (LEN bytes) lie in the BYTES below FROM (past
   the first 16)?  Inlined and calling nothing: a call would overwrite
   what it looks at.  */
__attribute__ ((always_inline)) static inline int
found_below (volatile unsigned char *from, unsigned long bytes,
	     const char *pattern, int len)
{
  for (unsigned long i = 16; i < bytes; i++)
    {
      int j = 0;
      while (j < len && from[-(long) i + j] == (unsigned char) pattern[j])
	j++;
      if (j == len)
	return 1;
    }
  return 0;
}

#endif
