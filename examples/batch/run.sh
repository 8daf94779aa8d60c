#!/bin/sh
# ModelArts batch entry: started by CMD /bin/sh /home/run.sh. The model server runs in the foreground
# (exec: it becomes PID 1 and receives SIGTERM) and logs to stdout.
set -e
cd /home
exec python3 /home/server.py
