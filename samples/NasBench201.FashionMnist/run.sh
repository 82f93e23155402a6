#!/usr/bin/env bash
# PARSEC on NAS-Bench-201's cell space with Fashion-MNIST: search, export, retrain, report against the committed
# ground-truth table. Other commands (compare, table, search) go first: run.sh compare --help.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/../Shared/install-fashion-mnist.sh" "$@"
exec dotnet run -c Release --project "$here/NasBench201.FashionMnist.csproj" -- "$@"
