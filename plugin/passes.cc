/* passes.cc -- the plugin's passes, each made from its name and the
   function that does its work, so that the files that do the work hold
   no pass class of their own.  */

#include "compat.h"
#include "pkeyplug-plugin.h"

namespace {

/* A GIMPLE pass that runs EXECUTE on each function.  Cloned when it is
   inserted after every instance of a pass.  */

class function_pass : public gimple_opt_pass
{
public:
  function_pass (const pass_data &data, gcc::context *ctxt,
		 unsigned int (*execute) (function *))
    : gimple_opt_pass (data, ctxt), m_execute (execute) {}
  opt_pass *clone () final override
  {
    return new function_pass (*this, m_ctxt, m_execute);
  }
  unsigned int execute (function *fun) final override
  {
    return m_execute (fun);
  }

private:
  unsigned int (*m_execute) (function *);
};

/* A simple IPA pass that runs EXECUTE once per unit, if GATE (when
   given) says so.  */

class unit_pass : public simple_ipa_opt_pass
{
public:
  unit_pass (const pass_data &data, gcc::context *ctxt, bool (*gate) (void),
	     unsigned int (*execute) (void))
    : simple_ipa_opt_pass (data, ctxt), m_gate (gate), m_execute (execute) {}
  bool gate (function *) final override
  {
    return m_gate == NULL || m_gate ();
  }
  unsigned int execute (function *) final override
  {
    return m_execute ();
  }

private:
  bool (*m_gate) (void);
  unsigned int (*m_execute) (void);
};

pass_data
make_pass_data (opt_pass_type type, const char *name, timevar_id_t tv,
		unsigned int properties_required)
{
  pass_data data = {
    type, name, OPTGROUP_NONE, tv, properties_required, 0, 0, 0, 0
  };
  return data;
}

} // anon namespace

opt_pass *
pkeyplug_function_pass (gcc::context *ctxt, const char *name,
			unsigned int properties_required,
			unsigned int (*execute) (function *))
{
  return new function_pass (make_pass_data (GIMPLE_PASS, name, TV_NONE,
					    properties_required),
			    ctxt, execute);
}

opt_pass *
pkeyplug_unit_pass (gcc::context *ctxt, const char *name, timevar_id_t tv,
		    bool (*gate) (void), unsigned int (*execute) (void))
{
  return new unit_pass (make_pass_data (SIMPLE_IPA_PASS, name, tv, 0), ctxt,
			gate, execute);
}
