import TwinServe
