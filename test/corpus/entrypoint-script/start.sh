#!/bin/sh
set -e
echo "starting model server"
exec uvicorn main:app --host 0.0.0.0 --port 8080
