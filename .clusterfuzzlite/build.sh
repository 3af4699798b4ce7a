#!/bin/bash -eu
# ClusterFuzzLite / OSS-Fuzz build: $CC, $CXX, $CFLAGS, $CXXFLAGS (with the sanitizer and
# -fsanitize=fuzzer-no-link) and $LIB_FUZZING_ENGINE come from the environment; the fuzzers,
# their .options, .dict and seed corpora go to $OUT.
# When $SRC holds openssl/, libxml2/ and xmlsec/ checkouts (the Dockerfile clones them),
# they are built first, statically, with the same flags; otherwise the system's are used
# (a local test: see fuzz/README.md).
src=$SRC/samlkit
[[ -d $src ]] || src=$(cd "$(dirname "$0")/.." && pwd)
build=$WORK/samlkit-build
cmake_deps=()

if [[ -d $SRC/openssl && -d $SRC/libxml2 && -d $SRC/xmlsec ]]; then
  deps=$WORK/deps
  (cd "$SRC/openssl" && ./Configure linux-x86_64 no-shared no-tests no-apps no-asm --prefix="$deps" \
     --libdir=lib -fPIC "$CFLAGS" && make -j"$(nproc)" build_libs && make install_dev)
  (cd "$SRC/libxml2" && ./autogen.sh --prefix="$deps" --disable-shared --without-python \
     --without-lzma --without-icu --without-http --without-ftp && make -j"$(nproc)" && make install)
  (cd "$SRC/xmlsec" && PKG_CONFIG_PATH=$deps/lib/pkgconfig ./autogen.sh --prefix="$deps" \
     --disable-shared --disable-apps --disable-docs --disable-crypto-dl --without-gnutls \
     --without-nss --without-gcrypt --with-openssl="$deps" && make -j"$(nproc)" && make install)
  export PKG_CONFIG_PATH=$deps/lib/pkgconfig
  cmake_deps=(-DCMAKE_PREFIX_PATH="$deps" -DOPENSSL_ROOT_DIR="$deps" -DOPENSSL_USE_STATIC_LIBS=ON
              -DPKG_CONFIG_ARGN=--static -DCMAKE_EXE_LINKER_FLAGS="-ldl -pthread")
fi

cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER="$CC" \
  -DCMAKE_CXX_COMPILER="$CXX" -DSAMLKIT_FUZZ=ON -DSAMLKIT_FUZZ_SANITIZE=OFF \
  -DSAMLKIT_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" -DSAMLKIT_BUILD_TESTS=OFF -DSAMLKIT_BUILD_TOOLS=OFF \
  "${cmake_deps[@]}"
cmake --build "$build" -j "$(nproc)"

for options in "$src"/fuzz/*_fuzzer.options; do
  harness=$(basename "$options" .options)
  cp "$build/fuzz/$harness" "$options" "$src/fuzz/$harness.dict" "$OUT/"
  rm -f "$OUT/${harness}_seed_corpus.zip"
  (cd "$src/fuzz/corpus/$harness" && zip -q -r "$OUT/${harness}_seed_corpus.zip" .)
done
