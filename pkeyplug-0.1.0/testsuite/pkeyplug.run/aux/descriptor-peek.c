/* Second unit of descriptor-readonly.c: reaches the module's descriptor of
   key "vault" by its (hidden) symbol; this unit uses no key itself.  */
extern volatile unsigned int vault_desc[] __asm__ ("__pkeyplug_key.vault");

volatile unsigned int *
vault_descriptor (void)
{
  return vault_desc;
}
