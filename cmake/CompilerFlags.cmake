# SPDX-License-Identifier: MIT
# Warnings and sanitizers for every QuantLens target (added per target with quantlens_target_defaults).
function(quantlens_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
  if(QUANTLENS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(QUANTLENS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

if(QUANTLENS_FUZZ)
  # Everything instrumented for coverage and checked by the sanitizers; the fuzz targets add the
  # libFuzzer driver when they link.
  # Alignment reports may be recovered so that tests/fuzz/ubsan.supp can silence the ones inside
  # FlatBuffers' own headers (see there); halt_on_error still stops on every other report.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                      -fsanitize-recover=alignment -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
