print("twinc")
