/* __pkeyplug_scrub_stack (which the exit gates call with the size given
   by -fplugin-arg-pkeyplug-scrub-stack) called by the attacker with the
   largest size there is: it clears 1 MiB at most, right below the
   caller's stack pointer, as the caller (plain stores, under the
   caller's PKRU: what it could write anyway).  Here the caller is a
   thread whose stack lies at the top of a region filled with a pattern:
   the clearing starts exactly 1 MiB below its stack pointer, and the
   region is cleared from there to the stack's bottom.  */
/* { dg-do run } */

#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <pkeyplug.h>
#include <pkeyplug-abi.h>

#define REGION (4u << 20)
#define STACK (64u << 10)

int secret PKEY_PROTECT ("vault") = 1;
static unsigned char *region;
static uintptr_t sp;

static void *
scrub (void *unused)
{
  (void) unused;
  /* The call from assembly, past the red zone, to know the stack pointer
     the function starts with.  */
  __asm__ __volatile__ ("subq $128, %%rsp\n\t"
			"movq %%rsp, %0\n\t"
			"call __pkeyplug_scrub_stack@PLT\n\t"
			"addq $128, %%rsp"
			: "=&r" (sp)
			: "D" (0xffffffffu)
			: "rax", "rcx", "rdx", "rsi", "r8", "r9", "r10",
			  "r11", "memory", "cc");
  return NULL;
}

int
main (void)
{
  pthread_attr_t attr;
  pthread_t t;
  uintptr_t low, entry;
  size_t i;

  region = mmap (NULL, REGION, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED)
    return 1;
  memset (region, 0xaa, REGION);
  pthread_attr_init (&attr);
  pthread_attr_setstack (&attr, region + REGION - STACK, STACK);
  pthread_create (&t, &attr, scrub, NULL);
  pthread_join (t, NULL);

  for (i = 0; i < REGION && region[i] == 0xaa; i++)
    ;
  low = (uintptr_t) region + i;
  /* The return address is below the stack pointer of the call.  */
  entry = sp - 8;
  printf ("cleared from the stack pointer - %#lx\n",
	  (unsigned long) (entry - low));
  /* Above the stack's bottom the thread went on running.  */
  for (; i < REGION - STACK && region[i] == 0; i++)
    ;
  printf ("all of it below the stack cleared %d\n", i == REGION - STACK);
  return 0;
}
/* { dg-output "cleared from the stack pointer - 0x100000\n" } */
/* { dg-output "all of it below the stack cleared 1\n" } */
