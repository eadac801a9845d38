/* gadgets.c -- byte sequences pkeyplug-scan must report, in a program
   that also has gates it must not.  Built by scan.exp, never run.

   Each gadget has a function of its own, so that the test can check the
   symbol the scanner names.  Top-level asm fixes the bytes, and with them
   the offset of each sequence in its function.  */

#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

/* Two gates, whose WRPKRUs pkeyplug_wrpkru lists.  */
PKEY_GRANT ("vault") int
read_secret (void)
{
  return secret;
}

/* A WRPKRU hidden in an immediate: b8 0f 01 ef 00, at +1.  */
__asm__ ("\t.text\n"
	 "\t.globl gadget_immediate\n"
	 "\t.type gadget_immediate, @function\n"
	 "gadget_immediate:\n"
	 "\tmovl $0xef010f, %eax\n"
	 "\tret\n"
	 "\t.size gadget_immediate, .-gadget_immediate\n");

/* A WRPKRU split across two instructions: after a NOP, movb $0x0f, %al
   (b0 0f) then addl %ebp, %edi (01 ef), so at +2.  Spelt in bytes so
   that the assembler cannot pick another encoding.  */
__asm__ ("\t.text\n"
	 "\t.globl gadget_split\n"
	 "\t.type gadget_split, @function\n"
	 "gadget_split:\n"
	 "\tnop\n"
	 "\t.byte 0xb0, 0x0f\n"
	 "\t.byte 0x01, 0xef\n"
	 "\tret\n"
	 "\t.size gadget_split, .-gadget_split\n");

/* XRSTOR (0f ae 2f) at +0, XRSTOR64 (48 0f ae 6e 08) with its 0f at
   +5, XRSTORS (0f c7 1f) at +9.  Before XRSTORS, instructions that share
   its opcode bytes but are no gadgets: LFENCE (0f ae e8: a register
   operand), XSAVE (0f ae 27: reg field 4), XSAVEC (0f c7 27: reg 4).  */
__asm__ ("\t.text\n"
	 "\t.globl gadget_xrstor\n"
	 "\t.type gadget_xrstor, @function\n"
	 "gadget_xrstor:\n"
	 "\txrstor (%rdi)\n"
	 "\tnop\n"
	 "\txrstor64 8(%rsi)\n"
	 "\tret\n"
	 "\t.size gadget_xrstor, .-gadget_xrstor\n"
	 "\t.globl gadget_xrstors\n"
	 "\t.type gadget_xrstors, @function\n"
	 "gadget_xrstors:\n"
	 "\tlfence\n"
	 "\txsave (%rdi)\n"
	 "\txsavec (%rdi)\n"
	 "\txrstors (%rdi)\n"
	 "\tret\n"
	 "\t.size gadget_xrstors, .-gadget_xrstors\n");

/* A WRPKRU right after the end of a function whose size says it is not
   in it: no symbol holds it, so the scanner names none (naming the
   nearest function before it would point the reader at the wrong
   code).  */
__asm__ ("\t.text\n"
	 "\t.globl gadget_sized\n"
	 "\t.type gadget_sized, @function\n"
	 "gadget_sized:\n"
	 "\tret\n"
	 "\t.size gadget_sized, .-gadget_sized\n"
	 "\t.byte 0x0f, 0x01, 0xef\n");

/* A constant the compiler itself puts in an instruction's immediate.  */
unsigned int __attribute__ ((noinline, noipa))
gadget_constant (unsigned int x)
{
  return x ^ 0xef010fu;
}

int gadget_immediate (void);
int gadget_split (void);
void gadget_xrstor (void *, void *);
void gadget_xrstors (void *);
void gadget_sized (void);

/* Keep every gadget linked in.  */
void *volatile keep[] = {
  (void *) gadget_immediate, (void *) gadget_split, (void *) gadget_xrstor,
  (void *) gadget_xrstors, (void *) gadget_sized, (void *) gadget_constant
};

int
main (void)
{
  return read_secret () != 1;
}
