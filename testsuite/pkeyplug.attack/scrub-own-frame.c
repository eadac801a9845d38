/* Attack: read the granting function's own frame once it has returned.
   The function copies the secret into a local array and keeps words of
   it live across a call (spilled to its frame, or saved there by its
   callee).  With scrub-stack the exit gate clears the dead stack below
   the stack pointer, but the granting function's frame is still in use
   then: the plugin moves the body into a function of its own, which has
   returned by the time the grant closes, so its frame is dead stack
   too.  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-pkeyplug-scrub-stack=8192" } */

#include <stdio.h>
#include <pkeyplug.h>

#include "../pkeyplug.run/deadstack.h"

#define SECRET "own-frame:Tr0ub4dor&3+correct/h"

static unsigned char secret[32] PKEY_PROTECT ("vault") = SECRET;
#define WORDS { 0x5eC7e7cafe0dd001UL, 0x5eC7e7cafe0dd002UL, \
		0x5eC7e7cafe0dd003UL, 0x5eC7e7cafe0dd004UL }
static unsigned long words[4] PKEY_PROTECT ("vault") = WORDS;
/* What to look for, in ordinary memory (main's frame must not hold it).  */
static const unsigned long patterns[4] = WORDS;

__attribute__ ((noipa)) void
opaque (void)
{
}

PKEY_GRANT ("vault") __attribute__ ((noinline)) unsigned long
use_secret (void)
{
  volatile unsigned char copy[32];
  unsigned long a = words[0], b = words[1], c = words[2], d = words[3];

  for (int i = 0; i < 32; i++)
    copy[i] = secret[i];
  opaque ();
  return (a ^ b ^ c ^ d ^ copy[5]) & 0xff;
}

int
main (void)
{
  volatile unsigned char here;
  unsigned long v = use_secret ();
  int copy_found = found_below (&here, 8192, SECRET, 31);
  int words_found = 0;
  for (int i = 0; i < 4; i++)
    words_found += found_below (&here, 8192, (const char *) &patterns[i], 8);
  printf ("%lu; the frame's copy below the stack pointer: %s\n", v,
	  copy_found ? "found" : "none");
  printf ("its words below the stack pointer: %s\n",
	  words_found ? "found" : "none");
  return 0;
}

/* { dg-output "the frame's copy below the stack pointer: none\n" } */
/* { dg-output "its words below the stack pointer: none\n" } */
