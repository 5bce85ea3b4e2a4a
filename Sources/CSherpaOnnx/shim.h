// sherpa-onnx's C API, installed by scripts/native/provision-sherpa (pkg-config: sherpa-onnx).
#ifndef MINUTES_CSHERPAONNX_SHIM_H
#define MINUTES_CSHERPAONNX_SHIM_H
#include <sherpa-onnx/c-api/c-api.h>
#endif
