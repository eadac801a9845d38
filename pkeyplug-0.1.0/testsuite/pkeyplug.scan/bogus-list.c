/* bogus-list.c -- a pkeyplug_wrpkru list whose entries point near a
   WRPKRU but never at it: before it, into it and after it.  The WRPKRU
   must still be reported.  Built by scan.exp, never run.  */

/* The WRPKRU is at +2.  */
__asm__ ("\t.text\n"
	 "\t.globl bogus_list\n"
	 "\t.type bogus_list, @function\n"
	 "bogus_list:\n"
	 "\tnop\n"
	 "1:\tnop\n"
	 "2:\t.byte 0x0f, 0x01, 0xef\n"
	 "3:\tret\n"
	 "\t.size bogus_list, .-bogus_list\n"
	 "\t.pushsection pkeyplug_wrpkru, \"a\", @progbits\n"
	 "\t.balign 4\n"
	 "\t.long 1b - .\n"
	 "\t.long 2b + 1 - .\n"
	 "\t.long 3b - .\n"
	 "\t.popsection\n");

void bogus_list (void);
void *volatile keep = (void *) bogus_list;

int
main (void)
{
  return 0;
}
