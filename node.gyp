# lode's build description; configure.py turns it into out/Makefile with gyp.
{
  'variables': {
    'lode_lib_files': ['<!@(find lib -name "*.js" | LC_ALL=C sort)'],
    # Embedded as internal/deps/...: configure.py puts them there.
    'lode_deps_js_files': [
      'out/deps/acorn/acorn/dist/acorn.js',
      'out/deps/acorn/acorn-walk/dist/walk.js',
      'out/deps/cjs-module-lexer/lexer.js',
      'out/deps/amaro/dist/index.js',
    ],
    'lode_core_sources': ['<!@(ls src/*.cc | grep -v src/lode_main.cc)'],
  },
  'targets': [
    {
      # Every file under lib/, embedded into the binary.
      'target_name': 'lode_js2c',
      'type': 'none',
      'actions': [{
        'action_name': 'js2c',
        'inputs': ['tools/js2c.py', '<@(lode_lib_files)',
                   '<@(lode_deps_js_files)'],
        'outputs': ['<(SHARED_INTERMEDIATE_DIR)/lode_javascript.cc'],
        'action': ['python3', 'tools/js2c.py',
                   '--out', '<(SHARED_INTERMEDIATE_DIR)/lode_javascript.cc',
                   '--root', 'lib', '--deps-root', 'out/deps',
                   '<@(lode_lib_files)', '<@(lode_deps_js_files)'],
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
                      '-lzstd', '-ldeflate', '-ldl'],
      },
    },
    {
      # Runs the bootstrap at build time and writes lode's V8 startup
      # snapshot, and the code cache of the builtins.
      'target_name': 'lode_mksnapshot',
      'type': 'executable',
      'dependencies': ['liblode'],
      'sources': [
        'tools/snapshot/mksnapshot_main.cc',
        'tools/snapshot/no_snapshot.cc',
      ],
    },
    {
      'target_name': 'lode_snapshot',
      'type': 'none',
      'dependencies': ['lode_mksnapshot'],
      'actions': [{
        'action_name': 'mksnapshot',
        'inputs': ['<(PRODUCT_DIR)/lode_mksnapshot'],
        'outputs': [
          '<(SHARED_INTERMEDIATE_DIR)/lode_snapshot.bin',
          '<(SHARED_INTERMEDIATE_DIR)/lode_snapshot.bin.codecache',
          '<(SHARED_INTERMEDIATE_DIR)/lode_snapshot.cc',
        ],
        'action': [
          '<(PRODUCT_DIR)/lode_mksnapshot',
          '<(SHARED_INTERMEDIATE_DIR)/lode_snapshot.bin',
          '<(SHARED_INTERMEDIATE_DIR)/lode_snapshot.cc',
        ],
      }],
    },
    {
      'target_name': 'lode',
      'type': 'executable',
      'dependencies': ['liblode'],
      'sources': ['src/lode_main.cc'],
      'conditions': [
        ['lode_use_snapshot==1', {
          'dependencies': ['lode_snapshot'],
          'sources': ['<(SHARED_INTERMEDIATE_DIR)/lode_snapshot.cc'],
        }, {
          'sources': ['tools/snapshot/no_snapshot.cc'],
        }],
      ],
    },
    {
      'target_name': 'cctest',
      'type': 'executable',
      'dependencies': ['liblode'],
      'cflags_cc!': ['-fno-exceptions'],
      'cflags_cc': ['-fexceptions'],
      'sources': [
        '<!@(ls test/cctest/*.cc)',
        'tools/snapshot/no_snapshot.cc',
      ],
    },
  ],
}
