#!/usr/bin/env bash
# The main job: PARSEC search on Fashion-MNIST, export, retrain, evaluate. Options go to the program
# (run with --help to list them); the data comes from Debian's dataset-fashion-mnist unless --data is given.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data=/usr/share/datasets/fashion-mnist
if [[ " $* " != *" --data "* ]] && [ ! -f "$data/train-images-idx3-ubyte.gz" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Fashion-MNIST (Debian package dataset-fashion-mnist)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist
  else
    echo "Fashion-MNIST is not installed. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y dataset-fashion-mnist" >&2
    echo "or pass --data DIR with a folder holding the four *-ubyte.gz files." >&2
    exit 1
  fi
fi
exec dotnet run -c Release --project "$here/FashionMnist.csproj" -- "$@"
