// Flite (CMU's Festival-lite) synthesis and its US English voices (Debian: flite1-dev).
// Debian ships no pkg-config file for flite, so the module map names the libraries itself.
#ifndef MINUTES_CFLITE_SHIM_H
#define MINUTES_CFLITE_SHIM_H
#include <flite/flite.h>

// Each voice library exports a register function that its header does not declare.
cst_voice *register_cmu_us_slt(const char *voxdir);
cst_voice *register_cmu_us_rms(const char *voxdir);
cst_voice *register_cmu_us_awb(const char *voxdir);
cst_voice *register_cmu_us_kal16(const char *voxdir);
#endif
