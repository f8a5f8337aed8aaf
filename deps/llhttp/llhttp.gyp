# llhttp's C sources come from Debian's node-llhttp package; configure.py
# unpacks them into out/deps/llhttp (see lode_llhttp_dir in config.gypi).
{
  'targets': [{
    'target_name': 'llhttp',
    'type': 'static_library',
    'include_dirs': ['../../out/deps/llhttp/include'],
    'direct_dependent_settings': {
      'include_dirs': ['../../out/deps/llhttp/include'],
    },
    'cflags': ['-O2', '-fPIC', '-w'],
    'sources': [
      '../../out/deps/llhttp/src/api.c',
      '../../out/deps/llhttp/src/http.c',
      '../../out/deps/llhttp/src/llhttp.c',
    ],
  }],
}
