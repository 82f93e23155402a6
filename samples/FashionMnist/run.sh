#!/usr/bin/env bash
# PARSEC on the DARTS space with Fashion-MNIST: search, export, retrain, evaluate. Options go to the program
# (run with --help to list them); the data comes from Debian's dataset-fashion-mnist unless --data is given.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/../Shared/install-fashion-mnist.sh" "$@"
exec dotnet run -c Release --project "$here/FashionMnist.csproj" -- "$@"
