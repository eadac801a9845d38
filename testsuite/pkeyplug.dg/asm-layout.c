/* Protected objects go to their key's section, const ones to its .const
   twin (writable, so that nothing folds them), zero-initialised ones to a
   .bss. twin (no file contents), each padded to a page; the descriptor is
   a page-aligned COMDAT page.  */
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
/* { dg-final { scan-assembler "\\.section\t\\.bss\\.pkeyplug\\.vault,\"aw\",@nobits" } } */
/* { dg-final { scan-assembler-times "\\.balign\t4096" 3 } } */
/* { dg-final { scan-assembler "\\.section\t\[^\n\]*__pkeyplug_key\\.vault,\"awG\",@progbits,__pkeyplug_key\\.vault,comdat" } } */
/* { dg-final { scan-assembler "\\.align 4096\n\[^\n\]*\n\[^\n\]*\n__pkeyplug_key\\.vault:" } } */
/* { dg-final { scan-assembler "\\.init_array\\.00100" } } */
