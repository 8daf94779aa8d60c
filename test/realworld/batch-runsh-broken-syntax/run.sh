#!/bin/sh
# Batch entry: unzip the bundled assets, then serve in the foreground.
set -e
if [ -f /home/ma-user/assets.zip ]; then && unzip -o -q /home/ma-user/assets.zip -d /home/ma-user/assets; fi
exec python3 /home/ma-user/batch_server.py
