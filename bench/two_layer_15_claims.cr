# The web benchmark's derivation: backpropagation through a two-layer network, 15 claims.
X : 1 x M
W1 : M x N
b1, h1, a1 : 1 x N
W2 : N x 1
b2, h2, a2 : scalar
y : scalar binary

h1 = X W1 + b1
a1 = sigma(h1)
h2 = a1 W2 + b2
a2 = sigma(h2)
L = -y log(a2) - (1 - y) log(1 - a2)

dL/da2 = -y / a2 + (1 - y) / (1 - a2)
da2/dh2 = a2 (1 - a2)
dL/dh2 = dL/da2 da2/dh2 = a2 - y
dL/dW2 = a1^T dL/dh2 = a1^T (a2 - y)
dL/db2 = a2 - y
dh2/da1 = W2^T
dL/da1 = (a2 - y) W2^T
da1/dh1 = a1 .* (1 - a1)
dL/dh1 = dL/da1 .* a1 .* (1 - a1) = (a2 - y) W2^T .* a1 .* (1 - a1)
dL/dW1 = X^T dL/dh1 = X^T ((a2 - y) W2^T .* a1 .* (1 - a1))
dL/db1 = (a2 - y) W2^T .* a1 .* (1 - a1)
dL/dX = dL/dh1 W1^T
dh1/db1 = eye(N)
dL/dW2 = a1 (a2 - y)
dL/db1 = (a2 - y) W2^T
