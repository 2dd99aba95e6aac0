# lit configuration for crace's end-to-end tests.
# Run:  python3 /usr/lib/llvm-14/build/utils/lit/lit.py -sv tests/lit
# (make check does this). Each test is a small C/C++ program with RUN lines
# that build it with the crace pass, run it under the runtime and FileCheck
# the report.
import os

import lit.formats

config.name = 'crace'
config.test_format = lit.formats.ShTest(execute_external=True)  # bash script
config.suffixes = ['.c', '.cpp']
config.excludes = ['Inputs']
config.test_source_root = os.path.dirname(os.path.abspath(__file__))

repo = os.path.realpath(os.path.join(config.test_source_root, '..', '..'))
build = os.path.join(repo, 'build')
llvm_bin = '/usr/lib/llvm-14/bin'
pass_so = os.path.join(build, 'libcrace-pass.so')
rt_so = os.path.join(build, 'libcrace.so')
inputs = os.path.join(config.test_source_root, 'Inputs')
scripts = os.path.join(repo, 'scripts')

if not os.path.exists(pass_so) or not os.path.exists(rt_so):
    lit_config.fatal('%s or %s missing: run make all first' % (pass_so, rt_so))

# Tests see no crace settings of the caller: only what a RUN line sets.
for var in ('CRACE_OPTIONS', 'LD_PRELOAD'):
    config.environment.pop(var, None)
# Stable messages for strerror and friends.
config.environment['LC_ALL'] = 'C'
# The SARIF Multitool is a .NET program: no ICU needed, no telemetry.
config.environment['DOTNET_SYSTEM_GLOBALIZATION_INVARIANT'] = '1'
config.environment['DOTNET_CLI_TELEMETRY_OPTOUT'] = '1'

common = '-fpass-plugin=%s -g -pthread -I%s -I%s' % (
    pass_so, inputs, os.path.join(repo, 'include'))
# Longest names first: lit substitutes in list order.
config.substitutions += [
    ('%clangxx_crace', 'clang++-14 %s -std=c++17' % common),
    ('%clang_crace', 'clang-14 %s' % common),
    ('%clang_plain', 'clang-14 -I%s' % os.path.join(repo, 'include')),
    ('%crace_cxx', os.path.join(scripts, 'crace-c++') + ' -I' + inputs),
    ('%crace_cc', os.path.join(scripts, 'crace-cc') + ' -I' + inputs),
    ('%crace_run', os.path.join(scripts, 'crace-run')),
    ('%crace_gate', os.path.join(scripts, 'crace-gate')),
    ('%sarif_multitool', os.path.join(
        build, 'sarif-multitool', 'node_modules', '@microsoft',
        'sarif-multitool-linux', 'Sarif.Multitool')),
    ('%gate_facts', 'python3 ' + os.path.join(inputs, 'gate_facts.py')),
    ('%crace_scripts', scripts),
    ('%libcrace_pass', pass_so),
    ('%libcrace', rt_so),
    ('%run', 'env LD_PRELOAD=%s' % rt_so),
    ('%expect_exit', 'bash %s' % os.path.join(inputs, 'expect-exit.sh')),
    ('%markers', 'bash %s' % os.path.join(inputs, 'markers.sh')),
    ('%whole_reports', 'python3 %s' % os.path.join(inputs, 'whole-reports.py')),
    # Whole words only: "cannot " must stay as it is.
    (r'(?<![\w/.-])FileCheck\b', os.path.join(llvm_bin, 'FileCheck')),
    (r'(?<![\w/.-])not\b', os.path.join(llvm_bin, 'not')),
]
