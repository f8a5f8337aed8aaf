# Settings every gyp target of lode shares (configure.py passes this file
# to gyp with -I).
{
  'target_defaults': {
    'default_configuration': 'Release',
    'configurations': {
      'Release': {
        'cflags': ['-O2', '-g1'],
        'defines': ['NDEBUG'],
      },
      'Debug': {
        'cflags': ['-O0', '-g3'],
        'defines': ['DEBUG', '_GLIBCXX_ASSERTIONS'],
      },
    },
    'cflags': ['-Wall', '-Wextra', '-Wno-unused-parameter', '-pthread',
               '-fno-strict-aliasing'],
    'cflags_cc': ['-std=gnu++20', '-fno-rtti', '-fno-exceptions',
                  '-Wno-missing-field-initializers'],
    'ldflags': ['-pthread'],
    'conditions': [
      ['lode_asan==1', {
        'cflags': ['-fsanitize=address,undefined', '-fno-omit-frame-pointer'],
        'ldflags': ['-fsanitize=address,undefined'],
      }],
    ],
  },
}
