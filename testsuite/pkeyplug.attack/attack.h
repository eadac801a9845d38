/* attack.h -- for the attack tests: the attacker's own WRPKRU, and how to
   look at a secret without a grant.

   The WRPKRU is kept as data (in .rodata, which is not executable) and
   only becomes code where an attack makes it so: none of these programs
   holds a stray WRPKRU in its own code, so scan=1 lets them start.  */

#ifndef ATTACK_H
#define ATTACK_H

#include <stdio.h>
#include <string.h>

/* xor %ecx,%ecx; xor %edx,%edx; mov %edi,%eax; wrpkru; ret: a function
   that sets PKRU to its argument.  */
static const unsigned char attack_wrpkru_code[] =
  { 0x31, 0xc9, 0x31, 0xd2, 0x89, 0xf8, 0x0f, 0x01, 0xef, 0xc3 };

typedef void attack_set_pkru_fn (unsigned int pkru);

/* Copy the NUL-terminated string at SECRET (a protected object, read
   through a pointer so that the plugin sees no access to warn about) into
   BUF.  Faults unless the calling thread can read it.  */
static void __attribute__ ((noinline))
attack_copy (char *buf, size_t size, const volatile char *secret)
{
  size_t i;

  for (i = 0; i + 1 < size && secret[i] != '\0'; i++)
    buf[i] = secret[i];
  buf[i] = '\0';
}

#endif
