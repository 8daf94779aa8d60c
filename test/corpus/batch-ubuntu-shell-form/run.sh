#!/bin/sh
# ModelArts batch entry: start the model server in the foreground.
set -e
cd /home/ma-user
exec python3 /home/ma-user/server.py
