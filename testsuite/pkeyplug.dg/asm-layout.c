/* Protected objects go to their key's section, const ones to its .const
   twin (writable, so that nothing folds them), zero-initialised ones to a
   .bss twin (@nobits: no file contents).  Each section is bounded by two
   page-aligned one-byte COMDAT markers, made by top-level asm before
   anything else (compact layout, which survives -flto without the plugin
   at the link); the descriptor is a page-aligned COMDAT page.  */
/* { dg-do compile } */

int counter __attribute__ ((pkey ("vault")));
char pool[1 << 20] __attribute__ ((pkey ("vault")));
char key[32] __attribute__ ((pkey ("vault"))) = "abc";
const char pub[8] __attribute__ ((pkey ("vault"))) = "xyz";
int plain = 1;

__attribute__ ((pkey ("vault"))) int
use (void)
{
  return counter + key[0] + pub[0] + plain + pool[7];
}
/* { dg-final { scan-assembler "\\.section\t\\.pkeyplug\\.vault,\"aw\"" } } */
/* { dg-final { scan-assembler "\\.section\t\\.pkeyplug\\.vault\\.const,\"aw\"" } } */
/* { dg-final { scan-assembler "\\.section\t\\.pkeyplug\\.vault\\.bss,\"aw\",@nobits" } } */
/* { dg-final { scan-assembler-times "\\.balign\t4096\n\t\\.zero\t1\n" 6 } } */
/* { dg-final { scan-assembler "\\.pushsection\t\\.pkeyplug\\.vault,\"awGR\",@progbits,__pkeyplug_begin\\.pkeyplug\\.vault,comdat\n\t\\.balign\t4096\n\t\\.zero\t1\n\t\\.popsection\n\t\\.pushsection\t\\.pkeyplug\\.vault\\.end,\"awGR\",@progbits,__pkeyplug_end\\.pkeyplug\\.vault,comdat\n\t\\.balign\t4096\n" } } */
/* { dg-final { scan-assembler "\\.pushsection\t\\.pkeyplug\\.vault\\.bss\\.end,\"awGR\",@nobits,__pkeyplug_end\\.pkeyplug\\.vault\\.bss,comdat\n\t\\.balign\t4096\n" } } */
/* { dg-final { scan-assembler "\\.section\t\[^\n\]*__pkeyplug_key\\.vault,\"awG\",@progbits,__pkeyplug_key\\.vault,comdat" } } */
/* { dg-final { scan-assembler "\\.align 4096\n\[^\n\]*\n\[^\n\]*\n__pkeyplug_key\\.vault:" } } */
/* { dg-final { scan-assembler "\\.init_array\\.00100" } } */
