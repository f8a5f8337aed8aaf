# lode's build description; configure.py turns it into out/Makefile with gyp.
{
  'variables': {
    'lode_lib_files': ['<!@(find lib -name "*.js" | LC_ALL=C sort)'],
    'lode_core_sources': ['<!@(ls src/*.cc | grep -v src/lode_main.cc)'],
  },
  'targets': [
    {
      # Every file under lib/, embedded into the binary.
      'target_name': 'lode_js2c',
      'type': 'none',
      'actions': [{
        'action_name': 'js2c',
        'inputs': ['tools/js2c.py', '<@(lode_lib_files)'],
        'outputs': ['<(SHARED_INTERMEDIATE_DIR)/lode_javascript.cc'],
        'action': ['python3', 'tools/js2c.py',
                   '--out', '<(SHARED_INTERMEDIATE_DIR)/lode_javascript.cc',
                   '--root', 'lib', '<@(lode_lib_files)'],
      }],
    },
    {
      # The runtime without main(): shared by lode and cctest.
      'target_name': 'liblode',
      'type': 'static_library',
      'dependencies': ['lode_js2c', 'deps/llhttp/llhttp.gyp:llhttp'],
      'include_dirs': ['src', 'out/v8/include', 'out/gen'],
      'sources': [
        '<@(lode_core_sources)',
        '<(SHARED_INTERMEDIATE_DIR)/lode_javascript.cc',
      ],
      'direct_dependent_settings': {
        'include_dirs': ['src', 'out/v8/include', 'out/gen'],
        'ldflags': ['-L<(lode_v8_lib)', '-Wl,-rpath,\$$ORIGIN/../v8/lib',
                    '-rdynamic'],
        'libraries': ['-l:libnode.so.108', '-luv', '-lcares', '-lnghttp2',
                      '-lssl', '-lcrypto', '-licui18n', '-licuuc',
                      '-licudata', '-lz', '-lbrotlienc', '-lbrotlidec',
                      '-ldl'],
      },
    },
    {
      'target_name': 'lode',
      'type': 'executable',
      'dependencies': ['liblode'],
      'sources': ['src/lode_main.cc'],
    },
    {
      'target_name': 'cctest',
      'type': 'executable',
      'dependencies': ['liblode'],
      'cflags_cc!': ['-fno-exceptions'],
      'cflags_cc': ['-fexceptions'],
      'sources': ['<!@(ls test/cctest/*.cc)'],
    },
  ],
}
