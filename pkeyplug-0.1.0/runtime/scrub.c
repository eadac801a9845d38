/* scrub.c -- clear the stack below a grant that closes.

   With -fplugin-arg-pkeyplug-scrub-stack=BYTES the exit gate of a grant
   that actually closes a key calls __pkeyplug_scrub_stack: the frames of
   the functions the grant called lie dead below the stack pointer, with
   whatever secrets they copied, until something overwrites them.  The
   function is written in assembly so that it uses no stack of its own: it
   clears the BYTES (at most 1 MiB) right below its return address, which
   is all the dead stack but that one slot.  */

#include "pkeyrt.h"

/* More than this is surely a mistake; the stack has its limits (a thread's
   stack is 8 MiB by default).  */
#define SCRUB_MAX 0x100000

__asm__ ("\t.text\n"
	 "\t.globl __pkeyplug_scrub_stack\n"
	 "\t.type __pkeyplug_scrub_stack, @function\n"
	 "__pkeyplug_scrub_stack:\n"
	 "\t.cfi_startproc\n"
	 "\tmovl %edi, %ecx\n"
	 "\tmovl $" PKEYRT_STRINGIFY (SCRUB_MAX) ", %eax\n"
	 "\tcmpq %rax, %rcx\n"
	 "\tcmovaq %rax, %rcx\n"
	 "\tmovq %rsp, %rdi\n"
	 "\tsubq %rcx, %rdi\n"
	 "\txorl %eax, %eax\n"
	 "\trep stosb\n"
	 "\tret\n"
	 "\t.cfi_endproc\n"
	 "\t.size __pkeyplug_scrub_stack, .-__pkeyplug_scrub_stack\n");
