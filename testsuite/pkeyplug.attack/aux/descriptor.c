/* Second unit of the attack tests that go after key "vault"'s descriptor:
   reaches the module's descriptor by its (hidden) symbol, which a unit
   that uses the key cannot declare itself.  */
#include <pkeyplug-abi.h>

extern struct pkeyplug_key_desc vault_desc __asm__ ("__pkeyplug_key.vault");

struct pkeyplug_key_desc *
vault_descriptor (void)
{
  return &vault_desc;
}
