// An addon that registers the way V8/NAN addons do: a record handed to
// node_module_register() from a static constructor. lode refuses to load
// it, with a message that says why.
#include <stddef.h>

// The layout of node.h's node_module (only nm_version is read).
struct legacy_module {
  int nm_version;
  unsigned int nm_flags;
  void* nm_dso_handle;
  const char* nm_filename;
  void* nm_register_func;
  void* nm_context_register_func;
  const char* nm_modname;
  void* nm_priv;
  struct legacy_module* nm_link;
};

extern void node_module_register(void* mod);

static struct legacy_module module = {108,  0,        NULL, __FILE__, NULL,
                                      NULL, "legacy", NULL, NULL};

__attribute__((constructor)) static void Register(void) {
  node_module_register(&module);
}
