#!/bin/sh
# Start gunicorn in the background of this shell, pass SIGTERM on and wait for it (graceful stop within 90 s).
cd /home/mind/model
gunicorn -b 0.0.0.0:8080 --keep-alive 200 -k gevent --graceful-timeout 60 --access-logfile - app:app &
child=$!
trap 'kill -TERM "$child"' TERM INT
wait "$child"
