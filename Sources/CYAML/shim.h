#ifndef TWINC_CYAML_SHIM_H
#define TWINC_CYAML_SHIM_H
#include <yaml.h>
#endif
