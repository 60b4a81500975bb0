# The SymPy side of bench/sympy.bench.js (python is used by benchmarks only): d loss / d w1 of an L-layer
# scalar chain a_k = f(w_k a_{k-1} + b_k), loss (a_L - y)^2, for each L given; prints one JSON object of
# CPU milliseconds (process time) by L, or the error's name when SymPy fails.
import json
import sys
import time

import sympy

def chain(layers, f):
    x, y = sympy.symbols('x y')
    a = x
    ws = []
    for k in range(1, layers + 1):
        w, b = sympy.symbols(f'w{k} b{k}')
        ws.append(w)
        a = f(w * a + b)
    return (a - y) ** 2, ws[0]

FUNCTIONS = {'sigma': lambda h: 1 / (1 + sympy.exp(-h)), 'tanh': sympy.tanh}

out = {}
for name in sys.argv[1].split(','):
    out[name] = {}
    for layers in map(int, sys.argv[2].split(',')):
        try:
            loss, w1 = chain(layers, FUNCTIONS[name])
            start = time.process_time()
            sympy.diff(loss, w1)
            out[name][layers] = (time.process_time() - start) * 1000
        except Exception as err:  # noqa: BLE001 - a benchmark reports any failure
            out[name][layers] = type(err).__name__
print(json.dumps(out))
