#!/usr/bin/env bash
# Installs Debian's dataset-fashion-mnist when it is missing and the caller's arguments carry no --data DIR.
# The samples' run.sh scripts call it with their own arguments before starting the program.
set -euo pipefail
data=/usr/share/datasets/fashion-mnist
if [[ " $* " == *" --data "* ]] || [ -f "$data/train-images-idx3-ubyte.gz" ]; then exit 0; fi
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
