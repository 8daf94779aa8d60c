#!/bin/sh
# Batch entry: serve in the foreground.
exec python3 /home/ma-user/batch_server.py
