#include "CFixedPoint.h"

#include <stdio.h>

int twinc_fixed_point(char *buffer, size_t size, int decimals, double value) {
    return snprintf(buffer, size, "%.*f", decimals, value);
}
